/**
 * Backup and restore, as an operator runs them: `node cms/scripts/backup.js` on a seeded CMS (demo content,
 * drafts, private inboxes, uploads, an API token), then `node cms/scripts/restore.js` into a fresh empty
 * database and uploads folder. Every table is compared row by row, every uploaded file byte for byte, and a
 * Strapi started on the restored database serves the same documents (all types, draft and published,
 * relations and components), logs the editors in and accepts the API token.
 * Runs on SQLite (cms-sqlite) and on PostgreSQL (cms-postgres).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, CMS_DIR, cmsRequire, createPgDatabase, fromCms, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

const HEAVY = 600_000;
let source: TestStrapi;
let work: string;
let archive: string;
let target: { env: Record<string, string>; uploads: string; drop: () => Promise<void> };
let sourceTables: Record<string, unknown[][]>;
let sourceDocuments: Record<string, unknown>;
let sourceMedia: Record<string, string>;
let apiToken: string;
let draftOnlyTitle: string;

/** Runs one of the CMS scripts in its own process, with this process's environment plus `env`. */
function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(CMS_DIR, 'scripts', script), ...args, '--no-compile'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** With process.env switched to `env` for the duration of `fn` (the database module reads the environment). */
async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Every row of every data table, in portable form, ordered by id. */
async function dumpTables(): Promise<Record<string, unknown[][]>> {
  const { openDatabase, listTables, toPortable } = fromCms('backup/database');
  const db = await openDatabase(path.join(CMS_DIR, 'dist'));
  try {
    const out: Record<string, unknown[][]> = {};
    for (const t of await listTables(db)) {
      const cols = [...t.columns].sort((a: any, b: any) => a.name.localeCompare(b.name));
      const rows = await db.knex(t.name).select(cols.map((c: any) => c.name)).orderBy(cols.some((c: any) => c.name === 'id') ? 'id' : cols[0].name);
      // JSON columns compared as values: PostgreSQL normalises the text of jsonb.
      out[t.name] = rows.map((r: any) => cols.map((c: any) => (c.type === 'json' && r[c.name] !== null ? JSON.parse(toPortable('json', r[c.name])) : toPortable(c.type, r[c.name]))));
    }
    return out;
  } finally {
    await db.close();
  }
}

function hashFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** Populate for every component (at any depth), dynamic zone, relation and media field of a schema. */
function deepPopulate(strapi: any, attributes: Record<string, any>): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const [name, a] of Object.entries(attributes)) {
    if (name === 'createdBy' || name === 'updatedBy' || name === 'localizations') continue;
    if (a.type === 'component') {
      const inner = deepPopulate(strapi, strapi.components[a.component].attributes);
      populate[name] = Object.keys(inner).length ? { populate: inner } : true;
    } else if (a.type === 'dynamiczone') {
      populate[name] = { on: Object.fromEntries(a.components.map((c: string) => [c, { populate: deepPopulate(strapi, strapi.components[c].attributes) }])) };
    } else if (a.type === 'relation' || a.type === 'media') populate[name] = true;
  }
  return populate;
}

/** Every document of every type of ours, draft and published versions, deeply populated. */
async function readDocuments(strapi: any): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const uid of Object.keys(strapi.contentTypes).filter((u) => u.startsWith('api::')).sort()) {
    const ct = strapi.contentTypes[uid];
    const populate = deepPopulate(strapi, ct.attributes);
    const statuses = ct.options?.draftAndPublish === false ? ['published'] : ['draft', 'published'];
    for (const status of statuses) {
      out[`${uid} ${status}`] = await strapi.documents(uid).findMany({ status, populate, sort: ['documentId:asc'], limit: 100_000 });
    }
  }
  return out;
}

/** Starts Strapi in this process on an existing database (the restored one). */
async function bootExisting(env: Record<string, string>) {
  Object.assign(process.env, env);
  const saved = process.eventNames().map((event) => [event, process.listeners(event as any)] as const);
  const { createStrapi } = cmsRequire('@strapi/strapi');
  const strapi = createStrapi({ appDir: CMS_DIR, distDir: path.join(CMS_DIR, 'dist') });
  strapi.log.level = 'error';
  await strapi.load();
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await strapi.destroy();
      for (const [event, listeners] of saved) for (const l of listeners) if (!process.listeners(event as any).includes(l)) process.on(event as any, l as any);
    },
  };
}

async function emptyTarget(): Promise<typeof target> {
  const dir = fs.mkdtempSync(path.join(work, 'target-'));
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  const base = { PUBLIC_DIR: path.join(dir, 'public') };
  if (source.db === 'sqlite') return { env: { ...base, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') }, uploads: path.join(dir, 'public', 'uploads'), drop: async () => {} };
  const pg = await createPgDatabase(process.env.TEST_DATABASE_URL!);
  return { env: { ...base, DATABASE_URL: pg.url }, uploads: path.join(dir, 'public', 'uploads'), drop: pg.drop };
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-backup-test-'));
  archive = path.join(work, 'sao-luu.tar.gz');
  source = await startStrapi({ seed: true });
  const { strapi } = source;

  // Uploads through the admin API, as an editor does.
  const login = await api(source.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } });
  const form = new FormData();
  form.append('files', new Blob([Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')], { type: 'application/pdf' }), 'ke-hoach-tuyen-truyen.pdf');
  const uploaded = await api(source.url, '/upload', { method: 'POST', token: login.body.data.token, body: form });
  expect(uploaded.status, uploaded.text).toBe(201);

  // A published article with unpublished edits, and an article that was never published.
  const article = await strapi.documents('api::article.article').findFirst({ status: 'published', sort: ['date:desc'] });
  await strapi.documents('api::article.article').update({ documentId: article.documentId, data: { title: `${article.title} (bản nháp đang sửa)` } });
  draftOnlyTitle = 'Tin chưa đăng: lịch tiếp công dân tháng 12';
  const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung đang soạn.' }] }];
  await strapi.documents('api::article.article').create({ data: { title: draftOnlyTitle, body, format: 'tin', summary: 'Bản nháp.' } });
  // Private inboxes.
  await strapi.documents('api::citizen-question.citizen-question').create({ data: { trackingCode: 'HD-BACKUP1', name: 'Trần Thị Bình', question: 'Xin hỏi thủ tục yêu cầu thi hành án?', state: 'received' } });
  // An API token (kept as a hash: it works again only with the same API_TOKEN_SALT).
  const token = await strapi.service('admin::api-token').create({ name: 'Xem trước bản nháp', type: 'read-only', lifespan: null, description: '' });
  apiToken = token.accessKey;

  sourceTables = await dumpTables();
  sourceDocuments = await readDocuments(strapi);
  sourceMedia = hashFolder(path.join(source.tmp, 'public', 'uploads'));
}, HEAVY);

afterAll(async () => {
  await source?.stop().catch(() => {});
  await target?.drop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('npm run backup', () => {
  it('writes one archive of the database and the uploads', async () => {
    const res = await runScript('backup.js', ['--out', archive]);
    expect(res.code, res.err + res.out).toBe(0);
    expect(res.out).toMatch(/Đã sao lưu vào .*sao-luu\.tar\.gz/);
    expect(fs.statSync(archive).size).toBeGreaterThan(100_000);
    expect(fs.readdirSync(work).filter((f) => f.includes('partial') || f.startsWith('.thads-backup-'))).toEqual([]);
    expect(Object.keys(sourceMedia).length).toBeGreaterThan(60);
    expect(sourceTables.articles!.length).toBeGreaterThan(60);
  }, HEAVY);
});

describe('npm run restore', () => {
  it('refuses a file that is not a backup, in Vietnamese', async () => {
    const notArchive = path.join(work, 'khong-phai.tar.gz');
    fs.writeFileSync(notArchive, 'không phải bản sao lưu');
    const res = await runScript('restore.js', [notArchive], { PUBLIC_DIR: path.join(work, 'unused') });
    expect(res.code).toBe(3);
    expect(res.err).toMatch(/^Không đọc được tệp sao lưu/);
  });

  it('brings everything back into an empty instance: every row of every table, every file', async () => {
    target = await emptyTarget();
    const res = await runScript('restore.js', [archive], target.env);
    expect(res.code, res.err + res.out).toBe(0);
    expect(res.out).toMatch(/Đã khôi phục [\d.]+ dòng và \d+ tệp/);
    const restored = await withEnv(target.env, dumpTables);
    expect(Object.keys(restored).sort()).toEqual(Object.keys(sourceTables).sort());
    for (const name of Object.keys(sourceTables)) expect(restored[name], name).toEqual(sourceTables[name]);
    expect(hashFolder(target.uploads)).toEqual(sourceMedia);
  }, HEAVY);

  it('refuses to overwrite an instance that holds data, unless --force', async () => {
    const refused = await runScript('restore.js', [archive], target.env);
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/^Không khôi phục: CMS đích đang có dữ liệu \(.*articles: \d+ dòng.*\)\. .*--force/);
    const forced = await runScript('restore.js', [archive, '--force'], target.env);
    expect(forced.code, forced.err + forced.out).toBe(0);
    const restored = await withEnv(target.env, dumpTables);
    for (const name of Object.keys(sourceTables)) expect(restored[name], name).toEqual(sourceTables[name]);
  }, HEAVY);

  it('gives a Strapi that serves the same documents, logs editors in and accepts the API token', async () => {
    await source.stop();
    const cms = await bootExisting(target.env);
    try {
      const documents = await readDocuments(cms.strapi);
      expect(Object.keys(documents)).toEqual(Object.keys(sourceDocuments));
      for (const key of Object.keys(sourceDocuments)) expect(documents[key], key).toEqual(sourceDocuments[key]);

      const login = await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } });
      expect(login.status).toBe(200);
      const drafts = await api(cms.url, `/api/articles?status=draft&filters[title][$eq]=${encodeURIComponent(draftOnlyTitle)}`, { token: apiToken });
      expect(drafts.status, drafts.text).toBe(200);
      expect(drafts.body.data.map((a: any) => a.title)).toEqual([draftOnlyTitle]);

      const file = await cms.strapi.db.query('plugin::upload.file').findOne({ where: { name: 'ke-hoach-tuyen-truyen.pdf' } });
      const served = await fetch(cms.url + file.url);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).toString('latin1')).toMatch(/^%PDF-1\.4/);
    } finally {
      await cms.stop();
    }
  }, HEAVY);
});
