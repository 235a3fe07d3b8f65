/** Runs the site's build script (site/scripts/build.ts) as a person would, capturing its output. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const SITE_DIR = path.resolve(import.meta.dirname, '../../site');

export function buildSite(env: Record<string, string>): Promise<{ code: number; output: string; seconds: number }> {
  const started = performance.now();
  // Builds of different outputs never share Astro's cache folder (content store, images), so that test
  // files running at the same time in different processes cannot spoil each other's store.
  const cache = env.SITE_CACHE_DIR ?? (env.SITE_OUT_DIR ? `${path.resolve(env.SITE_OUT_DIR)}.astro-cache` : undefined);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      cwd: SITE_DIR,
      env: { ...process.env, ...env, ...(cache ? { SITE_CACHE_DIR: cache } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }));
  });
}

/** Every file under `dir`, relative, with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export type SharedSite = { out: string; output: string };

/**
 * The production build of the seeded demo site (SITE_URL https://thads.example), shared by the test files that
 * only read a built site (the browser checks, the search index checks): built once from a copy of the seeded
 * snapshot and kept in the test cache, keyed by that snapshot and everything the build reads (site and shared
 * sources, the lockfile). Read-only: a test that changes content builds its own site.
 * Undefined without a snapshot (THADS_TEST_FRESH=1, or outside Vitest): build your own, as before.
 */
export async function sharedSeededSite(): Promise<SharedSite | undefined> {
  const { snapshotFor } = await import('./strapi.ts');
  const snapshot = snapshotFor('sqlite', true);
  if (!snapshot) return undefined;
  const { CACHE_DIR, ROOT, hashPaths, withLock } = await import('./snapshot.ts');
  const hash = hashPaths(
    ['site/src', 'site/public', 'site/scripts', 'site/astro.config.mjs', 'site/package.json', 'site/tsconfig.json', 'shared/src', 'shared/package.json', 'package-lock.json', 'test/helpers/site.ts', 'test/helpers/build-shared-site.ts'].map((p) => path.join(ROOT, p)),
  );
  const key = hash.update(fs.readFileSync(path.join(snapshot.dir, 'snapshot.json'))).digest('hex').slice(0, 16);
  const folder = path.join(CACHE_DIR, `site-${key}`);
  const found = () => (fs.existsSync(path.join(folder, 'site', 'pagefind', 'pagefind.js')) ? { out: path.join(folder, 'site'), output: fs.readFileSync(path.join(folder, 'build.log'), 'utf8') } : undefined);
  return (
    found() ??
    withLock(`site-${key}`, async () => {
      const again = found();
      if (again) return again;
      const building = `${folder}.building`;
      fs.rmSync(building, { recursive: true, force: true });
      // In a child process: the calling test file may have a Strapi of its own running (one per process).
      const child = spawn(process.execPath, [path.join(import.meta.dirname, 'build-shared-site.ts'), building], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
      if (code !== 0) throw new Error(`building the shared seeded site failed (exit ${code}):\n${output.slice(-6000)}`);
      fs.rmSync(path.join(building, 'site.astro-cache'), { recursive: true, force: true });
      fs.rmSync(folder, { recursive: true, force: true });
      fs.renameSync(building, folder);
      return found()!;
    })
  );
}
