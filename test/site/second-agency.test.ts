/**
 * A second agency set up by data alone: a Strapi without the demo content (the empty snapshot) given another
 * province's site settings, spokesperson, units and districts, one auction notice and one press clipping,
 * written here.
 * The site built from it names that agency and its places and nothing of the demo agency's (no "Hưng Yên" in
 * any output file: pages, feeds, sitemap, vCards, the search index), and the CMS's exports (the publication
 * report in DOCX, the press digest) are headed with that agency's name and place.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPagefind, resultUrls } from '../helpers/pagefind.ts';
import { buildSite, listFiles } from '../helpers/site.ts';
import { api, cmsRequire, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

const DEMO_PLACE = /Hưng\s+Yên|hung[\s-]*yen/i;
const AGENCY = 'Thi hành án dân sự tỉnh Lạng Sơn';
const SITE = 'https://thads-langson.example';
const JSZip = createRequire(cmsRequire.resolve('docx'))('jszip');

let cms: TestStrapi;
let out: string;
let build: Awaited<ReturnType<typeof buildSite>>;
const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8');

/** Creates and publishes one document (Vietnamese, the default locale, where the type is localized). */
async function publish(uid: string, data: Record<string, unknown>): Promise<string> {
  const docs = cms.strapi.documents(uid as any) as any;
  return (await docs.create({ data, status: 'published' })).documentId;
}

beforeAll(async () => {
  cms = await startStrapi({ seed: false });
  await publish('api::site-setting.site-setting', {
    agencyName: AGENCY,
    agencyShortName: 'THADS Lạng Sơn',
    parentAgency: 'Bộ Tài chính',
    portalName: `Trang thông tin điện tử ${AGENCY}`,
    address: 'Số 2 đường Lê Lợi, phường Lương Văn Tri, tỉnh Lạng Sơn',
    phone: '0205 3870 100',
    email: 'lienhe@thads-langson.example',
    workingHours: 'Từ thứ Hai đến thứ Sáu: sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ 00.',
    responsiblePerson: 'Chịu trách nhiệm chính: Ông Hoàng Văn Toàn – Thủ trưởng',
    dataProtectionContact: 'Văn phòng, số 2 đường Lê Lợi, tỉnh Lạng Sơn; thư điện tử vanphong@thads-langson.example',
    accessibilityContact: 'Văn phòng, điện thoại 0205 3870 101',
    copyright: `© 2026 ${AGENCY}`,
    description: `Trang thông tin điện tử ${AGENCY}: tin hoạt động, thông báo đấu giá, hỏi đáp pháp luật.`,
  });
  const agencyUnit = await publish('api::unit.unit', {
    name: AGENCY,
    slug: 'thads-tinh-lang-son',
    kind: 'agency',
    address: 'Số 2 đường Lê Lợi, phường Lương Văn Tri, tỉnh Lạng Sơn',
    phone: '0205 3870 100',
    email: 'lienhe@thads-langson.example',
    head: 'Hoàng Văn Toàn',
    headTitle: 'Thủ trưởng',
    active: true,
    order: 1,
  });
  const regional = await publish('api::unit.unit', {
    name: 'Phòng Thi hành án dân sự khu vực 1',
    slug: 'khu-vuc-1',
    kind: 'regional-office',
    address: 'Khối 3, phường Đông Kinh, tỉnh Lạng Sơn',
    phone: '0205 3870 200',
    active: true,
    order: 2,
    parent: agencyUnit,
  });
  await publish('api::spokesperson.spokesperson', {
    spokesperson: { name: 'Nông Thị Hằng', title: 'Phó Thủ trưởng', phone: '0205 3870 102', email: 'phatngon@thads-langson.example' },
  });
  await publish('api::district.district', { name: 'Thành phố Lạng Sơn (cũ)', slug: 'tp-lang-son', order: 1 });
  const caoLoc = await publish('api::district.district', { name: 'Huyện Cao Lộc (cũ)', slug: 'cao-loc', order: 2 });
  await publish('api::auction-notice.auction-notice', {
    title: 'Thông báo đấu giá quyền sử dụng đất tại xã Cao Lộc',
    assetDescription: 'Quyền sử dụng 120 m² đất ở, thửa số 45, tờ bản đồ số 7.',
    assetType: 'bat-dong-san',
    district: caoLoc,
    location: 'Thôn Bản Ngầu, xã Cao Lộc',
    startingPrice: 850_000_000,
    deposit: 170_000_000,
    organization: { name: 'Công ty Đấu giá hợp danh Xứ Lạng' },
    auctionAt: new Date(Date.now() + 20 * 86400_000).toISOString(),
    auctionPlace: 'Trụ sở Công ty Đấu giá hợp danh Xứ Lạng',
    unit: regional,
  });
  await (cms.strapi.documents('api::press-clipping.press-clipping') as any).create({
    data: { title: 'Lạng Sơn: cưỡng chế giao tài sản đúng pháp luật', outlet: 'Báo địa phương', url: 'https://example.com/tin-1', date: new Date().toISOString() },
  });
  out = path.join(cms.tmp, 'site');
  build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out, SITE_URL: SITE, NODE_ENV: 'production' });
  if (build.code !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
});

afterAll(async () => {
  await cms?.stop();
});

describe('the site of a second agency', () => {
  it('names no place of the demo agency in any file it writes: pages, feeds, sitemap, vCards, search index', () => {
    const files = listFiles(out);
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const rel of files) {
      let bytes = fs.readFileSync(path.join(out, rel));
      // Pagefind's index and fragments are gzipped.
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
      const text = bytes.toString('utf8').normalize('NFC');
      if (DEMO_PLACE.test(text)) found.push(rel);
    }
    expect(found).toEqual([]);
    expect(files.some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
    expect(files).toContain('rss/tin-tuc.xml');
  });

  it("names the agency and its province from its settings in page titles, descriptions and feeds", () => {
    const home = read('index.html');
    expect(home).toContain(AGENCY);
    expect(read('tin-tuc/index.html')).toContain('Tin tức, bài viết về hoạt động thi hành án dân sự tỉnh Lạng Sơn (0 bài).');
    expect(read('don-vi/index.html')).toContain(`lịch tiếp công dân của ${AGENCY}, các phòng chuyên môn`);
    expect(read('dau-gia/index.html')).toContain('Tài sản thi hành án được bán đấu giá tại tỉnh Lạng Sơn:');
    expect(read('rss/tin-tuc.xml')).toContain(AGENCY);
  });

  it('has one auction page per district of its own, named from its data', () => {
    const districts = fs.readdirSync(path.join(out, 'dau-gia', 'dia-ban')).sort();
    expect(districts).toEqual(['cao-loc', 'tp-lang-son']);
    const page = read('dau-gia/dia-ban/cao-loc/index.html');
    expect(page).toContain('Đấu giá tài sản tại Huyện Cao Lộc (cũ)');
    expect(page).toContain('tại địa bàn Huyện Cao Lộc (cũ), tỉnh Lạng Sơn.');
    expect(page).toContain('Thông báo đấu giá quyền sử dụng đất tại xã Cao Lộc');
    expect(read('nhan-thong-bao/index.html')).toContain('value="district:cao-loc"');
  });

  it('is found by its own name in the search index, and not by the demo province', async () => {
    const pagefind = await loadPagefind(out);
    expect((await resultUrls(pagefind, 'Lạng Sơn')).length).toBeGreaterThan(0);
    expect(await resultUrls(pagefind, 'Hưng Yên')).toEqual([]);
  });
});

describe('the CMS exports of a second agency', () => {
  let token: string;
  beforeAll(async () => {
    const res = await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } });
    token = res.body.data.token;
  });

  it('head the publication report with the agency and date it at its province', async () => {
    const res = await fetch(`${cms.url}/thads/reports/export.docx?period=quy&year=2026&quarter=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const text = (await zip.file('word/document.xml').async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain(AGENCY.toLocaleUpperCase('vi-VN'));
    expect(text).toMatch(/Lạng Sơn, ngày \d+ tháng \d+ năm \d{4}/);
    expect(text).not.toMatch(DEMO_PLACE);
  });

  it('head the press digest with the agency and date it at its province', async () => {
    const res = await fetch(`${cms.url}/thads/press/digest/export/html`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(AGENCY.toLocaleUpperCase('vi-VN'));
    expect(html).toMatch(/Lạng Sơn, ngày \d+ tháng \d+ năm \d{4}/);
    expect(html).not.toMatch(DEMO_PLACE);
  });
});
