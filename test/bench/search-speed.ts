/**
 * Benchmark: the site search at scale, as a reader's browser sees it.
 *   npm run bench:search-speed                                    10,000 articles + 3,000 Q&A (synthetic)
 *   npm run bench:search-speed -- --articles 500 --qas 200        smaller, for a quick look
 * Seeds a Strapi with the demo and synthetic content, builds and indexes the site (site/scripts/build.ts),
 * serves it on 127.0.0.1 and drives headless Chromium (@sparticuz/chromium) through the header's search box.
 * Reports: the index on disk; the bytes a query downloads (cold: first query on a fresh page, island and
 * Pagefind included; warm: a second query), from Chromium's network events; the time from the last keystroke
 * to the first results painted (median over several queries, debounce included).
 * Writes test/bench/results/search-speed.json (ignored by git). Numbers, not assertions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page, Request } from 'playwright-core';
import { fromCms, startStrapi } from '../helpers/strapi.ts';
import { buildSite } from '../helpers/site.ts';
import { launchChromium } from '../e2e/browser.ts';
import { serveStatic } from '../e2e/static-server.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ARTICLES = arg('articles', 10_000);
const QAS = arg('qas', 3_000);
/** Typical citizen queries, typed as on a phone: mostly without diacritics. */
const QUERIES = ['thi hanh an', 'tien nuoi con', 'cuong che giao nha', 'tru luong', 'dau gia tai san', 'hoan thi hanh an', 'chap hanh vien', 'mien giam', 'khieu nai', 'thời hiệu yêu cầu'];
const secs = (ms: number) => +(ms / 1000).toFixed(1);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

// ── Content and build ──
const t0 = performance.now();
const cms = await startStrapi({ seed: true });
const synthetic = ARTICLES || QAS ? await fromCms('seed/synthetic').generateSynthetic(cms.strapi, { articles: ARTICLES, qas: QAS }) : { articles: 0, qas: 0 };
const generated = performance.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-search-speed-'));
const out = path.join(dir, 'site');
const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out, NODE_ENV: 'production' });
await cms.stop();
if (build.code !== 0) throw new Error(build.output.slice(-3000));
const indexLine = /Search index: ([^\n]+)/.exec(build.output)?.[1];

// ── Index on disk ──
const pagefindDir = path.join(out, 'pagefind');
const index = { files: 0, bytes: 0, byKind: {} as Record<string, { files: number; bytes: number }> };
for (const entry of fs.readdirSync(pagefindDir, { withFileTypes: true, recursive: true })) {
  if (!entry.isFile()) continue;
  const bytes = fs.statSync(path.join(entry.parentPath, entry.name)).size;
  const kind = path.relative(pagefindDir, entry.parentPath) || (/^pagefind(-worker)?\.js$|\.pf_meta$|^wasm\.|entry\.json$/.test(entry.name) ? 'runtime' : 'stock UI (unused)');
  index.files++;
  index.bytes += bytes;
  (index.byKind[kind] ??= { files: 0, bytes: 0 }).files++;
  index.byKind[kind]!.bytes += bytes;
}
const pages = fs.readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;

// ── In the browser ──
const server = await serveStatic(out);
const browser = await launchChromium();
const newsDir = path.join(out, 'tin-tuc');
const newsPage = `/tin-tuc/${fs.readdirSync(newsDir).find((d) => d !== 'trang' && fs.existsSync(path.join(newsDir, d, 'index.html')))}/`;

type Download = { path: string; bytes: number; gzip: number };
/** What a request brought: bytes on the wire (this server does not compress), and gzip for text files. */
async function download(request: Request): Promise<Download> {
  const { responseBodySize, responseHeadersSize } = await request.sizes();
  const url = new URL(request.url());
  const file = path.join(out, decodeURIComponent(url.pathname));
  const text = /\.(js|json|css|html|wasm|pf_meta)$/.test(url.pathname) || url.pathname.endsWith('/');
  const gzip = text && fs.existsSync(file) && fs.statSync(file).isFile() ? zlib.gzipSync(fs.readFileSync(file)).length : responseBodySize;
  return { path: url.pathname, bytes: responseBodySize + responseHeadersSize, gzip };
}
const group = (p: string) =>
  /\.m?js$/.test(p) && !p.startsWith('/pagefind/')
    ? 'island JS'
    : /\/pagefind\/(index|fragment|filter)\//.test(p)
      ? `pagefind ${p.split('/')[2]}`
      : p.startsWith('/pagefind/')
        ? 'pagefind runtime'
        : 'page (HTML, CSS, images)';
function summarise(list: Download[]) {
  const byGroup: Record<string, { requests: number; bytes: number; gzip: number }> = {};
  for (const d of list) {
    const g = (byGroup[group(d.path)] ??= { requests: 0, bytes: 0, gzip: 0 });
    g.requests++;
    g.bytes += d.bytes;
    g.gzip += d.gzip;
  }
  return { requests: list.length, bytes: list.reduce((n, d) => n + d.bytes, 0), gzipIfCompressed: list.reduce((n, d) => n + d.gzip, 0), byGroup };
}

/**
 * Types `query` into the header box and resolves with the milliseconds from the last keystroke to the first
 * frame painted with results for it (the panel's "Xem tất cả … kết quả cho “query”" link present).
 */
async function timeQuery(page: Page, query: string): Promise<number> {
  const box = page.getByRole('searchbox', { name: 'Tìm kiếm', exact: true });
  await box.fill('');
  await page.evaluate((q) => {
    const w = window as unknown as { __lastKey?: number; __painted: Promise<number> };
    if (w.__lastKey === undefined) document.addEventListener('keydown', () => (w.__lastKey = performance.now()), { capture: true });
    w.__lastKey = 0;
    w.__painted = new Promise<number>((resolve) => {
      const check = () => {
        const link = document.querySelector('#tim-kiem-nhanh .site-search__all a, #tim-kiem-nhanh .site-search__note');
        if (link?.textContent?.includes(`“${q}”`)) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - w.__lastKey!)));
        else requestAnimationFrame(check);
      };
      check();
    });
  }, query);
  await box.pressSequentially(query, { delay: 40 });
  return page.evaluate(() => (window as unknown as { __painted: Promise<number> }).__painted);
}

const context = await browser.newContext();
const page = await context.newPage();
const downloads: Promise<Download>[] = [];
page.on('requestfinished', (r) => downloads.push(download(r)));
await page.goto(server.url + newsPage, { waitUntil: 'networkidle' });
const pageLoad = summarise(await Promise.all(downloads.splice(0)));
const beforeInteraction = pageLoad.byGroup['island JS'] ?? { requests: 0, bytes: 0, gzip: 0 };
const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).map((s) => s.textContent ?? '').join('\n'));

// Cold: first focus and first query (island, React, Pagefind runtime, index chunks, fragments).
await page.getByRole('searchbox', { name: 'Tìm kiếm', exact: true }).focus();
const coldMs = await timeQuery(page, QUERIES[0]!);
await page.waitForLoadState('networkidle');
const cold = summarise(await Promise.all(downloads.splice(0)));

// Warm: a second query on the same page.
const warmFirstMs = await timeQuery(page, QUERIES[1]!);
await page.waitForLoadState('networkidle');
const warm = summarise(await Promise.all(downloads.splice(0)));

// Keystroke → results, over the other queries (runtime loaded; each query may still fetch its chunks).
const perQuery: { query: string; ms: number; bytes: number }[] = [{ query: QUERIES[1]!, ms: +warmFirstMs.toFixed(0), bytes: warm.bytes }];
for (const q of QUERIES.slice(2)) {
  const ms = await timeQuery(page, q);
  await page.waitForLoadState('networkidle');
  perQuery.push({ query: q, ms: +ms.toFixed(0), bytes: summarise(await Promise.all(downloads.splice(0))).bytes });
}
await context.close();
await browser.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });

const result = {
  date: new Date().toISOString(),
  node: process.version,
  content: { synthetic, pages },
  seconds: {
    strapiBootSeedAndSynthetic: secs(generated - t0),
    buildAndIndex: +build.seconds.toFixed(1),
  },
  buildReportedIndex: indexLine,
  index,
  readingPageBeforeSearch: { scriptFilesRequested: beforeInteraction.requests, inlineScriptGzip: zlib.gzipSync(inline).length },
  query: {
    cold: { query: QUERIES[0], keystrokeToResultsMs: +coldMs.toFixed(0), ...cold },
    warm: { query: QUERIES[1], keystrokeToResultsMs: +warmFirstMs.toFixed(0), ...warm },
  },
  keystrokeToResults: { medianMs: +median(perQuery.map((q) => q.ms)).toFixed(0), debounceIncludedMs: 150, perQuery },
};
const resultsDir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, 'search-speed.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
process.exit(0);
