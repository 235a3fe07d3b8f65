/**
 * "Trang này có hữu ích không?": readers' answers from the foot of every content page (site island
 * PageFeedback.tsx), through the same intake machinery as the other forms (shared schema, proof of work,
 * rate limit per address in memory or Redis only). What is stored is the page, the answer and the comment:
 * no name, no address, no IP or user agent. Editors read the counts per page on the admin page
 * "Phản hồi trang" (src/admin/feedback), from GET /thads/page-feedback/summary. Answers older than
 * FEEDBACK_RETENTION_DAYS (default 730) are deleted every night.
 */
import type { Core } from '@strapi/strapi';
import { pageFeedbackInput, summarizeFeedback, type FeedbackEntry } from '@thads/shared';
import { invalid, spendChallenge, type Outcome } from './service';
import type { IntakeSettings } from './settings';
import type { IntakeStores } from './stores';

export const FEEDBACK_UID = 'api::page-feedback.page-feedback';

export async function submitPageFeedback(strapi: Core.Strapi, body: unknown, settings: IntakeSettings, stores: IntakeStores): Promise<Outcome<{ received: true }>> {
  const parsed = pageFeedbackInput.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const spent = await spendChallenge(input.altcha, settings, stores);
  if (spent) return spent;
  // Below the Document Service: an answer is not content, and the change history need not list every one.
  await strapi.db.query(FEEDBACK_UID as any).create({ data: { path: input.path, pageTitle: input.title, helpful: input.helpful, comment: input.comment ?? null } });
  return { ok: true, status: 201, data: { received: true } };
}

/** Deletes answers older than `days`; returns how many. */
export async function deleteExpiredFeedback(strapi: Core.Strapi, days: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - days * 86400_000).toISOString();
  const result = (await strapi.db.query(FEEDBACK_UID as any).deleteMany({ where: { createdAt: { $lt: before } } })) as { count?: number };
  return result?.count ?? 0;
}

/** Periods the admin page offers (days; 0: everything kept). */
export const SUMMARY_PERIODS = [30, 90, 365, 0] as const;

export async function feedbackSummary(strapi: Core.Strapi, days: number, now = new Date()) {
  const where = days > 0 ? { createdAt: { $gte: new Date(now.getTime() - days * 86400_000).toISOString() } } : {};
  const rows = (await strapi.db.query(FEEDBACK_UID as any).findMany({ where, select: ['path', 'pageTitle', 'helpful', 'comment', 'createdAt'], orderBy: { createdAt: 'desc' } })) as any[];
  const entries: FeedbackEntry[] = rows.map((r) => ({ path: r.path, title: r.pageTitle, helpful: Boolean(r.helpful), comment: r.comment, createdAt: new Date(r.createdAt).toISOString() }));
  const pages = summarizeFeedback(entries);
  return { pages, totals: { answers: entries.length, pages: pages.length, flagged: pages.filter((p) => p.flagged).length } };
}

const canRead = (ctx: any) => Boolean(ctx.state?.userAbility?.can('plugin::content-manager.explorer.read', FEEDBACK_UID));

/** Register phase: the admin route of the page "Phản hồi trang" and the nightly deletion of old answers. */
export function registerPageFeedback(strapi: Core.Strapi, settings: IntakeSettings) {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/thads/page-feedback/summary',
        handler: async (ctx: any) => {
          if (!canRead(ctx)) {
            ctx.status = 403;
            ctx.body = { data: null, error: { status: 403, name: 'ForbiddenError', message: 'Bạn không có quyền xem phản hồi của bạn đọc.' } };
            return;
          }
          const days = Number(ctx.query?.days ?? 90);
          if (!(SUMMARY_PERIODS as readonly number[]).includes(days)) {
            ctx.status = 400;
            ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: 'Khoảng thời gian: chỉ nhận 30, 90, 365 ngày hoặc 0 (tất cả).' } };
            return;
          }
          ctx.body = { data: await feedbackSummary(strapi, days), meta: { days, retentionDays: settings.feedbackRetentionDays } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as any);
  if (settings.feedbackRetentionDays > 0) {
    strapi.cron.add({
      deleteExpiredPageFeedback: {
        task: async () => {
          const n = await deleteExpiredFeedback(strapi, settings.feedbackRetentionDays);
          if (n) strapi.log.info(`Đã xoá ${n} phản hồi trang cũ hơn ${settings.feedbackRetentionDays} ngày.`);
        },
        options: { rule: '30 3 * * *', tz: 'Asia/Ho_Chi_Minh' },
      },
    });
  }
}

/** Demo answers, written once (when there are none yet), dated `daysAgo` days back. */
export async function seedPageFeedback(strapi: Core.Strapi, items: { path: string; title: string; helpful: boolean; comment?: string | undefined; daysAgo: number }[], now = new Date()) {
  const existing = await strapi.db.query(FEEDBACK_UID as any).count();
  if (existing === 0) {
    for (const item of items) {
      const at = new Date(now.getTime() - item.daysAgo * 86400_000).toISOString();
      await strapi.db.query(FEEDBACK_UID as any).create({ data: { path: item.path, pageTitle: item.title, helpful: item.helpful, comment: item.comment ?? null, createdAt: at, updatedAt: at } });
    }
  }
  return { [FEEDBACK_UID]: { created: existing === 0 ? items.length : 0, existing } };
}
