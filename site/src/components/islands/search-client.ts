/**
 * The search island's access to Pagefind (its JS API, not the stock UI): loads the index bundle on first
 * use, runs searches with filters and sort, counts results per filter value, and turns Pagefind's results
 * into what a result shows (title, type, Vietnamese date, unit, highlighted excerpt).
 * Every query goes through `normalizeQuery` (folds "đ" to "d", which Pagefind does not, and writes numbers
 * one way); ranked by relevance, through the site's query processing `searchSite` (shared/src/search/query.ts:
 * a relaxed pass for queries whose words are not all on the answer, and a reranking by the words' information,
 * their neighbours and the question's shape), the same code the relevance benchmark measures.
 */
import { dateFromSearchMeta, formatDateLong, normalizeQuery, searchSite, SEARCH_FILTERS, SEARCH_META, SEARCH_RANKING, SEARCH_SORT_DATE, type SearchRanking } from '@thads/shared';
import { highlight, parseExcerpt, queryKeys, readingKeys, type HighlightKey, type Segment } from './highlight.ts';
import { FILTER_KEYS, isActive, type FilterKey, type SearchState } from './search-state.ts';

/** Pagefind's ranking options, tuned for Vietnamese with the index (shared/src/search/ranking.ts). */
const RANKING: SearchRanking = SEARCH_RANKING;

/** Where the site build writes Pagefind's bundle (site/scripts/build.ts). */
export const PAGEFIND_URL = '/pagefind/pagefind.js';

/* ─── Pagefind's JS API, the part used here ─── */
type FilterCounts = Record<string, Record<string, number>>;
type PagefindData = { url: string; excerpt: string; content: string; meta: Record<string, string | undefined>; filters: Record<string, string[]> };
type PagefindResult = { id: string; score: number; data: () => Promise<PagefindData> };
type PagefindResponse = { results: PagefindResult[]; unfilteredResultCount: number; filters: FilterCounts; totalFilters: FilterCounts };
type Pagefind = {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  preload: (term: string, options?: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindResponse>;
  filters: () => Promise<FilterCounts>;
};

let loading: Promise<Pagefind> | undefined;
let allFilters: Promise<FilterCounts> | undefined;

/** Loads Pagefind once per page (its script, WebAssembly and index metadata); later calls share it. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = PAGEFIND_URL;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ excerptLength: 28, ranking: RANKING });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Starts fetching the index chunks for a query while the reader is still typing. */
export async function preload(query: string): Promise<void> {
  const term = normalizeQuery(query);
  if (term) await (await loadPagefind()).preload(term);
}

/** Counts of results per filter value, by our filter keys. */
export type Counts = Partial<Record<FilterKey, Record<string, number>>>;

export type Outcome = {
  state: SearchState;
  /** Number of pages matching the query and filters. */
  total: number;
  counts: Counts;
  /** The query's words to highlight: the reading the pages found hold, else their searchKey. */
  keys: HighlightKey[];
  results: PagefindResult[];
};

const toPagefindFilters = (filters: SearchState['filters'], without?: FilterKey) => {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (key !== without && filters[key]) out[SEARCH_FILTERS[key]] = filters[key]!;
  return out;
};

/**
 * Every filter value with its page count. Also makes Pagefind load its filter index, without which a search
 * returns no counts per value: called once before the first search that shows counts.
 */
function totalCounts(pagefind: Pagefind): Promise<FilterCounts> {
  allFilters ??= pagefind.filters();
  allFilters.catch(() => (allFilters = undefined));
  return allFilters;
}

const byOurKeys = (counts: FilterCounts): Counts => Object.fromEntries(FILTER_KEYS.map((key) => [key, counts[SEARCH_FILTERS[key]] ?? {}]));

/**
 * Runs a search. Counts per filter value are those of the current query: for a filter that has a value
 * chosen, the counts are computed without that filter (so its other values still show how many they hold).
 * An empty query with a filter lists everything under that filter; with neither, nothing is searched.
 * `quick`: the header's results while typing (searchSite's quick mode: fewer searches per keystroke).
 */
export async function runSearch(state: SearchState, { counts = true, quick = false } = {}): Promise<Outcome> {
  const pagefind = await loadPagefind();
  const term = normalizeQuery(state.q) || null;
  let keys: HighlightKey[] = term ? queryKeys(state.q) : [];
  if (counts) await totalCounts(pagefind);
  if (!isActive(state)) {
    return { state, total: 0, counts: counts ? byOurKeys(await totalCounts(pagefind)) : {}, keys, results: [] };
  }
  const sort = state.sort === 'date' || !term ? { [SEARCH_SORT_DATE]: 'desc' as const } : undefined;
  const filters = toPagefindFilters(state.filters);
  let results: PagefindResult[];
  let response: PagefindResponse | undefined;
  if (sort) {
    response = await pagefind.search(term, { filters, sort });
    results = response.results;
  } else {
    const found = await searchSite(pagefind, state.q, { filters, quick });
    results = found.results;
    response = found.response as PagefindResponse | undefined;
    keys = readingKeys(found.analysis.words, found.restored);
  }
  const outcome: Outcome = { state, total: results.length, counts: {}, keys, results };
  if (counts) {
    outcome.counts = byOurKeys(response?.filters ?? {});
    const chosen = FILTER_KEYS.filter((key) => state.filters[key]);
    await Promise.all(
      chosen.map(async (key) => {
        const others = toPagefindFilters(state.filters, key);
        const all = Object.keys(others).length || term ? await pagefind.search(term, { filters: others }) : undefined;
        outcome.counts[key] = (all ? all.filters : await totalCounts(pagefind))[SEARCH_FILTERS[key]] ?? {};
      }),
    );
  }
  return outcome;
}

/** What one result shows. */
export type Hit = {
  id: string;
  url: string;
  title: Segment[];
  type?: string;
  /** "Thứ Ba, 14/05/2024" and its ISO form for <time datetime>. */
  date?: { label: string; iso: string };
  unit?: string;
  excerpt: Segment[];
};

function dateOf(value: string | undefined): Hit['date'] {
  if (!value) return undefined;
  try {
    return { label: formatDateLong(value), iso: value.slice(0, 10) };
  } catch {
    return undefined;
  }
}

/** Loads the data of results [from, from + count) and shapes them for display. */
export async function loadHits(outcome: Outcome, from: number, count: number): Promise<Hit[]> {
  const slice = outcome.results.slice(from, from + count);
  const data = await Promise.all(slice.map((r) => r.data()));
  return data.map((d, i) => {
    const meta = d.meta;
    const title = meta[SEARCH_META.title] || d.url;
    return {
      id: slice[i]!.id,
      url: d.url,
      title: highlight(title, outcome.keys),
      type: d.filters[SEARCH_FILTERS.type]?.[0],
      date: dateOf(dateFromSearchMeta(meta[SEARCH_META.date])),
      unit: d.filters[SEARCH_FILTERS.unit]?.[0] || undefined,
      excerpt: highlight(parseExcerpt(d.excerpt), outcome.keys),
    };
  });
}

/** "12 kết quả cho “thi hanh an”" — what the live region says once results have settled. */
export function resultsMessage(total: number, query: string): string {
  const q = query.trim();
  if (!q) return total ? `${total} kết quả` : 'Không có kết quả nào';
  return total ? `${total} kết quả cho “${q}”` : `Không tìm thấy kết quả nào cho “${q}”`;
}
