/**
 * English versions (locale "en") of the demo units and site settings, created through the Document Service
 * for the same documents as the Vietnamese ones: Strapi copies the non-localized fields (contacts, kind,
 * order, status) from the Vietnamese version. Re-runnable: a document that has an English version already
 * is left as it is.
 */
import type { Core } from '@strapi/strapi';
import { markdownLiteToBlocks, type SeedData } from '@thads/shared';

export const ENGLISH = 'en';

export async function seedEnglish(
  strapi: Core.Strapi,
  data: SeedData['english'],
  unitIds: Map<string, string>,
  tally: (uid: string, created: boolean) => void,
): Promise<void> {
  const units = strapi.documents('api::unit.unit') as any;
  for (const u of data.units) {
    const documentId = unitIds.get(u.slug);
    if (!documentId) throw new Error(`english.json: units › ${u.slug}: không có đơn vị này trong units.json`);
    if (await units.findOne({ documentId, locale: ENGLISH, fields: ['id'] })) {
      tally('api::unit.unit (en)', false);
      continue;
    }
    const { receptionSchedule, ...fields } = u;
    await units.update({
      documentId,
      locale: ENGLISH,
      data: { ...fields, receptionSchedule: receptionSchedule ? markdownLiteToBlocks(receptionSchedule) : null },
      status: 'published',
    });
    tally('api::unit.unit (en)', true);
  }

  const settings = strapi.documents('api::site-setting.site-setting') as any;
  const vi = await settings.findFirst({ fields: ['id'] });
  if (!vi) return;
  if (await settings.findOne({ documentId: vi.documentId, locale: ENGLISH, fields: ['id'] })) return tally('api::site-setting.site-setting (en)', false);
  const { about, ...fields } = data['site-setting'];
  await settings.update({ documentId: vi.documentId, locale: ENGLISH, data: { ...fields, about: about ? markdownLiteToBlocks(about) : null }, status: 'published' });
  tally('api::site-setting.site-setting (en)', true);
}
