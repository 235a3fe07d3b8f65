import { describe, expect, it } from 'vitest';
import { foldDiacritics, slugify, uniqueSlug } from './slug.ts';

describe('foldDiacritics', () => {
  it('removes tone and vowel marks and folds đ/Đ to d/D', () => {
    expect(foldDiacritics('Đấu giá tài sản thi hành án dân sự')).toBe('Dau gia tai san thi hanh an dan su');
    expect(foldDiacritics('đường Điện Biên Phủ')).toBe('duong Dien Bien Phu');
  });

  it('folds decomposed (NFD) input the same way as composed input', () => {
    expect(foldDiacritics('Hưng Yên'.normalize('NFD'))).toBe(foldDiacritics('Hưng Yên'.normalize('NFC')));
  });
});

describe('slugify', () => {
  it('returns lower-case ASCII words joined by dashes', () => {
    expect(slugify('Cưỡng chế giao nhà tại xã Tiên Lữ!')).toBe('cuong-che-giao-nha-tai-xa-tien-lu');
    expect(slugify('  Hỏi – đáp: "Thời hiệu" yêu cầu THADS?  ')).toBe('hoi-dap-thoi-hieu-yeu-cau-thads');
  });

  it('turns document numbers into slugs', () => {
    expect(slugify('62/2015/NĐ-CP')).toBe('62-2015-nd-cp');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('Thi hành án dân sự '.repeat(20), 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
    expect('thi-hanh-an-dan-su-'.repeat(20).startsWith(slug)).toBe(true);
  });
});

describe('uniqueSlug', () => {
  it('appends -2, -3… until a free slug is found', async () => {
    const taken = new Set(['tin-moi', 'tin-moi-2']);
    expect(await uniqueSlug('tin-moi', (s) => taken.has(s))).toBe('tin-moi-3');
    expect(await uniqueSlug('tin-khac', (s) => taken.has(s))).toBe('tin-khac');
  });
});
