/**
 * Content loader of the list of debtors without means to execute (/danh-sach-chua-co-dieu-kien-thi-hanh/).
 * Entries have no slug: they are stored by documentId. The CMS's public API only ever returns entries that
 * are published and still listed, so a resolved entry leaves the store (and the pages) at the next build.
 * Preview builds (THADS_PREVIEW) and types-only syncs (THADS_TYPES_ONLY) load nothing.
 */
import type { Loader } from 'astro/loaders';
import { debtorListingSchema } from '@thads/shared';
import { fetchAll } from './strapi.ts';

export function debtorListingsLoader(): Loader {
  return {
    name: 'strapi:debtor-listings',
    async load({ store, logger, generateDigest }) {
      if (process.env.THADS_TYPES_ONLY || process.env.THADS_PREVIEW) return;
      const items = await fetchAll('debtor-listings', debtorListingSchema);
      const seen = new Set<string>();
      for (const item of items) {
        seen.add(item.documentId);
        store.set({ id: item.documentId, data: item as Record<string, unknown>, digest: `${item.updatedAt}|${generateDigest(item as Record<string, unknown>)}` });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${items.length} mục từ Strapi`);
    },
  };
}
