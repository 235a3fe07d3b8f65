/**
 * Loads cms/data/demo/debtor-listings.json (validated by the shared seed schema) through the same writes as
 * the import: entries are matched on their import key, so seeding again creates nothing. The few demo
 * entries with a resolution are listed, then marked resolved, which leaves a realistic private history.
 */
import type { Core } from '@strapi/strapi';
import { DEBTOR_RESOLVED, debtorImportKey, type SeedDebtorListing } from '@thads/shared';
import { DEBTOR_UID, writeContext } from './lifecycle';
import { writeRows, type PlannedRow } from './import';

const DEMO = { by: 'Nội dung mẫu', source: 'Nội dung mẫu.' };

export async function seedDebtorListings(strapi: Core.Strapi, items: SeedDebtorListing[], unitIds: Map<string, string>): Promise<Record<string, { created: number; existing: number }>> {
  const report = { created: 0, existing: 0 };
  const rows: (PlannedRow & { resolved?: SeedDebtorListing['resolved'] })[] = [];
  for (const [i, item] of items.entries()) {
    const { unit: slug, resolved, ...data } = item;
    const unit = unitIds.get(slug);
    if (!unit) throw new Error(`debtor-listings.json [${i}] › unit: không có đơn vị "${slug}"`);
    const key = debtorImportKey(unit, data.decisionNumber, data.name);
    if (await strapi.db.query(DEBTOR_UID).findOne({ where: { importKey: key }, select: ['id'] })) {
      report.existing++;
      continue;
    }
    rows.push({ row: i + 1, name: data.name, unit, unitName: slug, decisionNumber: data.decisionNumber, action: 'them-moi', changes: [], documentId: null, data, key, resolved });
    report.created++;
  }
  await writeRows(strapi, rows, DEMO);
  for (const r of rows.filter((x) => x.resolved)) {
    const doc = await strapi.db.query(DEBTOR_UID).findOne({ where: { importKey: r.key }, select: ['documentId'] });
    await writeContext.run(DEMO, () =>
      (strapi.documents(DEBTOR_UID) as any).update({
        documentId: doc.documentId,
        data: { state: DEBTOR_RESOLVED, resolutionKind: r.resolved!.kind, resolutionDate: r.resolved!.date, resolutionNote: r.resolved!.note ?? null },
      }),
    );
  }
  return { [DEBTOR_UID]: report };
}
