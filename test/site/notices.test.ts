/**
 * Enforcement and auction notices on a real build against a seeded CMS: a current notice is on the current
 * list and an expired one on the past list (decided by the build's clock), each with its detail page showing
 * its expiry; the auction filter pages by asset type and by district list exactly the current notices of
 * that value; money in Vietnamese; detail pages in the sitemap and the search index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSET_TYPES, auctionNoticeSchema, districtSchema, enforcementNoticeSchema, formatVnd, SEARCH_FILTERS, SEARCH_TYPE_LABELS, type AuctionNotice, type EnforcementNotice } from '@thads/shared';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { buildSite } from '../helpers/site.ts';
import { loadPagefind } from '../helpers/pagefind.ts';

const ENFORCEMENT = 'api::enforcement-notice.enforcement-notice';
let cms: TestStrapi;
let out: string;
let notices: EnforcementNotice[];
let auctions: AuctionNotice[];
/** The agency's districts (content type district), by slug. */
let districts: string[];
let builtAt: number;
const created: Record<'current' | 'expired', { slug: string; title: string }> = {} as any;

const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8');
/** The detail links of a list page, in order. */
const links = (html: string, prefix: string) => [...html.matchAll(new RegExp(`href="${prefix}([a-z0-9-]+)/"`, 'g'))].map((m) => m[1]!).filter((s) => !['da-het-han', 'loai', 'dia-ban'].includes(s));
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
  const docs = cms.strapi.documents(ENFORCEMENT);
  const make = async (title: string, publishedUntil: Date) => {
    const doc = await docs.create({ data: { title, kind: 'tim-duong-su', subject: 'Đề nghị ông Phạm Văn K. liên hệ với đơn vị.', publishedUntil: publishedUntil.toISOString() } as any });
    await docs.publish({ documentId: doc.documentId });
    return { slug: doc.slug as string, title };
  };
  created.current = await make('Thông báo tìm đương sự còn hạn trong phép thử', new Date(Date.now() + 30 * 86400_000));
  created.expired = await make('Thông báo tìm đương sự đã hết hạn trong phép thử', new Date(Date.now() - 60_000));
  notices = ((await api(cms.url, '/api/enforcement-notices?pagination[pageSize]=100')).body.data as unknown[]).map((n) => enforcementNoticeSchema.parse(n));
  auctions = ((await api(cms.url, '/api/auction-notices?pagination[pageSize]=100')).body.data as unknown[]).map((n) => auctionNoticeSchema.parse(n));
  districts = ((await api(cms.url, '/api/districts?pagination[pageSize]=100')).body.data as unknown[]).map((d) => districtSchema.parse(d).slug);
  out = path.join(cms.tmp, 'site');
  builtAt = Date.now();
  const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out, SITE_URL: 'https://thads.example' });
  if (build.code !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
});

afterAll(async () => {
  await cms?.stop();
});

// Every demo notice expires days away from now, and the two made here a month ahead or a minute ago: which
// side of its expiry each one is cannot change during the build.
const isCurrent = (n: { publishedUntil?: string | null }) => !n.publishedUntil || Date.parse(n.publishedUntil) > builtAt;

describe('enforcement notices', () => {
  it('lists the current notices on /thong-bao-thi-hanh-an/ and the expired ones on its past list', () => {
    const current = links(mainOf(read('thong-bao-thi-hanh-an/index.html')), '/thong-bao-thi-hanh-an/');
    const past = links(mainOf(read('thong-bao-thi-hanh-an/da-het-han/index.html')), '/thong-bao-thi-hanh-an/');
    expect(current).toContain(created.current.slug);
    expect(current).not.toContain(created.expired.slug);
    expect(past).toContain(created.expired.slug);
    expect(past).not.toContain(created.current.slug);
    expect(current.sort()).toEqual(notices.filter(isCurrent).map((n) => n.slug).sort());
    expect(past.sort()).toEqual(notices.filter((n) => !isCurrent(n)).map((n) => n.slug).sort());
  });

  it('gives every notice a detail page with its structured fields and whether it is still current', () => {
    const html = read(`thong-bao-thi-hanh-an/${created.expired.slug}/index.html`);
    expect(html).toContain('<strong>Đã hết hạn</strong>');
    expect(read(`thong-bao-thi-hanh-an/${created.current.slug}/index.html`)).toContain('<strong>Đang hiệu lực</strong>');
    const money = notices.find((n) => n.kind === 'nhan-tien-tai-san' && n.parties?.some((p) => p.amount))!;
    const page = read(`thong-bao-thi-hanh-an/${money.slug}/index.html`);
    const party = money.parties!.find((p) => p.amount)!;
    expect(page).toContain(party.name);
    expect(page).toContain(formatVnd(party.amount!));
    expect(page).toMatch(/\d{1,3}(\.\d{3})+ đồng/);
    expect(page).toContain('Người được thông báo');
  });
});

describe('auction notices', () => {
  it('lists the current auctions on /dau-gia/ with the starting price in Vietnamese, and the others on the past list', () => {
    const main = mainOf(read('dau-gia/index.html'));
    const current = auctions.filter(isCurrent);
    const past = auctions.filter((n) => !isCurrent(n));
    expect(current.length).toBeGreaterThan(0);
    expect(past.length).toBeGreaterThan(0);
    expect(links(main, '/dau-gia/').sort()).toEqual(current.map((n) => n.slug).sort());
    expect(links(mainOf(read('dau-gia/da-het-han/index.html')), '/dau-gia/').sort()).toEqual(past.map((n) => n.slug).sort());
    const boat = auctions.find((n) => n.startingPrice === 1_250_000_000)!;
    expect(read(`dau-gia/${boat.slug}/index.html`)).toContain('1.250.000.000 đồng');
  });

  it('has one page per asset type and per district listing exactly the current auctions of that value', () => {
    const current = auctions.filter(isCurrent);
    for (const type of ASSET_TYPES) {
      const listed = links(mainOf(read(`dau-gia/loai/${type}/index.html`)), '/dau-gia/');
      expect(listed.sort(), type).toEqual(current.filter((n) => n.assetType === type).map((n) => n.slug).sort());
    }
    expect(districts.length).toBeGreaterThan(1);
    for (const district of districts) {
      const listed = links(mainOf(read(`dau-gia/dia-ban/${district}/index.html`)), '/dau-gia/');
      expect(listed.sort(), district).toEqual(current.filter((n) => n.district?.slug === district).map((n) => n.slug).sort());
    }
    // The filter links on the list page name only values that have current auctions.
    const main = mainOf(read('dau-gia/index.html'));
    for (const n of current) {
      expect(main).toContain(`href="/dau-gia/loai/${n.assetType}/"`);
      expect(main).toContain(`href="/dau-gia/dia-ban/${n.district!.slug}/"`);
    }
    const empty = districts.find((d) => !current.some((n) => n.district?.slug === d))!;
    expect(main).not.toContain(`href="/dau-gia/dia-ban/${empty}/"`);
  });

  it('filters with plain links: no script of their own on the list, filter and detail pages (only the header search)', () => {
    for (const rel of ['dau-gia/index.html', `dau-gia/loai/${ASSET_TYPES[0]}/index.html`, `dau-gia/${auctions[0]!.slug}/index.html`]) {
      expect(mainOf(read(rel)), rel).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    }
  });
});

describe('search and sitemap', () => {
  it('indexes every notice detail page under its own type, and lists the pages in the sitemap', async () => {
    const pagefind = await loadPagefind(out);
    for (const [label, list, prefix] of [
      [SEARCH_TYPE_LABELS['enforcement-notice'], notices, '/thong-bao-thi-hanh-an/'],
      [SEARCH_TYPE_LABELS['auction-notice'], auctions, '/dau-gia/'],
    ] as const) {
      const found = await pagefind.search(null, { filters: { [SEARCH_FILTERS.type]: label } });
      const urls = await Promise.all(found.results.map(async (r: any) => (await r.data()).url));
      expect(urls.sort()).toEqual(list.map((n) => `${prefix}${n.slug}/`).sort());
    }
    const sitemap = read('sitemap.xml');
    for (const n of auctions) expect(sitemap).toContain(`https://thads.example/dau-gia/${n.slug}/`);
    expect(sitemap).toContain('https://thads.example/dau-gia/loai/bat-dong-san/');
    expect(sitemap).toContain(`https://thads.example/thong-bao-thi-hanh-an/${created.current.slug}/`);
  });
});
