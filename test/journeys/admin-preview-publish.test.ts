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

const SECRET = crypto.randomBytes(24).toString('base64url');
const SHOTS = process.env.ADMIN_SCREENSHOTS ?? path.join(os.tmpdir(), 'thads-admin-screens');
const TYPES = process.env.TYPES ? process.env.TYPES.split(',') : ['article', 'legal-qa', 'story', 'press-release', 'correction', 'announcement', 'legal-document', 'gallery', 'enforcement-notice', 'auction-notice', 'unit', 'category', 'topic'];
const SOURCE: Record<string, string> = { unit: 'name', category: 'name', topic: 'name', 'legal-document': 'number' };

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
  const first = await publisher.buildNow('journey: first build');
  expect(first.state, JSON.stringify(first.lastError)).toBe('idle');
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await page.goto(`${cms.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill('bientap@thads-hungyen.example');
  await page.locator('input[name="password"]').fill('BienTap@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await publisher?.close();
  await cms?.stop();
  if (out) fs.rmSync(path.dirname(out), { recursive: true, force: true });
});

const attributesOf = (uid: string) => cms.strapi.contentTypes[uid].attributes as Record<string, any>;

async function labelOf(uid: string, field: string): Promise<string> {
  const cm = cms.strapi.plugin('content-manager');
  const conf = await cm.service('content-types').findConfiguration(cm.service('content-types').findContentType(uid));
  return conf.metadatas[field].edit.label as string;
}

const fieldBox = (label: string, inner: string) => page.locator('div').filter({ has: page.locator('label', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`) }) }).filter({ has: page.locator(inner) }).last();

/** Opens a select or relation picker and chooses its first real option; returns the option's text. */
async function chooseFirst(name: string): Promise<string> {
  await page.locator(`[name="${name}"]`).click();
  const option = page.locator('[role="option"]:not([aria-disabled="true"])').filter({ hasNotText: 'Tạo quan hệ' }).first();
  await option.waitFor();
  const text = (await option.innerText()).split('\n')[0]!.trim();
  await option.click();
  return text;
}

/** Every required field but the title, as an editor fills them. */
async function fillRequired(uid: string, source: string, title: string): Promise<string[]> {
  const unfilled: string[] = [];
  for (const [field, attr] of Object.entries(attributesOf(uid))) {
    if (!attr.required || field === source || field === 'slug') continue;
    if (field === 'title') await page.locator('input[name="title"]').fill(title);
    else if (attr.type === 'string' || attr.type === 'text') await page.locator(`[name="${field}"]`).fill(`Nội dung thử của trường ${field}`);
    else if (attr.type === 'biginteger' || attr.type === 'integer') await page.locator(`[name="${field}"]`).fill('1500000000');
    else if (attr.type === 'enumeration' || attr.type === 'relation') await chooseFirst(field);
    else if (attr.type === 'blocks') {
      await fieldBox(await labelOf(uid, field), '[contenteditable="true"]').locator('[contenteditable="true"]').first().click();
      await page.keyboard.type('Nội dung soạn trong trình soạn thảo, để xem trước rồi xuất bản.');
    } else if (attr.type === 'datetime' || attr.type === 'date') {
      const box = fieldBox(await labelOf(uid, field), '[aria-label="Chọn ngày"]');
      const date = box.getByRole('combobox', { name: 'Chọn ngày' });
      await date.click();
      await date.fill('20/12/2030');
      await date.press('Enter');
      if (attr.type === 'datetime') {
        await box.getByRole('combobox', { name: 'Chọn giờ' }).click();
        await page.locator('[role="option"]').nth(36).click();
      }
    } else if (attr.type === 'component' && !attr.repeatable) {
      const sub = cms.strapi.components[attr.component].attributes as Record<string, any>;
      for (const [name, a] of Object.entries(sub)) if (a.required && (a.type === 'string' || a.type === 'text')) await page.locator(`[name="${field}.${name}"]`).fill(`Tổ chức đấu giá thử (${name})`);
    } else unfilled.push(`${field} (${attr.type})`);
  }
  return unfilled;
}

/** The cover photo, chosen in the media library (the demo's photos), then its description. */
async function chooseCover(alt: string) {
  // The cover is the form's first empty component (before the gallery, attachments and SEO).
  await page.getByRole('button', { name: 'Chưa có mục nào. Nhấn để thêm.' }).first().click();
  await page.getByText('Nhấn để thêm tệp hoặc kéo và thả tệp vào vùng này').first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: /Duyệt/i }).waitFor();
  // The library, newest first: the first photo (a document has no box to tick in an image field).
  await dialog.getByRole('checkbox').and(dialog.locator(':not([disabled]):not([aria-disabled="true"])')).first().click();
  await page.screenshot({ path: path.join(SHOTS, `cover-chosen-${currentUid.split('.')[1]}-1440.png`) });
  await dialog.getByRole('button', { name: 'Hoàn tất' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('[name="cover.alt"]').fill(alt);
}
let currentUid = '';

async function save(target: string) {
  const done = page.waitForResponse((res) => res.url().includes(`/content-manager/collection-types/${target}`) && ['POST', 'PUT'].includes(res.request().method()), { timeout: 30_000 });
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const res = await done;
  expect(res.status(), (await res.text()).slice(0, 400)).toBeLessThan(300);
  return (await res.json()).data as { documentId: string; slug: string };
}

const served = async (url: string) => {
  const res = await fetch(site + url);
  return { status: res.status, html: res.status === 200 ? await res.text() : '' };
};
/** Text as the page's HTML writes it (Astro escapes &, <, >, quotes). */
const inHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('an editor previews and publishes every public type, and the public page shows what was chosen', () => {
  it.each(TYPES)('%s: typed, pictured, classified, previewed as a draft, published', async (type) => {
    currentUid = `api::${type}.${type}`;
    const attributes = attributesOf(currentUid);
    const source = SOURCE[type] ?? 'title';
    const title = source === 'number' ? '31/2026/QĐ-UBND' : `Cưỡng chế kê biên tài sản ở Khoái Châu, bản xem trước (${type})`;
    const shown: string[] = [];
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${currentUid}/create`);
    const input = page.locator(`input[name="${source}"]`);
    await input.waitFor();
    await input.pressSequentially(title);
    expect(await fillRequired(currentUid, source, `Văn bản xem trước ${type}`)).toEqual([]);
    if (attributes.unit?.type === 'relation') shown.push(await chooseFirst('unit'));
    for (const field of ['category', 'topic']) if (attributes[field]?.type === 'relation') shown.push(await chooseFirst(field));
    if (attributes.cover?.component === 'shared.photo') {
      const alt = `Cán bộ thi hành án kiểm đếm tài sản kê biên tại Khoái Châu (${type})`;
      await chooseCover(alt);
      shown.push(alt);
    }
    const draft = await save(currentUid);
    expect(draft.slug).toBe(slugify(title));
    await page.waitForURL(new RegExp(`/${draft.documentId}`));
    const url = itemUrls[currentUid]!(draft.slug);
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
    for (const text of shown.filter((s) => !s.startsWith('Cán bộ'))) expect(preview, `${type}: ${text} in the preview`).toContain(text);
    if (shown.some((s) => s.startsWith('Cán bộ'))) expect(await frame.locator(`img[alt="${shown.find((s) => s.startsWith('Cán bộ'))}"]`).count(), `${type}: the cover in the preview`).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, `preview-${type}-1440.png`) });
    await page.getByRole('link', { name: 'Đóng bản xem trước' }).or(page.getByRole('button', { name: 'Đóng bản xem trước' })).first().click();
    await input.waitFor();

    await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
    const confirm = page.getByRole('alertdialog').getByRole('button', { name: /Xuất bản|Xác nhận|Đồng ý/ });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    const plural = (cms.strapi.contentTypes[currentUid].info as { pluralName: string }).pluralName;
    await expect.poll(async () => (await api(cms.url, `/api/${plural}?filters[slug][$eq]=${encodeURIComponent(draft.slug)}`)).body?.data?.[0]?.documentId, { timeout: 30_000 }).toBe(draft.documentId);
    made.push({ type, url, title, shown });
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
