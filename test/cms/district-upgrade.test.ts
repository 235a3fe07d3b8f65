/**
 * Upgrading a database from the time when an auction notice's district was an enumeration (a column
 * auction_notices.district holding a former district's slug) to the district content type: the migration
 * (cms/database/migrations/…auction-notice-district-relation.js) keeps the slugs before Strapi drops the old
 * column, and the bootstrap (cms/src/bootstrap/district-upgrade.ts) links every notice, draft and published,
 * to its district, making the districts that are missing.
 *
 * The old database is made from the seeded one as the old code left it: the column back with each notice's
 * slug, the relation's links gone, two districts gone (one the demo data names, one it does not know), and the
 * migration not yet recorded. Then Strapi starts on it as after an upgrade.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, bootStrapi, createPgDatabase, newSecrets, snapshotFor, type TestDb, type TestStrapi } from '../helpers/strapi.ts';

const NOTICE = 'api::auction-notice.auction-notice';
const DISTRICT = 'api::district.district';
const UNKNOWN = 'xa-moi-thu-nghiem';
const MIGRATION = '2026.12.07T00.00.00.auction-notice-district-relation';

const db = (process.env.TEST_DB as TestDb) || 'sqlite';
let tmp: string;
let pg: { url: string; drop: () => Promise<void> } | undefined;
let secrets = newSecrets();
let cms: TestStrapi | undefined;
/** Each notice row's id, publication state and the district slug it had before the upgrade. */
let before: { id: number; documentId: string; published: boolean; slug: string }[];
let removedKnown: { slug: string; name: string };

async function boot(): Promise<TestStrapi> {
  return bootStrapi({ seed: true, db, tmp, pg: pg && { url: pg.url, drop: async () => {} }, secrets });
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-upgrade-'));
  const snapshot = snapshotFor(db, true);
  if (snapshot) {
    fs.cpSync(snapshot.dir, tmp, { recursive: true, filter: (src) => path.basename(src) !== 'snapshot.json' });
    secrets = snapshot.secrets;
  }
  if (db === 'postgres') pg = await createPgDatabase(process.env.TEST_DATABASE_URL!, { template: snapshot?.template });

  // The database as the old code left it.
  cms = await boot();
  const { strapi } = cms;
  const knex = strapi.db.connection;
  const rows = await strapi.db.query(NOTICE).findMany({ select: ['id', 'documentId', 'publishedAt'], populate: { district: { select: ['slug'] } } });
  expect(rows.length).toBeGreaterThan(2);
  before = rows.map((r: any) => ({ id: r.id, documentId: r.documentId, published: Boolean(r.publishedAt), slug: r.district?.slug }));
  expect(before.every((r) => r.slug), 'every seeded notice has a district').toBe(true);
  // One notice's district is one the demo data does not know (a district an agency had added to the enumeration).
  const odd = before.find((r) => r.published)!;
  for (const r of before) if (r.documentId === odd.documentId) r.slug = UNKNOWN;
  // A district the notices use, gone: the upgrade makes it again with its demo name.
  const used = before.find((r) => r.slug !== UNKNOWN)!.slug;
  const known = await strapi.db.query(DISTRICT).findOne({ where: { slug: used }, select: ['name', 'slug'] });
  removedKnown = { slug: known.slug, name: known.name };

  const joinTable = strapi.db.metadata.get(NOTICE).attributes.district.joinTable.name as string;
  await knex.schema.alterTable('auction_notices', (t: any) => t.string('district', 255));
  for (const r of before) await knex('auction_notices').where('id', r.id).update({ district: r.slug });
  await knex(joinTable).del();
  await strapi.db.query(DISTRICT).deleteMany({ where: { slug: used } });
  expect(await knex('strapi_migrations').where('name', 'like', `%${MIGRATION}%`).del()).toBe(1);
  await cms.stop();
  cms = undefined;

  // The upgrade.
  cms = await boot();
}, 300_000);

afterAll(async () => {
  await cms?.stop();
  await pg?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('upgrading auction notices from a district enumeration to the district type', () => {
  it('links every notice, draft and published, to the district of its old slug', async () => {
    const { strapi } = cms!;
    const after = await strapi.db.query(NOTICE).findMany({ select: ['id', 'publishedAt'], populate: { district: { select: ['slug', 'publishedAt'] } } });
    expect(after.map((r: any) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    for (const r of after) {
      const old = before.find((b) => b.id === r.id)!;
      expect(r.district?.slug, `notice row ${r.id}`).toBe(old.slug);
      // A published notice points at the published district, a draft at the draft.
      expect(Boolean(r.district.publishedAt), `notice row ${r.id}`).toBe(Boolean(r.publishedAt));
    }
  });

  it('makes the missing districts, named as in the demo data or after their slug, and published', async () => {
    const { strapi } = cms!;
    const districts = strapi.documents(DISTRICT);
    const again = await districts.findFirst({ filters: { slug: removedKnown.slug }, status: 'published' });
    expect(again?.name).toBe(removedKnown.name);
    const unknown = await districts.findFirst({ filters: { slug: UNKNOWN }, status: 'published' });
    expect(unknown?.name).toBe('Xa moi thu nghiem');
  });

  it('serves the districts on the public API, and leaves no trace of the old column', async () => {
    const { strapi, url } = cms!;
    const res = await api(url, '/api/auction-notices?populate=district&pagination[pageSize]=100');
    expect(res.status).toBe(200);
    const published = before.filter((r) => r.published);
    expect(res.body.data).toHaveLength(published.length);
    for (const n of res.body.data) expect(n.district?.slug).toBe(published.find((p) => p.documentId === n.documentId)!.slug);
    const knex = strapi.db.connection;
    expect(await knex.schema.hasColumn('auction_notices', 'district')).toBe(false);
    expect(await knex.schema.hasTable('thads_upgrade_auction_districts')).toBe(false);
  });

  it('does nothing on the next start', async () => {
    await cms!.stop();
    cms = await boot();
    const rows = await cms.strapi.db.query(NOTICE).findMany({ populate: { district: { select: ['slug'] } } });
    expect(rows.every((r: any) => r.district?.slug === before.find((b) => b.id === r.id)!.slug)).toBe(true);
    expect(await cms.strapi.db.query(DISTRICT).count({ where: { slug: UNKNOWN } })).toBe(2);
  });
});
