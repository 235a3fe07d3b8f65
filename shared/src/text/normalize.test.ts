import { describe, expect, it } from 'vitest';
import { cleanText, toNFC } from './normalize.ts';

describe('toNFC', () => {
  it('composes decomposed Vietnamese', () => {
    const nfd = 'Thi hành án dân sự'.normalize('NFD');
    expect(nfd).not.toBe('Thi hành án dân sự');
    expect(toNFC(nfd)).toBe('Thi hành án dân sự');
    expect(toNFC(nfd).length).toBe(18);
  });
});

describe('cleanText', () => {
  it('removes control and zero-width characters and collapses spaces', () => {
    expect(cleanText('Xin\u200b  chào\u0007 bạn\r\n\r\n\r\n\r\nDòng   hai ')).toBe('Xin chào bạn\n\nDòng hai');
  });

  it('joins everything on one line when asked', () => {
    expect(cleanText(' Nguyễn\n Văn\tA ', { singleLine: true })).toBe('Nguyễn Văn A');
  });
});
