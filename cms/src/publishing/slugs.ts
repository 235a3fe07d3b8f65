/**
 * Addresses made from titles. Every item with a slug gets the slug of its title (đ → d, no diacritics,
 * unique) without anyone touching the slug field:
 *  - on create, an empty slug, or the admin's placeholder (the type's name, "article", "article-2"…), is made
 *    from the title;
 *  - while an item has never been published, its slug follows its title: an edit of the title changes a slug
 *    that the system made (not one an editor wrote by hand);
 *  - once an item has been published its address never changes by itself (an editor may still change it, and
 *    the old address then keeps answering: former-addresses.ts records it when the new one is published);
 *  - a former address of an item is never given to another item of its type;
 *  - publishing an item without a slug gives it one first;
 *  - an item is never saved without the text its address comes from (an empty form saved by mistake would be
 *    an untitled draft in every list): a ValidationError on that field, shown beside it in the admin.
 * A Document Service middleware (registered in src/index.ts); the admin's own prefill is off because slug fields
 * are not required in the schemas (the admin asks for a default value only for required UID fields).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { slugify, uniqueSlug } from '@thads/shared';
import { isFormerAddress, keepFormerAddresses, publishedSlugs } from './former-addresses';

/** The field each slug is generated from, where it is not the schema's `targetField`. */
const SLUG_SOURCE: Record<string, string> = {
  'api::unit.unit': 'name',
  'api::category.category': 'name',
  'api::topic.topic': 'name',
  'api::district.district': 'name',
  'api::legal-document.legal-document': 'number',
};

export const slugSource = (uid: string, attributes: Record<string, any>) => (attributes.slug?.type === 'uid' ? (SLUG_SOURCE[uid] ?? attributes.slug.targetField ?? 'title') : null);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `slug` is one the system made: from `title` (with a -N suffix), or the admin's placeholder (the type's name). */
export function isAutomaticSlug(slug: string | null | undefined, title: string | null | undefined, typeName: string): boolean {
  if (!slug) return true;
  const bases = [slugify(title ?? '') || 'bai-viet', typeName];
  return bases.some((base) => new RegExp(`^${escapeRegExp(base)}(-\\d+)?$`).test(slug));
}

export function slugMiddleware(strapi: Core.Strapi) {
  const taken = (uid: string, documentId?: string) => async (candidate: string) =>
    Boolean(await strapi.db.query(uid as any).findOne({ where: { slug: candidate, ...(documentId ? { documentId: { $ne: documentId } } : {}) }, select: ['id'] })) ||
    (await isFormerAddress(strapi, uid, candidate, documentId));
  const make = (uid: string, title: string, documentId?: string) => uniqueSlug(slugify(title), taken(uid, documentId));

  const decide = async (context: any, next: () => Promise<any>) => {
    const { uid, action } = context;
    if (!uid.startsWith('api::') || !['create', 'update', 'publish'].includes(action)) return next();
    const model = strapi.contentType(uid);
    const source = slugSource(uid, model?.attributes ?? {});
    if (!source) return next();
    const typeName = (model.info as { singularName: string }).singularName;
    const documentId: string | undefined = context.params?.documentId;
    const locale = context.params?.locale;
    const where = (published: boolean) => ({ documentId, publishedAt: published ? { $notNull: true } : { $null: true }, ...(locale && locale !== '*' && model.pluginOptions?.i18n ? { locale } : {}) });

    const data = context.params?.data;
    const blank = (v: unknown) => typeof v !== 'string' || !v.trim();
    if (data && (action === 'create' ? blank(data[source]) : source in data && blank(data[source]))) {
      const label = source === 'number' ? 'số hiệu' : source === 'name' ? 'tên' : 'tiêu đề';
      throw new errors.ValidationError(`Nhập ${label} trước khi lưu.`, { errors: [{ path: [source], message: `Nhập ${label} trước khi lưu.`, name: 'ValidationError' }] });
    }

    if (action === 'create') {
      if (data && (!data.slug || isAutomaticSlug(data.slug, '', typeName)) && typeof data[source] === 'string' && data[source].trim()) data.slug = await make(uid, data[source]);
      return next();
    }
    if (!documentId) return next();
    if (action === 'publish') {
      const draft = await strapi.db.query(uid as any).findOne({ where: where(false), select: ['id', 'slug', source] });
      if (draft && !draft.slug && typeof draft[source] === 'string' && draft[source].trim()) {
        await strapi.db.query(uid as any).update({ where: { id: draft.id }, data: { slug: await make(uid, draft[source], documentId) } });
      }
      return next();
    }
    // update: nothing to decide when neither the title nor the address is written (most updates made by code).
    if (!data || !(source in data || 'slug' in data)) return next();
    const current = await strapi.db.query(uid as any).findOne({ where: where(false), select: ['slug', source] });
    const everPublished = Boolean(await strapi.db.query(uid as any).count({ where: where(true) }));
    const title = typeof data[source] === 'string' ? data[source] : current?.[source];
    const asked = 'slug' in data ? data.slug : current?.slug;
    if (everPublished) {
      // A published item's address changes only when an editor writes a new one.
      if ('slug' in data && !data.slug) data.slug = current?.slug ?? (title ? await make(uid, title, documentId) : data.slug);
      return next();
    }
    const untouched = !asked || asked === current?.slug || isAutomaticSlug(asked, '', typeName);
    if (untouched && isAutomaticSlug(current?.slug, current?.[source], typeName) && typeof title === 'string' && title.trim()) {
      const wanted = slugify(title) || 'bai-viet';
      if (!current?.slug || !new RegExp(`^${escapeRegExp(wanted)}(-\\d+)?$`).test(current.slug)) data.slug = await make(uid, title, documentId);
      else if ('slug' in data && !data.slug) data.slug = current.slug;
    }
    return next();
  };

  return async (context: any, next: () => Promise<any>) => {
    const { uid, action, params } = context;
    const documentId: string | undefined = params?.documentId;
    // A publish (or a save that publishes) may replace the published address: keep the old one answering.
    const publishes = action === 'publish' || (action === 'update' && params?.status === 'published');
    if (!publishes || !documentId || !uid?.startsWith('api::') || !slugSource(uid, strapi.contentType(uid)?.attributes ?? {})) return decide(context, next);
    const before = await publishedSlugs(strapi, uid, documentId);
    const result = await decide(context, next);
    if (before.size) await keepFormerAddresses(strapi, uid, documentId, before, await publishedSlugs(strapi, uid, documentId));
    return result;
  };
}
