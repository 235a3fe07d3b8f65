import { createHash } from 'node:crypto';

/**
 * A short stable hash of JSON-serialisable data: the cache key of a generated page for Astro's incremental
 * builds (see lib/page-keys.ts). Equal data, equal key; any change anywhere in it, a different key.
 */
export function pageKey(...parts: unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}
