/**
 * Restoring the diacritics of a query typed without them, from the site's own text: "dinh gia lai tai san"
 * → "định giá lại tài sản". Each unaccented syllable has several readings ("dinh": định, đình, đinh, dính…);
 * the pair it forms with its neighbour decides, as counted in the text of the pages found (the fragments the
 * results list loads anyway, so nothing more is downloaded): the sequence of readings whose syllable pairs
 * (bigrams) the text holds most often wins, single syllables' counts breaking ties (Viterbi).
 *
 * Used by the search UI to highlight exactly the words meant ("thi hanh an" marks "thi hành án" and not the
 * "thì" of another sentence), and available to anything else that wants the reading of a query.
 */
import { toNFC } from '../text/normalize.ts';
import { searchKey } from './normalize.ts';

const WORD = /[\p{L}\p{N}]+/gu;

export type SyllableCounts = {
  /** Accented syllable (lower case, NFC) → count. */
  unigrams: Map<string, number>;
  /** "a b" of two accented syllables side by side → count. */
  bigrams: Map<string, number>;
  /** Folded syllable → its accented readings seen. */
  readings: Map<string, Set<string>>;
};

/** Counts the syllables and syllable pairs of texts (lower case, NFC, diacritics kept). */
export function countSyllables(texts: Iterable<string>, counts: SyllableCounts = { unigrams: new Map(), bigrams: new Map(), readings: new Map() }): SyllableCounts {
  for (const text of texts) {
    // A sentence break stops a pair: "… đình. Giá …" is no pair.
    for (const sentence of toNFC(text).toLowerCase().split(/[.!?;:()\n]+/)) {
      const words = sentence.match(WORD) ?? [];
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        counts.unigrams.set(w, (counts.unigrams.get(w) ?? 0) + 1);
        const key = searchKey(w);
        if (!counts.readings.has(key)) counts.readings.set(key, new Set());
        counts.readings.get(key)!.add(w);
        if (i > 0) {
          const pair = `${words[i - 1]} ${w}`;
          counts.bigrams.set(pair, (counts.bigrams.get(pair) ?? 0) + 1);
        }
      }
    }
  }
  return counts;
}

/**
 * The most likely accented reading of each word of a query. A word typed with diacritics (or a number, or a
 * word the texts do not hold) stays as typed; lower case.
 */
export function restoreDiacritics(words: string[], counts: SyllableCounts): string[] {
  if (!words.length) return [];
  const options = words.map((raw) => {
    const typed = toNFC(raw).toLowerCase();
    const key = searchKey(typed);
    if (key !== typed) return [typed]; // typed with diacritics (or "đ"): the reader chose
    const seen = counts.readings.get(key);
    return seen && seen.size ? [...seen] : [typed];
  });
  const uni = (w: string) => Math.log(1 + (counts.unigrams.get(w) ?? 0));
  const bi = (a: string, b: string) => Math.log(1 + (counts.bigrams.get(`${a} ${b}`) ?? 0));
  // Viterbi: a pair seen side by side outweighs any number of single occurrences.
  let best = options[0]!.map((w) => ({ score: uni(w), path: [w] }));
  for (let i = 1; i < options.length; i++) {
    best = options[i]!.map((w) => {
      let top = { score: -Infinity, path: [] as string[] };
      for (const prev of best) {
        const score = prev.score + 4 * bi(prev.path.at(-1)!, w) + uni(w);
        if (score > top.score) top = { score, path: [...prev.path, w] };
      }
      return top;
    });
  }
  return best.reduce((a, b) => (b.score > a.score ? b : a)).path;
}
