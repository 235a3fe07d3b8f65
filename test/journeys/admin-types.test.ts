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
import { fillRequired, publish, save, signIn, SOURCE } from './admin-form.ts';

let cms: TestStrapi;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureAdminBuild({ stdio: 'ignore' });
  cms = await startStrapi({ seed: true, env: { SERVE_ADMIN_PANEL: 'true' } });
  browser = await launchChromium();
  // One sign-in for the whole journey (the admin limits repeated logins).
  page = await signIn(browser, cms.url);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

const TYPES = process.env.TYPES ? process.env.TYPES.split(',') : ['legal-qa', 'story', 'press-release', 'correction', 'announcement', 'legal-document', 'gallery', 'enforcement-notice', 'auction-notice', 'unit', 'category', 'topic'];

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
      expect(await fillRequired(page, cms, uid, source, `Văn bản thử ${type}`)).toEqual([]);
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
