/**
 * The list of debtors without means to execute (issue 10): the Document Service middleware that checks
 * every write, keeps the private history and unpublishes resolved entries (lifecycle.ts); the spreadsheet
 * import (spreadsheet.ts, import.ts, template.ts) and its admin routes (admin-routes.ts); the demo loader
 * (seed.ts). The public API is in src/api/debtor-listing, the admin page in src/admin/debtors.
 */
import type { Core } from '@strapi/strapi';
import { registerDebtorAdminRoutes } from './admin-routes';
import { debtorListingMiddleware } from './lifecycle';

export { seedDebtorListings } from './seed';

export function registerDebtorListings(strapi: Core.Strapi) {
  strapi.documents.use(debtorListingMiddleware(strapi) as any);
  registerDebtorAdminRoutes(strapi);
}
