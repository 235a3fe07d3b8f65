/**
 * Pagefind's browser search (pagefind.js and its WebAssembly) run in Node over a built site: the bundle is
 * imported from disk and its requests ("/pagefind/…") are answered from the files by a `fetch` shim.
 * Each call gives an independent instance, so several indexes can be compared in one process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type PagefindData = {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
};
export type PagefindResult = { id: string; score: number; data: () => Promise<PagefindData> };
export type PagefindSearch = {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
};
export type Pagefind = {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindSearch>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  destroy?: () => Promise<void>;
};

const roots = new Map<string, string>();
let shimmed = false;
let instances = 0;

function installFetchShim() {
  if (shimmed) return;
  shimmed = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    for (const [prefix, dir] of roots) {
      if (!url.startsWith(prefix)) continue;
      const rel = decodeURIComponent(url.slice(prefix.length).split(/[?#]/)[0]!);
      const file = path.join(dir, rel);
      if (!file.startsWith(dir) || !fs.existsSync(file)) return new Response('not found', { status: 404 });
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
      return new Response(fs.readFileSync(file), { status: 200, headers: { 'content-type': type } });
    }
    return realFetch(input, init);
  }) as typeof fetch;
}

/** Loads `<siteDir>/pagefind/pagefind.js` as a fresh instance, with `options` (ranking…) applied. */
export async function loadPagefind(siteDir: string, options: Record<string, unknown> = {}): Promise<Pagefind> {
  installFetchShim();
  const bundle = path.join(path.resolve(siteDir), 'pagefind');
  const prefix = `/__pagefind_${++instances}__/`;
  roots.set(prefix, bundle);
  const pagefind = (await import(`${pathToFileURL(path.join(bundle, 'pagefind.js')).href}?instance=${instances}`)) as Pagefind;
  await pagefind.options({ basePath: prefix, baseUrl: '/', ...options });
  await pagefind.init();
  return pagefind;
}

/** URLs of the results of a search, best first. */
export async function resultUrls(pagefind: Pagefind, term: string | null, options: Parameters<Pagefind['search']>[1] = {}): Promise<string[]> {
  const response = await pagefind.search(term, options);
  return Promise.all(response.results.map(async (r) => (await r.data()).url));
}
