import { describe, expect, it } from 'vitest';
import { compileSynonyms, searchExtras, synonymTerms, termForms } from './extras.ts';
import { searchKey, words } from './normalize.ts';
import { SYNONYMS, type SynonymEntry } from './synonyms.ts';

const terms = (entry: SynonymEntry) => ('same' in entry ? entry.same : [...entry.when, ...entry.add]);
const key = (term: string) => words(term).map(searchKey).join(' ');

describe('the synonym list', () => {
  it('is well formed: words in every term, at least two equivalents, something to add', () => {
    for (const entry of SYNONYMS) {
      for (const term of terms(entry)) {
        expect(term.trim(), JSON.stringify(entry)).toBe(term);
        expect(words(term).length, term).toBeGreaterThan(0);
      }
      if ('same' in entry) expect(new Set(entry.same.map(key)).size, JSON.stringify(entry)).toBeGreaterThanOrEqual(2);
      else {
        expect(entry.when.length).toBeGreaterThan(0);
        expect(entry.add.length).toBeGreaterThan(0);
      }
    }
  });

  it('does not repeat a term inside an entry', () => {
    for (const entry of SYNONYMS) {
      const keys = terms(entry).map(key);
      expect(new Set(keys).size, JSON.stringify(entry)).toBe(keys.length);
    }
  });

  it('keeps "án phí" (court fee) apart from "phí thi hành án" (enforcement fee)', () => {
    const joined = SYNONYMS.filter((e) => {
      const keys = terms(e).map(key);
      return keys.includes('an phi') && keys.some((k) => k.includes('phi thi hanh an'));
    });
    expect(joined).toEqual([]);
    expect(synonymTerms('Khoản án phí 1,2 triệu đồng')).not.toContain('phí thi hành án');
    expect(synonymTerms('Mức phí thi hành án là 3%')).not.toContain('án phí');
  });
});

describe('synonym expansion', () => {
  it('finds a page about "cấp dưỡng" by "tiền nuôi con", and not the other way round', () => {
    expect(synonymTerms('Thi hành án cấp dưỡng cho con')).toEqual(expect.arrayContaining(['tiền nuôi con', 'nuôi con']));
    expect(synonymTerms('Tiền nuôi con hằng tháng')).not.toContain('cấp dưỡng');
  });

  it('works both ways for abbreviations, whatever the case and the diacritics', () => {
    expect(synonymTerms('Phòng THADS khu vực 3')).toContain('thi hành án dân sự');
    expect(synonymTerms('Cục Thi hành án dân sự tỉnh')).toContain('THADS');
    expect(synonymTerms('CUC THI HANH AN DAN SU')).toContain('THADS');
    expect(synonymTerms('Nghị định số 62/2015/NĐ-CP')).toEqual(expect.arrayContaining(['NĐ', 'NĐ-CP']));
  });

  it('matches whole words only', () => {
    expect(synonymTerms('bệnh viện')).toContain('ốm'); // "bệnh" is a whole word here
    expect(synonymTerms('kê biênx')).not.toContain('siết nhà');
    expect(synonymTerms('khấu trừ thu nhập')).toContain('trừ lương');
    expect(synonymTerms('khấu trừ thu')).not.toContain('trừ lương');
  });

  it('gives the folded forms Pagefind will be asked for', () => {
    expect(termForms(['trừ lương', 'NĐ-CP'])).toEqual(['tru', 'luong', 'ndcp', 'nd', 'cp']);
    const extras = searchExtras('Bị khấu trừ thu nhập, nghị định 62/2015/NĐ-CP');
    expect(extras).toEqual(expect.arrayContaining(['dinh', '622015ndcp', 'nd', 'tru', 'luong']));
  });

  it('accepts another list (what editors write is what is applied)', () => {
    const compiled = compileSynonyms([{ when: ['sổ đỏ'], add: ['giấy chứng nhận'] }]);
    expect(synonymTerms('Tôi có sổ đỏ', compiled)).toEqual(['giấy chứng nhận']);
    expect(synonymTerms('Cấp dưỡng', compiled)).toEqual([]);
  });
});
