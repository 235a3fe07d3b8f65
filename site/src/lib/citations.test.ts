import { describe, expect, it } from 'vitest';
import { citationPlace } from './citations.ts';

describe('citationPlace', () => {
  it('writes clause then article, adding the words when editors typed only numbers', () => {
    expect(citationPlace('44a', '1')).toBe('khoản 1 Điều 44a');
    expect(citationPlace('Điều 95', 'khoản 1')).toBe('khoản 1 Điều 95');
  });

  it('returns what exists when one part is missing', () => {
    expect(citationPlace('74', null)).toBe('Điều 74');
    expect(citationPlace(undefined, undefined)).toBe('');
  });
});
