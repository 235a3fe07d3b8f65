/**
 * Email alerts, public endpoints (no authentication):
 *   POST /api/alerts/subscribe     { email, follows[], frequency, consent, altcha? } → 202 (a confirmation mail is queued)
 *   GET  /api/alerts/confirm       ?s&t → a page with one button;  POST → confirms (JSON or the page)
 *   GET  /api/alerts/unsubscribe   ?s&t → a page with one button;  POST → deletes the subscription; also the
 *                                  List-Unsubscribe-Post one-click target (RFC 8058: s, t in the query)
 *   GET  /api/alerts/manage        ?s&t → the current choice (JSON, or an HTML form);  POST → changes it
 *   POST /api/alerts/bounces       a delivery status notification from the bounce mailbox (src/alerts/bounces.ts):
 *                                  `Authorization: Bearer <ALERTS_BOUNCE_SECRET>`, the raw message as the body
 *                                  (message/rfc822 or text/plain; ?recipient= the envelope recipient) or JSON
 *                                  { message, recipient } → 200 { recorded, kind, action, status }
 * JSON in, JSON out; a form post (urlencoded) gets a page back. Every refusal is a 4xx in Vietnamese.
 */
import type { Core } from '@strapi/strapi';
import { limited, refuse } from '../../../intake/http';
import { intakeSettings } from '../../../intake/settings';
import { intakeStores } from '../../../intake/stores';
import { alertSettings } from '../../../alerts/settings';
import { confirm, manageUpdate, manageView, subscribe, unsubscribe } from '../../../alerts/subscriptions';
import { confirmPage, managePage, messagePage, unsubscribePage } from '../../../alerts/pages';
import { alertNames } from '../../../alerts/names';
import { bounceSecretMatches, recordBounce } from '../../../alerts/bounces';
import { ALERT_BOUNCE_MAX_CHARS } from '@thads/shared';

const intake = intakeSettings();
const settings = alertSettings();
const stores = () => intakeStores(intake);


const wantsJson = (ctx: any) => ctx.is('application/json') || (ctx.method === 'GET' && ctx.accepts('html', 'json') === 'json');
/** The link's s and t, from the body or (one-click, GET pages) the query string. */
const linkParams = (ctx: any) => {
  const body = ctx.request.body && typeof ctx.request.body === 'object' ? ctx.request.body : {};
  return { s: body.s ?? ctx.query?.s, t: body.t ?? ctx.query?.t };
};
const html = (ctx: any, status: number, body: string) => {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
};
const json = (ctx: any, outcome: any) => {
  ctx.set('Cache-Control', 'no-store');
  if (outcome.ok) {
    ctx.status = outcome.status;
    ctx.body = { data: outcome.data };
  } else refuse(ctx, outcome.status, outcome.message, outcome.errors);
};

/** The raw body of a message/rfc822 post (the body parser leaves that type alone), or null when over `limit` bytes. */
async function rawBody(ctx: any, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async subscribe(ctx: any) {
    if (Number(ctx.request.length ?? 0) > intake.maxBody) return refuse(ctx, 413, `Nội dung gửi quá lớn (tối đa ${Math.round(intake.maxBody / 1024)} KB).`);
    if (await limited(ctx, 'alert-subscribe', settings.subscribeLimit)) return;
    const outcome = await subscribe(strapi, ctx.request.body, settings, intake, stores());
    if (wantsJson(ctx)) return json(ctx, outcome);
    // A plain form post (no JavaScript): a page with the outcome.
    return html(ctx, outcome.ok ? 202 : outcome.status, outcome.ok ? messagePage('Đã nhận đăng ký', outcome.data.message, settings.siteUrl) : messagePage('Chưa đăng ký được', outcome.message, settings.siteUrl, true));
  },

  async confirmPage(ctx: any) {
    if (await limited(ctx, 'alert-link', intake.lookupLimit)) return;
    const { s, t } = linkParams(ctx);
    html(ctx, 200, confirmPage('/api/alerts/confirm', String(s ?? ''), String(t ?? ''), settings.siteUrl));
  },

  async confirm(ctx: any) {
    if (await limited(ctx, 'alert-link', intake.lookupLimit)) return;
    const outcome = await confirm(strapi, settings, linkParams(ctx));
    if (wantsJson(ctx)) return json(ctx, outcome);
    html(ctx, outcome.ok ? 200 : outcome.status, outcome.ok ? messagePage('Đã xác nhận đăng ký', 'Cảm ơn bạn. Từ nay bạn sẽ nhận thông báo qua thư điện tử về nội dung đã chọn; mỗi thư đều có liên kết để thay đổi hoặc huỷ đăng ký.', settings.siteUrl) : messagePage('Không xác nhận được', outcome.message, settings.siteUrl, true));
  },

  async unsubscribePage(ctx: any) {
    if (await limited(ctx, 'alert-link', intake.lookupLimit)) return;
    const { s, t } = linkParams(ctx);
    html(ctx, 200, unsubscribePage('/api/alerts/unsubscribe', String(s ?? ''), String(t ?? ''), settings.siteUrl));
  },

  async unsubscribe(ctx: any) {
    if (await limited(ctx, 'alert-link', intake.lookupLimit)) return;
    const outcome = await unsubscribe(strapi, settings, linkParams(ctx));
    if (wantsJson(ctx) || ctx.request.body?.['List-Unsubscribe'] === 'One-Click') return json(ctx, outcome);
    html(ctx, outcome.ok ? 200 : outcome.status, outcome.ok ? messagePage('Đã huỷ đăng ký', outcome.data.message, settings.siteUrl) : messagePage('Không huỷ được', outcome.message, settings.siteUrl, true));
  },

  async manage(ctx: any) {
    if (await limited(ctx, 'alert-link', intake.lookupLimit)) return;
    const params = linkParams(ctx);
    const outcome = await manageView(strapi, settings, params);
    if (wantsJson(ctx)) return json(ctx, outcome);
    if (!outcome.ok) return html(ctx, outcome.status, messagePage('Không mở được trang quản lý', outcome.message, settings.siteUrl, true));
    html(ctx, 200, managePage({ action: '/api/alerts/manage', unsubscribe: '/api/alerts/unsubscribe', s: params.s, t: params.t, ...outcome.data, names: await alertNames(strapi), siteUrl: settings.siteUrl }));
  },

  async manageUpdate(ctx: any) {
    if (await limited(ctx, 'alert-link', intake.lookupLimit)) return;
    const body = { ...(ctx.request.body ?? {}) };
    const outcome = await manageUpdate(strapi, settings, body);
    if (wantsJson(ctx)) return json(ctx, outcome);
    const current = outcome.ok ? outcome : await manageView(strapi, settings, { s: body.s, t: body.t });
    if (!current.ok) return html(ctx, current.status, messagePage('Không lưu được', current.message, settings.siteUrl, true));
    html(ctx, outcome.ok ? 200 : outcome.status, managePage({ action: '/api/alerts/manage', unsubscribe: '/api/alerts/unsubscribe', s: body.s, t: body.t, ...current.data, names: await alertNames(strapi), siteUrl: settings.siteUrl, notice: outcome.ok ? 'Đã lưu thay đổi.' : undefined, error: outcome.ok ? undefined : outcome.message }));
  },

  async bounces(ctx: any) {
    ctx.set('Cache-Control', 'no-store');
    if (!settings.bounceSecret) return refuse(ctx, 403, 'Chưa bật tiếp nhận thư báo lỗi gửi (đặt ALERTS_BOUNCE_SECRET).');
    if (!bounceSecretMatches(settings, ctx.get('authorization'))) {
      if (await limited(ctx, 'alert-bounce-auth', intake.lookupLimit)) return;
      ctx.set('WWW-Authenticate', 'Bearer');
      return refuse(ctx, 401, 'Thiếu hoặc sai khoá tiếp nhận thư báo lỗi gửi.');
    }
    let body: unknown = ctx.request.body;
    if (ctx.is('json')) {
      /* as sent: { message, recipient } */
    } else if (ctx.is('message/rfc822', 'message/*', 'text/plain')) {
      const raw = typeof body === 'string' && body ? body : await rawBody(ctx, ALERT_BOUNCE_MAX_CHARS * 4);
      if (raw === null) return refuse(ctx, 413, `Thư báo lỗi gửi quá lớn (tối đa ${ALERT_BOUNCE_MAX_CHARS / 1024} KB).`);
      body = { message: raw, ...(typeof ctx.query?.recipient === 'string' ? { recipient: ctx.query.recipient } : {}) };
    } else {
      return refuse(ctx, 415, 'Chỉ nhận thư báo lỗi gửi dạng message/rfc822, text/plain hoặc JSON { message, recipient }.');
    }
    json(ctx, await recordBounce(strapi, settings, body));
  },
});
