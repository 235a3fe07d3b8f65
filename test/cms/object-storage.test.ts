/**
 * Uploads on S3-compatible object storage, chosen by environment (UPLOAD_PROVIDER=s3, S3_*), through
 * Strapi's official provider, against a real S3 server running locally (s3rver, from npm): the object lands
 * in the bucket under S3_ROOT_PATH, the stored URL starts with the public base URL (a CDN in production), the
 * admin's Content-Security-Policy lets it show those images, deleting removes the objects, and a backup
 * takes the bucket's files and restores them into another, empty bucket.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, CMS_DIR, cmsRequire, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

const S3rver = cmsRequire('s3rver');
const { S3Client, GetObjectCommand, ListObjectsV2Command } = cmsRequire('@aws-sdk/client-s3');

let server: any;
let s3: any;
let cms: TestStrapi;
let token: string;
let dir: string;
let endpoint: string;
let publicUrl: string;
const BUCKET = 'thads-media';
const S3_VARS = ['UPLOAD_PROVIDER', 'S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_URL', 'S3_ROOT_PATH'];

async function keys(bucket: string) {
  const res = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (res.Contents ?? []).map((o: any) => o.Key as string).sort();
}

async function object(bucket: string, key: string): Promise<Buffer> {
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await res.Body.transformToByteArray());
}

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

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-s3-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(dir, 's3'), configureBuckets: [{ name: BUCKET }, { name: 'thads-restored' }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  // Another host name for the same server stands for the CDN in front of the bucket.
  publicUrl = `http://localhost:${port}/${BUCKET}`;
  Object.assign(process.env, {
    UPLOAD_PROVIDER: 's3',
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_REGION: 'ap-southeast-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_PUBLIC_URL: publicUrl,
    S3_ROOT_PATH: 'cms',
  });
  s3 = new S3Client({ endpoint, region: 'ap-southeast-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  cms = await startStrapi({ seed: false });
  const login = await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } });
  token = login.body.data.token;
});

afterAll(async () => {
  for (const v of S3_VARS) delete process.env[v];
  await cms?.stop();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('uploads on S3-compatible storage', () => {
  let uploaded: any;

  it('puts an uploaded photo and its sizes in the bucket, under S3_ROOT_PATH, and nothing on local disk', async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#e9c46a' } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'tru-so-moi.jpg');
    const res = await api(cms.url, '/upload', { method: 'POST', token, body: form });
    expect(res.status, res.text).toBe(201);
    uploaded = res.body[0];
    expect(uploaded.provider).toBe('aws-s3');
    expect(uploaded.url).toBe(`${publicUrl}/cms/${uploaded.hash}.jpg`);
    const formats = Object.values(uploaded.formats ?? {}) as any[];
    expect(formats.length).toBeGreaterThan(0);
    expect(await keys(BUCKET)).toEqual([`cms/${uploaded.hash}.jpg`, ...formats.map((f) => `cms/${f.hash}.jpg`)].sort());
    expect(fs.readdirSync(path.join(cms.tmp, 'public', 'uploads'))).toEqual([]);
  });

  it('stores a URL that serves the object from the public base URL', async () => {
    const res = await fetch(uploaded.url);
    expect(res.status).toBe(200);
    const served = Buffer.from(await res.arrayBuffer());
    expect(served).toEqual(await object(BUCKET, `cms/${uploaded.hash}.jpg`));
    expect((await sharp(served).metadata()).width).toBe(1200);
    // The public API gives the same absolute URL to the site build.
    const files = await api(cms.url, '/upload/files', { token });
    expect(files.body.results.map((f: any) => f.url)).toContain(uploaded.url);
  });

  it("lets the admin show the bucket's images (CSP img-src and media-src name its public origin)", async () => {
    const csp = (await fetch(`${cms.url}/api/articles`)).headers.get('content-security-policy') ?? '';
    const origin = new URL(publicUrl).origin;
    expect(csp).toMatch(new RegExp(`img-src 'self' data: blob: ${origin}(;|$)`));
    expect(csp).toMatch(new RegExp(`media-src 'self' data: blob: ${origin}(;|$)`));
  });

  it('backs the bucket up with the database, and restores it into an empty bucket', async () => {
    const archive = path.join(dir, 'sao-luu.tar.gz');
    const backup = await runScript('backup.js', ['--out', archive]);
    expect(backup.code, backup.err + backup.out).toBe(0);
    const before = await keys(BUCKET);

    const target = fs.mkdtempSync(path.join(dir, 'target-'));
    const env: Record<string, string> = { S3_BUCKET: 'thads-restored', PUBLIC_DIR: path.join(target, 'public') };
    let dropPg = async () => {};
    if (cms.db === 'sqlite') Object.assign(env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(target, 'data.db') });
    else {
      const { Client } = cmsRequire('pg');
      const name = `thads_s3_${crypto.randomBytes(5).toString('hex')}`;
      const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      dropPg = async () => {
        const c = new Client({ connectionString: process.env.TEST_DATABASE_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
    }
    try {
      const restore = await runScript('restore.js', [archive], env);
      expect(restore.code, restore.err + restore.out).toBe(0);
      expect(await keys('thads-restored')).toEqual(before);
      for (const key of before) expect(await object('thads-restored', key), key).toEqual(await object(BUCKET, key));
    } finally {
      await dropPg();
    }
  }, 600_000);

  it('removes the objects when the file is deleted from the media library', async () => {
    const res = await api(cms.url, `/upload/files/${uploaded.id}`, { method: 'DELETE', token });
    expect(res.status, res.text).toBe(200);
    expect(await keys(BUCKET)).toEqual([]);
  });
});
