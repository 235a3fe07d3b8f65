/**
 * Press monitoring (issue 8): outlets as data (`api::press-outlet.press-outlet`, global keywords in
 * `api::press-monitoring-setting.press-monitoring-setting`), clippings recorded by hand or imported from the
 * outlets' RSS/Atom feeds (import.ts: by a button of the admin page and every PRESS_IMPORT_MINUTES), a draft
 * correction started from a clipping (correction.ts), and the daily digest with its HTML and DOCX exports
 * (digest.ts, export.ts; admin page src/admin/press/DigestPage.tsx).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { webAddress } from '@thads/shared';
import { registerPressAdminRoutes } from './admin-routes';
import { CLIPPING, OUTLET } from './import';
import { canonicalUrl, foldKey } from './match';

export { importPressClippings, importSummary, schedulePressImport } from './import';
export { seedPressMonitoring } from './seed';

const OUTLET_ADDRESSES = { feedUrl: 'Địa chỉ nguồn tin (RSS/Atom)', homepage: 'Trang chủ' } as const;

/** Feed and homepage addresses must be http(s) URLs: a Vietnamese ValidationError naming the field otherwise. */
function checkOutlet(data: Record<string, any>) {
  const details: { path: string[]; message: string; name: string; value: null }[] = [];
  for (const [field, label] of Object.entries(OUTLET_ADDRESSES)) {
    const value = data[field];
    if (value === undefined || value === null || value === '') continue;
    const parsed = webAddress(label).safeParse(value);
    if (parsed.success) data[field] = parsed.data;
    else details.push({ path: [field], message: parsed.error.issues[0]!.message, name: 'ValidationError', value: null });
  }
  if (details.length) throw new errors.ValidationError(details.map((d) => d.message).join(' '), { errors: details });
}

/** The keys that recognise the same story on import: kept in step with the clipping's address and title. */
function clippingKeys(action: string, data: Record<string, any>) {
  if ('url' in data) data.canonicalUrl = canonicalUrl(data.url);
  if (action === 'create' && typeof data.title === 'string' && !data.titleKey) data.titleKey = foldKey(data.title).slice(0, 300);
}

export function registerPressMonitoring(strapi: Core.Strapi) {
  strapi.documents.use(async (context: any, next: () => Promise<any>) => {
    const { uid, action, params } = context;
    if ((action === 'create' || action === 'update') && params?.data) {
      if (uid === OUTLET) checkOutlet(params.data);
      if (uid === CLIPPING) clippingKeys(action, params.data);
    }
    return next();
  });
  registerPressAdminRoutes(strapi);
}
