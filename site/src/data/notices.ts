/**
 * Enforcement and auction notices, computed once per build: current and past at the build's own time
 * (BUILD_TIME), auction notices grouped by asset type and district for the filter pages. A notice expires
 * at its `publishedUntil`; the CMS asks for a rebuild at that moment (cms/src/publishing/timed-rebuilds.ts),
 * and every build decides again from its clock, so a notice never stays current past its time for longer
 * than one build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { ASSET_TYPES, isCurrentAt, splitByExpiry, type AssetType } from '@thads/shared';
import { BUILD_TIME, dataWithDigest, getDistricts, itemDate } from './content.ts';
import { layoutKey, pageKey } from '../build/page-keys.ts';

export type EnforcementNotice = CollectionEntry<'enforcementNotices'>['data'];
export type AuctionNotice = CollectionEntry<'auctionNotices'>['data'];

/** The moment this build decides what is current, fixed for the whole build (data/content.ts). */
export { BUILD_TIME };

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (cached ??= load());
}

const newestFirst = <T extends { date?: string | null; publishedAt?: string | null; createdAt: string }>(items: T[]) =>
  items.sort((a, b) => Date.parse(itemDate(b)) - Date.parse(itemDate(a)));

export const getEnforcementNotices = once(async () => {
  const list = newestFirst((await getCollection('enforcementNotices')).map((e) => dataWithDigest<EnforcementNotice>(e)));
  // Current: the nearest expiry first (what a citizen must act on soonest); past: the latest expired first.
  const { current, past } = splitByExpiry(list, BUILD_TIME);
  current.sort((a, b) => Date.parse(a.publishedUntil ?? '9999') - Date.parse(b.publishedUntil ?? '9999'));
  past.sort((a, b) => Date.parse(b.publishedUntil ?? '0') - Date.parse(a.publishedUntil ?? '0'));
  return { list, current, past };
});

export const getAuctionNotices = once(async () => {
  const list = newestFirst((await getCollection('auctionNotices')).map((e) => dataWithDigest<AuctionNotice>(e)));
  const { current, past } = splitByExpiry(list, BUILD_TIME);
  // Current: the soonest auction first; past: the latest auction first.
  current.sort((a, b) => Date.parse(a.auctionAt) - Date.parse(b.auctionAt));
  past.sort((a, b) => Date.parse(b.auctionAt) - Date.parse(a.auctionAt));
  const byType = new Map<AssetType, AuctionNotice[]>(ASSET_TYPES.map((t) => [t, current.filter((n) => n.assetType === t)]));
  // By district slug, in the districts' order (content type district: the agency's own list).
  const byDistrict = new Map<string, AuctionNotice[]>((await getDistricts()).map((d) => [d.slug, current.filter((n) => n.district?.slug === d.slug)]));
  return { list, current, past, byType, byDistrict };
});

/** The detail pages of a list of notices: whether a notice is current is part of its page's cache key. */
export async function noticePaths<T extends EnforcementNotice | AuctionNotice>(list: readonly T[]) {
  const shared = await layoutKey();
  return list.map((notice) => ({ params: { slug: notice.slug }, props: { notice }, cacheKey: pageKey(shared, notice, isCurrentAt(notice, BUILD_TIME)) }));
}
