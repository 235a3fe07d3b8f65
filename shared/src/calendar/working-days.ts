/**
 * Deadlines in working days, as Vietnamese administrative law counts them: Saturdays, Sundays and the
 * given public holidays do not count. Dates are calendar dates in Vietnam ("YYYY-MM-DD").
 */

/** Today's date in Vietnam (UTC+7), "YYYY-MM-DD". */
export function todayVn(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The days off beyond weekends (public holidays, compensating and swapped days off) and the weekend days
 * decreed as working days (a Saturday worked in exchange for a swapped weekday). See public-holidays.ts.
 */
export type WorkCalendar = { daysOff: readonly string[]; workingWeekends?: readonly string[] };

const isWeekend = (date: Date) => date.getUTCDay() === 0 || date.getUTCDay() === 6;

/** The date `days` working days after `from` (the day of receipt itself does not count). */
export function addWorkingDays(from: string, days: number, holidays: readonly string[] | WorkCalendar = []): string {
  const calendar: WorkCalendar = Array.isArray(holidays) ? { daysOff: holidays as readonly string[] } : (holidays as WorkCalendar);
  const off = new Set(calendar.daysOff);
  const worked = new Set(calendar.workingWeekends ?? []);
  const date = new Date(`${from}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Ngày không hợp lệ: ${from}`);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.toISOString().slice(0, 10);
    if (worked.has(day) || (!isWeekend(date) && !off.has(day))) left--;
  }
  return date.toISOString().slice(0, 10);
}

/** States in which an item no longer waits for an answer. */
const DONE_STATES = new Set(['answered', 'closed', 'published', 'refused']);

/** Calendar days a deadline is past (0 when not past, or when the item no longer waits for an answer). */
export function daysOverdue(deadline: string | null | undefined, state: string | null | undefined, today = todayVn()): number {
  if (!deadline || (state && DONE_STATES.has(state))) return 0;
  const diff = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline.slice(0, 10)}T00:00:00Z`)) / 86400_000;
  return diff > 0 ? diff : 0;
}
