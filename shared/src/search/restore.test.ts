import { describe, expect, it } from 'vitest';
import { countSyllables, restoreDiacritics } from './restore.ts';

describe('restoreDiacritics', () => {
  // Pages where every syllable of "dinh gia lai tai san" has several readings, and only one page writes them
  // side by side.
  const texts = [
    'Tu bổ đình làng. Đình được sửa lại, giá vật liệu tăng; tai nạn không có. Đinh sắt, dính bụi, gia đình.',
    'Gia đình tôi có tài sản chung. Tại sao lại thế? Giá cả, già cả, san nền, sàn nhà.',
    'Người yêu cầu định giá lại tài sản kê biên chịu chi phí định giá lại.',
  ];
  const counts = countSyllables(texts);

  it('lets each syllable’s neighbour decide its reading', () => {
    expect(restoreDiacritics(['dinh', 'gia', 'lai', 'tai', 'san'], counts)).toEqual(['định', 'giá', 'lại', 'tài', 'sản']);
    expect(restoreDiacritics(['gia', 'dinh'], counts)).toEqual(['gia', 'đình']);
    expect(restoreDiacritics(['dinh', 'lang'], counts)).toEqual(['đình', 'làng']);
  });

  it('keeps what the reader typed with diacritics, numbers and words the texts do not hold', () => {
    expect(restoreDiacritics(['đình', 'gia', 'lai'], counts)).toEqual(['đình', 'giá', 'lại']);
    expect(restoreDiacritics(['10', 'xyz'], counts)).toEqual(['10', 'xyz']);
    expect(restoreDiacritics([], counts)).toEqual([]);
  });

  it('does not count a pair across a sentence break', () => {
    const c = countSyllables(['Đến đình. Giá rẻ.']);
    expect(c.bigrams.has('đình giá')).toBe(false);
    expect(c.bigrams.has('đến đình')).toBe(true);
  });
});
