/**
 * The English pages (/en/) on a real build against a real seeded Strapi: built from the same units as the
 * Vietnamese pages (same units, same slugs, same contacts), with the English text where the unit has an
 * English version and the Vietnamese name marked "(Vietnamese only)" where it has none; lang="en"; hreflang
 * links between each pair of pages; a language link in the header; in the sitemap.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { buildSite } from '../helpers/site.ts';

let cms: TestStrapi;
let out: string;
const SITE = 'https://thads.example';
const NEW_PHONE = '0221 3777 999';
const NEW_EMAIL = 'khuvuc1-moi@thads-hungyen.gov.vn';
const NO_ENGLISH = 'Phòng Thi hành án dân sự khu vực 7';
const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8');
const page = (url: string) => read(`${url.replace(/^\//, '')}index.html`);
const dirs = (rel: string) =>
  fs
    .readdirSync(path.join(out, rel), { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(out, rel, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
const h1 = (html: string) => decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
const hreflang = (html: string, lang: string) => new RegExp(`<link rel="alternate" hreflang="${lang}" href="([^"]+)"`).exec(html)?.[1];

let viUnits: any[];
let enUnits: any[];

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
  const units = cms.strapi.documents('api::unit.unit');
  // Contacts are edited on the Vietnamese version only: the English page must show them too.
  const office = await units.findFirst({ filters: { slug: 'phong-thads-khu-vuc-1' }, fields: ['documentId'] });
  await units.update({ documentId: office!.documentId, data: { phone: NEW_PHONE, email: NEW_EMAIL }, status: 'published' });
  // A new office that has no English version yet.
  const agency = await units.findFirst({ filters: { slug: 'thads-tinh-hung-yen' }, fields: ['documentId'] });
  await units.create({ data: { name: NO_ENGLISH, kind: 'regional-office', order: 11, phone: '0221 3000 777', parent: agency!.documentId }, status: 'published' });
  viUnits = (await api(cms.url, '/api/units?pagination[pageSize]=100')).body.data;
  enUnits = (await api(cms.url, '/api/units?locale=en&pagination[pageSize]=100')).body.data;
  out = path.join(cms.tmp, 'site');
  const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out, SITE_URL: SITE });
  if (build.code !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
});

afterAll(async () => {
  await cms?.stop();
});

describe('English pages built from the same units', () => {
  it('have one English unit page per Vietnamese unit page, with the same slugs', () => {
    const vi = dirs('don-vi');
    expect(vi.length).toBe(viUnits.length);
    expect(dirs('en/units')).toEqual(vi);
  });

  it('list every active unit on /en/ and /en/units/, as /don-vi/ does', () => {
    const active = viUnits.filter((u) => u.active !== false);
    const linked = (html: string, prefix: string) => new Set([...html.matchAll(new RegExp(`href="${prefix}([^"/]+)/"`, 'g'))].map((m) => m[1]));
    const viList = linked(page('/don-vi/'), '/don-vi/');
    const enList = linked(page('/en/units/'), '/en/units/');
    const about = linked(page('/en/'), '/en/units/');
    // Everything /don-vi/ links to, and the merged former offices too (their English pages exist as well).
    for (const slug of viList) expect(enList.has(slug), slug).toBe(true);
    expect(viList.size).toBeGreaterThanOrEqual(active.length);
    for (const u of viUnits) {
      expect(about.has(u.slug), u.slug).toBe(true);
      expect(enList.has(u.slug), u.slug).toBe(true);
    }
    expect(active.length).toBeLessThan(viUnits.length);
  });

  it('show the English name of each unit that has one, and its Vietnamese name otherwise', () => {
    expect(enUnits.length).toBeGreaterThan(5);
    for (const en of enUnits) expect(h1(page(`/en/units/${en.slug}/`))).toBe(en.name);
    const withoutEnglish = viUnits.filter((u) => !enUnits.some((e) => e.documentId === u.documentId));
    expect(withoutEnglish.map((u) => u.name)).toContain(NO_ENGLISH);
    for (const vi of withoutEnglish) {
      const html = page(`/en/units/${vi.slug}/`);
      expect(h1(html)).toBe(`${vi.name} (Vietnamese only)`);
      expect(html).toContain(`<span lang="vi">${vi.name}</span>`);
    }
    // The structure on /en/ names the new office too, nested under the agency.
    const about = page('/en/');
    expect(about).toContain('Civil Judgment Enforcement Department of Hung Yen Province');
    expect(about).toMatch(new RegExp(`<span lang="vi">${NO_ENGLISH}</span>\\s*<span class="meta">\\(Vietnamese only\\)</span>`));
    expect(about).toMatch(/<ul class="en-org-tree"[^>]*>\s*<li[^>]*>\s*<a href="\/en\/units\/thads-tinh-hung-yen\/"[^>]*>[\s\S]*?<ul class="en-org-tree"/);
  });

  it('show the same phone and email as the Vietnamese pages, including a change made in Vietnamese', () => {
    for (const vi of viUnits) {
      const viHtml = page(`/don-vi/${vi.slug}/`);
      const enHtml = page(`/en/units/${vi.slug}/`);
      for (const contact of [vi.phone, vi.email].filter(Boolean)) {
        expect(viHtml, `${vi.slug} ${contact}`).toContain(contact);
        expect(enHtml, `${vi.slug} ${contact}`).toContain(contact);
      }
      if (vi.head) expect(enHtml).toContain(vi.head);
    }
    const en = page('/en/units/phong-thads-khu-vuc-1/');
    expect(en).toContain(`href="tel:${NEW_PHONE.replace(/\s/g, '')}"`);
    expect(en).toContain(`href="mailto:${NEW_EMAIL}"`);
    expect(h1(en)).toBe('Regional Civil Judgment Enforcement Office No. 1');
  });

  it('show the agency, its leadership and contacts in English on /en/', async () => {
    const setting = (await api(cms.url, '/api/site-setting')).body.data;
    const html = page('/en/');
    expect(h1(html)).toBe('Civil Judgment Enforcement Department of Hung Yen Province');
    expect(html).toContain('Functions and duties');
    expect(html).toContain('Leadership');
    expect(html).toMatch(/<dt>Director<\/dt>\s*<dd>Phạm Quang Huy<\/dd>/);
    expect(html).toContain(`mailto:${setting.email}`);
    expect(html).toContain(setting.address);
    // A reception schedule in English on the agency's page; none on a page whose unit has no English version.
    expect(page('/en/units/thads-tinh-hung-yen/')).toContain('Reception of citizens');
    expect(page('/en/units/chi-cuc-thads-huyen-tien-lu/')).not.toContain('Reception of citizens');
  });
});

describe('language', () => {
  it('marks the English pages lang="en" and leaves the Vietnamese ones lang="vi"', () => {
    for (const url of ['/en/', '/en/units/', '/en/units/van-phong/']) expect(page(url)).toMatch(/<html lang="en"/);
    for (const url of ['/', '/gioi-thieu/', '/don-vi/', '/don-vi/van-phong/']) expect(page(url)).toMatch(/<html lang="vi"/);
  });

  it('links each pair of pages both ways with hreflang', () => {
    const pairs = [
      ['/gioi-thieu/', '/en/'],
      ['/don-vi/', '/en/units/'],
      ['/don-vi/van-phong/', '/en/units/van-phong/'],
      ['/don-vi/chi-cuc-thads-huyen-tien-lu/', '/en/units/chi-cuc-thads-huyen-tien-lu/'],
    ];
    for (const [vi, en] of pairs) {
      for (const html of [page(vi!), page(en!)]) {
        expect(hreflang(html, 'vi')).toBe(`${SITE}${vi}`);
        expect(hreflang(html, 'en')).toBe(`${SITE}${en}`);
        expect(hreflang(html, 'x-default')).toBe(`${SITE}${vi}`);
      }
    }
    expect(hreflang(page('/tin-tuc/'), 'en')).toBeUndefined();
  });

  it('has a language link in the header: "English" on Vietnamese pages, "Tiếng Việt" on English ones', () => {
    expect(page('/don-vi/van-phong/')).toContain('<a class="lang-link" href="/en/units/van-phong/" hreflang="en" lang="en">English</a>');
    expect(page('/tin-tuc/')).toContain('<a class="lang-link" href="/en/" hreflang="en" lang="en">English</a>');
    expect(page('/en/units/van-phong/')).toContain('<a class="lang-link" href="/don-vi/van-phong/" hreflang="vi" lang="vi">Tiếng Việt</a>');
    expect(page('/en/')).toContain('<a class="lang-link" href="/gioi-thieu/" hreflang="vi" lang="vi">Tiếng Việt</a>');
  });

  it('keeps the English pages within the reading-page budget (60 KB of compressed HTML and CSS)', () => {
    for (const url of ['/en/', '/en/units/', '/en/units/thads-tinh-hung-yen/']) {
      const html = page(url);
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => read(m[1]!.replace(/^\//, '')));
      const bytes = [html, ...css].reduce((n, text) => n + zlib.brotliCompressSync(Buffer.from(text)).length, 0);
      expect(bytes, url).toBeLessThan(60 * 1024);
      // No script at all: the English pages have no search box.
      expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    }
  });

  it('puts the English pages in the sitemap', () => {
    const sitemaps = fs
      .readdirSync(out)
      .filter((f) => /^sitemap.*\.xml$/.test(f))
      .map((f) => read(f))
      .join('\n');
    for (const url of ['/en/', '/en/units/', '/en/units/van-phong/']) expect(sitemaps).toContain(`<loc>${SITE}${url}</loc>`);
  });
});
