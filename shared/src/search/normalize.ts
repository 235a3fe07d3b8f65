/**
 * Search text in Vietnamese. Pagefind folds tone and vowel marks by itself but not "đ" (a letter of its
 * own): typed without diacritics, every word with "đ" would miss. So the index gets the fully folded
 * form of every word that holds a "đ" (`foldedDWords`, added at build time by `index-html.ts`), and queries
 * fold "đ" to "d" (`normalizeQuery`).
 */
import { foldDiacritics } from '../text/slug.ts';
import { toNFC } from '../text/normalize.ts';
import { foldQueryNumbers } from './numbers.ts';

/**
 * Shorthand people type on a phone, as whole words (folded, lower case) → what it stands for. Only forms
 * with no other reading in a question to this site: "k" and "j" only as the last word ("có được không k"
 * would be odd, "… có bị kê biên k" is common), never "đk" (được / điều kiện) or "bn" (bao nhiêu / bạn).
 */
const SHORTHAND: Record<string, string> = {
  ko: 'không', kh: 'không', khg: 'không', hok: 'không', hem: 'không',
  dc: 'được', đc: 'được',
  ntn: 'như thế nào',
  cty: 'công ty',
  vs: 'với',
};
const SHORTHAND_LAST: Record<string, string> = { k: 'không', j: 'gì' };

/** A query with the shorthand of phone typing spelt out ("có đc hoãn ko" → "có được hoãn không"). */
export function expandShorthand(query: string): string {
  const tokens = toNFC(query).split(/(\s+)/);
  const lastWord = tokens.findLastIndex((t) => /[\p{L}\p{N}]/u.test(t));
  return tokens
    .map((token, i) => {
      const m = /^([^\p{L}\p{N}]*)([\p{L}]+)([^\p{L}\p{N}]*)$/u.exec(token);
      if (!m) return token;
      const word = m[2]!.toLowerCase();
      const full = SHORTHAND[word] ?? (i === lastWord ? SHORTHAND_LAST[word] : undefined);
      return full ? `${m[1]}${full}${m[3]}` : token;
    })
    .join('');
}

/**
 * What the search box sends to Pagefind: NFC, phone shorthand spelt out ("ko" → "không"), numbers in one
 * form ("03" → "3", "30%" and "30 phần trăm" → "30", "mười ngày" → "10 ngày": numbers.ts), single spaces,
 * "đ" folded to "d".
 */
export function normalizeQuery(query: string): string {
  return foldQueryNumbers(expandShorthand(query)).replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D')).replace(/\s+/g, ' ').trim();
}

/** Lower-case ASCII form used to compare words regardless of diacritics. */
export function searchKey(text: string): string {
  return foldDiacritics(toNFC(text)).toLowerCase();
}

/** Words of a text (letters and digits, Vietnamese included). */
export function words(text: string): string[] {
  return toNFC(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The distinct fully-folded forms of the words that contain "đ", e.g. "Điều kiện đất" → ["dieu", "dat"].
 * A token joined by punctuation also gives its joined form, which is what Pagefind makes of the same token
 * typed in a query (it drops the punctuation): "62/2015/NĐ-CP" → ["622015ndcp", "nd"].
 */
export function foldedDWords(text: string): string[] {
  const out = new Set<string>();
  for (const token of toNFC(text).split(/\s+/)) {
    if (!/[đĐ]/.test(token)) continue;
    const parts = words(token);
    if (parts.length > 1) out.add(parts.map(searchKey).join(''));
    for (const w of parts) if (/[đĐ]/.test(w)) out.add(searchKey(w));
  }
  return [...out];
}
