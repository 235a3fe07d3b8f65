import { describe, expect, it } from 'vitest';
import { isCurrentAt, splitByExpiry } from './expiry.ts';

const now = Date.parse('2026-11-20T03:00:00Z');

describe('isCurrentAt', () => {
  it('is current before its expiry moment and past from it on', () => {
    expect(isCurrentAt({ publishedUntil: '2026-11-20T03:00:01Z' }, now)).toBe(true);
    expect(isCurrentAt({ publishedUntil: '2026-11-20T03:00:00Z' }, now)).toBe(false);
    expect(isCurrentAt({ publishedUntil: '2026-11-19T10:00:00+07:00' }, new Date(now))).toBe(false);
  });

  it('is current when it has no expiry', () => {
    expect(isCurrentAt({ publishedUntil: null }, now)).toBe(true);
    expect(isCurrentAt({}, now)).toBe(true);
  });
});

describe('splitByExpiry', () => {
  it('splits keeping the order', () => {
    const items = [
      { id: 1, publishedUntil: '2026-12-01T00:00:00Z' },
      { id: 2, publishedUntil: '2026-11-01T00:00:00Z' },
      { id: 3, publishedUntil: null },
    ];
    const { current, past } = splitByExpiry(items, now);
    expect(current.map((i) => i.id)).toEqual([1, 3]);
    expect(past.map((i) => i.id)).toEqual([2]);
  });
});
