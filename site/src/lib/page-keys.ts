/**
 * Cache keys of generated pages, for Astro's incremental builds (`experimental.incrementalBuild`): a page
 * whose key and code are unchanged since the last build is copied from the cache instead of rendered. A key
 * must therefore cover every piece of data the page shows — its own entry, the neighbours it lists, and
 * what every page shows (the site settings in the header and footer). Code changes are Astro's business
 * (it hashes each page's module graph); configuration changes (SITE_URL…) make it start over.
 */
import { pageKey } from '../utils/page-key.ts';
import { BUILD_DAY, getSiteSetting } from './content.ts';

export { pageKey };

let layout: Promise<string> | undefined;

/** What every page shows besides its own content: the site settings and the day (current/expired notices). */
export function layoutKey(): Promise<string> {
  return (layout ??= getSiteSetting().then((setting) => pageKey(setting, BUILD_DAY)));
}
