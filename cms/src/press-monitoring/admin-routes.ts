/**
 * Admin API of press monitoring (authenticated admin users; each route checks the user's own Content
 * Manager permissions): the daily digest and its exports, the import button, the outlets' last results, and
 * the "start a correction" action of a clipping's edit view.
 */
import type { Core } from '@strapi/strapi';
import { fieldErrors, pressDigestQuery, todayVn } from '@thads/shared';
import { clippingToCorrection, PressError } from './correction';
import { buildDigest } from './digest';
import { digestDocx, digestHtml, loadAgency } from './export';
import { CLIPPING, importPressClippings, OUTLET } from './import';

const CM = 'plugin::content-manager.explorer';
const CORRECTION = 'api::correction.correction';

const can = (ctx: any, action: string, subject: string) => Boolean(ctx.state?.userAbility?.can(`${CM}.${action}`, subject));

function refuse(ctx: any, status: number, message: string, errors: unknown[] = []) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: status === 403 ? 'ForbiddenError' : status === 404 ? 'NotFoundError' : 'ValidationError', message, details: { errors } } };
}

/** The day asked for (today in Vietnam by default), or undefined after answering 400. */
function dayOf(ctx: any): string | undefined {
  const parsed = pressDigestQuery.safeParse(ctx.query ?? {});
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    refuse(ctx, 400, errors[0]?.message ?? 'Ngày không hợp lệ.', errors);
    return undefined;
  }
  return parsed.data.date ?? todayVn();
}

export function registerPressAdminRoutes(strapi: Core.Strapi) {
  const policies = ['admin::isAuthenticatedAdmin'];
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/thads/press/digest',
        handler: async (ctx: any) => {
          if (!can(ctx, 'read', CLIPPING)) return refuse(ctx, 403, 'Bạn không có quyền xem điểm tin báo chí.');
          const day = dayOf(ctx);
          if (!day) return;
          ctx.body = { data: await buildDigest(strapi, day) };
        },
        config: { policies },
      },
      {
        method: 'GET',
        path: '/thads/press/digest/export/:format(html|docx)',
        handler: async (ctx: any) => {
          if (!can(ctx, 'read', CLIPPING)) return refuse(ctx, 403, 'Bạn không có quyền xem điểm tin báo chí.');
          const day = dayOf(ctx);
          if (!day) return;
          const [digest, agency] = await Promise.all([buildDigest(strapi, day), loadAgency(strapi)]);
          const name = `diem-bao-${day}`;
          ctx.set('Cache-Control', 'no-store');
          if (ctx.params.format === 'html') {
            ctx.set('Content-Type', 'text/html; charset=utf-8');
            ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
            ctx.set('Content-Disposition', `attachment; filename="${name}.html"`);
            ctx.body = digestHtml(digest, agency);
          } else {
            ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
            ctx.set('Content-Disposition', `attachment; filename="${name}.docx"`);
            ctx.body = await digestDocx(digest, agency);
          }
        },
        config: { policies },
      },
      {
        // The outlets and how their last import went, for the digest page.
        method: 'GET',
        path: '/thads/press/outlets',
        handler: async (ctx: any) => {
          if (!can(ctx, 'read', OUTLET)) return refuse(ctx, 403, 'Bạn không có quyền xem danh sách nguồn tin báo chí.');
          const outlets = await strapi.db.query(OUTLET as any).findMany({
            select: ['documentId', 'name', 'feedUrl', 'active', 'lastImportAt', 'lastImportOk', 'lastImportResult'],
            orderBy: [{ active: 'desc' }, { name: 'asc' }],
          });
          ctx.body = { data: outlets };
        },
        config: { policies },
      },
      {
        method: 'POST',
        path: '/thads/press/import',
        handler: async (ctx: any) => {
          if (!can(ctx, 'update', OUTLET) || !can(ctx, 'create', CLIPPING)) return refuse(ctx, 403, 'Bạn không có quyền nhập tin từ các báo.');
          ctx.body = { data: await importPressClippings(strapi) };
        },
        config: { policies },
      },
      {
        method: 'POST',
        path: '/thads/press/clippings/:documentId/to-correction',
        handler: async (ctx: any) => {
          if (!can(ctx, 'update', CLIPPING) || !can(ctx, 'create', CORRECTION)) return refuse(ctx, 403, 'Bạn không có quyền tạo cải chính từ tin báo chí.');
          try {
            ctx.body = { data: await clippingToCorrection(strapi, ctx.params.documentId) };
          } catch (error) {
            if (error instanceof PressError) return refuse(ctx, error.status, error.message);
            throw error;
          }
        },
        config: { policies },
      },
    ],
  } as any);
}
