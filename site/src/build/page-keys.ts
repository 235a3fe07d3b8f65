/**
 * Cache keys of generated pages, for Astro's incremental builds (`experimental.incrementalBuild`) and targeted
 * builds (build/targeted-build.ts): a page whose key and code are unchanged since the last build is copied from
 * the cache, or left as it is in the live site, instead of rendered. A key must therefore cover every piece of
 * data the page shows — its own entry, the neighbours it lists, and what every page shows (the site settings
 * in the header and footer). Code changes are Astro's business (it hashes each page's module graph);
 * configuration changes (SITE_URL…) make it start over.
 *
 * The day is not part of the layout's key: no keyed page shows anything that depends on it. The pages that do
 * put what they show of it in their own key (a notice: whether it is current at the build's time,
 * data/notices.ts) or have no key and are rendered at every build (home, announcements, the notice lists).
 * Were the day in every key, the first publish after midnight (Vietnam time) would render the whole site again.
 */
import { pageKey } from './cache-key.ts';
import { getSiteSetting } from '../data/content.ts';

export { pageKey };

let layout: Promise<string> | undefined;

/** What every page shows besides its own content: the site settings. */
export function layoutKey(): Promise<string> {
  return (layout ??= getSiteSetting().then((setting) => pageKey(setting)));
}
