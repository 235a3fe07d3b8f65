/**
 * The site search index: Pagefind's Node API over the built HTML, run by scripts/build.ts on the temporary
 * output folder before it is swapped in. Writes <dir>/pagefind/.
 *
 * Only detail pages are indexed: those with a `data-pagefind-body` element (lists, home and the search page
 * have none). Each page is passed to Pagefind cut down to what Pagefind reads of it (`trimForIndex`: the
 * language, the title, the filter and metadata elements and that element; the index is the same, file for file,
 * from a tenth of the bytes: at 10,000 articles 38 MB instead of 270 MB), with a hidden block of extra metadata
 * appended inside that element — the folded forms of its "đ" words and its synonyms (@thads/shared,
 * index-html.ts) — while the HTML file on disk stays as Astro wrote it.
 *
 * Alone: node scripts/search-index.ts [folder]   (default: SITE_OUT_DIR or ./dist)
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { prepareForIndex, trimForIndex, type SearchExtraOptions } from '@thads/shared';

export type SearchIndexResult = { pages: number; skipped: number; files: number; bytes: number; seconds: number };

/** HTML files under `dir`, relative, with forward slashes (the Pagefind bundle excluded). */
function htmlFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (rel !== 'pagefind' && !entry.name.startsWith('.')) out.push(...htmlFiles(dir, rel));
    } else if (entry.name.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}

/** "tin-tuc/abc/index.html" → "/tin-tuc/abc/" (the site's URLs end with a slash). */
export function pageUrl(rel: string): string {
  const withoutIndex = rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1');
  return `/${withoutIndex.split('/').map(encodeURIComponent).join('/')}`;
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/**
 * Indexes the HTML under `dir` into `outputPath` (default <dir>/pagefind), replacing what is there.
 * `whole`: pass each page whole rather than trimmed (to check that both give the same index).
 */
export async function buildSearchIndex(dir: string, options: SearchExtraOptions = {}, outputPath = path.join(dir, 'pagefind'), { whole = false } = {}): Promise<SearchIndexResult> {
  const started = performance.now();
  fs.rmSync(outputPath, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  let pages = 0;
  let skipped = 0;
  try {
    const files = htmlFiles(dir);
    // A few files at a time: the Pagefind service works on them in parallel.
    for (let i = 0; i < files.length; i += 16) {
      await Promise.all(
        files.slice(i, i + 16).map(async (rel) => {
          const html = fs.readFileSync(path.join(dir, rel), 'utf8');
          const page = html.includes('data-pagefind-body') ? (whole ? html : trimForIndex(html)) : null;
          const prepared = page ? prepareForIndex(page, options) : null;
          if (!prepared) {
            skipped++;
            return;
          }
          const added = await index.addHTMLFile({ url: pageUrl(rel), content: prepared.content });
          if (added.errors.length) throw new Error(`Pagefind (${rel}): ${added.errors.join('; ')}`);
          pages++;
        }),
      );
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  return { pages, skipped, ...folderSize(outputPath), seconds: (performance.now() - started) / 1000 };
}

if (import.meta.main) {
  const siteDir = path.resolve(import.meta.dirname, '..');
  const dir = path.resolve(siteDir, process.argv[2] || process.env.SITE_OUT_DIR || 'dist');
  const r = await buildSearchIndex(dir);
  console.log(`Chỉ mục tìm kiếm: ${r.pages} trang, ${(r.bytes / 1024).toFixed(0)} KB (${r.seconds.toFixed(1)} s). / Search index: ${r.pages} pages.`);
}
