import { describe, expect, it } from 'vitest';
import { ENUM_LABELS, enumLabel, enumTranslations } from './enum-labels.ts';

describe('enumTranslations', () => {
  it('gives one Vietnamese label per value, whichever field it appears in', () => {
    const t = enumTranslations();
    expect(t['con-hieu-luc']).toBe('Còn hiệu lực');
    expect(t['het-hieu-luc']).toBe('Hết hiệu lực');
    expect(t['regional-office']).toBe('Phòng Thi hành án dân sự khu vực');
    expect(t.received).toBe('Đã tiếp nhận');
    const count = new Set(Object.values(ENUM_LABELS).flatMap((fields) => Object.values(fields).flatMap((labels) => Object.keys(labels)))).size;
    expect(Object.keys(t)).toHaveLength(count);
  });

  it('labels in words, never with the code itself', () => {
    for (const [value, label] of Object.entries(enumTranslations())) {
      expect(label).not.toBe(value);
      expect(label).toMatch(/^\p{Lu}/u);
      expect(label).not.toMatch(/-/);
    }
  });
});

describe('enumLabel', () => {
  it('finds the label of a value of a field', () => {
    expect(enumLabel('api::article.article', 'format', 'phong-van')).toBe('Phỏng vấn');
  });

  it('returns undefined for an unknown value or an empty one', () => {
    expect(enumLabel('api::article.article', 'format', 'khong-co')).toBeUndefined();
    expect(enumLabel('api::article.article', 'format', null)).toBeUndefined();
  });
});
