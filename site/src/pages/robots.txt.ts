/** /robots.txt: crawlers may read everything but the search page and index; the sitemap's address (src/lib/seo.ts). */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/seo.ts';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('robots.txt: thiếu địa chỉ trang (SITE_URL). / `site` is not set.');
  return new Response(robotsTxt(site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
