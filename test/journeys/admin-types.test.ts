/**
 * Every public type with its own page, created in the real admin by typing and clicking as an editor does
 * (headless Chromium, the built admin panel): the title, every required field of the type (texts, choices,
 * rich text, dates, the organisation of an auction), save, publish; the public API then serves the item at
 * the address of its title. Retitled after publication, the address stays; unpublished from the edit view,
 * it leaves the public API. The fields to fill are read from the type's schema, so a new required field is
 * filled too (or the journey says which one it could not fill).
 * About four minutes on two cores: outside `npm test`'s ten-minute budget, in `npm run test:journeys`, which
 * .ci/run runs after `npm test`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { slugify } from '@thads/shared';
import { ensureAdminBuild } from '../../site/publisher/admin-build.ts';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { launchChromium } from '../e2e/browser.ts';

let cms: TestStrapi;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureAdminBuild({ stdio: 'ignore' });
  cms = await startStrapi({ seed: true, env: { SERVE_ADMIN_PANEL: 'true' } });
  browser = await launchChromium();
  // One sign-in for the whole journey (the admin limits repeated logins).
  page = await signIn();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

const TYPES = process.env.TYPES ? process.env.TYPES.split(',') : ['legal-qa', 'story', 'press-release', 'correction', 'announcement', 'legal-document', 'gallery', 'enforcement-notice', 'auction-notice', 'unit', 'category', 'topic'];
const SOURCE: Record<string, string> = { unit: 'name', category: 'name', topic: 'name', 'legal-document': 'number' };

async function signIn(): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${cms.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill('bientap@thads-hungyen.example');
  await page.locator('input[name="password"]').fill('BienTap@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  return page;
}

/** The label the edit form shows for a field (the Content Manager's configuration, set in bootstrap/field-labels.ts). */
async function labelOf(uid: string, field: string): Promise<string> {
  const cm = cms.strapi.plugin('content-manager');
  const conf = await cm.service('content-types').findConfiguration(cm.service('content-types').findContentType(uid));
  return conf.metadatas[field].edit.label as string;
}

/** The field's own box in the form: the innermost element holding its label and an input of the kind wanted. */
const fieldBox = (page: Page, label: string, inner: string) => page.locator('div').filter({ has: page.locator('label', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`) }) }).filter({ has: page.locator(inner) }).last();

async function chooseFirst(page: Page, name: string) {
  await page.locator(`[name="${name}"]`).click();
  await page.locator('[role="option"]:not([aria-disabled="true"])').filter({ hasNotText: 'Tạo quan hệ' }).first().click();
}

/** Fills every required field of `uid` but its title, as an editor would. */
async function fillRequired(page: Page, uid: string, source: string, title: string): Promise<string[]> {
  const unfilled: string[] = [];
  const attributes = cms.strapi.contentTypes[uid].attributes as Record<string, any>;
  for (const [field, attr] of Object.entries(attributes)) {
    if (!attr.required || field === source || field === 'slug') continue;
    if (field === 'title') await page.locator('input[name="title"]').fill(title);
    else if (attr.type === 'string' || attr.type === 'text') await page.locator(`[name="${field}"]`).fill(`Nội dung thử của trường ${field}`);
    else if (attr.type === 'biginteger' || attr.type === 'integer') await page.locator(`[name="${field}"]`).fill('1500000000');
    else if (attr.type === 'enumeration' || attr.type === 'relation') await chooseFirst(page, field);
    else if (attr.type === 'blocks') {
      await fieldBox(page, await labelOf(uid, field), '[contenteditable="true"]').locator('[contenteditable="true"]').first().click();
      await page.keyboard.type('Nội dung soạn trong trình soạn thảo.');
    } else if (attr.type === 'datetime' || attr.type === 'date') {
      const box = fieldBox(page, await labelOf(uid, field), '[aria-label="Chọn ngày"]');
      const date = box.getByRole('combobox', { name: 'Chọn ngày' });
      await date.click();
      await date.fill('20/12/2030');
      await date.press('Enter');
      if (attr.type === 'datetime') {
        const time = box.getByRole('combobox', { name: 'Chọn giờ' });
        await time.click();
        await page.locator('[role="option"]').nth(36).click();
      }
    } else if (attr.type === 'component' && !attr.repeatable) {
      const sub = cms.strapi.components[attr.component].attributes as Record<string, any>;
      for (const [name, a] of Object.entries(sub)) if (a.required && (a.type === 'string' || a.type === 'text')) await page.locator(`[name="${field}.${name}"]`).fill(`Tổ chức đấu giá thử (${name})`);
    } else unfilled.push(`${field} (${attr.type})`);
  }
  return unfilled;
}

async function save(page: Page, uid: string) {
  const done = page.waitForResponse((res) => res.url().includes(`/content-manager/collection-types/${uid}`) && ['POST', 'PUT'].includes(res.request().method()), { timeout: 30_000 });
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const res = await done;
  expect(res.status(), (await res.text()).slice(0, 400)).toBeLessThan(300);
  return (await res.json()).data as { documentId: string; slug: string };
}

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  const confirm = page.getByRole('alertdialog').getByRole('button', { name: /Xuất bản|Xác nhận|Đồng ý/ });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
}

describe('an editor, through every public type', () => {
  it.each(TYPES)('creates, publishes, retitles and unpublishes a %s by typing and clicking', async (type) => {
    const uid = `api::${type}.${type}`;
    const plural = (cms.strapi.contentTypes[uid].info as { pluralName: string }).pluralName;
    const source = SOURCE[type] ?? 'title';
    const title = source === 'number' ? `27/2026/QĐ-UBND` : `Đợt cao điểm thi hành án cuối năm ở Đông Hưng (${type})`;
    {
      await page.goto(`${cms.url}/admin/content-manager/collection-types/${uid}/create`);
      const input = page.locator(`input[name="${source}"]`);
      await input.waitFor();
      expect(await page.locator('input[name="slug"]').inputValue()).toBe('');
      // A yes/no field reads "Có" / "Không" (a unit "Đang hoạt động: Có"), not "Đúng" / "Sai".
      if (Object.values(cms.strapi.contentTypes[uid].attributes as Record<string, any>).some((a) => a.type === 'boolean')) {
        await page.getByText('Không', { exact: true }).first().waitFor();
        expect(await page.getByText(/^(Đúng|Sai)$/).count()).toBe(0);
      }
      await input.pressSequentially(title);
      expect(await fillRequired(page, uid, source, `Văn bản thử ${type}`)).toEqual([]);
      const draft = await save(page, uid);
      expect(draft.slug).toBe(slugify(title));
      await page.waitForURL(new RegExp(`/${draft.documentId}`));

      await publish(page);
      const live = async () => (await api(cms.url, `/api/${plural}?filters[slug][$eq]=${encodeURIComponent(draft.slug)}`)).body?.data?.[0]?.documentId;
      await expect.poll(live, { timeout: 30_000 }).toBe(draft.documentId);

      // Retitled after publication: the address stays.
      await input.fill(`${title} (sửa)`);
      expect((await save(page, uid)).slug).toBe(draft.slug);

      // Unpublished from the edit view: off the public API.
      await page.getByRole('button', { name: 'Thao tác khác với mục' }).click();
      await page.getByRole('menuitem').first().waitFor();
      await page.getByRole('menuitem', { name: 'Gỡ xuất bản', exact: true }).click();
      const confirm = page.getByRole('alertdialog').getByRole('button', { name: /Xác nhận|Đồng ý|Gỡ/ });
      if (await confirm.isVisible().catch(() => false)) await confirm.click();
      await expect.poll(live, { timeout: 30_000 }).toBeUndefined();
    }
  });
});
