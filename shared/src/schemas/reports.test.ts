import { describe, expect, it } from 'vitest';
import { fieldErrors } from './inputs/fields.ts';
import { reportQuery, resolveReportPeriod } from './reports.ts';

const period = (q: Record<string, string>) => resolveReportPeriod(reportQuery.parse(q));
const firstError = (q: Record<string, string>) => {
  const parsed = reportQuery.safeParse(q);
  expect(parsed.success).toBe(false);
  return fieldErrors(parsed.error!)[0]?.message;
};

describe('report periods', () => {
  it('resolves a month, a quarter, a year and a custom range to Vietnamese calendar days and labels', () => {
    expect(period({ period: 'thang', year: '2024', month: '2' })).toEqual({ kind: 'thang', from: '2024-02-01', to: '2024-02-29', label: 'tháng 2 năm 2024' });
    expect(period({ period: 'quy', year: '2025', quarter: '4' })).toEqual({ kind: 'quy', from: '2025-10-01', to: '2025-12-31', label: 'quý IV năm 2025' });
    expect(period({ period: 'nam', year: '2026' })).toEqual({ kind: 'nam', from: '2026-01-01', to: '2026-12-31', label: 'năm 2026' });
    expect(period({ period: 'tuy-chon', from: '2025-01-15', to: '2025-03-31' })).toMatchObject({ from: '2025-01-15', to: '2025-03-31', label: 'từ ngày 15/01/2025 đến ngày 31/03/2025' });
  });

  it('defaults to a month and treats empty values as absent', () => {
    expect(period({ year: '2025', month: '7', unit: '', quarter: '' })).toMatchObject({ kind: 'thang', from: '2025-07-01', to: '2025-07-31' });
  });

  it('refuses incomplete or wrong periods with a Vietnamese message naming the field', () => {
    expect(firstError({ period: 'quy', year: '2025' })).toBe('Quý: chọn quý báo cáo.');
    expect(firstError({ period: 'thang', year: '2025', month: '13' })).toBe('Tháng: từ 1 đến 12.');
    expect(firstError({ period: 'nam' })).toBe('Năm: chọn năm báo cáo.');
    expect(firstError({ period: 'tuan', year: '2025' })).toBe('Kỳ báo cáo: chọn tháng, quý, năm hoặc khoảng tùy chọn.');
    expect(firstError({ period: 'tuy-chon', from: '2025-02-30', to: '2025-03-01' })).toBe('Từ ngày: không đúng định dạng ngày (YYYY-MM-DD).');
    expect(firstError({ period: 'tuy-chon', from: '2010-01-01', to: '2025-01-01' })).toBe('Khoảng báo cáo: dài nhất 10 năm.');
    expect(firstError({ period: 'nam', year: '2025', number: '15/BC' })).toMatch(/^Số báo cáo:/);
    expect(firstError({ period: 'nam', year: '2025', sort: 'x' })).toBeDefined();
  });
});
