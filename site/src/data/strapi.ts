/**
 * The one client of Strapi's REST API. Nothing else in the site calls Strapi: the content loaders
 * (src/content.config.ts) use it at build time and pages read the collections they fill.
 * Every entry is parsed with the shared zod schema of its type; anything unexpected stops the build
 * with a StrapiError that says, in Vietnamese and in English, what failed and where.
 */
import type { z } from 'astro/zod';

/** Base URL of Strapi, without a trailing slash. */
export const STRAPI_URL = (process.env.STRAPI_URL || 'http://127.0.0.1:1337').replace(/\/+$/, '');
const STRAPI_TOKEN = process.env.STRAPI_TOKEN || undefined;
const PAGE_SIZE = 100;
const TIMEOUT_MS = 30_000;

export type StrapiErrorKind = 'unreachable' | 'http' | 'invalid-json' | 'invalid-data';

export class StrapiError extends Error {
  override name = 'StrapiError';
  readonly kind: StrapiErrorKind;
  /** API path of the content type, e.g. "articles". */
  readonly contentType: string;
  constructor(message: string, kind: StrapiErrorKind, contentType: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.contentType = contentType;
  }
}

/** Query parameters in Strapi's bracket notation: { pagination: { page: 2 } } → pagination[page]=2. */
export type QueryParams = Record<string, unknown>;

export function toQueryString(params: QueryParams): string {
  const pairs: string[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(`${prefix}[${i}]`, v));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}[${k}]` : k, v);
    else pairs.push(`${encodeURIComponent(prefix).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(value))}`);
  };
  walk('', params);
  return pairs.join('&');
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  if (error.name === 'TimeoutError') return `quá ${TIMEOUT_MS / 1000} giây / timed out after ${TIMEOUT_MS / 1000} s`;
  return cause?.code ?? cause?.message ?? error.message;
}

async function request(path: string, params: QueryParams, contentType: string, extraHeaders: Record<string, string> = {}): Promise<unknown> {
  const query = toQueryString(params);
  const url = `${STRAPI_URL}/api/${path}${query ? `?${query}` : ''}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json', ...(STRAPI_TOKEN ? { authorization: `Bearer ${STRAPI_TOKEN}` } : {}), ...extraHeaders },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = describeCause(error);
    throw new StrapiError(
      `Không kết nối được Strapi tại ${STRAPI_URL} khi đọc "${contentType}" (${cause}). Hãy kiểm tra CMS đã chạy và biến STRAPI_URL. / ` +
        `Cannot reach Strapi at ${STRAPI_URL} while reading "${contentType}" (${cause}). Check that the CMS is running and that STRAPI_URL is right.`,
      'unreachable',
      contentType,
      { cause: error },
    );
  }
  if (!response.ok) {
    const body = (await response.text().catch(() => '')).slice(0, 300);
    const [hintVi, hintEn] =
      response.status === 401 || response.status === 403
        ? [' Quyền Public hoặc STRAPI_TOKEN không cho phép đọc nội dung này.', ' The Public role or STRAPI_TOKEN may not read this content.']
        : response.status === 404
          ? [' Không có nội dung hoặc đường dẫn API này.', ' No such content or API path.']
          : ['', ''];
    throw new StrapiError(
      `Strapi trả lỗi HTTP ${response.status} khi đọc "${contentType}" (${url}).${hintVi} / Strapi answered HTTP ${response.status} for "${contentType}".${hintEn}${body ? `\n${body}` : ''}`,
      'http',
      contentType,
    );
  }
  try {
    return await response.json();
  } catch (error) {
    throw new StrapiError(
      `Strapi trả về dữ liệu không phải JSON khi đọc "${contentType}" (${url}). / Strapi returned something that is not JSON for "${contentType}" (${url}).`,
      'invalid-json',
      contentType,
      { cause: error },
    );
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join(' › ') : '(toàn bộ / whole entry)';
}

function entryLabel(raw: unknown): string {
  const item = (raw ?? {}) as { documentId?: unknown; slug?: unknown };
  const parts = [typeof item.slug === 'string' && item.slug ? `slug "${item.slug}"` : null, typeof item.documentId === 'string' ? `documentId ${item.documentId}` : null];
  return parts.filter(Boolean).join(', ') || 'không rõ mã / unknown id';
}

function parseEntry<S extends z.ZodType>(schema: S, raw: unknown, contentType: string): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`)
    .join('\n');
  throw new StrapiError(
    `Dữ liệu không hợp lệ từ Strapi: "${contentType}" (${entryLabel(raw)}). / Invalid data from Strapi: "${contentType}" (${entryLabel(raw)}).\n${issues}`,
    'invalid-data',
    contentType,
    { cause: result.error },
  );
}

function envelopeError(contentType: string, what: string): StrapiError {
  return new StrapiError(
    `Phản hồi của Strapi cho "${contentType}" không đúng dạng: ${what}. / Strapi's response for "${contentType}" has an unexpected shape: ${what}.`,
    'invalid-data',
    contentType,
  );
}

/**
 * Every published entry of a collection type (`path` is its API path, e.g. "articles"), page by page,
 * each parsed with `schema`. `params` may add fields, filters or sort; pagination is handled here.
 */
export async function fetchAll<S extends z.ZodType>(path: string, schema: S, params: QueryParams = {}): Promise<z.output<S>[]> {
  const items: z.output<S>[] = [];
  for (let page = 1, pageCount = 1; page <= pageCount; page++) {
    const body = (await request(path, { sort: ['id:asc'], ...params, pagination: { page, pageSize: PAGE_SIZE } }, path)) as {
      data?: unknown;
      meta?: { pagination?: { pageCount?: unknown } };
    };
    if (!Array.isArray(body?.data)) throw envelopeError(path, '"data" không phải danh sách / "data" is not a list');
    for (const raw of body.data) items.push(parseEntry(schema, raw, path));
    const count = body.meta?.pagination?.pageCount;
    if (typeof count !== 'number') throw envelopeError(path, 'thiếu meta.pagination.pageCount / meta.pagination.pageCount is missing');
    pageCount = count;
  }
  return items;
}

/** A single type (e.g. "site-setting"), parsed with `schema`. */
export async function fetchSingle<S extends z.ZodType>(path: string, schema: S, params: QueryParams = {}): Promise<z.output<S>> {
  const body = (await request(path, params, path)) as { data?: unknown };
  if (!body?.data || typeof body.data !== 'object') throw envelopeError(path, 'thiếu "data" / "data" is missing');
  return parseEntry(schema, body.data, path);
}

/**
 * The former addresses of published items with the slug each now has (GET /api/thads/former-addresses):
 * the site builds a page at each old address that sends the reader to the new one.
 */
export async function fetchFormerAddresses<S extends z.ZodType>(schema: S): Promise<z.output<S>> {
  return parseEntry(schema, await request('thads/former-addresses', {}, 'thads/former-addresses'), 'thads/former-addresses');
}

/**
 * The draft of one entry of the collection at `path`, for a preview build only: read from the CMS's
 * preview route with the secret the CMS and the publisher share (PUBLISHER_SECRET), never available to a
 * public build, whose environment has no such secret.
 */
export async function fetchDraft<S extends z.ZodType>(path: string, documentId: string, schema: S): Promise<z.output<S>> {
  const secret = process.env.PUBLISHER_SECRET;
  if (!secret) throw new StrapiError('Bản xem trước cần PUBLISHER_SECRET. / A preview build needs PUBLISHER_SECRET.', 'http', path);
  const body = (await request(`thads-preview/${encodeURIComponent(path)}/${encodeURIComponent(documentId)}`, {}, path, { 'x-publisher-secret': secret })) as { data?: unknown };
  if (!body?.data || typeof body.data !== 'object') throw envelopeError(path, 'thiếu "data" / "data" is missing');
  return parseEntry(schema, body.data, path);
}

/** Absolute URL of a Strapi media file (Strapi returns /uploads/… relative to itself; object storage returns absolute URLs). */
export function mediaUrl(url: string): string;
export function mediaUrl(url: string | null | undefined): string | undefined;
export function mediaUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//i.test(url)) return url;
  return `${STRAPI_URL}${url.startsWith('/') ? '' : '/'}${url}`;
}
