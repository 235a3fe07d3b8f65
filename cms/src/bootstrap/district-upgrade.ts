/**
 * The second half of database/migrations/2026.12.07T00.00.00.auction-notice-district-relation.js: after an
 * upgrade from the time when an auction notice's district was an enumeration, links every auction notice row
 * (draft and published alike) to its district, the relation that replaced the enumeration, making the
 * districts that do not exist yet (named as in the demo data when it knows the slug, else after the slug, for
 * an editor to rename), then drops the table the migration kept the slugs in. Nothing to do on other boots.
 */
import type { Core } from '@strapi/strapi';
import { loadSeedData } from '../seed/load-data';

const TABLE = 'thads_upgrade_auction_districts';
const NOTICE = 'api::auction-notice.auction-notice';
const DISTRICT = 'api::district.district';

const nameFromSlug = (slug: string) => slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

export async function linkUpgradedDistricts(strapi: Core.Strapi): Promise<number> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(TABLE))) return 0;
  const rows: { row_id: number; district_slug: string }[] = await knex(TABLE).select('row_id', 'district_slug');
  const known = new Map(loadSeedData().districts.map((d) => [d.slug, d]));
  const districts = strapi.documents(DISTRICT) as any;
  /** Row ids of a district (its draft and its published version), by slug. */
  const rowsOf = new Map<string, { draft?: number; published?: number }>();
  for (const slug of [...new Set(rows.map((r) => r.district_slug))]) {
    let found = await districts.findFirst({ filters: { slug }, fields: ['documentId'] });
    if (!found) {
      const demo = known.get(slug);
      found = await districts.create({ data: { name: demo?.name ?? nameFromSlug(slug), slug, order: demo?.order ?? 0 }, status: 'published' });
      strapi.log.warn(`Nâng cấp: đã tạo địa bàn "${demo?.name ?? nameFromSlug(slug)}" (${slug}) cho các thông báo đấu giá cũ; biên tập viên kiểm tra lại tên.`);
    }
    const versions = await strapi.db.query(DISTRICT).findMany({ where: { documentId: found.documentId }, select: ['id', 'publishedAt'] });
    rowsOf.set(slug, { draft: versions.find((v: any) => !v.publishedAt)?.id, published: versions.find((v: any) => v.publishedAt)?.id });
  }
  let linked = 0;
  for (const { row_id, district_slug } of rows) {
    const notice = await strapi.db.query(NOTICE).findOne({ where: { id: row_id }, select: ['id', 'publishedAt'] });
    const versions = rowsOf.get(district_slug);
    const target = notice && (notice.publishedAt ? (versions?.published ?? versions?.draft) : (versions?.draft ?? versions?.published));
    if (!target) continue;
    await strapi.db.query(NOTICE).update({ where: { id: row_id }, data: { district: target } });
    linked++;
  }
  await knex.schema.dropTable(TABLE);
  strapi.log.info(`Nâng cấp: ${linked} thông báo đấu giá đã được nối với địa bàn của chúng.`);
  return linked;
}
