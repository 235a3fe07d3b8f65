import { describe, expect, it } from 'vitest';
import { formatVnd } from './money.ts';

describe('formatVnd', () => {
  it('groups thousands with dots and names the currency', () => {
    expect(formatVnd(1_250_000_000)).toBe('1.250.000.000 đồng');
    expect(formatVnd(500_000)).toBe('500.000 đồng');
    expect(formatVnd(999)).toBe('999 đồng');
    expect(formatVnd(0)).toBe('0 đồng');
  });

  it('reads amounts Strapi returns as strings (bigint columns)', () => {
    expect(formatVnd('12500000000')).toBe('12.500.000.000 đồng');
  });

  it('refuses what is not a number', () => {
    expect(() => formatVnd('abc')).toThrow(RangeError);
  });
});
