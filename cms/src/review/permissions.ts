/**
 * The admin permissions of the review queue (Settings › Roles › Cài đặt › Biên tập): "Gửi bài duyệt"
 * (reporters and editors) and "Duyệt bài" (editors: publish from the queue, send back, mark reviewed).
 * The Super Admin receives both from Strapi; src/bootstrap/editorial-roles.ts gives them to the roles.
 */
import type { Core } from '@strapi/strapi';

export const REVIEW_SUBMIT = 'api::thads.review.submit';
export const REVIEW_DECIDE = 'api::thads.review.decide';

/** Called in the register phase, before the admin gives the Super Admin every registered action at bootstrap. */
export function registerReviewPermissions(strapi: Core.Strapi): Promise<unknown> {
  return (strapi.service('admin::permission') as any).actionProvider.registerMany([
    { uid: 'thads.review.submit', section: 'settings', category: 'Biên tập', subCategory: 'Hàng chờ duyệt', displayName: 'Gửi bài duyệt' },
    { uid: 'thads.review.decide', section: 'settings', category: 'Biên tập', subCategory: 'Hàng chờ duyệt', displayName: 'Duyệt bài: xuất bản, trả lại, xác nhận đã rà soát' },
  ]);
}

/** For the editors' and the reporters' roles (full syncs there: what is not listed is removed). */
export const REVIEW_EDITOR_PERMISSIONS = [{ action: REVIEW_SUBMIT }, { action: REVIEW_DECIDE }];
export const REVIEW_REPORTER_PERMISSIONS = [{ action: REVIEW_SUBMIT }];
