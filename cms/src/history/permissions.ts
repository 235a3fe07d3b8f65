/**
 * The admin permission "Xem lịch sử thay đổi" (Settings › Roles › Cài đặt › Biên tập): given to the
 * Super Admin by Strapi and to "Biên tập viên" by src/bootstrap/editorial-roles.ts; not to reporters.
 */
import type { Core } from '@strapi/strapi';

export const HISTORY_READ = 'api::thads.history.read';

/** Called in the register phase, before the admin gives the Super Admin every registered action at bootstrap. */
export function registerHistoryPermission(strapi: Core.Strapi): Promise<unknown> {
  return (strapi.service('admin::permission') as any).actionProvider.register({
    uid: 'thads.history.read',
    section: 'settings',
    category: 'Biên tập',
    subCategory: 'Lịch sử thay đổi',
    displayName: 'Xem lịch sử thay đổi',
  });
}

/** For the editors' role (a full sync there: what is not listed is removed). */
export const HISTORY_EDITOR_PERMISSIONS = [{ action: HISTORY_READ }];
