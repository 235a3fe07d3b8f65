import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { TestProject } from 'vitest/node';
import type { Snapshots, TestDb } from './strapi.ts';

const CMS_DIR = path.resolve(import.meta.dirname, '../../cms');
const LOCK = path.join(CMS_DIR, '.tmp', 'compile.lock');
const STAMP = path.join(CMS_DIR, 'dist', '.compile-hash');

function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (!e.name.endsWith('.test.ts')) hash.update(full).update(fs.readFileSync(full));
    }
  };
  for (const d of ['src', 'config', 'data', 'database']) walk(path.join(CMS_DIR, d));
  return hash.digest('hex');
}

/**
 * Compiles the CMS TypeScript once for every suite that boots Strapi. Several projects start at the
 * same time: a lock folder makes them take turns, and a hash of the sources skips a compile that is
 * already current.
 */
async function compile({ admin }: { admin: boolean }) {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 300_000) fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    const hash = sourceHash();
    if (!fs.existsSync(STAMP) || fs.readFileSync(STAMP, 'utf8') !== hash) {
      const require = createRequire(path.join(CMS_DIR, 'package.json'));
      const { compileStrapi } = require('@strapi/strapi');
      await compileStrapi({ appDir: CMS_DIR });
      fs.writeFileSync(STAMP, hash);
    }
    // The admin panel for the browser journeys in it (test/journeys/, npm run test:journeys), before any Strapi boots:
    // `strapi build` rewrites cms/dist as it goes.
    if (admin) {
      const { ensureAdminBuild } = await import('../../site/publisher/admin-build.ts');
      await ensureAdminBuild({ stdio: 'ignore' });
    }
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** The database kinds the projects of this run boot (cms-postgres: PostgreSQL; the others: SQLite). */
const kindsOf = (names: string[]): TestDb[] => [...new Set(names.filter((n) => n !== 'unit').map((n): TestDb => (n === 'cms-postgres' ? 'postgres' : 'sqlite')))];

const state = globalThis as typeof globalThis & { thadsSetup?: Promise<Snapshots | undefined> };

/**
 * Global setup of the projects that boot Strapi (every one of them calls it; the work is done once per
 * Vitest process): the CMS compiled, then (unless THADS_TEST_FRESH=1) the seeded and empty database snapshots
 * of every database kind of this run (test/helpers/snapshot.ts), handed to the test processes in
 * THADS_TEST_SNAPSHOTS for startStrapi().
 */
export default async function setup(project?: TestProject) {
  const names = project?.vitest?.projects?.map((p) => p.name) ?? ['cms-sqlite'];
  state.thadsSetup ??= prepare(kindsOf(names), { admin: names.includes('journeys') });
  const snapshots = await state.thadsSetup;
  if (snapshots) process.env.THADS_TEST_SNAPSHOTS = JSON.stringify(snapshots);
}

/** The CMS compiled and the snapshots of `kinds` made (also called by test/run.ts before it starts the lanes). */
export async function prepare(kinds: TestDb[], { admin = false } = {}): Promise<Snapshots | undefined> {
  await compile({ admin });
  if (process.env.THADS_TEST_FRESH === '1') return undefined;
  const { ensureSnapshots } = await import('./snapshot.ts');
  const started = performance.now();
  const snapshots = await ensureSnapshots(kinds);
  if (process.env.THADS_TEST_VERBOSE) console.log(`[setup] snapshots ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return snapshots;
}
