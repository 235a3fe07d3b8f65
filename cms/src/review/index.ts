/**
 * The review queue (issue 8): Strapi's Review Workflows are Enterprise-only, so the Community edition gets
 * this instead. Reporters send drafts for review, editors publish them or send them back with a comment
 * (service.ts, admin-routes.ts, the pages in src/admin/review); a Q&A whose cited legal document is
 * amended or repealed joins the queue until an editor confirms or republishes it (outdated.ts).
 * The Document Service middleware below keeps the queue in step with what happens to the documents.
 */
import type { Core } from '@strapi/strapi';
import { registerReviewAdminRoutes } from './admin-routes';
import { followValidity, LEGAL_DOCUMENT_UID, publishedValidity } from './outdated';
import { registerReviewPermissions } from './permissions';
import { closeOnPublish, REVIEW_UID, withdrawOnDelete } from './service';

export { REVIEW_EDITOR_PERMISSIONS, REVIEW_REPORTER_PERMISSIONS } from './permissions';
export { reconcileLegalBasis } from './outdated';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

function reviewMiddleware(strapi: Core.Strapi) {
  return async (context: any, next: () => Promise<any>) => {
    const { uid, action, params } = context;
    if (!uid?.startsWith('api::') || uid === REVIEW_UID || !WRITES.has(action)) return next();
    const documentId: string | undefined = params?.documentId;
    const isLegalDocument = uid === LEGAL_DOCUMENT_UID;
    const validityBefore = isLegalDocument && documentId ? await publishedValidity(strapi, documentId) : null;

    const result = await next();

    const id: string | undefined = documentId ?? result?.documentId;
    if (!id) return result;
    try {
      const published = (action === 'publish' && result?.entries?.length > 0) || ((action === 'create' || action === 'update') && params?.status === 'published' && result);
      if (published) await closeOnPublish(strapi, uid, id);
      if (action === 'delete' && result?.entries?.length > 0) await withdrawOnDelete(strapi, uid, id);
      if (isLegalDocument) await followValidity(strapi, id, validityBefore, await publishedValidity(strapi, id));
    } catch (error) {
      // The change itself is saved; the queue catching up failed: say so loudly rather than fail the request.
      strapi.log.error(`Không cập nhật được hàng chờ duyệt (${action} ${uid} ${id}): ${(error as Error).message}`);
    }
    return result;
  };
}

export function registerReview(strapi: Core.Strapi) {
  registerReviewPermissions(strapi).catch((error) => strapi.log.error(`Không đăng ký được quyền duyệt bài: ${error.message}`));
  strapi.documents.use(reviewMiddleware(strapi) as any);
  registerReviewAdminRoutes(strapi);
}
