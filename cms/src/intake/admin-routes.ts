/**
 * Admin API routes (authenticated admin users, under the admin's own prefix) for the inbox actions
 * of the Content Manager's edit view (see src/admin/app.tsx). Each checks the user's own permissions.
 */
import type { Core } from '@strapi/strapi';
import { INFORMATION_REQUEST_OPEN_STATES, todayVn } from '@thads/shared';
import { EditorialError, erasePersonalData, questionToLegalQa } from './editorial';

const QUESTION = 'api::citizen-question.citizen-question';
const PRESS = 'api::press-request.press-request';
const QA = 'api::legal-qa.legal-qa';
const INFO = 'api::information-request.information-request';
const CM = 'plugin::content-manager.explorer';

function allowed(ctx: any, action: string, subject: string): boolean {
  return Boolean(ctx.state?.userAbility?.can(`${CM}.${action}`, subject));
}

function fail(ctx: any, error: unknown) {
  if (error instanceof EditorialError) {
    ctx.status = error.status;
    ctx.body = { data: null, error: { status: error.status, name: 'EditorialError', message: error.message } };
    return;
  }
  throw error;
}

export function registerInboxAdminRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        // Counts for the admin home page widget: what waits for the editors.
        method: 'GET',
        path: '/thads/inbox-summary',
        handler: async (ctx: any) => {
          const count = (uid: string, where: object) => strapi.db.query(uid as any).count({ where });
          const data: Record<string, number | null> = { newQuestions: null, questionsInProgress: null, answeredNotPublished: null, pressWaiting: null, pressOverdue: null, infoWaiting: null, infoOverdue: null };
          if (allowed(ctx, 'read', QUESTION)) {
            data.newQuestions = await count(QUESTION, { state: 'received' });
            data.questionsInProgress = await count(QUESTION, { state: 'assigned' });
            data.answeredNotPublished = await count(QUESTION, { state: 'answered' });
          }
          if (allowed(ctx, 'read', PRESS)) {
            data.pressWaiting = await count(PRESS, { state: { $in: ['received', 'assigned'] } });
            data.pressOverdue = await count(PRESS, { state: { $in: ['received', 'assigned'] }, deadline: { $lt: todayVn() } });
          }
          if (allowed(ctx, 'read', INFO)) {
            const open = { state: { $in: [...INFORMATION_REQUEST_OPEN_STATES] } };
            data.infoWaiting = await count(INFO, open);
            // Late: the answer past its deadline, or a complex request's written notice past its due date.
            data.infoOverdue = await count(INFO, { ...open, $or: [{ deadline: { $lt: todayVn() } }, { complex: true, noticeSentOn: { $null: true }, noticeDue: { $lt: todayVn() }, state: { $in: ['received', 'processing'] } }] });
          }
          ctx.body = { data };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/thads/citizen-questions/:documentId/to-legal-qa',
        handler: async (ctx: any) => {
          if (!allowed(ctx, 'update', QUESTION) || !allowed(ctx, 'create', QA)) return ctx.forbidden('Bạn không có quyền tạo bài giải đáp từ câu hỏi.');
          try {
            ctx.body = { data: await questionToLegalQa(strapi, ctx.params.documentId) };
          } catch (error) {
            fail(ctx, error);
          }
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/thads/:inbox(citizen-questions|press-requests|information-requests)/:documentId/erase',
        handler: async (ctx: any) => {
          const uid = ctx.params.inbox === 'citizen-questions' ? QUESTION : ctx.params.inbox === 'information-requests' ? INFO : PRESS;
          if (!allowed(ctx, 'update', uid)) return ctx.forbidden('Bạn không có quyền xoá dữ liệu cá nhân của mục này.');
          const exists = await strapi.documents(uid as any).findOne({ documentId: ctx.params.documentId, fields: ['documentId'] } as any);
          if (!exists) return ctx.notFound('Không tìm thấy mục.');
          await erasePersonalData(strapi, uid, ctx.params.documentId);
          ctx.body = { data: { erased: true } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as any);
}
