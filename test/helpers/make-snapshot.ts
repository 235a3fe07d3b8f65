/**
 * Makes one database snapshot for the tests (run by test/helpers/snapshot.ts in a child process, so that the
 * Strapi it boots never shares a process with anything else):
 *   node test/helpers/make-snapshot.ts <sqlite|postgres> <seeded|empty> <folder> [template database name]
 * Boots Strapi on a new database (seeding the demo content for `seeded`), stops it, and leaves in <folder>
 * the uploads (public/uploads/), for SQLite data.db, and snapshot.json (the secrets it booted with). For
 * PostgreSQL the database becomes the template `name` (no connections allowed; copies are made from it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { bootStrapi, createPgDatabase, newSecrets, pgQuery, type TestDb } from './strapi.ts';
import { dropTemplate } from './snapshot.ts';

const [db, kind, folder, template] = process.argv.slice(2) as [TestDb, 'seeded' | 'empty', string, string | undefined];
if (!['sqlite', 'postgres'].includes(db) || !['seeded', 'empty'].includes(kind) || !folder || (db === 'postgres' && !template)) {
  console.error('usage: node test/helpers/make-snapshot.ts <sqlite|postgres> <seeded|empty> <folder> [template]');
  process.exit(2);
}
const started = performance.now();
const secrets = newSecrets();
fs.mkdirSync(folder, { recursive: true });
const adminUrl = process.env.TEST_DATABASE_URL!;
let pg: Awaited<ReturnType<typeof createPgDatabase>> | undefined;
if (db === 'postgres') {
  await pgQuery(adminUrl, `DROP DATABASE IF EXISTS ${template}_build WITH (FORCE)`);
  pg = await createPgDatabase(adminUrl, { name: `${template}_build` });
}
const cms = await bootStrapi({ seed: kind === 'seeded', db, tmp: path.resolve(folder), pg: pg && { url: pg.url, drop: async () => {} }, secrets });
await cms.stop();
if (pg) {
  await dropTemplate(adminUrl, template!);
  await pgQuery(adminUrl, `ALTER DATABASE ${pg.name} RENAME TO ${template}`);
  await pgQuery(adminUrl, `ALTER DATABASE ${template} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
  await pgQuery(adminUrl, `COMMENT ON DATABASE ${template} IS '${new Date().toISOString()}'`);
}
fs.writeFileSync(path.join(folder, 'snapshot.json'), JSON.stringify({ db, kind, template, secrets, createdAt: new Date().toISOString(), seconds: (performance.now() - started) / 1000 }, null, 1));
// Strapi leaves timers behind (cron, pools): this process has done its work.
process.exit(0);
