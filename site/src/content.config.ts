/**
 * Content collections filled at build time from Strapi through the one client (src/data/strapi.ts).
 * Entries are already parsed by the shared zod schemas there; the same schemas give the collections their
 * types. Pages read these collections (getCollection/getEntry), never the network.
 */
import { writeFileSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z as zod } from 'astro/zod';
import type { z } from 'astro/zod';
import { intakePolicySchema, PUBLIC_MODELS } from '@thads/shared';
import { changedEntries, parseChanges } from './build/changes.ts';
import { fetchAll, fetchDraft, fetchSingle } from './data/strapi.ts';
import { debtorListingSchema, siteSettingSchema, unitSchema } from '@thads/shared';
import { debtorListingsLoader } from './data/debtor-loader.ts';
import { englishSiteSettingLoader, englishUnitsLoader } from './data/english-loaders.ts';
import { enforcementStatSchema } from '@thads/shared';

type Document = { documentId: string; slug: string; updatedAt: string };

/**
 * `npm run typecheck -w site` runs `astro sync` to generate the collections' types on a machine with no CMS
 * running (a fresh clone, CI): with THADS_TYPES_ONLY set, the loaders leave the store as it is.
 */
const typesOnly = Boolean(process.env.THADS_TYPES_ONLY);

/**
 * A preview build (site/publisher/preview.ts) sets THADS_PREVIEW="<api path>:<documentId>": that collection
 * then holds only the draft of that entry, read with the publisher's secret; the small collections every page
 * needs (units, categories, topics) and the single types load as usual, and the other collections stay empty,
 * so the build renders the draft's page with the site's own templates in a few seconds. The path of the page
 * is written to THADS_PREVIEW_RESULT for the publisher.
 */
const preview = (() => {
  const [type, id] = (process.env.THADS_PREVIEW ?? '').split(':');
  return type && id ? { type, id } : null;
})();
const PREVIEW_FULL = new Set(['units', 'categories', 'topics', 'districts']);

/** What this build must read again (the publisher's events; everything when run by hand): build/changes.ts. */
const changes = parseChanges(process.env.THADS_CHANGES);
const lightEntry = zod.object({ documentId: zod.string(), slug: zod.string(), updatedAt: zod.string() });

/**
 * The entries of `path` now, reading only what changed since the store was filled: a light index of every
 * published entry (documentId, slug, updatedAt), then the new or changed ones in full, 50 at a time; the others
 * come from the store.
 */
async function incremental<S extends z.ZodType<Document>>(path: string, schema: S, stored: (slug: string) => z.output<S> | undefined) {
  const index = await fetchAll(path, lightEntry, { fields: ['slug', 'updatedAt'] });
  const changed = changedEntries(index, (slug) => stored(slug));
  const fresh = new Map<string, z.output<S>>();
  for (let i = 0; i < changed.length; i += 50) {
    const ids = changed.slice(i, i + 50).map((e) => e.documentId);
    for (const item of await fetchAll(path, schema, { filters: { documentId: { $in: ids } } })) fresh.set(item.documentId, item);
  }
  return { items: index.map((e) => fresh.get(e.documentId) ?? (stored(e.slug) as z.output<S>)).filter(Boolean), changed: changed.length };
}

/**
 * The entries of `path` now when the events name the entries that changed (`ids`): those are read again (the
 * published version, or nothing when unpublished or deleted) and every other entry comes from the store. A
 * missed event is caught by the next full build (PUBLISHER_FULL_BUILD_HOURS).
 */
async function byIds<S extends z.ZodType<Document>>(path: string, schema: S, ids: Set<string>, stored: () => z.output<S>[]) {
  const fresh = await fetchAll(path, schema, { filters: { documentId: { $in: [...ids] } } });
  return { items: [...stored().filter((e) => !ids.has(e.documentId)), ...fresh], changed: fresh.length };
}

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
      let items: z.output<S>[];
      if (preview && preview.type === path) {
        const draft = await fetchDraft(path, preview.id, schema);
        items = [draft];
        if (process.env.THADS_PREVIEW_RESULT) writeFileSync(process.env.THADS_PREVIEW_RESULT, JSON.stringify({ type: path, slug: draft.slug }));
      } else if (preview && !PREVIEW_FULL.has(path)) {
        items = [];
      } else if (!changes.full && store.keys().length > 0) {
        if (!changes.collections.has(path)) {
          logger.info('không thay đổi, dùng lại kho nội dung');
          return;
        }
        const ids = changes.ids?.get(path);
        const result = ids
          ? await byIds(path, schema, ids, () => store.values().map((e) => e.data as z.output<S>))
          : await incremental(path, schema, (slug) => store.get(slug)?.data as z.output<S> | undefined);
        items = result.items;
        logger.info(`đọc lại ${result.changed} mục đã thay đổi`);
      } else {
        items = await fetchAll(path, schema);
      }
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
      // Single types are not leaf types: an event about one always makes a full read.
      if (!preview && !changes.full && store.keys().length > 0) return;
      const item = (await fetchSingle(path, schema)) as Record<string, unknown> & { updatedAt: string };
      store.set({ id: 'main', data: item, digest: `${item.updatedAt}|${generateDigest(item)}` });
    },
  };
}

type Models = (typeof PUBLIC_MODELS)[number];
/** Public types read by a loader of their own, below (no slug). */
const OWN_LOADER = ['enforcementStats', 'debtorListings'] as const;
type Standard = Exclude<Models, { collection: (typeof OWN_LOADER)[number] }>;

/** A collection per public type, from its model: a slug-keyed collection, or the "main" entry of a single type. */
function modelCollections() {
  const out: Record<string, unknown> = {};
  for (const model of PUBLIC_MODELS) {
    if ((OWN_LOADER as readonly string[]).includes(model.collection)) continue;
    const schema = model.schema as unknown as z.ZodType<Document>;
    out[model.collection] = defineCollection({ loader: model.kind === 'single' ? strapiSingle(model.path, schema) : strapiCollection(model.path, schema), schema: model.schema });
  }
  return out as { [M in Standard as M['collection']]: { loader: Loader; schema: M['schema'] } };
}

export const collections = {
  ...modelCollections(),
  // English versions (locale "en") of the units (by documentId) and the site settings, for /en/ (data/english.ts).
  unitsEn: defineCollection({ loader: englishUnitsLoader(), schema: unitSchema }),
  siteSettingEn: defineCollection({ loader: englishSiteSettingLoader(), schema: siteSettingSchema }),
  // The CMS's retention and rate-limit settings, stated by the privacy notice (/bao-ve-du-lieu-ca-nhan/); always read.
  intakePolicy: defineCollection({
    loader: {
      name: 'strapi:intake-policy',
      async load({ store, generateDigest }) {
        if (typesOnly) return;
        const data = await fetchSingle('intake/policy', intakePolicySchema);
        store.set({ id: 'main', data, digest: generateDigest(data) });
      },
    },
    schema: intakePolicySchema,
  }),
  // Enforcement statistics (/so-lieu/) have no slug: one entry per year, province-wide or per unit.
  enforcementStats: defineCollection({
    loader: {
      name: 'strapi:enforcement-stats',
      async load({ store, generateDigest }) {
        if (typesOnly) return;
        store.clear();
        for (const item of await fetchAll('enforcement-stats', enforcementStatSchema)) {
          store.set({ id: `${item.year}-${item.unit?.slug ?? 'toan-tinh'}`, data: item, digest: `${item.updatedAt}|${generateDigest(item)}` });
        }
      },
    },
    schema: enforcementStatSchema,
  }),
  // The list of debtors without means to execute (/danh-sach-chua-co-dieu-kien-thi-hanh/): no slug, stored by documentId.
  debtorListings: defineCollection({ loader: debtorListingsLoader(), schema: debtorListingSchema }),
};
