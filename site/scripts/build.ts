/**
 * `npm run build`: builds the site into a temporary folder next to the output folder and, only when the build
 * succeeded, swaps it in; then indexes the live pages for the site search (scripts/search-index.ts, Pagefind)
 * beside them and switches the index in. A failed build (Strapi down, invalid data) leaves the previous site
 * untouched. The output folder is SITE_OUT_DIR (default site/dist).
 *
 * Targeted build (the publisher's builds after an editor's change, THADS_CHANGES naming entries of "leaf" types;
 * scripts/targeted.ts, src/build/targeted-build.ts): Astro renders only the paths whose cache key changed since
 * the live build, the paths without a key, and nothing else; each of those files is swapped into the live
 * folder by rename, the paths gone are deleted and sitemap.xml is rewritten. Anything else, a change of code or
 * settings since the live build, or THADS_FULL_BUILD=1, makes a full build.
 *
 * Run with Node 24 (type stripping): node scripts/build.ts [extra astro build flags]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseChanges } from '../src/build/changes.ts';
import type { BuildPlan } from '../src/build/targeted-build.ts';
import { buildSearchIndex, htmlFiles, SearchIndexSession, type SearchIndexResult } from './search-index.ts';
import { applyTargeted, clearState, codeHash, keysOf, outputFileOf, readState, stateDirOf, writeState } from './targeted.ts';

const siteDir = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(siteDir, process.env.SITE_OUT_DIR || 'dist');
const parent = path.dirname(outDir);
fs.mkdirSync(parent, { recursive: true });
// Beside the output, so that the final swap is a rename on one file system. The name is fixed on purpose:
// Astro clears its content store (and its per-entry digests) whenever the config, outDir included, changes.
// Astro writes its prerender bundle into <tmpDir>/.prerender when tmpDir is inside site/, else into the
// shared site/.astro/.prerender: builds that may run at the same time (the publisher's public build and a
// draft preview) must therefore have their output folders inside site/ (site/dist, site/.preview/…).
// An output folder outside site/ (tests, benchmarks) is therefore built in site/.builds/<hash of its path>/ and
// moved into place at the end.
const relParent = path.relative(siteDir, parent);
const insideSite = !relParent.startsWith('..') && !path.isAbsolute(relParent);
const workDir = insideSite ? parent : path.join(siteDir, '.builds', createHash('sha256').update(outDir).digest('hex').slice(0, 16));
fs.mkdirSync(workDir, { recursive: true });
const tmpDir = path.join(workDir, `.${path.basename(outDir)}-next`);
const lockFile = `${tmpDir}.lock`;

/** One build at a time: a second one would write into the same temporary folder. */
function takeLock(): void {
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    let alive = false;
    try {
      process.kill(holder, 0);
      alive = holder !== process.pid;
    } catch {}
    if (alive) {
      console.error(`Một lần build khác đang chạy (tiến trình ${holder}). / Another build is running (process ${holder}).`);
      process.exit(1);
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  process.on('exit', () => fs.rmSync(lockFile, { force: true }));
}
takeLock();
fs.rmSync(tmpDir, { recursive: true, force: true });

/**
 * What a build replaces (the previous site after a full build, the previous search index) is moved aside into
 * `.<out>-trash-…` and deleted by the next build while it works, not at the end of this one: deleting 15,000
 * files takes seconds (5–10 s at 10,000 articles on a busy machine) that the pages and search would otherwise
 * wait for.
 */
const trashPrefix = `.${path.basename(outDir)}-trash-`;
const emptying = Promise.all(
  fs
    .readdirSync(parent)
    .filter((name) => name.startsWith(trashPrefix))
    .map((name) => fs.promises.rm(path.join(parent, name), { recursive: true, force: true }).catch(() => {})),
);
function toTrash(dir: string): void {
  if (fs.existsSync(dir)) fs.renameSync(dir, path.join(parent, `${trashPrefix}${process.pid}-${Date.now()}-${path.basename(dir)}`));
}

const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const started = performance.now();
const preview = Boolean(process.env.THADS_PREVIEW);
// What Astro's build tells scripts/targeted.ts: every path with its key (src/build/targeted-build.ts).
const planFile = `${tmpDir}.plan.json`;
fs.rmSync(planFile, { force: true });
fs.rmSync(`${planFile}.sitemap.json`, { force: true });

function astroBuild(env: Record<string, string>): Promise<number> {
  return new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
      cwd: siteDir,
      // Nothing may call the internet during a build: Astro's telemetry is off.
      env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, SITE_OUT_DIR: tmpDir, ...env },
      stdio: 'inherit',
    });
    // Stopping this script stops the build too (and the exit handler frees the lock).
    const stop = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', stop).on('SIGTERM', stop);
    child.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
    child.on('exit', (status, signal) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolve(status ?? (signal ? 1 : 0));
    });
  });
}

function failed(code: number): never {
  fs.rmSync(tmpDir, { recursive: true, force: true });
  console.error(`\nBuild thất bại (mã ${code}): giữ nguyên trang cũ trong ${outDir}. / Build failed (exit ${code}): the previous site in ${outDir} is untouched.`);
  process.exit(code);
}

const code = preview ? '' : codeHash();
const live = preview ? null : readState(outDir);
const changes = parseChanges(process.env.THADS_CHANGES);
let targeted =
  !preview && !changes.full && process.env.THADS_FULL_BUILD !== '1' && live !== null && live.code === code && fs.existsSync(path.join(outDir, 'index.html'));

const previousIndex = path.join(outDir, 'pagefind');
const nextIndex = `${outDir}.pagefind-next`;
// The pages' prepared contents are kept beside the state (cleared with it by a full build or a code change): a
// targeted build reads and prepares only the files it rewrote, and takes the fragments of the other pages from
// the live index (hard links) instead of having Pagefind compress and write them again.
const recordsFile = path.join(stateDirOf(outDir), 'search-records.json');
/**
 * A targeted build's search index is started while Astro renders: as soon as the build's plan names every path
 * of the site-to-be and those being rendered, every page goes to Pagefind in the index's order (the unchanged ones
 * from the kept records, a placeholder for each page being rendered: scripts/search-index.ts SearchIndexSession);
 * once the rendered pages are live they replace their placeholders, and the index is written. Pagefind's adding,
 * which took as long as writing, is then done on the other core while Astro works. THADS_SEARCH_ALONGSIDE=0 turns
 * it off (the index is then made after the pages, as by a full build).
 */
let searchSession: { session: SearchIndexSession; adding: Promise<void>; rendered: string[] } | null = null;

if (targeted && live) {
  let watching = process.env.THADS_SEARCH_ALONGSIDE !== '0';
  const indexStarting = (async () => {
    while (watching && !fs.existsSync(planFile)) await new Promise((r) => setTimeout(r, 100));
    if (!watching) return;
    const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as BuildPlan;
    const now = new Set(plan.paths.map((p) => p.pathname));
    const gone = new Set(Object.keys(live.keys).filter((p) => !now.has(p)).map(outputFileOf));
    const rendered = plan.rendered.map(outputFileOf).filter((rel) => rel.endsWith('.html'));
    const order = [...new Set([...htmlFiles(outDir).filter((rel) => !gone.has(rel)), ...rendered])].sort();
    fs.mkdirSync(path.dirname(recordsFile), { recursive: true });
    const session = await SearchIndexSession.open(outDir, {}, nextIndex, { recordsFile, reuseFrom: previousIndex });
    searchSession = { session, adding: session.add(order, new Set(rendered)), rendered };
    // Awaited below; a failure here makes the index from nothing after the pages (the catch keeps Node quiet).
    searchSession.adding.catch(() => {});
  })().catch((error) => {
    console.error('Không bắt đầu được chỉ mục tìm kiếm cùng lúc; sẽ tạo sau. / Could not start the search index alongside:', error);
    searchSession = null;
  });
  const exit = await astroBuild({ THADS_BUILD_PLAN: planFile, THADS_TARGET_KEYS: path.join(stateDirOf(outDir), 'keys.json') });
  watching = false;
  await indexStarting;
  if (exit !== 0) failed(exit);
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as BuildPlan;
  const result = applyTargeted(tmpDir, outDir, plan, live, process.env.SITE_URL || 'http://localhost:4321');
  fs.rmSync(tmpDir, { recursive: true, force: true });
  if ('codeChanged' in result) {
    console.log(`\n${result.codeChanged} chưa có trên trang công khai: mã nguồn đã đổi, dựng lại toàn bộ. / ${result.codeChanged} is not live: the code changed, full build.`);
    targeted = false;
    if (searchSession) {
      const { session, adding } = searchSession as { session: SearchIndexSession; adding: Promise<void> };
      await adding.catch(() => {});
      await session.abort();
      searchSession = null;
    }
  } else {
    writeState(outDir, live);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `\nĐã cập nhật ${result.written} tệp (dựng ${result.rendered} đường dẫn, gỡ ${result.removed}) trong ${outDir} (${seconds} s). / Targeted build: ${result.written} files updated, ${result.removed} removed, ${result.rendered} paths rendered (${seconds} s).`,
    );
  }
}

if (!targeted) {
  const exit = await astroBuild(preview ? {} : { THADS_BUILD_PLAN: planFile });
  if (exit !== 0) failed(exit);

  // The previous search index goes into the new folder (hard links: instant), so that search keeps working
  // the moment the new pages go live; the new index replaces it right after (below).
  if (!preview && fs.existsSync(previousIndex)) linkTree(previousIndex, path.join(tmpDir, 'pagefind'));

  const countPages = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countPages(path.join(dir, e.name)) : e.name.endsWith('.html') ? 1 : 0), 0);
  const pages = countPages(tmpDir);

  // The state of the new site, for the next targeted build; none (a full build next) when the plan is missing.
  clearState(outDir);
  const plan = fs.existsSync(planFile) ? (JSON.parse(fs.readFileSync(planFile, 'utf8')) as BuildPlan) : null;
  const sitemapEntries = fs.existsSync(`${planFile}.sitemap.json`) ? JSON.parse(fs.readFileSync(`${planFile}.sitemap.json`, 'utf8')) : null;

  // Swap: current → old, new → current, then drop old. Between the two renames the folder is absent for
  // an instant; a web server should serve a symlink or the parent to avoid even that.
  const oldDir = path.join(parent, `.${path.basename(outDir)}-old`);
  fs.rmSync(oldDir, { recursive: true, force: true });
  const hadPrevious = fs.existsSync(outDir);
  if (hadPrevious) fs.renameSync(outDir, oldDir);
  try {
    fs.renameSync(tmpDir, outDir);
  } catch (error) {
    // site/.builds on another file system than the output folder: copy instead.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.cpSync(tmpDir, outDir, { recursive: true });
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  if (plan && sitemapEntries) writeState(outDir, { code, keys: keysOf(plan), sitemap: sitemapEntries });

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nĐã xuất bản ${pages} trang vào ${outDir} (${seconds} s). / Published ${pages} pages to ${outDir} (${seconds} s).`);
  // The old folder goes once the new one is live, deleted by the next build.
  if (hadPrevious) toTrash(oldDir);
}
fs.rmSync(planFile, { force: true });
fs.rmSync(`${planFile}.sitemap.json`, { force: true });

// Then the search index of the pages now live, built beside and switched in by renames. Until then search
// answers from the previous index (a page published seconds ago is not found yet; one just removed may still
// be listed, and opens the 404 page). A draft preview (THADS_PREVIEW) has no index: it shows one page to one
// editor. Exit code 3: the pages are live but the index could not be rebuilt (the previous one stays).
if (!preview) {
  let search: SearchIndexResult | undefined;
  try {
    const alongside = searchSession as { session: SearchIndexSession; adding: Promise<void>; rendered: string[] } | null;
    if (alongside) {
      try {
        await alongside.adding;
        await alongside.session.replace(alongside.rendered.filter((rel) => fs.existsSync(path.join(outDir, rel))));
        search = await alongside.session.finish();
        console.log('Chỉ mục tìm kiếm: các trang đã được thêm trong khi dựng. / Search index: pages added alongside the build.');
      } catch (error) {
        // Made again from the folder as it is now, below.
        console.error('Chỉ mục tìm kiếm làm cùng lúc thất bại, làm lại. / The search index made alongside failed, making it again:', error);
        await alongside.session.abort().catch(() => {});
      }
    }
    if (!search) {
      fs.mkdirSync(path.dirname(recordsFile), { recursive: true });
      search = await buildSearchIndex(outDir, {}, nextIndex, { recordsFile, reuseFrom: previousIndex });
    }
  } catch (error) {
    fs.rmSync(nextIndex, { recursive: true, force: true });
    console.error(error);
    console.error(`\nTạo chỉ mục tìm kiếm thất bại: các trang đã cập nhật, ô tìm kiếm vẫn dùng chỉ mục cũ. / Search indexing failed: the pages are live, search still uses the previous index.`);
    process.exit(3);
  }
  const oldIndex = `${outDir}.pagefind-old`;
  fs.rmSync(oldIndex, { recursive: true, force: true });
  if (fs.existsSync(previousIndex)) fs.renameSync(previousIndex, oldIndex);
  fs.renameSync(nextIndex, previousIndex);
  toTrash(oldIndex);
  const st = search.stages;
  const stages = `kept records ${st.records.toFixed(1)} s, pages added ${(st.add - st.records).toFixed(1)} s, written ${(st.write - st.add).toFixed(1)} s, ${search.reused} fragments reused`;
  console.log(
    `Chỉ mục tìm kiếm: ${search.pages} trang (${search.prepared} tệp đọc lại), ${search.files} tệp, ${(search.bytes / 1024).toFixed(0)} KB (${search.seconds.toFixed(1)} s). / Search index: ${search.pages} pages (${search.prepared} files read again; ${stages}), ${search.files} files, ${(search.bytes / 1024).toFixed(0)} KB (${search.seconds.toFixed(1)} s).`,
  );
}
await emptying;

/** Copies a folder as hard links (same file system: the output folder's parent). */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(a, b);
    else fs.linkSync(a, b);
  }
}
