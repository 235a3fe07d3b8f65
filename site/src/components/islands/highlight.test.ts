import { describe, expect, it } from 'vitest';
import { decodeEntities, highlight, parseExcerpt, queryKeys, readingKeys } from './highlight.ts';
import { analyzeQuery, countSyllables, restoreDiacritics } from '@thads/shared';

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
  it('drops Pagefind marks on words a query word only starts, and leaves punctuation unmarked', () => {
    const out = highlight(parseExcerpt('<mark>thiết</mark> bị, <mark>ánh</mark> sáng; <mark>thi</mark> hành <mark>án.</mark>'), queryKeys('thi hanh an'));
    expect(marked(out)).toEqual(['thi hành án']);
    expect(out.map((s) => s.text).join('')).toBe('thiết bị, ánh sáng; thi hành án.');
  });

  it('marks words typed without diacritics', () => {
    expect(marked(highlight('Cưỡng chế thi hành án dân sự', queryKeys('thi hanh an')))).toEqual(['thi hành án']);
  });

  it('marks words with "đ" when the query has "d"', () => {
    expect(marked(highlight('Điều kiện được miễn, giảm', queryKeys('dieu kien')))).toEqual(['Điều kiện']);
  });

  it('marks whole words only', () => {
    expect(marked(highlight('thi hành án, thiết bị', queryKeys('thiet bi')))).toEqual(['thiết bị']);
    // "han" is not "hành", and "thi" alone, away from the rest of the query, is not marked either.
    expect(marked(highlight('thi hành án, thiết bị', queryKeys('thi han')))).toEqual([]);
    expect(marked(highlight('thi hành án', queryKeys('thi')))).toEqual(['thi']);
    expect(marked(highlight('thiết bị, ánh sáng', queryKeys('thi an')))).toEqual([]);
  });

  it('marks a number however it is written, and not the frame of a question', () => {
    expect(marked(highlight('trong thời hạn 03 tháng', queryKeys('3 tháng')))).toEqual(['03 tháng']);
    expect(marked(highlight('trong 10 ngày', queryKeys('mười ngày')))).toEqual(['10 ngày']);
    expect(marked(highlight('Có được hoãn thi hành án không? Thì có.', queryKeys('có được hoãn thi hành án không')))).toEqual(['hoãn thi hành án']);
  });

  it('keeps the text whole and merges neighbouring runs', () => {
    const out = highlight(parseExcerpt('cấp <mark>dưỡng</mark> nuôi con'), queryKeys('nuoi con'));
    expect(out.map((s) => s.text).join('')).toBe('cấp dưỡng nuôi con');
    expect(marked(out)).toEqual(['nuôi con']);
  });

  it('marks nothing for an empty query', () => {
    expect(highlight('thi hành án', [])).toEqual([{ text: 'thi hành án', mark: false }]);
  });

  it('marks the reading of an unaccented query that the pages hold, not its other readings', () => {
    const text = 'Tài sản kê biên thì định giá lại. Đình làng còn nguyên; thi hành án xong thì nuôi con.';
    const typed = 'dinh gia lai tai san';
    const analysis = analyzeQuery(typed);
    const counts = countSyllables([text]);
    const restored = restoreDiacritics(analysis.words.map((w) => w.raw), counts).map((word) => ({ word, seen: counts.unigrams.has(word) }));
    expect(marked(highlight(text, readingKeys(analysis.words, restored)))).toEqual(['Tài sản', 'định giá lại']);
    // "thi hanh an": "thi" is marked in "thi hành án", not the "thì" beside "xong".
    const q2 = analyzeQuery('thi hanh an xong');
    const r2 = restoreDiacritics(q2.words.map((w) => w.raw), counts).map((word) => ({ word, seen: counts.unigrams.has(word) }));
    expect(marked(highlight(text, readingKeys(q2.words, r2)))).toEqual(['thi hành án xong']);
  });
});

