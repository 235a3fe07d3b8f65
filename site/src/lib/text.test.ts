import { describe, expect, it } from 'vitest';
import { excerpt, labelled } from './text.ts';

describe('excerpt', () => {
  it('returns short text unchanged, with spaces collapsed', () => {
    expect(excerpt('  Thi hành   án  ', 50)).toBe('Thi hành án');
  });

  it('cuts long text at a word boundary and adds an ellipsis', () => {
    const out = excerpt('Người phải thi hành án có điều kiện thi hành án mà không tự nguyện thi hành', 30);
    expect(out.length).toBeLessThanOrEqual(30);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toBe('Người phải thi hành án có…');
  });
});

describe('labelled', () => {
  it('adds the label to a bare value', () => {
    expect(labelled('Ảnh', 'Hoàng Long')).toBe('Ảnh: Hoàng Long');
  });

  it('keeps a value that already carries its own label', () => {
    expect(labelled('Ảnh', 'Ảnh: Hoàng Long')).toBe('Ảnh: Hoàng Long');
    expect(labelled('Chịu trách nhiệm nội dung', 'Chịu trách nhiệm chính: Ông A')).toBe('Chịu trách nhiệm chính: Ông A');
  });
});
