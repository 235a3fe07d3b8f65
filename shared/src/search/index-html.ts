/**
 * Prepares a built page for Pagefind (used by site/scripts/search-index.ts at build time):
 *  1. reads the text of the element marked `data-pagefind-body`, split by weight into the title
 *     (`data-pagefind-weight` ≥ SEARCH_WEIGHTS.title), the question (≥ SEARCH_WEIGHTS.question) and the
 *     rest, skipping what Pagefind skips (`data-pagefind-ignore`, nav, footer, form, script…);
 *  2. appends, inside that element, a hidden block that Pagefind reads as metadata only (SEARCH_EXTRA_META):
 *     the title and the question folded in full, the folded forms of the other "đ" words, the numbers in
 *     the form queries are brought to (numbers.ts), and the synonyms of each part.
 * The words go into metadata rather than text so that they are searchable and ranked (metaWeights) but
 * never show up in an excerpt. The page on disk is not changed: the result is passed to `addHTMLFile`.
 */
import { compileSynonyms, foldedWords, synonymTerms, termForms } from './extras.ts';
import { foldedDWords } from './normalize.ts';
import { numberForms } from './numbers.ts';
import { SEARCH_EXTRA_META, SEARCH_WEIGHTS } from './ranking.ts';
import { SYNONYMS, type SynonymEntry } from './synonyms.ts';

export type SearchPart = 'title' | 'question' | 'body';
export type SearchPageTexts = Record<SearchPart, string>;

/** Elements whose text Pagefind never indexes (its own list). */
const SKIPPED = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Inline elements do not separate words ("<b>Đ</b>iều" is one word). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdo', 'big', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var']);
const HEADING_WEIGHTS: Record<string, number> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };

const TOKEN = /<!--[\s\S]*?-->|<![^>]*>|<\/([a-zA-Z][\w:-]*)\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
  });
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function parseAttributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) out.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  return out;
}

type Frame = { tag: string; weight: number | undefined; explicit: boolean; skip: boolean; body: boolean };

/**
 * The text of the page's `data-pagefind-body` element by part, and the offset of its closing tag
 * (where the hidden block goes). Null when the page has no such element: it is not indexed.
 */
export function readIndexedText(html: string): { texts: SearchPageTexts; bodyEnd: number } | null {
  const texts: Record<SearchPart, string[]> = { title: [], question: [], body: [] };
  const stack: Frame[] = [];
  let inBody = false;
  let bodyDepth = -1;
  let bodyEnd = -1;
  let at = 0;

  const partOf = (weight: number): SearchPart => (weight >= SEARCH_WEIGHTS.title ? 'title' : weight >= SEARCH_WEIGHTS.question ? 'question' : 'body');
  const current = () => stack.at(-1);
  const addText = (raw: string) => {
    if (!inBody || !raw) return;
    const top = current();
    if (top?.skip) return;
    texts[partOf(top?.weight ?? 1)].push(decodeEntities(raw));
  };
  const separate = () => {
    if (!inBody) return;
    for (const part of Object.values(texts)) if (part.length && part.at(-1) !== ' ') part.push(' ');
  };

  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    addText(html.slice(at, m.index));
    at = TOKEN.lastIndex;
    const [whole, closing, opening, attributeSource = ''] = m;
    if (opening) {
      const tag = opening.toLowerCase();
      const attributes = parseAttributes(attributeSource);
      const parent = current();
      const isBody = !inBody && attributes.has('data-pagefind-body');
      const weightAttribute = attributes.get('data-pagefind-weight');
      const explicit = weightAttribute !== undefined && !Number.isNaN(Number.parseFloat(weightAttribute));
      let weight = parent?.weight;
      if (explicit) weight = Number.parseFloat(weightAttribute!);
      else if (tag in HEADING_WEIGHTS && !stack.some((f) => f.explicit)) weight = HEADING_WEIGHTS[tag];
      const frame: Frame = {
        tag,
        weight,
        explicit: explicit || !!parent?.explicit,
        skip: !!parent?.skip || SKIPPED.has(tag) || attributes.has('data-pagefind-ignore'),
        body: isBody,
      };
      if (!INLINE.has(tag)) separate();
      if (RAW_TEXT.has(tag)) {
        // Skip to the end of a raw-text element: its content is not markup.
        const closing = new RegExp(`</${tag}`, 'gi');
        closing.lastIndex = at;
        const end = closing.exec(html);
        at = end ? end.index : html.length;
        TOKEN.lastIndex = at;
        stack.push({ ...frame, skip: true });
        continue;
      }
      if (VOID.has(tag) || whole.endsWith('/>')) continue;
      stack.push(frame);
      if (isBody) {
        inBody = true;
        bodyDepth = stack.length;
      }
    } else if (closing) {
      const tag = closing.toLowerCase();
      const index = stack.map((f) => f.tag).lastIndexOf(tag);
      if (index < 0) continue;
      if (inBody && index + 1 <= bodyDepth) {
        bodyEnd = m.index;
        inBody = false;
        stack.length = index;
        break;
      }
      stack.length = index;
      if (!INLINE.has(tag)) separate();
    }
  }
  if (bodyEnd < 0) return null;
  const join = (parts: string[]) => parts.join('').replace(/\s+/g, ' ').trim();
  return { texts: { title: join(texts.title), question: join(texts.question), body: join(texts.body) }, bodyEnd };
}

export type SearchExtraOptions = {
  synonyms?: SynonymEntry[];
  /** Parts whose metadata field holds all their folded words, not only the "đ" words and synonyms. */
  fullParts?: SearchPart[];
};

const compiledLists = new WeakMap<SynonymEntry[], ReturnType<typeof compileSynonyms>>();

/** The words of each metadata field for the texts of a page. */
export function extraFields(texts: SearchPageTexts, { synonyms = SYNONYMS, fullParts = ['title', 'question'] }: SearchExtraOptions = {}): Record<SearchPart, string[]> {
  let compiled = compiledLists.get(synonyms);
  if (!compiled) compiledLists.set(synonyms, (compiled = compileSynonyms(synonyms)));
  const fields = {} as Record<SearchPart, string[]>;
  for (const part of ['title', 'question', 'body'] as const) {
    const text = texts[part];
    const out = new Set<string>(fullParts.includes(part) ? foldedWords(text) : []);
    for (const w of foldedDWords(text)) out.add(w);
    // Numbers in the form queries are brought to: "05 ngày" → "5", "ba lần" → "3" (numbers.ts).
    for (const w of numberForms(text)) out.add(w);
    for (const w of termForms(synonymTerms(text, compiled))) out.add(w);
    fields[part] = [...out];
  }
  return fields;
}

/**
 * The page as Pagefind should read it: the built HTML with the hidden block of extra metadata appended
 * inside its `data-pagefind-body` element. Null for a page without that element (not indexed).
 */
export function prepareForIndex(html: string, options: SearchExtraOptions = {}): { content: string; texts: SearchPageTexts; fields: Record<SearchPart, string[]> } | null {
  const read = readIndexedText(html);
  if (!read) return null;
  const fields = extraFields(read.texts, options);
  const parts = (Object.keys(fields) as SearchPart[]).filter((p) => fields[p].length);
  if (!parts.length) return { content: html, texts: read.texts, fields };
  const attribute = (part: SearchPart) => `data-${SEARCH_EXTRA_META[part]}`;
  const block =
    `<div hidden data-pagefind-ignore data-pagefind-meta="${parts.map((p) => `${SEARCH_EXTRA_META[p]}[${attribute(p)}]`).join(', ')}"` +
    parts.map((p) => ` ${attribute(p)}="${escapeAttribute(fields[p].join(' '))}"`).join('') +
    '></div>';
  return { content: html.slice(0, read.bodyEnd) + block + html.slice(read.bodyEnd), texts: read.texts, fields };
}

const PAGEFIND_CAPTURE = /\sdata-pagefind-(?:filter|meta|sort|default-meta)\s*=/;
const OPEN_TAG = /<([a-zA-Z][\w:-]*)(?:\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/g;

/** The end (offset after its closing tag) of the element whose opening tag `tag` ends at `from`. */
function elementEnd(html: string, tag: string, openTag: string, from: number): number {
  if (openTag.endsWith('/>') || VOID.has(tag)) return from;
  const re = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*>`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1]) depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return re.lastIndex;
  }
  return html.length;
}

/**
 * The part of a built page that Pagefind reads, as a page of its own: the `<html>` tag (its language), the
 * `<title>`, the elements outside the `data-pagefind-body` element that give filters, metadata or sort keys,
 * and that element itself, in their order. Pagefind indexes nothing else of a page that has such an element,
 * so the index made from it is the one made from the whole page (checked file by file over built sites), from
 * a tenth of the bytes: most of a page is header, menus, footer and structured data. Null without that element.
 */
export function trimForIndex(html: string): string | null {
  const bodyAt = html.search(/<[a-zA-Z][\w:-]*\s[^>]*\bdata-pagefind-body\b/);
  if (bodyAt < 0) return null;
  const htmlTag = /<html(?:\s[^>]*)?>/i.exec(html)?.[0] ?? '<html>';
  const title = /<title(?:\s[^>]*)?>[\s\S]*?<\/title>/i.exec(html)?.[0] ?? '';
  const kept: string[] = [];
  OPEN_TAG.lastIndex = 0;
  for (let m = OPEN_TAG.exec(html); m; m = OPEN_TAG.exec(html)) {
    const tag = m[1]!.toLowerCase();
    if (RAW_TEXT.has(tag)) {
      // Script, style, textarea, title: their content is not markup.
      const close = new RegExp(`</${tag}`, 'gi');
      close.lastIndex = OPEN_TAG.lastIndex;
      OPEN_TAG.lastIndex = close.exec(html)?.index ?? html.length;
      continue;
    }
    if (m.index === bodyAt) {
      const end = elementEnd(html, tag, m[0], OPEN_TAG.lastIndex);
      kept.push(html.slice(m.index, end));
      OPEN_TAG.lastIndex = end;
    } else if (PAGEFIND_CAPTURE.test(m[0])) {
      const end = elementEnd(html, tag, m[0], OPEN_TAG.lastIndex);
      kept.push(html.slice(m.index, end));
      OPEN_TAG.lastIndex = end;
    }
  }
  return `<!DOCTYPE html>${htmlTag}<head>${title}</head><body>${kept.join('')}</body></html>`;
}
