/**
 * Snapshots of the test databases: the demo content is seeded once per database kind, not once per test file.
 *
 * A snapshot is made in a child process (make-snapshot.ts) and kept in node_modules/.cache/thads-test/<key>/
 * (THADS_TEST_CACHE_DIR to move it), where <key> is a hash of everything that shapes the database: the CMS
 * sources it was compiled from (cms/dist/.compile-hash), the CMS package.json, shared/src, the lockfile, this harness, the
 * Node version and the date in Vietnam (the demo content is dated relative to today). A snapshot older than
 * MAX_AGE_HOURS is made again. PostgreSQL snapshots are template databases named thads_snap_<key>_<kind> on the
 * TEST_DATABASE_URL server (part of the key), their uploads in the cache folder.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CMS_DIR, pgQuery, type Snapshot, type Snapshots, type TestDb } from './strapi.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CACHE_DIR = path.resolve(process.env.THADS_TEST_CACHE_DIR || path.join(ROOT, 'node_modules', '.cache', 'thads-test'));
const MAX_AGE_HOURS = 6;
const COMPILE_STAMP = path.join(CMS_DIR, 'dist', '.compile-hash');

/** Today in Vietnam (UTC+7), YYYY-MM-DD. */
const todayVn = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** Hash of files and folders (recursively, sorted), skipping node_modules and build output. */
export function hashPaths(paths: string[], hash = createHash('sha256')) {
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return void hash.update(`absent:${p}`);
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!['node_modules', 'dist', '.astro', '.builds', '.test-builds', '.preview'].includes(name)) walk(path.join(p, name));
    } else hash.update(path.relative(ROOT, p)).update(fs.readFileSync(p));
  };
  for (const p of paths) walk(p);
  return hash;
}

/** The key of the snapshots for the CMS as compiled now (call after the compile in global setup). */
export function snapshotKey(db: TestDb): string {
  const hash = hashPaths([COMPILE_STAMP, path.join(CMS_DIR, 'package.json'), path.join(ROOT, 'shared', 'src'), path.join(ROOT, 'package-lock.json'), path.join(import.meta.dirname, 'strapi.ts'), path.join(import.meta.dirname, 'snapshot.ts'), path.join(import.meta.dirname, 'make-snapshot.ts')]);
  hash.update(process.version).update(todayVn()).update(db);
  if (db === 'postgres') hash.update(process.env.TEST_DATABASE_URL ?? '');
  return hash.digest('hex').slice(0, 16);
}

/**
 * A lock shared by processes (a folder; its owner's pid inside): one makes a snapshot, the others wait and
 * then find it made. A lock whose owner has died is taken over.
 */
export async function withLock<T>(name: string, fn: () => Promise<T>, timeoutMs = 900_000): Promise<T> {
  const dir = path.join(CACHE_DIR, 'locks', name);
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
      } else if (Date.now() - fs.statSync(dir, { throwIfNoEntry: false } as any)?.mtimeMs! > 10_000) alive = false;
      if (!alive || Date.now() - started > timeoutMs) fs.rmSync(dir, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 150));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Drops a template database (made so by make-snapshot.ts) if it exists. */
export async function dropTemplate(adminUrl: string, name: string) {
  if (!(await pgQuery(adminUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length) return;
  await pgQuery(adminUrl, `ALTER DATABASE ${name} WITH IS_TEMPLATE false`);
  await pgQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

function readMeta(folder: string): (Snapshot & { createdAt: string }) | undefined {
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(folder, 'snapshot.json'), 'utf8'));
    return { dir: folder, template: meta.template, secrets: meta.secrets, createdAt: meta.createdAt };
  } catch {
    return undefined;
  }
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, 'make-snapshot.ts'), ...args], { cwd: ROOT, env: { ...process.env, TEST_LOG: process.env.TEST_LOG ?? 'error' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`making the ${args.slice(0, 2).join(' ')} snapshot failed (exit ${code}):\n${output.slice(-6000)}`))));
  });
}

/** One snapshot: found in the cache when current, else made (by one process at a time). */
async function ensureOne(db: TestDb, kind: 'seeded' | 'empty', key: string): Promise<Snapshot> {
  const folder = path.join(CACHE_DIR, key, `${db}-${kind}`);
  const template = db === 'postgres' ? `thads_snap_${key}_${kind}` : undefined;
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const current = async () => {
    const meta = readMeta(folder);
    if (!meta || Date.now() - Date.parse(meta.createdAt) > MAX_AGE_HOURS * 3600_000) return undefined;
    if (template && !(await pgQuery(adminUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [template])).length) return undefined;
    return meta;
  };
  const found = await current();
  if (found) return found;
  return withLock(`${key}-${db}-${kind}`, async () => {
    const again = await current();
    if (again) return again;
    const building = `${folder}.building`;
    fs.rmSync(building, { recursive: true, force: true });
    fs.rmSync(folder, { recursive: true, force: true });
    const started = performance.now();
    await run([db, kind, building, ...(template ? [template] : [])]);
    fs.renameSync(building, folder);
    if (process.env.THADS_TEST_VERBOSE) console.log(`[snapshot] ${db} ${kind}: made in ${((performance.now() - started) / 1000).toFixed(1)} s (${folder})`);
    return readMeta(folder)!;
  });
}

/** Cache folders and template databases of other keys, older than MAX_AGE_HOURS (other runs may still use newer ones). */
async function prune(keep: string[]) {
  const cutoff = Date.now() - MAX_AGE_HOURS * 3600_000;
  for (const name of fs.existsSync(CACHE_DIR) ? fs.readdirSync(CACHE_DIR) : []) {
    // Snapshot folders (<key>) and shared site builds (site-<key>, test/helpers/site.ts).
    if (!/^(site-)?[0-9a-f]{16}$/.test(name) || keep.includes(name)) continue;
    const full = path.join(CACHE_DIR, name);
    if (fs.statSync(full).mtimeMs < cutoff) fs.rmSync(full, { recursive: true, force: true });
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return;
  const rows = await pgQuery(adminUrl, `SELECT datname, shobj_description(oid, 'pg_database') AS made FROM pg_database WHERE datname LIKE 'thads\\_snap\\_%'`);
  for (const { datname, made } of rows) {
    if (keep.some((k) => datname.includes(k))) continue;
    // A database without its date is being made right now (make-snapshot.ts dates it last): left alone.
    if (made && Date.parse(made) < cutoff) await dropTemplate(adminUrl, datname).catch(() => {});
  }
}

/** The seeded and empty snapshots of each kind of database asked for, made where missing (in parallel). */
export async function ensureSnapshots(kinds: TestDb[]): Promise<Snapshots> {
  const keys = Object.fromEntries(kinds.map((db) => [db, snapshotKey(db)])) as Record<TestDb, string>;
  await prune(Object.values(keys)).catch((error) => console.warn(`[snapshot] pruning old snapshots failed: ${error}`));
  const out: Snapshots = {};
  await Promise.all(
    kinds.map(async (db) => {
      const [seeded, empty] = await Promise.all([ensureOne(db, 'seeded', keys[db]), ensureOne(db, 'empty', keys[db])]);
      out[db] = { seeded, empty };
    }),
  );
  return out;
}
