/**
 * What editors see of email alerts (admin API; permission "Xem thông báo qua thư", editors and Super Admin, not
 * reporters): confirmed subscribers per followed key, and the batches sent (when, to how many, with failures).
 * No address is ever returned; an editor can erase one on request without reading any (POST …/erase).
 */
import type { Core } from '@strapi/strapi';
import { ALERT_FREQUENCIES, alertEraseInput, fieldErrors, followLabel } from '@thads/shared';
import { alertNames } from './names';
import { eraseSubscriptions } from './subscriptions';
import { BATCHES, DELIVERIES, SUBSCRIPTIONS, knexOf, readJson } from './tables';

export const ALERTS_READ = 'api::thads.alerts.read';

export function registerAlertsPermission(strapi: Core.Strapi): Promise<unknown> {
  return (strapi.service('admin::permission') as any).actionProvider.register({
    uid: 'thads.alerts.read',
    section: 'settings',
    category: 'Biên tập',
    subCategory: 'Thông báo qua thư',
    displayName: 'Xem thông báo qua thư (số người đăng ký, các đợt gửi)',
  });
}
/** For the editors' role (src/bootstrap/editorial-roles.ts). */
export const ALERTS_EDITOR_PERMISSIONS = [{ action: ALERTS_READ }];

const canRead = (ctx: any) => Boolean(ctx.state?.userAbility?.can(ALERTS_READ));
const forbid = (ctx: any) => {
  ctx.status = 403;
  ctx.body = { data: null, error: { status: 403, name: 'ForbiddenError', message: 'Bạn không có quyền xem thông báo qua thư.', details: {} } };
};
/** A relay's answer may quote the address: never shown. */
const redact = (text: string | null) => (text ?? '').replace(/[^\s<>"'@]+@[^\s<>"']+/g, '***');

export async function alertsSummary(strapi: Core.Strapi) {
  const knex = knexOf(strapi);
  const names = await alertNames(strapi);
  const counts = new Map<string, number>();
  const byFrequency = Object.fromEntries(ALERT_FREQUENCIES.map((f) => [f, 0])) as Record<string, number>;
  let confirmed = 0;
  for (let last = 0; ; ) {
    const rows = await knex(SUBSCRIPTIONS).where('state', 'confirmed').where('id', '>', last).orderBy('id').limit(2000).select('id', 'follows', 'frequency');
    if (!rows.length) break;
    last = rows[rows.length - 1].id;
    for (const r of rows) {
      confirmed++;
      byFrequency[r.frequency] = (byFrequency[r.frequency] ?? 0) + 1;
      for (const key of readJson<string[]>(r.follows, [])) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const [{ n: pending }] = await knex(SUBSCRIPTIONS).where('state', 'pending').count({ n: '*' });
  const [{ n: bounced }] = await knex(SUBSCRIPTIONS).where('state', 'bounced').count({ n: '*' });
  const batches = await knex(BATCHES).whereIn('state', ['dispatched', 'scheduled', 'dispatching']).orderBy('due_at', 'desc').limit(50).select('id', 'kind', 'state', 'title', 'due_at', 'dispatched_at', 'recipients');
  const ids = batches.map((b: any) => b.id);
  const states = ids.length ? await knex(DELIVERIES).whereIn('batch_id', ids).groupBy('batch_id', 'state').select('batch_id', 'state').count({ n: '*' }) : [];
  // The latest failures, confirmation mails included (batch 0).
  const failures = await knex(DELIVERIES).where('state', 'failed').orderBy('updated_at', 'desc').limit(50).select('batch_id', 'updated_at', 'attempts', 'error', 'bounced_at');
  const failureBatches = [...new Set(failures.map((f: any) => f.batch_id).filter((id: number) => id !== 0))];
  const named = failureBatches.length ? await knex(BATCHES).whereIn('id', failureBatches).select('id', 'kind', 'title') : [];
  const per = (id: number, state: string) => Number(states.find((s: any) => s.batch_id === id && s.state === state)?.n ?? 0);
  return {
    subscribers: { confirmed, pending: Number(pending), bounced: Number(bounced), byFrequency },
    follows: [...counts].map(([key, n]) => ({ key, label: followLabel(key, names), confirmed: n })).sort((a, b) => b.confirmed - a.confirmed || a.label.localeCompare(b.label, 'vi')),
    batches: batches.map((b: any) => ({
      id: b.id,
      kind: b.kind,
      state: b.state,
      title: b.title,
      dueAt: b.due_at ? new Date(b.due_at).toISOString() : null,
      dispatchedAt: b.dispatched_at ? new Date(b.dispatched_at).toISOString() : null,
      recipients: Number(b.recipients ?? 0),
      sent: per(b.id, 'sent'),
      failed: per(b.id, 'failed'),
      waiting: per(b.id, 'pending') + per(b.id, 'sending'),
    })),
    failures: failures.map((f: any) => ({ batchId: f.batch_id, confirmation: f.batch_id === 0, batchKind: named.find((b: any) => b.id === f.batch_id)?.kind ?? null, batchTitle: named.find((b: any) => b.id === f.batch_id)?.title ?? null, at: new Date(f.updated_at).toISOString(), attempts: Number(f.attempts), error: redact(f.error), bounced: Boolean(f.bounced_at) })),
  };
}

export function registerAlertsAdminRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/thads/alerts/summary',
        handler: async (ctx: any) => {
          if (!canRead(ctx)) return forbid(ctx);
          ctx.body = { data: await alertsSummary(strapi) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/thads/alerts/erase',
        handler: async (ctx: any) => {
          if (!canRead(ctx)) return forbid(ctx);
          const parsed = alertEraseInput.safeParse(ctx.request.body);
          if (!parsed.success) {
            const errors = fieldErrors(parsed.error);
            ctx.status = 400;
            ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: errors[0]?.message ?? 'Dữ liệu không hợp lệ.', details: { errors } } };
            return;
          }
          const found = (await strapi.db.query('api::alert-subscription.alert-subscription' as any).findMany({ where: { email: parsed.data.email }, select: ['id'] })) as { id: number }[];
          await eraseSubscriptions(strapi, found.map((f) => f.id));
          ctx.body = { data: { erased: found.length } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as any);
}
