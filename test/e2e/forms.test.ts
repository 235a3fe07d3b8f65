/// <reference lib="dom" />
/**
 * The public forms as citizens and journalists use them, in headless Chromium on the real built site,
 * posting to a real seeded Strapi: a question sent with the keyboard alone and stored with a tracking code;
 * an empty form refused in the browser with an error summary; the status page; a press request answered
 * with the spokesperson's contacts; server refusals shown like the form's own; the page without JavaScript.
 * Order of setup: the static server first (its origin is the CMS's CORS origin), then Strapi, then the build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateLong } from '@thads/shared';
import { buildSite } from '../helpers/site.ts';
import { startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { launchChromium } from './browser.ts';
import { FORM_JS_BUDGETS } from './budgets.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const QUESTIONS = 'api::citizen-question.citizen-question';
const PRESS = 'api::press-request.press-request';
const ASK = '/hoi-dap/gui-cau-hoi/';
const LOOKUP = '/hoi-dap/tra-cuu/';
const PRESS_FORM = '/bao-chi/de-nghi-cung-cap-thong-tin/';

let dir: string;
let server: StaticServer;
let cms: TestStrapi;
let browser: Browser;
let trackingCode: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-forms-'));
  const out = path.join(dir, 'site');
  server = await serveStatic(out);
  process.env.CORS_ORIGINS = server.url;
  cms = await startStrapi({ seed: true });
  // NODE_ENV: the test harness sets "test", which would give the browser React's development build.
  const build = await buildSite({ STRAPI_URL: cms.url, PUBLIC_CMS_URL: cms.url, SITE_OUT_DIR: out, SITE_URL: 'https://thads.example', NODE_ENV: 'production' });
  if (build.code !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await cms?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

type Opened = { page: Page; requests: string[] };

async function open(url: string, { javaScript = true, width = 1000 } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  page.on('pageerror', (error) => console.error(`page error on ${url}:`, error));
  await page.goto(server.url + url);
  if (javaScript) await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
  return { page, requests };
}
const close = (page: Page) => page.context().close();
const count = (uid: string) => cms.strapi.db.query(uid).count();
const focused = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id ?? '', className: document.activeElement?.className ?? '', text: document.activeElement?.textContent ?? '' }));

/** Tab until the focused element is the button called `name` (at most 20 steps). */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.text.trim() === name) return;
  }
  throw new Error(`"${name}" never got the focus`);
}

describe('a citizen sends a question', () => {
  it('starts the proof of work at the first touch of the form, not before', async () => {
    const { page, requests } = await open(ASK);
    const challenges = () => requests.filter((r) => r.includes('/api/intake/challenge'));
    expect(challenges()).toHaveLength(0);
    await page.getByLabel('Họ và tên').focus();
    await expect.poll(challenges).toHaveLength(1);
    await close(page);
  });

  it('fills every field with the keyboard, gets a tracking code, and the question is stored', async () => {
    const before = await count(QUESTIONS);
    const { page } = await open(ASK);
    await page.getByLabel('Họ và tên').focus();
    await page.keyboard.type('Lê Thị Hoa');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('hd-phone');
    await page.keyboard.type('0912 345 678');
    await page.keyboard.press('Tab');
    await page.keyboard.type('hoa.le@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type('xã Tiên Lữ');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('hd-topic');
    await page.keyboard.press('ArrowDown');
    const topic = await page.locator('#hd-topic').inputValue();
    expect(topic).toMatch(/^[a-z0-9-]+$/);
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('hd-question');
    const question = 'Bản án buộc người kia trả nợ cho tôi đã có hiệu lực. Tôi cần làm đơn yêu cầu thi hành án ở đâu?';
    await page.keyboard.type(question);
    await expect.poll(() => page.locator('.form-count').textContent()).toBe(`Bạn còn ${(5000 - question.length).toLocaleString('vi-VN')} ký tự`);
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('hd-consent');
    await page.keyboard.press('Space');
    expect(await page.locator('#hd-consent').isChecked()).toBe(true);
    await tabTo(page, 'Gửi câu hỏi');
    await page.keyboard.press('Enter');

    const done = page.getByRole('status', { name: 'Đã gửi câu hỏi' });
    await done.waitFor({ timeout: 60_000 });
    expect((await focused(page)).className).toContain('form-panel');
    trackingCode = (await done.locator('.form-panel__code').textContent())!.trim();
    expect(trackingCode).toMatch(/^HD-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await done.getByRole('link', { name: `Tra cứu tình trạng câu hỏi ${trackingCode}` }).getAttribute('href')).toBe(`${LOOKUP}?ma=${trackingCode}`);
    expect(await done.textContent()).toMatch(/chỉ được lưu giữ trong thời gian cần thiết/);

    expect(await count(QUESTIONS)).toBe(before + 1);
    const stored = await cms.strapi.db.query(QUESTIONS).findOne({ where: { trackingCode }, populate: ['topic'] });
    expect(stored).toMatchObject({ name: 'Lê Thị Hoa', phone: '0912345678', email: 'hoa.le@example.com', locality: 'xã Tiên Lữ', question, state: 'received' });
    expect(stored.topic.slug).toBe(topic);
    await close(page);
  });

  it('refuses an empty form in the browser: error summary focused, links to the fields, nothing sent or stored', async () => {
    const before = await count(QUESTIONS);
    const { page, requests } = await open(ASK);
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.getByRole('heading').textContent()).toBe('Cần sửa các mục sau để gửi câu hỏi');
    await expect.poll(async () => (await focused(page)).className).toContain('error-summary');
    const links = summary.getByRole('link');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#hd-name', '#hd-phone', '#hd-question', '#hd-consent']);
    expect(await links.first().textContent()).toBe('Họ và tên: không được để trống.');

    // Each field: its error under the label, aria-invalid, described by hint and error.
    const phone = page.locator('#hd-phone');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await phone.getAttribute('aria-describedby')).toBe('hd-phone-hint hd-phone-error');
    expect(await page.locator('#hd-phone-error').textContent()).toBe('Lỗi: Số điện thoại hoặc thư điện tử: cần ít nhất một cách để liên hệ lại.');
    expect(await page.locator('#hd-email').getAttribute('aria-invalid')).toBeNull();

    await links.nth(2).click();
    expect((await focused(page)).id).toBe('hd-question');

    expect(requests.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(await count(QUESTIONS)).toBe(before);
    await close(page);
  });

  it('shows the server’s refusals next to the fields, and its message for a rate limit', async () => {
    const { page } = await open(ASK, { width: 320 });
    const answers = [
      { status: 400, body: { data: null, error: { status: 400, name: 'ValidationError', message: 'Lĩnh vực: không có trong danh sách.', details: { errors: [{ path: ['topic'], message: 'Lĩnh vực: không có trong danh sách.' }] } } } },
      { status: 429, body: { data: null, error: { status: 429, name: 'RateLimitError', message: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau 10 phút.', details: { errors: [] } } } },
    ];
    await page.route('**/api/citizen-questions/submit', (route) => {
      const answer = answers.shift()!;
      return route.fulfill({ status: answer.status, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(answer.body) });
    });
    await page.getByLabel('Họ và tên').fill('Phạm Văn Nam');
    await page.getByLabel('Số điện thoại').fill('0987 654 321');
    await page.getByLabel('Nội dung câu hỏi').fill('Xin hỏi thời hiệu yêu cầu thi hành án dân sự là bao lâu kể từ khi bản án có hiệu lực?');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Lĩnh vực: không có trong danh sách.' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('#hd-topic').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#hd-topic-error').textContent()).toBe('Lỗi: Lĩnh vực: không có trong danh sách.');

    await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    await summary.getByText('Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau 10 phút.').waitFor({ timeout: 60_000 });
    expect(await summary.getByRole('heading').textContent()).toBe('Chưa gửi được câu hỏi');
    // Nothing overflows sideways on a 320 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await close(page);
  });
});

describe('the status of a question', () => {
  it('shows "Đã tiếp nhận" and the day received for the code (from ?ma=) and the phone', async () => {
    expect(trackingCode, 'the question journey ran first').toBeTruthy();
    const stored = await cms.strapi.db.query(QUESTIONS).findOne({ where: { trackingCode } });
    const { page } = await open(`${LOOKUP}?ma=${trackingCode}`);
    await expect.poll(() => page.getByLabel('Mã tra cứu').inputValue()).toBe(trackingCode);
    await page.getByLabel('Số điện thoại hoặc thư điện tử').fill('0912.345.678');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const result = page.getByRole('status', { name: `Câu hỏi ${trackingCode}` });
    await result.waitFor();
    expect((await focused(page)).className).toContain('form-panel');
    expect(await result.locator('.form-panel__state').textContent()).toBe('Đã tiếp nhận');
    expect(await result.locator('time').textContent()).toBe(formatDateLong(stored.createdAt));
    expect(await result.textContent()).not.toContain('Lê Thị Hoa');
    await close(page);
  });

  it('says so, as the server does, when the contact does not match', async () => {
    const { page } = await open(`${LOOKUP}?ma=${trackingCode}`);
    await expect.poll(() => page.getByLabel('Mã tra cứu').inputValue()).toBe(trackingCode);
    await page.getByLabel('Số điện thoại hoặc thư điện tử').fill('0987000111');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('alert').getByText('Không tìm thấy câu hỏi với mã tra cứu và thông tin liên hệ này.').waitFor();
    await close(page);
  });
});

describe('a journalist asks for information', () => {
  it('sends a request and sees the spokesperson’s phone', async () => {
    const before = await count(PRESS);
    const sp = await cms.strapi.documents('api::spokesperson.spokesperson').findFirst({ status: 'published', populate: ['spokesperson', 'deputy'] });
    const { page } = await open(PRESS_FORM);
    const box = (name: string) => page.getByRole('textbox', { name: new RegExp(`^${name}( \\(bắt buộc\\))?$`) });
    await box('Họ và tên nhà báo').fill('Trần Minh Quân');
    await box('Cơ quan báo chí').fill('Báo Hưng Yên');
    await box('Số thẻ nhà báo').fill('HY-01234');
    await box('Thư điện tử').fill('quan.tm@baohungyen.example');
    await box('Chủ đề').fill('Kết quả thi hành án dân sự năm 2026');
    await box('Nội dung câu hỏi, thông tin đề nghị').fill('Đề nghị cung cấp số liệu về số việc, số tiền đã thi hành xong trong năm và các vụ việc trọng điểm.');
    const inTenDays = new Date(Date.now() + 7 * 3600_000 + 10 * 86400_000).toISOString().slice(0, 10);
    await page.getByLabel('Thời hạn mong muốn nhận trả lời').fill(inTenDays);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Gửi đề nghị' }).click();

    const done = page.getByRole('status', { name: 'Đã gửi đề nghị' });
    await done.waitFor({ timeout: 60_000 });
    const code = (await done.locator('.form-panel__code').textContent())!.trim();
    expect(code).toMatch(/^BC-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const phone = done.getByRole('link', { name: sp.spokesperson.phone });
    expect(await phone.getAttribute('href')).toBe(`tel:${sp.spokesperson.phone.replace(/\s/g, '')}`);
    expect(await done.getByRole('link', { name: sp.spokesperson.email }).getAttribute('href')).toBe(`mailto:${sp.spokesperson.email}`);
    expect(await count(PRESS)).toBe(before + 1);
    const stored = await cms.strapi.db.query(PRESS).findOne({ where: { trackingCode: code } });
    expect(stored).toMatchObject({ journalistName: 'Trần Minh Quân', outlet: 'Báo Hưng Yên', email: 'quan.tm@baohungyen.example', wishedDeadline: inTenDays, state: 'received' });
    await close(page);
  });
});

describe('the form pages', () => {
  it.each([ASK, LOOKUP, PRESS_FORM])('%s without JavaScript says so and gives the postal address, phone and email', async (url) => {
    const setting = await cms.strapi.documents('api::site-setting.site-setting').findFirst({ status: 'published' });
    const { page } = await open(url, { javaScript: false });
    const notice = page.locator('.notice', { hasText: 'Biểu mẫu này cần JavaScript' });
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain(setting.address);
    expect(await notice.getByRole('link', { name: setting.email }).getAttribute('href')).toBe(`mailto:${setting.email}`);
    expect(await page.locator('.form-island form').isVisible()).toBe(false);
    await close(page);
  });

  it.each([ASK, LOOKUP, PRESS_FORM])('%s loads a small amount of JavaScript (gzip here; test/e2e/budgets.test.ts counts what the publisher sends)', async (url) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.body().then((b) => zlib.gzipSync(b).length, () => 0));
    });
    await page.goto(server.url + url, { waitUntil: 'networkidle' });
    await page.locator('.form-island button[type=submit]:not([disabled])').waitFor();
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent).join('\n'));
    const total = (await Promise.all(scripts)).reduce((a, b) => a + b, 0) + zlib.gzipSync(inline).length;
    console.log(`${url}: ${(total / 1024).toFixed(1)} KB of JavaScript (gzip), ${scripts.length} files`);
    expect(total).toBeLessThan(FORM_JS_BUDGETS.total);
    await context.close();
  });
});
