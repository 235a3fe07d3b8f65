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
