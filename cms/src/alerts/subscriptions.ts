/**
 * The public side of email alerts, independent of HTTP: sign up (double opt-in), confirm, unsubscribe, change
 * what one follows, and the erasure of sign-ups never confirmed. One subscription per address. An address is
 * never returned by any endpoint (the manage page shows it masked) and is deleted at once on unsubscribe.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { ALERT_CONSENT_TEXT, ALERT_UNCONFIRMED_DAYS, alertLinkInput, alertManageInput, alertSubscribeInput, fieldErrors, type AlertFrequency } from '@thads/shared';
import { fail, invalid, spendChallenge, type Outcome } from '../intake/service';
import type { IntakeSettings } from '../intake/settings';
import type { IntakeStores } from '../intake/stores';
import { alertNames, unknownFollows } from './names';
import { confirmStamp, tokenMatches } from './links';
import type { AlertSettings } from './settings';
import { DELIVERIES, SUBSCRIPTION_UID, knexOf, newDocumentId } from './tables';
import { enqueueDeliveries } from './queue';

const BAD_LINK = 'Liên kết không hợp lệ hoặc đã hết hiệu lực.';
export const SUBSCRIBED_MESSAGE = 'Đã nhận đăng ký. Vui lòng mở thư chúng tôi vừa gửi tới địa chỉ của bạn và bấm liên kết xác nhận; chưa xác nhận thì không có thư thông báo nào được gửi.';

type Sub = { id: number; documentId: string; email: string; follows: string[]; frequency: AlertFrequency; state: 'pending' | 'confirmed' | 'bounced'; pendingFollows: string[] | null; pendingFrequency: AlertFrequency | null; confirmSentAt: string | null };

const unknownFollowError = (keys: string[]) => {
  const message = `Nội dung theo dõi: mục "${keys[0]}" không có trong danh sách.`;
  return fail(400, message, [{ path: ['follows'], message }]);
};

/** Queues the confirmation mail of `sub` (a delivery of batch 0, once per confirmation asked). */
async function queueConfirmation(strapi: Core.Strapi, settings: AlertSettings, sub: { id: number }, stamp: string) {
  const knex = knexOf(strapi);
  const now = new Date();
  await knex(DELIVERIES)
    .insert({ document_id: newDocumentId(), unique_key: `c:${sub.id}:${stamp}`, subscription_id: sub.id, batch_id: 0, state: 'pending', attempts: 0, created_at: now, updated_at: now, published_at: now })
    .onConflict('unique_key')
    .ignore();
  const row = await knex(DELIVERIES).where('unique_key', `c:${sub.id}:${stamp}`).first('id');
  if (row) await enqueueDeliveries(strapi, settings, [row.id]);
}

export async function subscribe(strapi: Core.Strapi, body: unknown, settings: AlertSettings, intake: IntakeSettings, stores: IntakeStores): Promise<Outcome<{ message: string }>> {
  const parsed = alertSubscribeInput.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const unknown = unknownFollows(input.follows, await alertNames(strapi));
  if (unknown.length) return unknownFollowError(unknown);
  if (input.altcha) {
    const spent = await spendChallenge(input.altcha, intake, stores);
    if (spent) return spent;
  }
  const accepted = { ok: true as const, status: 202, data: { message: SUBSCRIBED_MESSAGE } };
  // At most a few confirmation mails per address and day, whoever asks: the same answer either way, so that
  // the form tells nobody whether an address is already subscribed.
  try {
    await stores.limiter('alert-confirm', settings.confirmLimit).consume(createHash('sha256').update(input.email).digest('hex'));
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    return accepted;
  }
  const now = new Date();
  const query = strapi.db.query(SUBSCRIPTION_UID as any);
  const existing = (await query.findOne({ where: { email: input.email } })) as Sub | null;
  let sub: Sub;
  if (!existing) {
    sub = (await query.create({ data: { email: input.email, follows: input.follows, frequency: input.frequency, state: 'pending', consentAt: now, consentText: ALERT_CONSENT_TEXT, confirmSentAt: now } })) as Sub;
  } else if (existing.state !== 'confirmed') {
    // Pending, or stopped after repeated bounces: signing up again starts over (a new confirmation).
    sub = (await query.update({ where: { id: existing.id }, data: { state: 'pending', follows: input.follows, frequency: input.frequency, consentAt: now, consentText: ALERT_CONSENT_TEXT, confirmSentAt: now, pendingFollows: null, pendingFrequency: null } })) as Sub;
  } else {
    // Already confirmed: the change waits for a confirmation from the mailbox too.
    sub = (await query.update({ where: { id: existing.id }, data: { pendingFollows: input.follows, pendingFrequency: input.frequency, confirmSentAt: now } })) as Sub;
  }
  await queueConfirmation(strapi, settings, sub, confirmStamp(sub.confirmSentAt));
  return accepted;
}

async function subscriptionOfLink(strapi: Core.Strapi, settings: AlertSettings, input: { s: string; t: string }, purpose: 'confirm' | 'manage'): Promise<Sub | null> {
  const sub = (await strapi.db.query(SUBSCRIPTION_UID as any).findOne({ where: { documentId: input.s } })) as Sub | null;
  if (!sub) return null;
  return tokenMatches(settings, purpose, sub.documentId, input.t, purpose === 'confirm' ? confirmStamp(sub.confirmSentAt) : '') ? sub : null;
}

const linkOf = (body: unknown) => {
  const parsed = alertLinkInput.safeParse(body);
  return parsed.success ? parsed.data : null;
};

export type SubscriptionView = { follows: string[]; frequency: AlertFrequency; email: string };
/** The address as the manage page shows it: enough to recognise, not to read ("b***@example.com"). */
export const maskEmail = (email: string) => email.replace(/^(.)[^@]*(@.*)$/, '$1***$2');
const view = (sub: Sub): SubscriptionView => ({ follows: sub.follows, frequency: sub.frequency, email: maskEmail(sub.email) });

export async function confirm(strapi: Core.Strapi, settings: AlertSettings, body: unknown): Promise<Outcome<SubscriptionView>> {
  const link = linkOf(body);
  const sub = link && (await subscriptionOfLink(strapi, settings, link, 'confirm'));
  if (!sub) return fail(404, BAD_LINK);
  if (sub.state === 'confirmed' && !sub.pendingFollows) return { ok: true, status: 200, data: view(sub) };
  if (sub.state === 'bounced') return fail(404, BAD_LINK);
  // A confirmation proves the mailbox works: earlier bounces no longer count.
  const data: Record<string, unknown> = sub.state === 'pending' ? { state: 'confirmed', confirmedAt: new Date(), hardBounces: 0 } : { follows: sub.pendingFollows, frequency: sub.pendingFrequency ?? sub.frequency, pendingFollows: null, pendingFrequency: null };
  const updated = (await strapi.db.query(SUBSCRIPTION_UID as any).update({ where: { id: sub.id }, data })) as Sub;
  return { ok: true, status: 200, data: view(updated) };
}

/** Deletes the subscription and its mails not yet sent. Idempotent: an unknown subscription is already gone. */
export async function unsubscribe(strapi: Core.Strapi, settings: AlertSettings, body: unknown): Promise<Outcome<{ message: string }>> {
  const link = linkOf(body);
  if (!link) return fail(400, BAD_LINK);
  const done = { ok: true as const, status: 200, data: { message: 'Bạn đã huỷ đăng ký. Địa chỉ thư điện tử của bạn đã được xoá; bạn sẽ không nhận thêm thư nào.' } };
  const exists = await strapi.db.query(SUBSCRIPTION_UID as any).findOne({ where: { documentId: link.s }, select: ['id'] });
  if (!exists) return done;
  const sub = await subscriptionOfLink(strapi, settings, link, 'manage');
  if (!sub) return fail(404, BAD_LINK);
  await eraseSubscriptions(strapi, [sub.id]);
  return done;
}

export async function eraseSubscriptions(strapi: Core.Strapi, ids: number[]) {
  if (!ids.length) return;
  const knex = knexOf(strapi);
  await knex(DELIVERIES).whereIn('subscription_id', ids).whereIn('state', ['pending', 'sending']).del();
  await strapi.db.query(SUBSCRIPTION_UID as any).deleteMany({ where: { id: { $in: ids } } });
}

export async function manageView(strapi: Core.Strapi, settings: AlertSettings, body: unknown): Promise<Outcome<SubscriptionView>> {
  const link = linkOf(body);
  const sub = link && (await subscriptionOfLink(strapi, settings, link, 'manage'));
  if (!sub) return fail(404, BAD_LINK);
  return { ok: true, status: 200, data: view(sub) };
}

export async function manageUpdate(strapi: Core.Strapi, settings: AlertSettings, body: unknown): Promise<Outcome<SubscriptionView>> {
  const parsed = alertManageInput.safeParse(body);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    if (errors.some((e) => e.path[0] === 's' || e.path[0] === 't')) return fail(404, BAD_LINK);
    return invalid(parsed.error);
  }
  const input = parsed.data;
  const sub = await subscriptionOfLink(strapi, settings, input, 'manage');
  if (!sub) return fail(404, BAD_LINK);
  const unknown = unknownFollows(input.follows, await alertNames(strapi));
  if (unknown.length) return unknownFollowError(unknown);
  const updated = (await strapi.db.query(SUBSCRIPTION_UID as any).update({ where: { id: sub.id }, data: { follows: input.follows, frequency: input.frequency } })) as Sub;
  return { ok: true, status: 200, data: view(updated) };
}

const BOUNCED_KEEP_DAYS = 30;

/**
 * Erases sign-ups not confirmed within ALERT_UNCONFIRMED_DAYS of their last confirmation mail, subscriptions
 * stopped after repeated bounces BOUNCED_KEEP_DAYS after the last one, and changes never confirmed.
 */
export async function eraseUnconfirmed(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - ALERT_UNCONFIRMED_DAYS * 86400_000);
  const query = strapi.db.query(SUBSCRIPTION_UID as any);
  const stale = (await query.findMany({ where: { state: 'pending', confirmSentAt: { $lt: before } }, select: ['id'] })) as { id: number }[];
  await eraseSubscriptions(strapi, stale.map((s) => s.id));
  // Addresses no longer mailed after repeated bounces are kept BOUNCED_KEEP_DAYS for the editors' counts, then erased.
  const bounced = (await query.findMany({ where: { state: 'bounced', bouncedAt: { $lt: new Date(now.getTime() - BOUNCED_KEEP_DAYS * 86400_000) } }, select: ['id'] })) as { id: number }[];
  await eraseSubscriptions(strapi, bounced.map((s) => s.id));
  await query.updateMany({ where: { state: 'confirmed', pendingFollows: { $notNull: true }, confirmSentAt: { $lt: before } }, data: { pendingFollows: null, pendingFrequency: null } });
  return stale.length + bounced.length;
}
