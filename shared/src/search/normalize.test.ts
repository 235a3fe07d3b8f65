import { describe, expect, it } from 'vitest';
import { expandShorthand, foldedDWords, normalizeQuery, searchKey } from './normalize.ts';

describe('normalizeQuery', () => {
  it('folds "đ" (which Pagefind does not) and keeps the other marks (which it folds itself)', () => {
    expect(normalizeQuery('Điều kiện  đất đai ')).toBe('Diều kiện dất dai');
    expect(normalizeQuery('thi hanh an')).toBe('thi hanh an');
  });

  it('composes decomposed input', () => {
    expect(normalizeQuery('thi hành án'.normalize('NFD'))).toBe('thi hành án');
  });
});

describe('expandShorthand', () => {
  it('spells out the shorthand of phone typing, as whole words', () => {
    expect(expandShorthand('nhà duy nhất có bị kê biên ko')).toBe('nhà duy nhất có bị kê biên không');
    expect(expandShorthand('tra gop dc ko?')).toBe('tra gop được không?');
    expect(expandShorthand('Đc hoãn ntn')).toBe('được hoãn như thế nào');
    expect(normalizeQuery('có đc miễn ko')).toBe('có dược miễn không');
  });

  it('reads "k" and "j" only as the last word, and leaves words that merely start like shorthand', () => {
    expect(expandShorthand('xe máy có bị kê biên k')).toBe('xe máy có bị kê biên không');
    expect(expandShorthand('phải làm j')).toBe('phải làm gì');
    expect(expandShorthand('k nhận tiền')).toBe('k nhận tiền');
    expect(expandShorthand('kho bạc dcm vsd')).toBe('kho bạc dcm vsd');
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
