/**
 * A CMS in a child process on an existing database, for the alerts' crash test (test/cms/alerts-crash.test.ts):
 * it can be killed at any instant like a real server. Configured by ALERTS_CHILD (JSON: db, tmp, pgUrl,
 * secrets, env, setup). With `setup`, it first makes `setup.subscribers` confirmed subscribers following
 * `type:article` and schedules a published article's alert as due; then it works as a CMS does (the alerts tick)
 * and tells its parent, over IPC, 'ready' once booted and 'settled' once no mail is left to send.
 */
import { bootStrapi, fromCms, type StrapiSecrets, type TestDb } from './strapi.ts';

type Config = { db: TestDb; tmp: string; pgUrl?: string; secrets: StrapiSecrets; env: Record<string, string>; setup?: { subscribers: number } };
const config = JSON.parse(process.env.ALERTS_CHILD ?? '{}') as Config;
delete process.env.TEST_REDIS_URL; // the parent gives REDIS_URL and REDIS_PREFIX itself: both children share one queue

const cms = await bootStrapi({ seed: false, db: config.db, tmp: config.tmp, pg: config.pgUrl ? { url: config.pgUrl, drop: async () => {} } : undefined, secrets: config.secrets, env: config.env });
const strapi = cms.strapi;

if (config.setup) {
  const subs = strapi.db.query('api::alert-subscription.alert-subscription');
  for (let i = 0; i < config.setup.subscribers; i++) {
    await subs.create({ data: { email: `doc-gia-${String(i).padStart(3, '0')}@example.com`, follows: ['type:article'], frequency: 'immediate', state: 'confirmed', confirmedAt: new Date(), confirmSentAt: new Date() } });
  }
  const article = (await strapi.documents('api::article.article').findFirst({ status: 'published', fields: ['documentId'] })) as any;
  const { schedulePublished } = fromCms('alerts/batches');
  const { alertSettings } = fromCms('alerts/settings');
  await schedulePublished(strapi, alertSettings(), 'api::article.article', article.documentId, new Date(Date.now() - 3600_000));
}
process.send?.({ type: 'ready' });

// Settled: the article's batch dispatched and no mail waiting or being sent.
const knex = strapi.db.connection as any;
for (;;) {
  await new Promise((r) => setTimeout(r, 200));
  const batch = await knex('alert_batches').where('kind', 'immediate').first('state');
  const [{ n }] = await knex('alert_deliveries').whereIn('state', ['pending', 'sending']).count({ n: '*' });
  if (batch?.state === 'dispatched' && Number(n) === 0) break;
}
process.send?.({ type: 'settled' });
await cms.stop();
process.exit(0);
