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
import zlib from 'node:zlib';
import * as pagefind from 'pagefind';
import { prepareForIndex, trimForIndex, type SearchExtraOptions } from '@thads/shared';

/**
 * `prepared`: the pages read and prepared in this build (the others came from the records kept between builds);
 * `stages`: seconds from the start at which the kept records were read, every page was added, the index written.
 */
export type SearchIndexResult = {
  pages: number;
  skipped: number;
  prepared: number;
  /** Fragment files taken from the previous index instead of written again (`reuseFrom`). */
  reused: number;
  files: number;
  bytes: number;
  stages: { records: number; add: number; write: number };
  seconds: number;
};

/** HTML files under `dir`, relative, with forward slashes (the Pagefind bundle excluded). */
export function htmlFiles(dir: string, prefix = ''): string[] {
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
export type SearchRecords = Record<string, { size: number; mtimeMs: number; ino: number; content: string | null; fragment?: string }>;

/**
 * A minimal CBOR reader (RFC 8949, definite lengths: what Pagefind's minicbor writes), enough to read the
 * index's metadata file. Our own few lines rather than a dependency for one fixed format.
 */
function readCbor(buf: Buffer, at = 0): [unknown, number] {
  const head = buf[at]!;
  const major = head >> 5;
  const info = head & 31;
  let n: number;
  let pos = at + 1;
  if (info < 24) n = info;
  else if (info === 24) (n = buf[pos]!), (pos += 1);
  else if (info === 25) (n = buf.readUInt16BE(pos)), (pos += 2);
  else if (info === 26) (n = buf.readUInt32BE(pos)), (pos += 4);
  else if (info === 27) (n = Number(buf.readBigUInt64BE(pos))), (pos += 8);
  else throw new Error(`CBOR: unsupported header ${head} at ${at}`);
  switch (major) {
    case 0:
      return [n, pos];
    case 1:
      return [-1 - n, pos];
    case 2:
      return [buf.subarray(pos, pos + n), pos + n];
    case 3:
      return [buf.toString('utf8', pos, pos + n), pos + n];
    case 4: {
      const items: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const [item, next] = readCbor(buf, pos);
        items.push(item);
        pos = next;
      }
      return [items, pos];
    }
    case 5: {
      const map = new Map<unknown, unknown>();
      for (let i = 0; i < n; i++) {
        const [key, afterKey] = readCbor(buf, pos);
        const [value, next] = readCbor(buf, afterKey);
        map.set(key, value);
        pos = next;
      }
      return [map, pos];
    }
    case 7:
      return [info === 20 ? false : info === 21 ? true : null, pos];
    default:
      throw new Error(`CBOR: unsupported major type ${major} at ${at}`);
  }
}

/**
 * The fragment file of every page of a written index, in page order (the order the pages were added): Pagefind's
 * `pagefind.<hash>.pf_meta` (gzip of "pagefind_dcd" + CBOR of [version, pages [[fragment hash, words]…], …]).
 */
export function indexPages(indexDir: string): string[] {
  const entry = JSON.parse(fs.readFileSync(path.join(indexDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const languages = Object.values(entry.languages);
  if (languages.length !== 1) throw new Error(`Pagefind: ${languages.length} languages in the index, one expected`);
  const raw = zlib.gunzipSync(fs.readFileSync(path.join(indexDir, `pagefind.${languages[0]!.hash}.pf_meta`)));
  const magic = 'pagefind_dcd';
  if (raw.toString('utf8', 0, magic.length) !== magic) throw new Error('Pagefind: unexpected pf_meta header');
  const [meta] = readCbor(raw, magic.length) as [[string, [string, number][]], number];
  return meta[1].map(([hash]) => hash);
}

function readRecords(file: string | undefined): SearchRecords {
  if (!file) return {};
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SearchRecords;
  } catch {
    return {};
  }
}

type IndexOptions = { whole?: boolean; recordsFile?: string; reuseFrom?: string };

/**
 * What a page without indexable content is given to Pagefind as, where a page must hold its place: no
 * `data-pagefind-body` and no words, so Pagefind leaves it out of the index (it indexes only the pages with that
 * element once one page has it, and never a page without words), as if it had not been added.
 */
const PLACEHOLDER = '<html lang="vi"><body></body></html>';

/**
 * An index being made: pages are added in the order given (Pagefind numbers them so, and the numbers decide
 * ties in ranking), and a page added again under the same URL replaces the first in its place (Pagefind's
 * service looks a page up by URL). scripts/build.ts uses this to add the pages of a targeted build while Astro
 * renders: every page of the site-to-be in its final order — the unchanged ones from the kept records, a
 * placeholder for each page being rendered — and, once those are written, the rendered pages in their place.
 * The index written is the one `buildSearchIndex` makes of the finished folder.
 */
export class SearchIndexSession {
  private readonly started = performance.now();
  private readonly records: SearchRecords = {};
  /** Fragment file name → the page whose fragment was linked under it from `reuseFrom`. */
  private readonly linked = new Map<string, string>();
  private order: string[] = [];
  private prepared = 0;
  private recordsAt = 0;
  // Plain fields (Node's type stripping does not take parameter properties).
  private readonly index: pagefind.PagefindIndex;
  private readonly known: SearchRecords;
  private readonly dir: string;
  private readonly extra: SearchExtraOptions;
  private readonly outputPath: string;
  private readonly opts: IndexOptions;
  private constructor(index: pagefind.PagefindIndex, known: SearchRecords, dir: string, extra: SearchExtraOptions, outputPath: string, opts: IndexOptions) {
    this.index = index;
    this.known = known;
    this.dir = dir;
    this.extra = extra;
    this.outputPath = outputPath;
    this.opts = opts;
  }

  static async open(dir: string, extra: SearchExtraOptions = {}, outputPath = path.join(dir, 'pagefind'), opts: IndexOptions = {}): Promise<SearchIndexSession> {
    const started = performance.now();
    fs.rmSync(outputPath, { recursive: true, force: true });
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const session = new SearchIndexSession(index, readRecords(opts.recordsFile), dir, extra, outputPath, opts);
    session.recordsAt = (performance.now() - started) / 1000;
    return session;
  }

  /** The record of a file as it is now: the kept one when the file is the same, else read and prepared. */
  private recordOf(rel: string): SearchRecords[string] {
    const file = path.join(this.dir, rel);
    const stat = fs.statSync(file);
    const kept = this.known[rel];
    if (kept && kept.size === stat.size && kept.mtimeMs === stat.mtimeMs && kept.ino === stat.ino) {
      this.reuse(rel, kept.fragment);
      return kept;
    }
    const html = fs.readFileSync(file, 'utf8');
    const page = html.includes('data-pagefind-body') ? (this.opts.whole ? html : trimForIndex(html)) : null;
    this.prepared++;
    return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, content: page ? (prepareForIndex(page, this.extra)?.content ?? null) : null };
  }

  private reuse(rel: string, fragment: string | undefined): void {
    const from = this.opts.reuseFrom;
    if (!from || !fragment || this.linked.has(fragment)) return;
    const to = path.join(this.outputPath, 'fragment', `${fragment}.pf_fragment`);
    try {
      fs.linkSync(path.join(from, 'fragment', `${fragment}.pf_fragment`), to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // A folder not there yet is made once; a fragment missing from the live index is simply written.
      if (fs.existsSync(path.dirname(to))) return;
      fs.mkdirSync(path.dirname(to), { recursive: true });
      return this.reuse(rel, fragment);
    }
    this.linked.set(fragment, rel);
  }

  private async send(rel: string, content: string | null): Promise<void> {
    const added = await this.index.addHTMLFile({ url: pageUrl(rel), content: content ?? PLACEHOLDER });
    if (added.errors.length) throw new Error(`Pagefind (${rel}): ${added.errors.join('; ')}`);
  }

  /**
   * Adds `files` (relative to the folder, in the index's order) after those added before; each file of `pending`
   * gets a placeholder, to be replaced by `replace` once it is written. Pages without indexable content are not
   * sent, unless pending.
   */
  async add(files: readonly string[], pending: ReadonlySet<string> = new Set()): Promise<void> {
    // Many files at a time: the Pagefind service takes them one after the other, in the order they are sent.
    for (let i = 0; i < files.length; i += 128) {
      await Promise.all(
        files.slice(i, i + 128).map((rel) => {
          this.order.push(rel);
          if (pending.has(rel)) return this.send(rel, null);
          const record = (this.records[rel] = this.recordOf(rel));
          return record.content === null ? undefined : this.send(rel, record.content);
        }),
      );
    }
  }

  /** Reads `files` again (written since they were added, as placeholders or not) and puts them in their place. */
  async replace(files: Iterable<string>): Promise<void> {
    const all = [...files];
    for (let i = 0; i < all.length; i += 128) {
      await Promise.all(
        all.slice(i, i + 128).map((rel) => {
          const before = this.records[rel];
          const record = (this.records[rel] = this.recordOf(rel));
          // A page without indexable content that was not sent, or only as a placeholder, stays out.
          if (record.content === null && !before?.content) return undefined;
          return this.send(rel, record.content);
        }),
      );
    }
  }

  /** Writes the index to the output folder and the records for the next build, and stops Pagefind's service. */
  async finish(): Promise<SearchIndexResult> {
    const t = { records: this.recordsAt, add: (performance.now() - this.started) / 1000, write: 0 };
    let pagesOfIndex: string[];
    try {
      const written = await this.index.writeFiles({ outputPath: this.outputPath });
      t.write = (performance.now() - this.started) / 1000;
      if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
      pagesOfIndex = indexPages(this.outputPath);
    } finally {
      await pagefind.close();
    }
    const indexed = this.order.filter((rel) => this.records[rel]!.content !== null);
    // Each page's fragment, for the next build. A fragment linked under a name that the index gives another page
    // means two pages share a short hash across builds: the index is made again from nothing.
    const complete = pagesOfIndex.length === indexed.length;
    if (this.linked.size > 0 && (!complete || indexed.some((rel, i) => this.linked.has(pagesOfIndex[i]!) && this.linked.get(pagesOfIndex[i]!) !== rel))) {
      return buildSearchIndex(this.dir, this.extra, this.outputPath, { ...this.opts, reuseFrom: undefined });
    }
    if (complete) indexed.forEach((rel, i) => (this.records[rel]!.fragment = pagesOfIndex[i]));
    if (this.opts.recordsFile) {
      const tmp = `${this.opts.recordsFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(this.records));
      fs.renameSync(tmp, this.opts.recordsFile);
    }
    return {
      pages: indexed.length,
      skipped: this.order.length - indexed.length,
      prepared: this.prepared,
      reused: this.linked.size,
      ...folderSize(this.outputPath),
      stages: t,
      seconds: (performance.now() - this.started) / 1000,
    };
  }

  /** Stops without writing (the build went another way). */
  async abort(): Promise<void> {
    await pagefind.close();
    fs.rmSync(this.outputPath, { recursive: true, force: true });
  }
}

/**
 * Indexes the HTML under `dir` into `outputPath` (default <dir>/pagefind), replacing what is there.
 * `whole`: pass each page whole rather than trimmed (to check that both give the same index).
 * `recordsFile`: where the pages' prepared contents are kept between builds (SearchRecords); only the pages whose
 * file changed since are read and prepared again. It is only valid for the same code and `options`: the caller
 * removes it when they change (scripts/build.ts keeps it in the state folder that a full build clears).
 * `reuseFrom`: the index now live, written from those records. Pagefind names a page's fragment by a hash of its
 * content and does not write a hashed file that is already in the output folder, so the fragments of the pages
 * whose record is reused are hard-linked from there first and Pagefind writes only the fragments of changed
 * pages, the word index and the metadata (at 10,000 + 3,000: a few files instead of 13,000). Fragment names are
 * short hashes: should a changed page's fragment take the name of a reused one (Pagefind extends a name only
 * against the pages of the same build), the index is written again without reuse.
 */
export async function buildSearchIndex(dir: string, options: SearchExtraOptions = {}, outputPath = path.join(dir, 'pagefind'), opts: IndexOptions = {}): Promise<SearchIndexResult> {
  const session = await SearchIndexSession.open(dir, options, outputPath, opts);
  try {
    await session.add(htmlFiles(dir));
  } catch (error) {
    await pagefind.close();
    throw error;
  }
  return session.finish();
}

if (import.meta.main) {
  const siteDir = path.resolve(import.meta.dirname, '..');
  const dir = path.resolve(siteDir, process.argv[2] || process.env.SITE_OUT_DIR || 'dist');
  const r = await buildSearchIndex(dir);
  console.log(`Chỉ mục tìm kiếm: ${r.pages} trang, ${(r.bytes / 1024).toFixed(0)} KB (${r.seconds.toFixed(1)} s). / Search index: ${r.pages} pages.`);
}
