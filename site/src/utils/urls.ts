/** Moved to lib/urls.ts; this re-export stays only until the last page importing it (van-ban/[slug].astro) follows. */
export { urls } from '../lib/urls.ts';
