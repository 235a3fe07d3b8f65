import { describe, expect, it } from 'vitest';
import { addWorkingDays, daysOverdue, todayVn } from './working-days.ts';

describe('addWorkingDays', () => {
  it('skips Saturdays and Sundays', () => {
    // Thursday 2026-11-19 + 5 working days → Thursday 2026-11-26
    expect(addWorkingDays('2026-11-19', 5)).toBe('2026-11-26');
    // Friday + 1 → Monday
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
  });

  it('skips the public holidays it is given', () => {
    // 2 September (Quốc khánh) 2026 is a Wednesday
    expect(addWorkingDays('2026-09-01', 1, ['2026-09-02'])).toBe('2026-09-03');
  });

  it('refuses an invalid date', () => {
    expect(() => addWorkingDays('2026-13-40', 1)).toThrow(/Ngày không hợp lệ/);
  });
});

describe('daysOverdue', () => {
  it('counts the days past the deadline of an item still waiting', () => {
    expect(daysOverdue('2026-11-20', 'assigned', '2026-11-23')).toBe(3);
    expect(daysOverdue('2026-11-23', 'received', '2026-11-23')).toBe(0);
  });

  it('is zero once the item is answered or closed', () => {
    expect(daysOverdue('2026-11-01', 'answered', '2026-11-23')).toBe(0);
    expect(daysOverdue(null, 'received', '2026-11-23')).toBe(0);
  });
});

describe('todayVn', () => {
  it('is already tomorrow in Vietnam late in the UTC evening', () => {
    expect(todayVn(new Date('2026-11-23T18:00:00Z'))).toBe('2026-11-24');
  });
});
