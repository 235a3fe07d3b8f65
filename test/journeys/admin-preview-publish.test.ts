/**
 * From the admin to the public page, for every public type with a page, as an editor does it in headless
 * Chromium on the built admin panel, with the publisher (site/publisher/server.ts) running beside the CMS:
 * the editor types the title, fills the required fields, picks a unit, a category or topic and a cover photo
 * with its description where the type has them, saves, opens "Mở bản xem trước" (the admin frames the
 * publisher's draft build, which must show what was typed), then publishes. Every item must then be served
 * by the publisher at the address of its title, with the unit, category or topic and the cover's description
 * the editor chose, and the site must not show any of it before publication.
 * About five minutes on two cores (a preview build per type, and the publisher's builds): in
 * `npm run test:journeys`, outside npm test's budget.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '@thads/shared';
import { ensureAdminBuild } from '../../site/publisher/admin-build.ts';
import { createPublisher, type Publisher } from '../../site/publisher/server.ts';
import { itemUrls } from '../../site/src/lib/urls.ts';
import { SITE_DIR } from '../helpers/site.ts';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { launchChromium } from '../e2e/browser.ts';
import { chooseFirst, fillRequired, publish, save, signIn, SOURCE } from './admin-form.ts';

const SECRET = crypto.randomBytes(24).toString('base64url');
const SHOTS = process.env.ADMIN_SCREENSHOTS ?? path.join(os.tmpdir(), 'thads-admin-screens');
const TYPES = process.env.TYPES ? process.env.TYPES.split(',') : ['article', 'legal-qa', 'story', 'press-release', 'correction', 'announcement', 'legal-document', 'gallery', 'enforcement-notice', 'auction-notice', 'unit', 'category', 'topic'];

let cms: TestStrapi;
let publisher: Publisher;
let site: string;
let out: string;
let browser: Browser;
let page: Page;
const origins: string[] = [];
const buildEnv: Record<string, string | undefined> = {};
const logs: string[] = [];
/** What the editor chose, by type: checked on the public page once everything is published. */
const made: { type: string; url: string; title: string; shown: string[] }[] = [];

beforeAll(async () => {
  await ensureAdminBuild({ stdio: 'ignore' });
  fs.mkdirSync(path.join(SITE_DIR, '.test-builds'), { recursive: true });
  out = path.join(fs.mkdtempSync(path.join(SITE_DIR, '.test-builds', 'journey-')), 'dist');
  // The admin's origin may frame the preview (known once the CMS listens: the list is read per request).
  publisher = createPublisher({ outDir: out, secret: SECRET, buildEnv, quietMs: 1000, maxWaitMs: 10_000, retryMs: 3000, connectOrigins: origins, log: (m) => logs.push(m) });
  site = await publisher.listen(0, '127.0.0.1');
  cms = await startStrapi({ seed: true, env: { SERVE_ADMIN_PANEL: 'true', PUBLISHER_URL: site, PREVIEW_URL: site, PUBLISHER_SECRET: SECRET } });
  origins.push(new URL(cms.url).origin);
  buildEnv.STRAPI_URL = cms.url;
  // Its own Astro cache, whose optimised images the test builds share (test/helpers/shared-image-cache.ts).
  buildEnv.SITE_CACHE_DIR = `${out}.astro-cache`;
  const first = await publisher.buildNow('journey: first build');
  expect(first.state, JSON.stringify(first.lastError)).toBe('idle');
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  page = await signIn(browser, cms.url);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await publisher?.close();
  await cms?.stop();
  if (out) fs.rmSync(path.dirname(out), { recursive: true, force: true });
});

const attributesOf = (uid: string) => cms.strapi.contentTypes[uid].attributes as Record<string, any>;

/** The cover photo, chosen in the media library (the demo's photos), then its description. */
async function chooseCover(type: string, alt: string) {
  // The cover is the form's first empty component (before the gallery, attachments and SEO).
  await page.getByRole('button', { name: 'Chưa có mục nào. Nhấn để thêm.' }).first().click();
  await page.getByText('Nhấn để thêm tệp hoặc kéo và thả tệp vào vùng này').first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: /Duyệt/i }).waitFor();
  // The library, newest first: the first photo (a document has no box to tick in an image field).
  await dialog.getByRole('checkbox').and(dialog.locator(':not([disabled]):not([aria-disabled="true"])')).first().click();
  await page.screenshot({ path: path.join(SHOTS, `cover-chosen-${type}-1440.png`) });
  await dialog.getByRole('button', { name: 'Hoàn tất' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('[name="cover.alt"]').fill(alt);
}
const served = async (url: string) => {
  const res = await fetch(site + url);
  return { status: res.status, html: res.status === 200 ? await res.text() : '' };
};
/** Text as the page's HTML writes it (Astro escapes &, <, >, quotes). */
const inHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('an editor previews and publishes every public type, and the public page shows what was chosen', () => {
  it.each(TYPES)('%s: typed, pictured, classified, previewed as a draft, published', async (type) => {
    const uid = `api::${type}.${type}`;
    const attributes = attributesOf(uid);
    const source = SOURCE[type] ?? 'title';
    const title = source === 'number' ? '31/2026/QĐ-UBND' : `Cưỡng chế kê biên tài sản ở Khoái Châu, bản xem trước (${type})`;
    // What the editor chose that the page must show (the cover's description is checked on its picture).
    const shown: string[] = [];
    let cover: string | undefined;
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${uid}/create`);
    const input = page.locator(`input[name="${source}"]`);
    await input.waitFor();
    await input.pressSequentially(title);
    expect(await fillRequired(page, cms, uid, source, `Văn bản xem trước ${type}`)).toEqual([]);
    if (attributes.unit?.type === 'relation') shown.push(await chooseFirst(page, 'unit'));
    for (const field of ['category', 'topic']) if (attributes[field]?.type === 'relation') shown.push(await chooseFirst(page, field));
    if (attributes.cover?.component === 'shared.photo') {
      cover = `Cán bộ thi hành án kiểm đếm tài sản kê biên tại Khoái Châu (${type})`;
      await chooseCover(type, cover);
    }
    const draft = await save(page, uid);
    expect(draft.slug).toBe(slugify(title));
    await page.waitForURL(new RegExp(`/${draft.documentId}`));
    const url = itemUrls[uid]!(draft.slug);
    expect((await served(url)).status).toBe(404);

    // "Mở bản xem trước": the admin frames the publisher's build of the draft, which shows what was typed.
    await page.getByRole('link', { name: 'Mở bản xem trước' }).or(page.getByRole('button', { name: 'Mở bản xem trước' })).first().click();
    const frame = page.frameLocator('iframe').first();
    const heading = source === 'number' ? frame.getByText(title).first() : frame.getByRole('heading', { level: 1, name: title });
    await heading.waitFor({ timeout: 180_000 }).catch(async (error) => {
      await page.screenshot({ path: path.join(SHOTS, `preview-${type}-failed-1440.png`) });
      throw new Error(`${type}: the preview did not show the draft; publisher: ${logs.slice(-6).join(' | ')}`, { cause: error });
    });
    const src = await page.locator('iframe').first().getAttribute('src');
    expect(new URL(src!).origin).toBe(new URL(site).origin);
    const preview = await frame.locator('body').innerText();
    for (const text of shown) expect(preview, `${type}: ${text} in the preview`).toContain(text);
    if (cover) expect(await frame.locator(`img[alt="${cover}"]`).count(), `${type}: the cover in the preview`).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, `preview-${type}-1440.png`) });
    await page.getByRole('link', { name: 'Đóng bản xem trước' }).or(page.getByRole('button', { name: 'Đóng bản xem trước' })).first().click();
    await input.waitFor();

    await publish(page);
    const plural = (cms.strapi.contentTypes[uid].info as { pluralName: string }).pluralName;
    await expect.poll(async () => (await api(cms.url, `/api/${plural}?filters[slug][$eq]=${encodeURIComponent(draft.slug)}`)).body?.data?.[0]?.documentId, { timeout: 30_000 }).toBe(draft.documentId);
    made.push({ type, url, title, shown: cover ? [...shown, cover] : shown });
  }, 420_000);

  it('every published item is live at the address of its title, with the unit, category, topic and cover chosen', async () => {
    expect(made.map((m) => m.type)).toEqual(TYPES);
    for (const item of made) {
      let last = { status: 0, html: '' };
      await expect
        .poll(async () => (last = await served(item.url)).status, { timeout: 300_000, interval: 1000, message: `${item.type} at ${item.url}; publisher: ${logs.slice(-8).join(' | ')}` })
        .toBe(200);
      // The page may be the one built before a later change of the same batch: wait for its final form.
      await expect.poll(async () => (last = await served(item.url)).html.includes(inHtml(item.title)), { timeout: 120_000, interval: 1000 }).toBe(true);
      for (const text of item.shown) expect(last.html, `${item.type}: "${text}" on ${item.url}`).toContain(inHtml(text));
    }
  }, 600_000);
});
