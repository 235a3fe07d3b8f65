/**
 * Numbers written differently in a query and in a page: "03 tháng" / "3 tháng", "30%" / "30 phần trăm",
 * "10 ngày" / "mười ngày", "ba lần" / "3 lần". Both sides are brought to one form, digits without leading
 * zeros:
 *  - the query (`foldQueryNumbers`, called by `normalizeQuery`): "03" → "3", "30%" and "30 phần trăm" → "30",
 *    number words → digits ("mười lăm ngày" → "15 ngày", "muoi ngay" → "10 ngay");
 *  - the index (`numberForms`, added to the page's hidden metadata by `index-html.ts`): the digits of the
 *    number words a page writes ("bốn năm" → "4") and its zero-padded numbers without their zeros ("05" → "5").
 * Pagefind already reads "30%" as "30".
 *
 * Number words are read only where they are numbers: a sequence with "mười", "mươi" or "trăm" ("hai mươi
 * lăm", "ba trăm linh năm"), or one digit word followed by a unit ("hai năm", "ba lần", "một tháng").
 * "nghìn", "triệu", "tỷ" stay words, as pages write them ("2 triệu đồng"). Typed without diacritics, the
 * syllables that are more often something else are not read as digits: "sau" (after / sáu), "tu" (từ / tư),
 * "nam" (năm as a year, nam), "tam" (tạm / tám), "bay" (bay / bảy).
 */
import { toNFC } from '../text/normalize.ts';
import { foldDiacritics } from '../text/slug.ts';

/** Accented spellings of digit words, and their value. */
const DIGITS_ACCENTED: Record<string, number> = {
  không: 0, một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9,
};
/** The same without diacritics: only those whose other readings are rare in a question about enforcement. */
const DIGITS_PLAIN: Record<string, number> = { khong: 0, mot: 1, hai: 2, ba: 3, bon: 4, lam: 5, chin: 9 };
/** Extra plain digit words accepted inside a longer number ("ba muoi sau", "hai tram nam"), never alone. */
const DIGITS_PLAIN_INSIDE: Record<string, number> = { ...DIGITS_PLAIN, sau: 6, tu: 4, nam: 5, tam: 8, bay: 7, mot: 1 };

/** Words after which a single digit word is a count ("hai năm", "ba lần"). Folded. */
const UNITS = new Set([
  'ngay', 'thang', 'nam', 'tuan', 'gio', 'phut', 'lan', 'nguoi', 'tuoi', 'trieu', 'nghin', 'ngan', 'ty', 'ti', 'dong',
  'can', 'chiec', 'lo', 'thua', 'vu', 'ky', 'buoi', 'dot', 'con', 'ho', 'khoan', 'muc', 'phan', 'bac', 'cap', 'tang',
]);

type Word = { raw: string; key: string; accented: boolean };

const key = (w: string) => foldDiacritics(w).toLowerCase();
const isAccented = (w: string) => key(w) !== w.toLowerCase();

/** The value of a digit word, inside a number (`inside`) or standing alone. */
function digitOf(w: Word | undefined, inside: boolean): number | undefined {
  if (!w) return undefined;
  if (w.accented) return DIGITS_ACCENTED[w.raw.toLowerCase()];
  return (inside ? DIGITS_PLAIN_INSIDE : DIGITS_PLAIN)[w.key];
}
/** Is the word this number word ("mười", "mươi", "trăm", "linh", "lẻ"), with diacritics or without? */
function is(w: Word | undefined, accented: string[], plain: string): boolean {
  if (!w) return false;
  return w.accented ? accented.includes(w.raw.toLowerCase()) : w.key === plain;
}
const isMuoi10 = (w?: Word) => is(w, ['mười'], 'muoi');
const isMuoiTens = (w?: Word) => is(w, ['mươi'], 'muoi');
const isTram = (w?: Word) => is(w, ['trăm'], 'tram');
const isLinh = (w?: Word) => is(w, ['linh', 'lẻ'], 'linh') || is(w, ['lẻ'], 'le');
/** After "mười"/"mươi" a 5 is "lăm" and a 1 "mốt" ("mười năm" is ten years, "hai mươi năm" twenty). */
const unitAfterTens = (w: Word | undefined): number | undefined => {
  if (!w) return undefined;
  const raw = w.raw.toLowerCase();
  if (w.accented) return raw === 'năm' ? undefined : DIGITS_ACCENTED[raw];
  return w.key === 'nam' ? undefined : DIGITS_PLAIN_INSIDE[w.key];
};

/** Tens and units from `i`: "mười [lăm]", "<d> mươi [<d>]". */
function tens(words: Word[], i: number): { value: number; length: number } | undefined {
  if (isMuoi10(words[i])) {
    const u = unitAfterTens(words[i + 1]);
    return u !== undefined && u > 0 ? { value: 10 + u, length: 2 } : { value: 10, length: 1 };
  }
  const d = digitOf(words[i], true);
  if (d !== undefined && d > 0 && isMuoiTens(words[i + 1])) {
    const u = unitAfterTens(words[i + 2]);
    return u !== undefined && u > 0 ? { value: d * 10 + u, length: 3 } : { value: d * 10, length: 2 };
  }
  return undefined;
}

/** A number written in words starting at `i` (below 1000), or undefined. */
export function readNumberWords(words: Word[], i: number): { value: number; length: number } | undefined {
  const d = digitOf(words[i], true);
  if (d !== undefined && d > 0 && isTram(words[i + 1])) {
    let value = d * 100;
    let length = 2;
    if (isLinh(words[i + 2])) {
      const u = digitOf(words[i + 3], true);
      if (u !== undefined) {
        value += u;
        length = 4;
      }
    } else {
      const t = tens(words, i + 2);
      if (t) {
        value += t.value;
        length += t.length;
      }
    }
    return { value, length };
  }
  const t = tens(words, i);
  if (t) {
    // "mười" alone without diacritics ("muoi") is also salt or a mosquito: only before a unit.
    if (t.length === 1 && !words[i]!.accented && !UNITS.has(words[i + 1]?.key ?? '')) return undefined;
    return t;
  }
  const single = digitOf(words[i], false);
  if (single !== undefined && UNITS.has(words[i + 1]?.key ?? '')) {
    // "một phần", "năm nay": not counts. "phần" counts only as "phần trăm".
    if (words[i + 1]!.key === 'phan' && words[i + 2]?.key !== 'tram') return undefined;
    return { value: single, length: 1 };
  }
  return undefined;
}

const TOKEN = /\S+/g;
const WORD = /^([^\p{L}\p{N}]*)([\p{L}]+)([^\p{L}\p{N}]*)$/u;

/**
 * A query with its numbers in one form: digits without leading zeros, no "%" or "phần trăm", number words as
 * digits. Tokens with other punctuation inside ("62/2015/NĐ-CP", "03/2021") are left as they are: Pagefind
 * reads them joined, and so does the index.
 */
export function foldQueryNumbers(query: string): string {
  const tokens = toNFC(query).match(TOKEN) ?? [];
  const out: string[] = [];
  const words: (Word | undefined)[] = tokens.map((t) => {
    const m = WORD.exec(t);
    return m ? { raw: m[2]!, key: key(m[2]!), accented: isAccented(m[2]!) } : undefined;
  });
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const digits = /^(\d+)%?$/.exec(token);
    if (digits) {
      out.push(String(Number.parseInt(digits[1]!, 10)));
      // "30 phần trăm" → "30"
      if (words[i + 1]?.key === 'phan' && words[i + 2]?.key === 'tram') i += 2;
      continue;
    }
    if (words[i]) {
      // Only a run of plain words can be a number.
      let run = 0;
      while (words[i + run] && run < 6) run++;
      const number = readNumberWords(words.slice(i, i + run + 1) as Word[], 0);
      if (number && number.length <= run) {
        out.push(String(number.value));
        i += number.length - 1;
        if (words[i + 1]?.key === 'phan' && words[i + 2]?.key === 'tram') i += 2;
        continue;
      }
    }
    out.push(token);
  }
  return out.join(' ');
}

/**
 * The number forms a text adds to the index, folded: digits of its number words ("mười lăm ngày" → "15",
 * "ba lần" → "3"), its zero-padded numbers without the zeros ("05 ngày" → "5"), and "phan tram" when it
 * writes a percentage ("30%"). Distinct.
 */
export function numberForms(text: string): string[] {
  const out = new Set<string>();
  // "%" is read "phần trăm": "bao nhiêu phần trăm" finds a page that writes "5%".
  if (/\d\s?%/u.test(text)) for (const w of ['phan', 'tram']) out.add(w);
  const tokens = toNFC(text).match(TOKEN) ?? [];
  const words: (Word | undefined)[] = tokens.map((t) => {
    const m = WORD.exec(t);
    return m ? { raw: m[2]!, key: key(m[2]!), accented: isAccented(m[2]!) } : undefined;
  });
  for (let i = 0; i < tokens.length; i++) {
    const padded = /^[^\p{L}\p{N}]*(0\d+)[^\p{L}\p{N}]*$/u.exec(tokens[i]!);
    if (padded) out.add(String(Number.parseInt(padded[1]!, 10)));
    if (!words[i]) continue;
    let run = 0;
    while (words[i + run] && run < 6) run++;
    const number = readNumberWords(words.slice(i, i + run + 1) as Word[], 0);
    if (number && number.length <= run) {
      out.add(String(number.value));
      i += number.length - 1;
    }
  }
  return [...out];
}
