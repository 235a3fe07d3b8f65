/**
 * The admin as the editorial board meets it, clicked in headless Chromium on the real, built admin panel: an
 * editor logs in, creates an article by typing its title and body and choosing its format, saves and
 * publishes it, and the public API serves it at the address of its title; renaming the draft before
 * publication moves the address with it, renaming after publication does not.
 * The admin panel is built by the global setup before any Strapi boots (site/publisher/admin-build.ts, kept
 * between runs when its sources are unchanged); Strapi serves it from a copy of the seeded snapshot.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '@thads/shared';
import { ensureAdminBuild } from '../../site/publisher/admin-build.ts';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { launchChromium } from './browser.ts';

let cms: TestStrapi;
let browser: Browser;
const SHOTS = process.env.ADMIN_SCREENSHOTS ?? path.join(os.tmpdir(), 'thads-admin-screens');

beforeAll(async () => {
  // Built by the global setup; here only when this file runs in a process without it.
  await ensureAdminBuild({ stdio: 'ignore' });
  cms = await startStrapi({ seed: true, env: { SERVE_ADMIN_PANEL: 'true' } });
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

async function signIn(email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${cms.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  return { context, page };
}

const slugInput = (page: Page) => page.locator('input[name="slug"]');

async function saved(page: Page) {
  const done = page.waitForResponse((res) => /\/content-manager\/collection-types\/api::article\.article(\/[a-z0-9]+)?(\?|$)/.test(res.url()) && ['POST', 'PUT'].includes(res.request().method()));
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const res = await done;
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()).data as { documentId: string; slug: string; title: string };
}

describe('an editor in the admin', () => {
  it('creates and publishes an article by typing, and it goes live at the address of its title', async () => {
    const { context, page } = await signIn('bientap@thads-hungyen.example', 'BienTap@2026');
    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::article.article/create`);
    const title = page.locator('input[name="title"]');
    await title.waitFor();
    // The address field is empty when the form opens (no "article" prefilled): the system makes it.
    expect(await slugInput(page).inputValue()).toBe('');
    const first = 'Đoàn kiểm tra liên ngành làm việc tại Đông Hưng';
    await title.pressSequentially(first);
    const body = page.locator('[contenteditable="true"]').first();
    await body.click();
    await page.keyboard.type('Sáng nay, đoàn kiểm tra liên ngành đã làm việc với Phòng Thi hành án dân sự khu vực.');
    await page.locator('[name="format"]').click();
    await page.locator('[role="option"]:not([aria-disabled="true"])').first().click();
    await page.screenshot({ path: path.join(SHOTS, 'editor-article-form-1440.png'), fullPage: false });

    const draft = await saved(page);
    expect(draft.slug).toBe(slugify(first));
    await page.waitForURL(new RegExp(`/${draft.documentId}`));
    await expect.poll(() => slugInput(page).inputValue()).toBe(slugify(first));

    // Renamed before publication: the address follows the title.
    const second = 'Đoàn công tác liên ngành kiểm tra việc thi hành án tại Đông Hưng';
    await title.fill('');
    await title.pressSequentially(second);
    const renamed = await saved(page);
    expect(renamed.slug).toBe(slugify(second));

    await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
    const confirm = page.getByRole('alertdialog').getByRole('button', { name: /Xuất bản|Xác nhận|Đồng ý/ });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await expect
      .poll(async () => (await api(cms.url, `/api/articles?filters[slug][$eq]=${slugify(second)}`)).body?.data?.[0]?.title, { timeout: 30_000 })
      .toBe(second);

    // Renamed after publication: the public address stays.
    await title.fill('Tiêu đề sửa sau khi đã đăng');
    const after = await saved(page);
    expect(after.slug).toBe(slugify(second));
    await context.close();
  });
});
