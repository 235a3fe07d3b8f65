import { describe, expect, it } from 'vitest';
import { nearest } from './lists.ts';

const list = Array.from({ length: 10 }, (_, i) => ({ slug: `s${i}` }));
const slugs = (items: { slug: string }[]) => items.map((i) => i.slug);

describe('nearest', () => {
  it('takes as many newer as older neighbours, in list order, without the item itself', () => {
    expect(slugs(nearest(list, list[5]!, 4))).toEqual(['s3', 's4', 's6', 's7']);
  });
  it('fills from the other side at either end', () => {
    expect(slugs(nearest(list, list[0]!, 4))).toEqual(['s1', 's2', 's3', 's4']);
    expect(slugs(nearest(list, list[9]!, 4))).toEqual(['s5', 's6', 's7', 's8']);
    expect(slugs(nearest(list, list[1]!, 3))).toEqual(['s0', 's2', 's3']);
  });
  it('returns what there is in a short list', () => {
    expect(slugs(nearest(list.slice(0, 2), list[1]!, 4))).toEqual(['s0']);
  });
  it('changes for few items when one is added at the top', () => {
    const grown = [{ slug: 'new' }, ...list];
    const changed = list.filter((item) => slugs(nearest(list, item, 4)).join() !== slugs(nearest(grown, item, 4)).join());
    expect(slugs(changed)).toEqual(['s0', 's1']);
  });
});
