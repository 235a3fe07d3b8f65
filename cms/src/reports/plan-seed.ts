/**
 * Loads cms/data/demo/plan-tasks.json (validated by the shared seed schema): the tasks 4.1–4.5 of the
 * 2024–2026 communications plan with their units (by slug) and the demo items evidencing them (by content
 * type and slug). A task whose code exists is left as it is, so seeding again creates nothing.
 */
import type { Core } from '@strapi/strapi';
import type { SeedPlanTask } from '@thads/shared';
import { EVIDENCE_FIELDS, PLAN_TASK_UID } from './plan';

export async function seedPlanTasks(strapi: Core.Strapi, tasks: SeedPlanTask[], unitIds: Map<string, string>): Promise<Record<string, { created: number; existing: number }>> {
  const report = { created: 0, existing: 0 };
  const docs = strapi.documents(PLAN_TASK_UID as any) as any;
  for (const [i, t] of tasks.entries()) {
    if (await docs.findFirst({ filters: { code: t.code }, fields: ['documentId'] })) {
      report.existing++;
      continue;
    }
    const unit = (slug: string, field: string) => {
      const id = unitIds.get(slug);
      if (!id) throw new Error(`plan-tasks.json [${i}] › ${field}: không có đơn vị "${slug}"`);
      return id;
    };
    const relations: Record<string, string[]> = {};
    for (const [n, e] of t.evidence.entries()) {
      const { uid, field } = EVIDENCE_FIELDS[e.type];
      const found = await strapi.db.query(uid as any).findOne({ where: { slug: e.slug, publishedAt: { $notNull: true } }, select: ['documentId'] });
      if (!found) throw new Error(`plan-tasks.json [${i}] › evidence › [${n}]: không có nội dung đã xuất bản "${e.slug}"`);
      (relations[field] ??= []).push(found.documentId);
    }
    await docs.create({
      data: {
        code: t.code,
        title: t.title,
        description: t.description ?? null,
        leadUnit: unit(t.leadUnit, 'leadUnit'),
        coordinatingUnits: t.coordinatingUnits.map((s) => unit(s, 'coordinatingUnits')),
        externalPartners: t.externalPartners ?? null,
        product: t.product,
        timing: t.timing,
        progress: t.progress,
        ...relations,
      },
    });
    report.created++;
  }
  return { [PLAN_TASK_UID]: report };
}
