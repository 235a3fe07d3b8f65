/** Names the mails and checks need: the agency's, and the published categories', topics' and districts' by slug (cached a minute). */
import type { Core } from '@strapi/strapi';
import type { Names } from './render';

let cached: { at: number; names: Names } | undefined;

export async function alertNames(strapi: Core.Strapi, fresh = false): Promise<Names> {
  if (!fresh && cached && Date.now() - cached.at < 60_000) return cached.names;
  const bySlug = (rows: any[]) => Object.fromEntries(rows.filter((r) => r.slug).map((r) => [r.slug, r.name]));
  const [categories, topics, districts, setting] = await Promise.all([
    strapi.documents('api::category.category').findMany({ status: 'published', fields: ['slug', 'name'], limit: 1000 } as any),
    strapi.documents('api::topic.topic').findMany({ status: 'published', fields: ['slug', 'name'], limit: 1000 } as any),
    strapi.documents('api::district.district').findMany({ status: 'published', fields: ['slug', 'name'], sort: ['order:asc', 'name:asc'], limit: 1000 } as any),
    strapi.documents('api::site-setting.site-setting').findFirst({ status: 'published', fields: ['agencyName'] } as any),
  ]);
  const names: Names = { siteName: (setting as any)?.agencyName || 'Cổng thông tin Thi hành án dân sự', categories: bySlug(categories as any[]), topics: bySlug(topics as any[]), districts: bySlug(districts as any[]) };
  cached = { at: Date.now(), names };
  return names;
}

/** The follow keys naming a category, topic or district that is not published. */
export function unknownFollows(follows: string[], names: Names): string[] {
  return follows.filter(
    (k) => (k.startsWith('category:') && !(k.slice(9) in names.categories)) || (k.startsWith('topic:') && !(k.slice(6) in names.topics)) || (k.startsWith('district:') && !(k.slice(9) in names.districts)),
  );
}
