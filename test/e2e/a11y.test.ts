/// <reference lib="dom" />
/**
 * Accessibility of every page template, in headless Chromium on the real built site (seeded Strapi → site
 * build → served locally): axe-core finds no WCAG 2.0/2.1 A or AA violation at a phone's and a desktop's
 * width, also with the header's search results open and on a form that shows its errors; every picture has
 * a text alternative; every built page says it is in Vietnamese; nothing scrolls sideways at 200 % zoom.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../helpers/site.ts';
import { launchChromium } from './browser.ts';
import { astroPageSources, NOT_TEMPLATES, TEMPLATES, WIDTHS, ZOOM_200, type Template } from './budgets.ts';
import { buildAndServe, type BuiltSite } from './site-under-test.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

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

type Viewport = { width: number; height: number; deviceScaleFactor?: number };

async function open(template: Template, viewport: Viewport): Promise<Page> {
  const { deviceScaleFactor = 1, ...size } = viewport;
  const context = await browser.newContext({ viewport: size, deviceScaleFactor });
  const page = await context.newPage();
  const url = template.find(site.out);
  page.on('pageerror', (error) => console.error(`page error on ${url}:`, error));
  await page.goto(site.server.url + url);
  if (template.ready) await page.locator(template.ready).first().waitFor({ state: 'attached' });
  return page;
}
const close = (page: Page) => page.context().close();

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

/** axe-core's WCAG 2.1 A/AA rules, and heading order, on the page as it is now; the violations, readable in a failure message. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(
    (runOnly) => (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, { runOnly, resultTypes: ['violations'] }).then((r) => r.violations),
    { type: 'tag', values: WCAG_21_AA },
  );
  // Headings in order (a best practice, not a WCAG rule, that Lighthouse counts): screen reader users skim by them.
  violations.push(
    ...(await page.evaluate(
      (runOnly) => (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, { runOnly, resultTypes: ['violations'] }).then((r) => r.violations),
      { type: 'rule', values: ['heading-order'] },
    )),
  );
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
}

describe('the list of page templates', () => {
  it('names every page of the site (each .astro file under site/src/pages)', () => {
    const listed = [...TEMPLATES.map((t) => t.source), ...Object.keys(NOT_TEMPLATES)].sort();
    expect(listed, 'add the new page to TEMPLATES (or, with where it is tested, to NOT_TEMPLATES) in test/e2e/budgets.ts').toEqual(astroPageSources());
  });
});

// Several pages at once, each in its own browser context (the checks only read the served site).
describe.concurrent('axe-core finds no WCAG 2.1 A/AA violation', () => {
  it('(the check itself reports a picture without alt, faint text and an unnamed button added to a page)', async () => {
    const page = await open(TEMPLATES.find((t) => t.source === '404.astro')!, { width: WIDTHS.desktop, height: 800 });
    await page.evaluate(() => {
      const main = document.querySelector('main .container')!;
      main.insertAdjacentHTML('beforeend', '<img src="/favicon.svg" width="20" height="20"><p style="color:#bbb;background:#fff">Chữ mờ</p><button></button>');
    });
    const found = (await axeViolations(page)).map((v) => v.split(' ')[0]);
    expect(new Set(found)).toEqual(new Set(['image-alt', 'color-contrast', 'button-name']));
    await close(page);
  });

  for (const template of TEMPLATES) {
    for (const [device, width] of Object.entries(WIDTHS)) {
      it(`on ${template.name} (${template.source}) at ${width} px (${device})`, async () => {
        const page = await open(template, { width, height: 800 });
        expect(await axeViolations(page)).toEqual([]);
        await close(page);
      });
    }
  }

  it('with the results of the header’s search open, at both widths', async () => {
    const article = TEMPLATES.find((t) => t.source === 'tin-tuc/[slug].astro')!;
    for (const width of Object.values(WIDTHS)) {
      const page = await open(article, { width, height: 800 });
      const box = page.getByRole('searchbox', { name: 'Tìm kiếm', exact: true });
      await box.click();
      await box.pressSequentially('thi hanh an', { delay: 20 });
      await page.locator('#tim-kiem-nhanh .search-result a').first().waitFor();
      expect(await axeViolations(page), `${width} px`).toEqual([]);
      await close(page);
    }
  });

  it('on each form sent empty, showing its error summary and the errors of its fields', async () => {
    const forms = [
      ['hoi-dap/gui-cau-hoi/index.astro', 'Gửi câu hỏi'],
      ['hoi-dap/tra-cuu.astro', 'Tra cứu'],
      ['bao-chi/de-nghi-cung-cap-thong-tin.astro', 'Gửi đề nghị'],
    ] as const;
    for (const [source, button] of forms) {
      const page = await open(TEMPLATES.find((t) => t.source === source)!, { width: WIDTHS.phone, height: 800 });
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.locator('.error-summary, [role="alert"]').first().waitFor();
      expect(await axeViolations(page), source).toEqual([]);
      await close(page);
    }
  });
});

describe('pictures and language', () => {
  const imgTags = (html: string) => [...html.matchAll(/<img\b[^>]*>/gi)].map((m) => m[0]);
  const decorative = (tag: string) => /\balt=""/.test(tag) && /\b(aria-hidden="true"|role="presentation")/.test(tag);

  it('every built page is <html lang="vi">, and every <img> has a text alternative (empty only when marked decorative)', () => {
    const pages = listFiles(site.out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    const problems: string[] = [];
    let images = 0;
    for (const rel of pages) {
      const html = fs.readFileSync(path.join(site.out, rel), 'utf8');
      const lang = rel.startsWith('en/') ? 'en' : 'vi'; // the English pages (site/src/pages/en/)
      if (!new RegExp(`<html lang="${lang}"[\\s>]`).test(html)) problems.push(`${rel}: not <html lang="${lang}">`);
      for (const tag of imgTags(html)) {
        images++;
        const alt = /\balt="([^"]*)"/.exec(tag)?.[1];
        if (alt === undefined) problems.push(`${rel}: <img> without alt: ${tag.slice(0, 160)}`);
        else if (!alt.trim() && !decorative(tag)) problems.push(`${rel}: empty alt on a picture not marked decorative: ${tag.slice(0, 160)}`);
      }
    }
    expect(images, 'the demo pages show pictures').toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('pictures added in the browser (search results) have a text alternative too', async () => {
    const search = TEMPLATES.find((t) => t.source === 'tim-kiem/index.astro')!;
    const page = await open(search, { width: WIDTHS.desktop, height: 800 });
    const missing = await page.evaluate(() => [...document.images].filter((img) => !img.hasAttribute('alt') || (!img.alt.trim() && img.getAttribute('aria-hidden') !== 'true')).map((img) => img.outerHTML.slice(0, 160)));
    expect(missing).toEqual([]);
    await close(page);
  });
});

describe.concurrent('at 200 % zoom (640 px wide at twice the pixel density, as 1280 px zoomed to 200 %)', () => {
  for (const template of TEMPLATES) {
    it(`${template.name} does not scroll sideways`, async () => {
      const page = await open(template, ZOOM_200);
      const { scrollWidth, innerWidth, dpr } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, dpr: window.devicePixelRatio }));
      expect(dpr).toBe(2);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      await close(page);
    });
  }
});
