'use strict';
/**
 * Auction notices' district was an enumeration of one province's former districts (a column
 * auction_notices.district holding a slug); it is now a relation to the content type district ("Địa bàn").
 * Strapi runs this before it syncs the tables with the schemas: the slugs are kept here, per row, in
 * thads_upgrade_auction_districts, the old column is dropped, and src/bootstrap/district-upgrade.ts links each
 * row to its district (made when missing) once the tables are synced, then drops the table.
 * A database made after the change has no such column: nothing to do.
 */
async function up(knex) {
  if (!(await knex.schema.hasTable('auction_notices'))) return;
  if (!(await knex.schema.hasColumn('auction_notices', 'district'))) return;
  if (!(await knex.schema.hasTable('thads_upgrade_auction_districts'))) {
    await knex.schema.createTable('thads_upgrade_auction_districts', (table) => {
      table.integer('row_id').primary();
      table.string('district_slug', 255).notNullable();
    });
  }
  const rows = await knex('auction_notices').whereNotNull('district').whereNot('district', '').select('id', 'district');
  for (let i = 0; i < rows.length; i += 500) {
    await knex('thads_upgrade_auction_districts').insert(rows.slice(i, i + 500).map((r) => ({ row_id: r.id, district_slug: String(r.district) })));
  }
  await knex.schema.alterTable('auction_notices', (table) => table.dropColumn('district'));
}

module.exports = { up };
