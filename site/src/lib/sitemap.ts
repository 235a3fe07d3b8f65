/**
 * sitemap.xml, written after the build from the HTML pages themselves, so that it lists exactly the pages
 * that search engines may index: a page is listed under its canonical URL unless its head says
 * `<meta name="robots" content="noindex">` (BaseLayout writes it for `noindex` pages and for the paths of
 * NOINDEX_PATHS in seo.ts) or its path is in NOINDEX_PATHS. `lastmod` is the page's
 * `article:modified_time` when it has one. Over 50,000 URLs the file becomes a sitemap index of several
 * files (the protocol's limit per file).
 *
 * Why not @astrojs/sitemap: it sees the list of routes, not what a page decided while rendering (a
 * `noindex` prop), so it would need the same HTML reading to honour it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isNoindexPath } from './seo.ts';

export type SitemapEntry = { loc: string; lastmod?: string | undefined };

/** Maximum URLs per sitemap file (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const entryXml = (tag: 'url' | 'sitemap', e: SitemapEntry) =>
  `<${tag}><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : ''}</${tag}>`;

/** A <urlset> of the entries. */
export function urlsetXml(entries: SitemapEntry[]): string {
  return `${XML_HEAD}<urlset xmlns="${NS}">\n${entries.map((e) => entryXml('url', e)).join('\n')}\n</urlset>\n`;
}

/** A <sitemapindex> of sitemap files. */
export function sitemapIndexXml(sitemaps: SitemapEntry[]): string {
  return `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${sitemaps.map((e) => entryXml('sitemap', e)).join('\n')}\n</sitemapindex>\n`;
}

/**
 * The files to write for `entries` (sorted by URL): one `sitemap.xml` urlset, or past `limit` URLs a
 * `sitemap.xml` index of `sitemap-1.xml`, `sitemap-2.xml`…, whose URLs are under `site`.
 */
export function sitemapFiles(entries: SitemapEntry[], site: string, limit = SITEMAP_LIMIT): Map<string, string> {
  const sorted = [...entries].sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
  const files = new Map<string, string>();
  if (sorted.length <= limit) {
    files.set('sitemap.xml', urlsetXml(sorted));
    return files;
  }
  const parts: SitemapEntry[] = [];
  for (let i = 0; i * limit < sorted.length; i++) {
    const chunk = sorted.slice(i * limit, (i + 1) * limit);
    const name = `sitemap-${i + 1}.xml`;
    files.set(name, urlsetXml(chunk));
    const lastmod = chunk.map((e) => e.lastmod).filter((d): d is string => !!d).sort().pop();
    parts.push({ loc: new URL(name, site).href, lastmod });
  }
  files.set('sitemap.xml', sitemapIndexXml(parts));
  return files;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];

/** What the sitemap needs from a page's <head>: whether it is noindex, its canonical URL, its last change. */
export function readPageHead(html: string): { noindex: boolean; canonical?: string; modified?: string } {
  const end = html.search(/<\/head\s*>/i);
  const head = end >= 0 ? html.slice(0, end) : html;
  let noindex = false;
  let canonical: string | undefined;
  let modified: string | undefined;
  for (const [tag] of head.matchAll(/<(?:meta|link)\b[^>]*>/gi)) {
    const name = attr(tag, 'name')?.toLowerCase();
    if ((name === 'robots' || name === 'googlebot') && /\bnoindex\b|\bnone\b/i.test(attr(tag, 'content') ?? '')) noindex = true;
    if (/^<link/i.test(tag) && attr(tag, 'rel')?.toLowerCase() === 'canonical') canonical = attr(tag, 'href')?.replace(/&amp;/g, '&');
    if (attr(tag, 'property') === 'article:modified_time') modified = attr(tag, 'content');
  }
  return { noindex, ...(canonical ? { canonical } : {}), ...(modified ? { modified } : {}) };
}

/** Site path of a built HTML file ("tin-tuc/a/index.html" → "/tin-tuc/a/", "404.html" → "/404.html"). */
export function pathOfHtmlFile(relative: string): string {
  const p = `/${relative.split(path.sep).join('/')}`;
  return p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p;
}

/** The sitemap entry of one built HTML page (`rel` under `dir`), or null when it is not listed. */
export function pageEntry(dir: string, rel: string): SitemapEntry | null {
  if (isNoindexPath(pathOfHtmlFile(rel))) return null;
  const head = readPageHead(fs.readFileSync(path.join(dir, rel), 'utf8'));
  if (head.noindex || !head.canonical) return null;
  return { loc: head.canonical, lastmod: head.modified };
}

/** The sitemap entries of the HTML pages under `dir`, by file ("tin-tuc/a/index.html"). */
export function collectEntryMap(dir: string): Record<string, SitemapEntry> {
  const entries: Record<string, SitemapEntry> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    if (!rel.endsWith('.html')) continue;
    const entry = pageEntry(dir, rel);
    if (entry) entries[rel.split(path.sep).join('/')] = entry;
  }
  return entries;
}

/** The sitemap entries of the HTML pages under `dir`. */
export function collectEntries(dir: string): SitemapEntry[] {
  return Object.values(collectEntryMap(dir));
}

/** The Astro integration: writes the sitemap file(s) into the output folder when the build is done. */
export function sitemap(): AstroIntegration {
  let site = '';
  return {
    name: 'thads:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!site) throw new Error('sitemap: thiếu địa chỉ trang (SITE_URL / site). / `site` is not set.');
        // A targeted build (build/targeted-build.ts) holds only the pages it rendered: scripts/build.ts updates
        // the live sitemap from the entries of the last build instead.
        if (process.env.THADS_TARGET_KEYS) return;
        const out = fileURLToPath(dir);
        const byFile = collectEntryMap(out);
        const entries = Object.values(byFile);
        const files = sitemapFiles(entries, site);
        for (const [name, xml] of files) fs.writeFileSync(path.join(out, name), xml);
        // The entries by file, for the next targeted build (scripts/build.ts keeps them beside the site).
        if (process.env.THADS_BUILD_PLAN) fs.writeFileSync(`${process.env.THADS_BUILD_PLAN}.sitemap.json`, JSON.stringify(byFile));
        logger.info(`sitemap.xml: ${entries.length} URL${files.size > 1 ? `, ${files.size - 1} tệp` : ''}`);
      },
    },
  };
}
