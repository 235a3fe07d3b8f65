/**
 * Boots a real Strapi (the compiled cms/dist) in this test process, on a fresh database:
 * a temporary SQLite file, or a new PostgreSQL database created from TEST_DATABASE_URL.
 * Uploads go to a temporary folder. Returns the base URL and a stop() that removes everything.
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

const secret = () => crypto.randomBytes(16).toString('base64');

/** A new, empty PostgreSQL database on the server of `adminUrl`, and how to drop it. */
export async function createPgDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { Client } = cmsRequire('pg');
  const name = `thads_test_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
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
};

export async function startStrapi({ seed = true, db = (process.env.TEST_DB as TestDb) || 'sqlite', dir, copyFrom }: StartOptions = {}): Promise<TestStrapi> {
  const keep = Boolean(dir);
  const tmp = dir ? path.resolve(dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'thads-cms-'));
  if (copyFrom) fs.cpSync(copyFrom, tmp, { recursive: true });
  fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
  let dropDb = async () => {};
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    SERVE_ADMIN_PANEL: 'false',
    PUBLIC_DIR: path.join(tmp, 'public'),
    SEED_ON_EMPTY: String(seed),
    DEMO_USERS: 'true',
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  if (db === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
    const pg = await createPgDatabase(adminUrl);
    env.DATABASE_URL = pg.url;
    env.DATABASE_POOL_MIN = '0';
    dropDb = pg.drop;
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
      await dropDb();
      if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
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
