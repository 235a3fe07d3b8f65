/**
 * Preview builds serve nothing without a valid ticket (preview.ts). The build here is a stand-in that writes what
 * a real preview build holds (the draft's page and its assets, but also feeds, sitemaps, a gallery ZIP, JSON, a
 * search index, other pages); the real build is exercised in test/site/publish.test.ts. Generated: every file of
 * the build × path spellings × the folder names an attacker can know or guess.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewLink } from '@thads/shared';
import type { BuildResult } from './builder.ts';
import { createPreview } from './preview.ts';

const SECRET = 'bi-mat-cua-dich-vu-xuat-ban-0123456789';
const ID = 'abcdefghij0123456789abcd';
const SLUG = 'ban-nhap-bi-mat';
let tmp: string;
let server: http.Server;
let base: string;
let builds = 0;
let preview: ReturnType<typeof createPreview>;

/** Every file of the stand-in build, and whether the draft's page loads it (only those may be served). */
const FILES: Record<string, { body: string; pageAsset: boolean }> = {
  [`tin-tuc/${SLUG}/index.html`]: { body: '', pageAsset: false },
  'tin-tuc/index.html': { body: '<h1>Tin tức BẢN NHÁP</h1>', pageAsset: false },
  'index.html': { body: '<h1>Trang chủ BẢN NHÁP</h1>', pageAsset: false },
  '404.html': { body: '<h1>404</h1>', pageAsset: false },
  'rss.xml': { body: '<rss>BẢN NHÁP toàn văn</rss>', pageAsset: false },
  'tin-tuc/rss.xml': { body: '<rss>BẢN NHÁP toàn văn</rss>', pageAsset: false },
  'sitemap-index.xml': { body: '<sitemapindex>BẢN NHÁP</sitemapindex>', pageAsset: false },
  'sitemap-0.xml': { body: `<urlset>/tin-tuc/${SLUG}/</urlset>`, pageAsset: false },
  'thu-vien-anh/bo-anh/bo-anh.zip': { body: 'PK BẢN NHÁP', pageAsset: false },
  'du-lieu.json': { body: '{"title":"BẢN NHÁP"}', pageAsset: false },
  'robots.txt': { body: 'BẢN NHÁP', pageAsset: false },
  'pagefind/pagefind.js': { body: 'BẢN NHÁP', pageAsset: false },
  'pagefind/fragment/vi_abc.pf_fragment': { body: 'BẢN NHÁP', pageAsset: false },
  'pagefind/pagefind-entry.json': { body: '{"BẢN NHÁP":1}', pageAsset: false },
  '_astro/trang.Ab12.css': { body: 'body{color:#111}', pageAsset: true },
  '_astro/dao.Cd34.js': { body: 'console.log(1)', pageAsset: true },
  '_astro/anh.Ef56.webp': { body: 'RIFF', pageAsset: true },
  '_astro/chu.Gh78.woff2': { body: 'wOF2', pageAsset: true },
  'tai-lieu/quyet-dinh.pdf': { body: '%PDF-1.7', pageAsset: true },
};

function standInBuild(job: { key: string; outDir: string; env: Record<string, string> }): Promise<BuildResult> {
  builds++;
  const siteBase = job.env.SITE_BASE;
  for (const [file, { body }] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(job.outDir, file)), { recursive: true });
    const page = `<!doctype html><html><head><link rel="stylesheet" href="${siteBase}_astro/trang.Ab12.css"></head><body><h1>BẢN NHÁP chưa duyệt</h1><img src="${siteBase}_astro/anh.Ef56.webp" alt=""></body></html>`;
    fs.writeFileSync(path.join(job.outDir, file), file === `tin-tuc/${SLUG}/index.html` ? page : body);
  }
  fs.writeFileSync(job.env.THADS_PREVIEW_RESULT!, JSON.stringify({ slug: SLUG }));
  const now = new Date();
  return Promise.resolve({ ok: true, code: 0, startedAt: now, finishedAt: now, durationMs: 1, tail: [], error: null });
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'publisher-preview-'));
  preview = createPreview({ secret: SECRET, dir: tmp, buildEnv: {}, frameAncestors: [], build: standInBuild, log: () => {} });
  server = http.createServer((req, res) => {
    const [pathname = '/', query = ''] = (req.url ?? '/').split('?');
    void preview.handle(req, res, pathname, new URLSearchParams(query));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A raw request (fetch would normalise the path). */
const get = (p: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(base);
    http.get({ hostname, port, path: p }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    }).on('error', reject);
  });

const openPreview = async (link: string) => {
  const url = new URL(link);
  for (let i = 0; i < 50; i++) {
    const res = await get(`${url.pathname}${url.search}`);
    if (!res.body.includes('Đang chuẩn bị')) return res;
    await preview.idle();
  }
  throw new Error('the preview never finished');
};

/** Spellings of one path under /_preview/<segment>/. */
const spellings = (segment: string, file: string) => [
  `/_preview/${segment}/${file}`,
  `/_preview/${segment}//${file}`,
  `/_preview//${segment}/${file}`,
  `/_preview/${segment}/${file.replace(/\//g, '%2F')}`,
  `/_preview/${segment}/./${file}`,
  `/_preview/${segment}/${file.toUpperCase()}`,
  `/_preview/${encodeURIComponent(segment).replace(/-/g, '%2D')}/${file}`,
  `/_preview/${segment}/${file}?sig=x`,
  `/_preview/${segment}/${file}/`,
];

describe('a preview build without its ticket', () => {
  it('serves nothing of a build before a valid ticket opened it, under any folder an attacker can name', async () => {
    const guesses = [`articles-${ID}`, `articles-${ID}-`, 'articles', ID, '.cache', '..', '.'];
    for (const segment of guesses)
      for (const file of Object.keys(FILES))
        for (const p of spellings(segment, file)) {
          const res = await get(p);
          expect(res.status, p).not.toBe(200);
          expect(res.body, p).not.toContain('BẢN NHÁP');
        }
  });

  it('refuses a forged, altered or expired ticket', async () => {
    const link = new URL(await previewLink(base, { type: 'articles', id: ID }, SECRET));
    const forged = new URL(await previewLink(base, { type: 'articles', id: ID }, 'khoa-khac'));
    const other = new URL(link);
    other.searchParams.set('id', 'zzzzzzzzzz0123456789zzzz');
    const expired = new URL(await previewLink(base, { type: 'articles', id: ID }, SECRET, Date.now() - 3 * 86_400_000));
    for (const url of [forged, other, expired, new URL(`${base}/_preview/open?type=articles&id=${ID}`)]) {
      const res = await get(`${url.pathname}${url.search}`);
      expect(res.status, url.search).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('BẢN NHÁP');
    }
    expect(builds).toBe(0);
  });
});

describe('a preview opened with a valid ticket', () => {
  it('shows the page, and serves only what the page loads from a folder named in it', async () => {
    const res = await openPreview(await previewLink(base, { type: 'articles', id: ID }, SECRET));
    expect(res.status).toBe(200);
    expect(res.body).toContain('BẢN NHÁP chưa duyệt');
    const segment = /href="\/_preview\/([^/]+)\/_astro\/trang\.Ab12\.css"/.exec(res.body)?.[1];
    // Nothing but the page's assets, under the folder the page names or the one an attacker would guess.
    for (const folder of [segment!, `articles-${ID}`])
      for (const [file, { pageAsset }] of Object.entries(FILES))
        if (!pageAsset) for (const p of spellings(folder, file)) expect((await get(p)).body, p).not.toContain('BẢN NHÁP');
    // The folder is named only in the page: the entry and 128 random bits.
    expect(segment).toMatch(new RegExp(`^articles-${ID}-[0-9a-f]{32}$`));
    for (const [file, { pageAsset }] of Object.entries(FILES)) {
      for (const p of spellings(segment!, file)) {
        const answer = await get(p);
        if (answer.status === 200) expect(pageAsset && p.startsWith(`/_preview/${segment}/`), `${p} was served`).toBe(true);
        if (!pageAsset) expect(answer.body, p).not.toContain('BẢN NHÁP');
      }
      expect((await get(`/_preview/${segment}/${file}`)).status, file).toBe(pageAsset ? 200 : 404);
    }
    // The old folder name of the entry (before each build got its own) serves nothing either.
    expect((await get(`/_preview/articles-${ID}/_astro/trang.Ab12.css`)).status).toBe(404);
  });

  it('a newer build of the entry gets a new folder; the old one is no longer served', async () => {
    const first = /href="\/_preview\/([^/]+)\//.exec((await openPreview(await previewLink(base, { type: 'articles', id: ID }, SECRET))).body)?.[1];
    await new Promise((r) => setTimeout(r, 1100));
    const second = /href="\/_preview\/([^/]+)\//.exec((await openPreview(await previewLink(base, { type: 'articles', id: ID }, SECRET))).body)?.[1];
    expect(second).not.toBe(first);
    expect((await get(`/_preview/${first}/_astro/trang.Ab12.css`)).status).toBe(404);
    expect((await get(`/_preview/${second}/_astro/trang.Ab12.css`)).status).toBe(200);
    expect(fs.existsSync(path.join(tmp, first!))).toBe(false);
  });
});
