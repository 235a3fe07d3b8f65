/// <reference lib="dom" />
/**
 * Journeys through the real built site in headless Chromium (seeded Strapi → site build → served locally),
 * as people make them: a citizen on a phone browses the legal Q&A by topic and comes back; a journalist goes
 * from the press room to a photo album and downloads one original and the spokesperson's card; someone with
 * the keyboard alone uses the skip link, goes through the header and menu in order with the focus always in
 * view, and opens search results with Enter. (Searching, the forms and publishing have their own suites:
 * search.test.ts, forms.test.ts, test/site/publish.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { TEMPLATES, WIDTHS } from './budgets.ts';
import { buildAndServe, type BuiltSite } from './site-under-test.ts';

let site: BuiltSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServe();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function open(url: string, width: number = WIDTHS.desktop): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error on ${url}:`, error));
  await page.goto(site.server.url + url);
  return page;
}
const close = (page: Page) => page.context().close();
const h1 = async (page: Page) => (await page.locator('h1').innerText()).trim();
const pathname = (page: Page) => new URL(page.url()).pathname;
const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Danh mục chính' });
const crumbs = (page: Page) => page.getByRole('navigation', { name: 'Đường dẫn' });

describe('a citizen on a phone browses the legal Q&A by topic', () => {
  it('home → Hỏi đáp → a topic → a question with its answer → back to the topic, then to the list', async () => {
    const page = await open('/', WIDTHS.phone);
    // On a phone the menu is folded behind "Danh mục" (issue 21).
    await mainMenu(page).getByText('Danh mục', { exact: true }).click();
    await mainMenu(page).getByRole('link', { name: 'Hỏi đáp pháp luật', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/hoi-dap/');
    expect(await mainMenu(page).locator('a', { hasText: 'Hỏi đáp pháp luật' }).getAttribute('aria-current')).toBe('page');

    const topics = page.getByRole('navigation', { name: 'Lĩnh vực' }).getByRole('link');
    expect(await topics.count()).toBeGreaterThan(3);
    const topic = topics.nth(1);
    const topicName = (await topic.innerText()).trim();
    const topicHref = (await topic.getAttribute('href'))!;
    expect(topicHref).toMatch(/^\/hoi-dap\/linh-vuc\/[a-z0-9-]+\/$/);
    await topic.click();
    await page.waitForURL((url) => url.pathname === topicHref);
    expect(await h1(page)).toContain(topicName);
    expect(await crumbs(page).locator('[aria-current="page"]').innerText()).toBe(topicName);

    const questions = page.locator('main h2 a[href^="/hoi-dap/"]');
    expect(await questions.count()).toBeGreaterThan(0);
    const question = questions.first();
    const title = (await question.innerText()).trim();
    const questionHref = (await question.getAttribute('href'))!;
    await question.click();
    await page.waitForURL((url) => url.pathname === questionHref);
    expect(await h1(page)).toBe(title);
    // The question once (the h1), the answer right after; the reader's own wording folded (issue 21).
    await page.getByRole('heading', { name: 'Trả lời', exact: true }).waitFor();
    await page.locator('details.qa-question summary').click();
    expect((await page.locator('details.qa-question .box').innerText()).length).toBeGreaterThan(40);
    expect((await page.locator('#tra-loi + .prose').innerText()).length).toBeGreaterThan(100);
    expect(await crumbs(page).getByRole('link', { name: topicName, exact: true }).getAttribute('href')).toBe(topicHref);

    await page.goBack();
    await page.waitForURL((url) => url.pathname === topicHref);
    expect(await h1(page)).toContain(topicName);
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/hoi-dap/');

    // The same way back through the breadcrumbs of the question.
    await page.goForward();
    await page.goForward();
    await page.waitForURL((url) => url.pathname === questionHref);
    await crumbs(page).getByRole('link', { name: topicName, exact: true }).click();
    await page.waitForURL((url) => url.pathname === topicHref);
    await close(page);
  });
});

describe('a journalist in the press room', () => {
  it('goes to a photo album and downloads one original, byte for byte the published file', async () => {
    const page = await open('/');
    await mainMenu(page).getByRole('link', { name: 'Báo chí', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/bao-chi/');
    await page.getByRole('link', { name: 'Ảnh tư liệu', exact: true }).click();
    expect(new URL(page.url()).hash).toBe('#anh-tu-lieu');
    const albums = page.getByRole('region', { name: 'Ảnh tư liệu cho báo chí' }).locator('h3 a');
    expect(await albums.count()).toBeGreaterThan(0);
    const albumTitle = (await albums.first().innerText()).trim();
    await albums.first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/thu-vien-anh/'));
    expect(await h1(page)).toBe(albumTitle);

    const original = page.getByRole('link', { name: /^Tải ảnh gốc/ }).first();
    const href = (await original.getAttribute('href'))!;
    expect(href).toMatch(/^\/thu-vien-anh\/[a-z0-9-]+\/[a-z0-9-]+\.(jpg|jpeg|png|webp)$/);
    // The link names the photo for screen readers and says type, size and weight.
    expect((await original.innerText()).replace(/\s+/g, ' ')).toMatch(/Tải ảnh gốc .+ \(JPEG, \d+ × \d+ px, [\d,.]+ (KB|MB)\)/);
    const [download] = await Promise.all([page.waitForEvent('download'), original.click()]);
    expect(download.suggestedFilename()).toBe(path.posix.basename(href));
    const saved = await download.path();
    const bytes = fs.readFileSync(saved);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])), 'a JPEG').toBe(true);
    expect(bytes.equals(fs.readFileSync(path.join(site.out, href)))).toBe(true);
    await close(page);
  });

  it('saves the spokesperson’s contact card from the press room', async () => {
    const page = await open('/bao-chi/');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Lưu liên hệ người phát ngôn vào danh bạ' }).click()]);
    expect(download.suggestedFilename()).toBe('nguoi-phat-ngon.vcf');
    const card = fs.readFileSync(await download.path(), 'utf8');
    expect(card).toMatch(/^BEGIN:VCARD\r?\n/);
    expect(card).toMatch(/\r?\nTEL[;:]/);
    await close(page);
  });
});

describe('with the keyboard alone', () => {
  const article = () => TEMPLATES.find((t) => t.source === 'tin-tuc/[slug].astro')!.find(site.out);

  /** What has the focus: its name, whether it is in the header / main, on screen, and with a visible focus ring. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
      return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        name: (el.getAttribute('aria-label') || el.innerText || (el as HTMLInputElement).labels?.[0]?.innerText || '').trim().replace(/\s+/g, ' '),
        href: el.getAttribute('href'),
        place: el.closest('header') ? 'header' : el.closest('main') ? 'main' : el.closest('footer') ? 'footer' : 'other',
        onScreen: box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth,
        ring,
      };
    });

  it('the first Tab shows the skip link; Enter moves to the main content, and the next Tab is inside it', async () => {
    const page = await open(article());
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip).toMatchObject({ tag: 'a', href: '#noi-dung', name: 'Bỏ qua, đến nội dung chính', onScreen: true, ring: true });
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === '#noi-dung');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ place: 'main', name: 'Trang chủ', onScreen: true, ring: true });
    await close(page);
  });

  for (const [device, width] of Object.entries(WIDTHS)) {
    it(`Tab goes through the header in order — skip link, agency, search, English, then the menu (on a phone behind its control, opened with Enter) — with the focus visible and on screen (${device})`, async () => {
      const page = await open(article(), width);
      /** What Tab can reach in the header now (the menu's links only while shown), in document order. */
      const reachable = () =>
        page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('body a[href], body input:not([type="hidden"]), body button:not([disabled]), body summary')]
            .filter((el) => (el.closest('header') || el.classList.contains('skip-link')) && el.getClientRects().length > 0)
            .map((el) => el.getAttribute('href') ?? el.getAttribute('type') ?? el.tagName.toLowerCase()),
        );
      const MENU = ['Trang chủ', 'Tin tức', 'Hỏi đáp pháp luật', 'Thông báo', 'Văn bản', 'Gương điển hình', 'Báo chí', 'Đơn vị – liên hệ', 'Giới thiệu'];
      const phone = device === 'phone';
      let expected = await reachable();
      if (phone) expect(expected.at(-1), 'the menu is folded behind its control, the last stop of the header').toBe('summary');
      else expect(expected).not.toContain('summary');

      const seen: NonNullable<Awaited<ReturnType<typeof focused>>>[] = [];
      const tab = async () => {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        expect(f, `Tab ${seen.length + 1} focuses something`).not.toBeNull();
        seen.push(f!);
      };
      for (let i = 0; i < expected.length; i++) await tab();
      if (phone) {
        expect(seen.at(-1)).toMatchObject({ tag: 'summary', name: 'Danh mục' });
        await page.keyboard.press('Enter');
        expected = await reachable();
        for (let i = seen.length; i < expected.length; i++) await tab();
      }
      await tab();
      const menu = await mainMenu(page).getByRole('link').allInnerTexts();
      expect(menu.map((m) => m.trim())).toEqual(MENU);
      const stops = seen.slice(0, expected.length).map((f) => f.href ?? (f.tag === 'input' ? 'search' : f.tag === 'button' ? 'submit' : f.tag));
      expect(stops).toEqual(expected);
      expect(seen[0]!.href).toBe('#noi-dung');
      expect(seen[1]!.href).toBe('/');
      expect(seen[2]).toMatchObject({ tag: 'input', name: 'Tìm kiếm' });
      const english = seen.findIndex((f) => f.name === 'English');
      expect(seen[english]?.href, 'the English version comes after the search box').toMatch(/^\/en\//);
      expect(english).toBeGreaterThan(2);
      expect(seen.filter((f) => f.place === 'header' && f.tag === 'a' && f.href !== '/' && f.name !== 'English').map((f) => f.name)).toEqual(MENU.slice(1));
      expect(seen.at(-1)!.place, 'after the header comes the page').toBe('main');
      for (const f of seen) expect({ name: f.name, onScreen: f.onScreen, ring: f.ring }).toEqual({ name: f.name, onScreen: true, ring: true });
      await close(page);
    });
  }

  it('Enter on a menu item opens it; Shift+Tab goes back through the menu', async () => {
    const page = await open(article());
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if ((await focused(page))?.name === 'Hỏi đáp pháp luật') break;
    }
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page))?.name).toBe('Tin tức');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/hoi-dap/');
    expect(await h1(page)).toBe('Hỏi đáp pháp luật');
    await close(page);
  });

  it('types in the header’s search box, Enter opens the results page, Tab reaches the first result and Enter opens it', async () => {
    const page = await open(article());
    for (let i = 0; i < 5 && (await focused(page))?.tag !== 'input'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', place: 'header' });
    await page.keyboard.type('cuong che', { delay: 20 });
    await page.locator('#tim-kiem-nhanh .search-result a').first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/tim-kiem/' && url.searchParams.get('q') === 'cuong che');
    await page.locator('.search-page .search-result a').first().waitFor();
    const first = await page.locator('.search-page .search-result a').first().getAttribute('href');
    for (let i = 0; i < 40 && (await focused(page))?.href !== first; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ href: first, place: 'main', ring: true });
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === first);
    expect(pathname(page)).toBe(first);
    await close(page);
  });
});
