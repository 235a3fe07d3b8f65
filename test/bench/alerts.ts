/**
 * Benchmark: one daily digest to 10,000 confirmed subscribers, delivered to a local SMTP server (smtp-server in
 * this process, counting what it accepted) through the CMS's email provider and the alerts queue, as in
 * production: the database queue on SQLite; BullMQ in Redis on PostgreSQL when TEST_DATABASE_URL and
 * TEST_REDIS_URL are set.
 *   npm run bench:alerts                          10,000 subscribers
 *   npm run bench:alerts -- --subscribers 50000   another size
 * Measures the time from the digest's creation to the last message accepted by the relay, and the CMS process's
 * memory (RSS, heap) sampled every 250 ms during the send and the heap left after a full collection before and after it, the process's CPU time and the machine's load average. Writes test/bench/results/alerts.json (ignored by git)
 * and prints it. Numbers, not assertions; the target is ≤ 120 s on 2 cores with memory flat.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import compileCms from '../helpers/global-setup.ts';
import { fromCms, startStrapi, type TestDb } from '../helpers/strapi.ts';
import { mailboxEnv, startMailbox } from '../helpers/alert-mailbox.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SUBSCRIBERS = arg('subscribers', 10_000);
const ITEMS = 6;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function bench(db: TestDb) {
  const box = await startMailbox({ parse: false });
  Object.assign(process.env, mailboxEnv(box), { ALERTS_TICK_SECONDS: '0', ALERTS_DEBOUNCE_SECONDS: '0', ALERTS_SITE_URL: 'https://thads-hungyen.example', ALERTS_BOUNCE_ADDRESS: 'bounce@thads-hungyen.example' });
  const cms = await startStrapi({ seed: false, db });
  try {
    const strapi = cms.strapi;
    const knex = strapi.db.connection;
    const { newDocumentId } = fromCms('alerts/tables');
    const batches = fromCms('alerts/batches');
    const { alertsSettle } = fromCms('alerts/index');
    const settings = fromCms('alerts/settings').alertSettings();
    const queueMode = fromCms('alerts/queue').queueMode();

    // 10,000 confirmed daily subscribers, written in bulk (the sign-up path is tested elsewhere).
    const now = new Date();
    for (let i = 0; i < SUBSCRIBERS; i += 500) {
      const rows = Array.from({ length: Math.min(500, SUBSCRIBERS - i) }, (_, j) => ({
        document_id: newDocumentId(),
        email: `doc-gia-${String(i + j).padStart(6, '0')}@example.com`,
        follows: JSON.stringify(j % 2 ? ['type:article'] : ['type:article', 'type:press-release']),
        frequency: 'daily',
        state: 'confirmed',
        confirmed_at: now,
        created_at: now,
        updated_at: now,
        published_at: now,
      }));
      await knex('alert_subscriptions').insert(rows);
    }
    // A day's items: published articles, alerted (to nobody at once: every subscriber takes the digest).
    const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung bài viết.' }] }];
    for (let i = 0; i < ITEMS; i++) {
      await strapi.documents('api::article.article').create({ data: { title: `Tin hoạt động số ${i + 1} trong ngày của Thi hành án dân sự tỉnh`, summary: 'Tóm tắt một hai câu của bài viết, hiển thị trong bản tin.', body, format: 'tin' }, status: 'published' });
    }
    await batches.dispatchDue(strapi, settings, new Date(Date.now() + 1000));

    const samples: { rss: number; heap: number }[] = [];
    const sample = () => {
      const m = process.memoryUsage();
      samples.push({ rss: m.rss, heap: m.heapUsed });
    };
    // The heap that survives a full collection, before and after the send (npm run bench:alerts runs node with
    // --expose-gc): what the send keeps, apart from garbage not yet collected that the samples also show.
    const gc = (globalThis as { gc?: () => void }).gc;
    const retained = () => (gc ? (gc(), mb(process.memoryUsage().heapUsed)) : null);
    const retainedStart = retained();
    sample();
    const timer = setInterval(sample, 250);
    const cpu0 = process.cpuUsage();
    const load0 = os.loadavg()[0]!;
    const t0 = performance.now();
    const digest = await batches.createDigest(strapi, settings, 'daily', new Date(Date.now() + 2000));
    if (digest.items !== ITEMS) throw new Error(`the digest gathered ${digest.items} items, not ${ITEMS}`);
    await batches.dispatchDue(strapi, settings, new Date(Date.now() + 3000));
    const fannedOut = performance.now();
    await alertsSettle();
    await box.until(`${SUBSCRIBERS} digests`, () => box.mails.length >= SUBSCRIBERS, 600_000);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const load1 = os.loadavg()[0]!;
    clearInterval(timer);
    sample();
    const retainedEnd = retained();
    const [{ n: sent }] = await knex('alert_deliveries').where('state', 'sent').count({ n: '*' });
    const [{ n: failed }] = await knex('alert_deliveries').where('state', 'failed').count({ n: '*' });
    const distinct = new Set(box.mails.map((m) => m.to)).size;
    const rss = samples.map((s) => s.rss);
    const heap = samples.map((s) => s.heap);
    const result = {
      queue: queueMode,
      subscribers: SUBSCRIBERS,
      itemsInDigest: ITEMS,
      messagesAccepted: box.mails.length,
      distinctRecipients: distinct,
      deliveriesSent: Number(sent),
      deliveriesFailed: Number(failed),
      fanOutSeconds: +((fannedOut - t0) / 1000).toFixed(2),
      totalSeconds: +seconds.toFixed(1),
      messagesPerSecond: Math.round(box.mails.length / seconds),
      // This process (CMS and the test SMTP server) is one thread: its CPU time is what the send costs, whatever
      // else the machine runs; the load average says how busy the machine was.
      cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
      loadAverage1m: { start: +load0.toFixed(1), end: +load1.toFixed(1) },
      sendRateLimit: settings.sendRate,
      concurrency: settings.concurrency,
      memoryMb: { rssStart: mb(rss[0]!), rssPeak: mb(Math.max(...rss)), rssEnd: mb(rss.at(-1)!), heapStart: mb(heap[0]!), heapPeak: mb(Math.max(...heap)), heapEnd: mb(heap.at(-1)!), samples: samples.length },
      // Includes the test SMTP server's list of the mails it accepted (10,000 small records).
      heapAfterFullGcMb: { start: retainedStart, end: retainedEnd },
      // RSS every ~10% of the run, to see it stay flat.
      rssProfileMb: Array.from({ length: 11 }, (_, k) => mb(rss[Math.min(rss.length - 1, Math.round((k / 10) * (rss.length - 1)))]!)),
    };
    console.log(`${db}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await cms.stop();
    await box.close();
  }
}

await compileCms();
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length };
results.sqlite = await bench('sqlite');
if (process.env.TEST_DATABASE_URL) results.postgres = await bench('postgres');
const out = path.join(import.meta.dirname, 'results', 'alerts.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
process.exit(0);
