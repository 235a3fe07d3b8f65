/**
 * A real site build against a real Strapi seeded with the demo content: every page type is there,
 * with its content, working links and sized images; drafts are not; a build that cannot read Strapi
 * stops with a clear message and leaves the previous site as it was.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateLong, slugify } from '@thads/shared';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { buildSite, listFiles } from '../helpers/site.ts';

let cms: TestStrapi;
let out: string;
let files: string[];
let build: { code: number; output: string; seconds: number };
let moved: { from: string; to: string };
const DRAFT_TITLE = 'Bản nháp không được xuất hiện trên trang công khai';
const INLINE_TITLE = 'Bài có ảnh chèn trong nội dung';
const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8');
const page = (url: string) => read(`${url.replace(/^\//, '')}index.html`);
const all = async (p: string) => (await api(cms.url, `/api/${p}${p.includes('?') ? '&' : '?'}pagination[pageSize]=100`)).body.data as any[];

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
  await cms.strapi.documents('api::article.article').create({ data: { title: DRAFT_TITLE, body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }], format: 'tin' } });
  // A photo inside the text of an article (rich text image block), as an editor inserts one.
  const file = (await cms.strapi.db.query('plugin::upload.file').findMany({ where: { mime: 'image/jpeg' }, limit: 1 }))[0];
  await cms.strapi.documents('api::article.article').create({
    data: {
      title: INLINE_TITLE,
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: 'Ảnh trong bài:' }] },
        { type: 'image', image: { ...file, alternativeText: 'Ảnh chèn trong nội dung bài' }, children: [{ type: 'text', text: '' }] },
      ],
      format: 'tin',
    } as any,
    status: 'published',
  });
  // A published article an editor gave a new address (and published): its old address must keep answering.
  const renamed = (await cms.strapi.documents('api::article.article').findMany({ status: 'published', filters: { title: { $ne: INLINE_TITLE } }, sort: 'publishedAt:asc', limit: 1 } as any))[0]!;
  moved = { from: `/tin-tuc/${renamed.slug}/`, to: '/tin-tuc/dia-chi-moi-cua-bai/' };
  await cms.strapi.documents('api::article.article').update({ documentId: renamed.documentId, data: { slug: 'dia-chi-moi-cua-bai' } as any, status: 'published' });
  out = path.join(cms.tmp, 'site');
  build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out, SITE_URL: 'https://thads.example' });
  if (build.code !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
  files = listFiles(out);
});

afterAll(async () => {
  await cms?.stop();
});

describe('photos inside rich text', () => {
  it('are files of the site itself, sized, never an address of the CMS', () => {
    const html = page(`/tin-tuc/${slugify(INLINE_TITLE)}/`);
    const img = /<figure><img src="([^"]+)" alt="Ảnh chèn trong nội dung bài" width="(\d+)" height="(\d+)"/.exec(html);
    expect(img, html.slice(html.indexOf('<article'), html.indexOf('<article') + 3000)).toBeTruthy();
    expect(img![1]).toMatch(/^\/_astro\/.+\.webp$/);
    expect(files).toContain(img![1]!.slice(1));
    expect(html).not.toContain(cms.url);
  });
});

describe('every page type', () => {
  it('builds the fixed pages', () => {
    for (const p of ['index.html', 'tin-tuc/index.html', 'tin-tuc/trang/2/index.html', 'hoi-dap/index.html', 'guong-dien-hinh/index.html', 'bao-chi/index.html', 'thong-bao/index.html', 'van-ban/index.html', 'thu-vien-anh/index.html', 'don-vi/index.html', 'gioi-thieu/index.html', '404.html']) {
      expect(files, p).toContain(p);
    }
  });

  it.each([
    ['articles', '/tin-tuc/'],
    ['legal-qas', '/hoi-dap/'],
    ['stories', '/guong-dien-hinh/'],
    ['press-releases', '/bao-chi/thong-cao/'],
    ['corrections', '/bao-chi/cai-chinh/'],
    ['announcements', '/thong-bao/'],
    ['legal-documents', '/van-ban/'],
    ['galleries', '/thu-vien-anh/'],
  ])('builds one page per published %s under %s', async (type, prefix) => {
    const items = await all(type);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(files, item.slug).toContain(`${prefix.slice(1)}${item.slug}/index.html`);
  });

  it('builds a page per active unit, category and Q&A topic', async () => {
    for (const u of (await all('units')).filter((u) => u.active)) expect(files).toContain(`don-vi/${u.slug}/index.html`);
    for (const c of await all('categories')) expect(files).toContain(`chuyen-muc/${c.slug}/index.html`);
    for (const t of await all('topics')) expect(files).toContain(`hoi-dap/linh-vuc/${t.slug}/index.html`);
  });

  it('leaves drafts out', () => {
    expect(files.some((f) => f.includes(slugify(DRAFT_TITLE)))).toBe(false);
    for (const f of files.filter((f) => f.endsWith('.html'))) expect(read(f)).not.toContain(DRAFT_TITLE);
  });
});

describe('content', () => {
  it('shows an article with its title, Vietnamese date, unit and cover photo', async () => {
    const [article] = await all('articles?sort=date:desc');
    const html = page(`/tin-tuc/${article.slug}/`);
    expect(html).toMatch(/<html[^>]*lang="vi"/);
    expect(html).toContain(`>${article.title.replace(/&/g, '&amp;')}</h1>`);
    expect(html).toContain(formatDateLong(article.date));
    expect(html).toContain(article.unit.name);
    expect(html).toContain(article.cover.alt);
  });

  it('shows a Q&A with its question, answer and legal bases linking to the documents', async () => {
    const [qa] = await all('legal-qas');
    const html = page(`/hoi-dap/${qa.slug}/`);
    expect(html).toContain(qa.question.slice(0, 40));
    const doc = qa.citations[0].document;
    expect(html).toContain(`href="/van-ban/${doc.slug}/"`);
    if (doc.validity !== 'con-hieu-luc') expect(html).toMatch(/căn cứ pháp lý[^<]*(đã|có) thay đổi|hết hiệu lực|được sửa đổi/i);
  });

  it('shows the legally required footer details on every page', async () => {
    const settings = (await api(cms.url, '/api/site-setting')).body.data;
    for (const f of ['index.html', 'van-ban/index.html', '404.html']) {
      const html = read(f);
      expect(html).toContain(settings.agencyName);
      if (settings.licence) expect(html).toContain(settings.licence.slice(0, 30));
    }
  });

  it('gives every page one h1, a title and lang="vi" (lang="en" under /en/)', () => {
    for (const f of files.filter((f) => f.endsWith('.html'))) {
      const html = read(f);
      expect((html.match(/<h1[\s>]/g) ?? []).length, f).toBe(1);
      expect(html, f).toMatch(/<title>[^<]+<\/title>/);
      expect(html, f).toMatch(f.startsWith('en/') ? /<html[^>]*lang="en"/ : /<html[^>]*lang="vi"/);
    }
  });

  it('ships at most a tiny loader of JavaScript on reading pages', () => {
    // Every page carries the header's search box, a React island hydrated by `client:focus` (only when the
    // reader first focuses the box). Until then a reading page runs nothing but Astro's island loader and the
    // directive, inline: no script file, and at most 3 KB gzip in all. React and Pagefind load on focus.
    // Interactive pages hydrate their island at once (client:load) and are not reading pages: the search page
    // and the forms. A new one must be added here on purpose.
    const INTERACTIVE = ['tim-kiem/', 'hoi-dap/gui-cau-hoi/', 'hoi-dap/tra-cuu/', 'bao-chi/de-nghi-cung-cap-thong-tin/', 'danh-sach-chua-co-dieu-kien-thi-hanh/', 'yeu-cau-cung-cap-thong-tin/', 'yeu-cau-cung-cap-thong-tin/tra-cuu/'].map((p) => `${p}index.html`);
    const BUDGET = 3 * 1024;
    for (const f of files.filter((f) => f.endsWith('.html') && !INTERACTIVE.includes(f))) {
      const html = read(f);
      const scripts = [...html.matchAll(/<script\b(?![^>]*type="application\/ld\+json")([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.filter(([, attrs]) => /\bsrc=/.test(attrs!)), f).toEqual([]);
      expect(zlib.gzipSync(scripts.map(([, , body]) => body).join('\n')).length, f).toBeLessThanOrEqual(BUDGET);
      for (const [island] of html.matchAll(/<astro-island\b[^>]*>/g)) expect(island, f).toContain('client="focus"');
    }
  });
});

describe('links and images', () => {
  it("keeps a renamed article's former address, sending the reader on to its new one", () => {
    expect(files).toContain(`${moved.to.slice(1)}index.html`);
    const html = page(moved.from);
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${moved.to}">`);
    expect(html).toContain(`<link rel="canonical" href="https://thads.example${moved.to}">`);
    expect(html).toMatch(/<a href="\/tin-tuc\/dia-chi-moi-cua-bai\/">/);
    expect(read('sitemap.xml')).not.toContain(moved.from);
    expect(read('sitemap.xml')).toContain(moved.to);
    expect(html).not.toContain('data-pagefind-body');
  });

  it('has no broken internal link', () => {
    const broken = new Set<string>();
    for (const f of files.filter((f) => f.endsWith('.html'))) {
      for (const [, href] of read(f).matchAll(/\shref="(\/[^"#?]*)[^"]*"/g)) {
        const target = href!.endsWith('/') ? `${href!.slice(1)}index.html` : href!.slice(1);
        if (!files.includes(target) && !files.includes(decodeURI(target))) broken.add(`${f} → ${href}`);
      }
    }
    expect([...broken]).toEqual([]);
  });

  it('sizes every image, gives it alt text and builds its derivatives', () => {
    let count = 0;
    for (const f of files.filter((f) => f.endsWith('.html'))) {
      for (const [tag] of read(f).matchAll(/<img\b[^>]*>/g)) {
        count++;
        expect(tag, f).toMatch(/\swidth="\d+"/);
        expect(tag, f).toMatch(/\sheight="\d+"/);
        expect(tag, f).toMatch(/\salt="[^"]*"/);
        const src = /\ssrc="([^"]+)"/.exec(tag)![1]!;
        if (src.startsWith('/')) expect(files, `${f}: ${src}`).toContain(decodeURI(src.slice(1).split('?')[0]!));
      }
    }
    expect(count).toBeGreaterThan(30);
  });
});

describe('a build that cannot read Strapi', () => {
  it('stops with a clear message and leaves the previous site untouched', async () => {
    const before = listFiles(out).length;
    const res = await buildSite({ STRAPI_URL: 'http://127.0.0.1:9', SITE_OUT_DIR: out });
    expect(res.code).not.toBe(0);
    expect(res.output).toContain('Không kết nối được Strapi');
    expect(res.output).toContain('http://127.0.0.1:9');
    expect(listFiles(out).length).toBe(before);
  });

  it('names the content type and the field when Strapi returns bad data', async () => {
    const server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      const single = /\/api\/(site-setting|spokesperson)\b/.test(req.url ?? '');
      const item = { id: 1, documentId: 'abc123', createdAt: '2026-01-01', updatedAt: '2026-01-01', publishedAt: '2026-01-01', slug: 'muc-loi' };
      res.end(JSON.stringify(single ? { data: item } : { data: [item], meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 1 } } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const res = await buildSite({ STRAPI_URL: `http://127.0.0.1:${port}`, SITE_OUT_DIR: path.join(cms.tmp, 'bad') });
    server.close();
    expect(res.code).not.toBe(0);
    expect(res.output).toMatch(/dữ liệu không hợp lệ|không hợp lệ/i);
    expect(res.output).toMatch(/title|name|agencyName/);
    expect(fs.existsSync(path.join(cms.tmp, 'bad'))).toBe(false);
  });
});
