/**
 * Highlighting the words a reader searched for, with and without diacritics: "thi hanh an" marks
 * "thi hành án", "dieu" marks "Điều". Words are compared by their `searchKey` (folded, lower case).
 * Pagefind's own excerpt marks are kept too (they also cover matches it found through synonyms).
 */
import { normalizeQuery, searchKey, toNFC } from '@thads/shared';

/** A run of text, marked or not. */
export type Segment = { text: string; mark: boolean };

/** The searchKey of every word of a query, in order ("Thi hành án" → ["thi", "hanh", "an"]). */
export function queryKeys(query: string): string[] {
  return (normalizeQuery(query).match(/[\p{L}\p{N}]+/gu) ?? []).map(searchKey);
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
 * Marks the words of `segments` whose key is one of `keys`; the last key also matches as a prefix, since the
 * reader may still be typing it ("thi han" marks "hành"). Marked words separated only by spaces are joined
 * into one mark ("thi hành án"), and neighbouring runs of the same kind are merged.
 */
export function highlight(input: string | Segment[], keys: string[]): Segment[] {
  const segments = typeof input === 'string' ? [{ text: input, mark: false }] : input;
  const exact = new Set(keys.slice(0, -1));
  const last = keys.at(-1);
  const matches = (word: string) => {
    const key = searchKey(word);
    return exact.has(key) || (last !== undefined && (key === last || (last.length >= 2 && key.startsWith(last))));
  };
  const pieces: Segment[] = [];
  for (const seg of segments) {
    const text = toNFC(seg.text);
    if (seg.mark) {
      // Pagefind marks whole space-separated tokens ("con."): mark the word, not its punctuation.
      const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(text) ?? [];
      if (before) pieces.push({ text: before, mark: false });
      if (core) pieces.push({ text: core, mark: true });
      if (after) pieces.push({ text: after, mark: false });
      continue;
    }
    let at = 0;
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      if (!matches(m[0])) continue;
      if (m.index > at) pieces.push({ text: text.slice(at, m.index), mark: false });
      pieces.push({ text: m[0], mark: true });
      at = m.index + m[0].length;
    }
    if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
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
