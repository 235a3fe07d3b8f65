/**
 * Up to `count` items nearest to `item` in a list sorted newest first (as many newer as older, the rest
 * from whichever side has more), in the list's order. Nearest rather than newest: publishing an article then
 * changes the "related" box of a few neighbours, not of every article of its category, so incremental
 * builds re-render a handful of pages instead of thousands.
 */
export function nearest<T extends { slug: string }>(list: readonly T[], item: T, count: number): T[] {
  const at = list.findIndex((x) => x.slug === item.slug);
  if (at < 0) return list.slice(0, count);
  let before = Math.min(at, Math.ceil(count / 2));
  let after = Math.min(list.length - at - 1, count - before);
  before = Math.min(at, count - after);
  return [...list.slice(at - before, at), ...list.slice(at + 1, at + 1 + after)];
}
