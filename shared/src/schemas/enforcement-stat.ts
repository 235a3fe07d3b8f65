/**
 * The agency's enforcement results for one statistical year (content type enforcement-stat), province-wide
 * or for one unit. One schema serves the CMS (checking what editors enter), the demo data and the site.
 *
 * As in the sector's statistics, the completion rates are taken over what had the conditions to be enforced:
 * cases completed ÷ cases with conditions, amounts completed ÷ amounts with conditions. So
 * completed ≤ with conditions ≤ total, for cases and for amounts.
 */
import { z } from 'zod';
import { documentFields, unitRefSchema } from './common.ts';
import { defineModel, unitRefPopulate } from '../models/model.ts';

export const ENFORCEMENT_CASE_FIELDS = ['casesTotal', 'casesWithConditions', 'casesCompleted'] as const;
export const ENFORCEMENT_AMOUNT_FIELDS = ['amountTotal', 'amountWithConditions', 'amountCompleted'] as const;
export const ENFORCEMENT_FIGURES = [...ENFORCEMENT_CASE_FIELDS, ...ENFORCEMENT_AMOUNT_FIELDS] as const;
export type EnforcementFigure = (typeof ENFORCEMENT_FIGURES)[number];

/** Vietnamese labels of every field: the CMS's field labels, the site's table and the CSV header use them. */
export const ENFORCEMENT_STAT_LABELS = {
  year: ['Năm thống kê', 'Năm công tác thi hành án: từ ngày 01/10 năm trước đến hết ngày 30/9 năm này.'],
  unit: ['Đơn vị', 'Để trống nếu là số liệu toàn tỉnh; chọn một phòng khu vực nếu là số liệu riêng của đơn vị đó.'],
  casesTotal: ['Tổng số việc phải thi hành', 'Số việc (gồm việc năm trước chuyển sang và việc thụ lý mới).'],
  casesWithConditions: ['Số việc có điều kiện thi hành', 'Không lớn hơn tổng số việc phải thi hành.'],
  casesCompleted: ['Số việc đã thi hành xong', 'Không lớn hơn số việc có điều kiện thi hành.'],
  amountTotal: ['Tổng số tiền phải thi hành (đồng)', 'Nhập số nguyên, đơn vị đồng, không có dấu chấm phân cách.'],
  amountWithConditions: ['Số tiền có điều kiện thi hành (đồng)', 'Không lớn hơn tổng số tiền phải thi hành.'],
  amountCompleted: ['Số tiền đã thi hành xong (đồng)', 'Không lớn hơn số tiền có điều kiện thi hành.'],
  source: ['Nguồn số liệu', 'Ví dụ: "Báo cáo thống kê năm 2024 của Thi hành án dân sự tỉnh".'],
  note: ['Ghi chú', 'Hiển thị dưới bảng số liệu, ví dụ thay đổi địa bàn sau sáp nhập.'],
} as const satisfies Record<string, readonly [string, string]>;

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const count = z.number({ error: 'phải là một số nguyên' }).int('phải là một số nguyên').nonnegative('không được âm');
/** Amounts in đồng exceed 2³¹: Strapi stores them as bigint and its REST API returns them as strings. */
const amount = z
  .union([z.number(), z.string().trim().regex(/^\d+$/, 'phải là một số nguyên (đồng), không có dấu phân cách')], { error: 'phải là một số tiền (đồng)' })
  .transform((v) => Number(v))
  .pipe(z.number().int('phải là một số nguyên (đồng)').nonnegative('không được âm').max(Number.MAX_SAFE_INTEGER, 'quá lớn'));
const year = z.number({ error: 'phải là một năm' }).int('phải là một năm').min(MIN_YEAR, `từ ${MIN_YEAR} trở đi`).max(MAX_YEAR, `không sau ${MAX_YEAR}`);

export type EnforcementFigures = Record<EnforcementFigure, number>;

/** Problems with the relation between figures (each figure already valid on its own); empty when consistent. */
export function enforcementFigureIssues(f: Partial<Record<EnforcementFigure, number | null | undefined>>): { path: EnforcementFigure; message: string }[] {
  const issues: { path: EnforcementFigure; message: string }[] = [];
  const pairs: [EnforcementFigure, EnforcementFigure][] = [
    ['casesWithConditions', 'casesTotal'],
    ['casesCompleted', 'casesWithConditions'],
    ['amountWithConditions', 'amountTotal'],
    ['amountCompleted', 'amountWithConditions'],
  ];
  for (const [part, whole] of pairs) {
    const a = f[part];
    const b = f[whole];
    if (typeof a === 'number' && typeof b === 'number' && a > b) {
      const [partLabel] = ENFORCEMENT_STAT_LABELS[part];
      const [wholeLabel] = ENFORCEMENT_STAT_LABELS[whole];
      issues.push({ path: part, message: `${partLabel} không được lớn hơn ${wholeLabel.charAt(0).toLowerCase()}${wholeLabel.slice(1)}.` });
    }
  }
  return issues;
}

const figuresShape = {
  casesTotal: count,
  casesWithConditions: count,
  casesCompleted: count,
  amountTotal: amount,
  amountWithConditions: amount,
  amountCompleted: amount,
};

const consistent = (value: Partial<Record<EnforcementFigure, number | null | undefined>>, ctx: z.RefinementCtx) => {
  for (const issue of enforcementFigureIssues(value)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
};

/**
 * What an editor saves in the CMS: a draft may still lack figures, but whatever is there must be valid and
 * consistent. (Required fields are enforced by Strapi at publication.)
 */
export const enforcementStatInputSchema = z
  .object({
    year: year.nullish(),
    casesTotal: count.nullish(),
    casesWithConditions: count.nullish(),
    casesCompleted: count.nullish(),
    amountTotal: amount.nullish(),
    amountWithConditions: amount.nullish(),
    amountCompleted: amount.nullish(),
  })
  .superRefine(consistent);

/** A published entry as Strapi's REST API returns it (unit populated). */
export const enforcementStatSchema = z
  .object({
    ...documentFields,
    year,
    unit: unitRefSchema.nullish(),
    ...figuresShape,
    source: z.string().nullish(),
    note: z.string().nullish(),
  })
  .superRefine(consistent);
export type EnforcementStat = z.infer<typeof enforcementStatSchema>;

/** An entry of cms/data/demo/enforcement-stats.json; `unit` is a unit's slug, absent for the whole province. */
export const seedEnforcementStatSchema = z
  .object({
    year,
    unit: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
    ...figuresShape,
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .superRefine(consistent);
export type SeedEnforcementStat = z.infer<typeof seedEnforcementStatSchema>;

/** Completion rate in percent (completed ÷ with conditions), or null when nothing had conditions. */
export function completionRate(completed: number, withConditions: number): number | null {
  return withConditions > 0 ? (completed / withConditions) * 100 : null;
}

export const enforcementStatModel = defineModel({
  uid: 'api::enforcement-stat.enforcement-stat',
  kind: 'collection',
  path: 'enforcement-stats',
  collection: 'enforcementStats',
  leaf: false,
  role: 'record',
  schema: enforcementStatSchema,
  populate: { unit: unitRefPopulate },
  labels: ENFORCEMENT_STAT_LABELS,
  mainField: 'year',
  listColumns: ['year', 'unit', 'casesTotal', 'casesCompleted', 'amountCompleted'],
});
