import { describe, expect, it } from 'vitest';
import { enforcementStatSchema } from '@thads/shared';
import { formatBillions, formatCount, formatRate, statTables, statsCsv } from './charts-data.ts';

const stat = (year: number, unit: { name: string; slug: string } | null, over: Record<string, unknown> = {}) =>
  enforcementStatSchema.parse({
    id: year,
    documentId: `d${year}${unit?.slug ?? ''}`,
    createdAt: '2025-10-01T00:00:00.000Z',
    updatedAt: '2025-10-01T00:00:00.000Z',
    publishedAt: '2025-10-01T00:00:00.000Z',
    year,
    unit: unit && { documentId: `u-${unit.slug}`, ...unit },
    casesTotal: 100,
    casesWithConditions: 80,
    casesCompleted: 60,
    amountTotal: '3187300000000',
    amountWithConditions: '1905800000000',
    amountCompleted: '858200000000',
    ...over,
  });

describe('statTables', () => {
  it('puts province-wide rows by year and groups units by year, newest year first', () => {
    const { province, byUnit } = statTables([
      stat(2025, null),
      stat(2024, { name: 'Phòng Thi hành án dân sự khu vực 10', slug: 'kv10' }),
      stat(2024, null),
      stat(2024, { name: 'Phòng Thi hành án dân sự khu vực 2', slug: 'kv2' }),
      stat(2025, { name: 'Phòng Thi hành án dân sự khu vực 1', slug: 'kv1' }),
    ]);
    expect(province.map((r) => r.year)).toEqual([2024, 2025]);
    expect(byUnit.map((g) => [g.year, g.rows.map((r) => r.unitSlug)])).toEqual([
      [2025, ['kv1']],
      [2024, ['kv2', 'kv10']],
    ]);
    expect(province[0]!.casesRate).toBe(75);
  });
});

describe('formatting in Vietnamese', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatCount(16874)).toBe('16.874');
    expect(formatBillions(3187300000000)).toBe('3.187,3');
    expect(formatRate(86.7264)).toBe('86,7%');
    expect(formatRate(null)).toBe('–');
  });
});

describe('statsCsv', () => {
  it('writes UTF-8 with a byte order mark, CRLF lines, exact amounts and quoted text', () => {
    const csv = statsCsv([stat(2025, { name: 'Phòng khu vực 1', slug: 'kv1' }), stat(2024, null, { note: 'Gồm "địa bàn mới", từ 01/7' })]);
    expect(csv.startsWith('\uFEFFNăm thống kê,Đơn vị,Tổng số việc phải thi hành,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[1]).toBe('2024,Toàn tỉnh,100,80,60,75.00,3187300000000,1905800000000,858200000000,45.03,,"Gồm ""địa bàn mới"", từ 01/7"');
    expect(lines[2]!.startsWith('2025,Phòng khu vực 1,')).toBe(true);
  });
});
