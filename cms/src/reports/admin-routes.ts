/**
 * Admin API of the pages "Báo cáo" and "Kế hoạch truyền thông" (src/admin/reports, src/admin/plan), for users
 * holding "Xem báo cáo, kế hoạch truyền thông" (editors, Super Admin):
 *   GET /thads/reports/options      units for the filter, the years that have content, the current month
 *   GET /thads/reports              the report of a period (query: reportQuery of @thads/shared)
 *   GET /thads/reports/export.xlsx  the same as a workbook
 *   GET /thads/reports/export.docx  the same as an administrative report (optional `number`)
 *   GET /thads/plan                 the plan's tasks and units' progress (optional period: evidence in it)
 */
import type { Core } from '@strapi/strapi';
import { fieldErrors, reportQuery, resolveReportPeriod, type ReportPeriod, type ReportQuery } from '@thads/shared';
import { reportDocx, reportFileName, reportXlsx, letterhead } from './exports';
import { planProgress } from './plan';
import { REPORTS_READ } from './permissions';
import { buildReport, reportTypes, unitDirectory, UNIT_UID } from './service';

function refuse(ctx: any, status: number, message: string, errors: unknown[] = []) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: status === 403 ? 'ForbiddenError' : status === 404 ? 'NotFoundError' : 'ValidationError', message, details: { errors } } };
}

/** The checked query and its period, or a refusal (403 without the permission, 400 with the first error). */
function readQuery(ctx: any, { optionalPeriod = false } = {}): { q: ReportQuery | null; period: ReportPeriod | null } | null {
  if (!ctx.state?.userAbility?.can(REPORTS_READ)) {
    refuse(ctx, 403, 'Bạn không có quyền xem báo cáo.');
    return null;
  }
  const raw = { ...(ctx.query ?? {}) };
  if (optionalPeriod && !raw.period && !raw.year && !raw.from) return { q: null, period: null };
  const parsed = reportQuery.safeParse(raw);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    refuse(ctx, 400, errors[0]?.message ?? 'Kỳ báo cáo không hợp lệ.', errors);
    return null;
  }
  return { q: parsed.data, period: resolveReportPeriod(parsed.data) };
}

/** The unit asked for exists (404 otherwise). */
async function checkUnit(strapi: Core.Strapi, ctx: any, unit: string | undefined): Promise<boolean> {
  if (!unit) return true;
  if (await strapi.db.query(UNIT_UID as any).findOne({ where: { documentId: unit }, select: ['id'] })) return true;
  refuse(ctx, 404, 'Không tìm thấy đơn vị.');
  return false;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function registerReportsAdminRoutes(strapi: Core.Strapi) {
  const config = { policies: ['admin::isAuthenticatedAdmin'] };
  /** A report and, for the exports, the plan's progress in the same period. */
  const load = async (ctx: any, withPlan: boolean) => {
    const read = readQuery(ctx);
    if (!read?.q || !read.period || !(await checkUnit(strapi, ctx, read.q.unit))) return null;
    const report = await buildReport(strapi, read.period, read.q.unit ?? null);
    return { report, q: read.q, plan: withPlan ? await planProgress(strapi, read.period) : null };
  };
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/thads/reports/options',
        handler: async (ctx: any) => {
          if (!ctx.state?.userAbility?.can(REPORTS_READ)) return refuse(ctx, 403, 'Bạn không có quyền xem báo cáo.');
          const units = [...(await unitDirectory(strapi)).values()];
          // Years from the oldest published item to this year.
          let first = new Date().getFullYear();
          for (const uid of reportTypes(strapi)) {
            const attrs = (strapi.contentType(uid as any)?.attributes ?? {}) as Record<string, any>;
            const field = attrs.date ? 'date' : 'publishedAt';
            const oldest = await strapi.db.query(uid as any).findOne({ where: { publishedAt: { $notNull: true }, [field]: { $notNull: true } }, select: [field], orderBy: { [field]: 'asc' } });
            if (oldest?.[field]) first = Math.min(first, new Date(oldest[field]).getUTCFullYear());
          }
          const now = new Date(Date.now() + 7 * 3_600_000);
          const thisYear = now.getUTCFullYear();
          ctx.body = {
            data: {
              units: units.map((u) => ({ value: u.documentId, label: u.active ? u.name : `${u.name} (đã sáp nhập)` })),
              years: Array.from({ length: thisYear - first + 1 }, (_, i) => thisYear - i),
              current: { year: thisYear, month: now.getUTCMonth() + 1, quarter: Math.ceil((now.getUTCMonth() + 1) / 3) },
            },
          };
        },
        config,
      },
      {
        method: 'GET',
        path: '/thads/reports',
        handler: async (ctx: any) => {
          const loaded = await load(ctx, false);
          if (loaded) ctx.body = { data: loaded.report };
        },
        config,
      },
      {
        method: 'GET',
        path: '/thads/reports/export.xlsx',
        handler: async (ctx: any) => {
          const loaded = await load(ctx, true);
          if (!loaded) return;
          ctx.set('Content-Type', XLSX_TYPE);
          ctx.set('Content-Disposition', `attachment; filename="${reportFileName(loaded.report, 'xlsx')}"`);
          ctx.body = await reportXlsx(loaded.report, loaded.plan);
        },
        config,
      },
      {
        method: 'GET',
        path: '/thads/reports/export.docx',
        handler: async (ctx: any) => {
          const loaded = await load(ctx, true);
          if (!loaded) return;
          ctx.set('Content-Type', DOCX_TYPE);
          ctx.set('Content-Disposition', `attachment; filename="${reportFileName(loaded.report, 'docx')}"`);
          ctx.body = await reportDocx(loaded.report, loaded.plan, await letterhead(strapi), { number: loaded.q.number ?? null });
        },
        config,
      },
      {
        method: 'GET',
        path: '/thads/plan',
        handler: async (ctx: any) => {
          const read = readQuery(ctx, { optionalPeriod: true });
          if (!read) return;
          ctx.body = { data: await planProgress(strapi, read.period) };
        },
        config,
      },
    ],
  } as any);
}
