/**
 * What makes the site findable and shareable, on one real build of the demo content (plus a few entries made
 * here): RSS feeds read with a real feed parser (rss-parser), JSON-LD of every page, the sitemap, robots.txt,
 * the spokesperson's vCard read back with a vCard parser (ical.js), canonical and Open Graph URLs, the press
 * room and a correction page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksToText, slugify, toIsoVn } from '@thads/shared';
import { inlineHashes } from '../../site/publisher/csp.ts';
import { buildSite, listFiles } from '../helpers/site.ts';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

const SITE = 'https://thads.example';
const DRAFT_TITLE = 'Thông cáo nháp chưa được duyệt không được lên nguồn tin';
const UNPUBLISHED_TITLE = 'Tin đã gỡ xuống không còn trong nguồn tin RSS';
const EMBARGO_TITLE = 'Thông cáo cấm đăng đến ngày mai chưa được lên trang';
/** Extra published articles, so that the news feed has more than it shows (50). */
const EXTRA_ARTICLES = 20;

let cms: TestStrapi;
let out: string;
let files: string[];
const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8');
const page = (url: string) => read(`${url.replace(/^\//, '')}index.html`);
const all = async (p: string) => (await api(cms.url, `/api/${p}${p.includes('?') ? '&' : '?'}pagination[pageSize]=100`)).body.data as any[];
const htmlFiles = () => files.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
const urlOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/** The JSON-LD blocks of a page, parsed (a block that does not parse fails the test). */
function jsonLd(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(([, text]) => JSON.parse(text!));
}
const ofType = (html: string, type: string) => jsonLd(html).filter((d) => d['@type'] === type);
const metaContent = (html: string, attr: 'name' | 'property', key: string) => new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`).exec(html)?.[1];
const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

const feedParser = new Parser();
const feed = (rel: string) => feedParser.parseString(read(rel));

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
  const documents = (uid: string) => cms.strapi.documents(uid);
  await documents('api::press-release.press-release').create({ data: { title: DRAFT_TITLE, body: paragraph('Nháp.') } });
  // Approved and published ahead, with an embargo until tomorrow (the CMS releases it at that time: test/cms/embargo.test.ts).
  await documents('api::press-release.press-release').create({
    data: { title: EMBARGO_TITLE, body: paragraph('Nội dung cấm đăng.'), embargoUntil: new Date(Date.now() + 86_400_000).toISOString() } as any,
    status: 'published',
  });
  const gone = await documents('api::article.article').create({ data: { title: UNPUBLISHED_TITLE, body: paragraph('Đã gỡ.'), format: 'tin' }, status: 'published' });
  await documents('api::article.article').unpublish({ documentId: gone.documentId });
  for (let i = 0; i < EXTRA_ARTICLES; i++) {
    await documents('api::article.article').create({
      data: { title: `Tin ngắn số ${i + 1} về hoạt động thi hành án`, body: paragraph(`Nội dung tin ${i + 1}.`), format: 'tin', date: new Date(Date.UTC(2023, 0, 1 + i)).toISOString() },
      status: 'published',
    });
  }
  out = path.join(cms.tmp, 'site');
  const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out, SITE_URL: SITE });
  if (build.code !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
  files = listFiles(out);
});

afterAll(async () => {
  await cms?.stop();
});

describe('RSS feeds', () => {
  it('list the newest 50 published articles with absolute links, titles and dates', async () => {
    const articles = await all('articles?sort=date:desc&pagination[pageSize]=100');
    expect(articles.length).toBeGreaterThan(50);
    const parsed = await feed('rss/tin-tuc.xml');
    expect(parsed.title).toContain('Tin tức');
    expect(parsed.link).toBe(`${SITE}/tin-tuc/`);
    expect(parsed.language).toBe('vi');
    expect(parsed.items).toHaveLength(50);
    const newest = [...articles].sort((a, b) => Date.parse(b.date ?? b.publishedAt) - Date.parse(a.date ?? a.publishedAt)).slice(0, 50);
    expect(parsed.items.map((i) => i.title)).toEqual(newest.map((a) => a.title));
    for (const [i, item] of parsed.items.entries()) {
      const a = newest[i];
      expect(item.link).toBe(`${SITE}/tin-tuc/${a.slug}/`);
      expect(item.guid).toBe(item.link);
      expect(Date.parse(item.isoDate!)).toBe(Date.parse(a.date ?? a.publishedAt) - (Date.parse(a.date ?? a.publishedAt) % 1000));
      expect(files).toContain(`tin-tuc/${a.slug}/index.html`);
    }
  });

  it('carry the full text of press releases, with the number in the title', async () => {
    const releases = await all('press-releases?sort=date:desc');
    const parsed = await feed('rss/thong-cao-bao-chi.xml');
    expect(parsed.link).toBe(`${SITE}/bao-chi/thong-cao/`);
    expect(parsed.items).toHaveLength(releases.length);
    const first = releases[0];
    const item = parsed.items[0]!;
    expect(item.title).toBe(first.number ? `${first.title} (số ${first.number})` : first.title);
    expect(item.link).toBe(`${SITE}/bao-chi/thong-cao/${first.slug}/`);
    expect(item['content:encoded']).toContain(blocksToText(first.body).split('\n')[0]!.slice(0, 40));
  });

  it('list the legal Q&A with question and answer, and the announcements', async () => {
    const qas = await all('legal-qas?sort=date:desc');
    const parsed = await feed('rss/hoi-dap.xml');
    expect(parsed.items.map((i) => i.link)).toEqual(qas.slice(0, 50).map((q) => `${SITE}/hoi-dap/${q.slug}/`));
    expect(parsed.items[0]!['content:encoded']).toContain('Trả lời');
    expect(parsed.items[0]!.categories).toEqual([qas[0].topic.name]);
    const announcements = await all('announcements');
    expect((await feed('rss/thong-bao.xml')).items.map((i) => i.title).sort()).toEqual(announcements.map((a) => a.title).sort());
  });

  it('have one feed per category holding only that category', async () => {
    const categories = await all('categories');
    const articles = await all('articles');
    for (const c of categories) {
      const parsed = await feed(`rss/chuyen-muc/${c.slug}.xml`);
      expect(parsed.link).toBe(`${SITE}/chuyen-muc/${c.slug}/`);
      const expected = articles.filter((a) => a.category?.slug === c.slug).map((a) => `${SITE}/tin-tuc/${a.slug}/`);
      expect(parsed.items.map((i) => i.link).sort(), c.slug).toEqual(expected.sort());
    }
  });

  it('leave out drafts and unpublished entries', () => {
    for (const f of files.filter((f) => f.startsWith('rss/'))) {
      const xml = read(f);
      expect(xml, f).not.toContain(DRAFT_TITLE);
      expect(xml, f).not.toContain(UNPUBLISHED_TITLE);
      expect(xml, f).not.toContain(slugify(UNPUBLISHED_TITLE));
    }
  });

  it('leave out a press release under embargo, as does every page, the sitemap and the search index', async () => {
    const slug = slugify(EMBARGO_TITLE);
    expect(slug.length).toBeGreaterThan(20);
    const text = files.filter((f) => /\.(html|xml|txt|json|vcf)$/.test(f));
    expect(text.length).toBeGreaterThan(100);
    for (const f of text) {
      const content = read(f);
      expect(content, f).not.toContain(EMBARGO_TITLE);
      expect(content, f).not.toContain(slug);
    }
    expect(files.some((f) => f.includes(slug))).toBe(false);
    // The releases that are out are listed, each with its page.
    const releases = await all('press-releases');
    expect(releases.length).toBeGreaterThan(0);
    for (const r of releases) expect(page('/bao-chi/thong-cao/'), r.slug).toContain(`/bao-chi/thong-cao/${r.slug}/`);
  });

  it('are announced in every page head with absolute URLs, and a category page announces its own', async () => {
    for (const f of htmlFiles()) {
      const alternates = [...read(f).matchAll(/<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="([^"]+)">/g)].map(([, href]) => href);
      expect(alternates, f).toEqual(expect.arrayContaining(['tin-tuc', 'thong-cao-bao-chi', 'hoi-dap', 'thong-bao'].map((k) => `${SITE}/rss/${k}.xml`)));
    }
    const [category] = await all('categories');
    expect(page(`/chuyen-muc/${category.slug}/`)).toContain(`href="${SITE}/rss/chuyen-muc/${category.slug}.xml"`);
  });
});

describe('structured data', () => {
  it('parses on every page, and the CSP hashes only executable scripts', () => {
    for (const f of htmlFiles()) {
      const html = read(f);
      const blocks = jsonLd(html);
      for (const d of blocks) expect(d['@context'], f).toBe('https://schema.org');
      const executable = [...html.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>/g)].length;
      // Identical inline scripts share one hash: never more hashes than executable scripts, and JSON-LD adds none.
      const hashes = inlineHashes(html).scripts.size;
      expect(hashes, f).toBeLessThanOrEqual(executable);
      expect(inlineHashes(html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '')).scripts.size, f).toBe(hashes);
    }
  });

  it('describes every article as a NewsArticle with headline, dates, author, publisher and its image', async () => {
    for (const a of await all('articles')) {
      const html = page(`/tin-tuc/${a.slug}/`);
      const [ld] = ofType(html, 'NewsArticle');
      expect(ld, a.slug).toBeDefined();
      expect(ld.headline).toBe(a.title);
      expect(ld.datePublished).toBe(toIsoVn(a.date ?? a.publishedAt));
      expect(ld.dateModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00$/);
      expect(ld.url).toBe(`${SITE}/tin-tuc/${a.slug}/`);
      expect(ld.author).toMatchObject({ name: a.unit?.name ?? expect.any(String) });
      expect(ld.publisher).toMatchObject({ '@type': 'GovernmentOrganization', name: expect.stringContaining('Thi hành án'), url: `${SITE}/` });
      if (a.cover?.image) {
        expect(ld.image, a.slug).toHaveLength(1);
        expect(ld.image[0]).toBe(metaContent(html, 'property', 'og:image'));
        expect(files).toContain(decodeURI(new URL(ld.image[0]).pathname.slice(1)));
      } else expect(ld).not.toHaveProperty('image');
    }
  });

  it('describes press releases and corrections as NewsArticles, corrections also as a ClaimReview', async () => {
    for (const r of await all('press-releases')) {
      const [ld] = ofType(page(`/bao-chi/thong-cao/${r.slug}/`), 'NewsArticle');
      expect(ld).toMatchObject({ headline: r.title, datePublished: toIsoVn(r.date ?? r.publishedAt), articleSection: 'Thông cáo báo chí' });
      expect(ld.author.name).toBeTruthy();
      expect(ld.publisher.name).toBeTruthy();
    }
    for (const c of await all('corrections')) {
      const html = page(`/bao-chi/cai-chinh/${c.slug}/`);
      expect(ofType(html, 'NewsArticle')[0]).toMatchObject({ headline: c.title });
      const [review] = ofType(html, 'ClaimReview');
      expect(review.reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'Sai sự thật' });
      expect(review.itemReviewed.appearance.map((a: any) => a.publisher.name).sort()).toEqual(c.appearances.map((a: any) => a.outlet).sort());
    }
  });

  it('describes every legal Q&A as a QAPage with its question and accepted answer', async () => {
    for (const q of await all('legal-qas')) {
      const [ld] = ofType(page(`/hoi-dap/${q.slug}/`), 'QAPage');
      expect(ld, q.slug).toBeDefined();
      const question = ld.mainEntity;
      expect(question).toMatchObject({ '@type': 'Question', name: q.title, text: q.question, answerCount: 1, dateCreated: toIsoVn(q.date ?? q.publishedAt) });
      expect(question.author.name).toBeTruthy();
      expect(question.acceptedAnswer['@type']).toBe('Answer');
      expect(question.acceptedAnswer.text).toBe(blocksToText(q.answer));
      expect(question.acceptedAnswer.url).toBe(`${SITE}/hoi-dap/${q.slug}/#tra-loi`);
      expect(question.acceptedAnswer.author.name).toBeTruthy();
    }
  });

  it('gives every page with breadcrumbs a BreadcrumbList that matches the trail, ending at the page', () => {
    let count = 0;
    for (const f of htmlFiles().filter((f) => f !== 'index.html')) {
      const html = read(f);
      const lists = ofType(html, 'BreadcrumbList');
      expect(lists, f).toHaveLength(1);
      const items = lists[0].itemListElement;
      const trail = [...html.matchAll(/<nav class="breadcrumbs"[\s\S]*?<\/nav>/g)][0]![0];
      const names = [...trail.matchAll(/<li[^>]*>(?:<a [^>]*>)?([^<]*)/g)].map(([, name]) => decode(name!));
      expect(items.map((i: any) => i.name), f).toEqual(names);
      expect(items.map((i: any) => i.position)).toEqual(items.map((_: unknown, i: number) => i + 1));
      for (const i of items) expect(i.item, f).toMatch(new RegExp(`^${SITE}/`));
      expect(items.at(-1).item, f).toBe(`${SITE}${f === '404.html' ? '/404/' : urlOf(f)}`);
      count++;
    }
    expect(count).toBeGreaterThan(100);
  });

  it('describes the agency on the home and about pages, and each unit on its page', async () => {
    const setting = (await api(cms.url, '/api/site-setting')).body.data;
    const spokesperson = (await api(cms.url, '/api/spokesperson')).body.data;
    for (const url of ['/', '/gioi-thieu/']) {
      const [org] = ofType(page(url), 'GovernmentOrganization');
      expect(org, url).toMatchObject({ name: setting.agencyName, url: `${SITE}/`, email: setting.email, parentOrganization: { name: setting.parentAgency } });
      expect(org.address.streetAddress).toBe(setting.address);
      expect(org.telephone).toMatch(/^\+84\d{9,10}$/);
      expect(org.subOrganization.length).toBeGreaterThan(3);
      expect(org.contactPoint[0]).toMatchObject({ contactType: 'Người phát ngôn', name: spokesperson.spokesperson.name, email: spokesperson.spokesperson.email });
    }
    expect(ofType(page('/'), 'WebSite')[0]).toMatchObject({ name: setting.portalName, url: `${SITE}/` });
    for (const u of (await all('units')).filter((u) => u.active && u.kind !== 'agency')) {
      const [org] = ofType(page(`/don-vi/${u.slug}/`), 'GovernmentOrganization');
      expect(org, u.slug).toMatchObject({ name: u.name, url: `${SITE}/don-vi/${u.slug}/`, parentOrganization: { name: setting.agencyName, url: `${SITE}/` } });
    }
  });
});

describe('canonical URLs and link previews', () => {
  it('give every indexable page an absolute canonical URL equal to og:url, and a Twitter card', () => {
    for (const f of htmlFiles()) {
      const html = read(f);
      expect(metaContent(html, 'name', 'twitter:card'), f).toMatch(/^summary(_large_image)?$/);
      if (/<meta name="robots" content="noindex">/.test(html)) continue;
      expect(canonicalOf(html), f).toBe(`${SITE}${urlOf(f)}`);
      expect(metaContent(html, 'property', 'og:url'), f).toBe(canonicalOf(html));
      expect(metaContent(html, 'name', 'description'), f).toBeTruthy();
    }
  });

  it('date articles for link previews, and describe their picture', async () => {
    const [a] = await all('articles?sort=date:desc');
    const html = page(`/tin-tuc/${a.slug}/`);
    expect(metaContent(html, 'property', 'article:published_time')).toBe(toIsoVn(a.date));
    expect(metaContent(html, 'property', 'article:modified_time')).toBeTruthy();
    if (a.cover) expect(decode(metaContent(html, 'property', 'og:image:alt')!)).toBe(a.cover.alt);
  });

  it('keep the search page, the status look-up and the 404 page out of search engines', () => {
    for (const f of ['tim-kiem/index.html', 'hoi-dap/tra-cuu/index.html', '404.html']) {
      const html = read(f);
      expect(html, f).toContain('<meta name="robots" content="noindex">');
      expect(canonicalOf(html), f).toBeUndefined();
      expect(jsonLd(html).filter((d) => d['@type'] !== 'BreadcrumbList'), f).toEqual([]);
    }
  });
});

describe('sitemap and robots.txt', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'url' });
  const locs = () => (parser.parse(read('sitemap.xml')).urlset.url as { loc: string; lastmod?: string }[]);

  it('list every indexable page once, under its canonical URL, and no other', () => {
    const listed = locs().map((u) => u.loc);
    expect(new Set(listed).size).toBe(listed.length);
    const indexable = htmlFiles().filter((f) => !read(f).includes('<meta name="robots" content="noindex">'));
    expect(listed.sort()).toEqual(indexable.map((f) => `${SITE}${urlOf(f)}`).sort());
  });

  it('list the detail pages of every type, dated by their last change', async () => {
    const byLoc = new Map(locs().map((u) => [u.loc, u.lastmod]));
    for (const [type, prefix] of [
      ['articles', '/tin-tuc/'],
      ['legal-qas', '/hoi-dap/'],
      ['press-releases', '/bao-chi/thong-cao/'],
      ['corrections', '/bao-chi/cai-chinh/'],
      ['stories', '/guong-dien-hinh/'],
      ['announcements', '/thong-bao/'],
      ['legal-documents', '/van-ban/'],
      ['galleries', '/thu-vien-anh/'],
    ]) {
      for (const item of await all(type!)) expect(byLoc.has(`${SITE}${prefix}${item.slug}/`), `${type} ${item.slug}`).toBe(true);
    }
    const [a] = await all('articles');
    expect(byLoc.get(`${SITE}/tin-tuc/${a.slug}/`)).toBe(toIsoVn(a.updatedAt > (a.date ?? '') ? a.updatedAt : a.date));
  });

  it('leave out the noindex pages: by path (search, status look-up) and by the layout prop (404)', () => {
    const listed = locs().map((u) => u.loc);
    for (const p of ['/tim-kiem/', '/hoi-dap/tra-cuu/', '/404/', '/404.html']) expect(listed).not.toContain(`${SITE}${p}`);
  });

  it('robots.txt names the sitemap and keeps crawlers out of the search page', () => {
    const robots = read('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/tim-kiem\/$/m);
    expect(robots).toMatch(new RegExp(`^Sitemap: ${SITE}/sitemap.xml$`, 'm'));
  });
});

describe('the press room', () => {
  it('offers the spokesperson and the deputy as vCards that parse back with names, phones and emails', async () => {
    const s = (await api(cms.url, '/api/spokesperson')).body.data;
    const text = read('bao-chi/nguoi-phat-ngon.vcf');
    const parsed = ICAL.parse(text) as unknown[];
    const cards = (parsed[0] === 'vcard' ? [parsed] : parsed).map((j) => new ICAL.Component(j as any));
    expect(cards.map((c) => c.getFirstPropertyValue('fn'))).toEqual([s.spokesperson.name, s.deputy.name]);
    expect(cards.map((c) => c.getFirstPropertyValue('email'))).toEqual([s.spokesperson.email, s.deputy.email]);
    const international = (phone: string) => `+84${phone.replace(/\D/g, '').replace(/^0/, '')}`;
    expect(cards.map((c) => c.getFirstPropertyValue('tel'))).toEqual([international(s.spokesperson.phone), international(s.deputy.phone)]);
    expect(cards.map((c) => c.getFirstPropertyValue('role'))).toEqual(['Người phát ngôn', 'Người được giao nhiệm vụ phát ngôn']);
    expect(cards[0]!.getFirstPropertyValue('n')).toEqual(['Nguyễn', 'Hương', 'Thị Thanh', '', '']);
  });

  it('shows the spokespeople, how to ask, the latest press releases, corrections, photos and feeds', async () => {
    const html = page('/bao-chi/');
    const s = (await api(cms.url, '/api/spokesperson')).body.data;
    for (const text of [s.spokesperson.name, s.spokesperson.email, s.deputy.name, s.deputy.phone]) expect(html).toContain(text);
    expect(html).toContain('href="/bao-chi/nguoi-phat-ngon.vcf"');
    expect(html).toContain('href="/bao-chi/de-nghi-cung-cap-thong-tin/"');
    expect(html).toContain('href="/thu-vien-anh/"');
    const releases = await all('press-releases?sort=date:desc');
    for (const r of releases.slice(0, 5)) expect(html).toContain(`href="/bao-chi/thong-cao/${r.slug}/"`);
    const [correction] = await all('corrections?sort=date:desc');
    expect(html).toContain(`href="/bao-chi/cai-chinh/${correction.slug}/"`);
    expect(html).toContain('Nguồn tin RSS');
    for (const k of ['tin-tuc', 'thong-cao-bao-chi', 'hoi-dap', 'thong-bao']) {
      expect(html).toContain(`href="/rss/${k}.xml"`);
      expect(html).toContain(`${SITE}/rss/${k}.xml`);
    }
  });

  it('shows a correction: the false claim, each appearance with outlet, link and date, the response and the evidence', async () => {
    for (const c of await all('corrections')) {
      const html = decode(page(`/bao-chi/cai-chinh/${c.slug}/`));
      expect(html).toContain(c.falseClaim.split('\n')[0]!.slice(0, 60));
      for (const a of c.appearances) {
        expect(html).toContain(a.outlet);
        if (a.url) expect(html).toContain(`href="${a.url}" rel="nofollow noopener noreferrer"`);
        if (a.date) expect(html).toContain(`datetime="${toIsoVn(a.date)}"`);
      }
      expect(html).toContain('Thông tin chính thức của cơ quan');
      expect(html).toContain(blocksToText(c.response).split('\n')[0]!.replace(/\*\*/g, '').slice(0, 40));
      for (const e of c.evidence ?? []) expect(html).toContain(e.title);
    }
  });
});

describe('print', () => {
  it('hides navigation, search and islands on paper and prints link targets', () => {
    const css = files.filter((f) => f.startsWith('_astro/') && f.endsWith('.css')).map(read).join('\n');
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/\.main-nav/);
    expect(print).toMatch(/\.site-search/);
    expect(print).toMatch(/astro-island/);
    expect(print).toMatch(/attr\(href\)/);
  });
});
