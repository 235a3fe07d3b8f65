import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { fetchAll, fetchSingle, mediaUrl, STRAPI_URL, StrapiError, toQueryString } from './strapi.ts';

const item = z.object({ documentId: z.string(), slug: z.string(), n: z.number() });
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const page = (data: unknown[], p: number, pageCount: number) => ({ data, meta: { pagination: { page: p, pageSize: 100, pageCount, total: 0 } } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('toQueryString', () => {
  it('writes nested objects and arrays in Strapi bracket notation', () => {
    expect(toQueryString({ sort: ['date:desc'], pagination: { page: 2, pageSize: 100 }, filters: { slug: { $eq: 'a b' } } })).toBe(
      'sort[0]=date%3Adesc&pagination[page]=2&pagination[pageSize]=100&filters[slug][%24eq]=a%20b',
    );
  });
});

describe('mediaUrl', () => {
  it('prefixes Strapi-relative upload paths with STRAPI_URL', () => {
    expect(mediaUrl('/uploads/a.jpg')).toBe(`${STRAPI_URL}/uploads/a.jpg`);
  });

  it('keeps absolute URLs (object storage) and returns undefined for nothing', () => {
    expect(mediaUrl('https://cdn.example/a.jpg')).toBe('https://cdn.example/a.jpg');
    expect(mediaUrl(null)).toBeUndefined();
  });
});

describe('fetchAll', () => {
  it('reads every page and parses every entry', async () => {
    const fetchMock = vi.fn(async (url: string) =>
      url.includes('pagination[page]=1')
        ? json(page([{ documentId: 'd1', slug: 'a', n: 1 }], 1, 2))
        : json(page([{ documentId: 'd2', slug: 'b', n: 2 }], 2, 2)),
    );
    vi.stubGlobal('fetch', fetchMock);
    expect(await fetchAll('articles', item)).toEqual([
      { documentId: 'd1', slug: 'a', n: 1 },
      { documentId: 'd2', slug: 'b', n: 2 },
    ]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('throws a StrapiError naming the content type, the entry and the field when an entry is invalid', async () => {
    vi.stubGlobal('fetch', async () => json(page([{ documentId: 'd9', slug: 'bad-one', n: 'x' }], 1, 1)));
    const error = await fetchAll('articles', item).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StrapiError);
    expect((error as StrapiError).kind).toBe('invalid-data');
    expect((error as Error).message).toMatch(/Dữ liệu không hợp lệ từ Strapi: "articles" \(slug "bad-one", documentId d9\)/);
    expect((error as Error).message).toMatch(/- n: /);
  });

  it('throws a StrapiError saying in Vietnamese and English that Strapi cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    });
    const error = await fetchAll('articles', item).catch((e: unknown) => e);
    expect((error as StrapiError).kind).toBe('unreachable');
    expect((error as Error).message).toContain(`Không kết nối được Strapi tại ${STRAPI_URL}`);
    expect((error as Error).message).toContain(`Cannot reach Strapi at ${STRAPI_URL}`);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('throws a StrapiError with the HTTP status when Strapi refuses', async () => {
    vi.stubGlobal('fetch', async () => json({ error: { status: 403 } }, 403));
    const error = await fetchAll('legal-qas', item).catch((e: unknown) => e);
    expect((error as StrapiError).kind).toBe('http');
    expect((error as Error).message).toMatch(/HTTP 403.*"legal-qas"/);
  });
});

describe('fetchSingle', () => {
  it('returns the parsed single type', async () => {
    vi.stubGlobal('fetch', async () => json({ data: { agencyName: 'THADS' } }));
    expect(await fetchSingle('site-setting', z.object({ agencyName: z.string() }))).toEqual({ agencyName: 'THADS' });
  });
});
