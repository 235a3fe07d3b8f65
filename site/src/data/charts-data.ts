/**
 * The statistics page's data (/so-lieu/): enforcement results by year from the CMS, as table rows,
 * chart series, sentences for the charts' descriptions and a CSV file. Pure functions (charts-data.test.ts).
 */
import { ENFORCEMENT_STAT_LABELS, completionRate, type EnforcementStat } from '@thads/shared';

export type StatRow = {
  year: number;
  unit: string | null;
  unitSlug: string | null;
  casesTotal: number;
  casesWithConditions: number;
  casesCompleted: number;
  casesRate: number | null;
  amountTotal: number;
  amountWithConditions: number;
  amountCompleted: number;
  amountRate: number | null;
  source: string | null;
  note: string | null;
};

export function toRow(s: EnforcementStat): StatRow {
  return {
    year: s.year,
    unit: s.unit?.name ?? null,
    unitSlug: s.unit?.slug ?? null,
    casesTotal: s.casesTotal,
    casesWithConditions: s.casesWithConditions,
    casesCompleted: s.casesCompleted,
    casesRate: completionRate(s.casesCompleted, s.casesWithConditions),
    amountTotal: s.amountTotal,
    amountWithConditions: s.amountWithConditions,
    amountCompleted: s.amountCompleted,
    amountRate: completionRate(s.amountCompleted, s.amountWithConditions),
    source: s.source ?? null,
    note: s.note ?? null,
  };
}

/** Province-wide rows by year (oldest first) and units' rows grouped by year (newest year first, units by name). */
export function statTables(stats: EnforcementStat[]): { province: StatRow[]; byUnit: { year: number; rows: StatRow[] }[] } {
  const rows = stats.map(toRow);
  const province = rows.filter((r) => !r.unit).sort((a, b) => a.year - b.year);
  const years = [...new Set(rows.filter((r) => r.unit).map((r) => r.year))].sort((a, b) => b - a);
  const byUnit = years.map((year) => ({
    year,
    rows: rows.filter((r) => r.unit && r.year === year).sort((a, b) => a.unit!.localeCompare(b.unit!, 'vi', { numeric: true })),
  }));
  return { province, byUnit };
}

const vi = (digits: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const integer = vi(0);
const oneDecimal = vi(1);

/** "16.874" */
export const formatCount = (n: number) => integer.format(n);
/** Đồng to billions (tỷ đồng) with one decimal: 3187300000000 → "3.187,3" */
export const toBillions = (dong: number) => Math.round(dong / 1e8) / 10;
export const formatBillions = (dong: number) => oneDecimal.format(toBillions(dong));
/** "86,7%" (or "–" when nothing had conditions) */
export const formatRate = (rate: number | null) => (rate == null ? '–' : `${oneDecimal.format(rate)}%`);

/** One sentence per year, read by screen readers as the chart's description. */
export function describeYears(rows: StatRow[], sentence: (r: StatRow) => string): string {
  return rows.map((r) => `Năm ${r.year}: ${sentence(r)}.`).join(' ');
}

const CSV_COLUMNS: [string, (r: StatRow) => string | number | null][] = [
  [ENFORCEMENT_STAT_LABELS.year[0], (r) => r.year],
  [ENFORCEMENT_STAT_LABELS.unit[0], (r) => r.unit ?? 'Toàn tỉnh'],
  [ENFORCEMENT_STAT_LABELS.casesTotal[0], (r) => r.casesTotal],
  [ENFORCEMENT_STAT_LABELS.casesWithConditions[0], (r) => r.casesWithConditions],
  [ENFORCEMENT_STAT_LABELS.casesCompleted[0], (r) => r.casesCompleted],
  ['Tỷ lệ thi hành xong về việc (%)', (r) => (r.casesRate == null ? null : r.casesRate.toFixed(2))],
  [ENFORCEMENT_STAT_LABELS.amountTotal[0], (r) => r.amountTotal],
  [ENFORCEMENT_STAT_LABELS.amountWithConditions[0], (r) => r.amountWithConditions],
  [ENFORCEMENT_STAT_LABELS.amountCompleted[0], (r) => r.amountCompleted],
  ['Tỷ lệ thi hành xong về tiền (%)', (r) => (r.amountRate == null ? null : r.amountRate.toFixed(2))],
  [ENFORCEMENT_STAT_LABELS.source[0], (r) => r.source],
  [ENFORCEMENT_STAT_LABELS.note[0], (r) => r.note],
];

function csvField(value: string | number | null): string {
  if (value == null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV (comma, CRLF, quotes doubled) in UTF-8 with a byte order mark, so that Excel opens the
 * Vietnamese headers correctly. Counts and amounts (in đồng) are plain integers; rates have two decimals
 * with a dot. Province-wide rows first, then units, each by year.
 */
export function statsCsv(stats: EnforcementStat[]): string {
  const rows = stats.map(toRow).sort((a, b) => Number(!!a.unit) - Number(!!b.unit) || a.year - b.year || (a.unit ?? '').localeCompare(b.unit ?? '', 'vi', { numeric: true }));
  const lines = [CSV_COLUMNS.map(([label]) => csvField(label)).join(','), ...rows.map((r) => CSV_COLUMNS.map(([, value]) => csvField(value(r))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const CSV_FILE = 'so-lieu-thi-hanh-an-dan-su.csv';
