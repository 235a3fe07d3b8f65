import { describe, expect, it } from 'vitest';
import { normalizeQuery } from './normalize.ts';
import { foldQueryNumbers, numberForms } from './numbers.ts';

describe('numbers in one form', () => {
  it('drops leading zeros and percent signs of standalone numbers', () => {
    expect(foldQueryNumbers('03 tháng')).toBe('3 tháng');
    expect(foldQueryNumbers('trừ 30% lương')).toBe('trừ 30 lương');
    expect(foldQueryNumbers('30 phần trăm')).toBe('30');
    expect(foldQueryNumbers('30 phan tram luong')).toBe('30 luong');
  });

  it('leaves numbers joined by punctuation as Pagefind reads them', () => {
    expect(foldQueryNumbers('nghị định 62/2015/NĐ-CP')).toBe('nghị định 62/2015/NĐ-CP');
    expect(foldQueryNumbers('tháng 03/2021')).toBe('tháng 03/2021');
  });

  it('reads number words as digits where they are numbers', () => {
    expect(foldQueryNumbers('mười ngày')).toBe('10 ngày');
    expect(foldQueryNumbers('mười lăm ngày')).toBe('15 ngày');
    expect(foldQueryNumbers('hai mươi lăm triệu')).toBe('25 triệu');
    expect(foldQueryNumbers('ba mươi phần trăm')).toBe('30');
    expect(foldQueryNumbers('hai trăm linh năm')).toBe('205');
    expect(foldQueryNumbers('sau ba lần giảm giá')).toBe('sau 3 lần giảm giá');
    expect(foldQueryNumbers('nợ hai năm')).toBe('nợ 2 năm');
    expect(foldQueryNumbers('muoi ngay tu nguyen')).toBe('10 ngay tu nguyen');
  });

  it('does not read words that are something else', () => {
    // "mười năm" is ten years, not fifteen; "một phần" is a part; "sau ngày" is after the date; "năm 2020" a year.
    expect(foldQueryNumbers('mười năm')).toBe('10 năm');
    expect(foldQueryNumbers('nộp một phần tiền')).toBe('nộp một phần tiền');
    expect(foldQueryNumbers('sau ngay nhan quyet dinh')).toBe('sau ngay nhan quyet dinh');
    expect(foldQueryNumbers('tu ngay nhan')).toBe('tu ngay nhan');
    expect(foldQueryNumbers('năm 2020 tôi cho vay')).toBe('năm 2020 tôi cho vay');
    expect(foldQueryNumbers('ba tôi mất')).toBe('ba tôi mất');
    expect(foldQueryNumbers('muoi an')).toBe('muoi an');
  });

  it('gives the index the same forms', () => {
    expect(numberForms('trong thời hạn 05 ngày làm việc')).toEqual(['5']);
    expect(numberForms('sau bốn năm chây ì, mười lăm ngày')).toEqual(['4', '15']);
    expect(numberForms('Điều 30, khoản 2')).toEqual([]);
    expect(numberForms('trừ tối đa 30% thu nhập')).toEqual(['phan', 'tram']);
  });

  it('meet on both sides: a query and a page that write the number differently', () => {
    const page = (text: string) => new Set([...text.toLowerCase().split(/\s+/), ...numberForms(text)]);
    const hits = (query: string, text: string) => normalizeQuery(query).toLowerCase().split(' ').every((w) => page(text).has(w));
    expect(hits('3 tháng', 'trong 03 tháng')).toBe(true);
    expect(hits('mười ngày', 'trong 10 ngày')).toBe(true);
    expect(hits('10 ngày', 'trong mười ngày')).toBe(true);
    expect(hits('3 lần', 'sau ba lần')).toBe(true);
  });
});
