/**
 * Admin API of the review queue: the page "Hàng chờ duyệt" (src/admin/review/QueuePage.tsx), the edit
 * view's "Gửi duyệt" action and "Duyệt bài" panel. Every route checks the custom permissions of
 * permissions.ts and, for a document, the user's own Content Manager permissions on it (a reporter
 * sends only drafts they may edit; an editor publishes only what they may publish).
 */
import type { Core } from '@strapi/strapi';
import { fieldErrors, reviewDecisionInput, reviewListQuery, reviewReturnInput, reviewSubmitInput } from '@thads/shared';
import type { z } from 'zod';
import { currentActor } from '../history';
import { REVIEW_DECIDE, REVIEW_SUBMIT } from './permissions';
import { annotateDecision, isReviewable, itemsOf, itemToPublish, listItems, loadTarget, markReviewed, ReviewError, returnItem, submit, toRow } from './service';

function refuse(ctx: any, status: number, message: string, errors: unknown[] = []) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: status === 403 ? 'ForbiddenError' : status === 404 ? 'NotFoundError' : 'ValidationError', message, details: { errors } } };
}

const may = (ctx: any, action: string) => Boolean(ctx.state?.userAbility?.can(action));

/** The user's Content Manager permissions on one entry (conditions such as "is creator" included). */
function contentChecker(strapi: Core.Strapi, ctx: any, uid: string) {
  return (strapi.plugin('content-manager').service('permission-checker') as any).create({ userAbility: ctx.state.userAbility, model: uid });
}

/** Parses with a shared schema; answers 400 with the first message and every field error when it fails. */
function parse<S extends z.ZodType>(ctx: any, schema: S, input: unknown): z.output<S> | undefined {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const errors = fieldErrors(parsed.error);
  refuse(ctx, 400, errors[0]?.message ?? 'Dữ liệu không hợp lệ.', errors);
  return undefined;
}

/** Runs a handler, turning a ReviewError or a Strapi validation error into a Vietnamese 4xx. */
async function run(ctx: any, handler: () => Promise<void>) {
  try {
    await handler();
  } catch (error: any) {
    if (error instanceof ReviewError) return refuse(ctx, error.status, error.message);
    if (error?.name === 'ValidationError') return refuse(ctx, 400, `Chưa xuất bản được: ${error.message}`, error.details?.errors ?? []);
    if (error?.name === 'ForbiddenError') return refuse(ctx, 403, error.message);
    throw error;
  }
}

const itemId = (ctx: any) => {
  const id = Number(ctx.params.id);
  return Number.isInteger(id) && id > 0 ? id : null;
};

/** An editor's decision on one queue item: permission, the item's id and the body checked, then `act`. */
function onDecision<S extends z.ZodType>(ctx: any, schema: S, act: (id: number, input: z.output<S>) => Promise<void>) {
  return run(ctx, async () => {
    if (!may(ctx, REVIEW_DECIDE)) return refuse(ctx, 403, 'Bạn không có quyền duyệt bài.');
    const id = itemId(ctx);
    if (!id) return refuse(ctx, 404, 'Không tìm thấy mục trong hàng chờ duyệt.');
    const input = parse(ctx, schema, ctx.request.body);
    if (!input) return;
    await act(id, input);
  });
}

export function registerReviewAdminRoutes(strapi: Core.Strapi) {
  const policies = ['admin::isAuthenticatedAdmin'];
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/thads/review/items',
        handler: async (ctx: any) => {
          const decide = may(ctx, REVIEW_DECIDE);
          if (!decide && !may(ctx, REVIEW_SUBMIT)) return refuse(ctx, 403, 'Bạn không có quyền xem hàng chờ duyệt.');
          const q = parse(ctx, reviewListQuery, ctx.query);
          if (!q) return;
          // Editors see the whole queue; a reporter sees what they sent, with the editors' comments.
          const result = await listItems(strapi, q, decide && !q.mine ? null : Number(ctx.state.user.id));
          ctx.body = { ...result, meta: { ...result.meta, canDecide: decide } };
        },
        config: { policies },
      },
      {
        // The review state of one document, for the edit view: its items and what the user may do.
        method: 'GET',
        path: '/thads/review/documents/:uid/:documentId',
        handler: async (ctx: any) => {
          const { uid, documentId } = ctx.params;
          if (!isReviewable(strapi, uid)) return (ctx.body = { data: { reviewable: false, canSubmit: false, canDecide: false, items: [] } });
          const target = await loadTarget(strapi, uid, documentId);
          if (!target) return refuse(ctx, 404, 'Không tìm thấy nội dung.');
          const checker = contentChecker(strapi, ctx, uid);
          const decide = may(ctx, REVIEW_DECIDE);
          if (!decide && !checker.can.read(target.entry)) return refuse(ctx, 403, 'Bạn không có quyền xem nội dung này.');
          ctx.body = {
            data: {
              reviewable: true,
              // Sending for review is for those who cannot publish themselves.
              canSubmit: may(ctx, REVIEW_SUBMIT) && checker.can.update(target.entry) && !checker.can.publish(target.entry),
              canDecide: decide,
              items: await itemsOf(strapi, uid, documentId),
            },
          };
        },
        config: { policies },
      },
      {
        method: 'POST',
        path: '/thads/review/submit',
        handler: async (ctx: any) =>
          run(ctx, async () => {
            if (!may(ctx, REVIEW_SUBMIT)) return refuse(ctx, 403, 'Bạn không có quyền gửi bài duyệt.');
            const input = parse(ctx, reviewSubmitInput, ctx.request.body);
            if (!input) return;
            if (!isReviewable(strapi, input.uid)) return refuse(ctx, 400, 'Loại nội dung này không gửi duyệt được.');
            const target = await loadTarget(strapi, input.uid, input.documentId);
            if (!target) return refuse(ctx, 404, 'Không tìm thấy bản nháp để gửi duyệt.');
            if (!contentChecker(strapi, ctx, input.uid).can.update(target.entry)) return refuse(ctx, 403, 'Bạn chỉ gửi duyệt được bài mình được phép sửa.');
            const item = await submit(strapi, currentActor(strapi), input);
            ctx.status = 201;
            ctx.body = { data: toRow(strapi, item) };
          }),
        config: { policies },
      },
      {
        method: 'POST',
        path: '/thads/review/items/:id/return',
        handler: async (ctx: any) =>
          onDecision(ctx, reviewReturnInput, async (id, input) => {
            ctx.body = { data: toRow(strapi, await returnItem(strapi, currentActor(strapi), id, input.comment)) };
          }),
        config: { policies },
      },
      {
        method: 'POST',
        path: '/thads/review/items/:id/reviewed',
        handler: async (ctx: any) =>
          onDecision(ctx, reviewDecisionInput, async (id, input) => {
            ctx.body = { data: toRow(strapi, await markReviewed(strapi, currentActor(strapi), id, input.comment)) };
          }),
        config: { policies },
      },
      {
        // Publishes the item's document; the Document Service middleware then closes the item (index.ts).
        method: 'POST',
        path: '/thads/review/items/:id/publish',
        handler: async (ctx: any) =>
          onDecision(ctx, reviewDecisionInput, async (id, input) => {
            const item = await itemToPublish(strapi, id);
            const target = await loadTarget(strapi, item.targetUid, item.targetDocumentId);
            if (!target) return refuse(ctx, 404, 'Nội dung không còn bản nháp để xuất bản.');
            if (!contentChecker(strapi, ctx, item.targetUid).can.publish(target.entry)) return refuse(ctx, 403, 'Bạn không có quyền xuất bản nội dung này.');
            await strapi.documents(item.targetUid as any).publish({ documentId: item.targetDocumentId } as any);
            ctx.body = { data: toRow(strapi, await annotateDecision(strapi, id, input.comment)) };
          }),
        config: { policies },
      },
    ],
  } as any);
}
