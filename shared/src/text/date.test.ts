import { describe, expect, it } from 'vitest';
import { formatDate, formatDateAdministrative, formatDateLong, formatDateTime, toIsoVn, vnYear } from './date.ts';

describe('Vietnamese dates', () => {
  it('formats the weekday and date as Vietnamese readers write them', () => {
    expect(formatDateLong('2024-05-14T08:30:00+07:00')).toBe('Thứ Ba, 14/05/2024');
    expect(formatDateLong('2024-05-12T08:30:00+07:00')).toBe('Chủ nhật, 12/05/2024');
    expect(formatDate(new Date('2026-01-02T00:00:00Z'))).toBe('02/01/2026');
  });

  it('uses Vietnam time, not the machine time zone', () => {
    // 20:00 UTC on 31 Dec is already 1 January in Hưng Yên.
    expect(formatDate('2025-12-31T20:00:00Z')).toBe('01/01/2026');
    expect(vnYear('2025-12-31T20:00:00Z')).toBe(2026);
    expect(formatDateTime('2025-12-31T20:05:00Z')).toBe('Thứ Năm, 01/01/2026, 03:05');
    expect(toIsoVn('2025-12-31T20:05:00Z')).toBe('2026-01-01T03:05:00+07:00');
  });

  it('writes the administrative form', () => {
    expect(formatDateAdministrative('2024-05-14')).toBe('ngày 14 tháng 5 năm 2024');
    expect(formatDateAdministrative('2025-02-03')).toBe('ngày 03 tháng 02 năm 2025');
    expect(formatDateAdministrative('2025-01-31T20:00:00Z')).toBe('ngày 01 tháng 02 năm 2025');
    expect(formatDateAdministrative('2025-12-09')).toBe('ngày 09 tháng 12 năm 2025');
  });

  it('refuses an invalid date with a Vietnamese message', () => {
    expect(() => formatDate('không phải ngày')).toThrow(/Ngày không hợp lệ/);
  });
});
