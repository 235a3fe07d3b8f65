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

/**
 * `prepared`: the pages read and prepared in this build (the others came from the records kept between builds);
 * `stages`: seconds from the start at which the kept records were read, every page was added, the index written.
 */
export type SearchIndexResult = { pages: number; skipped: number; prepared: number; files: number; bytes: number; stages: { records: number; add: number; write: number }; seconds: number };

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
 * What a page gave Pagefind the last time, kept between builds (scripts/build.ts keeps it in the live site's
 * state folder): by file, the file's identity when it was read (size, modification time, inode: a file swapped
 * in by rename is a new inode) and the content passed to Pagefind, null for a page that is not indexed. A
 * targeted build rewrites a few files; the others are not read or prepared again.
 */
export type SearchRecords = Record<string, { size: number; mtimeMs: number; ino: number; content: string | null }>;

function readRecords(file: string | undefined): SearchRecords {
  if (!file) return {};
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SearchRecords;
  } catch {
    return {};
  }
}

/**
 * Indexes the HTML under `dir` into `outputPath` (default <dir>/pagefind), replacing what is there.
 * `whole`: pass each page whole rather than trimmed (to check that both give the same index).
 * `recordsFile`: where the pages' prepared contents are kept between builds (SearchRecords); only the pages whose
 * file changed since are read and prepared again. It is only valid for the same code and `options`: the caller
 * removes it when they change (scripts/build.ts keeps it in the state folder that a full build clears).
 */
export async function buildSearchIndex(
  dir: string,
  options: SearchExtraOptions = {},
  outputPath = path.join(dir, 'pagefind'),
  { whole = false, recordsFile }: { whole?: boolean; recordsFile?: string } = {},
): Promise<SearchIndexResult> {
  const started = performance.now();
  fs.rmSync(outputPath, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const known = readRecords(recordsFile);
  // Seconds from the start at which each stage ended.
  const t = { records: (performance.now() - started) / 1000, add: 0, write: 0 };
  const records: SearchRecords = {};
  let pages = 0;
  let skipped = 0;
  let prepared = 0;
  try {
    const files = htmlFiles(dir);
    // Many files at a time: the Pagefind service works on them in parallel, in the order they are sent (which
    // decides ties in ranking: the same order in every build).
    for (let i = 0; i < files.length; i += 128) {
      await Promise.all(
        files.slice(i, i + 128).map(async (rel) => {
          const file = path.join(dir, rel);
          const stat = fs.statSync(file);
          let record = known[rel];
          if (!record || record.size !== stat.size || record.mtimeMs !== stat.mtimeMs || record.ino !== stat.ino) {
            const html = fs.readFileSync(file, 'utf8');
            const page = html.includes('data-pagefind-body') ? (whole ? html : trimForIndex(html)) : null;
            record = { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, content: page ? (prepareForIndex(page, options)?.content ?? null) : null };
            prepared++;
          }
          records[rel] = record;
          if (record.content === null) {
            skipped++;
            return;
          }
          const added = await index.addHTMLFile({ url: pageUrl(rel), content: record.content });
          if (added.errors.length) throw new Error(`Pagefind (${rel}): ${added.errors.join('; ')}`);
          pages++;
        }),
      );
    }
    t.add = (performance.now() - started) / 1000;
    const written = await index.writeFiles({ outputPath });
    t.write = (performance.now() - started) / 1000;
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  if (recordsFile) {
    const tmp = `${recordsFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(records));
    fs.renameSync(tmp, recordsFile);
  }
  return { pages, skipped, prepared, ...folderSize(outputPath), stages: t, seconds: (performance.now() - started) / 1000 };
}

if (import.meta.main) {
  const siteDir = path.resolve(import.meta.dirname, '..');
  const dir = path.resolve(siteDir, process.argv[2] || process.env.SITE_OUT_DIR || 'dist');
  const r = await buildSearchIndex(dir);
  console.log(`Chỉ mục tìm kiếm: ${r.pages} trang, ${(r.bytes / 1024).toFixed(0)} KB (${r.seconds.toFixed(1)} s). / Search index: ${r.pages} pages.`);
}
