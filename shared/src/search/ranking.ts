/**
 * How search results are ranked, tuned for Vietnamese on the demo content with `npm run bench:search`
 * (test/bench/search-relevance.ts; numbers in site/README.md, section "Search").
 *
 * Two halves that belong together:
 *  - weights written into the pages (`data-pagefind-weight`, SEARCH_WEIGHTS) and the metadata fields the
 *    build adds with the folded words and synonyms (SEARCH_EXTRA_META, see index-html.ts);
 *  - Pagefind's ranking options (SEARCH_RANKING), which the search UI passes to `pagefind.options({ ranking })`.
 */
import { SEARCH_META } from './contract.ts';

/** `data-pagefind-weight` of the parts of a page (Pagefind's scale: 0–10, body text 1, h1 7 by default). */
export const SEARCH_WEIGHTS = {
  /** The page's title (h1) and, for a legal document, its full name. */
  title: 10,
  /** The citizen's question on a legal Q&A page. */
  question: 3,
  /** Side text that still says what the page is about but less than its body (citations, contact lists). */
  minor: 0.5,
} as const;

/**
 * Metadata fields added by the build (never written in the pages, never shown): the folded words and the
 * synonyms of each part of the page. Searchable like every Pagefind metadata field; their weight in the
 * ranking is set in SEARCH_RANKING.metaWeights.
 */
export const SEARCH_EXTRA_META = {
  /** The title folded in full ("dieu kien thi hanh an"), and the synonyms of the title. */
  title: 'tk-tieu-de',
  /** The question folded in full, and its synonyms (Q&A). */
  question: 'tk-cau-hoi',
  /** The folded "đ" words and the synonyms of the rest of the page. */
  body: 'tk-noi-dung',
} as const;

/** Pagefind's ranking options (`pagefind.options({ ranking: SEARCH_RANKING })`). */
export type SearchRanking = {
  termSimilarity?: number;
  pageLength?: number;
  termSaturation?: number;
  termFrequency?: number;
  diacriticSimilarity?: number;
  metaWeights?: Record<string, number>;
};

/**
 * Chosen with `npm run bench:search -- --tune` and a grid over termSimilarity × the three extra fields ×
 * pageLength (128 queries; see site/README.md, "Search"):
 *  - the extra title and question fields carry the ranking: a page whose title (or question) holds every
 *    word of the query, with or without diacritics, comes first. Their boost is Pagefind's
 *    weight × IDF × coverage², so a field that holds only some of the words counts for little;
 *  - `title` itself is 0: the folded title field replaces it (the search box folds "đ", so the real title
 *    never matches a "đ" word and would only half-count);
 *  - termSimilarity 2: Pagefind matches every query word as a prefix ("an" finds "anh", "chi" finds
 *    "chính"), which short Vietnamese syllables make noisy; 2 favours words of the typed length. Higher
 *    values raised top-1 but lost top-3 answers whose page uses a longer word;
 *  - diacriticSimilarity 0: a query typed without diacritics must rank like the same query with them
 *    (test/site/search.test.ts checks the top result of every pair). 0.8 gained one top-1 answer and
 *    changed the top result of another pair;
 *  - pageLength, termSaturation, termFrequency: Pagefind's defaults; no setting in the grid did better.
 */
export const SEARCH_RANKING: SearchRanking = {
  termSimilarity: 2,
  pageLength: 0.75,
  termSaturation: 1.4,
  termFrequency: 1,
  diacriticSimilarity: 0,
  metaWeights: {
    [SEARCH_META.title]: 0,
    [SEARCH_EXTRA_META.title]: 5,
    [SEARCH_EXTRA_META.question]: 3,
    [SEARCH_EXTRA_META.body]: 1,
    // Shown, not ranked (the date is one word no query reaches, see searchDateMeta).
    [SEARCH_META.date]: 0,
    [SEARCH_META.image]: 0,
    [SEARCH_META.imageAlt]: 0,
  },
};
