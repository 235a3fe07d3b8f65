/**
 * Reports of what was published (issue 8) and the communications plan as data: the query of the admin
 * page "Báo cáo" (checked by cms/src/reports with this schema), the period it resolves to, the shapes the
 * admin pages read, and the demo seed of the plan's tasks (cms/data/demo/plan-tasks.json).
 *
 * The period of an item is its publication date as the site shows it: the published version's `date`
 * when an editor set one, else the moment it was (last) published.
 */
import { z } from 'zod';
import { PLAN_TASK_STATUSES, type PLAN_TASK_STATUS_LABELS } from '../taxonomy.ts';

export const REPORT_PERIOD_LABELS = { thang: 'Tháng', quy: 'Quý', nam: 'Năm', 'tuy-chon': 'Khoảng tùy chọn' } as const;
export type ReportPeriodKind = keyof typeof REPORT_PERIOD_LABELS;
export const REPORT_PERIODS = Object.keys(REPORT_PERIOD_LABELS) as [ReportPeriodKind, ...ReportPeriodKind[]];

/** Roman numerals of the quarters, as Vietnamese reports write them ("Quý II năm 2025"). */
export const QUARTER_NUMERALS = ['I', 'II', 'III', 'IV'] as const;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
const int = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label}: phải là số.` })
    .int({ error: `${label}: phải là số nguyên.` })
    .min(min, { error: `${label}: từ ${min} đến ${max}.` })
    .max(max, { error: `${label}: từ ${min} đến ${max}.` });
const isoDate = (label: string) => z.iso.date({ error: `${label}: không đúng định dạng ngày (YYYY-MM-DD).` });

/** The longest custom period, in days (ten years). */
export const REPORT_MAX_DAYS = 3660;

/** Query string of GET /thads/reports (and of its XLSX and DOCX exports). */
export const reportQuery = z
  .strictObject({
    period: optional(z.enum(REPORT_PERIODS, { error: 'Kỳ báo cáo: chọn tháng, quý, năm hoặc khoảng tùy chọn.' })).transform((v) => v ?? 'thang'),
    year: optional(int('Năm', 2000, 2100)),
    month: optional(int('Tháng', 1, 12)),
    quarter: optional(int('Quý', 1, 4)),
    from: optional(isoDate('Từ ngày')),
    to: optional(isoDate('Đến ngày')),
    unit: optional(z.string().regex(/^[a-z0-9]{1,64}$/, { error: 'Đơn vị: không hợp lệ.' })),
    /** DOCX only: the number the records office gives the report ("15" → "Số: 15/BC-THADS"). */
    number: optional(z.string().trim().regex(/^[0-9A-Za-z.-]{1,20}$/, { error: 'Số báo cáo: chỉ gồm chữ số, chữ cái, dấu chấm, gạch nối (tối đa 20 ký tự).' })),
  })
  .superRefine((q, ctx) => {
    const need = (field: 'year' | 'month' | 'quarter' | 'from' | 'to', message: string) => {
      if (q[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (q.period === 'thang') need('month', 'Tháng: chọn tháng báo cáo.');
    if (q.period === 'quy') need('quarter', 'Quý: chọn quý báo cáo.');
    if (q.period !== 'tuy-chon') need('year', 'Năm: chọn năm báo cáo.');
    else {
      need('from', 'Từ ngày: chọn ngày bắt đầu.');
      need('to', 'Đến ngày: chọn ngày kết thúc.');
      if (q.from && q.to) {
        if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Đến ngày: phải sau hoặc bằng "Từ ngày".' });
        else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 >= REPORT_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Khoảng báo cáo: dài nhất 10 năm.' });
      }
    }
  });
export type ReportQuery = z.output<typeof reportQuery>;

/** A resolved period: its first and last day (inclusive, Vietnam calendar) and how a report names it. */
export type ReportPeriod = {
  kind: ReportPeriodKind;
  from: string;
  to: string;
  /** "tháng 5 năm 2025", "quý II năm 2025", "năm 2025", "từ ngày 01/01/2025 đến ngày 31/03/2025". */
  label: string;
};

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** The period a valid query asks for. */
export function resolveReportPeriod(q: ReportQuery): ReportPeriod {
  const year = q.year!;
  switch (q.period) {
    case 'thang': {
      const m = q.month!;
      return { kind: 'thang', from: `${year}-${pad(m)}-01`, to: `${year}-${pad(m)}-${pad(lastDay(year, m))}`, label: `tháng ${m} năm ${year}` };
    }
    case 'quy': {
      const first = (q.quarter! - 1) * 3 + 1;
      return { kind: 'quy', from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`, label: `quý ${QUARTER_NUMERALS[q.quarter! - 1]} năm ${year}` };
    }
    case 'nam':
      return { kind: 'nam', from: `${year}-01-01`, to: `${year}-12-31`, label: `năm ${year}` };
    default:
      return { kind: 'tuy-chon', from: q.from!, to: q.to!, label: `từ ngày ${dmy(q.from!)} đến ngày ${dmy(q.to!)}` };
  }
}

/** One line of a breakdown: a key (content type uid, unit documentId, format, theme, "2025-05", "2025-Q2", "2025"), its label, its count. */
export type ReportBucket = { key: string; label: string; count: number };
/** A line that is also split by content type (uid → count). */
export type ReportRow = ReportBucket & { byType: Record<string, number> };

/** What GET /thads/reports returns (data). */
export type PublicationReport = {
  period: ReportPeriod;
  /** "Kết quả công tác truyền thông tháng 5 năm 2025". */
  subject: string;
  unit: { documentId: string; name: string } | null;
  total: number;
  /** Every content type counted, in a fixed order, zeros included. */
  types: ReportBucket[];
  /** Active units (zeros included), then former units and "no unit" when they have items. */
  units: ReportRow[];
  /** Articles by format (tin, bài viết, …), zeros included. */
  formats: ReportBucket[];
  /** Articles by communication theme; an article with two themes counts under both. */
  themes: ReportBucket[];
  months: ReportRow[];
  quarters: ReportRow[];
  years: ReportRow[];
  generatedAt: string;
};

// ————— The communications plan —————

export type PlanTaskStatus = keyof typeof PLAN_TASK_STATUS_LABELS;

/** Content types whose published items can evidence a plan task, by the short name the seed uses. */
export const PLAN_EVIDENCE_KINDS = ['article', 'legal-qa', 'story', 'press-release', 'correction', 'gallery'] as const;
export type PlanEvidenceKind = (typeof PLAN_EVIDENCE_KINDS)[number];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug: chữ thường không dấu, số và gạch nối');

/** One task of plan-tasks.json: units by slug, evidence by content type and slug. */
export const seedPlanTaskSchema = z.strictObject({
  code: z.string().regex(/^\d+(\.\d+)*(\.[a-z])?$/, 'code: dạng 4.1 hoặc 4.1.a'),
  title: z.string().trim().min(1).max(500),
  description: z.string().max(5000).optional(),
  leadUnit: slug,
  coordinatingUnits: z.array(slug).default([]),
  externalPartners: z.string().max(500).optional(),
  product: z.string().max(2000),
  timing: z.string().max(200),
  progress: z.enum(PLAN_TASK_STATUSES),
  evidence: z.array(z.strictObject({ type: z.enum(PLAN_EVIDENCE_KINDS), slug })).default([]),
});
export type SeedPlanTask = z.infer<typeof seedPlanTaskSchema>;

type UnitRef = { documentId: string; name: string };

export type PlanEvidence = { uid: string; typeLabel: string; documentId: string; title: string; date: string; editPath: string };

export type PlanTaskRow = {
  documentId: string;
  code: string;
  title: string;
  description: string | null;
  leadUnit: UnitRef | null;
  coordinatingUnits: UnitRef[];
  externalPartners: string | null;
  product: string | null;
  timing: string | null;
  progress: PlanTaskStatus;
  progressLabel: string;
  /** Published items linked as evidence (each item once). */
  evidenceCount: number;
  /** Of those, the ones whose publication date falls in the chosen period (when one is given). */
  evidenceInPeriod: number | null;
  evidence: PlanEvidence[];
  editPath: string;
};

export type PlanUnitRow = {
  documentId: string;
  name: string;
  lead: Array<{ code: string; title: string; progress: PlanTaskStatus }>;
  coordinating: Array<{ code: string; title: string; progress: PlanTaskStatus }>;
  /** Tasks the unit leads or coordinates, by status. */
  byStatus: Record<PlanTaskStatus, number>;
};

/** What GET /thads/plan returns (data). */
export type PlanProgress = {
  period: ReportPeriod | null;
  tasks: PlanTaskRow[];
  units: PlanUnitRow[];
  summary: { total: number; byStatus: Record<PlanTaskStatus, number>; percentDone: number; evidenceTotal: number };
};
