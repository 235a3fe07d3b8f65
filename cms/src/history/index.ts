/**
 * The change history (issue 8): who created, changed, published, unpublished or deleted what and when,
 * for every content type of ours. The Community edition of Strapi has no audit log (Audit Logs are
 * Enterprise-only), so this records it itself: a Document Service middleware (record.ts) writes
 * `api::history-entry.history-entry`; editors read it on the admin page "Lịch sử thay đổi"
 * (src/admin/history) through admin-routes.ts, with the permission of permissions.ts.
 */
import type { Core } from '@strapi/strapi';
import { registerHistoryAdminRoutes } from './admin-routes';
import { registerHistoryPermission } from './permissions';
import { historyMiddleware } from './record';

export { recordHistory, documentTitle, HISTORY_UID } from './record';
export { currentActor, type Actor } from './actor';
export { HISTORY_EDITOR_PERMISSIONS } from './permissions';

export function registerHistory(strapi: Core.Strapi) {
  registerHistoryPermission(strapi).catch((error) => strapi.log.error(`Không đăng ký được quyền xem lịch sử: ${error.message}`));
  strapi.documents.use(historyMiddleware(strapi) as any);
  registerHistoryAdminRoutes(strapi);
}
