/**
 * Loads cms/data/demo/enforcement-notices.json and auction-notices.json (validated by the shared seed
 * schemas; an auction's `district` is a slug of districts.json): matched on the slug of the title, so seeding
 * again creates nothing.
 */
import { markdownLiteToBlocks, slugify, type SeedAuctionNotice, type SeedEnforcementNotice } from '@thads/shared';
import { AUCTION_NOTICE, ENFORCEMENT_NOTICE } from './rules';

type Ensure = (uid: string, field: string, value: string, build: () => Record<string, unknown>) => Promise<string>;

export async function seedNotices(
  ensure: Ensure,
  data: { 'enforcement-notices': SeedEnforcementNotice[]; 'auction-notices': SeedAuctionNotice[] },
  unit: (slug: string, where: string) => string,
  district: (slug: string, where: string) => string,
): Promise<void> {
  for (const [i, n] of data['enforcement-notices'].entries()) {
    const { body, unit: unitSlug, ...fields } = n;
    await ensure(ENFORCEMENT_NOTICE, 'slug', slugify(n.title), () => ({
      ...fields,
      body: body ? markdownLiteToBlocks(body) : null,
      unit: unit(unitSlug, `enforcement-notices.json [${i}]`),
    }));
  }
  for (const [i, n] of data['auction-notices'].entries()) {
    const { body, unit: unitSlug, district: districtSlug, ...fields } = n;
    await ensure(AUCTION_NOTICE, 'slug', slugify(n.title), () => ({
      ...fields,
      publishedUntil: n.publishedUntil ?? n.auctionAt,
      body: body ? markdownLiteToBlocks(body) : null,
      unit: unit(unitSlug, `auction-notices.json [${i}]`),
      district: district(districtSlug, `auction-notices.json [${i}]`),
    }));
  }
}
