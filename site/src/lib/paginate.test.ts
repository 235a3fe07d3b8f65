import { describe, expect, it } from 'vitest';
import { pagePaths, paginate } from './paginate.ts';

describe('paginate', () => {
  it('splits items into pages of the given size', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('returns one empty page when there is nothing', () => {
    expect(paginate([], 12)).toEqual([[]]);
  });
});

describe('pagePaths', () => {
  it('gives page 1 no page param and the others "trang/N", with the page items and counts', () => {
    const paths = pagePaths([1, 2, 3], 2, { slug: 'x' }, { label: 'L' });
    expect(paths.map((p) => p.params)).toEqual([
      { slug: 'x', page: undefined },
      { slug: 'x', page: 'trang/2' },
    ]);
    expect(paths[1]!.props).toEqual({ label: 'L', items: [3], current: 2, total: 2, count: 3 });
  });
});

describe('pagePaths cache keys', () => {
  const items = Array.from({ length: 30 }, (_, i) => ({ slug: `a${i}`, title: `Bài ${i}` }));
  it('gives no key without the shared part, so such pages are always rendered', () => {
    expect(pagePaths(items, 12).every((p) => !('cacheKey' in p))).toBe(true);
  });
  it('keeps the keys of pages whose items did not change and changes the key of the page that did', () => {
    const before = pagePaths(items, 12, {}, {}, 'layout');
    const edited = items.map((it) => (it.slug === 'a20' ? { ...it, title: 'Bài 20 (sửa)' } : it));
    const after = pagePaths(edited, 12, {}, {}, 'layout');
    expect(after.map((p) => p.cacheKey === before[after.indexOf(p)]!.cacheKey)).toEqual([true, false, true]);
  });
  it('changes every key when the shared part (layout, menu) changes or an item is added', () => {
    const before = pagePaths(items, 12, {}, {}, 'layout');
    expect(pagePaths(items, 12, {}, {}, 'layout-2').some((p, i) => p.cacheKey === before[i]!.cacheKey)).toBe(false);
    const added = pagePaths([{ slug: 'new', title: 'Mới' }, ...items], 12, {}, {}, 'layout');
    expect(added.some((p, i) => p.cacheKey === before[i]?.cacheKey)).toBe(false);
  });
});
