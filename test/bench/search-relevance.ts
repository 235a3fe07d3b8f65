/**
 * Benchmark of search relevance: builds the demo site from a freshly seeded Strapi (with its Pagefind index,
 * as `npm run build` does), runs every query of the query sets through Pagefind's own search code in Node —
 * with the site's own query processing, `searchSite` (shared/src/search/query.ts: normalizeQuery, the strict,
 * core and relaxed passes, the reranking; Pagefind ranked with SEARCH_RANKING), exactly as the search UI
 * does — and reports where the expected page lands.
 *
 * Three query sets, each split into a TUNING half and a REPORTING half, in separate files:
 *   A  search-queries.{tuning,reporting}.json    short citizen queries (the team's first set)
 *   B  search-questions.{tuning,reporting}.json  question-shaped queries written differently (see the file)
 *   C  search-typed.{tuning,reporting}.json      a third way: as typed on a phone, half of them for 12 Q&A
 *      pages that are not in the demo content (search-new-qas.json), which the benchmark adds beside it
 *      before building, as the held-out sets add theirs: pages nobody tuned on
 *   D  search-asked.{tuning,reporting}.json    a fourth way: from the askers' own accounts on the Q&A pages
 *      (their amounts, relatives, jobs), as they would type them, written and split before the first run
 * Tune only on the tuning halves (`--tune` measures them alone); the reporting halves are the numbers that
 * count. Every half is reported as written, with every query typed without diacritics, and for the queries
 * written with diacritics.
 *
 *   npm run bench:search                      build, then measure
 *   npm run bench:search -- --out DIR         … keeping the built site in DIR (for the --site runs below)
 *   npm run bench:search -- --site DIR        measure an already built site (DIR/pagefind/)
 *   npm run bench:search -- --site DIR --reindex   re-index DIR first (after changing the index preparation)
 *   npm run bench:search -- --site DIR --plain     Pagefind alone (normalizeQuery + SEARCH_RANKING, no passes)
 *   npm run bench:search -- --site DIR --quick     as the header's quick results rank while typing
 *   npm run bench:search -- --site DIR --tune      also try reranking weights, on the tuning halves only
 *   npm run bench:search -- --site DIR --ranking '{"termSimilarity":4}'   other options on top of SEARCH_RANKING
 *   npm run bench:search -- --site DIR --weights '{"answer":2}'           other reranking weights
 *   npm run bench:search -- --site DIR --depth 8      rerank fewer candidates per pass (default: searchSite's)
 *   npm run bench:search -- --site DIR --show-reporting   also list the reporting halves' misses (after tuning)
 *
 * Prints top-1, top-3, MRR (over the first 10 results) and the failures; writes
 * test/bench/results/search-relevance.json (ignored by git). Numbers, not assertions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { foldDiacritics, markdownLiteToBlocks, RERANK_WEIGHTS, slugify, searchSite, SEARCH_RANKING, type RerankWeights, type SearchRanking } from '@thads/shared';
import { buildSearchIndex } from '../../site/scripts/search-index.ts';
import { loadPagefind, type Pagefind } from '../helpers/pagefind.ts';
import { buildSite } from '../helpers/site.ts';
import { startStrapi } from '../helpers/strapi.ts';

export type RelevanceQuery = { q: string; url: string; kind?: string };
type SeedQa = { title: string; askerLabel: string; question: string; answer: string; citations: { document: string; article?: string }[]; topic: string; unit: string; date: string };
const load = (file: string): RelevanceQuery[] => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, file), 'utf8')).queries;
/** The query sets, by name and half. */
export const SETS = {
  A: { tuning: load('search-queries.tuning.json'), reporting: load('search-queries.reporting.json') },
  B: { tuning: load('search-questions.tuning.json'), reporting: load('search-questions.reporting.json') },
  C: { tuning: load('search-typed.tuning.json'), reporting: load('search-typed.reporting.json') },
  D: { tuning: load('search-asked.tuning.json'), reporting: load('search-asked.reporting.json') },
} as const;
/** Set C's extra Q&A pages (not in the demo content): the benchmark publishes them before building. */
export const NEW_QAS: SeedQa[] = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'search-new-qas.json'), 'utf8')).qas;

/** Publishes NEW_QAS in a seeded Strapi, with their topic, unit and cited documents (as the seed does). */
export async function addNewQas(strapi: any): Promise<void> {
  const id = async (uid: string, field: string, value: string) => {
    const found = await strapi.documents(uid).findFirst({ filters: { [field]: value }, fields: ['documentId'] });
    if (!found) throw new Error(`search-new-qas.json: no ${uid} with ${field} "${value}"`);
    return found.documentId as string;
  };
  for (const q of NEW_QAS) {
    await strapi.documents('api::legal-qa.legal-qa').create({
      data: {
        title: q.title,
        slug: slugify(q.title),
        askerLabel: q.askerLabel,
        question: q.question,
        answer: markdownLiteToBlocks(q.answer),
        citations: await Promise.all(q.citations.map(async (c) => ({ document: await id('api::legal-document.legal-document', 'number', c.document), article: c.article }))),
        topic: await id('api::topic.topic', 'slug', q.topic),
        unit: await id('api::unit.unit', 'slug', q.unit),
        date: q.date,
      },
      status: 'published',
    });
  }
}
/** Set A, both halves (the short queries). */
export const QUERIES: RelevanceQuery[] = [...SETS.A.tuning, ...SETS.A.reporting];
/** Set B, both halves (the question-shaped queries). */
export const QUESTIONS: RelevanceQuery[] = [...SETS.B.tuning, ...SETS.B.reporting];

const DEPTH = 10;

export type QueryOutcome = RelevanceQuery & { rank: number | null; top: string[] };
export type Scores = { queries: number; top1: number; top3: number; mrr: number };

export type MeasureOptions = { plain?: boolean; quick?: boolean; weights?: RerankWeights; depth?: number };

/** The URLs of the first DEPTH results of a query, as the search UI ranks them. */
export async function topUrls(pagefind: Pagefind, q: string, options: MeasureOptions = {}): Promise<string[]> {
  const { results } = await searchSite(pagefind, q, options);
  return Promise.all(results.slice(0, DEPTH).map(async (r) => (await r.data()).url));
}

/** Where each query's expected page lands (1-based rank in the first DEPTH results, or null). */
export async function measure(pagefind: Pagefind, queries: RelevanceQuery[] = QUERIES, options: MeasureOptions = {}): Promise<QueryOutcome[]> {
  const out: QueryOutcome[] = [];
  for (const query of queries) {
    const top = await topUrls(pagefind, query.q, options);
    const at = top.indexOf(query.url);
    out.push({ ...query, rank: at < 0 ? null : at + 1, top });
  }
  return out;
}

/** The queries written with diacritics whose top result changes when typed without them. */
export async function diacriticPairs(pagefind: Pagefind, queries: RelevanceQuery[] = QUERIES, options: MeasureOptions = {}) {
  const top = async (q: string) => (await topUrls(pagefind, q, options))[0] ?? null;
  const pairs = queries.filter((query) => foldDiacritics(query.q) !== query.q);
  const differ: { q: string; plain: string; top: string | null; plainTop: string | null }[] = [];
  for (const { q } of pairs) {
    const plain = foldDiacritics(q);
    const [a, b] = [await top(q), await top(plain)];
    if (a !== b) differ.push({ q, plain, top: a, plainTop: b });
  }
  return { pairs: pairs.length, same: pairs.length - differ.length, differ };
}

export function scores(outcomes: QueryOutcome[]): Scores {
  const n = outcomes.length;
  const share = (f: (o: QueryOutcome) => boolean) => +(outcomes.filter(f).length / n).toFixed(4);
  return {
    queries: n,
    top1: share((o) => o.rank === 1),
    top3: share((o) => o.rank !== null && o.rank <= 3),
    mrr: +(outcomes.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0) / n).toFixed(4),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function folderBytes(dir: string, keep: (rel: string) => boolean = () => true): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name));
    if (!keep(rel)) continue;
    files++;
    bytes += fs.statSync(path.join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

const HALVES = ['tuning', 'reporting'] as const;
const isPlain = (q: string) => foldDiacritics(q) === q;

/** One half measured as written, all typed without diacritics, and its queries written with diacritics. */
async function measureHalf(pagefind: Pagefind, queries: RelevanceQuery[], options: MeasureOptions) {
  const written = await measure(pagefind, queries, options);
  const folded = await measure(pagefind, queries.map((q) => ({ ...q, q: foldDiacritics(q.q) })), options);
  const accented = written.filter((o) => !isPlain(o.q));
  return { written, folded, accented };
}

/** Tuning halves only: the reranking weights one at a time around RERANK_WEIGHTS (`--tune`). */
async function tune(pagefind: Pagefind, base: RerankWeights) {
  const tuning = [...SETS.A.tuning, ...SETS.B.tuning, ...SETS.C.tuning, ...SETS.D.tuning];
  const both = [...tuning, ...tuning.map((q) => ({ ...q, q: foldDiacritics(q.q) }))];
  const rows: { option: string; value: number; top1: number; top3: number; mrr: number }[] = [];
  const grid: Record<keyof RerankWeights, number[]> = {
    coverage: [0, 1, 2, 4, 6, 8],
    titleCoverage: [0, 1, 2, 3, 4],
    matched: [0, 1, 2, 3, 4],
    pairs: [0, 1, 2, 3, 4],
    titlePairs: [0, 1, 2, 3, 4],
    pagefind: [0, 0.5, 1, 2, 3],
    answer: [0, 0.5, 1, 2, 3],
    qa: [0, 0.25, 0.5, 1, 1.5],
  };
  for (const [option, values] of Object.entries(grid) as [keyof RerankWeights, number[]][]) {
    for (const value of values) rows.push({ option, value, ...scores(await measure(pagefind, both, { weights: { ...base, [option]: value } })) });
  }
  console.log(`\nReranking weights, one at a time around ${JSON.stringify(base)} (tuning halves of A, B, C and D, as written and without diacritics, ${both.length} queries):`);
  for (const r of rows) console.log(`  ${r.option.padEnd(14)} ${String(r.value).padStart(5)}  top-1 ${pct(r.top1).padStart(7)}  top-3 ${pct(r.top3).padStart(7)}  MRR ${r.mrr.toFixed(3)}`);
  return rows;
}

async function main() {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const flag = (name: string) => process.argv.includes(`--${name}`);

  let site = arg('site');
  let stop = async () => {};
  let indexing: { seconds: number; pages: number } | undefined;
  if (!site) {
    const cms = await startStrapi({ seed: true });
    stop = cms.stop;
    await addNewQas(cms.strapi);
    site = arg('out') ? path.resolve(arg('out')!) : path.join(cms.tmp, 'site');
    const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: site });
    if (build.code !== 0) throw new Error(`site build failed:\n${build.output.slice(-3000)}`);
    const line = /Search index: (\d+) pages[^(]*\(([\d.]+) s\)/.exec(build.output);
    if (line) indexing = { pages: Number(line[1]), seconds: Number(line[2]) };
  } else if (flag('reindex')) {
    const r = await buildSearchIndex(path.resolve(site));
    indexing = { pages: r.pages, seconds: +r.seconds.toFixed(2) };
  }
  site = path.resolve(site);
  const override = arg('ranking') ? (JSON.parse(arg('ranking')!) as SearchRanking) : {};
  const ranking = { ...SEARCH_RANKING, ...override, metaWeights: { ...SEARCH_RANKING.metaWeights, ...override.metaWeights } };
  const weights: RerankWeights = { ...RERANK_WEIGHTS, ...(arg('weights') ? JSON.parse(arg('weights')!) : {}) };
  const options: MeasureOptions = { plain: flag('plain'), quick: flag('quick'), weights, ...(arg('depth') ? { depth: Number(arg('depth')) } : {}) };
  try {
    const pagefind = await loadPagefind(site, { ranking });
    const report: Record<string, Record<string, { all: Scores; noDiacritics: Scores; diacritics: Scores }>> = {};
    const failures: Record<string, { q: string; url: string; rank: number | null; top: string[] }[]> = {};
    const line = (label: string, s: Scores) => `  ${label.padEnd(30)} top-1 ${pct(s.top1).padStart(7)}  top-3 ${pct(s.top3).padStart(7)}  MRR ${s.mrr.toFixed(3)}  (${s.queries})`;
    console.log(`\nSearch relevance (npm run bench:search${options.plain ? ' -- --plain: Pagefind alone' : ''})`);
    for (const [name, set] of Object.entries(SETS)) {
      report[name] = {};
      for (const half of HALVES) {
        const m = await measureHalf(pagefind, set[half], options);
        const s = { all: scores(m.written), noDiacritics: scores(m.folded), diacritics: scores(m.accented) };
        report[name][half] = s;
        console.log(`${name} ${half}${half === 'reporting' ? ' (the numbers that count)' : ''}`);
        console.log(line('as written', s.all));
        console.log(line('all without diacritics', s.noDiacritics));
        console.log(line('written with diacritics', s.diacritics));
        const missed = [...m.written, ...m.folded.filter((o) => !isPlain(set[half].find((q) => q.url === o.url && foldDiacritics(q.q) === o.q)?.q ?? o.q))].filter((o) => !o.rank || o.rank > 3);
        failures[`${name} ${half}`] = missed.map(({ q, url, rank, top }) => ({ q, url, rank, top: top.slice(0, 3) }));
      }
    }
    const pairs = await diacriticPairs(pagefind, [...QUERIES, ...QUESTIONS], options);
    console.log(`same top result with and without diacritics: ${pairs.same}/${pairs.pairs} queries`);
    for (const d of pairs.differ) console.log(`    "${d.q}" → ${d.top}\n    "${d.plain}" → ${d.plainTop}`);
    const bundle = path.join(site, 'pagefind');
    // What a browser may download: Pagefind's script, WebAssembly, metadata, index and fragment files
    // (the stock UI files Pagefind also writes are not used by the site).
    const searchData = folderBytes(bundle, (rel) => !/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(rel));
    const index = {
      pages: indexing?.pages ?? fs.readdirSync(path.join(bundle, 'fragment')).length,
      indexingSeconds: indexing?.seconds ?? null,
      bundleBytes: folderBytes(bundle).bytes,
      searchDataBytes: searchData.bytes,
      searchDataFiles: searchData.files,
      indexChunksBytes: folderBytes(path.join(bundle, 'index')).bytes,
      fragmentsBytes: folderBytes(path.join(bundle, 'fragment')).bytes,
    };
    console.log(
      `index: ${index.pages} pages, ${(index.searchDataBytes / 1024).toFixed(0)} KB of search data in ${index.searchDataFiles} files` +
        ` (${(index.bundleBytes / 1024).toFixed(0)} KB with Pagefind's unused stock UI)${index.indexingSeconds !== null ? `, indexed in ${index.indexingSeconds} s` : ''}`,
    );
    // The reporting halves' misses stay out of sight unless asked for: tuning looks at the tuning halves only.
    for (const [label, list] of Object.entries(failures)) {
      if (!list.length || (label.endsWith('reporting') && !flag('show-reporting'))) continue;
      console.log(`\nNot in the top 3, ${label} (${list.length}):`);
      for (const f of list) console.log(`  "${f.q}" → rank ${f.rank ?? '>10'}; expected ${f.url}\n      got ${f.top.join('\n          ') || '(nothing)'}`);
    }
    const tuning = flag('tune') ? await tune(pagefind, weights) : undefined;

    const dir = path.join(import.meta.dirname, 'results');
    fs.mkdirSync(dir, { recursive: true });
    const result = { date: new Date().toISOString(), node: process.version, ranking, weights: options.plain ? null : weights, scores: report, diacriticPairs: pairs, index, failures, ...(tuning ? { tuning } : {}) };
    fs.writeFileSync(path.join(dir, options.plain ? 'search-relevance-plain.json' : 'search-relevance.json'), JSON.stringify(result, null, 2) + '\n');
  } finally {
    await stop();
  }
}

if (import.meta.main) {
  await main();
  process.exit(0);
}
