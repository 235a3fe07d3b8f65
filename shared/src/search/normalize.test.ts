import { describe, expect, it } from 'vitest';
import { foldedDWords, normalizeQuery, searchKey } from './normalize.ts';

describe('normalizeQuery', () => {
  it('folds "đ" (which Pagefind does not) and keeps the other marks (which it folds itself)', () => {
    expect(normalizeQuery('Điều kiện  đất đai ')).toBe('Diều kiện dất dai');
    expect(normalizeQuery('thi hanh an')).toBe('thi hanh an');
  });

  it('composes decomposed input', () => {
    expect(normalizeQuery('thi hành án'.normalize('NFD'))).toBe('thi hành án');
  });
});

describe('foldedDWords', () => {
  it('gives the folded form of each word with "đ", once', () => {
    expect(foldedDWords('Điều kiện đất, đất đai và điều lệ')).toEqual(['dieu', 'dat', 'dai']);
  });

  it('adds the joined form of a token Pagefind would read as one word', () => {
    expect(foldedDWords('Nghị định 62/2015/NĐ-CP')).toEqual(['dinh', '622015ndcp', 'nd']);
  });

  it('leaves out words without "đ"', () => {
    expect(foldedDWords('thi hành án dân sự')).toEqual([]);
  });

  it('matches what a folded query looks for', () => {
    for (const w of ['Đấu', 'ĐỊNH', 'đương']) expect(foldedDWords(w)).toEqual([searchKey(normalizeQuery(w))]);
  });
});
