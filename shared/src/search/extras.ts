/**
 * What the index holds besides a page's own words (computed at build time, see `index-html.ts`):
 *  - the fully folded form of every word that holds a "đ" ("Điều" → "dieu", "NĐ-CP" → "ndcp" and "nd"),
 *    since Pagefind folds tone and vowel marks but not "đ", while the search box folds "đ" to "d";
 *  - the words of the synonyms (`synonyms.ts`) whose other side the text holds.
 * Everything here is lower-case ASCII, the form Pagefind compares words in once a query is folded.
 */
import { toNFC } from '../text/normalize.ts';
import { foldedDWords, searchKey } from './normalize.ts';
import { SYNONYMS, type SynonymEntry } from './synonyms.ts';

/** Folded words of a text, punctuation dropped: "62/2015/NĐ-CP ngày" → ["62", "2015", "nd", "cp", "ngay"]. */
export function foldedWords(text: string): string[] {
  // Folding works letter by letter: the whole text at once is the same as word by word, and much faster.
  return searchKey(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The forms Pagefind gives one whitespace-separated token, folded: the token with its punctuation removed,
 * which is what a query typed the same way becomes ("NĐ-CP" → "ndcp"), and its parts ("nd", "cp").
 */
export function tokenForms(token: string): string[] {
  const parts = foldedWords(token);
  if (parts.length === 0) return [];
  return parts.length === 1 ? parts : [parts.join(''), ...parts];
}

type CompiledPhrase = { text: string; words: string[] };
type CompiledEntry = { match: CompiledPhrase[]; add: string[] };

const phrase = (term: string): CompiledPhrase => {
  const folded = foldedWords(term);
  return { text: ` ${folded.join(' ')} `, words: folded };
};

/** Synonym entries as folded phrases to look for and terms to add. */
export function compileSynonyms(entries: SynonymEntry[] = SYNONYMS): CompiledEntry[][] {
  return entries.map((entry) => {
    if ('same' in entry) {
      // Each term brings the others.
      return entry.same.map((term) => ({ match: [phrase(term)], add: entry.same.filter((t) => t !== term) }));
    }
    return [{ match: entry.when.map(phrase), add: entry.add }];
  });
}

const DEFAULT_COMPILED = compileSynonyms();

/** The synonym terms (as written in the list) that apply to `text`. */
export function synonymTerms(text: string, compiled: CompiledEntry[][] = DEFAULT_COMPILED): string[] {
  const folded = foldedWords(text);
  const present = new Set(folded);
  const haystack = ` ${folded.join(' ')} `;
  // A phrase can only be there if all its words are: checked first, it spares most substring searches.
  const found = (p: CompiledPhrase) => p.words.length > 0 && p.words.every((w) => present.has(w)) && haystack.includes(p.text);
  const out = new Set<string>();
  for (const group of compiled) {
    for (const rule of group) {
      if (rule.match.some(found)) for (const term of rule.add) out.add(term);
    }
  }
  return [...out];
}

/** The folded forms of the words of `terms`, each token with its compound and part forms. */
export function termForms(terms: string[]): string[] {
  const out = new Set<string>();
  for (const term of terms) for (const token of toNFC(term).split(/\s+/)) for (const form of tokenForms(token)) out.add(form);
  return [...out];
}

/**
 * Everything the index should hold for `text` besides its own words: the folded forms of its "đ" words
 * and the words its synonyms bring. Distinct, in a stable order.
 */
export function searchExtras(text: string, compiled: CompiledEntry[][] = DEFAULT_COMPILED): string[] {
  const out = new Set(foldedDWords(text));
  for (const form of termForms(synonymTerms(text, compiled))) out.add(form);
  return [...out];
}
