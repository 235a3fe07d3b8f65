/**
 * Serves the built site folder. The folder is swapped by rename after each build (scripts/build.ts), so
 * nothing is kept open between requests: each request resolves the path anew, opens the file, reads it
 * through that one handle and closes it. Compressed copies are cached by (inode, size, mtime), which a
 * swap changes.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { DOCUMENT_CONTENT_TYPES } from '@thads/shared';
import { SECURITY_HEADERS, contentSecurityPolicy, inlineHashes, type CspOptions } from './csp.ts';

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  // Documents (PDF, Word, Excel, OpenDocument): attachments and media kits.
  ...DOCUMENT_CONTENT_TYPES,
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
  '.vcf': 'text/vcard; charset=utf-8',
  '.zip': 'application/zip',
  '.csv': 'text/csv; charset=utf-8',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.xml', '.rss', '.txt', '.wasm', '.webmanifest', '.ico', '.vcf', '.csv', '.vtt']);

export type Resolved =
  | { kind: 'file'; file: string; status: 200 | 404 }
  | { kind: 'redirect'; location: string }
  | { kind: 'bad-request' }
  | { kind: 'not-found' };

const isFile = (p: string) => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

/**
 * Maps a URL path to a file under `root`: "/a/" → a/index.html, "/a" (a folder) → redirect to "/a/",
 * unknown → the site's 404.html with 404. Anything that would leave `root` (.., encoded slashes or
 * backslashes, NUL) is a 400.
 */
export function resolvePath(root: string, pathname: string, search = ''): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'bad-request' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-request' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'bad-request' };
  const base = path.resolve(root);
  const target = path.resolve(base, '.' + decoded);
  if (target !== base && !target.startsWith(base + path.sep)) return { kind: 'bad-request' };

  const notFound = (): Resolved => (isFile(path.join(base, '404.html')) ? { kind: 'file', file: path.join(base, '404.html'), status: 404 } : { kind: 'not-found' });
  if (decoded.endsWith('/')) {
    const index = path.join(target, 'index.html');
    return isFile(index) ? { kind: 'file', file: index, status: 200 } : notFound();
  }
  if (isFile(target)) return { kind: 'file', file: target, status: 200 };
  // Always a path on this host: "//tin-tuc" must not become "//tin-tuc/", which a browser reads as another host.
  if (isFile(path.join(target, 'index.html'))) return { kind: 'redirect', location: `/${pathname.replace(/^[/\\]+/, '').replace(/\/{2,}/g, '/')}/${search}` };
  return notFound();
}

/** Cache-Control by path: hashed file names (Astro's /_astro/, Pagefind's chunks) are immutable; the rest revalidates. */
export function cacheControl(pathname: string, status: number): string {
  if (status === 404) return 'no-cache';
  if (pathname.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (/^\/pagefind\/(fragment|index|filter)\//.test(pathname)) return 'public, max-age=31536000, immutable';
  // HTML, pagefind.js / pagefind-entry.json (they name the current chunks), favicon: always revalidated
  // (cheap with the ETag), so a publish is visible at the next page view.
  return 'public, max-age=0, must-revalidate';
}

/** The headers every response carries (defined beside the policy, so that nginx gets the same: csp.ts --nginx). */
export { SECURITY_HEADERS };

type Cached = { body: Buffer; csp?: string };
/** Small LRU of prepared bodies (compressed copies, an HTML page's CSP), keyed by file identity. */
class BodyCache {
  private map = new Map<string, Cached>();
  private bytes = 0;
  private readonly maxBytes: number;
  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }
  get(key: string): Cached | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }
  set(key: string, value: Cached): void {
    if (value.body.length > this.maxBytes / 4) return;
    this.map.set(key, value);
    this.bytes += value.body.length;
    for (const [k, v] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(k);
      this.bytes -= v.body.length;
    }
  }
}

export type StaticOptions = {
  /** The served folder, resolved at every request (it is swapped by rename). */
  root: () => string;
  csp?: CspOptions;
};

/**
 * One byte range of a `Range: bytes=…` header ("a-b", "a-", "-n"), clamped to the file; 'unsatisfiable' for a
 * range past its end; null when there is none or several (then the whole file is sent, as HTTP allows).
 * Videos need ranges: Safari plays none without them, and no browser can seek.
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  if (!accept) return null;
  const offered = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set(name ?? '', q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

export function createStaticHandler(options: StaticOptions) {
  const cache = new BodyCache(64 * 1024 * 1024);

  return async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, headers: Record<string, string | number>, body?: Buffer | string) => {
      res.writeHead(status, { ...SECURITY_HEADERS, 'content-security-policy': contentSecurityPolicy(null, options.csp), ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'Phương thức không được hỗ trợ.');
    // The raw path, not the WHATWG-normalised one: a request with ".." is refused (400), not silently rewritten.
    const raw0 = req.url ?? '/';
    const q = raw0.indexOf('?');
    const url = { pathname: q < 0 ? raw0 : raw0.slice(0, q), search: q < 0 ? '' : raw0.slice(q) };
    let resolved = resolvePath(options.root(), url.pathname, url.search);
    let handle: fs.promises.FileHandle | null = null;
    // The folder may be swapped between resolving and opening: then resolve once more against the new one.
    for (let attempt = 0; resolved.kind === 'file' && !handle; attempt++) {
      try {
        handle = await fs.promises.open(resolved.file, 'r');
      } catch {
        if (attempt > 0) return send(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1', 'cache-control': 'no-cache' }, 'Trang đang được cập nhật, vui lòng thử lại.');
        await new Promise((r) => setTimeout(r, 50));
        resolved = resolvePath(options.root(), url.pathname, url.search);
      }
    }
    if (resolved.kind === 'bad-request') return send(400, { 'content-type': 'text/plain; charset=utf-8' }, 'Địa chỉ không hợp lệ.');
    if (resolved.kind === 'redirect') return send(301, { location: resolved.location, 'cache-control': 'public, max-age=3600' });
    if (resolved.kind === 'not-found') return send(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }, 'Không tìm thấy trang.');
    if (!handle || resolved.kind !== 'file') return send(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }, 'Không tìm thấy trang.');
    try {
      const stat = await handle.stat();
      const ext = path.extname(resolved.file).toLowerCase();
      const type = TYPES[ext] ?? 'application/octet-stream';
      const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}-${stat.ino.toString(16)}"`;
      const id = `${resolved.file}|${stat.ino}|${stat.size}|${stat.mtimeMs}`;
      const isHtml = ext === '.html';
      const encoding = COMPRESSIBLE.has(ext) && stat.size > 512 ? pickEncoding(req.headers['accept-encoding'] as string | undefined) : null;
      const headers: Record<string, string | number> = {
        'content-type': type,
        'cache-control': cacheControl(url.pathname, resolved.status),
        etag,
        'last-modified': stat.mtime.toUTCString(),
      };
      if (COMPRESSIBLE.has(ext)) headers.vary = 'Accept-Encoding';
      // The list of debtors must be findable on the site, not harvested: its pages and data say noindex.
      if (url.pathname.startsWith('/danh-sach-chua-co-dieu-kien-thi-hanh/')) headers['x-robots-tag'] = 'noindex, nofollow';
      else if (resolved.status === 200) {
        // Media and downloads (never compressed here) are served by byte ranges on request.
        headers['accept-ranges'] = 'bytes';
        const range = parseRange(req.headers.range, stat.size);
        if (range === 'unsatisfiable') return send(416, { 'content-type': type, 'content-range': `bytes */${stat.size}`, 'cache-control': 'no-cache' }, '');
        if (range && req.headers['if-range'] === undefined) {
          const length = range.end - range.start + 1;
          const part = Buffer.alloc(length);
          await handle.read(part, 0, length, range.start);
          return send(206, { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${stat.size}`, 'content-length': length }, part);
        }
      }

      let csp: string | undefined;
      let raw: Buffer | null = null;
      if (isHtml) {
        const hit = cache.get(`${id}|csp`);
        if (hit?.csp) csp = hit.csp;
        else {
          raw = await handle.readFile();
          csp = contentSecurityPolicy(inlineHashes(raw.toString('utf8')), options.csp);
          cache.set(`${id}|csp`, { body: Buffer.alloc(0), csp });
        }
      }
      if (resolved.status === 200 && req.headers['if-none-match'] === etag) {
        const notModified: Record<string, string> = { ...SECURITY_HEADERS, 'content-security-policy': csp ?? contentSecurityPolicy(null, options.csp), etag, 'cache-control': String(headers['cache-control']) };
        if (headers.vary) notModified.vary = String(headers.vary);
        res.writeHead(304, notModified);
        res.end();
        return;
      }

      let body: Buffer;
      if (encoding) {
        const key = `${id}|${encoding}`;
        const hit = cache.get(key);
        if (hit) body = hit.body;
        else {
          raw ??= await handle.readFile();
          body =
            encoding === 'br'
              ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
              : zlib.gzipSync(raw, { level: 9 });
          cache.set(key, { body });
        }
        headers['content-encoding'] = encoding;
      } else {
        body = raw ?? (await handle.readFile());
      }
      headers['content-length'] = body.length;
      send(resolved.status, { ...headers, 'content-security-policy': csp ?? contentSecurityPolicy(null, options.csp) }, body);
    } finally {
      await handle.close();
    }
  };
}
