/**
 * Preloaded into every Node process of the heavy test projects (NODE_OPTIONS=--import, see vitest.config.ts):
 * when the process is a site build (site/scripts/build.ts, however started: test/helpers/site.ts's buildSite()
 * or the publisher's builder), it first waits for the machine-wide site build lock and holds it until it
 * exits; so does `astro sync` (test/run.ts preloads this into the type check too). Two Astro builds never run
 * at the same time, whichever test lane starts them: they would share site/.astro. Every other process (the
 * test workers, Astro's own child of a build) is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';

const real = (p: string) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};
const script = process.argv[1] ? real(process.argv[1]) : '';
const BUILD_SCRIPT = real(path.resolve(import.meta.dirname, '../../site/scripts/build.ts'));
// `astro sync` (the type check's) rewrites site/.astro as a build does.
const astroSync = script.endsWith(`${path.sep}astro${path.sep}bin${path.sep}astro.mjs`) && process.argv[2] === 'sync';

if ((script === BUILD_SCRIPT || astroSync) && !process.env.THADS_SITE_BUILD_UNLOCKED) {
  const cache = path.resolve(process.env.THADS_TEST_CACHE_DIR || path.resolve(import.meta.dirname, '../../node_modules/.cache/thads-test'));
  const dir = path.join(cache, 'locks', 'site-build');
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
      break;
    } catch (error: any) {
      if (error?.code !== 'EEXIST') throw error;
      let owner = 0;
      try {
        owner = Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'));
      } catch {}
      let alive = true;
      if (owner) {
        try {
          process.kill(owner, 0);
        } catch {
          alive = false;
        }
      } else {
        // Taken this very moment (the pid not written yet), or left by a process killed in between.
        const made = fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? 0;
        alive = Date.now() - made < 5000;
      }
      if (!alive || Date.now() - started > 20 * 60_000) fs.rmSync(dir, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 100));
    }
  }
  const waited = Date.now() - started;
  if (waited > 1000 && process.env.THADS_TEST_VERBOSE) console.log(`[site-build-lock] waited ${(waited / 1000).toFixed(1)} s for another site build`);
  // Test builds of the seeded content share their optimised images (test/helpers/shared-image-cache.ts).
  if (script === BUILD_SCRIPT) await (await import('./shared-image-cache.ts')).shareImageCache();
  process.on('exit', () => {
    try {
      if (Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8')) === process.pid) fs.rmSync(dir, { recursive: true, force: true });
    } catch {}
  });
  // (Stopped by a signal, build.ts stops Astro and exits: 'exit' runs. Killed outright, the next build finds
  // the owner dead and takes the lock over.)
}
