/**
 * Boots a real Strapi (the compiled cms/dist) in this test process, on a database of its own: a temporary
 * SQLite file, or a new PostgreSQL database on the server of TEST_DATABASE_URL. Uploads go to a temporary
 * folder. Returns the base URL and a stop() that removes everything.
 *
 * Fast path: under Vitest, global setup (test/helpers/global-setup.ts) makes a snapshot of the seeded and of
 * the empty database once per run and database kind (test/helpers/snapshot.ts) and passes it in
 * THADS_TEST_SNAPSHOTS. startStrapi() then starts from its own copy of it (a file copy for SQLite,
 * `CREATE DATABASE … TEMPLATE` for PostgreSQL) instead of creating the schema and seeding the demo content:
 * the same database a fresh boot would make, in ~3 s instead of ~30 s. THADS_TEST_FRESH=1, `dir` and
 * `copyFrom` boot as before (a fresh database, seeded in this process).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

export const CMS_DIR = path.resolve(import.meta.dirname, '../../cms');
export const cmsRequire = createRequire(path.join(CMS_DIR, 'package.json'));

/** A module of the compiled CMS (cms/dist/src/…), loaded the way Strapi loads it. */
export const fromCms = (relative: string): any => cmsRequire(path.join(CMS_DIR, 'dist', 'src', relative));

export type TestDb = 'sqlite' | 'postgres';
export type TestStrapi = { strapi: any; url: string; db: TestDb; stop: () => Promise<void>; tmp: string };

/** The secrets a Strapi boots with (a copy of a snapshot keeps the snapshot's: what it encrypted stays readable). */
export type StrapiSecrets = Record<'APP_KEYS' | 'API_TOKEN_SALT' | 'ADMIN_JWT_SECRET' | 'TRANSFER_TOKEN_SALT' | 'JWT_SECRET' | 'ENCRYPTION_KEY', string>;

/**
 * What global setup hands to the test processes (JSON in THADS_TEST_SNAPSHOTS): per database kind, the seeded
 * and the empty snapshot. SQLite: a folder holding data.db and public/uploads/. PostgreSQL: a template
 * database and a folder holding public/uploads/.
 */
export type Snapshot = { dir: string; template?: string; secrets: StrapiSecrets };
export type Snapshots = Partial<Record<TestDb, { seeded: Snapshot; empty: Snapshot }>>;

const secret = () => crypto.randomBytes(16).toString('base64');
export const newSecrets = (): StrapiSecrets => ({
  APP_KEYS: [secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
});

/** Runs SQL on the server of `adminUrl`. */
export async function pgQuery(adminUrl: string, sql: string, values?: unknown[]): Promise<any[]> {
  const { Client } = cmsRequire('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A new PostgreSQL database on the server of `adminUrl` (empty, or a copy of `template`), and how to drop it.
 * `name` defaults to a random thads_test_… name.
 */
export async function createPgDatabase(adminUrl: string, { template, name = `thads_test_${crypto.randomBytes(5).toString('hex')}` }: { template?: string; name?: string } = {}): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  for (let attempt = 0; ; attempt++) {
    try {
      await pgQuery(adminUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
      break;
    } catch (error: any) {
      // 55006: the template is in use (another CREATE DATABASE copying it at this very moment): try again.
      if (error?.code !== '55006' || attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => pgQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
  };
}

export type StartOptions = {
  seed?: boolean;
  db?: TestDb;
  /**
   * SQLite only: a folder holding `data.db` and `public/uploads/` to work in and keep after stop() (a
   * benchmark fixture, built once). Without it, a temporary folder is used and removed.
   */
  dir?: string;
  /** SQLite only: copy such a fixture folder into the temporary folder first (the fixture stays untouched). */
  copyFrom?: string;
  /** Environment of this Strapi beyond the test defaults (e.g. SERVE_ADMIN_PANEL: 'true' for the admin's browser journeys). */
  env?: Record<string, string>;
};

/** The snapshot global setup made for this kind of database and seed, when there is one and it may be used. */
export function snapshotFor(db: TestDb, seed: boolean): Snapshot | undefined {
  if (process.env.THADS_TEST_FRESH === '1' || !process.env.THADS_TEST_SNAPSHOTS) return undefined;
  const all = JSON.parse(process.env.THADS_TEST_SNAPSHOTS) as Snapshots;
  return all[db]?.[seed ? 'seeded' : 'empty'];
}

export async function startStrapi({ seed = true, db = (process.env.TEST_DB as TestDb) || 'sqlite', dir, copyFrom, env }: StartOptions = {}): Promise<TestStrapi> {
  const snapshot = dir || copyFrom ? undefined : snapshotFor(db, seed);
  const keep = Boolean(dir);
  const tmp = dir ? path.resolve(dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'thads-cms-'));
  const from = copyFrom ?? snapshot?.dir;
  if (from) fs.cpSync(from, tmp, { recursive: true, preserveTimestamps: true, filter: (src) => path.basename(src) !== 'snapshot.json' });
  let pg: { url: string; drop: () => Promise<void> } | undefined;
  if (db === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
    pg = await createPgDatabase(adminUrl, { template: snapshot?.template });
  }
  try {
    return await bootStrapi({ seed, db, tmp, pg, env, secrets: snapshot?.secrets ?? newSecrets(), onStop: () => (keep ? undefined : fs.rmSync(tmp, { recursive: true, force: true })) });
  } catch (error) {
    await pg?.drop().catch(() => {});
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Starts Strapi in `tmp` (SQLite: tmp/data.db; uploads: tmp/public/uploads) or on the PostgreSQL database
 * `pg` (dropped by stop()). Also used by test/helpers/make-snapshot.ts to make the snapshots.
 */
export async function bootStrapi({ seed, db, tmp, pg, secrets, onStop, env: extra }: { seed: boolean; db: TestDb; tmp: string; pg?: { url: string; drop: () => Promise<void> }; secrets: StrapiSecrets; onStop?: () => void; env?: Record<string, string> }): Promise<TestStrapi> {
  fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    ...secrets,
    SERVE_ADMIN_PANEL: 'false',
    PUBLIC_DIR: path.join(tmp, 'public'),
    SEED_ON_EMPTY: String(seed),
    DEMO_USERS: 'true',
    STRAPI_TELEMETRY_DISABLED: 'true',
    ...extra,
  };
  if (db === 'postgres') {
    if (!pg) throw new Error('bootStrapi: a PostgreSQL boot needs its database');
    env.DATABASE_URL = pg.url;
    env.DATABASE_POOL_MIN = '0';
    // The production-like run also keeps rate limits and spent challenges in Redis when one is given.
    if (process.env.TEST_REDIS_URL) {
      env.REDIS_URL = process.env.TEST_REDIS_URL;
      env.REDIS_PREFIX = `thads-test-${crypto.randomBytes(4).toString('hex')}:`;
    }
  } else {
    env.DATABASE_CLIENT = 'sqlite';
    env.DATABASE_FILENAME = path.join(tmp, 'data.db');
  }
  Object.assign(process.env, env);
  if (db === 'sqlite') {
    delete process.env.DATABASE_URL;
    delete process.env.REDIS_URL;
  }

  // Strapi's destroy() calls process.removeAllListeners(), which would cut the test worker's own
  // channel to Vitest: keep the listeners present now and put them back after destroy().
  const saved = process.eventNames().map((event) => [event, process.listeners(event as any)] as const);
  const restoreListeners = () => {
    for (const [event, listeners] of saved) for (const l of listeners) if (!process.listeners(event as any).includes(l)) process.on(event as any, l as any);
  };

  // Test files may share one process (vitest.config.ts: isolate false), and with it the modules Strapi
  // loads: the admin's login rate limit keeps its counts in koa2-ratelimit's module-level memory store, which a
  // new Strapi must not inherit from the previous file's.
  cmsRequire('koa2-ratelimit').Stores.Memory.cleanAll();
  // Our own CMS code is loaded afresh for each Strapi (settings read from the environment when a module loads,
  // stores and caches kept in module scope); Strapi and the libraries stay loaded, which is the time saved.
  const dist = path.join(CMS_DIR, 'dist') + path.sep;
  for (const key of Object.keys(cmsRequire.cache)) if (key.startsWith(dist)) delete cmsRequire.cache[key];
  const { createStrapi } = cmsRequire('@strapi/strapi');
  const strapi = createStrapi({ appDir: CMS_DIR, distDir: path.join(CMS_DIR, 'dist') });
  strapi.log.level = process.env.TEST_LOG ?? 'error';
  await strapi.load();
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  return {
    strapi,
    db,
    tmp,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await strapi.destroy();
      restoreListeners();
      await pg?.drop();
      onStop?.();
    },
  };
}
/** JSON over HTTP, never throwing on 4xx/5xx. */
export async function api(base: string, pathname: string, init: RequestInit & { json?: unknown; token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const res = await fetch(base + pathname, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, text };
}
