/**
 * Demo press monitoring (cms/data/demo/press-monitoring.json): the global keywords, a few outlets with
 * plausible feed addresses — all inactive, so that `npm start` never fetches from the internet (an editor
 * activates them) — and a few clippings with their tone. Re-runnable: outlets are matched on their name,
 * clippings on their title, the settings are written only when absent.
 */
import type { Core } from '@strapi/strapi';
import type { SeedPressMonitoring } from '@thads/shared';
import { CLIPPING, OUTLET, SETTING } from './import';

type Report = Record<string, { created: number; existing: number }>;

export async function seedPressMonitoring(strapi: Core.Strapi, data: SeedPressMonitoring): Promise<Report> {
  const report: Report = { [SETTING]: { created: 0, existing: 0 }, [OUTLET]: { created: 0, existing: 0 }, [CLIPPING]: { created: 0, existing: 0 } };
  const tally = (uid: string, created: boolean) => report[uid]![created ? 'created' : 'existing']++;

  const setting = await (strapi.documents(SETTING as any) as any).findFirst({});
  if (!setting) await (strapi.documents(SETTING as any) as any).create({ data: { keywords: data.keywords.join('\n') } });
  tally(SETTING, !setting);

  for (const o of data.outlets) {
    const found = await strapi.db.query(OUTLET as any).findOne({ where: { name: o.name }, select: ['id'] });
    if (!found) await (strapi.documents(OUTLET as any) as any).create({ data: { ...o, keywords: o.keywords.join('\n') || null } });
    tally(OUTLET, !found);
  }

  for (const c of data.clippings) {
    const found = await strapi.db.query(CLIPPING as any).findOne({ where: { title: c.title }, select: ['id'] });
    if (!found) await (strapi.documents(CLIPPING as any) as any).create({ data: c });
    tally(CLIPPING, !found);
  }
  return report;
}
