/**
 * Content collections filled at build time from Strapi through the one client (src/lib/strapi.ts).
 * Entries are already parsed by the shared zod schemas there; the same schemas give the collections their
 * types. Pages read these collections (getCollection/getEntry), never the network.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import {
  announcementSchema,
  articleSchema,
  categorySchema,
  correctionSchema,
  gallerySchema,
  legalDocumentSchema,
  legalQaSchema,
  pressReleaseSchema,
  siteSettingSchema,
  spokespersonSchema,
  storySchema,
  topicSchema,
  unitSchema,
} from '@thads/shared';
import { fetchAll, fetchSingle } from './lib/strapi.ts';

type Document = { documentId: string; slug: string; updatedAt: string };

/**
 * `npm run typecheck -w site` runs `astro sync` to generate the collections' types on a machine with no CMS
 * running (a fresh clone, CI): with THADS_TYPES_ONLY set, the loaders leave the store as it is.
 */
const typesOnly = Boolean(process.env.THADS_TYPES_ONLY);

/**
 * Every published entry of a collection type, stored under its slug. The digest starts with `updatedAt`
 * but also covers the populated relations: an entry's `updatedAt` does not move when, say, a legal
 * document it cites is amended, and the page must then change. Entries gone from Strapi (unpublished,
 * deleted) are removed from the store, which otherwise survives between builds.
 */
function strapiCollection<S extends z.ZodType<Document>>(path: string, schema: S): Loader {
  return {
    name: `strapi:${path}`,
    async load({ store, logger, generateDigest }) {
      if (typesOnly) return;
      const items = await fetchAll(path, schema);
      const seen = new Map<string, string>();
      for (const item of items) {
        if (!item.slug) {
          throw new Error(`"${path}" (documentId ${item.documentId}) không có slug nên không tạo được trang. / "${path}" entry ${item.documentId} has no slug.`);
        }
        const other = seen.get(item.slug);
        if (other) {
          throw new Error(`"${path}": hai mục trùng slug "${item.slug}" (documentId ${other} và ${item.documentId}). / Two "${path}" entries share the slug "${item.slug}".`);
        }
        seen.set(item.slug, item.documentId);
        store.set({ id: item.slug, data: item as Record<string, unknown>, digest: `${item.updatedAt}|${generateDigest(item as Record<string, unknown>)}` });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${items.length} mục từ Strapi`);
    },
  };
}

/** A single type, stored under the id "main". */
function strapiSingle<S extends z.ZodType<{ updatedAt: string }>>(path: string, schema: S): Loader {
  return {
    name: `strapi:${path}`,
    async load({ store, generateDigest }) {
      if (typesOnly) return;
      const item = (await fetchSingle(path, schema)) as Record<string, unknown> & { updatedAt: string };
      store.set({ id: 'main', data: item, digest: `${item.updatedAt}|${generateDigest(item)}` });
    },
  };
}

export const collections = {
  articles: defineCollection({ loader: strapiCollection('articles', articleSchema), schema: articleSchema }),
  legalQas: defineCollection({ loader: strapiCollection('legal-qas', legalQaSchema), schema: legalQaSchema }),
  stories: defineCollection({ loader: strapiCollection('stories', storySchema), schema: storySchema }),
  pressReleases: defineCollection({ loader: strapiCollection('press-releases', pressReleaseSchema), schema: pressReleaseSchema }),
  corrections: defineCollection({ loader: strapiCollection('corrections', correctionSchema), schema: correctionSchema }),
  announcements: defineCollection({ loader: strapiCollection('announcements', announcementSchema), schema: announcementSchema }),
  legalDocuments: defineCollection({ loader: strapiCollection('legal-documents', legalDocumentSchema), schema: legalDocumentSchema }),
  galleries: defineCollection({ loader: strapiCollection('galleries', gallerySchema), schema: gallerySchema }),
  units: defineCollection({ loader: strapiCollection('units', unitSchema), schema: unitSchema }),
  categories: defineCollection({ loader: strapiCollection('categories', categorySchema), schema: categorySchema }),
  topics: defineCollection({ loader: strapiCollection('topics', topicSchema), schema: topicSchema }),
  siteSetting: defineCollection({ loader: strapiSingle('site-setting', siteSettingSchema), schema: siteSettingSchema }),
  spokesperson: defineCollection({ loader: strapiSingle('spokesperson', spokespersonSchema), schema: spokespersonSchema }),
};
