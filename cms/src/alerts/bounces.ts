/**
 * Bounces: mails the relay refused at once (a 5xx answer while sending: queue.ts) and mails it accepted and
 * could not deliver later, reported back by a delivery status notification (DSN, RFC 3464: a
 * multipart/report with a message/delivery-status part).
 *
 * How a DSN finds its mail (VERP): with ALERTS_BOUNCE_ADDRESS set (bounce@agency.example), every mail is sent
 * with its own envelope sender (the Return-Path), bounce+d<delivery id>-<signature>@agency.example, the
 * signature an HMAC of the id (nobody can forge a bounce for another mail). Relays send DSNs to that address;
 * the mailbox behind it hands them to POST /api/alerts/bounces (a mail pipe, e.g. Postfix's `pipe` transport
 * running curl, or the relay's inbound webhook), with `Authorization: Bearer <ALERTS_BOUNCE_SECRET>` and the
 * raw message as the body (Content-Type message/rfc822), or JSON { message, recipient }. The token is read
 * from `recipient` (the envelope recipient, if the pipe passes it), else from the DSN's To, Delivered-To or
 * X-Original-To, else from the Return-Path of the returned original's headers (or the report's X-Postfix-Sender).
 *
 * What is recorded: a failed recipient (Action: failed) marks the mail failed with its status and the relay's
 * diagnostic; a permanent failure (status 5.x.x) is a hard bounce, and a subscription with
 * ALERTS_BOUNCE_LIMIT hard bounces (default 3) is no longer mailed (state "bounced"; signing up again and
 * confirming starts over). Delays and successful deliveries change nothing. The same DSN twice counts once.
 * MIME is read by mailparser (the parser of the nodemailer project the CMS already sends with).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { simpleParser } from 'mailparser';
import { alertBounceInput } from '@thads/shared';
import { fail, invalid, type Outcome } from '../intake/service';
import type { AlertSettings } from './settings';
import { DELIVERIES, SUBSCRIPTIONS, knexOf } from './tables';

const signature = (settings: AlertSettings, id: number) => createHmac('sha256', settings.hmacSecret).update(`bounce:${id}`).digest('hex').slice(0, 20);

/** The envelope sender of mail `id` (VERP), or undefined without ALERTS_BOUNCE_ADDRESS. Lower case only: some relays fold local parts. */
export function returnPath(settings: AlertSettings, id: number): string | undefined {
  const m = /^([^@+\s]+)@([^@\s]+)$/.exec(settings.bounceAddress);
  return m ? `${m[1]}+d${id}-${signature(settings, id)}@${m[2]}` : undefined;
}

/** The mail whose signed token appears in `text` (an address, a header), or null. A "+" read from a query string may arrive as a space. */
export function deliveryOfToken(settings: AlertSettings, text: string): number | null {
  for (const m of text.matchAll(/[+ ]d(\d{1,15})-([0-9a-f]{20})@/gi)) {
    const id = Number(m[1]);
    const expected = Buffer.from(signature(settings, id));
    const given = Buffer.from(m[2]!.toLowerCase());
    if (expected.length === given.length && timingSafeEqual(expected, given)) return id;
  }
  return null;
}

export type DsnRecipient = { finalRecipient: string; action: string; status: string; diagnostic: string };

/** The fields of a message/delivery-status body: a per-message group, then a group per recipient (RFC 3464 §2.1). */
export function parseDeliveryStatus(text: string): DsnRecipient[] {
  const groups = text
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ') // unfolded
    .split(/\n\s*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const m = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line.trim());
        if (m && !fields.has(m[1]!.toLowerCase())) fields.set(m[1]!.toLowerCase(), m[2]!.trim());
      }
      return fields;
    });
  return groups
    .filter((f) => f.has('action') && (f.has('final-recipient') || f.has('original-recipient')))
    .map((f) => ({
      finalRecipient: (f.get('final-recipient') ?? f.get('original-recipient') ?? '').replace(/^[a-z0-9-]+\s*;\s*/i, ''),
      action: (f.get('action') ?? '').toLowerCase().split(/\s/)[0]!,
      status: /\d\.\d{1,3}\.\d{1,3}/.exec(f.get('status') ?? '')?.[0] ?? '',
      diagnostic: (f.get('diagnostic-code') ?? '').replace(/^[a-z0-9-]+\s*;\s*/i, ''),
    }));
}

const asText = (content: unknown) => (Buffer.isBuffer(content) ? content.toString('utf8') : String(content ?? ''));
const headerText = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(headerText).join(' ');
  if (typeof value === 'object' && 'text' in (value as any)) return String((value as any).text);
  if (typeof value === 'object' && 'value' in (value as any)) return headerText((value as any).value) + ' ' + JSON.stringify(value);
  return String(value);
};

/** A DSN's recipients and the places its token can be in, or null when `raw` holds no delivery status. */
export async function readDsn(raw: string): Promise<{ recipients: DsnRecipient[]; addressed: string; returned: string } | null> {
  // keepDeliveryStatus: the message/delivery-status part as a part of its own (mailparser folds it into the text otherwise).
  const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true, keepDeliveryStatus: true });
  const parts = parsed.attachments ?? [];
  const status = parts.find((a) => /^message\/(global-)?delivery-status$/i.test(a.contentType));
  if (!status) return null;
  const statusText = asText(status.content);
  const recipients = parseDeliveryStatus(statusText);
  if (!recipients.length) return null;
  const addressed = ['to', 'delivered-to', 'x-original-to', 'envelope-to'].map((h) => headerText(parsed.headers.get(h))).join(' ');
  const returned = parts
    .filter((a) => /^(message\/(global-)?rfc822|text\/rfc822-headers|message\/global-headers)$/i.test(a.contentType))
    .map((a) => /^[\s\S]*?\r?\n\r?\n/.exec(asText(a.content))?.[0] ?? asText(a.content))
    .join('\n');
  // Postfix names the returned mail's sender in the report too (X-Postfix-Sender).
  return { recipients, addressed, returned: `${returned}\n${statusText}` };
}

const NOT_DSN = 'Thư gửi đến không phải báo cáo trạng thái gửi thư (DSN theo RFC 3464, multipart/report với phần message/delivery-status).';
const NO_TOKEN = 'Không tìm thấy mã thư hợp lệ (bounce+d…) trong địa chỉ nhận hay trong thư bị trả lại: thư báo lỗi này không thuộc thư nào của cổng.';

export type BounceResult = { recorded: boolean; kind: 'hard' | 'soft' | null; action: string; status: string; duplicate?: boolean; stopped?: boolean };

/**
 * Counts a hard bounce for subscription `id` (once per mail: the caller marks the mail first) and stops
 * mailing it at ALERTS_BOUNCE_LIMIT; true when it was stopped now.
 */
export async function countHardBounce(strapi: Core.Strapi, settings: AlertSettings, id: number, at = new Date()): Promise<boolean> {
  const knex = knexOf(strapi);
  await knex(SUBSCRIPTIONS).where('id', id).update({ hard_bounces: knex.raw('coalesce(hard_bounces, 0) + 1'), bounced_at: at, updated_at: at });
  const stopped = await knex(SUBSCRIPTIONS).where('id', id).where('hard_bounces', '>=', settings.bounceLimit).whereIn('state', ['confirmed', 'pending']).update({ state: 'bounced', updated_at: at });
  if (stopped) strapi.log.info(`Thông báo qua thư: ngừng gửi cho đăng ký ${id} sau ${settings.bounceLimit} lần thư bị trả lại.`);
  return Boolean(stopped);
}

/** Marks mail `id` as bounced (once); false when it already was, or no longer exists. */
async function markBounced(strapi: Core.Strapi, id: number, error: string, at: Date): Promise<boolean> {
  const n = await knexOf(strapi)(DELIVERIES).where('id', id).whereNull('bounced_at').update({ state: 'failed', error: error.slice(0, 1000), bounced_at: at, lease_until: null, next_attempt_at: null, updated_at: at });
  return n > 0;
}

/** A refusal while sending (5xx): the mail is a hard bounce too. */
export async function recordRefusal(strapi: Core.Strapi, settings: AlertSettings, deliveryId: number, subscriptionId: number, error: string) {
  const at = new Date();
  if (await markBounced(strapi, deliveryId, error, at)) await countHardBounce(strapi, settings, subscriptionId, at);
}

/** POST /api/alerts/bounces: one DSN, validated (shared schema), matched to its mail by the signed token, recorded. */
export async function recordBounce(strapi: Core.Strapi, settings: AlertSettings, body: unknown): Promise<Outcome<BounceResult>> {
  const parsed = alertBounceInput.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  let dsn: Awaited<ReturnType<typeof readDsn>>;
  try {
    dsn = await readDsn(parsed.data.message);
  } catch {
    dsn = null;
  }
  if (!dsn) return fail(422, NOT_DSN, [{ path: ['message'], message: NOT_DSN }]);
  const id = deliveryOfToken(settings, parsed.data.recipient ?? '') ?? deliveryOfToken(settings, dsn.addressed) ?? deliveryOfToken(settings, dsn.returned);
  if (id === null) return fail(422, NO_TOKEN, [{ path: ['recipient'], message: NO_TOKEN }]);
  // One mail has one recipient: the failed one if any, else the first reported.
  const r = dsn.recipients.find((x) => x.action === 'failed') ?? dsn.recipients[0]!;
  const base = { action: r.action, status: r.status };
  if (r.action !== 'failed') return { ok: true, status: 200, data: { recorded: false, kind: null, ...base } };
  const kind = r.status.startsWith('5') ? 'hard' : 'soft';
  const row = await knexOf(strapi)(DELIVERIES).where('id', id).first('id', 'subscription_id');
  if (!row) return { ok: true, status: 200, data: { recorded: false, kind, ...base } };
  const at = new Date();
  const reason = `Thư bị trả lại${kind === 'hard' ? '' : ' (lỗi tạm thời, máy chủ thư đã thôi thử)'}: ${[r.status, r.diagnostic].filter(Boolean).join(' ') || 'không rõ lý do'}`;
  if (!(await markBounced(strapi, id, reason, at))) return { ok: true, status: 200, data: { recorded: false, kind, duplicate: true, ...base } };
  const stopped = kind === 'hard' ? await countHardBounce(strapi, settings, row.subscription_id, at) : false;
  return { ok: true, status: 200, data: { recorded: true, kind, stopped, ...base } };
}

/** The bearer secret of the bounce intake, compared in constant time. */
export function bounceSecretMatches(settings: AlertSettings, header: string | undefined): boolean {
  if (!settings.bounceSecret) return false;
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!m) return false;
  const h = (s: string) => createHmac('sha256', 'bounce-secret').update(s).digest();
  return timingSafeEqual(h(m[1]!), h(settings.bounceSecret));
}
