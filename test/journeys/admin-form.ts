/**
 * The edit form of the Content Manager as an editor fills it (the journeys in this folder): sign in, choose in
 * a picker, fill every required field of a type, save, publish. The fields to fill are read from the type's
 * schema, so a new required field is filled too (or `fillRequired` says which one it could not fill).
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestStrapi } from '../helpers/strapi.ts';

/** The field that names an item of each type, when it is not `title`. */
export const SOURCE: Record<string, string> = { unit: 'name', category: 'name', topic: 'name', 'legal-document': 'number' };

export async function signIn(browser: Browser, cmsUrl: string, email = 'bientap@thads-hungyen.example', password = 'BienTap@2026'): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${cmsUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  return page;
}

/** The label the edit form shows for a field (the Content Manager's configuration, from cms/src/field-labels.ts). */
async function labelOf(cms: TestStrapi, uid: string, field: string): Promise<string> {
  const cm = cms.strapi.plugin('content-manager');
  const conf = await cm.service('content-types').findConfiguration(cm.service('content-types').findContentType(uid));
  return conf.metadatas[field].edit.label as string;
}

/** The field's own box in the form: the innermost element holding its label and an input of the kind wanted. */
const fieldBox = (page: Page, label: string, inner: string) =>
  page.locator('div').filter({ has: page.locator('label', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`) }) }).filter({ has: page.locator(inner) }).last();

/** Opens a select or relation picker and chooses its first real option; returns the option's text. */
export async function chooseFirst(page: Page, name: string): Promise<string> {
  await page.locator(`[name="${name}"]`).click();
  const option = page.locator('[role="option"]:not([aria-disabled="true"])').filter({ hasNotText: 'Tạo quan hệ' }).first();
  await option.waitFor();
  const text = (await option.innerText()).split('\n')[0]!.trim();
  await option.click();
  return text;
}

/** Fills every required field of `uid` but its naming field `source`, as an editor would; returns those it could not fill. */
export async function fillRequired(page: Page, cms: TestStrapi, uid: string, source: string, title: string): Promise<string[]> {
  const unfilled: string[] = [];
  const attributes = cms.strapi.contentTypes[uid].attributes as Record<string, any>;
  for (const [field, attr] of Object.entries(attributes)) {
    if (!attr.required || field === source || field === 'slug') continue;
    if (field === 'title') await page.locator('input[name="title"]').fill(title);
    else if (attr.type === 'string' || attr.type === 'text') await page.locator(`[name="${field}"]`).fill(`Nội dung thử của trường ${field}`);
    else if (attr.type === 'biginteger' || attr.type === 'integer') await page.locator(`[name="${field}"]`).fill('1500000000');
    else if (attr.type === 'enumeration' || attr.type === 'relation') await chooseFirst(page, field);
    else if (attr.type === 'blocks') {
      await fieldBox(page, await labelOf(cms, uid, field), '[contenteditable="true"]').locator('[contenteditable="true"]').first().click();
      await page.keyboard.type('Nội dung soạn trong trình soạn thảo.');
    } else if (attr.type === 'datetime' || attr.type === 'date') {
      const box = fieldBox(page, await labelOf(cms, uid, field), '[aria-label="Chọn ngày"]');
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

/** "Lưu": the saved entry, once the Content Manager answered. */
export async function save(page: Page, uid: string): Promise<{ documentId: string; slug: string }> {
  const done = page.waitForResponse((res) => res.url().includes(`/content-manager/collection-types/${uid}`) && ['POST', 'PUT'].includes(res.request().method()), { timeout: 30_000 });
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const res = await done;
  expect(res.status(), (await res.text()).slice(0, 400)).toBeLessThan(300);
  return (await res.json()).data;
}

/** "Xuất bản", confirmed when the admin asks. */
export async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  const confirm = page.getByRole('alertdialog').getByRole('button', { name: /Xuất bản|Xác nhận|Đồng ý/ });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
}
