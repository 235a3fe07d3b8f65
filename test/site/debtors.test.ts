/**
 * The public list of debtors without means to execute on a real build: per-unit pages and a search by name
 * (in Chromium, with and without diacritics), all `noindex` and absent from the sitemap, the feeds and the
 * Pagefind index; an imported file appears at the next build and a resolved entry disappears from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEBTOR_COLUMNS } from '@thads/shared';
import { api, cmsRequire, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { buildSite, listFiles } from '../helpers/site.ts';
import { loadPagefind, resultUrls } from '../helpers/pagefind.ts';
import { launchChromium } from '../e2e/browser.ts';
import { serveStatic, type StaticServer } from '../e2e/static-server.ts';

const UID = 'api::debtor-listing.debtor-listing';
const BASE = 'danh-sach-chua-co-dieu-kien-thi-hanh';
let cms: TestStrapi;
let first: string;
let second: string;
let editor: string;

const read = (out: string, rel: string) => fs.readFileSync(path.join(out, rel), 'utf8');
const writeXlsx = cmsRequire('write-excel-file/node');

async function build(name: string): Promise<string> {
  const out = path.join(cms.tmp, name);
  const result = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out, SITE_URL: 'https://thads.example', NODE_ENV: 'production' });
  if (result.code !== 0) throw new Error(`site build failed:\n${result.output.slice(-4000)}`);
  return out;
}

/** An XLSX of three fictitious people for a unit that has no entry in the demo list. */
async function importFile(unit: string) {
  const rows = [1, 2, 3].map((n) =>
    DEBTOR_COLUMNS.map((c) =>
      ({
        order: n,
        name: `Đặng Văn Nhập ${n} (giả định)`,
        kind: 'Cá nhân',
        address: `Thôn ${n}, xã Yên Mỹ, tỉnh Hưng Yên`,
        judgmentNumber: `${n}/2024/DS-ST`,
        judgmentDate: '05/03/2024',
        court: 'Tòa án nhân dân huyện Yên Mỹ',
        obligation: `Trả nợ ${n}0.000.000 đồng.`,
        reason: 'c',
        decisionNumber: `${n}/QĐ-THADS`,
        decisionDate: '06/06/2024',
        unit: '',
      })[c.key] ?? null,
    ),
  );
  const buffer = Buffer.from(await (writeXlsx.default ?? writeXlsx)([DEBTOR_COLUMNS.map((c) => c.header), ...rows]).toBuffer());
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(buffer)]), 'khu-vuc-3.xlsx');
  form.append('unit', unit);
  return api(cms.url, '/thads/debtor-listings/import/confirm', { method: 'POST', body: form, token: editor });
}

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
  first = await build('site-1');
  editor = (await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } })).body.data.token;
  const units = await api(cms.url, '/thads/debtor-listings/import/units', { token: editor });
  const kv3 = units.body.data.find((u: any) => u.slug === 'phong-thads-khu-vuc-3').documentId;
  const imported = await importFile(kv3);
  if (imported.status !== 201) throw new Error(`import failed: ${imported.text}`);
  const resolved = await cms.strapi.db.query(UID).findOne({ where: { name: 'Nguyễn Văn Đức (giả định)', publishedAt: null } });
  await cms.strapi.documents(UID).update({ documentId: resolved.documentId, data: { state: 'da-giai-quyet', resolutionKind: 'co-dieu-kien', resolutionDate: '2026-11-01' } });
  second = await build('site-2');
});
afterAll(async () => {
  await cms?.stop();
});

describe('the list on the site', () => {
  it('has an index page and one page per unit with entries, each entry with the facts the law asks for', () => {
    const index = read(first, `${BASE}/index.html`);
    expect(index).toContain('Danh sách người phải thi hành án chưa có điều kiện thi hành</h1>');
    for (const [slug, count] of [['phong-thads-khu-vuc-1', 8], ['phong-thads-khu-vuc-2', 7], ['phong-thads-khu-vuc-4', 7], ['phong-thads-khu-vuc-5', 8]] as const) {
      expect(index).toContain(`href="/${BASE}/${slug}/"`);
      expect(index).toMatch(new RegExp(`/${slug}/">[^<]+</a> \\(${count} người\\)`));
    }
    const unitPage = read(first, `${BASE}/phong-thads-khu-vuc-1/index.html`);
    expect(unitPage).toContain('<h2 class="debtor__name">Nguyễn Văn Đức (giả định)</h2>');
    expect(unitPage).toContain('Số 25/2022/HNGĐ-ST ngày 09/08/2022 của Tòa án nhân dân thành phố Hưng Yên');
    expect(unitPage).toContain('Số 05/QĐ-CCTHADS ngày 15/03/2023');
    expect(unitPage).toContain('Không có thu nhập, tài sản để thi hành án');
  });

  it('never shows an entry that was resolved before the build', () => {
    for (const f of listFiles(first).filter((f) => /\.(html|json|xml)$/.test(f))) expect(read(first, f), f).not.toContain('Ngô Văn Sơn (giả định)');
  });

  it('carries noindex on every page of the list, and the footer links to it', () => {
    const pages = listFiles(first).filter((f) => f.startsWith(`${BASE}/`) && f.endsWith('.html'));
    expect(pages.length).toBe(5);
    for (const f of pages) expect(read(first, f), f).toContain('<meta name="robots" content="noindex">');
    expect(read(first, 'index.html')).toContain(`href="/${BASE}/"`);
  });

  it('stays out of the sitemap, the feeds and the site search index', async () => {
    const xml = listFiles(first).filter((f) => f.endsWith('.xml'));
    expect(xml.length).toBeGreaterThan(0);
    for (const f of xml) {
      expect(read(first, f), f).not.toContain(BASE);
      expect(read(first, f), f).not.toContain('Nguyễn Văn Đức (giả định)');
    }
    const pagefind = await loadPagefind(first);
    for (const q of ['Nguyễn Văn Đức', 'nguyen van duc', 'Minh Phát', 'chưa có điều kiện thi hành']) {
      expect((await resultUrls(pagefind, q)).filter((u) => u.includes(BASE)), q).toEqual([]);
    }
    const results = await pagefind.search('Trần Thị Lan');
    for (const r of results.results) expect((await r.data()).content).not.toContain('Trần Thị Lan (giả định)');
  });
});

describe('after an import and a resolution', () => {
  it('shows the imported entries on their unit page at the next build', () => {
    const page = read(second, `${BASE}/phong-thads-khu-vuc-3/index.html`);
    for (const n of [1, 2, 3]) expect(page).toContain(`Đặng Văn Nhập ${n} (giả định)`);
    expect(read(second, `${BASE}/index.html`)).toMatch(/phong-thads-khu-vuc-3\/">[^<]+<\/a> \(3 người\)/);
  });

  it('drops the resolved entry from the pages and the search data', () => {
    expect(read(first, `${BASE}/phong-thads-khu-vuc-1/index.html`)).toContain('Nguyễn Văn Đức (giả định)');
    for (const f of listFiles(second).filter((f) => f.startsWith(BASE))) expect(read(second, f), f).not.toContain('Nguyễn Văn Đức (giả định)');
    const data = JSON.parse(read(second, `${BASE}/tra-cuu.json`));
    expect(data.items).toHaveLength(32);
    expect(data.items.map((i: any) => i.name)).not.toContain('Nguyễn Văn Đức (giả định)');
  });
});

describe('search by name in a browser', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const search = () => page.locator('.debtor-search');
  const box = () => search().getByRole('searchbox', { name: 'Tên người phải thi hành án' });
  const status = () => search().getByRole('status');
  const names = () => page.locator('.debtor-search .debtor__name').allTextContents();

  beforeAll(async () => {
    server = await serveStatic(second);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/${BASE}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('waits for two characters before showing anyone', async () => {
    await box().fill('t');
    await expect.poll(() => status().textContent()).toBe('Gõ ít nhất 2 ký tự của tên để tìm.');
    expect(await names()).toEqual([]);
  });

  it('finds a name typed without diacritics, "d" for "đ"', async () => {
    await box().fill('dang van nhap');
    await expect.poll(() => status().textContent()).toBe('Có 3 kết quả.');
    expect(await names()).toEqual(['Đặng Văn Nhập 1 (giả định)', 'Đặng Văn Nhập 2 (giả định)', 'Đặng Văn Nhập 3 (giả định)']);
    await box().fill('Trần Thị Lan');
    await expect.poll(() => names()).toEqual(['Trần Thị Lan (giả định)']);
  });

  it('filters by unit, and says when nobody matches', async () => {
    await box().fill('cong ty');
    await expect.poll(async () => (await names()).length).toBe(5);
    await search().getByLabel('Đơn vị').selectOption({ label: 'Phòng Thi hành án dân sự khu vực 4' });
    await expect.poll(() => names()).toEqual(['Công ty TNHH Thủy sản Trà Lý (giả định)']);
    await box().fill('Nguyễn Văn Đức');
    await expect.poll(() => status().textContent()).toBe('Không có ai tên gồm “Nguyễn Văn Đức” trong danh sách của Phòng Thi hành án dân sự khu vực 4.');
  });

  it('tells readers without JavaScript where the full lists are', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${server.url}/${BASE}/`);
    // (Playwright's text locators skip <noscript>; with scripting off, its content is ordinary visible HTML.)
    const notice = noJs.locator('.debtor-noscript');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('Tra cứu theo tên cần bật JavaScript');
    expect(await noJs.locator('.debtor-search').isVisible()).toBe(false);
    expect(await noJs.getByRole('link', { name: 'Phòng Thi hành án dân sự khu vực 1' }).count()).toBe(1);
    await context.close();
  });
});
