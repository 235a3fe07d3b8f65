/**
 * Counts of what was published in a period: per content type, per unit, per article format, per
 * communication theme, per month, quarter and year.
 *
 * An item counts when its published version exists (drafts and unpublished items never count) and its
 * publication date falls in the period: the published version's `date` when an editor set one (the date
 * the site shows), else its `publishedAt`. Calendar days, months and quarters are Vietnam's (UTC+7).
 *
 * The rows are read through Strapi's Query Engine (the same where clause on SQLite and PostgreSQL), a
 * thousand at a time with only the columns needed, and tallied here: bucketing by Vietnamese month is
 * then the same code on both databases, where SQL date functions differ (strftime / to_char, time zones).
 */
import type { Core } from '@strapi/strapi';
import {
  ARTICLE_FORMAT_LABELS,
  ARTICLE_FORMATS,
  PUBLIC_COLLECTIONS,
  PUBLIC_MODELS,
  QUARTER_NUMERALS,
  THEME_LABELS,
  THEMES,
  type PublicationReport,
  type ReportBucket,
  type ReportPeriod,
  type ReportRow,
} from '@thads/shared';

export const ARTICLE_UID = 'api::article.article';
export const UNIT_UID = 'api::unit.unit';

/** The units' publications (models of role `publication`), not reference data, statistics or legal lists. */
const PUBLICATIONS: readonly string[] = PUBLIC_MODELS.filter((m) => m.role === 'publication').map((m) => m.uid);

/** Where clause keeping the default locale's rows of a localized type (units, site settings); none otherwise. */
export async function defaultLocaleWhere(strapi: Core.Strapi, uid: string): Promise<Record<string, string>> {
  const i18n = strapi.plugin('i18n') as any;
  const ct = strapi.contentType(uid as any);
  if (!i18n || !ct || !i18n.service('content-types').isLocalizedContentType(ct)) return {};
  const locale: string | null = await i18n.service('locales').getDefaultLocale();
  return locale ? { locale } : {};
}

export type UnitEntry = { documentId: string; name: string; active: boolean; order: number };

/** Published units (their names in the default locale), in their order. */
export async function unitDirectory(strapi: Core.Strapi): Promise<Map<string, UnitEntry>> {
  const rows = (await strapi.db.query(UNIT_UID as any).findMany({
    where: { publishedAt: { $notNull: true }, ...(await defaultLocaleWhere(strapi, UNIT_UID)) },
    select: ['documentId', 'name', 'active', 'order'],
    orderBy: [{ order: 'asc' }, { name: 'asc' }],
  })) as Array<{ documentId: string; name: string; active: boolean | null; order: number | null }>;
  return new Map(rows.map((u) => [u.documentId, { documentId: u.documentId, name: u.name, active: u.active !== false, order: u.order ?? 0 }]));
}

/** The content types a report counts, in the order of the shared list (articles first). */
export function reportTypes(strapi: Core.Strapi): string[] {
  return PUBLIC_COLLECTIONS.filter((uid) => PUBLICATIONS.includes(uid) && Boolean(strapi.contentType(uid as any)?.options?.draftAndPublish));
}

export const typeLabel = (strapi: Core.Strapi, uid: string): string => (strapi.contentType(uid as any)?.info?.displayName as string | undefined) ?? uid;

/** The instant a Vietnamese calendar day (YYYY-MM-DD) starts, plus `days`. */
const vnMidnight = (date: string, days = 0) => new Date(Date.parse(`${date}T00:00:00+07:00`) + days * 86_400_000).toISOString();

const pad = (n: number) => String(n).padStart(2, '0');
/** Year and month (1–12) of an instant in Vietnam. */
function vnMonth(value: string | Date): { year: number; month: number } {
  const local = new Date(new Date(value).getTime() + 7 * 3_600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

type Attr = { type: string; relation?: string; target?: string; component?: string };
const attributesOf = (strapi: Core.Strapi, uid: string) => (strapi.contentType(uid as any)?.attributes ?? {}) as Record<string, Attr>;

/** Where the publication date of `uid` lies in [from, to]: its `date` (datetime or date), else publishedAt. */
export function periodWhere(strapi: Core.Strapi, uid: string, period: Pick<ReportPeriod, 'from' | 'to'>): Record<string, unknown> {
  const start = vnMidnight(period.from);
  const end = vnMidnight(period.to, 1);
  const published = { publishedAt: { $gte: start, $lt: end } };
  const date = attributesOf(strapi, uid).date;
  if (!date || !['datetime', 'date'].includes(date.type)) return published;
  const bounds = date.type === 'date' ? { $gte: period.from, $lte: period.to } : { $gte: start, $lt: end };
  return { publishedAt: { $notNull: true }, $or: [{ date: bounds }, { date: null, ...published }] };
}

const hasUnit = (strapi: Core.Strapi, uid: string) => attributesOf(strapi, uid).unit?.target === UNIT_UID;

/** The item's publication date as the report counts it. */
export const itemDate = (row: { date?: string | Date | null; publishedAt?: string | Date | null }): string | Date => (row.date ?? row.publishedAt)!;

type Row = { id: number; documentId: string; date?: string | Date | null; publishedAt: string | Date; format?: string | null; unit?: { documentId: string; name: string } | null; themes?: Array<{ code: string }> };

/** Every published item of `uid` in the period (and of the unit, when given), a thousand rows a query. */
export async function publishedRows(strapi: Core.Strapi, uid: string, period: Pick<ReportPeriod, 'from' | 'to'>, unit: string | null = null): Promise<Row[]> {
  const attrs = attributesOf(strapi, uid);
  if (unit && !hasUnit(strapi, uid)) return [];
  const where = { ...periodWhere(strapi, uid, period), ...(unit ? { unit: { documentId: unit } } : {}) };
  const select = ['id', 'documentId', 'publishedAt', ...(attrs.date ? ['date'] : []), ...(uid === ARTICLE_UID ? ['format'] : [])];
  const populate: Record<string, unknown> = {};
  if (hasUnit(strapi, uid)) populate.unit = { select: ['documentId', 'name'] };
  if (uid === ARTICLE_UID && attrs.themes?.component === 'shared.theme') populate.themes = { select: ['code'] };
  const out: Row[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = (await strapi.db.query(uid as any).findMany({ where, select, populate, orderBy: { id: 'asc' }, offset, limit: 1000 })) as Row[];
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/** Month keys ("2025-05") from the period's first to its last month. */
function monthsOf(period: Pick<ReportPeriod, 'from' | 'to'>): string[] {
  const [fy, fm] = period.from.split('-').map(Number) as [number, number];
  const [ty, tm] = period.to.split('-').map(Number) as [number, number];
  const keys: string[] = [];
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) keys.push(`${y}-${pad(m)}`);
  return keys;
}

const quarterOf = (monthKey: string) => `${monthKey.slice(0, 4)}-Q${Math.ceil(Number(monthKey.slice(5)) / 3)}`;
const monthLabel = (key: string) => `Tháng ${Number(key.slice(5))}/${key.slice(0, 4)}`;
const quarterLabel = (key: string) => `Quý ${QUARTER_NUMERALS[Number(key.slice(6)) - 1]}/${key.slice(0, 4)}`;

/** Ordered rows with a count per content type, zeros included. */
class Tally {
  private rows = new Map<string, ReportRow>();
  constructor(private types: string[]) {}
  ensure(key: string, label: string): ReportRow {
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { key, label, count: 0, byType: Object.fromEntries(this.types.map((t) => [t, 0])) }));
    return row;
  }
  add(key: string, label: string, uid: string) {
    const row = this.ensure(key, label);
    row.count += 1;
    row.byType[uid] = (row.byType[uid] ?? 0) + 1;
  }
  list(): ReportRow[] {
    return [...this.rows.values()];
  }
}

/** The report of a period, for every unit or one. */
export async function buildReport(strapi: Core.Strapi, period: ReportPeriod, unitDocumentId: string | null = null): Promise<PublicationReport> {
  const types = reportTypes(strapi);
  const directory = await unitDirectory(strapi);
  const chosen = unitDocumentId ? directory.get(unitDocumentId) : undefined;
  const unit = chosen ? { documentId: chosen.documentId, name: chosen.name } : null;
  const unitName = (ref: { documentId: string; name: string }) => directory.get(ref.documentId)?.name ?? ref.name;

  const typeCounts = new Map(types.map((t) => [t, 0]));
  const formats = new Map<string, number>(ARTICLE_FORMATS.map((f) => [f, 0]));
  const themes = new Map<string, number>(THEMES.map((t) => [t, 0]));
  const byUnit = new Tally(types);
  // Active units first, in their order, zeros included; former units only when they published something.
  if (unit) byUnit.ensure(unit.documentId, unit.name);
  else for (const u of directory.values()) if (u.active) byUnit.ensure(u.documentId, u.name);
  const months = new Tally(types);
  const quarters = new Tally(types);
  const years = new Tally(types);
  for (const key of monthsOf(period)) {
    months.ensure(key, monthLabel(key));
    quarters.ensure(quarterOf(key), quarterLabel(quarterOf(key)));
    years.ensure(key.slice(0, 4), `Năm ${key.slice(0, 4)}`);
  }

  for (const uid of types) {
    const rows = await publishedRows(strapi, uid, period, unitDocumentId);
    typeCounts.set(uid, rows.length);
    for (const row of rows) {
      if (row.unit) byUnit.add(row.unit.documentId, unitName(row.unit), uid);
      else if (!unitDocumentId) byUnit.add('', 'Chưa ghi đơn vị', uid);
      const { year, month } = vnMonth(itemDate(row));
      const key = `${year}-${pad(month)}`;
      months.add(key, monthLabel(key), uid);
      quarters.add(quarterOf(key), quarterLabel(quarterOf(key)), uid);
      years.add(String(year), `Năm ${year}`, uid);
      if (uid === ARTICLE_UID) {
        if (row.format) formats.set(row.format, (formats.get(row.format) ?? 0) + 1);
        for (const code of new Set((row.themes ?? []).map((t) => t.code))) themes.set(code, (themes.get(code) ?? 0) + 1);
      }
    }
  }

  const bucket = (key: string, label: string, count: number): ReportBucket => ({ key, label, count });
  const unitRows = byUnit.list();
  // "No unit" last.
  unitRows.sort((a, b) => Number(a.key === '') - Number(b.key === ''));
  return {
    period,
    subject: `Kết quả công tác truyền thông ${period.label}${unit ? ` của ${unit.name}` : ''}`,
    unit,
    total: [...typeCounts.values()].reduce((a, b) => a + b, 0),
    types: types.map((t) => bucket(t, typeLabel(strapi, t), typeCounts.get(t) ?? 0)),
    units: unitRows,
    formats: [...formats].map(([k, n]) => bucket(k, (ARTICLE_FORMAT_LABELS as Record<string, string>)[k] ?? k, n)),
    themes: [...themes].map(([k, n]) => bucket(k, (THEME_LABELS as Record<string, string>)[k] ?? k, n)),
    months: months.list(),
    quarters: quarters.list(),
    years: years.list(),
    generatedAt: new Date().toISOString(),
  };
}
