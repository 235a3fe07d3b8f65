/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Search as citizens use it, in headless Chromium on the real built site (seeded Strapi → site build with
 * its Pagefind index → served locally): the header's box on a reading page, the search page with filters and
 * the back button, the keyboard alone, and no JavaScript at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKey, SEARCH_TYPE_LABELS } from '@thads/shared';
import { launchChromium } from './browser.ts';
import { buildAndServe, type BuiltSite } from './site-under-test.ts';

let site: BuiltSite;
let browser: Browser;
let newsPage: string;
const QA = SEARCH_TYPE_LABELS['legal-qa'];

beforeAll(async () => {
  site = await buildAndServe();
  browser = await launchChromium();
  const slug = fs.readdirSync(path.join(site.out, 'tin-tuc')).find((d) => d !== 'trang' && fs.existsSync(path.join(site.out, 'tin-tuc', d, 'index.html')));
  newsPage = `/tin-tuc/${slug}/`;
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function open(url: string, options: { width?: number; height?: number; javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1200, height: options.height ?? 900 }, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error on ${url}:`, error));
  await page.goto(site.server.url + url);
  return page;
}
const close = (page: Page) => page.context().close();

const headerBox = (page: Page) => page.getByRole('searchbox', { name: 'Tìm kiếm', exact: true });
const panel = (page: Page) => page.getByRole('region', { name: 'Kết quả tìm nhanh' });
const panelLinks = (page: Page) => panel(page).locator('.search-result a');
const pageResults = (page: Page) => page.locator('.search-page .search-result');

async function typeInHeader(page: Page, text: string) {
  await headerBox(page).click();
  await headerBox(page).pressSequentially(text, { delay: 30 });
  // On a loaded machine a pause between keys can let a partial query ("th") show its results first:
  // wait until the announcement names the whole query, so what follows reads that query's results.
  await page.getByRole('status').filter({ hasText: `kết quả cho “${text}”` }).first().waitFor({ state: 'attached' });
  await panelLinks(page).first().waitFor();
}

/** The text of every <mark> in a list, folded: what the reader sees highlighted. */
const markedKeys = async (page: Page, scope: string) => (await page.locator(`${scope} mark`).allInnerTexts()).map(searchKey);

describe('the search box in the header of a reading page', () => {
  it('runs no more than a tiny loader until the box is touched, then loads the island and the index', async () => {
    const scripts: string[] = [];
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('request', (r) => {
      if (r.resourceType() === 'script' || r.url().includes('/pagefind/')) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(site.server.url + newsPage);
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    const inline = await page.evaluate(() =>
      [...document.scripts].filter((s) => !s.src && s.type !== 'application/ld+json').map((s) => s.textContent ?? '').join('\n'),
    );
    expect(zlib.gzipSync(inline).length).toBeLessThanOrEqual(3 * 1024);

    await headerBox(page).focus();
    await page.waitForRequest((r) => r.url().includes('/pagefind/pagefind.js'));
    expect(scripts.some((s) => s.startsWith('/_astro/') && s.endsWith('.js'))).toBe(true);
    await context.close();
  });

  it('finds "thi hanh an" typed without diacritics, highlights it and opens the first result', async () => {
    const page = await open(newsPage);
    await typeInHeader(page, 'thi hanh an');
    expect(await panelLinks(page).count()).toBeGreaterThan(0);
    expect(await markedKeys(page, '#tim-kiem-nhanh')).toContain('thi hanh an');
    await expect(page.getByRole('status').filter({ hasText: 'kết quả cho “thi hanh an”' }).waitFor({ state: 'attached' })).resolves.toBeUndefined();

    const first = panelLinks(page).first();
    const href = (await first.getAttribute('href'))!;
    const title = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL((url) => url.pathname === href);
    expect((await page.locator('h1').innerText()).trim()).toBe(title);
    await close(page);
  });

  it('finds the answers about child support for "tien nuoi con", and opens one: the question and its answer', async () => {
    const page = await open(newsPage);
    await typeInHeader(page, 'tien nuoi con');
    const hrefs = await panelLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.startsWith('/hoi-dap/'))).toBe(true);
    const titles = (await panelLinks(page).allInnerTexts()).map(searchKey).join(' | ');
    expect(titles).toMatch(/nuoi con|cap duong/);

    const answer = panelLinks(page).and(page.locator('a[href^="/hoi-dap/"]')).first();
    const href = (await answer.getAttribute('href'))!;
    const title = (await answer.innerText()).trim();
    await answer.click();
    await page.waitForURL((url) => url.pathname === href);
    expect((await page.locator('h1').innerText()).trim()).toBe(title);
    // The reader's own wording of the question is folded under the title (issue 21).
    await page.locator('details.qa-question summary').click();
    expect((await page.locator('details.qa-question .box').innerText()).length).toBeGreaterThan(40);
    expect((await page.getByRole('region', { name: 'Trả lời', exact: true }).innerText()).length).toBeGreaterThan(200);
    expect(searchKey(await page.locator('main').innerText())).toMatch(/nuoi con|cap duong/);
    await close(page);
  });

  it('links to the full results on the search page', async () => {
    const page = await open(newsPage);
    await typeInHeader(page, 'cuong che');
    await panel(page).getByRole('link', { name: /Xem tất cả \d+ kết quả/ }).click();
    await page.waitForURL((url) => url.pathname === '/tim-kiem/' && url.searchParams.get('q') === 'cuong che');
    await pageResults(page).first().waitFor();
    await close(page);
  });
});

describe('the search page', () => {
  it('filters by content type with counts, keeps the filter in the URL, and Back restores the search', async () => {
    const page = await open('/tim-kiem/?q=thi+hanh+an');
    await pageResults(page).first().waitFor();
    const status = page.locator('.search-status');
    await page.waitForFunction(() => /\d+ kết quả cho/.test(document.querySelector('.search-status')?.textContent ?? ''));
    const before = Number(/(\d+) kết quả/.exec(await status.innerText())![1]);
    const select = page.getByRole('combobox', { name: 'Loại nội dung' });
    const options = await select.locator('option').allInnerTexts();
    expect(options.filter((o) => /\(\d+\)$/.test(o)).length, 'results of several types, counted').toBeGreaterThan(1);
    const option = options.find((o) => o.startsWith(`${QA} (`));
    expect(option, 'the type filter offers Q&A with a count').toBeTruthy();
    const count = Number(/\((\d+)\)/.exec(option!)![1]);
    await select.selectOption({ label: option! });
    await page.waitForURL((url) => url.searchParams.get('loai') === QA && url.searchParams.get('q') === 'thi hanh an');
    await page.waitForFunction((n) => new RegExp(`^${n} kết quả cho`).test(document.querySelector('.search-status')?.textContent ?? ''), count);
    const hrefs = await pageResults(page).locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBe(Math.min(count, 10));
    for (const href of hrefs) expect(href).toMatch(/^\/hoi-dap\//);
    expect(new Set(await page.locator('.search-page .search-result__type').allInnerTexts())).toEqual(new Set([QA]));

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('loai') && url.searchParams.get('q') === 'thi hanh an');
    await page.waitForFunction((n) => new RegExp(`^${n} kết quả cho`).test(document.querySelector('.search-status')?.textContent ?? ''), before);
    expect(await select.inputValue()).toBe('');
    expect(await page.getByRole('searchbox', { name: 'Từ khóa' }).inputValue()).toBe('thi hanh an');
    await close(page);
  });

  it('keeps the query in the URL while typing, sorts by date, and loads more results with focus on the first new one', async () => {
    const page = await open('/tim-kiem/');
    const box = page.getByRole('searchbox', { name: 'Từ khóa' });
    await box.pressSequentially('thi hanh an', { delay: 30 });
    await page.waitForURL((url) => url.searchParams.get('q') === 'thi hanh an');
    await pageResults(page).first().waitFor();
    expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2);

    await page.getByRole('combobox', { name: 'Sắp xếp' }).selectOption('date');
    await page.waitForURL((url) => url.searchParams.get('sap-xep') === 'ngay');
    // The relevance results stay until the date-sorted ones replace them.
    await page.waitForFunction(() => {
      const dates = [...document.querySelectorAll('.search-page .search-result time')].map((t) => t.getAttribute('datetime')!);
      return dates.length > 1 && dates.every((d, i) => i === 0 || dates[i - 1]! >= d);
    });
    const dates = await pageResults(page).locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);

    await page.getByRole('button', { name: /Xem thêm \d+ kết quả/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.search-page .search-result').length > 10);
    const focused = await page.evaluate(() => document.activeElement?.closest('.search-result'));
    expect(focused).toBeTruthy();
    expect(await page.evaluate(() => [...document.querySelectorAll('.search-page .search-result')].indexOf(document.activeElement!.closest('.search-result')!))).toBe(10);
    await close(page);
  });

  it('helps when nothing is found', async () => {
    const page = await open('/tim-kiem/?q=zzzzzz');
    await page.getByRole('heading', { name: 'Không tìm thấy kết quả phù hợp' }).waitFor();
    expect(await page.locator('.search-empty a[href^="/hoi-dap/linh-vuc/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.search-empty a[href^="/chuyen-muc/"]').count()).toBeGreaterThan(0);
    await close(page);
  });
});

describe('with the keyboard alone', () => {
  it('Tab reaches the search box, then a result, and Enter opens it', async () => {
    const page = await open(newsPage);
    for (let i = 0; i < 6 && !(await headerBox(page).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await headerBox(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('cuong che giao nha', { delay: 30 });
    // As typeInHeader: the results of the whole query, not of a partial one that the next render replaces.
    await page.getByRole('status').filter({ hasText: 'kết quả cho “cuong che giao nha”' }).first().waitFor({ state: 'attached' });
    await panelLinks(page).first().waitFor();
    const inPanel = () => page.evaluate(() => !!document.activeElement?.closest('#tim-kiem-nhanh .search-result'));
    for (let i = 0; i < 4 && !(await inPanel()); i++) await page.keyboard.press('Tab');
    expect(await inPanel()).toBe(true);
    const href = await page.evaluate(() => document.activeElement!.getAttribute('href')!);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === href);
    await close(page);
  });

  it('Escape closes the results and puts focus back in the box; ↓ reaches the results', async () => {
    const page = await open(newsPage);
    await typeInHeader(page, 'dau gia');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#tim-kiem-nhanh'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await panel(page).isHidden()).toBe(true);
    expect(await headerBox(page).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await headerBox(page).inputValue()).toBe('dau gia');
    await close(page);
  });
});

describe('on a small screen', () => {
  it('on a 390 × 844 phone, shows the first result of a search from the header without scrolling; filters fold behind one control', async () => {
    const page = await open(newsPage, { width: 390, height: 844 });
    const query = 'cuong che giao nha';
    await headerBox(page).click();
    await headerBox(page).fill(query);
    await headerBox(page).press('Enter');
    await page.waitForURL((url) => url.pathname === '/tim-kiem/');
    const title = pageResults(page).first().locator('a').first();
    await title.waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = (await title.boundingBox())!;
    expect(box.y + box.height, 'bottom of the first result title').toBeLessThanOrEqual(844);
    // The filters are behind one control, closed; opening it shows them.
    const filters = page.getByRole('combobox', { name: 'Sắp xếp' });
    expect(await filters.isVisible()).toBe(false);
    await page.locator('.search-filters-fold__summary').click();
    expect(await filters.isVisible()).toBe(true);
    await close(page);
  });

  it('highlights whole query words only', async () => {
    const page = await open('/tim-kiem/?q=thi+hanh+an');
    await pageResults(page).first().waitFor();
    const keys = new Set(['thi', 'hanh', 'an']);
    const marked = (await markedKeys(page, '.search-page')).flatMap((m) => m.split(/\s+/));
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(keys.has(word), word).toBe(true);
    await close(page);
  });

  it('fits 320 px without scrolling sideways', async () => {
    for (const url of [newsPage, '/tim-kiem/?q=thi+hanh+an']) {
      const page = await open(url, { width: 320 });
      if (url === newsPage) await typeInHeader(page, 'thi hanh an');
      else await pageResults(page).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
      await close(page);
    }
  });
});

describe('without JavaScript', () => {
  it('the search page says so and links to browsing by topic and category', async () => {
    const page = await open('/tim-kiem/?q=thi+hanh+an', { javaScript: false });
    // (Playwright's text locators skip <noscript>; with scripting off, its content is ordinary visible HTML.)
    const message = page.locator('.search-noscript');
    expect(await message.isVisible()).toBe(true);
    expect(await message.innerText()).toContain('Trang tìm kiếm cần JavaScript');
    const topics = page.locator('.search-noscript a[href^="/hoi-dap/linh-vuc/"]');
    const categories = page.locator('.search-noscript a[href^="/chuyen-muc/"]');
    expect(await topics.count()).toBeGreaterThan(0);
    expect(await categories.count()).toBeGreaterThan(0);
    expect(await topics.first().isVisible()).toBe(true);
    expect(await page.locator('.search-noscript a[href="/hoi-dap/"]').isVisible()).toBe(true);
    await close(page);
  });

  it('the header box still submits to the search page', async () => {
    const page = await open(newsPage, { javaScript: false });
    await headerBox(page).fill('thi hanh an');
    await headerBox(page).press('Enter');
    await page.waitForURL((url) => url.pathname === '/tim-kiem/' && url.searchParams.get('q') === 'thi hanh an');
    await close(page);
  });
});
