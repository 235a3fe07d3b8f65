import { describe, expect, it } from 'vitest';
import { changedEntries, parseChanges } from './changes.ts';

describe('parseChanges', () => {
  it('reads only the collections of leaf entry events', () => {
    const c = parseChanges(JSON.stringify(['entry.publish api::article.article abc', 'entry.unpublish api::legal-qa.legal-qa x', 'entry.update api::article.article d']));
    expect(c).toEqual({
      full: false,
      collections: new Set(['articles', 'legal-qas']),
      ids: new Map([
        ['articles', new Set(['abc', 'd'])],
        ['legal-qas', new Set(['x'])],
      ]),
    });
  });
  it('names no entries when an event has no documentId (a light index of the collection is read instead)', () => {
    const c = parseChanges(JSON.stringify(['entry.publish api::article.article abc', 'entry.publish api::article.article']));
    expect(c).toEqual({ full: false, collections: new Set(['articles']), ids: null });
  });
  it('reads everything for a dependency, a media file, a start, a retry or no information', () => {
    for (const reasons of [['entry.update api::legal-document.legal-document a'], ['entry.publish api::article.article a', 'media.update x.jpg'], ['khởi động'], ['tự thử lại sau lỗi'], []]) {
      expect(parseChanges(JSON.stringify(reasons)).full, reasons.join()).toBe(true);
    }
    expect(parseChanges(undefined).full).toBe(true);
    expect(parseChanges('not json').full).toBe(true);
  });
});

describe('changedEntries', () => {
  const stored = new Map([
    ['a', { documentId: '1', updatedAt: 't1' }],
    ['b', { documentId: '2', updatedAt: 't1' }],
  ]);
  it('keeps new, updated and re-created entries only', () => {
    const index = [
      { documentId: '1', slug: 'a', updatedAt: 't1' },
      { documentId: '2', slug: 'b', updatedAt: 't2' },
      { documentId: '3', slug: 'c', updatedAt: 't1' },
    ];
    expect(changedEntries(index, (s) => stored.get(s)).map((e) => e.slug)).toEqual(['b', 'c']);
    expect(changedEntries([{ documentId: '9', slug: 'a', updatedAt: 't1' }], (s) => stored.get(s)).map((e) => e.slug)).toEqual(['a']);
  });
});
