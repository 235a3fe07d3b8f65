/**
 * The site's query processing: what the search box does with what a reader typed, on top of Pagefind.
 * The search UI (site/src/components/islands/search-client.ts), the relevance benchmark and the tests all
 * call `searchSite`, so that what is measured is what readers get.
 *
 * Pagefind alone matches every word of a query (one word the page does not hold drops it), scores words one
 * by one (no weight for words being next to each other), and knows nothing of what a question is. So:
 *  1. `analyzeQuery`: the query as Pagefind gets it (`normalizeQuery`: phone shorthand spelt out, "đ" folded,
 *     numbers in one form), its folded words, and which of them only frame a question ("… thì xử lý thế
 *     nào", "có được … không", the interrogatives "ai", "ở đâu", "mấy");
 *  2. three passes: the whole query (strict), the query without its question frame (core), and a relaxed
 *     pass that searches each remaining word alone and ranks pages by the share of the query's information
 *     they hold (each word weighs its inverse document frequency, so a word most pages hold counts for
 *     little and a word the site does not hold counts for nothing) and by the share of its words they hold,
 *     counted alike and by where they stand (title or text): on a site where nearly every page holds the
 *     common syllables, one rare word the answer lacks must not outweigh the eight it holds; the same pass
 *     searches each pair of neighbouring words as a phrase (`"giao con"`, side by side) and weighs each pair
 *     by how few pages hold it: "giao" and "con" are on every page, "giao con" on one, which then becomes a
 *     candidate (the syllable-pair evidence of an unaccented query, and of a query whose other words the
 *     answer lacks);
 *  3. `rerank`: the best candidates of the three passes are read (Pagefind's fragment of each page, which
 *     the results list loads anyway) and scored by features of the page's own text: the information share
 *     of the query words it holds, in its title or question and anywhere, the query's syllable pairs it holds
 *     side by side, each weighing its own rarity when its phrase was searched (so "dinh gia lai tai san"
 *     prefers the page that writes "định giá lại tài sản" over pages holding "đình" and "giá" apart: the
 *     neighbour decides the reading of an unaccented syllable), where
 *     Pagefind ranked it, and whether the page is of the kind the query asks for: an answer (Q&A) for a
 *     question rather than news of a case, a unit's page for an address or a phone number, a legal document
 *     for a query naming one ("thông tư", "nghị định", "bộ luật").
 *  The weights (`RERANK_WEIGHTS`) were tuned on the tuning halves of the query sets only
 *  (test/bench/search-*.tuning.json, `npm run bench:search -- --tune`).
 */
import { foldDiacritics } from '../text/slug.ts';
import { SEARCH_FILTERS, SEARCH_META, SEARCH_TYPE_LABELS } from './contract.ts';
import { expandShorthand, normalizeQuery, searchKey } from './normalize.ts';
import { foldQueryNumbers } from './numbers.ts';
import { SEARCH_EXTRA_META } from './ranking.ts';
import { countSyllables, restoreDiacritics } from './restore.ts';

/* ─── Query analysis ─── */

/**
 * Words that frame a question rather than say what it is about, folded. Typed without diacritics some are
 * also content words ("toi" is "tôi" and "tối", "co" is "có" and "cơ"): those count as frame words only when
 * written with the diacritics of the frame reading (FRAME_ACCENTED).
 */
const FRAME_WORDS = new Set(['duoc', 'khong', 'gi', 'vay', 'nhe', 'oi', 'ai']);
/**
 * … and with the diacritics of the frame reading. The interrogatives ("ai", "gì", "nào", "đâu", "mấy") ask
 * and are not what is asked about: the answer says who, what or where, not "ai" ("tài sản kê biên giao cho
 * ai bảo quản" is answered by "… được giao cho … bảo quản"). "không ai" (nobody) is a pronoun too: "tiền
 * không ai nhận" is answered by a page on money "không đến nhận".
 */
const FRAME_ACCENTED = new Set(['có', 'tôi', 'ạ', 'à', 'nào', 'gì', 'thì', 'được', 'không', 'là', 'như', 'mình', 'hỏi', 'vậy', 'nhé', 'ơi', 'ai', 'đâu', 'mấy']);
/**
 * Phrases that frame a question, folded ("thi" alone is "thì" and the "thi" of "thi hành án"). "bao lâu",
 * "bao nhiêu" ask for a time or an amount: the answer gives it ("10 ngày", "30%"), it rarely says "bao lâu".
 */
const FRAME_PHRASES: string[][] = [
  ['thi', 'xu', 'ly', 'the', 'nao'],
  ['thi', 'xu', 'ly', 'ra', 'sao'],
  ['thi', 'phai', 'lam', 'gi'],
  ['thi', 'lam', 'gi'],
  ['thi', 'sao'],
  ['xu', 'ly', 'the', 'nao'],
  ['xu', 'ly', 'ra', 'sao'],
  ['giai', 'quyet', 'the', 'nao'],
  ['nhu', 'the', 'nao'],
  ['the', 'nao'],
  // "thế" frames only here: "thế chấp" (mortgage) is what a question is about.
  ['nhu', 'the'],
  ['ra', 'sao'],
  ['lam', 'sao'],
  ['phai', 'lam', 'gi'],
  ['lam', 'gi'],
  ['co', 'duoc', 'khong'],
  ['co', 'phai'],
  ['cho', 'hoi'],
  ['xin', 'hoi'],
  ['cho', 'biet'],
  ['phai', 'khong'],
  ['duoc', 'khong'],
  ['hay', 'khong'],
  ['co', 'khong'],
  ['o', 'dau'],
  ['bao', 'lau'],
  ['bao', 'nhieu'],
  ['khi', 'nao'],
  ['bao', 'gio'],
  ['tai', 'sao'],
  ['vi', 'sao'],
];
/** Question shapes, folded: a query holding one of these (or ending in "?") is a question. */
const QUESTION_SHAPES = [
  /\b(the nao|ra sao|lam sao|lam gi|bao lau|bao nhieu|o dau|khi nao|tai sao|vi sao|co phai|duoc khong|hay khong|phai khong|co khong)\b/,
  /^(co|ai|lam the nao|bao gio)\b.*\b(khong|gi|nao|dau)$/,
  /\b(co|duoc|bi)\b.*\bkhong$/,
  /\bai (phai|chiu|tra|giai quyet|quyet dinh)\b/,
  // "mấy năm", "may ngay": "máy" is never followed by a unit of time or count.
  /\bmay (ngay|thang|nam|tuan|gio|lan|nguoi|phan tram)\b/,
  // Ending on what is asked: "… thì sao", "… những gì", "… ngày nào", "… cho ai" ("không ai" is nobody).
  /\b(sao|gi|nao)$/,
  /(^|\b(?!khong |co |chang )\w+ )ai$/,
  /\b(bao gio|co cach nao)\b/,
  // "có được …", "có bị …", "có phải …", "có cần …": a yes/no question, even with its "không" left out.
  /\bco (duoc|bi|phai|can)\b/,
];
/** Units after which "may" typed without diacritics is "mấy" (how many), an interrogative. */
const COUNT_UNITS = new Set(['ngay', 'thang', 'nam', 'tuan', 'gio', 'lan', 'nguoi', 'phan']);

/** Asking for a contact: the unit's page answers ("địa chỉ", "số điện thoại", "trụ sở", "liên hệ"). */
const CONTACT = /\b(dia chi|dien thoai|sdt|so dt|lien he|tru so|lich tiep)\b/;
/** "… ở đâu" asks for a place when it names a unit ("phòng … khu vực 4 ở đâu"), not for "nộp đơn ở đâu". */
const UNIT_NAMES = /^(phong|chi cuc|cuc|van phong)\b/;
/** Naming a kind of legal text. */
const DOCUMENT = /^(thong tu|nghi dinh|bo luat|van ban|nghi quyet|quyet dinh so)\b|\b(thong tu|nghi dinh) (so )?\d/;

export type QueryWord = {
  /** As typed (NFC), numbers folded. */
  raw: string;
  /** Folded, lower case: the form compared with pages. */
  key: string;
  /** Only frames a question. */
  frame: boolean;
};

export type QueryAnalysis = {
  /** The kinds of page (SEARCH_TYPE_LABELS values) that answer this kind of query, best first. */
  wants: string[];
  /** What Pagefind gets for the whole query (normalizeQuery). */
  text: string;
  words: QueryWord[];
  /** The query without its question frame, as Pagefind gets it ('' when nothing is left or nothing was removed). */
  core: string;
  question: boolean;
};

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a query, its question frame and whether it is a question. */
export function analyzeQuery(query: string): QueryAnalysis {
  const text = normalizeQuery(query);
  // Words as typed (numbers folded, "đ" kept) to tell "tôi" from "toi".
  const typed = foldQueryNumbers(expandShorthand(query)).match(WORD) ?? [];
  const keys = typed.map((w) => searchKey(w));
  const frame = keys.map(() => false);
  for (const phrase of FRAME_PHRASES) {
    for (let i = 0; i + phrase.length <= keys.length; i++) {
      if (phrase.every((p, j) => keys[i + j] === p)) for (let j = 0; j < phrase.length; j++) frame[i + j] = true;
    }
  }
  typed.forEach((w, i) => {
    if (FRAME_ACCENTED.has(w.toLowerCase())) frame[i] = true;
    else if (FRAME_WORDS.has(keys[i]!) && foldDiacritics(w) === w) frame[i] = true;
    else if (keys[i] === 'may' && foldDiacritics(w) === w && COUNT_UNITS.has(keys[i + 1] ?? '')) frame[i] = true;
  });
  // A phrase only frames when something else is left: "thế nào" alone is what the reader looks for.
  if (frame.every(Boolean)) frame.fill(false);
  const words = typed.map((raw, i) => ({ raw, key: keys[i]!, frame: frame[i]! }));
  const folded = keys.join(' ');
  const question = /\?\s*$/.test(query) || QUESTION_SHAPES.some((re) => re.test(folded));
  const coreWords = words.filter((w) => !w.frame);
  const core = coreWords.length && coreWords.length < words.length ? coreWords.map((w) => normalizeQuery(w.raw)).join(' ') : '';
  const wants: string[] = [];
  if (CONTACT.test(folded) || (/\bo dau\b/.test(folded) && UNIT_NAMES.test(folded))) wants.push(SEARCH_TYPE_LABELS.unit);
  if (DOCUMENT.test(folded)) wants.push(SEARCH_TYPE_LABELS['legal-document']);
  if (question && !wants.length) wants.push(SEARCH_TYPE_LABELS['legal-qa']);
  return { wants, text, words, core, question };
}

/** The keys worth highlighting: the query's words without its question frame. */
export function highlightKeys(query: string): string[] {
  const { words } = analyzeQuery(query);
  const content = words.filter((w) => !w.frame);
  return (content.length ? content : words).map((w) => w.key);
}

/* ─── Searching ─── */

type Filters = Record<string, unknown>;
/** The part of Pagefind's result data used here. */
export type SearchData = { url: string; content: string; meta: Record<string, string | undefined>; filters?: Record<string, string[]> };
export type SearchHit = { id: string; score: number; data: () => Promise<SearchData> };
export type SearchResponse<R extends SearchHit = SearchHit> = { results: R[]; filters?: Record<string, Record<string, number>> };
/** The part of Pagefind's JS API used here (the browser's and the one the tests load in Node). */
export type PagefindLike<R extends SearchHit = SearchHit> = {
  search: (term: string | null, options?: { filters?: Filters }) => Promise<SearchResponse<R>>;
  /** Every filter value with its page count: the type filter's counts add up to the number of pages. */
  filters?: () => Promise<Record<string, Record<string, number>>>;
};

const pageCounts = new WeakMap<object, Promise<number>>();
/** The number of pages in the index (from the type filter's counts), once per Pagefind instance. */
function pageCount(pagefind: PagefindLike<SearchHit>): Promise<number> {
  let count = pageCounts.get(pagefind);
  if (!count) {
    count = (async () => Object.values((await pagefind.filters?.())?.[SEARCH_FILTERS.type] ?? {}).reduce((a, b) => a + b, 0))().catch(() => 0);
    pageCounts.set(pagefind, count);
  }
  return count;
}

/** Weights of the reranking features (see the header); tuned on the tuning halves only. */
export type RerankWeights = {
  /** Information share of the query's words that the page holds anywhere (text, title, hidden metadata). */
  coverage: number;
  /** … that its title or question holds. */
  titleCoverage: number;
  /**
   * Share of the query's words (those the site holds) that the page holds, each counting the same: a page
   * holding eight of nine words is not beaten by one holding the single rarest word and three others.
   */
  matched: number;
  /** Share of the query's syllable pairs found side by side in the page's text. */
  pairs: number;
  /** … in its title or question. */
  titlePairs: number;
  /** Pagefind's own score in the strict or core pass, relative to its first result's. */
  pagefind: number;
  /** The page is of the kind the query asks for (a question → Q&A, a contact → unit, a legal text → document). */
  answer: number;
  /**
   * The page is an answer (Q&A) and the query asks for no other kind (no unit, no legal text): short queries
   * such as "lãi chậm thi hành án" are questions without their frame.
   */
  qa: number;
};

/**
 * `npm run bench:search -- --tune` on the tuning halves of A, B and C (2026-12-07, 388 queries with and
 * without diacritics): Pagefind's own score at 0 and the information share at 1 (from 1 and 2) raised set C's
 * tuning half from top-1 87.9 % / MRR 0.923 to 92.8 % / 0.948, A and B unchanged: on pages nobody tuned on,
 * the page's own title, pairs and kind tell more than Pagefind's score of prefix-matched syllables. `matched`
 * and `qa` gained nothing there and stay at 0.
 */
export const RERANK_WEIGHTS: RerankWeights = {
  coverage: 1,
  titleCoverage: 2,
  matched: 0,
  pairs: 4,
  titlePairs: 2,
  pagefind: 0,
  answer: 2,
  qa: 0,
};

export type SearchSiteOptions = {
  filters?: Filters;
  weights?: RerankWeights;
  /** How many results of each pass are read and reranked (their fragments are loaded). */
  depth?: number;
  /** Pages of a relaxed pass are kept only if they hold at least this share of the query's information. */
  minCoverage?: number;
  /** Turns off the relaxed pass and the reranking (Pagefind alone, as before), for comparisons. */
  plain?: boolean;
  /**
   * While the reader types (the header's quick results): the relaxed pass only when the strict and core
   * passes found fewer than 3 pages, and every word weighing the same. Fewer searches per keystroke.
   */
  quick?: boolean;
  /**
   * Searches each pair of neighbouring query words as a phrase (`"giao con"`) in the relaxed pass: the pages
   * holding the most of them side by side become candidates, and each pair weighs its rarity in the
   * reranking (default true; the quick mode never does: one more search per pair).
   */
  pairs?: boolean;
  /** Called with every reranked candidate, its features and score (diagnostics: the benchmark's --explain). */
  explain?: (rows: { url: string; score: number; features: Record<string, number> }[]) => void;
};

export type SiteSearch<R extends SearchHit> = {
  analysis: QueryAnalysis;
  /** Best first: the reranked candidates, then the rest of the strict (or core) pass. */
  results: R[];
  /** The Pagefind response whose filter counts describe the results (strict, else core, else a word's). */
  response: SearchResponse<R> | undefined;
  /**
   * The reading of each query word (as `analysis.words`), diacritics restored from the syllable pairs of the
   * pages found (restore.ts), lower case; `seen` when the pages hold that reading.
   */
  restored: { word: string; seen: boolean }[];
};

/** Memoised `data()`: a result's fragment is fetched once for reranking and display. */
function memoised<R extends SearchHit>(result: R): R {
  if ((result as { __memo?: true }).__memo) return result;
  let data: Promise<SearchData> | undefined;
  const load = result.data.bind(result);
  return Object.assign(Object.create(Object.getPrototypeOf(result)), result, {
    __memo: true,
    data: () => (data ??= load()),
  }) as R;
}

/** Folded words of a text, numbers without leading zeros ("05 năm" is "5 nam", as the query has it). */
const keysOf = (text: string | undefined) => (text ? (searchKey(text).match(WORD) ?? []).map((w) => (/^0\d/.test(w) ? w.replace(/^0+(?=\d)/, '') : w)) : []);

type Features = { coverage: number; titleCoverage: number; matched: number; pairs: number; titlePairs: number; answer: number; qa: number };

/** The reranking features of one page for a query (exported for the unit tests). */
export function pageFeatures(analysis: QueryAnalysis, data: SearchData, idf: Map<string, number>, pairIdf: Map<string, number> = new Map()): Features {
  const title = data.meta[SEARCH_META.title] ?? '';
  // Numbers in the form the query has them ("hai năm" → "2 năm", "30%" → "30"), for the pairs to meet; only
  // when the query holds a number (reading the page's number words costs time at every keystroke).
  const numbers = analysis.words.some((w) => /\d/.test(w.key)) ? foldQueryNumbers : (text: string) => text;
  const titleSeq = keysOf(numbers(title));
  const textSeq = keysOf(numbers(data.content));
  const hidden = [SEARCH_EXTRA_META.title, SEARCH_EXTRA_META.question, SEARCH_EXTRA_META.body].flatMap((k) => keysOf(data.meta[k]));
  const titleWords = new Set([...titleSeq, ...keysOf(data.meta[SEARCH_EXTRA_META.title]), ...keysOf(data.meta[SEARCH_EXTRA_META.question])]);
  const allWords = new Set([...titleWords, ...textSeq, ...hidden]);
  const content = analysis.words.filter((w) => !w.frame);
  const wanted = [...new Set((content.length ? content : analysis.words).map((w) => w.key))];
  const total = wanted.reduce((s, k) => s + (idf.get(k) ?? 1), 0) || 1;
  const share = (has: Set<string>) => wanted.reduce((s, k) => s + (has.has(k) ? (idf.get(k) ?? 1) : 0), 0) / total;
  // Words the site does not hold at all (weight 0) are left out of the count.
  const known = wanted.filter((k) => idf.get(k) !== 0);
  // Syllable pairs of the query, at least one of them not a frame word. Each pair weighs its own information
  // when its phrase search told how many pages hold it side by side ("giao con": few, though "giao" and "con"
  // are on every page), else the mean information of its syllables: "van phong" counts, "thi hanh" hardly.
  const pairs: { pair: string; weight: number }[] = [];
  const weightOf = (w: QueryWord) => (w.frame ? 0 : (idf.get(w.key) ?? 1));
  for (let i = 0; i + 1 < analysis.words.length; i++) {
    const [a, b] = [analysis.words[i]!, analysis.words[i + 1]!];
    const pair = `${a.key} ${b.key}`;
    if (!(a.frame && b.frame)) pairs.push({ pair, weight: pairIdf.get(pair) ?? (weightOf(a) + weightOf(b)) / 2 });
  }
  const pairTotal = pairs.reduce((s, p) => s + p.weight, 0);
  const pairSet = (seq: string[]) => {
    const out = new Set<string>();
    for (let i = 0; i + 1 < seq.length; i++) out.add(`${seq[i]} ${seq[i + 1]}`);
    return out;
  };
  const inText = pairSet(textSeq);
  // The question's folded field keeps the order of its first occurrences: good enough for pairs.
  const inTitle = new Set([...pairSet(titleSeq), ...pairSet(keysOf(data.meta[SEARCH_EXTRA_META.question]))]);
  const pairShare = (set: Set<string>) => (pairTotal ? pairs.reduce((s, p) => s + (set.has(p.pair) ? p.weight : 0), 0) / pairTotal : 0);
  const type = data.filters?.[SEARCH_FILTERS.type]?.[0];
  return {
    coverage: share(allWords),
    titleCoverage: share(titleWords),
    matched: known.length ? known.filter((k) => allWords.has(k)).length / known.length : 0,
    pairs: pairShare(inText),
    titlePairs: pairShare(inTitle),
    answer: type !== undefined && analysis.wants.includes(type) ? 1 : 0,
    qa: type === SEARCH_TYPE_LABELS['legal-qa'] && !analysis.wants.some((w) => w !== SEARCH_TYPE_LABELS['legal-qa']) ? 1 : 0,
  };
}

/**
 * The pairs of neighbouring query words worth searching as phrases (not two frame words), each with the
 * phrases Pagefind gets: a quoted phrase matches words exactly and side by side, in the text or within one
 * metadata field. Pagefind folds tone marks but not "đ": a word starting with "d" is also tried with "đ",
 * since the text holds "đơn" ("đon" to Pagefind) and only the title and question fields hold "don".
 */
export function pairPhrases(words: QueryWord[]): { pair: string; phrases: string[] }[] {
  const forms = (w: QueryWord) => (/^[a-z0-9]+$/.test(w.key) ? (w.key.startsWith('d') ? [w.key, `đ${w.key.slice(1)}`] : [w.key]) : []);
  const out = new Map<string, string[]>();
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    if (a.frame && b.frame) continue;
    const pair = `${a.key} ${b.key}`;
    if (out.has(pair)) continue;
    const phrases = forms(a).flatMap((x) => forms(b).map((y) => `"${x} ${y}"`));
    if (phrases.length) out.set(pair, phrases);
  }
  return [...out].map(([pair, phrases]) => ({ pair, phrases }));
}

/**
 * Searches the site as the search box does (see the header). Sorting by date is Pagefind's (call
 * `pagefind.search` with `sort`): reranking is for relevance.
 */
export async function searchSite<R extends SearchHit>(pagefind: PagefindLike<R>, query: string, options: SearchSiteOptions = {}): Promise<SiteSearch<R>> {
  const { filters = {}, weights = RERANK_WEIGHTS, depth = 8, minCoverage = 0.5 } = options;
  const analysis = analyzeQuery(query);
  const asTyped = analysis.words.map((w) => ({ word: w.raw.toLowerCase(), seen: false }));
  if (!analysis.text) return { analysis, results: [], response: undefined, restored: asTyped };
  const strict = await pagefind.search(analysis.text, { filters });
  if (options.plain) return { analysis, results: strict.results, response: strict, restored: asTyped };
  const core = analysis.core ? await pagefind.search(analysis.core, { filters }) : undefined;

  // Relaxed pass: each word alone, weighed by its inverse document frequency.
  const content = analysis.words.filter((w) => !w.frame);
  const distinct = [...new Map((content.length ? content : analysis.words).map((w) => [w.key, w])).values()];
  const idf = new Map<string, number>();
  const relaxed = new Map<string, { result: R; weight: number; score: number; count: number; prominence: number; pairs: number }>();
  /** Inverse document frequency of each query pair found side by side (its phrase search). */
  const pairIdf = new Map<string, number>();
  // The relaxed pass costs one search per word. A short query whose words are all on enough pages does
  // not need it (nor does the quick mode when a few pages hold every word).
  const found = Math.max(strict.results.length, core?.results.length ?? 0);
  const enough = options.quick ? found >= 3 : found >= depth && distinct.length <= 3;
  if (distinct.length > 1 && !enough) {
    const [single, total] = await Promise.all([Promise.all(distinct.map((w) => pagefind.search(normalizeQuery(w.raw), { filters }))), pageCount(pagefind)]);
    // Filtered, a word's list is out of the filtered pages: the largest list stands for their number then.
    const n = Math.max(total, ...single.map((r) => r.results.length), 1);
    single.forEach((response, i) => {
      const df = response.results.length;
      // A word the site does not hold weighs nothing; one every page holds, almost nothing.
      const weight = df ? Math.max(Math.log((n + 1) / (df + 0.5)), 0.05) : 0;
      idf.set(distinct[i]!.key, weight);
      const top = response.results[0]?.score || 1;
      for (const r of response.results) {
        const entry = relaxed.get(r.id) ?? { result: r, weight: 0, score: 0, count: 0, prominence: 0, pairs: 0 };
        entry.weight += weight;
        entry.count++;
        // Where each word is, words counted alike: common words in the title still tell the page apart.
        if (weight > 0) entry.prominence += r.score / top;
        // Where the word is (title, question, text) as Pagefind scores it.
        entry.score += weight * (r.score / top);
        relaxed.set(r.id, entry);
      }
    });
    // Pairs side by side: a pair few pages hold ("giao con") tells the page apart where its syllables alone
    // ("giao", "con") are on every page.
    const pairs = options.quick || options.pairs === false ? [] : pairPhrases(analysis.words);
    const pairResults = await Promise.all(pairs.map(async (p) => (await Promise.all(p.phrases.map((q) => pagefind.search(q, { filters })))).flatMap((r) => r.results)));
    pairs.forEach((p, i) => {
      const pages = new Map(pairResults[i]!.map((r) => [r.id, r]));
      if (!pages.size) return;
      const weight = Math.max(Math.log((n + 1) / (pages.size + 0.5)), 0.05);
      pairIdf.set(p.pair, weight);
      for (const r of pages.values()) {
        const entry = relaxed.get(r.id) ?? { result: r, weight: 0, score: 0, count: 0, prominence: 0, pairs: 0 };
        entry.pairs += weight;
        relaxed.set(r.id, entry);
      }
    });
  }
  const pairsFound = [...relaxed.values()].some((e) => e.pairs > 0);
  const totalWeight = [...idf.values()].reduce((a, b) => a + b, 0) || 1;
  const knownWords = [...idf.values()].filter((w) => w > 0).length || 1;
  // A relaxed page's share of the query: of its information, or of its words counted alike, whichever is more.
  const relaxedShare = (e: { weight: number; count: number }) => Math.max(e.weight / totalWeight, e.count / knownWords);

  // Candidates: the first results of each pass.
  const candidates = new Map<string, R>();
  const rankOf = new Map<string, number>();
  const add = (list: R[], pagefindRank: boolean, factor = 1) => {
    const top = list[0]?.score || 1;
    list.slice(0, depth).forEach((r) => {
      if (!candidates.has(r.id)) candidates.set(r.id, memoised(r));
      if (pagefindRank) rankOf.set(r.id, Math.max(rankOf.get(r.id) ?? 0, (factor * r.score) / top));
    });
  };
  add(strict.results, true);
  if (core) add(core.results, true, 0.8);
  const relaxedRank = (e: { weight: number; score: number; count: number; prominence: number }) => (e.weight + e.score) / totalWeight + (e.count + e.prominence) / knownWords;
  const relaxedTop = [...relaxed.values()]
    .filter((e) => relaxedShare(e) >= minCoverage)
    .sort((a, b) => relaxedRank(b) - relaxedRank(a))
    .map((e) => e.result);
  add(relaxedTop, false);
  // … and the pages holding the most of the query's pairs side by side.
  if (pairsFound) {
    add(
      [...relaxed.values()]
        .filter((e) => e.pairs > 0)
        .sort((a, b) => b.pairs - a.pairs || relaxedRank(b) - relaxedRank(a))
        .map((e) => e.result),
      false,
    );
  }

  const texts: string[] = [];
  const scored = await Promise.all(
    [...candidates.values()].map(async (r) => {
      const data = await r.data();
      texts.push(data.meta[SEARCH_META.title] ?? '', data.content);
      const f = pageFeatures(analysis, data, idf, pairIdf);
      const score =
        weights.coverage * f.coverage +
        weights.titleCoverage * f.titleCoverage +
        weights.matched * f.matched +
        weights.pairs * f.pairs +
        weights.titlePairs * f.titlePairs +
        weights.pagefind * (rankOf.get(r.id) ?? 0) +
        weights.answer * f.answer +
        weights.qa * f.qa;
      return { r, score, coverage: Math.max(f.coverage, f.matched), url: data.url, f };
    }),
  );
  options.explain?.(scored.map((s) => ({ url: s.url, score: +s.score.toFixed(3), features: { ...s.f, pagefind: +(rankOf.get(s.r.id) ?? 0).toFixed(3) } })).sort((a, b) => b.score - a.score));
  // A relaxed candidate whose text turns out to hold too little of the query is dropped.
  const kept = scored.filter((s) => rankOf.has(s.r.id) || s.coverage >= minCoverage);
  kept.sort((a, b) => b.score - a.score);
  const base = strict.results.length ? strict : core?.results.length ? core : undefined;
  const seen = new Set(kept.map((s) => s.r.id));
  const rest = (base?.results ?? []).filter((r) => !seen.has(r.id)).map(memoised);
  const response = base ?? (relaxedTop.length ? strict : undefined);
  const counts = countSyllables(texts);
  const restored = restoreDiacritics(
    analysis.words.map((w) => w.raw),
    counts,
  ).map((word) => ({ word, seen: counts.unigrams.has(word) }));
  return { analysis, results: [...kept.map((s) => s.r), ...rest], response, restored };
}
