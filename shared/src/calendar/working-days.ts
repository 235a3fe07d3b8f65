/**
 * Deadlines in working days, as Vietnamese administrative law counts them: Saturdays, Sundays and the
 * given public holidays do not count. Dates are calendar dates in Vietnam ("YYYY-MM-DD").
 */

/** Today's date in Vietnam (UTC+7), "YYYY-MM-DD". */
export function todayVn(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

const isWeekend = (date: Date) => date.getUTCDay() === 0 || date.getUTCDay() === 6;

/** The date `days` working days after `from` (the day of receipt itself does not count). */
export function addWorkingDays(from: string, days: number, holidays: readonly string[] = []): string {
  const off = new Set(holidays);
  const date = new Date(`${from}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Ngày không hợp lệ: ${from}`);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (!isWeekend(date) && !off.has(date.toISOString().slice(0, 10))) left--;
  }
  return date.toISOString().slice(0, 10);
}

/** Calendar days a deadline is past (0 when not past, or when the item no longer waits for an answer). */
export function daysOverdue(deadline: string | null | undefined, state: string | null | undefined, today = todayVn()): number {
  if (!deadline || state === 'answered' || state === 'closed' || state === 'published') return 0;
  const diff = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline.slice(0, 10)}T00:00:00Z`)) / 86400_000;
  return diff > 0 ? diff : 0;
}
