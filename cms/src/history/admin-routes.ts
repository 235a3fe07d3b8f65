/**
 * Admin API of the page "Lịch sử thay đổi" (src/admin/history): the history filtered and paged, and the
 * choices of its filters. Only for users holding "Xem lịch sử thay đổi" (editors, Super Admin).
 */
import type { Core } from '@strapi/strapi';
import { fieldErrors, HISTORY_ACTION_LABELS, HISTORY_ACTIONS, historyQuery, type HistoryQuery, type HistoryRow } from '@thads/shared';
import { labelFor } from '../field-labels';
import { adminUserName } from './actor';
import { HISTORY_READ } from './permissions';
import { HISTORY_UID } from './record';

function refuse(ctx: any, status: number, message: string, errors: unknown[] = []) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: status === 403 ? 'ForbiddenError' : 'ValidationError', message, details: { errors } } };
}

const canRead = (ctx: any) => Boolean(ctx.state?.userAbility?.can(HISTORY_READ));

/** Midnight in Vietnam (UTC+7, no daylight saving) at the start of a YYYY-MM-DD day, plus `days`. */
const vnMidnight = (date: string, days = 0) => new Date(Date.parse(`${date}T00:00:00+07:00`) + days * 86_400_000).toISOString();

export function historyWhere(q: HistoryQuery): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (q.type) where.targetUid = q.type;
  if (q.documentId) where.targetDocumentId = q.documentId;
  if (q.action) where.action = q.action;
  if (q.user === 'public' || q.user === 'system') where.actorKind = q.user;
  else if (q.user) Object.assign(where, { actorKind: 'admin', actorId: Number(q.user.slice('admin:'.length)) });
  const createdAt: Record<string, string> = {};
  if (q.from) createdAt.$gte = vnMidnight(q.from);
  if (q.to) createdAt.$lt = vnMidnight(q.to, 1);
  if (Object.keys(createdAt).length) where.createdAt = createdAt;
  return where;
}

const typeLabel = (strapi: Core.Strapi, uid: string) => strapi.contentType(uid as any)?.info?.displayName ?? uid;

/** The Content Manager's edit view of a document. */
export function editPath(strapi: Core.Strapi, uid: string, documentId: string): string {
  return strapi.contentType(uid as any)?.kind === 'singleType' ? `/content-manager/single-types/${uid}` : `/content-manager/collection-types/${uid}/${documentId}`;
}

async function toRows(strapi: Core.Strapi, entries: any[]): Promise<HistoryRow[]> {
  // Which documents still exist, one query per type on the page.
  const existing = new Set<string>();
  const byType = new Map<string, string[]>();
  for (const e of entries) byType.set(e.targetUid, [...(byType.get(e.targetUid) ?? []), e.targetDocumentId]);
  for (const [uid, ids] of byType) {
    if (!strapi.contentType(uid as any)) continue;
    const found = await strapi.db.query(uid as any).findMany({ where: { documentId: { $in: [...new Set(ids)] } }, select: ['documentId'] });
    for (const f of found) existing.add(`${uid}|${f.documentId}`);
  }
  return entries.map((e) => {
    const fields: string[] = Array.isArray(e.changedFields) ? e.changedFields : [];
    // An import concerns many entries: it links to the type's list.
    const many = e.action === 'import';
    const exists = many || existing.has(`${e.targetUid}|${e.targetDocumentId}`);
    return {
      id: e.id,
      at: new Date(e.createdAt).toISOString(),
      action: e.action,
      actorKind: e.actorKind,
      actorId: e.actorId ?? null,
      actorName: e.actorName,
      targetUid: e.targetUid,
      typeLabel: typeLabel(strapi, e.targetUid),
      targetDocumentId: e.targetDocumentId,
      title: e.title ?? null,
      changedFields: fields,
      changedFieldLabels: fields.map((f) => labelFor(e.targetUid, f)?.[0] ?? f),
      note: e.note ?? null,
      exists,
      editPath: many ? `/content-manager/collection-types/${e.targetUid}` : exists ? editPath(strapi, e.targetUid, e.targetDocumentId) : null,
    };
  });
}

export function registerHistoryAdminRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/thads/history',
        handler: async (ctx: any) => {
          if (!canRead(ctx)) return refuse(ctx, 403, 'Bạn không có quyền xem lịch sử thay đổi.');
          const parsed = historyQuery.safeParse(ctx.query ?? {});
          if (!parsed.success) {
            const errors = fieldErrors(parsed.error);
            return refuse(ctx, 400, errors[0]?.message ?? 'Bộ lọc không hợp lệ.', errors);
          }
          const q = parsed.data;
          const where = historyWhere(q);
          const [entries, total] = await Promise.all([
            strapi.db.query(HISTORY_UID as any).findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], offset: (q.page - 1) * q.pageSize, limit: q.pageSize }),
            strapi.db.query(HISTORY_UID as any).count({ where }),
          ]);
          ctx.body = { data: await toRows(strapi, entries), meta: { pagination: { page: q.page, pageSize: q.pageSize, total, pageCount: Math.ceil(total / q.pageSize) } } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        // The choices of the page's filters: the types of ours, the admin users, the actions.
        method: 'GET',
        path: '/thads/history/options',
        handler: async (ctx: any) => {
          if (!canRead(ctx)) return refuse(ctx, 403, 'Bạn không có quyền xem lịch sử thay đổi.');
          const types = Object.values(strapi.contentTypes as Record<string, any>)
            .filter((ct) => ct.uid.startsWith('api::') && ct.pluginOptions?.['content-manager']?.visible !== false)
            .map((ct) => ({ value: ct.uid as string, label: ct.info.displayName as string }))
            .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
          const admins = await strapi.db.query('admin::user').findMany({ select: ['id', 'firstname', 'lastname', 'username', 'email'], orderBy: { firstname: 'asc' } });
          const users = [
            ...admins.map((u: any) => ({ value: `admin:${u.id}`, label: adminUserName(u) })),
            { value: 'public', label: 'Công dân, nhà báo (biểu mẫu công khai)' },
            { value: 'system', label: 'Hệ thống' },
          ];
          const actions = HISTORY_ACTIONS.map((a) => ({ value: a, label: HISTORY_ACTION_LABELS[a] }));
          ctx.body = { data: { types, users, actions } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as any);
}
