/**
 * "Thông báo qua thư" in the real, built admin, clicked in headless Chromium: an editor opens it from the menu
 * and sees the counts of the subscriptions this test made (confirmed, pending, stopped after bounces; per
 * followed topic, category and type), a batch with its sent/failed/waiting mails, the latest failures with
 * the relay's quoted address redacted, and erases an address on request by typing it (never shown back; the
 * counts drop). A reporter has no menu entry, and the page's address opened directly shows no figures.
 * Screenshots at 1440 and 390 px in ADMIN_SCREENSHOTS (default: the system's temp folder).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminBuild } from '../../site/publisher/admin-build.ts';
import { startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { launchChromium } from '../e2e/browser.ts';
import { signIn } from './admin-form.ts';

let cms: TestStrapi;
let browser: Browser;
const SHOTS = process.env.ADMIN_SCREENSHOTS ?? path.join(os.tmpdir(), 'thads-admin-screens');
const SUB = 'api::alert-subscription.alert-subscription';
const MENU = 'Thông báo qua thư';

// What this test makes: 4 confirmed (3 following the alimony topic, 2 the press releases), 2 pending, 1 stopped.
const CONFIRMED = [
  { email: 'doc-gia-mot@example.com', follows: ['topic:cap-duong', 'type:press-release'], frequency: 'immediate' },
  { email: 'doc-gia-hai@example.com', follows: ['topic:cap-duong'], frequency: 'daily' },
  { email: 'doc-gia-ba@example.com', follows: ['topic:cap-duong'], frequency: 'daily' },
  { email: 'phong-vien-bao@example.com', follows: ['type:press-release'], frequency: 'weekly' },
];
const PENDING = ['chua-xac-nhan-1@example.com', 'chua-xac-nhan-2@example.com'];
const BOUNCED = 'hop-thu-da-xoa@example.com';
const ADDRESSES = [...CONFIRMED.map((c) => c.email), ...PENDING, BOUNCED];
const BATCH_TITLE = 'Thông cáo báo chí về đợt cao điểm thi hành án cuối năm';

beforeAll(async () => {
  await ensureAdminBuild({ stdio: 'ignore' });
  cms = await startStrapi({ seed: true, env: { SERVE_ADMIN_PANEL: 'true', ALERTS_TICK_SECONDS: '0' } });
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  const subs = cms.strapi.db.query(SUB as any);
  const now = new Date();
  const ids: number[] = [];
  for (const c of CONFIRMED) ids.push((await subs.create({ data: { ...c, state: 'confirmed', confirmedAt: now, consentAt: now, confirmSentAt: now } })).id);
  for (const email of PENDING) await subs.create({ data: { email, follows: ['type:article'], frequency: 'daily', state: 'pending', consentAt: now, confirmSentAt: now } });
  const bounced = await subs.create({ data: { email: BOUNCED, follows: ['topic:cap-duong'], frequency: 'immediate', state: 'bounced', hardBounces: 3, bouncedAt: now, consentAt: now } });
  // One batch to the press release's two followers and the bounced address: one sent, one bounced, one waiting.
  const batch = await cms.strapi.db.query('api::alert-batch.alert-batch' as any).create({ data: { key: 'item:press-release:journey', kind: 'immediate', state: 'dispatched', title: BATCH_TITLE, dueAt: now, dispatchedAt: now, recipients: 3 } });
  const deliveries = cms.strapi.db.query('api::alert-delivery.alert-delivery' as any);
  await deliveries.create({ data: { uniqueKey: `${ids[0]}:${batch.id}`, subscriptionId: ids[0], batchId: batch.id, state: 'sent', attempts: 1, sentAt: now } });
  await deliveries.create({ data: { uniqueKey: `${ids[3]}:${batch.id}`, subscriptionId: ids[3], batchId: batch.id, state: 'pending', attempts: 0 } });
  await deliveries.create({ data: { uniqueKey: `${bounced.id}:${batch.id}`, subscriptionId: bounced.id, batchId: batch.id, state: 'failed', attempts: 1, bouncedAt: now, error: `Thư bị trả lại: 5.1.1 550 5.1.1 <${BOUNCED}>: Recipient address rejected: User unknown` } });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

const figure = (page: Page, id: string) => page.getByTestId(id).innerText();

async function openFromMenu(page: Page) {
  await page.getByRole('link', { name: MENU }).click();
  await page.getByRole('heading', { level: 1, name: MENU }).waitFor();
  await page.getByTestId('alerts-confirmed').waitFor();
}

describe('an editor', () => {
  it('sees the subscriptions, batches and failures, and erases an address without it being shown', async () => {
    const page = await signIn(browser, cms.url);
    await page.goto(`${cms.url}/admin`);
    await openFromMenu(page);
    expect(await figure(page, 'alerts-confirmed')).toBe('4');
    expect(await figure(page, 'alerts-pending')).toBe('2');
    expect(await figure(page, 'alerts-bounced')).toBe('1');

    const row = (text: string) => page.locator('tr', { hasText: text });
    expect(await row('Lĩnh vực hỏi đáp: Thi hành án cấp dưỡng, tiền nuôi con').locator('td').nth(1).innerText()).toBe('3');
    expect(await row('Thông cáo báo chí').first().locator('td').last().innerText()).toBe('2');
    const batch = row(BATCH_TITLE).first(); // the failures' table names it too, further down
    expect((await batch.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual([expect.stringMatching(/đã gửi đi/i), 'Thông báo ngay', BATCH_TITLE, '3', '1', '1', '1']);
    const failure = row('Recipient address rejected');
    await expect.poll(() => failure.innerText()).toMatch(/bị trả lại/i); // a badge, shown in capitals
    expect(await failure.innerText()).toContain('<***>');
    expect(await failure.innerText()).toContain(`Thông báo ngay: ${BATCH_TITLE}`);
    const text = await page.locator('main').innerText();
    for (const a of ADDRESSES) expect(text).not.toContain(a);
    await page.screenshot({ path: path.join(SHOTS, 'alerts-editor-1440.png'), fullPage: true });

    // Erasure on request: typed, confirmed, never repeated back.
    const input = page.getByLabel('Địa chỉ thư điện tử cần xoá');
    await input.fill('  Doc-Gia-Hai@Example.com ');
    await page.getByRole('button', { name: 'Xoá đăng ký của địa chỉ này' }).click();
    await page.getByRole('button', { name: 'Xoá vĩnh viễn' }).click();
    await page.getByText('Đã xoá 1 đăng ký của địa chỉ vừa nhập').waitFor();
    expect(await input.inputValue()).toBe('');
    await expect.poll(() => figure(page, 'alerts-confirmed')).toBe('3');
    expect(await row('Lĩnh vực hỏi đáp: Thi hành án cấp dưỡng, tiền nuôi con').locator('td').nth(1).innerText()).toBe('2');
    expect(await cms.strapi.db.query(SUB as any).findOne({ where: { email: 'doc-gia-hai@example.com' } })).toBeNull();
    const after = await page.locator('main').innerText();
    for (const a of ADDRESSES) expect(after.toLowerCase()).not.toContain(a);
    await page.screenshot({ path: path.join(SHOTS, 'alerts-editor-erased-1440.png'), fullPage: true });

    // A malformed address: refused in Vietnamese, nothing erased.
    await input.fill('khong-phai-dia-chi');
    await page.getByRole('button', { name: 'Xoá đăng ký của địa chỉ này' }).click();
    await page.getByRole('button', { name: 'Xoá vĩnh viễn' }).click();
    await page.getByText('Thư điện tử: không đúng định dạng (ví dụ ten@example.com).').waitFor();
    expect(await figure(page, 'alerts-confirmed')).toBe('3');

    // On a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('alerts-confirmed').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'alerts-editor-390.png'), fullPage: true });
    await page.context().close();
  });
});

describe('a reporter', () => {
  it('has no menu entry, and the page opened by its address shows no figures', async () => {
    const page = await signIn(browser, cms.url, 'phongvien@thads-hungyen.example', 'PhongVien@2026');
    await page.goto(`${cms.url}/admin`);
    // The menu is drawn once the user's permissions are known: another entry of theirs is there first.
    await page.getByRole('link', { name: 'Hàng chờ duyệt' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('link', { name: MENU }).count()).toBe(0);

    const answered = page.waitForResponse((res) => res.url().includes('/thads/alerts/summary'), { timeout: 30_000 }).catch(() => null);
    await page.goto(`${cms.url}/admin/thong-bao-qua-thu`);
    const res = await answered;
    // Either the admin does not render the page at all, or the API refused it.
    if (res) expect(res.status()).toBe(403);
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('alerts-confirmed').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('Người đăng ký theo nội dung theo dõi');
    expect(text).not.toContain(BATCH_TITLE);
    for (const a of ADDRESSES) expect(text).not.toContain(a);
    await page.screenshot({ path: path.join(SHOTS, 'alerts-reporter-direct-1440.png') });
    await page.context().close();
  });
});
