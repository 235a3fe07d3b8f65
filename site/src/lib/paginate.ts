import { pageKey } from '../build/cache-key.ts';

/** Splits `items` into pages of `size`; always at least one (possibly empty) page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

/**
 * Static paths of a paginated list: page 1 has no `page` param (/tin-tuc/), the others "trang/N"
 * (/tin-tuc/trang/2/), for a `[...page].astro` route.
 */
export function pagePaths<T, P extends Record<string, unknown>>(items: readonly T[], size: number, params: Record<string, string> = {}, extra?: P, shared?: string) {
  const pages = paginate(items, size);
  return pages.map((pageItems, i) => {
    const props = { ...(extra as P), items: pageItems, current: i + 1, total: pages.length, count: items.length };
    // With `shared` (the key of what the page shows besides its props: layout, menus), the page gets a cache
    // key and an unchanged page is reused by incremental builds.
    return { params: { ...params, page: i === 0 ? undefined : `trang/${i + 1}` }, props, ...(shared !== undefined ? { cacheKey: pageKey(shared, props) } : {}) };
  });
}

export const PAGE_SIZE = 12;
export const QA_PAGE_SIZE = 20;
