import { describe, expect, it } from 'vitest';
import { decodeEntities, highlight, parseExcerpt, queryKeys } from './highlight.ts';

const marked = (segments: { text: string; mark: boolean }[]) => segments.filter((s) => s.mark).map((s) => s.text);

describe('queryKeys', () => {
  it('folds diacritics and "đ", and lower-cases', () => {
    expect(queryKeys('  Điều kiện  THI hành án ')).toEqual(['dieu', 'kien', 'thi', 'hanh', 'an']);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities', () => {
    expect(decodeEntities('A &amp; B &lt;x&gt; &#39;c&#x27; &quot;d&quot;')).toBe(`A & B <x> 'c' "d"`);
  });
});

describe('parseExcerpt', () => {
  it('keeps Pagefind marks and drops other tags', () => {
    expect(parseExcerpt('về <mark>thi</mark> hành &amp; <b>án</b>')).toEqual([
      { text: 'về ', mark: false },
      { text: 'thi', mark: true },
      { text: ' hành & án', mark: false },
    ]);
  });
});

describe('highlight', () => {
  it('leaves punctuation around a Pagefind mark unmarked', () => {
    expect(highlight(parseExcerpt('nuôi <mark>con.</mark> Yêu'), [])).toEqual([
      { text: 'nuôi ', mark: false },
      { text: 'con', mark: true },
      { text: '. Yêu', mark: false },
    ]);
  });

  it('marks words typed without diacritics', () => {
    expect(marked(highlight('Cưỡng chế thi hành án dân sự', queryKeys('thi hanh an')))).toEqual(['thi hành án']);
  });

  it('marks words with "đ" when the query has "d"', () => {
    expect(marked(highlight('Điều kiện được miễn, giảm', queryKeys('dieu kien')))).toEqual(['Điều kiện']);
  });

  it('matches the last word as a prefix, the others exactly', () => {
    expect(marked(highlight('thi hành án, thiết bị', queryKeys('thi han')))).toEqual(['thi hành']);
    expect(marked(highlight('thiết bị', queryKeys('thi an')))).toEqual([]);
  });

  it('keeps the text whole and merges neighbouring runs', () => {
    const out = highlight(parseExcerpt('cấp <mark>dưỡng</mark> nuôi con'), queryKeys('nuoi con'));
    expect(out.map((s) => s.text).join('')).toBe('cấp dưỡng nuôi con');
    expect(marked(out)).toEqual(['dưỡng nuôi con']);
  });

  it('marks nothing for an empty query', () => {
    expect(highlight('thi hành án', [])).toEqual([{ text: 'thi hành án', mark: false }]);
  });
});
