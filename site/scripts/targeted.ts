/**
 * The live side of targeted builds (issue 20; src/build/targeted-build.ts is the Astro side): what scripts/build.ts
 * keeps beside the live folder between builds, and how a targeted build's few files go into it.
 *
 * State, in `.<out>-state/` beside the output folder, written after every successful build:
 *  - keys.json: every path of the live site with its cache key (null: no key, rendered at every build);
 *  - sitemap.json: the sitemap entry of every listed HTML file (so that a targeted build rewrites sitemap.xml
 *    exactly as a full build would, without reading 15,000 pages);
 *  - meta.json: the hash of the code and settings the live site was built with. A targeted build is only done
 *    when it is unchanged: keys cover data, not templates.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BuildPlan, LiveKeys } from '../src/build/targeted-build.ts';
import { pageEntry, sitemapFiles, type SitemapEntry } from '../src/lib/sitemap.ts';

export type LiveState = { keys: LiveKeys; sitemap: Record<string, SitemapEntry>; code: string };

const SITE_DIR = path.resolve(import.meta.dirname, '..');
const ROOT = path.resolve(SITE_DIR, '..');

export const stateDirOf = (outDir: string) => path.join(path.dirname(outDir), `.${path.basename(outDir)}-state`);

/**
 * A hash of everything a page's HTML depends on besides the content: the site's code (tests aside), the shared
 * package as built, the installed packages, and the settings passed to the build.
 */
export function codeHash(env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256');
  const add = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) add(path.join(p, name));
    } else if (!/\.test\.tsx?$/.test(p)) {
      hash.update(path.relative(ROOT, p)).update('\0').update(fs.readFileSync(p)).update('\0');
    }
  };
  for (const p of ['site/src', 'site/public', 'site/scripts', 'site/astro.config.mjs', 'site/package.json', 'site/tsconfig.json', 'shared/dist', 'package-lock.json']) add(path.join(ROOT, p));
  for (const name of ['SITE_URL', 'PUBLIC_CMS_URL', 'STRAPI_URL', 'MEDIA_URL', 'SITE_BASE']) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex');
}

export function readState(outDir: string): LiveState | null {
  const dir = stateDirOf(outDir);
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as { code: string };
    return {
      code: meta.code,
      keys: JSON.parse(fs.readFileSync(path.join(dir, 'keys.json'), 'utf8')) as LiveKeys,
      sitemap: JSON.parse(fs.readFileSync(path.join(dir, 'sitemap.json'), 'utf8')) as Record<string, SitemapEntry>,
    };
  } catch {
    return null;
  }
}

/** Writes a file by rename, so that a reader sees the old or the new content, never a part. */
export function writeAtomic(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

export function writeState(outDir: string, state: LiveState): void {
  const dir = stateDirOf(outDir);
  fs.mkdirSync(dir, { recursive: true });
  // meta.json last and removed first: a state cut short by a crash is not used (the next build is full).
  fs.rmSync(path.join(dir, 'meta.json'), { force: true });
  writeAtomic(path.join(dir, 'keys.json'), JSON.stringify(state.keys));
  writeAtomic(path.join(dir, 'sitemap.json'), JSON.stringify(state.sitemap));
  writeAtomic(path.join(dir, 'meta.json'), JSON.stringify({ code: state.code, at: new Date().toISOString() }));
}

export function clearState(outDir: string): void {
  fs.rmSync(stateDirOf(outDir), { recursive: true, force: true });
}

export const keysOf = (plan: BuildPlan): LiveKeys => Object.fromEntries(plan.paths.map((p) => [p.pathname, p.key]));

/** The file a path is written to (build.format "directory"): "/a/b/" → "a/b/index.html", "/rss/x.xml" → itself. */
export function outputFileOf(pathname: string): string {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  if (trimmed === '404' || trimmed === '500') return `${trimmed}.html`;
  if (/\.[a-z0-9]+$/i.test(trimmed.split('/').pop() ?? '')) return trimmed;
  return trimmed ? `${trimmed}/index.html` : 'index.html';
}

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

function sameContent(a: string, b: string): boolean {
  const sa = fs.statSync(a, { throwIfNoEntry: false });
  const sb = fs.statSync(b, { throwIfNoEntry: false });
  if (!sa || !sb || sa.size !== sb.size) return false;
  return fs.readFileSync(a).equals(fs.readFileSync(b));
}

export type ApplyResult = { written: number; unchanged: number; removed: number; rendered: number } | { codeChanged: string };

/**
 * Puts the output of a targeted build (`builtDir`) into the live folder: each new or changed file swapped in by
 * rename (scripts, styles and images first, then new pages, then changed ones: a link never points at a page
 * not there yet), the paths gone from the site deleted, sitemap.xml rewritten from the kept entries. A script or
 * style of the build missing from the live folder means the code changed: nothing is touched and the caller
 * makes a full build.
 */
export function applyTargeted(builtDir: string, outDir: string, plan: BuildPlan, state: LiveState, site: string): ApplyResult {
  const built = filesUnder(builtDir);
  for (const rel of built) {
    if (rel.startsWith('_astro/') && /\.(m?js|css)$/.test(rel) && !fs.existsSync(path.join(outDir, rel))) return { codeChanged: rel };
  }
  const isPage = (rel: string) => /\.(html|xml)$/.test(rel);
  const isNew = (rel: string) => !fs.existsSync(path.join(outDir, rel));
  const order = (rel: string) => (!isPage(rel) ? 0 : isNew(rel) ? 1 : 2);
  let written = 0;
  let unchanged = 0;
  for (const rel of [...built].sort((a, b) => order(a) - order(b))) {
    const from = path.join(builtDir, rel);
    const to = path.join(outDir, rel);
    if (sameContent(from, to)) {
      unchanged++;
      continue;
    }
    writeAtomic(to, fs.readFileSync(from));
    written++;
  }
  // Paths gone from the site (unpublished, deleted, a list that got shorter).
  const now = new Set(plan.paths.map((p) => p.pathname));
  const sitemap = { ...state.sitemap };
  let removed = 0;
  for (const pathname of Object.keys(state.keys)) {
    if (now.has(pathname)) continue;
    const rel = outputFileOf(pathname);
    delete sitemap[rel];
    const file = path.join(outDir, rel);
    if (!fs.existsSync(file)) continue;
    fs.rmSync(file, { force: true });
    removed++;
    // Empty folders left behind go too (never the live folder itself).
    for (let dir = path.dirname(file); dir.startsWith(outDir + path.sep); dir = path.dirname(dir)) {
      try {
        fs.rmdirSync(dir);
      } catch {
        break;
      }
    }
  }
  for (const rel of built) {
    if (!rel.endsWith('.html')) continue;
    const entry = pageEntry(builtDir, rel);
    if (entry) sitemap[rel] = entry;
    else delete sitemap[rel];
  }
  for (const [name, xml] of sitemapFiles(Object.values(sitemap), site)) {
    const file = path.join(outDir, name);
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== xml) writeAtomic(file, xml);
  }
  state.sitemap = sitemap;
  state.keys = keysOf(plan);
  return { written, unchanged, removed, rendered: plan.rendered.length };
}
