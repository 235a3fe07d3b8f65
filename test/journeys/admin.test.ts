/**
 * The admin as the editorial board meets it, clicked in headless Chromium on the real, built admin panel: an
 * editor logs in, creates an article by typing its title and body and choosing its format, saves and
 * publishes it, and the public API serves it at the address of its title; renaming the draft before
 * publication moves the address with it, renaming after publication does not. An editor and a reporter go
 * through the screens of their day (home, lists and filters, the article form with its pickers and the media
 * library, a publish refused for errors): every screen is scanned for English (text, aria-label, title,
 * placeholder, tab title) outside a short reviewed list of loanwords, and for links out of the admin (Strapi's
 * banners about itself); the unit picker offers current
 * Vietnamese units only.
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
import { phoneJpeg } from '../helpers/exif.ts';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { launchChromium } from '../e2e/browser.ts';

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

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
/** Reviewed: loanwords and abbreviations of Vietnamese office language, Vietnamese words written without marks. */
const LOANWORDS = new Set(['email', 'seo', 'url', 'api', 'id', 'pdf', 'docx', 'doc', 'xlsx', 'xls', 'csv', 'zip', 'rss', 'html', 'jpg', 'jpeg', 'png', 'webp', 'gif', 'svg', 'mp4', 'mb', 'kb', 'gb', 'alt', 'shift', 'esc', 'tab', 'enter', 'command', 'control', 'slug', 'zalo', 'facebook', 'youtube', 'video', 'logo', 'thads', 'tha', 'thads-hungyen', 'example', 'tin', 'sai', 'trang', 'ban', 'thi', 'an', 'cho', 'xem', 'tab']);

/** Strings of the page an editor reads or hears that are English: no Vietnamese letter and a word outside the list. */
async function englishOn(page: Page): Promise<string[]> {
  await page.waitForTimeout(400);
  const strings: string[] = await page.evaluate(() => {
    const out: string[] = [document.title];
    const hidden = (el: Element | null) => !el || Boolean(el.closest('[aria-hidden="true"], style, script, noscript, template'));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!hidden(n.parentElement) && n.textContent?.trim()) out.push(n.textContent.trim());
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], [aria-description]')))
      if (!hidden(el)) for (const a of ['aria-label', 'title', 'placeholder', 'aria-description']) if (el.getAttribute(a)) out.push(el.getAttribute(a)!);
    return out;
  });
  const english = (s: string) => {
    if (VIETNAMESE.test(s) || s.includes('@') || /^[\w.-]+\.[a-z0-9]{2,4}$/i.test(s) || /^[a-z0-9]+(-[a-z0-9]+)+$/.test(s)) return false;
    const words = s.match(/[A-Za-z]{2,}/g) ?? [];
    return words.some((w) => !LOANWORDS.has(w.toLowerCase()) && !/^[A-Z]{2,3}$/.test(w));
  };
  return [...new Set(strings.filter(english))];
}

/** Links of the page that lead out of the admin (Strapi's banners and news point to strapi.io, in English). */
async function linksOut(page: Page): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const hrefs: string[] = await page.evaluate(() =>
    Array.from(document.querySelectorAll('a[href]'))
      .filter((a) => a.checkVisibility())
      .map((a) => (a as HTMLAnchorElement).href),
  );
  return hrefs.filter((h) => /^https?:/.test(h) && new URL(h).origin !== origin);
}

async function scanScreens(page: Page, screens: Record<string, () => Promise<unknown>>) {
  const found: string[] = [];
  for (const [name, visit] of Object.entries(screens)) {
    await visit();
    for (const s of await englishOn(page)) found.push(`${name}: ${JSON.stringify(s)}`);
    for (const href of await linksOut(page)) found.push(`${name}: link out of the admin ${href}`);
  }
  return found;
}

describe('an editor in the admin', () => {
  it('creates and publishes an article by typing, and it goes live at the address of its title', async () => {
    const { context, page } = await signIn('bientap@thads-hungyen.example', 'BienTap@2026');
    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::article.article/create`);
    const title = page.locator('input[name="title"]');
    await title.waitFor();
    // The address field is empty when the form opens (no "article" prefilled): the system makes it.
    expect(await slugInput(page).inputValue()).toBe('');
    // Saved by mistake with only the byline typed: refused, with the reason beside the title (no untitled draft).
    await page.locator('input[name="byline"]').fill('Minh Anh');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Nhập tiêu đề trước khi lưu.').first().waitFor();
    expect(page.url()).toMatch(/\/create/);
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
    await expect.poll(() => slugInput(page).inputValue(), { timeout: 15_000 }).toBe(slugify(first));

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

  it('meets no English on the screens of the day, and picks only current Vietnamese units', async () => {
    const { context, page } = await signIn('bientap@thads-hungyen.example', 'BienTap@2026');
    const ARTICLES = `${cms.url}/admin/content-manager/collection-types/api::article.article`;
    let unitOptions: string[] = [];
    const found = await scanScreens(page, {
      home: async () => {
        await page.goto(`${cms.url}/admin`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.screenshot({ path: path.join(SHOTS, 'editor-home-1440.png') });
      },
      'article list': async () => {
        await page.goto(ARTICLES);
        await page.getByRole('button', { name: 'Bộ lọc' }).waitFor();
      },
      filters: async () => {
        await page.getByRole('button', { name: 'Bộ lọc' }).click();
        await page.locator('[role="combobox"]').first().click();
      },
      'article form': async () => {
        await page.keyboard.press('Escape');
        await page.goto(`${ARTICLES}/create`);
        await page.locator('input[name="title"]').waitFor();
      },
      'unit picker': async () => {
        await page.locator('[name="unit"]').click();
        await page.locator('[role="option"]').first().waitFor();
        await page.waitForTimeout(500);
        unitOptions = await page.locator('[role="option"]').allInnerTexts();
      },
      'cover and the media library dialog': async () => {
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Chưa có mục nào. Nhấn để thêm.' }).first().click();
        await page.getByText('Nhấn để thêm tệp hoặc kéo và thả tệp vào vùng này').first().click();
        await page.getByRole('dialog').waitFor();
        await page.waitForTimeout(800);
      },
      'publish refused': async () => {
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
        await page.getByText(/Vui lòng sửa rồi thử lại/).first().waitFor();
      },
      'media library': async () => {
        await page.goto(`${cms.url}/admin/plugins/upload`);
        await page.getByRole('heading', { level: 1 }).waitFor();
      },
    });
    expect(found).toEqual([]);
    // The unit picker: current Vietnamese units, no English translation, no unit merged away.
    const former = ((await cms.strapi.db.query('api::unit.unit').findMany({ where: { active: false }, select: ['name'] })) as { name: string }[]).map((u) => u.name);
    const english = ((await cms.strapi.db.query('api::unit.unit').findMany({ where: { locale: 'en' }, select: ['name'] })) as { name: string }[]).map((u) => u.name);
    expect(former.length).toBeGreaterThan(0);
    expect(english.length).toBeGreaterThan(0);
    const names = unitOptions.map((o) => o.split('\n')[0]!.trim()).filter((o) => o !== 'Tạo quan hệ');
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      expect(former, name).not.toContain(name);
      expect(english, name).not.toContain(name);
    }
    await context.close();
  });
});

describe('a reporter in the admin', () => {
  it('meets no English and no site administration figures on the screens of the day', async () => {
    const { context, page } = await signIn('phongvien@thads-hungyen.example', 'PhongVien@2026');
    const found = await scanScreens(page, {
      home: async () => {
        await page.goto(`${cms.url}/admin`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForTimeout(1000);
        await page.screenshot({ path: path.join(SHOTS, 'reporter-home-1440.png') });
      },
      'article list': async () => {
        await page.goto(`${cms.url}/admin/content-manager/collection-types/api::article.article`);
        await page.getByRole('button', { name: 'Bộ lọc' }).waitFor();
      },
      'article form': async () => {
        await page.goto(`${cms.url}/admin/content-manager/collection-types/api::article.article/create`);
        await page.locator('input[name="title"]').waitFor();
      },
      'media library': async () => {
        await page.goto(`${cms.url}/admin/plugins/upload`);
        await page.getByRole('heading', { level: 1 }).waitFor();
      },
    });
    expect(found).toEqual([]);
    await page.goto(`${cms.url}/admin`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(1000);
    const home = await page.locator('body').innerText();
    expect(home).toMatch(/Mục sửa gần đây|Chỉnh sửa gần đây|gần đây/i);
    expect(home).not.toMatch(/Webhook|Token API/);
    await context.close();
  });
});

describe('a reporter writes, an editor approves', () => {
  it('the reporter drafts an article with a photo and sends it for review; the editor publishes it from the queue', async () => {
    const title = 'Phòng khu vực 1 chi trả tiền cho người được thi hành án';
    const photo = path.join(SHOTS, 'anh-hien-truong.jpg');
    fs.writeFileSync(photo, await phoneJpeg({ width: 1200, height: 800 }));

    const reporter = await signIn('phongvien@thads-hungyen.example', 'PhongVien@2026');
    const page = reporter.page;
    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::article.article/create`);
    await page.locator('input[name="title"]').pressSequentially(title);
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.type('Sáng nay, Phòng Thi hành án dân sự khu vực 1 đã chi trả tiền cho 12 người được thi hành án.');
    await page.locator('[name="format"]').click();
    await page.locator('[role="option"]:not([aria-disabled="true"])').first().click();
    // A cover photo, uploaded from the reporter's computer through the media library, with its description.
    await page.getByRole('button', { name: 'Chưa có mục nào. Nhấn để thêm.' }).first().click();
    await page.getByText('Nhấn để thêm tệp hoặc kéo và thả tệp vào vùng này').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Thêm tệp mới' }).click();
    await page.locator('input[type="file"]').first().setInputFiles(photo);
    await dialog.getByRole('button', { name: /Tải 1 tệp lên thư viện/ }).click();
    await dialog.getByRole('button', { name: 'Hoàn tất' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[name="cover.alt"]').fill('Cán bộ Phòng Thi hành án dân sự khu vực 1 trao tiền cho người dân tại quầy tiếp nhận.');
    const draft = await saved(page);
    expect(draft.slug).toBe(slugify(title));
    await page.screenshot({ path: path.join(SHOTS, 'reporter-article-form-1440.png') });

    // A reporter never publishes: "Gửi duyệt" stands where "Xuất bản" would be.
    await expect.poll(() => page.getByRole('button', { name: 'Xuất bản', exact: true }).count(), { timeout: 15_000 }).toBe(0);
    await page.getByRole('button', { name: 'Gửi duyệt', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByText(/Đã gửi duyệt/).first().waitFor();
    // …nor opens the citizens' inbox.
    await cms.strapi.documents('api::citizen-question.citizen-question').create({ data: { trackingCode: 'HD-ADMIN01', name: 'Nguyễn Văn Bình', question: 'Xin hỏi thủ tục nhận tiền thi hành án?', state: 'received' } as any });
    const questions = ['HD-ADMIN01', 'Nguyễn Văn Bình', 'Xin hỏi thủ tục nhận tiền thi hành án?'];
    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::citizen-question.citizen-question`);
    await page.getByText('Bạn không có quyền truy cập nội dung này').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'reporter-inbox-refused-1440.png') });
    const shown = await page.locator('body').innerText();
    expect(shown).toContain('Bạn không có quyền truy cập nội dung này');
    for (const code of questions) expect(shown).not.toContain(code);
    expect((await api(cms.url, `/api/articles?filters[slug][$eq]=${draft.slug}`)).body.data).toEqual([]);
    await reporter.context.close();

    const editor = await signIn('bientap@thads-hungyen.example', 'BienTap@2026');
    await editor.page.goto(`${cms.url}/admin/hang-cho-duyet`);
    await editor.page.getByRole('heading', { level: 1 }).waitFor();
    await editor.page.waitForTimeout(1500);
    await editor.page.screenshot({ path: path.join(SHOTS, 'editor-review-queue-1440.png'), fullPage: true });
    // The reporter's article leads the queue (before the legal-basis reviews the seed left there).
    const first = editor.page.getByRole('heading', { level: 2 }).first();
    await expect.poll(() => first.innerText(), { timeout: 15_000 }).toBe(title);
    const card = editor.page.locator('div').filter({ has: editor.page.getByRole('heading', { name: title }) }).filter({ has: editor.page.getByRole('button', { name: 'Xuất bản' }) }).last();
    await card.getByRole('button', { name: 'Xuất bản' }).click();
    await editor.page.getByRole('dialog').getByRole('button', { name: /Xuất bản/ }).click();
    await expect
      .poll(async () => (await api(cms.url, `/api/articles?filters[slug][$eq]=${draft.slug}`)).body?.data?.[0]?.cover?.image?.mime, { timeout: 30_000 })
      .toBe('image/jpeg');
    await editor.context.close();
  });
});

describe("an editor answers a citizen's question", () => {
  it('turns it into a draft Q&A from the inbox, which the public cannot read until it is published', async () => {
    const question = await cms.strapi.documents('api::citizen-question.citizen-question').create({
      data: { trackingCode: 'HD-HOIDAP1', name: 'Trần Thị Hoa', email: 'hoa@example.com', question: 'Chồng cũ không cấp dưỡng nuôi con đã 6 tháng thì tôi phải làm gì để được thi hành án?', answer: 'Chị làm đơn yêu cầu thi hành án gửi cơ quan thi hành án dân sự nơi người phải thi hành án cư trú; có thể đề nghị khấu trừ thu nhập hằng tháng.', state: 'assigned' } as any,
    });
    const { context, page } = await signIn('bientap@thads-hungyen.example', 'BienTap@2026');
    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::citizen-question.citizen-question/${question.documentId}`);
    await page.getByRole('button', { name: 'Tạo bài giải đáp' }).click();
    await page.getByText('Đã tạo bản nháp giải đáp pháp luật').first().waitFor();
    await page.waitForURL(/api::legal-qa\.legal-qa\/[a-z0-9]+/);
    const documentId = /legal-qa\/([a-z0-9]+)/.exec(page.url())![1]!;
    const qa = await cms.strapi.documents('api::legal-qa.legal-qa').findOne({ documentId, status: 'draft' });
    expect(JSON.stringify(qa)).toContain('không cấp dưỡng nuôi con');
    // Anonymised, and not public: the draft is nowhere in the API for anyone Strapi did not authenticate.
    expect(JSON.stringify(qa)).not.toContain('Trần Thị Hoa');
    for (const auth of [undefined, 'x', 'Bearer a b']) {
      const res = await fetch(`${cms.url}/API/legal-qas?status=draft&pagination[pageSize]=100&sort=updatedAt:desc`, { headers: auth ? { authorization: auth } : {} });
      expect(await res.text()).not.toContain('không cấp dưỡng nuôi con');
    }
    await page.screenshot({ path: path.join(SHOTS, 'editor-qa-from-question-1440.png') });
    await context.close();
  });
});

