/**
 * What the admin offers an editor to pick or to go back to is current and Vietnamese:
 *  - relation pickers (choose a unit, a category…): only entries of the default language (Vietnamese) when the
 *    picked type is translated, and no unit that no longer exists (`active: false`, merged into another);
 *    items already linked to a former unit keep it (only the choices are filtered);
 *  - the home page's lists of recently edited and published documents: no translation (the English pages'
 *    entries are the editors' concern in their own language tab, not on everyone's home).
 * A server middleware on those admin routes, registered in src/index.ts.
 */
import type { Core } from '@strapi/strapi';

const PICKER = /^\/content-manager\/relations\/([^/]+)\/([^/]+)$/;
const RECENT = '/content-manager/homepage/recent-documents';

export function registerCurrentEntries(strapi: Core.Strapi) {
  const defaultLocale = async () => {
    try {
      return ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string) || 'vi';
    } catch {
      return 'vi';
    }
  };
  const isLocalized = (uid: string) => Boolean((strapi.getModel(uid as any) as any)?.pluginOptions?.i18n?.localized);

  strapi.server.use(async (ctx: any, next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET') return next();
    const picker = PICKER.exec(ctx.path);
    if (picker) {
      const [, model, field] = picker;
      const target = (strapi.getModel(decodeURIComponent(model!) as any)?.attributes as Record<string, any> | undefined)?.[field!]?.target as string | undefined;
      if (target) {
        const query = { ...ctx.query };
        if (isLocalized(target) && !query.locale) query.locale = await defaultLocale();
        if (target === 'api::unit.unit') query.filters = { $and: [query.filters ?? {}, { active: { $ne: false } }] };
        ctx.query = query;
      }
      return next();
    }
    if (ctx.path !== RECENT) return next();
    await next();
    const locale = await defaultLocale();
    if (Array.isArray(ctx.body?.data)) ctx.body = { ...ctx.body, data: ctx.body.data.filter((d: { locale?: string | null }) => !d.locale || d.locale === locale) };
  });
}
