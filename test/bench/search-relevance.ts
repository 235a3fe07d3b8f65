/**
 * Benchmark of search relevance: builds the demo site from a freshly seeded Strapi (with its Pagefind index,
 * as `npm run build` does), runs every query of search-queries.json through Pagefind's own search code in
 * Node — normalised by `normalizeQuery` and ranked with SEARCH_RANKING, exactly as the search UI does — and
 * reports where the expected page lands.
 *
 *   npm run bench:search                      build, then measure
 *   npm run bench:search -- --site DIR        measure an already built site (DIR/pagefind/)
 *   npm run bench:search -- --site DIR --reindex   re-index DIR first (after changing synonyms or weights)
 *   npm run bench:search -- --site DIR --tune      also try ranking options around SEARCH_RANKING
 *   npm run bench:search -- --site DIR --ranking '{"termSimilarity":4}'   other options on top of SEARCH_RANKING
 *
 * Prints top-1, top-3, MRR (over the first 10 results) and the failures; writes
 * test/bench/results/search-relevance.json (ignored by git). Numbers, not assertions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { foldDiacritics, normalizeQuery, SEARCH_RANKING, type SearchRanking } from '@thads/shared';
import { buildSearchIndex } from '../../site/scripts/search-index.ts';
import { loadPagefind, type Pagefind } from '../helpers/pagefind.ts';
import { buildSite } from '../helpers/site.ts';
import { startStrapi } from '../helpers/strapi.ts';

export type RelevanceQuery = { q: string; url: string; kind?: 'paraphrase' | 'abbreviation' };
export const QUERIES: RelevanceQuery[] = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'search-queries.json'), 'utf8')).queries;

const DEPTH = 10;

export type QueryOutcome = RelevanceQuery & { rank: number | null; top: string[] };
export type Scores = { queries: number; top1: number; top3: number; mrr: number };

/** Where each query's expected page lands (1-based rank in the first DEPTH results, or null). */
export async function measure(pagefind: Pagefind, queries: RelevanceQuery[] = QUERIES): Promise<QueryOutcome[]> {
  const out: QueryOutcome[] = [];
  for (const query of queries) {
    const response = await pagefind.search(normalizeQuery(query.q));
    const top = await Promise.all(response.results.slice(0, DEPTH).map(async (r) => (await r.data()).url));
    const at = top.indexOf(query.url);
    out.push({ ...query, rank: at < 0 ? null : at + 1, top });
  }
  return out;
}

/** The queries written with diacritics whose top result changes when typed without them. */
export async function diacriticPairs(pagefind: Pagefind, queries: RelevanceQuery[] = QUERIES) {
  const top = async (q: string) => {
    const [first] = (await pagefind.search(normalizeQuery(q))).results;
    return first ? (await first.data()).url : null;
  };
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

/** Small grid around the chosen options, one option at a time, for the record (`--tune`). */
async function tune(site: string) {
  const grid: [keyof SearchRanking, number[]][] = [
    ['termSimilarity', [0, 1, 2, 4, 8, 12]],
    ['pageLength', [0, 0.25, 0.5, 0.75, 1]],
    ['termSaturation', [0.6, 1, 1.4, 2]],
    ['termFrequency', [0, 0.5, 1]],
    ['diacriticSimilarity', [0, 0.2, 0.8]],
  ];
  const metaGrid = Object.keys(SEARCH_RANKING.metaWeights ?? {}).map((key) => [key, [0, 1, 3, 5, 10, 20]] as const);
  const rows: { option: string; value: number; top1: number; top3: number; mrr: number }[] = [];
  for (const [option, values] of grid) {
    for (const value of values) {
      const s = scores(await measure(await loadPagefind(site, { ranking: { ...SEARCH_RANKING, [option]: value } })));
      rows.push({ option, value, ...s });
    }
  }
  for (const [key, values] of metaGrid) {
    for (const value of values) {
      const ranking = { ...SEARCH_RANKING, metaWeights: { ...SEARCH_RANKING.metaWeights, [key]: value } };
      const s = scores(await measure(await loadPagefind(site, { ranking })));
      rows.push({ option: `metaWeights.${key}`, value, ...s });
    }
  }
  console.log('\nRanking options, one at a time around SEARCH_RANKING:');
  for (const r of rows) console.log(`  ${r.option.padEnd(28)} ${String(r.value).padStart(5)}  top-1 ${pct(r.top1).padStart(7)}  top-3 ${pct(r.top3).padStart(7)}  MRR ${r.mrr.toFixed(3)}`);
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
    site = path.join(cms.tmp, 'site');
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
  try {
    const pagefind = await loadPagefind(site, { ranking });
    const outcomes = await measure(pagefind);
    const pairs = await diacriticPairs(pagefind);
    const all = scores(outcomes);
    const plain = scores(outcomes.filter((o) => /^[\x20-\x7e]*$/.test(o.q)));
    const accented = scores(outcomes.filter((o) => !/^[\x20-\x7e]*$/.test(o.q)));
    const byKind = Object.fromEntries(
      ['paraphrase', 'abbreviation'].map((k) => [k, scores(outcomes.filter((o) => o.kind === k))]),
    );
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

    console.log(`\nSearch relevance, ${all.queries} queries (npm run bench:search)`);
    console.log(`  all           top-1 ${pct(all.top1)}  top-3 ${pct(all.top3)}  MRR ${all.mrr.toFixed(3)}`);
    console.log(`  no diacritics top-1 ${pct(plain.top1)}  top-3 ${pct(plain.top3)}  MRR ${plain.mrr.toFixed(3)}  (${plain.queries})`);
    console.log(`  diacritics    top-1 ${pct(accented.top1)}  top-3 ${pct(accented.top3)}  MRR ${accented.mrr.toFixed(3)}  (${accented.queries})`);
    for (const [k, s] of Object.entries(byKind)) console.log(`  ${k.padEnd(13)} top-1 ${pct(s.top1)}  top-3 ${pct(s.top3)}  MRR ${s.mrr.toFixed(3)}  (${s.queries})`);
    console.log(`  same top result with and without diacritics: ${pairs.same}/${pairs.pairs} queries`);
    for (const d of pairs.differ) console.log(`    "${d.q}" → ${d.top}\n    "${d.plain}" → ${d.plainTop}`);
    console.log(
      `  index: ${index.pages} pages, ${(index.searchDataBytes / 1024).toFixed(0)} KB of search data in ${index.searchDataFiles} files` +
        ` (${(index.bundleBytes / 1024).toFixed(0)} KB with Pagefind's unused stock UI)${index.indexingSeconds !== null ? `, indexed in ${index.indexingSeconds} s` : ''}`,
    );
    const failures = outcomes.filter((o) => !o.rank || o.rank > 3);
    if (failures.length) {
      console.log(`\nNot in the top 3 (${failures.length}):`);
      for (const f of failures) console.log(`  "${f.q}" → rank ${f.rank ?? '>10'}; expected ${f.url}\n      got ${f.top.slice(0, 3).join('\n          ') || '(nothing)'}`);
    }
    const tuning = flag('tune') ? await tune(site) : undefined;

    const dir = path.join(import.meta.dirname, 'results');
    fs.mkdirSync(dir, { recursive: true });
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      ranking,
      scores: { all, noDiacritics: plain, diacritics: accented, ...byKind },
      diacriticPairs: pairs,
      index,
      failures: failures.map(({ q, url, rank, top }) => ({ q, url, rank, top: top.slice(0, 3) })),
      ...(tuning ? { tuning } : {}),
    };
    fs.writeFileSync(path.join(dir, 'search-relevance.json'), JSON.stringify(result, null, 2) + '\n');
  } finally {
    await stop();
  }
}

if (import.meta.main) {
  await main();
  process.exit(0);
}
