/**
 * Everything several pages need from the collections, computed once per build (sorted lists, maps by
 * slug, lists grouped by category, topic, unit or cited document). Pages import from here instead of
 * scanning whole collections themselves.
 */
import { getCollection, getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
import { agencyProvince } from '@thads/shared';
import { entryDigests } from '../build/cache-key.ts';
import { nearest } from '../lib/lists.ts';

export type Article = CollectionEntry<'articles'>['data'];
export type LegalQa = CollectionEntry<'legalQas'>['data'];
export type Story = CollectionEntry<'stories'>['data'];
export type PressRelease = CollectionEntry<'pressReleases'>['data'];
export type Correction = CollectionEntry<'corrections'>['data'];
export type Announcement = CollectionEntry<'announcements'>['data'];
export type LegalDocument = CollectionEntry<'legalDocuments'>['data'];
export type Gallery = CollectionEntry<'galleries'>['data'];
export type Unit = CollectionEntry<'units'>['data'];
export type Category = CollectionEntry<'categories'>['data'];
export type Topic = CollectionEntry<'topics'>['data'];
export type District = CollectionEntry<'districts'>['data'];
export type SiteSetting = CollectionEntry<'siteSetting'>['data'];
export type Spokesperson = CollectionEntry<'spokesperson'>['data'];

/** Runs `load` once per build and shares its promise. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (cached ??= load());
}

type Dated = { date?: string | null; publishedAt?: string | null; createdAt: string };

/** The date an item is shown with: its editorial date, else when it was published. */
export function itemDate(item: Dated): string {
  return item.date ?? item.publishedAt ?? item.createdAt;
}

const newestFirst = <T extends Dated>(items: T[]) => items.sort((a, b) => Date.parse(itemDate(b)) - Date.parse(itemDate(a)));
const byOrderThenName = <T extends { order?: number | null; name: string }>(items: T[]) =>
  items.sort((a, b) => (a.order ?? 1e9) - (b.order ?? 1e9) || a.name.localeCompare(b.name, 'vi'));

/** An entry's data, with its digest registered for page keys (build/cache-key.ts: a key names the entry by it). */
export function dataWithDigest<T>(entry: object): T {
  const { data, digest } = entry as { data: T; digest?: unknown };
  if (typeof digest === 'string' && digest && data !== null && typeof data === 'object') entryDigests.set(data, digest);
  return data;
}

async function dataOf<C extends CollectionKey>(collection: C): Promise<CollectionEntry<C>['data'][]> {
  return (await getCollection(collection)).map((entry) => dataWithDigest<CollectionEntry<C>['data']>(entry));
}

function groupBy<T>(items: T[], key: (item: T) => string | null | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const bySlug = <T extends { slug: string }>(items: T[]) => new Map(items.map((item) => [item.slug, item]));

export const getSiteSetting = once(async (): Promise<SiteSetting> => {
  const entry = await getEntry('siteSetting', 'main');
  if (!entry) throw new Error('Thiếu "Cài đặt trang" (site-setting) trong Strapi: hãy nhập và xuất bản nó. / The site-setting single type is missing.');
  return entry.data as SiteSetting;
});

/** The agency's name and its province ("tỉnh …"), read from the site settings: pages never write them. */
export const getAgency = once(async () => {
  const setting = await getSiteSetting();
  return { name: setting.agencyName, province: agencyProvince(setting.agencyName, setting.address) };
});

/** The CMS's retention and rate-limit settings (the privacy notice states them). */
export const getIntakePolicy = once(async (): Promise<CollectionEntry<'intakePolicy'>['data']> => {
  const entry = await getEntry('intakePolicy', 'main');
  if (!entry) throw new Error('Không đọc được chính sách lưu giữ dữ liệu từ Strapi (GET /api/intake/policy). / The intake policy is missing.');
  return entry.data as CollectionEntry<'intakePolicy'>['data'];
});

export const getSpokesperson = once(async (): Promise<Spokesperson | undefined> => (await getEntry('spokesperson', 'main'))?.data as Spokesperson | undefined);

export const getArticles = once(async () => {
  const list = newestFirst(await dataOf('articles'));
  return { list, bySlug: bySlug(list), byCategory: groupBy(list, (a) => a.category?.slug), byUnit: groupBy(list, (a) => a.unit?.slug) };
});

export const getCategories = once(async () => byOrderThenName(await dataOf('categories')));

export const getTopics = once(async () => byOrderThenName(await dataOf('topics')));

/** The agency's districts (where auctioned assets are), in their order. */
export const getDistricts = once(async () => byOrderThenName(await dataOf('districts')));

export const getLegalQas = once(async () => {
  const list = newestFirst(await dataOf('legalQas'));
  const byDocument = new Map<string, LegalQa[]>();
  for (const qa of list) {
    const docs = new Set((qa.citations ?? []).map((c) => c.document?.slug).filter((s): s is string => !!s));
    for (const slug of docs) byDocument.set(slug, [...(byDocument.get(slug) ?? []), qa]);
  }
  return { list, byTopic: groupBy(list, (q) => q.topic?.slug), byDocument, byUnit: groupBy(list, (q) => q.unit?.slug) };
});

export const getLegalDocuments = once(async () => {
  const list = (await dataOf('legalDocuments')).sort(
    (a, b) => Date.parse(b.issuedDate ?? b.createdAt) - Date.parse(a.issuedDate ?? a.createdAt) || a.number.localeCompare(b.number, 'vi'),
  );
  return { list, bySlug: bySlug(list) };
});

export const getStories = once(async () => newestFirst(await dataOf('stories')));
/** Press releases under embargo are left out even if a CMS ever sent one (the CMS hides them; see cms/src/publishing/embargo.ts). */
export const getPressReleases = once(async () => newestFirst((await dataOf('pressReleases')).filter((p) => !p.embargoUntil || Date.parse(p.embargoUntil) <= Date.now())));
export const getCorrections = once(async () => newestFirst(await dataOf('corrections')));
export const getGalleries = once(async () => newestFirst(await dataOf('galleries')));
/** The galleries by kind: photo albums, and media kits for the press (the press room lists them apart). */
export const getGalleriesByKind = once(async () => {
  const list = await getGalleries();
  return { albums: list.filter((g) => g.kind !== 'media-kit'), mediaKits: list.filter((g) => g.kind === 'media-kit') };
});

/**
 * The moment this build decides what is current (announcements, notices), fixed for the whole build. Tests and
 * benchmarks may set it (THADS_BUILD_TIME, milliseconds since the epoch) to build "the day after".
 */
export const BUILD_TIME = Number(process.env.THADS_BUILD_TIME) || Date.now();

/** Today's date in Vietnam (YYYY-MM-DD) at BUILD_TIME. */
export const BUILD_DAY = new Date(BUILD_TIME + 7 * 3600_000).toISOString().slice(0, 10);

/** An announcement is current until the end of its `validUntil` day (Vietnam time); without it, always. */
export function isCurrent(a: Announcement): boolean {
  return !a.validUntil || a.validUntil.slice(0, 10) >= BUILD_DAY;
}

export const getAnnouncements = once(async () => {
  const list = newestFirst(await dataOf('announcements'));
  return { list, current: list.filter(isCurrent), expired: list.filter((a) => !isCurrent(a)) };
});

export const getUnits = once(async () => {
  const list = byOrderThenName(await dataOf('units'));
  const active = list.filter((u) => u.active !== false);
  return {
    list,
    bySlug: bySlug(list),
    active,
    activeByKind: groupBy(active, (u) => u.kind),
    merged: list.filter((u) => u.active === false),
  };
});

/** Up to `count` other articles of the same category, the nearest in date. */
export async function relatedArticles(article: Article, count = 4): Promise<Article[]> {
  const { byCategory } = await getArticles();
  return article.category ? nearest(byCategory.get(article.category.slug) ?? [], article, count) : [];
}

/** Up to `count` other questions of the same topic, the nearest in date. */
export async function relatedQas(qa: LegalQa, count = 3): Promise<LegalQa[]> {
  const { byTopic } = await getLegalQas();
  return qa.topic ? nearest(byTopic.get(qa.topic.slug) ?? [], qa, count) : [];
}
