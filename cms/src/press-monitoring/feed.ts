/**
 * Reads one outlet's feed: downloads it with a time limit and a size limit, decodes it (charset of the
 * response or of the XML declaration), parses RSS 0.9–2.0 or Atom with rss-parser, and returns its items in
 * one shape. Every failure is a FeedError with a Vietnamese message for the editors.
 */
import Parser from 'rss-parser';
import { clip } from './match';

export type FeedItem = { title: string; link: string | null; summary: string | null; date: string | null };

export class FeedError extends Error {}

export type FeedLimits = { timeoutMs: number; maxBytes: number };

export function feedLimits(env = process.env): FeedLimits {
  const timeoutMs = Number(env.PRESS_FEED_TIMEOUT_MS ?? 15_000);
  const maxBytes = Number(env.PRESS_FEED_MAX_BYTES ?? 5 * 1024 * 1024);
  return { timeoutMs: timeoutMs > 0 ? timeoutMs : 15_000, maxBytes: maxBytes > 0 ? maxBytes : 5 * 1024 * 1024 };
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`);

function charsetOf(contentType: string | null, head: Uint8Array): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader;
  const declaration = new TextDecoder('latin1').decode(head.subarray(0, 200));
  return /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(declaration)?.[1] ?? 'utf-8';
}

function decode(body: Uint8Array, contentType: string | null): string {
  const charset = charsetOf(contentType, body);
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/** Downloads at most `maxBytes`; refuses a larger answer without reading it all. */
async function download(url: string, { timeoutMs, maxBytes }: FeedLimits): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new FeedError(`Quá thời gian chờ (${Math.round(timeoutMs / 1000)} giây) khi tải nguồn tin.`)), timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetch(url, {
        signal: controller.signal,
        redirect: 'follow',
        headers: { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5', 'user-agent': 'THADS-DiemTinBaoChi/1.0' },
      });
    } catch (error: any) {
      if (controller.signal.aborted) throw controller.signal.reason;
      const code = error?.cause?.code ?? error?.code;
      throw new FeedError(`Không kết nối được tới nguồn tin${code ? ` (${code})` : ''}.`);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new FeedError(`Nguồn tin trả lời lỗi HTTP ${res.status}.`);
    }
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw new FeedError(`Nguồn tin quá lớn (${size(declared)}, tối đa ${size(maxBytes)}).`);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body?.getReader();
    try {
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          await reader.cancel().catch(() => {});
          throw new FeedError(`Nguồn tin quá lớn (hơn ${size(maxBytes)}).`);
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof FeedError) throw error;
      if (controller.signal.aborted) throw controller.signal.reason;
      throw new FeedError('Kết nối tới nguồn tin bị ngắt giữa chừng.');
    }
    const body = new Uint8Array(total);
    let offset = 0;
    for (const c of chunks) {
      body.set(c, offset);
      offset += c.byteLength;
    }
    return decode(body, res.headers.get('content-type'));
  } finally {
    clearTimeout(timer);
  }
}

const parser = new Parser();

function isoDate(item: Parser.Item): string | null {
  for (const value of [item.isoDate, item.pubDate, (item as any).date]) {
    if (!value) continue;
    const time = Date.parse(String(value).trim());
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  return null;
}

const plain = (html: string | undefined) =>
  html
    ? html
        .replace(/<[^>]*>/g, ' ')
        .replace(/&nbsp;/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
    : '';

/** Items of a feed document (RSS or Atom). */
export async function parseFeed(xml: string): Promise<FeedItem[]> {
  let feed: Parser.Output<Parser.Item>;
  try {
    feed = await parser.parseString(xml);
  } catch {
    throw new FeedError('Nội dung tải về không phải nguồn tin RSS hoặc Atom hợp lệ.');
  }
  const items: FeedItem[] = [];
  for (const item of feed.items ?? []) {
    const title = clip(plain(item.title), 300);
    if (!title) continue;
    const summary = clip(item.contentSnippet || plain(item.summary) || plain(item.content), 1000);
    const link = typeof item.link === 'string' && item.link.trim() ? item.link.trim() : null;
    items.push({ title, link, summary: summary || null, date: isoDate(item) });
  }
  return items;
}

export async function readFeed(url: string, limits = feedLimits()): Promise<FeedItem[]> {
  return parseFeed(await download(url, limits));
}
