/**
 * Search text in Vietnamese. Pagefind folds tone and vowel marks by itself but not "đ" (a letter of its
 * own): typed without diacritics, every word with "đ" would miss. So the index gets the fully folded
 * form of every word that holds a "đ" (see `extraSearchTerms`), and queries fold "đ" to "d".
 */
import { foldDiacritics } from '../text/slug.ts';
import { toNFC } from '../text/normalize.ts';

/** What the search box sends to Pagefind: NFC, single spaces, "đ" folded to "d". */
export function normalizeQuery(query: string): string {
  return toNFC(query).replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D')).replace(/\s+/g, ' ').trim();
}

/** Lower-case ASCII form used to compare words regardless of diacritics. */
export function searchKey(text: string): string {
  return foldDiacritics(toNFC(text)).toLowerCase();
}

/** Words of a text (letters and digits, Vietnamese included). */
export function words(text: string): string[] {
  return toNFC(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The distinct fully-folded forms of the words that contain "đ", e.g. "Điều kiện đất" → ["dieu", "dat"]. */
export function foldedDWords(text: string): string[] {
  const out = new Set<string>();
  for (const w of words(text)) if (/[đĐ]/.test(w)) out.add(searchKey(w));
  return [...out];
}
