/** Dates as Vietnamese readers expect them, in the agency's time zone (UTC+7, no daylight saving). */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

type DateInput = string | number | Date;

function parts(input: DateInput) {
  const date = input instanceof Date ? input : new Date(input);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Ngày không hợp lệ: ${String(input)}`);
  // Vietnam has no daylight saving: a fixed +7 h shift gives the local calendar fields.
  const local = new Date(date.getTime() + 7 * 3600_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "14/05/2024" */
export function formatDate(input: DateInput): string {
  const p = parts(input);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** "Thứ Ba, 14/05/2024" */
export function formatDateLong(input: DateInput): string {
  const p = parts(input);
  return `${WEEKDAYS[p.weekday]}, ${formatDate(input)}`;
}

/** "Thứ Ba, 14/05/2024, 08:30" */
export function formatDateTime(input: DateInput): string {
  const p = parts(input);
  return `${formatDateLong(input)}, ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "ngày 14 tháng 5 năm 2024", the form of administrative documents. */
export function formatDateAdministrative(input: DateInput): string {
  const p = parts(input);
  // Decree 30/2020/NĐ-CP, appendix I: days below 10 and the months 1 and 2 take a leading zero.
  return `ngày ${pad(p.day)} tháng ${p.month <= 2 ? pad(p.month) : p.month} năm ${p.year}`;
}

/** Local calendar year in Vietnam. */
export function vnYear(input: DateInput): number {
  return parts(input).year;
}

/** "2024-05-14T08:30:00+07:00", for <time datetime> in local time. */
export function toIsoVn(input: DateInput): string {
  const p = parts(input);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:00+07:00`;
}
