/**
 * The admin permission "Xem báo cáo, kế hoạch truyền thông" (Settings › Roles › Cài đặt › Biên tập): the
 * pages "Báo cáo" and "Kế hoạch truyền thông" and their exports. Given to the Super Admin by Strapi and to
 * "Biên tập viên" by src/bootstrap/editorial-roles.ts; not to reporters (the reports compare units, which is
 * the editorial board's and the leadership's business), never to the public.
 */
import type { Core } from '@strapi/strapi';

export const REPORTS_READ = 'api::thads.reports.read';

/** Called in the register phase, before the admin gives the Super Admin every registered action at bootstrap. */
export function registerReportsPermission(strapi: Core.Strapi): Promise<unknown> {
  return (strapi.service('admin::permission') as any).actionProvider.register({
    uid: 'thads.reports.read',
    section: 'settings',
    category: 'Biên tập',
    subCategory: 'Báo cáo',
    displayName: 'Xem báo cáo, kế hoạch truyền thông',
  });
}

/** For the editors' role (a full sync there: what is not listed is removed). */
export const REPORTS_EDITOR_PERMISSIONS = [{ action: REPORTS_READ }];
