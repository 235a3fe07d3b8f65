/// <reference lib="dom" />
/**
 * The first screen of a phone (390 × 844, issue 21) on the real built site in headless Chromium: on every page
 * template the header with the search box takes at most a quarter of the screen, the page's own heading is
 * on it in full and its first content block starts on it with room for its first lines; breadcrumbs take one
 * line. The menu folds behind one labelled control (a <details> disclosure, no JavaScript): it opens and closes
 * with a tap and with the keyboard in a browser without JavaScript, is exposed as an expandable button, and on a
 * wide screen every item is shown as before. A Q&A page leads with its question once and the answer right after.
 * The positions are printed as a table at the end.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { FIRST_SCREEN, TEMPLATES, type Template } from './budgets.ts';
import { buildAndServe, type BuiltSite } from './site-under-test.ts';

let site: BuiltSite;
let browser: Browser;
const rows: { template: string; header: number; h1: string; content: string; crumbs: string }[] = [];

beforeAll(async () => {
  site = await buildAndServe();
  browser = await launchChromium();
});

afterAll(async () => {
  if (rows.length) {
    const order = (name: string) => TEMPLATES.findIndex((t) => t.name === name);
    console.log(
      [`First screen at ${FIRST_SCREEN.width} × ${FIRST_SCREEN.height} (px from the top):`, '| template | header ends | h1 top–bottom | first content block top (element) | breadcrumb lines |', '|---|---:|---|---|---:|']
        .concat([...rows].sort((a, b) => order(a.template) - order(b.template)).map((r) => `| ${r.template} | ${r.header} | ${r.h1} | ${r.content} | ${r.crumbs} |`))
        .join('\n'),
    );
  }
  await browser?.close();
  await site?.stop();
});

const MENU = ['Trang chủ', 'Tin tức', 'Hỏi đáp pháp luật', 'Thông báo', 'Văn bản', 'Gương điển hình', 'Báo chí', 'Đơn vị – liên hệ', 'Giới thiệu'];

async function open(url: string, { width = FIRST_SCREEN.width, height = FIRST_SCREEN.height, javaScript = true, ready }: { width?: number; height?: number; javaScript?: boolean; ready?: string | undefined } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error on ${url}:`, error));
  await page.goto(site.server.url + url);
  if (ready && javaScript) await page.locator(ready).first().waitFor({ state: 'attached' });
  return page;
}
const close = (page: Page) => page.context().close();

type Layout = {
  header: number;
  h1: { top: number; bottom: number; text: string } | null;
  /** The first block of the page's own content after its heading: text, a picture, a list, a form control. */
  content: { top: number; lineHeight: number; what: string } | null;
  crumbs: { height: number; lineHeight: number } | null;
};

/** Where the header, the heading, the first content block and the breadcrumbs sit, as first shown. */
const layout = (page: Page): Promise<Layout> =>
  page.evaluate(() => {
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && !el.closest('.visually-hidden, [hidden]');
    };
    const header = document.querySelector('body > header')!.getBoundingClientRect().bottom;
    const h1 = document.querySelector('main h1');
    const blocks = [...document.querySelectorAll('main :is(p, li, dt, dd, figure, img, svg, table, input, select, textarea, button, summary, blockquote, h2, h3, .box, .notice)')];
    const first = h1
      ? blocks.find((el) => h1.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !h1.contains(el) && !el.closest('.breadcrumbs, .meta') && shown(el) && (el.textContent!.trim() !== '' || /^(IMG|SVG|INPUT|SELECT|TEXTAREA|FIGURE|TABLE)$/i.test(el.tagName)))
      : undefined;
    const crumbs = document.querySelector('.breadcrumbs ol');
    const lh = (el: Element) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.6;
    return {
      header,
      h1: h1 ? { top: h1.getBoundingClientRect().top, bottom: h1.getBoundingClientRect().bottom, text: h1.textContent!.trim() } : null,
      content: first ? { top: first.getBoundingClientRect().top, lineHeight: lh(first), what: `${first.tagName.toLowerCase()}${first.className && typeof first.className === 'string' ? '.' + first.className.trim().split(/\s+/)[0] : ''}` } : null,
      crumbs: crumbs && shown(crumbs) ? { height: crumbs.getBoundingClientRect().height, lineHeight: lh(crumbs) } : null,
    };
  });

describe.concurrent(`every page template at ${FIRST_SCREEN.width} × ${FIRST_SCREEN.height}`, () => {
  for (const template of TEMPLATES) {
    it(`${template.name}: header ≤ a quarter of the screen, its heading and the first lines of its content on the first screen, breadcrumbs on one line`, async () => {
      const page = await open(template.find(site.out), { ready: template.ready });
      const at = await layout(page);
      const { height } = FIRST_SCREEN;
      expect(at.header, 'the header with the search box').toBeLessThanOrEqual(height / 4);
      expect(at.h1, 'the page has a heading').not.toBeNull();
      expect(at.h1!.top, `"${at.h1!.text}" starts below the header`).toBeGreaterThanOrEqual(at.header);
      expect(at.h1!.bottom, `"${at.h1!.text}" is on the first screen in full`).toBeLessThanOrEqual(height);
      expect(at.content, 'a content block follows the heading').not.toBeNull();
      // Room for two lines of it.
      expect(at.content!.top + 2 * at.content!.lineHeight, `${at.content!.what} starts on the first screen with its first lines`).toBeLessThanOrEqual(height);
      if (at.crumbs) expect(at.crumbs.height, 'breadcrumbs on one line').toBeLessThan(1.5 * at.crumbs.lineHeight);
      rows.push({
        template: template.name,
        header: Math.round(at.header),
        h1: `${Math.round(at.h1!.top)}–${Math.round(at.h1!.bottom)}`,
        content: `${Math.round(at.content!.top)} (${at.content!.what})`,
        crumbs: at.crumbs ? `${Math.round(at.crumbs.height / at.crumbs.lineHeight)}` : '–',
      });
      await close(page);
    });
  }

  it('(the check itself sees a heading pushed below the first screen)', async () => {
    const page = await open('/');
    await page.evaluate(() => document.querySelector('main h1')!.insertAdjacentHTML('beforebegin', '<div style="height: 900px"></div>'));
    const at = await layout(page);
    expect(at.h1!.bottom).toBeGreaterThan(FIRST_SCREEN.height);
    await close(page);
  });
});

describe('the menu on a phone', () => {
  const article = () => TEMPLATES.find((t) => t.source === 'tin-tuc/[slug].astro')!.find(site.out);
  const toggle = (page: Page) => page.locator('.main-nav summary');
  const links = (page: Page) => page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link');
  /**
   * What assistive technology is told about the control: Chromium's accessibility tree (a disclosure button,
   * "expandable"/"expanded" in screen readers), or null when it is not exposed (hidden on a wide screen).
   */
  const announced = async (page: Page) => {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; ignored?: boolean; properties?: { name: string; value: { value: unknown } }[] }[] };
    const node = nodes.find((n) => !n.ignored && n.name?.value === 'Danh mục' && n.role?.value !== 'StaticText' && n.role?.value !== 'InlineTextBox');
    await cdp.detach();
    return node ? { role: node.role!.value, expanded: node.properties?.find((p) => p.name === 'expanded')?.value.value } : null;
  };
  const visibleLinks = async (page: Page) => (await links(page).evaluateAll((as) => as.filter((a) => a.getBoundingClientRect().height > 0).map((a) => a.textContent!.trim())));

  it('folds behind one labelled control that opens and closes with a tap, without JavaScript', async () => {
    const page = await open(article(), { javaScript: false });
    // No script of the page ran (Astro's island loader would have defined <astro-island>).
    expect(await page.evaluate(() => customElements.get('astro-island') === undefined)).toBe(true);
    await expect.poll(() => toggle(page).innerText()).toMatch(/^\s*Danh mục\s*$/);
    expect(await toggle(page).isVisible()).toBe(true);
    expect(await visibleLinks(page)).toEqual([]);
    await toggle(page).click();
    expect(await visibleLinks(page)).toEqual(MENU);
    // Opened, the menu is in the flow under the header: nothing of the page is covered by it.
    const { menuBottom, h1Top } = await page.evaluate(() => ({ menuBottom: document.querySelector('.main-nav')!.getBoundingClientRect().bottom, h1Top: document.querySelector('main h1')!.getBoundingClientRect().top }));
    expect(h1Top).toBeGreaterThanOrEqual(menuBottom);
    await toggle(page).click();
    expect(await visibleLinks(page)).toEqual([]);
    await close(page);
  });

  it('opens with Enter and closes with Space from the keyboard, the items next in the Tab order; a screen reader hears a collapsed, then expanded button', async () => {
    const page = await open(article(), { javaScript: false });
    expect(await announced(page)).toEqual({ role: 'DisclosureTriangle', expanded: false });
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    expect(await visibleLinks(page)).toEqual(MENU);
    expect(await announced(page)).toEqual({ role: 'DisclosureTriangle', expanded: true });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(MENU[0]);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(await visibleLinks(page)).toEqual([]);
    await close(page);
  });

  it('on a wide screen shows every item at once, with no control to open', async () => {
    const page = await open(article(), { width: 1440, height: 900, javaScript: false });
    expect(await toggle(page).isVisible()).toBe(false);
    expect(await announced(page)).toBeNull();
    expect(await visibleLinks(page)).toEqual(MENU);
    await close(page);
  });
});

describe('a Q&A page on a phone', () => {
  const qa = (): Template => TEMPLATES.find((t) => t.source === 'hoi-dap/[slug].astro')!;

  it('leads with its question once, then the answer; the reader’s own wording one tap away', async () => {
    const page = await open(qa().find(site.out));
    const title = (await page.locator('main h1').innerText()).trim();
    // On screen, the question's title is printed once: the breadcrumb's last item (this page) is for screen readers.
    const printed = await page.evaluate((t) => [...document.querySelectorAll('main *')].filter((el) => el.children.length === 0 && el.textContent!.trim() === t && el.getBoundingClientRect().height > 1 && !el.closest('.visually-hidden')).length, title);
    expect(printed).toBe(1);
    const order = await page.evaluate(() => {
      const h1 = document.querySelector('main h1')!;
      const answer = document.querySelector('#tra-loi')!.parentElement!.querySelector('.prose > :first-child')!;
      return { answerTop: answer.getBoundingClientRect().top, h1Bottom: h1.getBoundingClientRect().bottom, answerFollows: Boolean(h1.compareDocumentPosition(answer) & Node.DOCUMENT_POSITION_FOLLOWING) };
    });
    expect(order.answerFollows).toBe(true);
    expect(order.answerTop).toBeGreaterThan(order.h1Bottom);
    expect(order.answerTop, 'the answer starts on the first screen').toBeLessThan(FIRST_SCREEN.height - 48);
    // The reader's question as sent: folded, one tap away, and still in the page (search, print).
    const asked = page.locator('details.qa-question');
    expect(await asked.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // On paper it is printed, folded or not.
    const shownNow = () => asked.locator('.box').evaluate((box) => box.checkVisibility());
    expect(await shownNow()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await shownNow()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await asked.locator('summary').click();
    expect((await asked.innerText()).length).toBeGreaterThan(60);
    await close(page);
  });
});
