import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControl, createStaticHandler, resolvePath } from './static.ts';

let root: string;
let outside: string;
const LOADER = '(()=>{window.island=1})();';

beforeAll(() => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'publisher-static-'));
  root = path.join(tmp, 'dist');
  outside = path.join(tmp, 'secret.txt');
  fs.writeFileSync(outside, 'secret');
  fs.mkdirSync(path.join(root, 'tin-tuc', 'bai-mot'), { recursive: true });
  fs.mkdirSync(path.join(root, '_astro'));
  fs.writeFileSync(path.join(root, 'index.html'), `<!doctype html><html><head><style>astro-island{display:contents}</style></head><body>${'Trang chủ. '.repeat(200)}<script>${LOADER}</script><script type="module" src="/_astro/a.js"></script></body></html>`);
  fs.writeFileSync(path.join(root, 'tin-tuc', 'bai-mot', 'index.html'), '<h1>Bài một</h1>');
  fs.writeFileSync(path.join(root, '404.html'), '<h1>Không tìm thấy</h1>');
  fs.mkdirSync(path.join(root, 'danh-sach-chua-co-dieu-kien-thi-hanh'));
  fs.writeFileSync(path.join(root, 'danh-sach-chua-co-dieu-kien-thi-hanh', 'tra-cuu.json'), '[]');
  fs.mkdirSync(path.join(root, 'media'));
  fs.writeFileSync(path.join(root, 'media', 'clip.mp4'), Buffer.from(Array.from({ length: 200 }, (_, i) => i)));
  fs.writeFileSync(path.join(root, '_astro', 'app.AbC123.js'), 'console.log(1);'.repeat(100));
});
afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

describe('resolvePath', () => {
  it('serves index.html for directory URLs and redirects a folder without its slash', () => {
    expect(resolvePath(root, '/')).toEqual({ kind: 'file', file: path.join(root, 'index.html'), status: 200 });
    expect(resolvePath(root, '/tin-tuc/bai-mot/')).toMatchObject({ kind: 'file', status: 200 });
    expect(resolvePath(root, '/tin-tuc/bai-mot', '?a=1')).toEqual({ kind: 'redirect', location: '/tin-tuc/bai-mot/?a=1' });
    expect(resolvePath(root, '/_astro/app.AbC123.js')).toMatchObject({ kind: 'file', status: 200 });
  });

  it('answers unknown paths with the site 404 page', () => {
    expect(resolvePath(root, '/khong-co/')).toEqual({ kind: 'file', file: path.join(root, '404.html'), status: 404 });
    expect(resolvePath(root, '/tin-tuc/khong-co')).toMatchObject({ status: 404 });
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/tin-tuc/%2E%2E/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/a\\..\\..\\secret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (p) => {
    expect(resolvePath(root, p)).toEqual({ kind: 'bad-request' });
  });

  it('decodes Vietnamese percent-encoded paths', () => {
    fs.mkdirSync(path.join(root, 'thư-mục'), { recursive: true });
    fs.writeFileSync(path.join(root, 'thư-mục', 'index.html'), 'x');
    expect(resolvePath(root, `/${encodeURIComponent('thư-mục')}/`)).toMatchObject({ kind: 'file', status: 200 });
  });
});

describe('cacheControl', () => {
  it('caches hashed assets for a year and revalidates HTML', () => {
    expect(cacheControl('/_astro/app.AbC123.js', 200)).toContain('immutable');
    expect(cacheControl('/pagefind/fragment/vi_abc.pf_fragment', 200)).toContain('immutable');
    expect(cacheControl('/pagefind/pagefind-entry.json', 200)).toContain('max-age=0');
    expect(cacheControl('/tin-tuc/', 200)).toContain('max-age=0');
  });
});

describe('createStaticHandler over HTTP', () => {
  let server: http.Server;
  let base: string;
  let current: string;
  beforeAll(async () => {
    current = root;
    const serve = createStaticHandler({ root: () => current, csp: { connect: ['http://cms.example'] } });
    server = http.createServer((req, res) => void serve(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const get = (p: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const { hostname, port } = new URL(base);
      // A raw path (http.get with a URL string would normalise "..").
      http.get({ hostname, port, path: p, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });

  it('redirects only to a path of its own host, whatever the spelling of the path', async () => {
    // Generated: prefixes that a browser may read as another host × folder paths × query forms.
    const prefixes = ['/', '//', '///', '/%2F', '/%2f/', '//%2F', '/\\', '/\\/', '/%5C', '//evil.example/', '/%2Fevil.example/', '///evil.example/..%2F'];
    const folders = ['tin-tuc', 'tin-tuc/bai-mot', 'tin-tuc//bai-mot', 'evil.example/tin-tuc', 'tin-tuc/bai-mot/.'];
    const queries = ['', '?a=1', '?next=//evil.example', '?%2F%2Fevil'];
    let redirects = 0;
    for (const prefix of prefixes)
      for (const folder of folders)
        for (const query of queries) {
          const res = await get(`${prefix}${folder}${query}`);
          expect(res.status, `${prefix}${folder}${query}`).toBeLessThan(500);
          if (res.status < 300 || res.status >= 400) continue;
          redirects++;
          const location = String(res.headers.location);
          expect(location, `${prefix}${folder}${query} → ${location}`).toMatch(/^\/(?![\/\\])/);
          expect(new URL(location, base).origin, `${prefix}${folder}${query} → ${location}`).toBe(base);
        }
    expect(redirects).toBeGreaterThan(20);
    expect((await get('//tin-tuc/bai-mot')).headers.location).toBe('/tin-tuc/bai-mot/');
  });

  it('serves HTML with the security headers and the hashes of its inline script and style', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = res.headers['content-security-policy'] as string;
    const hash = (s: string) => `'sha256-${require_hash(s)}'`;
    expect(csp).toContain(hash(LOADER));
    expect(csp).toContain(hash('astro-island{display:contents}'));
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('connect-src \'self\' http://cms.example');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBeTruthy();
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(res.headers['cache-control']).toContain('max-age=0');
  });

  it('compresses with brotli or gzip as accepted, and answers 304 to a matching ETag', async () => {
    const br = await get('/', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toContain('Trang chủ');
    const gz = await get('/_astro/app.AbC123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gz.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(zlib.gunzipSync(gz.body).toString()).toContain('console.log');
    const again = await get('/', { 'if-none-match': br.headers.etag as string });
    expect(again.status).toBe(304);
  });

  it('serves a video or a download by byte ranges (Safari plays no video without them)', async () => {
    const whole = await get('/media/clip.mp4');
    expect(whole.status).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-type']).toBe('video/mp4');
    const part = await get('/media/clip.mp4', { range: 'bytes=10-19' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${whole.body.length}`);
    expect(part.body).toEqual(whole.body.subarray(10, 20));
    const tail = await get('/media/clip.mp4', { range: 'bytes=-5' });
    expect(tail.body).toEqual(whole.body.subarray(whole.body.length - 5));
    expect((await get('/media/clip.mp4', { range: `bytes=${whole.body.length}-` })).status).toBe(416);
    // Several ranges at once: the whole file, as HTTP allows.
    expect((await get('/media/clip.mp4', { range: 'bytes=0-1,5-6' })).status).toBe(200);
  });

  it('tells crawlers not to index the list of debtors', async () => {
    const res = await get('/danh-sach-chua-co-dieu-kien-thi-hanh/tra-cuu.json');
    expect(res.status).toBe(200);
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect((await get('/tin-tuc/bai-mot/')).headers['x-robots-tag']).toBeUndefined();
  });

  it('has no admin on the public origin: the CMS paths are the site 404', async () => {
    for (const p of ['/admin', '/admin/', '/admin/auth/login', '/api/articles', '/content-manager/collection-types/api::article.article']) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      expect(res.body.toString(), p).toContain('Không tìm thấy');
    }
  });

  it('serves 404.html with status 404, and refuses traversal', async () => {
    const res = await get('/khong-co-trang-nay/');
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain('Không tìm thấy');
    expect((await get('/%2e%2e/secret.txt')).status).toBe(400);
  });

  it('follows the folder when it is swapped by rename', async () => {
    const next = `${root}-next`;
    fs.cpSync(root, next, { recursive: true });
    fs.writeFileSync(path.join(next, 'tin-tuc', 'bai-mot', 'index.html'), '<h1>Bài một (sửa)</h1>');
    expect((await get('/tin-tuc/bai-mot/')).body.toString()).toBe('<h1>Bài một</h1>');
    const old = `${root}-old`;
    fs.renameSync(root, old);
    fs.renameSync(next, root);
    fs.rmSync(old, { recursive: true });
    expect((await get('/tin-tuc/bai-mot/')).body.toString()).toBe('<h1>Bài một (sửa)</h1>');
  });
});

import { createHash } from 'node:crypto';
function require_hash(s: string) {
  return createHash('sha256').update(s).digest('base64');
}
