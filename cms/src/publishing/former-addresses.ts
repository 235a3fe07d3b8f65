/**
 * Former addresses. A published item's address changes only when an editor writes a new slug (slugs.ts);
 * when that new slug is published, the old address must keep answering: links in the press, in search
 * engines and in citizens' bookmarks point to it.
 *  - Each publish that changes a published slug records the old one (`api::former-address`, hidden from
 *    the Content Manager); publishing the item at a former address again removes that record.
 *  - A former address stays reserved for its item: a new item of the same type never gets it (slugs.ts).
 *  - GET /api/thads/former-addresses (public) lists, for items published now (embargoes respected),
 *    each former slug with the current one; the site builds a redirecting page at each old address.
 */
import type { Core } from '@strapi/strapi';
import type { FormerAddress } from '@thads/shared';
import { EMBARGOED_TYPES, notEmbargoed } from './embargo';

export const FORMER_UID = 'api::former-address.former-address';

const key = (locale: string | null | undefined) => locale ?? '';

/** The published slug of a document, per locale ('' for a type without locales). */
export async function publishedSlugs(strapi: Core.Strapi, uid: string, documentId: string): Promise<Map<string, string>> {
  const rows: any[] = await strapi.db.query(uid as any).findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['slug', 'locale'] });
  return new Map(rows.filter((r) => r.slug).map((r) => [key(r.locale), r.slug as string]));
}

/** Records the slugs a publish replaced (`before` → `after`, per locale). */
export async function keepFormerAddresses(strapi: Core.Strapi, uid: string, documentId: string, before: Map<string, string>, after: Map<string, string>): Promise<void> {
  const q = strapi.db.query(FORMER_UID as any);
  for (const [locale, old] of before) {
    const now = after.get(locale);
    if (!now || now === old) continue;
    const where = { targetUid: uid, targetDocumentId: documentId, locale: locale || null };
    // Back at a former address: it is the item's page again, not a redirect.
    await q.deleteMany({ where: { ...where, slug: now } });
    if (!(await q.findOne({ where: { ...where, slug: old }, select: ['id'] }))) await q.create({ data: { ...where, slug: old } });
  }
}

/** Whether `slug` is a former address of another item of `uid`. */
export async function isFormerAddress(strapi: Core.Strapi, uid: string, slug: string, documentId?: string): Promise<boolean> {
  const found = await strapi.db.query(FORMER_UID as any).findOne({ where: { targetUid: uid, slug, ...(documentId ? { targetDocumentId: { $ne: documentId } } : {}) }, select: ['id'] });
  return Boolean(found);
}

/** Every former address of an item published now, with its current slug; none an item holds now. */
export async function currentFormerAddresses(strapi: Core.Strapi): Promise<FormerAddress[]> {
  const records: any[] = await strapi.db.query(FORMER_UID as any).findMany({ select: ['targetUid', 'targetDocumentId', 'locale', 'slug'], orderBy: { id: 'asc' }, limit: 100_000 });
  const byType = new Map<string, any[]>();
  for (const r of records) byType.set(r.targetUid, [...(byType.get(r.targetUid) ?? []), r]);
  const out: FormerAddress[] = [];
  for (const [uid, list] of byType) {
    if (!strapi.contentType(uid as any)) continue;
    const where: Record<string, unknown> = { publishedAt: { $notNull: true } };
    const embargo = EMBARGOED_TYPES.includes(uid) ? notEmbargoed(new Date()) : {};
    const current = new Map<string, string>();
    const held = new Set<string>();
    const ids = [...new Set(list.map((r) => r.targetDocumentId as string))];
    for (let i = 0; i < ids.length; i += 500) {
      const rows: any[] = await strapi.db.query(uid as any).findMany({ where: { ...where, ...embargo, documentId: { $in: ids.slice(i, i + 500) } }, select: ['documentId', 'locale', 'slug'] });
      for (const row of rows) current.set(`${row.documentId}|${key(row.locale)}`, row.slug);
    }
    const froms = [...new Set(list.map((r) => r.slug as string))];
    for (let i = 0; i < froms.length; i += 500) {
      const rows: any[] = await strapi.db.query(uid as any).findMany({ where: { ...where, slug: { $in: froms.slice(i, i + 500) } }, select: ['locale', 'slug'] });
      for (const row of rows) held.add(`${key(row.locale)}|${row.slug}`);
    }
    for (const r of list) {
      const to = current.get(`${r.targetDocumentId}|${key(r.locale)}`);
      if (!to || to === r.slug || held.has(`${key(r.locale)}|${r.slug}`)) continue;
      out.push({ type: uid, locale: r.locale ?? null, from: r.slug, to });
    }
  }
  return out;
}
