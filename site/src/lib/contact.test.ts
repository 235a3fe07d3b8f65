import { describe, expect, it } from 'vitest';
import { splitPhones, telHref } from './contact.ts';

describe('telHref', () => {
  it('keeps only digits and a leading plus', () => {
    expect(telHref('0221 3862 415')).toBe('tel:02213862415');
    expect(telHref('(0221) 3.862.415')).toBe('tel:02213862415');
    expect(telHref('+84 221 3862 415')).toBe('tel:+842213862415');
  });
});

describe('splitPhones', () => {
  it('returns each number of a field that holds several', () => {
    expect(splitPhones('0221 3862 415; 0912 345 678')).toEqual(['0221 3862 415', '0912 345 678']);
  });

  it('returns nothing for an empty or missing field', () => {
    expect(splitPhones(undefined)).toEqual([]);
    expect(splitPhones('')).toEqual([]);
  });
});
