import path from 'node:path';
import { defineConfig } from 'vitest/config';
import LaneSequencer from './test/helpers/lane-sequencer.ts';

/**
 * Kinds of suites:
 * - unit: pure functions, beside the code they test (shared/src/**\/*.test.ts, site/src/**\/*.test.ts,
 *   site/publisher/**\/*.test.ts);
 * - cms: a real Strapi on a fresh SQLite database, and again on PostgreSQL when TEST_DATABASE_URL is set;
 * - site: a real site build against a real seeded Strapi;
 * - e2e: journeys in headless Chromium (@sparticuz/chromium + playwright-core) on such a build, served locally;
 * - journeys: the long admin journeys (every public type through the admin), run by `npm run test:journeys`.
 * Strapi is one per process: those suites run in forks, one file at a time (npm test runs two such lanes at once:
 * test/run.ts). Each file boots its own Strapi on a copy of the database snapshots made by global setup
 * (test/helpers/snapshot.ts). Two Astro builds at once from site/ would overwrite each other's files in
 * site/.astro: every site build takes a machine-wide lock first (test/helpers/site-build-lock.ts).
 */
// Every Node process of these projects preloads the site build lock (a site build waits for any other one).
const NODE_OPTIONS = [process.env.NODE_OPTIONS, `--import=${path.resolve(import.meta.dirname, 'test/helpers/site-build-lock.ts')}`].filter(Boolean).join(' ');
// One process runs a project's files one after another (isolate: false): Strapi and its libraries load once
// per lane instead of once per file (cms-sqlite: 670 s → 377 s on a loaded 2-core machine). Each file still
// boots its own Strapi on its own database copy; what a file could leave behind is reset: our CMS modules
// (reloaded per Strapi, test/helpers/strapi.ts), the admin's login rate limit, the environment
// (test/helpers/file-env.ts). THADS_TEST_ISOLATE=1 runs each file in a fresh process, as before.
const heavy = {
  pool: 'forks' as const,
  fileParallelism: false,
  isolate: process.env.THADS_TEST_ISOLATE === '1',
  setupFiles: ['test/helpers/file-env.ts'],
  testTimeout: 120_000,
  hookTimeout: 600_000,
  globalSetup: ['test/helpers/global-setup.ts'],
};

export default defineConfig({
  test: {
    sequence: { sequencer: LaneSequencer },
    projects: [
      { test: { name: 'unit', include: ['shared/src/**/*.test.ts', 'site/src/**/*.test.ts', 'site/publisher/**/*.test.ts', 'cms/src/**/*.test.ts'] } },
      { test: { name: 'cms-sqlite', include: ['test/cms/**/*.test.ts'], env: { TEST_DB: 'sqlite', NODE_OPTIONS }, ...heavy } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ test: { name: 'cms-postgres', include: ['test/cms/**/*.test.ts'], env: { TEST_DB: 'postgres', NODE_OPTIONS }, ...heavy } }]
        : []),
      { test: { name: 'site', include: ['test/site/**/*.test.ts'], env: { TEST_DB: 'sqlite', NODE_OPTIONS }, ...heavy } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], env: { TEST_DB: 'sqlite', NODE_OPTIONS }, ...heavy } },
      // Long journeys through the admin that do not fit npm test's budget: npm run test:journeys (.ci/run runs it too).
      { test: { name: 'journeys', include: ['test/journeys/**/*.test.ts'], env: { TEST_DB: 'sqlite', NODE_OPTIONS }, ...heavy } },
    ],
  },
});
