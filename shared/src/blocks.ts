/**
 * Strapi "blocks" rich text: the JSON the editor writes, converted from the
 * "markdown-lite" of the demo data, and rendered to plain text or safe HTML.
 */
export type TextNode = { type: 'text'; text: string; bold?: boolean; italic?: boolean; underline?: boolean; strikethrough?: boolean; code?: boolean };
export type LinkNode = { type: 'link'; url: string; children: TextNode[] };
export type InlineNode = TextNode | LinkNode;
export type ListItemNode = { type: 'list-item'; children: InlineNode[] };
export type Block =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: InlineNode[] }
  | { type: 'quote'; children: InlineNode[] }
  | { type: 'code'; children: TextNode[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: (ListItemNode | Extract<Block, { type: 'list' }>)[] }
  | { type: 'image'; image: { url: string; alternativeText?: string | null; width?: number | null; height?: number | null; caption?: string | null }; children: TextNode[] };

/** `**bold**` and `*italic*` inline marks; everything else is text. */
export function parseInline(line: string): TextNode[] {
  const nodes: TextNode[] = [];
  const re = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > last) nodes.push({ type: 'text', text: line.slice(last, m.index) });
    if (m[1] !== undefined) nodes.push({ type: 'text', text: m[1], bold: true });
    else nodes.push({ type: 'text', text: m[2] ?? '', italic: true });
    last = m.index + m[0].length;
  }
  if (last < line.length) nodes.push({ type: 'text', text: line.slice(last) });
  return nodes.length ? nodes : [{ type: 'text', text: '' }];
}

/** Converts markdown-lite (paragraphs, `## ` headings, `- `/`1. ` lists, `> ` quotes) to blocks. */
export function markdownLiteToBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const chunks = source.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const raw of chunks) {
    const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    let i = 0;
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
      paragraph = [];
    };
    while (i < lines.length) {
      const line = lines[i]!;
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (heading) {
        flush();
        blocks.push({ type: 'heading', level: Math.min(6, Math.max(2, heading[1]!.length)) as 2, children: parseInline(heading[2]!) });
        i++;
      } else if (/^([-*]|\d+[.)])\s+/.test(line)) {
        flush();
        const ordered = /^\d/.test(line);
        const items: ListItemNode[] = [];
        while (i < lines.length && (ordered ? /^\d+[.)]\s+/ : /^[-*]\s+/).test(lines[i]!)) {
          items.push({ type: 'list-item', children: parseInline(lines[i]!.replace(/^([-*]|\d+[.)])\s+/, '')) });
          i++;
        }
        blocks.push({ type: 'list', format: ordered ? 'ordered' : 'unordered', children: items });
      } else if (line.startsWith('>')) {
        flush();
        const quote: string[] = [];
        while (i < lines.length && lines[i]!.startsWith('>')) quote.push(lines[i++]!.replace(/^>\s?/, ''));
        blocks.push({ type: 'quote', children: parseInline(quote.join(' ')) });
      } else {
        paragraph.push(line);
        i++;
      }
    }
    flush();
  }
  return blocks;
}

function inlineText(nodes: readonly InlineNode[]): string {
  return nodes.map((n) => (n.type === 'link' ? inlineText(n.children) : n.text)).join('');
}

/** Plain text of blocks, paragraphs separated by blank lines (for summaries, feeds and search). */
export function blocksToText(blocks: readonly Block[] | null | undefined): string {
  if (!blocks) return '';
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'list') out.push(b.children.map((c) => (c.type === 'list-item' ? `- ${inlineText(c.children)}` : blocksToText([c]))).join('\n'));
    else if (b.type === 'image') out.push(b.image.caption ?? '');
    else out.push(inlineText(b.children));
  }
  return out.filter(Boolean).join('\n\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Only http(s), mailto, tel and site-relative links survive; anything else (javascript:, data:) becomes plain text. */
export function safeUrl(url: string): string | null {
  const u = url.trim();
  if (/^(https?:|mailto:|tel:)/i.test(u) || (u.startsWith('/') && !u.startsWith('//')) || u.startsWith('#')) return u;
  return null;
}

function inlineHtml(nodes: readonly InlineNode[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'link') {
        const href = safeUrl(n.url);
        const inner = inlineHtml(n.children);
        if (!href) return inner;
        const external = /^https?:/i.test(href);
        return `<a href="${escapeHtml(href)}"${external ? ' rel="noopener noreferrer"' : ''}>${inner}</a>`;
      }
      let html = escapeHtml(n.text).replace(/\n/g, '<br>');
      if (n.code) html = `<code>${html}</code>`;
      if (n.bold) html = `<strong>${html}</strong>`;
      if (n.italic) html = `<em>${html}</em>`;
      if (n.underline) html = `<u>${html}</u>`;
      if (n.strikethrough) html = `<s>${html}</s>`;
      return html;
    })
    .join('');
}

/**
 * Safe HTML of blocks: every text is escaped, URLs are filtered. `headingOffset` shifts heading
 * levels so that a page keeps a single h1 (an h1 in the body becomes an h2).
 */
export function blocksToHtml(blocks: readonly Block[] | null | undefined, { minHeading = 2 } = {}): string {
  if (!blocks) return '';
  return blocks
    .map((b): string => {
      switch (b.type) {
        case 'paragraph':
          return `<p>${inlineHtml(b.children)}</p>`;
        case 'heading': {
          const level = Math.min(6, Math.max(minHeading, b.level));
          return `<h${level}>${inlineHtml(b.children)}</h${level}>`;
        }
        case 'quote':
          return `<blockquote><p>${inlineHtml(b.children)}</p></blockquote>`;
        case 'code':
          return `<pre><code>${escapeHtml(inlineText(b.children))}</code></pre>`;
        case 'list': {
          const tag = b.format === 'ordered' ? 'ol' : 'ul';
          return `<${tag}>${b.children.map((c) => (c.type === 'list-item' ? `<li>${inlineHtml(c.children)}</li>` : `<li>${blocksToHtml([c])}</li>`)).join('')}</${tag}>`;
        }
        case 'image': {
          const src = safeUrl(b.image.url);
          if (!src) return '';
          const dims = b.image.width && b.image.height ? ` width="${b.image.width}" height="${b.image.height}"` : '';
          const cap = b.image.caption ? `<figcaption>${escapeHtml(b.image.caption)}</figcaption>` : '';
          return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(b.image.alternativeText ?? '')}"${dims} loading="lazy" decoding="async">${cap}</figure>`;
        }
        default:
          return '';
      }
    })
    .join('\n');
}
