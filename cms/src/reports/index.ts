/**
 * Reports of what the units published (issue 8) and the communications plan's progress: admin pages
 * "Báo cáo" and "Kế hoạch truyền thông" (src/admin/reports, src/admin/plan) reading admin-routes.ts, with the
 * permission of permissions.ts; counts in service.ts, plan progress in plan.ts, XLSX and DOCX in exports.ts
 * (the administrative layout in docx-layout.ts, reusable by other exports).
 */
import type { Core } from '@strapi/strapi';
import { registerReportsAdminRoutes } from './admin-routes';
import { registerReportsPermission } from './permissions';

export { REPORTS_EDITOR_PERMISSIONS } from './permissions';

export function registerReports(strapi: Core.Strapi) {
  registerReportsPermission(strapi).catch((error) => strapi.log.error(`Không đăng ký được quyền xem báo cáo: ${error.message}`));
  registerReportsAdminRoutes(strapi);
}
