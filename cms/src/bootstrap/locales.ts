/**
 * Content locales: Vietnamese (the default: every read without a locale, the public site, the admin's
 * first tab) and English (the English pages of Decree 42/2022 art. 7, site/src/pages/en/).
 *
 * Strapi's i18n plugin creates "en" as the default locale on a new database, before our bootstrap runs.
 * ensureLocales() switches the default to "vi" at every boot (idempotent), before the seed writes anything.
 * A database that held content before the unit and site-setting types became localized had that content
 * labelled with the old default ("en") by Strapi's own migration at schema sync: when "vi" is created, such
 * rows are relabelled "vi" (no English content can exist before then).
 */
import type { Core } from '@strapi/strapi';

export const DEFAULT_LOCALE = 'vi';
export const LOCALES = [
  { code: 'vi', name: 'Tiếng Việt (vi)' },
  { code: 'en', name: 'Tiếng Anh (en)' },
] as const;

const localesService = (strapi: Core.Strapi) => strapi.plugin('i18n').service('locales') as any;

/** The uids of the content types that are localized (pluginOptions.i18n.localized). */
export function localizedTypes(strapi: Core.Strapi): string[] {
  const { isLocalizedContentType } = strapi.plugin('i18n').service('content-types') as any;
  return Object.values(strapi.contentTypes)
    .filter((ct: any) => isLocalizedContentType(ct))
    .map((ct: any) => ct.uid as string);
}

export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = localesService(strapi);
  const previousDefault: string | null = await locales.getDefaultLocale();
  let createdDefault = false;
  for (const locale of LOCALES) {
    const existing = await locales.findByCode(locale.code);
    if (!existing) {
      await locales.create({ ...locale });
      if (locale.code === DEFAULT_LOCALE) createdDefault = true;
    } else if (existing.name !== locale.name) {
      await locales.update({ id: existing.id }, { name: locale.name });
    }
  }
  if (previousDefault === DEFAULT_LOCALE) return;
  await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  if (createdDefault && previousDefault) {
    for (const uid of localizedTypes(strapi)) {
      const { count } = await strapi.db.query(uid as any).updateMany({ where: { locale: previousDefault }, data: { locale: DEFAULT_LOCALE } });
      if (count) strapi.log.info(`${uid}: ${count} bản ghi được gắn ngôn ngữ mặc định "${DEFAULT_LOCALE}" (trước đây "${previousDefault}").`);
    }
  }
}

type Permission = { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] };

/**
 * Admin permissions on localized types only apply to the locales listed in `properties.locales` (none when
 * absent): gives the roles synced in code (editorial-roles.ts) every locale, as Strapi does for the Super Admin.
 */
export async function withAllLocales<P extends Permission>(strapi: Core.Strapi, permissions: P[]): Promise<P[]> {
  const codes = ((await localesService(strapi).find()) as Array<{ code: string }>).map((l) => l.code).sort();
  const { actionProvider } = strapi.service('admin::permission') as any;
  const localized = new Set(localizedTypes(strapi));
  return Promise.all(
    permissions.map(async (p) => {
      if (!p.subject || !localized.has(p.subject) || !(await actionProvider.appliesToProperty('locales', p.action, p.subject))) return p;
      return { ...p, properties: { ...(p.properties ?? {}), locales: codes } };
    }),
  );
}
