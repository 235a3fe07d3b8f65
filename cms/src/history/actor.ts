/**
 * Who is acting, read from the request being served (Strapi keeps it in `strapi.requestContext`):
 * an admin user of the panel, someone using a public form, or the system itself (seed, scheduled jobs,
 * scripts), for the change history and the review queue.
 */
import type { Core } from '@strapi/strapi';
import type { HistoryActorKind } from '@thads/shared';

export type Actor = { kind: HistoryActorKind; id: number | null; name: string };

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, name: 'Hệ thống' };

/** The display name of an admin user: first and last name, else the username, else the email. */
export function adminUserName(user: { firstname?: string | null; lastname?: string | null; username?: string | null; email?: string | null; id?: number }): string {
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ').trim();
  return name || user.username || user.email || `Người dùng #${user.id}`;
}

/** Public forms: citizens ask questions, journalists send requests. */
const PUBLIC_NAMES: Record<string, string> = {
  'api::press-request.press-request': 'Nhà báo (biểu mẫu công khai)',
  'api::information-request.information-request': 'Người yêu cầu cung cấp thông tin (biểu mẫu công khai)',
};

export function currentActor(strapi: Core.Strapi, uid?: string): Actor {
  const ctx: any = strapi.requestContext.get();
  if (!ctx) return SYSTEM_ACTOR;
  const user = ctx.state?.user;
  if (user && ctx.state?.userAbility) return { kind: 'admin', id: Number(user.id), name: adminUserName(user) };
  if (ctx.state?.auth?.strategy?.name === 'content-api-token') return { kind: 'system', id: null, name: 'Hệ thống (khoá API)' };
  return { kind: 'public', id: null, name: (uid && PUBLIC_NAMES[uid]) || 'Công dân (biểu mẫu công khai)' };
}
