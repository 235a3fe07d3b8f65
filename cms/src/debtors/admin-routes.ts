/**
 * Admin API of the spreadsheet import (page "Nhập danh sách chưa có điều kiện thi hành" of the admin,
 * src/admin/debtors/). Only users who may create, update and publish debtor entries (Super Admin and
 * "Biên tập viên"; not "Phóng viên") get past the permission check:
 *   GET  /thads/debtor-listings/import/units     the units a file may be imported for
 *   GET  /thads/debtor-listings/import/template  the XLSX template
 *   POST /thads/debtor-listings/import/preview   multipart `file` (+ `unit`) → what the import would do, every error
 *   POST /thads/debtor-listings/import/confirm   the same file → written (201), being written (202, large files), or
 *                                                422 with every error and nothing stored
 *   GET  /thads/debtor-listings/import/job       the last import's progress (written / total) and outcome
 */
import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { currentActor } from '../history/actor';
import { importUnits, planImport, type ImportPlan } from './import';
import { ImportBusy, importJob, importRunning, runImport, type ImportJob } from './jobs';
import { DEBTOR_UID } from './lifecycle';
import { debtorTemplate, TEMPLATE_FILE_NAME } from './template';
import { MAX_FILE_BYTES } from './spreadsheet';

const CM = 'plugin::content-manager.explorer';

function mayImport(ctx: any): boolean {
  const ability = ctx.state?.userAbility;
  return ['create', 'update', 'publish'].every((action) => ability?.can(`${CM}.${action}`, DEBTOR_UID));
}

function refuse(ctx: any, status: number, message: string, extra: Record<string, unknown> = {}) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: status === 403 ? 'ForbiddenError' : 'ValidationError', message, details: extra } };
}

/** The uploaded file (multipart field "file") and the unit chosen for it, or a refusal. */
async function upload(ctx: any): Promise<{ file: { buffer: Buffer; name: string }; unit?: string } | null> {
  const raw = ctx.request.files?.file;
  const f = Array.isArray(raw) ? raw[0] : raw;
  if (!f?.filepath) {
    refuse(ctx, 400, 'Chưa chọn tệp để nhập (XLSX hoặc CSV).');
    return null;
  }
  if (f.size > MAX_FILE_BYTES) {
    refuse(ctx, 413, `Tệp lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB; hãy chia thành nhiều tệp.`);
    return null;
  }
  const unit = typeof ctx.request.body?.unit === 'string' && ctx.request.body.unit ? ctx.request.body.unit : undefined;
  return { file: { buffer: await fs.readFile(f.filepath), name: String(f.originalFilename ?? f.newFilename ?? 'tep') }, unit };
}

/** The plan without the rows' full data (the page shows what happens to each row). */
const view = (plan: ImportPlan) => ({
  fileName: plan.fileName,
  errors: plan.errors,
  ignoredColumns: plan.ignoredColumns,
  summary: plan.summary,
  rows: plan.rows.map(({ row, name, unitName, decisionNumber, action, changes }) => ({ row, name, unitName, decisionNumber, action, changes })),
});

const jobView = (job: ImportJob) => ({ ...job, plan: view(job.plan) });

function displayName(user: any): string {
  const name = [user?.firstname, user?.lastname].filter(Boolean).join(' ');
  return name ? `${name} (${user.email})` : (user?.email ?? 'Không rõ');
}

export function registerDebtorAdminRoutes(strapi: Core.Strapi) {
  const guarded = (handler: (ctx: any) => Promise<void>) => async (ctx: any) => {
    if (!mayImport(ctx)) return refuse(ctx, 403, 'Bạn không có quyền nhập danh sách người chưa có điều kiện thi hành án.');
    await handler(ctx);
  };
  const config = { policies: ['admin::isAuthenticatedAdmin'] };
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/thads/debtor-listings/import/units',
        handler: guarded(async (ctx) => {
          ctx.body = { data: await importUnits(strapi) };
        }),
        config,
      },
      {
        method: 'GET',
        path: '/thads/debtor-listings/import/template',
        handler: guarded(async (ctx) => {
          ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
          ctx.set('Content-Disposition', `attachment; filename="${TEMPLATE_FILE_NAME}"`);
          ctx.body = await debtorTemplate();
        }),
        config,
      },
      {
        method: 'POST',
        path: '/thads/debtor-listings/import/preview',
        handler: guarded(async (ctx) => {
          const input = await upload(ctx);
          if (!input) return;
          ctx.body = { data: view(await planImport(strapi, input.file, input.unit)) };
        }),
        config,
      },
      {
        method: 'POST',
        path: '/thads/debtor-listings/import/confirm',
        handler: guarded(async (ctx) => {
          const input = await upload(ctx);
          if (!input) return;
          if (importRunning()) return refuse(ctx, 409, new ImportBusy().message);
          const plan = await planImport(strapi, input.file, input.unit);
          if (plan.errors.length) return refuse(ctx, 422, `Tệp có ${plan.errors.length} lỗi; chưa lưu dòng nào.`, view(plan));
          let job: ImportJob;
          try {
            job = await runImport(strapi, plan, displayName(ctx.state.user), currentActor(strapi, DEBTOR_UID), (start) => ctx.res.once('finish', start));
          } catch (error) {
            if (error instanceof ImportBusy) return refuse(ctx, 409, error.message);
            throw error;
          }
          if (job.state === 'loi') return refuse(ctx, 500, job.error!, view(plan));
          ctx.status = job.state === 'xong' ? 201 : 202;
          ctx.body = { data: { ...view(plan), job: jobView(job) } };
        }),
        config,
      },
      {
        method: 'GET',
        path: '/thads/debtor-listings/import/job',
        handler: guarded(async (ctx) => {
          const job = importJob();
          ctx.body = { data: job ? jobView(job) : null };
        }),
        config,
      },
    ],
  } as any);
}
