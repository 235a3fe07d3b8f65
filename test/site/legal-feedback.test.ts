/**
 * Issue 10's legal pages, page feedback and organisation chart on a real build from a real seeded Strapi:
 * the "Trang này có hữu ích không?" island on content pages (loaded on first touch, not on list pages); the
 * footer's agency, address, contacts and responsible person read from site-setting; the organisation chart as
 * an SVG and as a nested list of links from the units and their parents; the accessibility statement and the
 * privacy notice (with the CMS's real retention settings) present and linked from the footer and the forms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { buildSite, SITE_DIR } from '../helpers/site.ts';

let cms: TestStrapi;
let out: string;
const read = (rel: string) => fs.readFileSync(path.join(out, rel, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

const FOOTER = {
  agencyName: 'Thi hành án dân sự tỉnh Hưng Yên',
  address: 'Số 99 phố Thử Nghiệm, phường Phố Hiến, tỉnh Hưng Yên',
  phone: '0221 3999 888',
  email: 'kiemthu@thads-hungyen.gov.vn',
  responsiblePerson: 'Bà Nguyễn Thị Kiểm Thử – Phó Thủ trưởng',
  accessibilityContact: 'Tổ Tiếp cận thử nghiệm, điện thoại 0221 3999 777',
  dataProtectionContact: 'Đầu mối dữ liệu thử nghiệm, thư điện tử dulieu-thu@thads-hungyen.gov.vn',
  accessibilityReviewedOn: '2026-10-15',
};
let units: any[];

beforeAll(async () => {
  process.env.RETENTION_DAYS = '45';
  process.env.FEEDBACK_RETENTION_DAYS = '365';
  cms = await startStrapi({ seed: true });
  const settings = cms.strapi.documents('api::site-setting.site-setting');
  const current = await settings.findFirst({});
  await settings.update({ documentId: current.documentId, data: FOOTER, status: 'published' });
  units = await cms.strapi.documents('api::unit.unit').findMany({ status: 'published', populate: { parent: { fields: ['slug'] } }, limit: 100 });
  fs.mkdirSync(path.join(SITE_DIR, '.test-builds'), { recursive: true });
  out = path.join(fs.mkdtempSync(path.join(SITE_DIR, '.test-builds', 'legal-')), 'dist');
  const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out, SITE_URL: 'https://thads.example', PUBLIC_CMS_URL: 'https://cms.thads.example' });
  if (build.code !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
});

afterAll(async () => {
  await cms?.stop();
  for (const k of ['RETENTION_DAYS', 'FEEDBACK_RETENTION_DAYS']) delete process.env[k];
  if (out) fs.rmSync(path.dirname(out), { recursive: true, force: true });
});

describe('page feedback', () => {
  it('asks "Trang này có hữu ích không?" on content pages, loaded on first touch, with the page’s path and title', async () => {
    const [qa] = await cms.strapi.documents('api::legal-qa.legal-qa').findMany({ status: 'published', limit: 1 });
    const [unit] = units.filter((u) => u.kind === 'regional-office' && u.active);
    for (const [page, title] of [
      [`hoi-dap/${qa.slug}`, qa.title],
      [`don-vi/${unit.slug}`, unit.name],
    ]) {
      const html = read(page!);
      const island = /<astro-island[^>]*component-url="[^"]*PageFeedback[^"]*"[^>]*>/.exec(html)?.[0];
      expect(island, page).toBeTruthy();
      expect(island).toContain('client="focus"');
      expect(island).toContain('https://cms.thads.example');
      expect(html).toMatch(/<legend[^>]*>Trang này có hữu ích không\?<\/legend>/);
      expect(html).toContain(`name="path" value="/${page}/"`);
      expect(html).toMatch(/type="radio"[^>]*name="helpful"[^>]*value="yes"/);
      expect(html).toContain('role="status"');
      expect(html).toContain(`name="title" value="${title!.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
      // No inline script or style attribute comes with it, and it stays out of the search index.
      expect(html).not.toMatch(/<script(?![^>]*(src=|type="application\/ld\+json"))[^>]*>[^<]*PageFeedback/);
      expect(html).toMatch(/data-pagefind-ignore[^>]*>\s*<astro-island[^>]*PageFeedback|<section[^>]*data-pagefind-ignore/);
    }
  });

  it('is not on list pages', () => {
    for (const page of ['tin-tuc', 'hoi-dap', 'don-vi', 'gioi-thieu/so-do-to-chuc']) expect(read(page), page).not.toContain('Trang này có hữu ích không?');
  });
});

describe('footer', () => {
  it('carries the agency, address, contacts and the person responsible, from site-setting, and the legal links', () => {
    const html = read('');
    const footer = /<footer[\s\S]*<\/footer>/.exec(html)![0];
    for (const v of [FOOTER.agencyName, FOOTER.address, FOOTER.phone, FOOTER.email, FOOTER.responsiblePerson]) expect(text(footer), v).toContain(v);
    expect(text(footer)).toContain('Chịu trách nhiệm nội dung');
    expect(footer).toContain(`href="mailto:${FOOTER.email}"`);
    for (const href of ['/kha-nang-tiep-can/', '/bao-ve-du-lieu-ca-nhan/', '/gioi-thieu/so-do-to-chuc/']) expect(footer).toContain(`href="${href}"`);
  });
});

describe('organisation chart', () => {
  it('draws every active unit in an SVG and lists the same tree as nested links', () => {
    const html = read('gioi-thieu/so-do-to-chuc');
    const svg = /<svg[^>]*class="org-chart__svg"[\s\S]*?<\/svg>/.exec(html)?.[0];
    expect(svg).toBeTruthy();
    expect(svg).toMatch(/role="img"/);
    expect(svg).toContain('<title');
    const active = units.filter((u) => u.active !== false);
    const merged = units.filter((u) => u.active === false);
    expect(active.length).toBeGreaterThan(5);
    for (const u of active) expect(text(svg!), u.name).toContain(u.name);
    for (const u of merged) expect(text(svg!)).not.toContain(u.name);
    expect(svg!.match(/<rect/g)!.length).toBe(active.length);

    // The list: the agency at the top, each unit under its parent, every item a link to the unit's page.
    const list = /<ul class="org-tree"[^>]*aria-labelledby="danh-sach"[^>]*>([\s\S]*)<\/ul>/.exec(html)![0];
    const root = active.find((u) => !u.parent)!;
    expect(list.indexOf(`href="/don-vi/${root.slug}/"`)).toBeGreaterThan(-1);
    for (const u of active.filter((x) => x.parent)) {
      const at = list.indexOf(`href="/don-vi/${u.slug}/"`);
      expect(at, u.slug).toBeGreaterThan(list.indexOf(`href="/don-vi/${u.parent.slug}/"`));
    }
    // Nested: the children are in a <ul> inside the agency's <li>.
    expect(list).toMatch(new RegExp(`<li><a href="/don-vi/${root.slug}/">[\\s\\S]*?<ul class="org-tree"`));
  });

  it('is linked from the about page', () => {
    expect(read('gioi-thieu')).toContain('href="/gioi-thieu/so-do-to-chuc/"');
  });
});

describe('legal pages', () => {
  it('states the accessibility standard, how it is checked, its limits, whom to contact and when it was reviewed', () => {
    const page = text(read('kha-nang-tiep-can'));
    expect(page).toContain('Tuyên bố về khả năng tiếp cận');
    expect(page).toContain('WCAG) 2.1, mức AA');
    expect(page).toContain('axe-core');
    expect(page).toContain('Hạn chế đã biết');
    expect(page).toContain(FOOTER.accessibilityContact);
    expect(page).toContain('15/10/2026');
  });

  it('gives the privacy notice of every form with the CMS’s real retention periods and the contact from site-setting', () => {
    const html = read('bao-ve-du-lieu-ca-nhan');
    for (const id of ['cau-hoi', 'bao-chi', 'yeu-cau-thong-tin', 'phan-hoi-trang']) expect(html).toContain(`id="${id}"`);
    const page = text(html);
    expect(page).toContain('Nghị định số 13/2023/NĐ-CP');
    expect(page).toContain('xoá tự động 45 ngày sau khi câu hỏi');
    expect(page).toContain('Phản hồi được xoá tự động sau 365 ngày');
    expect(page).toContain('tối đa 10 phút');
    for (const heading of ['Mục đích', 'Dữ liệu thu thập', 'Thời gian lưu giữ', 'Quyền của bạn']) expect(page).toContain(heading);
    expect(page).toContain(FOOTER.dataProtectionContact);
  });

  it('is linked from each form', () => {
    expect(read('hoi-dap/gui-cau-hoi')).toContain('href="/bao-ve-du-lieu-ca-nhan/#cau-hoi"');
    expect(read('bao-chi/de-nghi-cung-cap-thong-tin')).toContain('href="/bao-ve-du-lieu-ca-nhan/#bao-chi"');
    expect(read('yeu-cau-cung-cap-thong-tin')).toContain('href="/bao-ve-du-lieu-ca-nhan/#yeu-cau-thong-tin"');
    const [article] = fs.readdirSync(path.join(out, 'tin-tuc')).filter((d) => d !== 'trang' && fs.existsSync(path.join(out, 'tin-tuc', d, 'index.html')));
    expect(read(`tin-tuc/${article}`)).toContain('href="/bao-ve-du-lieu-ca-nhan/#phan-hoi-trang"');
  });
});
