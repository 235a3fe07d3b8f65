/**
 * Highlighting the words a reader searched for, with and without diacritics: "thi hanh an" marks
 * "thi hành án", "dieu" marks "Điều", "3" marks "03". Whole words only: a word is marked when its key
 * (`searchKey`, numbers without leading zeros) is one of the query's, never because a query word starts it
 * ("an" does not mark "anh"); a question's frame ("thì", "có được … không") is not marked. Pagefind's own
 * excerpt marks (prefix matches) are only kept on such words.
 */
import { highlightKeys, searchKey, toNFC } from '@thads/shared';

/** A run of text, marked or not. */
export type Segment = { text: string; mark: boolean };

/** The key a word is compared by: folded, lower case, a number without its leading zeros. */
const wordKey = (word: string) => (/^\d+$/.test(word) ? String(Number.parseInt(word, 10)) : searchKey(word));

/**
 * A word to mark: its key (any reading of it: "thi" marks "thi", "thì", "thí"), or exactly one reading, lower
 * case (`{ exact: "thi" }` marks "Thi" and "thi", not "thì").
 */
export type HighlightKey = string | { exact: string };

/**
 * The words to mark for a query whose reading the search found (`searchSite`'s `restored`, diacritics restored
 * from the pages' syllable pairs): exactly that reading when the pages hold it, else any reading; numbers by
 * value; not the question's frame (`words[i].frame`).
 */
export function readingKeys(words: { frame: boolean }[], restored: { word: string; seen: boolean }[]): HighlightKey[] {
  const content = restored.filter((_, i) => !words[i]?.frame);
  return (content.length ? content : restored).map(({ word, seen }) => (/^\d+$/.test(word) || !seen ? wordKey(word) : { exact: word }));
}

/**
 * The keys of the words of a query worth marking, in order ("Thi hành án" → ["thi", "hanh", "an"]; "có được
 * hoãn không" → ["hoan"]; "mười ngày" → ["10", "ngay"]).
 */
export function queryKeys(query: string): string[] {
  return highlightKeys(query).map(wordKey);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the few entities Pagefind writes into excerpts, and numeric ones. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Pagefind's excerpt (HTML with <mark>) as plain segments; any other tag is dropped. */
export function parseExcerpt(html: string): Segment[] {
  const out: Segment[] = [];
  let mark = false;
  for (const part of html.split(/(<\/?mark\b[^>]*>)/i)) {
    if (/^<mark\b/i.test(part)) mark = true;
    else if (/^<\/mark/i.test(part)) mark = false;
    else if (part) out.push({ text: decodeEntities(part.replace(/<[^>]*>/g, '')), mark });
  }
  return out;
}

/**
 * Marks the words of `segments` whose key is one of `keys` (whole words). Marked words separated only by
 * spaces are joined into one mark ("thi hành án"), and neighbouring runs of the same kind are merged.
 */
export function highlight(input: string | Segment[], keys: HighlightKey[]): Segment[] {
  const segments = typeof input === 'string' ? [{ text: input, mark: false }] : input;
  const wanted = new Set(keys.filter((k): k is string => typeof k === 'string'));
  const exact = new Set(keys.filter((k): k is { exact: string } => typeof k !== 'string').map((k) => k.exact));
  const matches = (word: string) => wanted.has(wordKey(word)) || exact.has(toNFC(word).toLowerCase());
  const pieces: Segment[] = [];
  for (const seg of segments) {
    const text = toNFC(seg.text);
    // Pagefind's marks are dropped: it marks every word a query word starts ("thì" in "thiết", "án" in
    // "ánh"). The words of the query are marked below, whole.
    let at = 0;
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      if (!matches(m[0])) continue;
      if (m.index > at) pieces.push({ text: text.slice(at, m.index), mark: false });
      pieces.push({ text: m[0], mark: true });
      at = m.index + m[0].length;
    }
    if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  }
  // A short syllable alone is too often another word ("thì" for "thi", "an" for "án"): of a query of several
  // words, it is marked only beside another marked word, as in the phrase the reader typed.
  if (keys.length > 1) {
    pieces.forEach((p, i) => {
      if (!p.mark || wordKey(p.text).length > 3) return;
      const beside = (j: number, step: number) => pieces[j]?.mark || (/^\s+$/.test(pieces[j]?.text ?? 'x') && pieces[j + step]?.mark);
      if (!beside(i - 1, -1) && !beside(i + 1, 1)) pieces[i] = { text: p.text, mark: false };
    });
  }
  // Join: mark + spaces + mark → one mark; then merge neighbours of the same kind.
  const joined: Segment[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const prev = joined.at(-1);
    const next = pieces[i + 1];
    if (!p.mark && /^\s+$/.test(p.text) && prev?.mark && next?.mark) {
      prev.text += p.text;
      continue;
    }
    if (prev && prev.mark === p.mark) prev.text += p.text;
    else joined.push({ ...p });
  }
  return joined;
}
