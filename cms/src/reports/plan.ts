/**
 * The communications plan as data: each task of `api::plan-task.plan-task` with its status (set by the
 * editors), its lead and coordinating units and the published items linked as its evidence; per unit, the
 * tasks it leads or coordinates. Evidence counts only published items (an unpublished item stops counting),
 * each item once, whichever of its versions the link points to.
 */
import type { Core } from '@strapi/strapi';
import { PLAN_TASK_STATUS_LABELS, PLAN_TASK_STATUSES, type PlanEvidence, type PlanEvidenceKind, type PlanProgress, type PlanTaskRow, type PlanTaskStatus, type PlanUnitRow, type ReportPeriod } from '@thads/shared';
import { itemDate, typeLabel, unitDirectory } from './service';

export const PLAN_TASK_UID = 'api::plan-task.plan-task';

/** The relation of a plan task holding the evidence of each content type. */
export const EVIDENCE_FIELDS: Record<PlanEvidenceKind, { uid: string; field: string }> = {
  article: { uid: 'api::article.article', field: 'evidence' },
  'legal-qa': { uid: 'api::legal-qa.legal-qa', field: 'evidenceQas' },
  story: { uid: 'api::story.story', field: 'evidenceStories' },
  'press-release': { uid: 'api::press-release.press-release', field: 'evidencePressReleases' },
  correction: { uid: 'api::correction.correction', field: 'evidenceCorrections' },
  gallery: { uid: 'api::gallery.gallery', field: 'evidenceGalleries' },
};

type UnitRef = { documentId: string; name: string };

/** One entry per unit document (a link from a task reaches the unit's draft and published rows, in each locale). */
function distinctUnits(units: UnitRef[] | null | undefined, names: Map<string, { name: string }>): UnitRef[] {
  const byId = new Map<string, UnitRef>();
  for (const u of units ?? []) if (!byId.has(u.documentId)) byId.set(u.documentId, { documentId: u.documentId, name: names.get(u.documentId)?.name ?? u.name });
  return [...byId.values()];
}

const editPath = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;
const emptyByStatus = () => Object.fromEntries(PLAN_TASK_STATUSES.map((s) => [s, 0])) as Record<PlanTaskStatus, number>;
const inPeriod = (date: string | Date, period: ReportPeriod) => {
  const t = new Date(date).getTime();
  return t >= Date.parse(`${period.from}T00:00:00+07:00`) && t < Date.parse(`${period.to}T00:00:00+07:00`) + 86_400_000;
};

/** Every task with its evidence, and every unit that leads or coordinates one. */
export async function planProgress(strapi: Core.Strapi, period: ReportPeriod | null = null): Promise<PlanProgress> {
  const attrs = (strapi.contentType(PLAN_TASK_UID as any)?.attributes ?? {}) as Record<string, any>;
  const evidence = Object.values(EVIDENCE_FIELDS).filter((e) => attrs[e.field]?.target === e.uid);
  const directory = await unitDirectory(strapi);
  const populate: Record<string, unknown> = {
    leadUnit: { select: ['documentId', 'name'] },
    coordinatingUnits: { select: ['documentId', 'name'] },
  };
  for (const e of evidence) {
    const dated = Boolean((strapi.contentType(e.uid as any)?.attributes as any)?.date);
    populate[e.field] = { select: ['documentId', 'title', 'publishedAt', ...(dated ? ['date'] : [])], where: { publishedAt: { $notNull: true } } };
  }
  const tasks = ((await strapi.db.query(PLAN_TASK_UID as any).findMany({ populate })) as any[]).sort((a, b) => String(a.code).localeCompare(String(b.code), 'vi', { numeric: true }));

  const rows: PlanTaskRow[] = tasks.map((t) => {
    const items: PlanEvidence[] = [];
    for (const e of evidence) {
      const seen = new Set<string>();
      for (const item of (t[e.field] ?? []) as any[]) {
        if (seen.has(item.documentId)) continue;
        seen.add(item.documentId);
        items.push({ uid: e.uid, typeLabel: typeLabel(strapi, e.uid), documentId: item.documentId, title: item.title, date: new Date(itemDate(item)).toISOString(), editPath: editPath(e.uid, item.documentId) });
      }
    }
    items.sort((a, b) => b.date.localeCompare(a.date));
    const progress = (PLAN_TASK_STATUSES as readonly string[]).includes(t.progress) ? (t.progress as PlanTaskStatus) : 'chua-bat-dau';
    return {
      documentId: t.documentId,
      code: t.code,
      title: t.title,
      description: t.description ?? null,
      leadUnit: distinctUnits(t.leadUnit ? [t.leadUnit] : [], directory)[0] ?? null,
      coordinatingUnits: distinctUnits(t.coordinatingUnits, directory),
      externalPartners: t.externalPartners ?? null,
      product: t.product ?? null,
      timing: t.timing ?? null,
      progress,
      progressLabel: PLAN_TASK_STATUS_LABELS[progress],
      evidenceCount: items.length,
      evidenceInPeriod: period ? items.filter((i) => inPeriod(i.date, period)).length : null,
      evidence: items,
      editPath: editPath(PLAN_TASK_UID, t.documentId),
    };
  });

  // Units in their usual order; only those with a task.
  const rank = new Map([...directory.keys()].map((id, i) => [id, i]));
  const units = new Map<string, PlanUnitRow>();
  const unitRow = (u: { documentId: string; name: string }) => {
    let row = units.get(u.documentId);
    if (!row) units.set(u.documentId, (row = { documentId: u.documentId, name: u.name, lead: [], coordinating: [], byStatus: emptyByStatus() }));
    return row;
  };
  for (const t of rows) {
    const ref = { code: t.code, title: t.title, progress: t.progress };
    const involved = new Set<string>();
    if (t.leadUnit) {
      unitRow(t.leadUnit).lead.push(ref);
      involved.add(t.leadUnit.documentId);
    }
    for (const u of t.coordinatingUnits) {
      if (u.documentId === t.leadUnit?.documentId) continue;
      unitRow(u).coordinating.push(ref);
      involved.add(u.documentId);
    }
    for (const id of involved) units.get(id)!.byStatus[t.progress] += 1;
  }

  const byStatus = emptyByStatus();
  for (const t of rows) byStatus[t.progress] += 1;
  return {
    period,
    tasks: rows,
    units: [...units.values()].sort((a, b) => (rank.get(a.documentId) ?? 1e9) - (rank.get(b.documentId) ?? 1e9)),
    summary: {
      total: rows.length,
      byStatus,
      percentDone: rows.length ? Math.round((byStatus['hoan-thanh'] / rows.length) * 100) : 0,
      evidenceTotal: rows.reduce((a, t) => a + t.evidenceCount, 0),
    },
  };
}
