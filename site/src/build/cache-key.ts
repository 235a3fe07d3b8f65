import { createHash } from 'node:crypto';

/**
 * The content store's digest of each entry's data, by the data object (data/content.ts registers the entries it
 * reads; content.config.ts makes each digest from the entry's updatedAt and a hash of the whole entry, its
 * populated relations included). A key names such an entry by its digest instead of serialising it again: at
 * 10,000 articles the keys of every path (an article with its related items, a list page with its items) were
 * about 150 MB of JSON hashed at every build, targeted ones included.
 */
export const entryDigests = new WeakMap<object, string>();

const byDigest = (_key: string, value: unknown) => (value !== null && typeof value === 'object' && entryDigests.has(value) ? `\u0000${entryDigests.get(value)}` : value);

/**
 * A short stable hash of JSON-serialisable data: the cache key of a generated page for Astro's incremental
 * builds (see build/page-keys.ts). Equal data, equal key; any change anywhere in it, a different key. Entries of
 * the content store count by their digest (above).
 */
export function pageKey(...parts: unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts, byDigest)).digest('base64url');
}
