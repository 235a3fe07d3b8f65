import { describe, expect, it } from 'vitest';
import { VN_PUBLIC_HOLIDAYS, workCalendarOf } from './public-holidays.ts';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('VN_PUBLIC_HOLIDAYS', () => {
  it('holds valid, distinct dates in order', () => {
    const dates = VN_PUBLIC_HOLIDAYS.map((h) => h.date);
    for (const d of dates) expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it('has the fixed holidays of each year (1/1, 30/4, 1/5, 2/9) and mùng 1 Tết on the lunar new year', () => {
    for (const year of [2025, 2026, 2027]) {
      for (const md of ['01-01', '04-30', '05-01', '09-02']) expect(VN_PUBLIC_HOLIDAYS.some((h) => h.date === `${year}-${md}` && h.kind === 'holiday')).toBe(true);
    }
    expect(VN_PUBLIC_HOLIDAYS.filter((h) => h.name.includes('mùng 1')).map((h) => h.date)).toEqual(['2025-01-29', '2026-02-17', '2027-02-06']);
    expect(VN_PUBLIC_HOLIDAYS.filter((h) => h.name.startsWith('Giỗ Tổ')).map((h) => h.date)).toEqual(['2025-04-07', '2026-04-26', '2027-04-16']);
  });

  it('puts days off on weekdays and working weekend days on Saturdays or Sundays', () => {
    for (const h of VN_PUBLIC_HOLIDAYS.filter((x) => x.kind === 'day-off')) expect([1, 2, 3, 4, 5], h.date).toContain(weekday(h.date));
    for (const h of VN_PUBLIC_HOLIDAYS.filter((x) => x.kind === 'working-weekend')) expect([0, 6], h.date).toContain(weekday(h.date));
  });

  it('marks only the undecreed year as provisional', () => {
    expect(new Set(VN_PUBLIC_HOLIDAYS.filter((h) => h.provisional).map((h) => h.date.slice(0, 4)))).toEqual(new Set(['2027']));
  });

  it('splits into days off and weekend days worked', () => {
    const c = workCalendarOf([{ date: '2026-01-02', kind: 'day-off' }, { date: '2026-01-10T00:00:00.000Z', kind: 'working-weekend' }, { date: '2026-01-01', kind: 'holiday' }]);
    expect(c).toEqual({ daysOff: ['2026-01-02', '2026-01-01'], workingWeekends: ['2026-01-10'] });
  });
});
