import { describe, expect, it } from 'vitest';
import { entryDigests, pageKey } from './cache-key.ts';

describe('pageKey', () => {
  it('is the same for equal data and differs for any change', () => {
    expect(pageKey({ a: 1 }, [2])).toBe(pageKey({ a: 1 }, [2]));
    expect(pageKey({ a: 1 }, [2])).not.toBe(pageKey({ a: 1 }, [3]));
  });

  it('names a stored entry by its digest, wherever it is in the data', () => {
    const article = { title: 'Tin', body: 'x'.repeat(10_000) };
    const sameContent = { title: 'Tin', body: 'x'.repeat(10_000) };
    entryDigests.set(article, '2026-12-07T00:00:00.000Z|abc');
    entryDigests.set(sameContent, '2026-12-07T00:00:00.000Z|abc');
    expect(pageKey('layout', article, { items: [article] })).toBe(pageKey('layout', sameContent, { items: [sameContent] }));
    const edited = { title: 'Tin (sửa)', body: article.body };
    entryDigests.set(edited, '2026-12-07T01:00:00.000Z|def');
    expect(pageKey('layout', edited, { items: [article] })).not.toBe(pageKey('layout', article, { items: [article] }));
    expect(pageKey('layout', article, { items: [edited] })).not.toBe(pageKey('layout', article, { items: [article] }));
    // An object that is not a stored entry counts by its content.
    expect(pageKey({ title: 'Tin' })).not.toBe(pageKey({ title: 'Tin (sửa)' }));
  });
});
