/**
 * Content loaders of the English versions (Strapi locale "en") of the units and the site settings, for the
 * English pages (src/data/english.ts). Units are stored by documentId: the English pages take the list, the
 * slugs and the structure from the Vietnamese units and only the text from these. Both are small and read in
 * full whenever the Vietnamese units or settings would be (a change to a unit or a single type is never a
 * "leaf" change, see build/changes.ts).
 */
import type { Loader } from 'astro/loaders';
import { siteSettingSchema, unitSchema } from '@thads/shared';
import { parseChanges } from '../build/changes.ts';
import { fetchAll, fetchSingle, StrapiError } from './strapi.ts';

export const ENGLISH_LOCALE = 'en';

const typesOnly = () => Boolean(process.env.THADS_TYPES_ONLY);
/** Reuse the stored entries when the publisher says only leaf collections changed. */
const reuse = (stored: number) => stored > 0 && !parseChanges(process.env.THADS_CHANGES).full;

export function englishUnitsLoader(): Loader {
  return {
    name: 'strapi:units:en',
    async load({ store, logger, generateDigest }) {
      if (typesOnly() || reuse(store.keys().length)) return;
      const items = await fetchAll('units', unitSchema, { locale: ENGLISH_LOCALE });
      store.clear();
      for (const item of items) store.set({ id: item.documentId, data: item, digest: `${item.updatedAt}|${generateDigest(item)}` });
      logger.info(`${items.length} đơn vị có bản tiếng Anh`);
    },
  };
}

export function englishSiteSettingLoader(): Loader {
  return {
    name: 'strapi:site-setting:en',
    async load({ store, logger, generateDigest }) {
      if (typesOnly() || reuse(store.keys().length)) return;
      try {
        const item = await fetchSingle('site-setting', siteSettingSchema, { locale: ENGLISH_LOCALE });
        store.set({ id: 'main', data: item, digest: `${item.updatedAt}|${generateDigest(item)}` });
      } catch (error) {
        // No English version of the settings yet: the English pages show the Vietnamese ones.
        if (!(error instanceof StrapiError && error.kind === 'http' && /HTTP 404/.test(error.message))) throw error;
        store.clear();
        logger.info('"Cài đặt trang" chưa có bản tiếng Anh');
      }
    },
  };
}
