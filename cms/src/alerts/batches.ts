/**
 * Batches: what is mailed, once. A publish schedules the item's batch ALERTS_DEBOUNCE_SECONDS later (a new
 * publish in the window restarts it; an unpublish or delete in the window cancels it). When due, the item is
 * read again as the public would see it (published, embargo over; reads outside requests are trusted by the
 * release guard, so both are checked here), and one mail per confirmed "immediate" subscriber following it is
 * queued. Digests (daily, weekly) are batches of the items alerted in their period, for the subscribers of
 * that frequency, each with the items they follow. A batch has a unique key (the item, or the digest's date),
 * a mail a unique (subscriber, batch): nothing is mailed twice whatever runs twice.
 */
import type { Core } from '@strapi/strapi';
import { ALERT_TYPES, alertTypeOf, formatDate, todayVn, type AlertType } from '@thads/shared';
import { EMBARGOED_TYPES } from '../publishing/embargo';
import type { AlertItem } from './render';
import type { AlertSettings } from './settings';
import { BATCHES, DELIVERIES, SUBSCRIPTIONS, knexOf, newDocumentId, readJson } from './tables';
import { enqueueDeliveries, pendingOfBatch } from './queue';

const state = { ready: false };
/** Publishes are alerted only once the CMS has started (the demo seed publishes hundreds of items before). */
export const setAlertsReady = (ready: boolean) => {
  state.ready = ready;
};

const POPULATE: Record<string, object> = {
  'api::article.article': { category: { fields: ['slug'] } },
  'api::legal-qa.legal-qa': { topic: { fields: ['slug'] } },
  'api::auction-notice.auction-notice': { district: { fields: ['slug'] } },
};

const itemKey = (type: AlertType, documentId: string) => `item:${type}:${documentId}`;

async function hasConfirmedSubscribers(strapi: Core.Strapi) {
  return Boolean(await knexOf(strapi)(SUBSCRIPTIONS).where('state', 'confirmed').first('id'));
}

/** A publish (or a save straight to published): the item's batch is (re)scheduled after the debounce window. */
export async function schedulePublished(strapi: Core.Strapi, settings: AlertSettings, uid: string, documentId: string, now = new Date()) {
  const type = alertTypeOf(uid);
  if (!type || !(await hasConfirmedSubscribers(strapi))) return;
  const knex = knexOf(strapi);
  const key = itemKey(type, documentId);
  const dueAt = new Date(now.getTime() + settings.debounceSeconds * 1000);
  const updated = await knex(BATCHES).where('key', key).whereIn('state', ['scheduled', 'cancelled']).update({ state: 'scheduled', due_at: dueAt, updated_at: now });
  if (updated) return;
  await knex(BATCHES)
    .insert({ document_id: newDocumentId(), key, kind: 'immediate', state: 'scheduled', item_uid: uid, item_document_id: documentId, due_at: dueAt, recipients: 0, created_at: now, updated_at: now, published_at: now })
    .onConflict('key')
    .ignore();
}

/** An unpublish or delete: a batch still in its debounce window is cancelled (sent batches stay as they are). */
export async function cancelScheduled(strapi: Core.Strapi, uid: string, documentId: string) {
  const type = alertTypeOf(uid);
  if (!type) return;
  await knexOf(strapi)(BATCHES).where('key', itemKey(type, documentId)).where('state', 'scheduled').update({ state: 'cancelled', updated_at: new Date() });
}

/** Document Service middleware: publishes, unpublishes and deletes of the alerted types. Never fails the editor's action. */
export function alertsMiddleware(strapi: Core.Strapi, settings: AlertSettings) {
  return async (context: any, next: () => Promise<any>) => {
    const result = await next();
    if (!state.ready || !alertTypeOf(context.uid)) return result;
    const documentId: string | undefined = context.params?.documentId ?? result?.documentId;
    const published = context.action === 'publish' || ((context.action === 'create' || context.action === 'update') && context.params?.status === 'published');
    const undone = context.action === 'unpublish' || context.action === 'delete';
    if (!documentId || (!published && !undone)) return result;
    const record = () =>
      (published ? schedulePublished(strapi, settings, context.uid, documentId) : cancelScheduled(strapi, context.uid, documentId)).catch((error: any) =>
        strapi.log.error(`Thông báo qua thư: không ghi nhận được thao tác ${context.action} trên ${context.uid}: ${error?.message ?? error}`),
      );
    // Inside a caller's transaction (a bulk job): once it commits (a rollback mails nothing), and on another
    // connection than the one the transaction holds (SQLite has only one).
    if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }: any) => onCommit(() => void record()));
    else await record();
    return result;
  };
}

/** The item as the public sees it now, or null (unpublished, deleted), or the end of its embargo. */
async function releasedItem(strapi: Core.Strapi, settings: AlertSettings, uid: string, documentId: string, now: Date): Promise<AlertItem | { embargoUntil: Date } | null> {
  const type = alertTypeOf(uid)!;
  const doc = (await strapi.documents(uid as any).findOne({ documentId, status: 'published', populate: POPULATE[uid] ?? {} } as any)) as any;
  if (!doc) return null;
  if (EMBARGOED_TYPES.includes(uid) && doc.embargoUntil && new Date(doc.embargoUntil) > now) return { embargoUntil: new Date(doc.embargoUntil) };
  const keys = [`type:${type}`];
  if (doc.category?.slug) keys.push(`category:${doc.category.slug}`);
  if (doc.topic?.slug) keys.push(`topic:${doc.topic.slug}`);
  if (doc.district?.slug) keys.push(`district:${doc.district.slug}`);
  const summary = String(doc.summary ?? doc.question ?? doc.falseClaim ?? '').replace(/\s+/g, ' ').trim();
  return {
    type,
    typeLabel: ALERT_TYPES[type].label,
    title: String(doc.title ?? ''),
    summary: summary.length > 300 ? `${summary.slice(0, 297)}…` : summary,
    url: `${settings.siteUrl}${ALERT_TYPES[type].path(doc.slug)}`,
    keys,
    date: String(doc.date ?? doc.publishedAt ?? now.toISOString()),
  };
}

/** Queues one mail per matching subscriber of `frequency`, reading subscribers page by page; returns how many mails the batch has. */
async function fanOut(strapi: Core.Strapi, settings: AlertSettings, batchId: number, frequency: 'immediate' | 'daily' | 'weekly', items: AlertItem[]) {
  const knex = knexOf(strapi);
  let last = 0;
  for (;;) {
    const subs = await knex(SUBSCRIPTIONS).where('state', 'confirmed').where('frequency', frequency).where('id', '>', last).orderBy('id').limit(1000).select('id', 'follows');
    if (!subs.length) break;
    last = subs[subs.length - 1].id;
    const now = new Date();
    const rows = [];
    for (const sub of subs) {
      const follows = new Set(readJson<string[]>(sub.follows, []));
      const indexes = items.flatMap((item, i) => (item.keys.some((k) => follows.has(k)) ? [i] : []));
      if (!indexes.length) continue;
      rows.push({ document_id: newDocumentId(), unique_key: `${sub.id}:${batchId}`, subscription_id: sub.id, batch_id: batchId, item_indexes: frequency === 'immediate' ? null : JSON.stringify(indexes), state: 'pending', attempts: 0, created_at: now, updated_at: now, published_at: now });
    }
    for (let i = 0; i < rows.length; i += 200) await knex(DELIVERIES).insert(rows.slice(i, i + 200)).onConflict('unique_key').ignore();
  }
  await enqueueDeliveries(strapi, settings, await pendingOfBatch(strapi, batchId));
  const [{ n }] = await knex(DELIVERIES).where('batch_id', batchId).count({ n: '*' });
  return Number(n);
}

/**
 * Dispatches the batches that are due (and takes over those whose dispatch stopped half-way: the fan-out
 * inserts nothing twice). Returns how many were dispatched.
 */
export async function dispatchDue(strapi: Core.Strapi, settings: AlertSettings, now = new Date()): Promise<number> {
  const knex = knexOf(strapi);
  const stale = new Date(now.getTime() - settings.leaseSeconds * 1000);
  const due = await knex(BATCHES)
    .where((q: any) => q.where('state', 'scheduled').andWhere('due_at', '<=', now))
    .orWhere((q: any) => q.where('state', 'dispatching').andWhere('updated_at', '<', stale))
    .orderBy('due_at')
    .limit(20)
    .select('id', 'kind', 'state', 'item_uid', 'item_document_id', 'items');
  let dispatched = 0;
  for (const batch of due) {
    const claimed = await knex(BATCHES)
      .where('id', batch.id)
      .andWhere((q: any) => (batch.state === 'scheduled' ? q.where('state', 'scheduled').andWhere('due_at', '<=', now) : q.where('state', 'dispatching').andWhere('updated_at', '<', stale)))
      .update({ state: 'dispatching', updated_at: new Date() });
    if (!claimed) continue;
    let items: AlertItem[];
    if (batch.kind === 'immediate') {
      const item = await releasedItem(strapi, settings, batch.item_uid, batch.item_document_id, now);
      if (!item) {
        await knex(BATCHES).where('id', batch.id).update({ state: 'cancelled', updated_at: new Date() });
        continue;
      }
      if ('embargoUntil' in item) {
        await knex(BATCHES).where('id', batch.id).update({ state: 'scheduled', due_at: item.embargoUntil, updated_at: new Date() });
        continue;
      }
      items = [item];
      await knex(BATCHES).where('id', batch.id).update({ title: item.title.slice(0, 300), items: JSON.stringify(items) });
    } else {
      items = readJson<AlertItem[]>(batch.items, []);
    }
    const recipients = items.length ? await fanOut(strapi, settings, batch.id, batch.kind, items) : 0;
    // Dispatched as of the pass's time: the digests gather items by it (a pass at a chosen time, in tests, too).
    await knex(BATCHES).where('id', batch.id).update({ state: 'dispatched', dispatched_at: now, recipients, updated_at: new Date() });
    dispatched++;
  }
  return dispatched;
}

/**
 * Makes the digest of `kind` for the period ending `now`: the items alerted since the previous digest of that
 * kind (at most a day or a week back), still published and out of embargo. Idempotent per day.
 */
export async function createDigest(strapi: Core.Strapi, settings: AlertSettings, kind: 'daily' | 'weekly', now = new Date()): Promise<{ key: string; items: number; created: boolean }> {
  const knex = knexOf(strapi);
  const key = `${kind}:${todayVn(now)}`;
  if (await knex(BATCHES).where('key', key).first('id')) return { key, items: 0, created: false };
  const span = (kind === 'daily' ? 1 : 7) * 86400_000;
  const previous = await knex(BATCHES).where('kind', kind).orderBy('due_at', 'desc').first('due_at');
  const since = new Date(Math.max(now.getTime() - span, previous ? new Date(previous.due_at).getTime() : 0));
  const alerted = await knex(BATCHES).where('kind', 'immediate').where('state', 'dispatched').where('dispatched_at', '>', since).where('dispatched_at', '<=', now).orderBy('dispatched_at').select('item_uid', 'item_document_id');
  const items: AlertItem[] = [];
  for (const row of alerted) {
    const item = await releasedItem(strapi, settings, row.item_uid, row.item_document_id, now);
    if (item && !('embargoUntil' in item)) items.push(item);
  }
  const title = kind === 'daily' ? `ngày ${formatDate(now)}` : `từ ${formatDate(since)} đến ${formatDate(now)}`;
  const inserted = await knex(BATCHES)
    .insert({ document_id: newDocumentId(), key, kind, state: items.length ? 'scheduled' : 'dispatched', title, items: JSON.stringify(items), due_at: now, dispatched_at: items.length ? null : now, recipients: 0, created_at: now, updated_at: now, published_at: now })
    .onConflict('key')
    .ignore();
  return { key, items: items.length, created: Boolean(inserted) };
}

