/**
 * The alert mails' queue. Every mail is a row of alert_deliveries, unique per (subscriber, batch), so that a
 * mail exists once whatever runs twice; a mail is sent by whoever claims it first (an atomic update from
 * 'pending' to 'sending', with a lease), and recorded 'sent' as soon as the relay accepted it.
 *
 * Who carries the work:
 *  - with REDIS_URL, BullMQ (a queue in Redis shared by every CMS instance): one job per mail, retried with
 *    exponential backoff, a send rate shared by all instances, jobs of a stopped instance taken over;
 *  - otherwise the database itself: each instance polls the due rows, at ALERTS_SEND_RATE per second.
 *
 * Exactly once: a mail is sent again only when the instance sending it stopped before recording the relay's
 * answer (its lease ran out). The mail then carries the same Message-ID (alert-<id>@…), so that a relay or a
 * mail client that already has it can drop the copy. Mails accepted and recorded are never sent again.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { AlertFrequency } from '@thads/shared';
import { alertNames } from './names';
import { renderAlert, renderConfirmation, type AlertItem } from './render';
import { subscriptionLinks } from './links';
import { sendAlertMail } from './mailer';
import { recordRefusal, returnPath } from './bounces';
import type { AlertSettings } from './settings';
import { BATCHES, DELIVERIES, SUBSCRIPTIONS, knexOf, readJson } from './tables';

type Batch = { id: number; kind: 'immediate' | 'daily' | 'weekly'; title: string | null; items: AlertItem[] };
type Outcome = 'sent' | 'skipped' | 'retry' | 'failed';

type Runtime = {
  strapi: Core.Strapi;
  settings: AlertSettings;
  mode: 'database' | 'redis';
  queue?: Queue;
  worker?: Worker;
  connections: Redis[];
  draining: Promise<void> | null;
  again: boolean;
  stopped: boolean;
  nextSlot: number;
  batches: Map<number, Batch>;
  lastSweep: number;
  toRecord: { id: number; resolve: () => void; reject: (e: unknown) => void }[];
  recording: Promise<void> | null;
};

let runtime: Runtime | undefined;

export const queueMode = () => runtime?.mode;

function hostOf(url: string) {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

async function loadBatch(rt: Runtime, id: number): Promise<Batch | null> {
  const cached = rt.batches.get(id);
  if (cached) return cached;
  const row = await knexOf(rt.strapi)(BATCHES).where('id', id).first('id', 'kind', 'title', 'items');
  if (!row) return null;
  const batch: Batch = { id: row.id, kind: row.kind, title: row.title, items: readJson<AlertItem[]>(row.items, []) };
  if (rt.batches.size > 50) rt.batches.clear();
  rt.batches.set(id, batch);
  return batch;
}

/** Waits for this instance's next send slot (ALERTS_SEND_RATE per second; BullMQ's limiter does it with Redis). */
async function rateSlot(rt: Runtime) {
  if (rt.mode === 'redis') return;
  const now = Date.now();
  const slot = Math.max(now, rt.nextSlot);
  rt.nextSlot = slot + 1000 / rt.settings.sendRate;
  if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
}

/** Rows that may be claimed now: pending, or being sent by an instance whose lease ran out. */
const claimable = (now: Date) => (q: any) => q.where('state', 'pending').orWhere((q2: any) => q2.where('state', 'sending').andWhere('lease_until', '<', now));

/**
 * Claims several rows in one write (on SQLite every write costs a sync to disk: one per page, not one per
 * mail); returns the ids this instance now holds.
 */
async function claimMany(rt: Runtime, ids: number[]): Promise<number[]> {
  const knex = knexOf(rt.strapi);
  const now = new Date();
  const token = randomUUID();
  await knex(DELIVERIES)
    .whereIn('id', ids)
    .andWhere(claimable(now))
    .update({ state: 'sending', lease_until: new Date(now.getTime() + rt.settings.leaseSeconds * 1000), attempts: knex.raw('attempts + 1'), claim_token: token, updated_at: now });
  return knex(DELIVERIES).where('claim_token', token).where('state', 'sending').orderBy('id').pluck('id');
}

/**
 * Renders, sends and records one mail, claiming it first unless the caller did. The record of a mail the relay
 * accepted is written before the next mail of this worker is sent.
 */
const ROW_FIELDS = ['id', 'subscription_id', 'batch_id', 'item_indexes', 'attempts'];
const SUB_FIELDS = ['id', 'document_id', 'email', 'follows', 'frequency', 'state', 'pending_follows', 'pending_frequency', 'confirm_sent_at'];
type Loaded = { row: any; sub: any };

/** The rows and subscribers of a claimed page, read in two queries. */
async function loadPage(rt: Runtime, ids: number[]): Promise<Map<number, Loaded>> {
  const knex = knexOf(rt.strapi);
  const rows = await knex(DELIVERIES).whereIn('id', ids).select(ROW_FIELDS);
  const subs = new Map<number, any>();
  const subIds = [...new Set(rows.map((r: any) => r.subscription_id))];
  for (let i = 0; i < subIds.length; i += 500) for (const sub of await knex(SUBSCRIPTIONS).whereIn('id', subIds.slice(i, i + 500)).select(SUB_FIELDS)) subs.set(sub.id, sub);
  return new Map(rows.map((row: any) => [row.id, { row, sub: subs.get(row.subscription_id) }]));
}

async function deliver(rt: Runtime, id: number, claimed = false, loaded?: Loaded): Promise<Outcome> {
  const { strapi, settings } = rt;
  const knex = knexOf(strapi);
  if (!claimed) {
    const now = new Date();
    const n = await knex(DELIVERIES)
      .where('id', id)
      .andWhere(claimable(now))
      .update({ state: 'sending', lease_until: new Date(now.getTime() + settings.leaseSeconds * 1000), attempts: knex.raw('attempts + 1'), updated_at: now });
    if (!n) return 'skipped';
  }
  const row = loaded?.row ?? (await knex(DELIVERIES).where('id', id).first(ROW_FIELDS));
  const sub = loaded ? loaded.sub : await knex(SUBSCRIPTIONS).where('id', row.subscription_id).first(SUB_FIELDS);
  const drop = async () => {
    await knex(DELIVERIES).where('id', id).del();
    return 'skipped' as const;
  };
  if (!sub) return drop();
  const names = await alertNames(strapi);
  const links = subscriptionLinks(settings, { documentId: sub.document_id, confirmSentAt: sub.confirm_sent_at ? new Date(sub.confirm_sent_at) : null });
  const follows = readJson<string[]>(sub.follows, []);
  let mail;
  if (row.batch_id === 0) {
    const change = sub.state === 'confirmed';
    const pending = readJson<string[] | null>(sub.pending_follows, null);
    if (change && !pending) return drop();
    mail = renderConfirmation({ confirm: links.confirm, follows: change ? pending! : follows, frequency: (change ? sub.pending_frequency || sub.frequency : sub.frequency) as AlertFrequency, names, change });
  } else {
    const batch = await loadBatch(rt, row.batch_id);
    if (!batch || sub.state !== 'confirmed') return drop();
    const indexes = readJson<number[] | null>(row.item_indexes, null);
    const items = indexes ? indexes.map((i) => batch.items[i]).filter((x): x is AlertItem => Boolean(x)) : batch.items;
    if (!items.length) return drop();
    mail = renderAlert({ items, kind: batch.kind, periodLabel: batch.kind === 'immediate' ? undefined : (batch.title ?? undefined), links, follows, frequency: sub.frequency, names });
  }
  await rateSlot(rt);
  try {
    await sendAlertMail(strapi, settings, { ...mail, to: sub.email, messageId: `<alert-${id}@${hostOf(settings.siteUrl)}>`, unsubscribe: row.batch_id === 0 ? undefined : links.unsubscribe, returnPath: returnPath(settings, id) });
  } catch (error: any) {
    const attempts = Number(row.attempts);
    const final = error?.permanent || attempts >= settings.maxAttempts;
    const at = new Date();
    await knex(DELIVERIES)
      .where('id', id)
      .update({ state: final ? 'failed' : 'pending', lease_until: null, error: String(error?.message ?? error).slice(0, 1000), next_attempt_at: final ? null : new Date(at.getTime() + settings.backoffSeconds * 1000 * 2 ** (attempts - 1)), updated_at: at });
    // Refused for good (unknown mailbox…): a hard bounce of the subscription (bounces.ts).
    if (error?.permanent) await recordRefusal(strapi, settings, id, sub.id, String(error?.message ?? error)).catch((e: any) => strapi.log.error(`Thư thông báo ${id}: ${e?.message ?? e}`));
    if (!final) strapi.log.warn(`Thư thông báo ${id}: gửi không được (lần ${attempts}), sẽ thử lại: ${error?.message}`);
    else strapi.log.warn(`Thư thông báo ${id}: không gửi được sau ${attempts} lần: ${error?.message}`);
    return final ? 'failed' : 'retry';
  }
  await recordSent(rt, id);
  return 'sent';
}

/**
 * Records a mail the relay accepted, in a group commit: the mails accepted while the previous write was under
 * way are recorded together in the next one (on SQLite each write is a sync to disk). A worker sends its next
 * mail only once its last one is recorded, so a crash leaves at most one unrecorded mail per worker.
 */
function recordSent(rt: Runtime, id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    rt.toRecord.push({ id, resolve, reject });
    startRecording(rt);
  });
}

function startRecording(rt: Runtime) {
  if (rt.recording) return;
  rt.recording = (async () => {
    const knex = knexOf(rt.strapi);
    while (rt.toRecord.length) {
      const group = rt.toRecord.splice(0);
      const at = new Date();
      try {
        await knex(DELIVERIES).whereIn('id', group.map((g) => g.id)).update({ state: 'sent', sent_at: at, lease_until: null, error: null, updated_at: at });
        for (const g of group) g.resolve();
      } catch (error) {
        for (const g of group) g.reject(error);
      }
    }
  })().finally(() => {
    rt.recording = null;
    // Mails accepted between the loop's end and here.
    if (rt.toRecord.length) startRecording(rt);
  });
}

/** Runs `task` over `ids`, `concurrency` at a time. */
async function pool<T>(ids: T[], concurrency: number, task: (id: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, ids.length) }, async () => {
      while (next < ids.length) await task(ids[next++]!);
    }),
  );
}

/** The rows to (re)try now: due and pending, or being sent by an instance whose lease ran out. */
function dueRows(rt: Runtime, now: Date, limit: number): Promise<number[]> {
  const knex = knexOf(rt.strapi);
  return knex(DELIVERIES)
    .where((q: any) => q.where('state', 'pending').andWhere((q2: any) => q2.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', now)))
    .orWhere((q: any) => q.where('state', 'sending').andWhere('lease_until', '<', now))
    .orderBy('id')
    .limit(limit)
    .pluck('id');
}

/** Database mode: sends every due mail, page by page; one drain at a time per instance. */
function drainDatabase(rt: Runtime): Promise<void> {
  if (rt.draining) {
    rt.again = true;
    return rt.draining;
  }
  rt.draining = (async () => {
    do {
      rt.again = false;
      // A page is claimed at once: small enough to be sent well within the lease at the send rate.
      const page = Math.max(1, Math.min(500, Math.floor((rt.settings.sendRate * rt.settings.leaseSeconds) / 4)));
      while (!rt.stopped) {
        const due = await dueRows(rt, new Date(), page);
        if (!due.length) break;
        const ids = await claimMany(rt, due);
        if (!ids.length) break;
        const loaded = await loadPage(rt, ids);
        await pool(ids, rt.settings.concurrency, async (id) => {
          if (rt.stopped) return; // claimed rows left: taken again when the lease runs out
          try {
            await deliver(rt, id, true, loaded.get(id));
          } catch (error: any) {
            rt.strapi.log.error(`Thư thông báo ${id}: ${error?.message ?? error}`);
          }
        });
      }
    } while (rt.again && !rt.stopped);
  })().finally(() => {
    rt.draining = null;
  });
  return rt.draining;
}

const JOB_OPTIONS = (s: AlertSettings) => ({ attempts: s.maxAttempts, backoff: { type: 'exponential' as const, delay: s.backoffSeconds * 1000 }, removeOnComplete: true, removeOnFail: 1000 });

async function addJobs(rt: Runtime, ids: number[]) {
  for (let i = 0; i < ids.length; i += 1000) {
    await rt.queue!.addBulk(ids.slice(i, i + 1000).map((id) => ({ name: 'deliver', data: { id }, opts: { ...JOB_OPTIONS(rt.settings), jobId: `d${id}` } })));
  }
}

/** Hands new mails to the queue: BullMQ jobs with Redis, a drain of the table otherwise. */
export async function enqueueDeliveries(_strapi: Core.Strapi, _settings: AlertSettings, ids: number[]) {
  const rt = runtime;
  if (!rt || rt.stopped || !ids.length) return; // not running (a script): the rows wait for the next start
  if (rt.mode === 'redis') await addJobs(rt, ids);
  else void drainDatabase(rt);
}

/**
 * The periodic part: database mode drains due rows; Redis mode re-queues rows nobody holds a job for (the
 * instance that made them stopped before queuing them, or a retry's job was lost), at most once per lease.
 */
export async function queueTick() {
  const rt = runtime;
  if (!rt || rt.stopped) return;
  if (rt.mode === 'database') return drainDatabase(rt);
  if (Date.now() - rt.lastSweep < rt.settings.leaseSeconds * 1000) return;
  rt.lastSweep = Date.now();
  const knex = knexOf(rt.strapi);
  const now = new Date();
  const stale = new Date(now.getTime() - rt.settings.leaseSeconds * 1000);
  const ids: number[] = await knex(DELIVERIES)
    .where((q: any) => q.where('state', 'pending').andWhere('updated_at', '<', stale).andWhere((q2: any) => q2.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', now)))
    .orWhere((q: any) => q.where('state', 'sending').andWhere('lease_until', '<', now))
    .pluck('id');
  if (ids.length) await addJobs(rt, ids);
}

/** Waits until the queue has nothing due (tests and the benchmark). */
export async function drainNow() {
  const rt = runtime;
  if (!rt) return;
  if (rt.mode === 'database') return drainDatabase(rt);
  for (;;) {
    const counts = await rt.queue!.getJobCounts('wait', 'active', 'delayed', 'prioritized');
    if (!counts.wait && !counts.active && !counts.delayed && !counts.prioritized) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function startAlertQueue(strapi: Core.Strapi, settings: AlertSettings) {
  const rt: Runtime = { strapi, settings, mode: settings.redisUrl ? 'redis' : 'database', connections: [], draining: null, again: false, stopped: false, nextSlot: 0, batches: new Map(), lastSweep: 0, toRecord: [], recording: null };
  if (rt.mode === 'redis') {
    const connection = () => {
      const c = new Redis(settings.redisUrl, { maxRetriesPerRequest: null });
      c.on('error', (e) => strapi.log.warn(`Hàng đợi thư thông báo (Redis): ${e.message}`));
      rt.connections.push(c);
      return c;
    };
    const prefix = `${settings.redisPrefix}bull`;
    rt.queue = new Queue('alerts', { connection: connection(), prefix });
    rt.worker = new Worker(
      'alerts',
      async (job) => {
        const outcome = await deliver(rt, Number(job.data.id));
        if (outcome === 'retry') throw new Error('Gửi không được, sẽ thử lại');
      },
      { connection: connection(), prefix, concurrency: settings.concurrency, limiter: { max: settings.sendRate, duration: 1000 }, lockDuration: settings.leaseSeconds * 1000, stalledInterval: Math.min(30_000, settings.leaseSeconds * 1000) },
    );
    rt.worker.on('error', (e) => strapi.log.warn(`Hàng đợi thư thông báo: ${e.message}`));
  }
  runtime = rt;
  return rt.mode;
}

export async function stopAlertQueue() {
  const rt = runtime;
  runtime = undefined;
  if (!rt) return;
  rt.stopped = true;
  await rt.worker?.close().catch(() => {});
  await rt.queue?.close().catch(() => {});
  await rt.draining?.catch(() => {});
  await rt.recording?.catch(() => {});
  for (const c of rt.connections) c.disconnect();
}

/** Which mails of `batchIds` are still to send (a batch's fan-out hands them to the queue). */
export async function pendingOfBatch(strapi: Core.Strapi, batchId: number): Promise<number[]> {
  return knexOf(strapi)(DELIVERIES).where('batch_id', batchId).whereIn('state', ['pending']).orderBy('id').pluck('id');
}
