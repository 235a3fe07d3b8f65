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
