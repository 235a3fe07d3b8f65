/**
 * Draft preview, the publisher's side. The admin's preview button (cms/config/admin.ts) opens
 *   GET /_preview/open?type=<api path>&id=<documentId>&iat=…&exp=…&sig=…
 * with a ticket signed by PUBLISHER_SECRET (@thads/shared previewLink). After checking it, the publisher
 * builds the draft with the site's own code (scripts/build.ts with THADS_PREVIEW: that collection holds only
 * the draft, read from the CMS with the secret; units, categories, topics and the single types as usual;
 * no search index) into its own folder, served under /_preview/<type>-<id>/ (Astro's `base`), and answers
 * the link with the draft's page once built — a waiting page that reloads itself until then.
 * Only the link shows the page, and nothing of a preview build is served without it: each build lives under
 * /_preview/<type>-<id>-<128 random bits>/ (a new value per build), a folder named only in the page the
 * ticket opens, and under it the publisher serves only what that page loads (styles, scripts, images,
 * fonts, the draft's attached documents), never the build's HTML, feeds, sitemap, JSON, ZIPs or search
 * index. Responses are `no-store` and `noindex`, and may be framed by the admin (its preview panel), by
 * nothing else.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { verifyPreviewQuery } from '@thads/shared';
import { runBuild, type BuildResult } from './builder.ts';
import { contentSecurityPolicy, inlineHashes, type CspOptions } from './csp.ts';
import { DOCUMENT_CONTENT_TYPES } from '@thads/shared';
import { SECURITY_HEADERS, TYPES, resolvePath } from './static.ts';

/** What a preview page loads: served from its build folder; every other file of the build stays unserved. */
const PAGE_ASSETS = new Set(['.css', '.js', '.mjs', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.ico', '.woff2', '.woff', ...Object.keys(DOCUMENT_CONTENT_TYPES)]);

export type PreviewOptions = {
  secret: string;
  /** Where preview builds go (one folder per entry, replaced by each new preview of it). */
  dir: string;
  /** Environment of the builds (STRAPI_URL…), as for the public site. */
  buildEnv: Record<string, string | undefined>;
  /** Origins allowed to frame the preview (the admin). */
  frameAncestors: string[];
  csp?: CspOptions;
  timeoutMs?: number;
  log?: (message: string) => void;
  /** Replaces the real build (tests). */
  build?: (job: { key: string; outDir: string; env: Record<string, string> }) => Promise<BuildResult>;
};

type Job = {
  /** The entry: "<type>-<documentId>". */
  key: string;
  /** This build's folder and URL segment: the key and 128 random bits, named only in the page the ticket opens. */
  base: string;
  state: 'building' | 'ready' | 'failed';
  startedAt: number;
  finishedAt: number | null;
  /** The page of the draft, relative to the job's folder ("tin-tuc/abc/index.html"). */
  page: string | null;
  error: string | null;
  tail: string[];
};

const PAGE_PATHS: Record<string, string> = {
  articles: 'tin-tuc',
  'legal-qas': 'hoi-dap',
  stories: 'guong-dien-hinh',
  'press-releases': 'bao-chi/thong-cao',
  corrections: 'bao-chi/cai-chinh',
  announcements: 'thong-bao',
  'legal-documents': 'van-ban',
  galleries: 'thu-vien-anh',
  units: 'don-vi',
  categories: 'chuyen-muc',
  topics: 'hoi-dap/linh-vuc',
  'enforcement-notices': 'thong-bao-thi-hanh-an',
  'auction-notices': 'dau-gia',
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string, refresh?: number): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">${
    refresh ? `<meta http-equiv="refresh" content="${refresh}">` : ''
  }<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

export function createPreview(options: PreviewOptions) {
  const log = options.log ?? ((m: string) => console.log(`[xem trước] ${m}`));
  const dir = path.resolve(options.dir);
  fs.mkdirSync(dir, { recursive: true });
  const jobs = new Map<string, Job>();
  /** Jobs by their folder's segment (the only way to reach a build's assets). */
  const byBase = new Map<string, Job>();
  // One preview build at a time (beside the public build): the machine's cores are shared.
  let chain: Promise<unknown> = Promise.resolve();

  const build =
    options.build ??
    ((job: { key: string; outDir: string; env: Record<string, string> }) =>
      runBuild({ outDir: job.outDir, env: { ...options.buildEnv, ...job.env }, timeoutMs: options.timeoutMs ?? 5 * 60_000 }));

  function start(type: string, id: string): Job {
    const key = `${type}-${id}`;
    const base = `${key}-${randomBytes(16).toString('hex')}`;
    const job: Job = { key, base, state: 'building', startedAt: Date.now(), finishedAt: null, page: null, error: null, tail: [] };
    const previous = jobs.get(key);
    if (previous) byBase.delete(previous.base);
    jobs.set(key, job);
    byBase.set(base, job);
    const outDir = path.join(dir, base);
    const resultFile = path.join(dir, `${base}.json`);
    chain = chain.then(async () => {
      // The entry's earlier build goes: its folder name is no longer served, its files no longer kept.
      if (previous) {
        fs.rmSync(path.join(dir, previous.base), { recursive: true, force: true });
        fs.rmSync(path.join(dir, `${previous.base}.json`), { force: true });
      }
      fs.rmSync(resultFile, { force: true });
      log(`Dựng bản xem trước ${type} ${id}.`);
      const result = await build({
        key,
        outDir,
        env: {
          THADS_PREVIEW: `${type}:${id}`,
          THADS_PREVIEW_RESULT: resultFile,
          PUBLISHER_SECRET: options.secret,
          SITE_BASE: `/_preview/${base}/`,
          SITE_CACHE_DIR: path.join(dir, '.cache'),
        },
      }).catch((error: Error) => ({ ok: false, error: error.message, tail: [] }) as unknown as BuildResult);
      job.finishedAt = Date.now();
      job.tail = result.tail.slice(-15);
      let slug: string | null = null;
      try {
        slug = (JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { slug?: string }).slug ?? null;
      } catch {}
      const section = PAGE_PATHS[type];
      const file = slug && section ? `${section}/${slug}/index.html` : null;
      if (result.ok && file && fs.existsSync(path.join(outDir, file))) {
        job.state = 'ready';
        job.page = file;
        log(`Bản xem trước ${type} ${id} sẵn sàng sau ${((job.finishedAt - job.startedAt) / 1000).toFixed(1)} s.`);
      } else {
        job.state = 'failed';
        job.error = result.ok ? 'Bản dựng không có trang của nội dung này (loại nội dung không có trang riêng?).' : (result.error ?? 'Dựng bản xem trước thất bại.');
        log(`LỖI xem trước ${type} ${id}: ${job.error}`);
      }
    });
    return job;
  }

  const send = (res: http.ServerResponse, req: http.IncomingMessage, status: number, headers: Record<string, string | number>, body: string | Buffer) => {
    const frame = options.frameAncestors.length ? options.frameAncestors.join(' ') : "'none'";
    const { 'x-frame-options': _drop, ...security } = SECURITY_HEADERS;
    const csp = String(headers['content-security-policy'] ?? contentSecurityPolicy(null, options.csp)).replace("frame-ancestors 'none'", `frame-ancestors ${frame}`);
    res.writeHead(status, { ...security, 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow', ...headers, 'content-security-policy': csp });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const html = (res: http.ServerResponse, req: http.IncomingMessage, status: number, body: string) =>
    send(res, req, status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': contentSecurityPolicy(inlineHashes(body), options.csp) }, body);

  async function open(req: http.IncomingMessage, res: http.ServerResponse, search: URLSearchParams) {
    const check = await verifyPreviewQuery(Object.fromEntries(search), options.secret);
    if (!check.ok) return html(res, req, check.status, page('Không mở được bản xem trước', `<p>${escapeHtml(check.message)}</p>`));
    const { type, id, iat } = check.ticket;
    if (!PAGE_PATHS[type]) return html(res, req, 404, page('Không có bản xem trước', '<p>Loại nội dung này không có trang riêng trên trang công khai.</p>'));
    let job = jobs.get(`${type}-${id}`);
    // A link issued after the last build of this entry asks for the draft as it is now.
    if (!job || (job.state !== 'building' && job.startedAt < iat * 1000)) job = start(type, id);
    if (job.state === 'building') {
      const seconds = Math.round((Date.now() - job.startedAt) / 1000);
      return html(res, req, 200, page('Đang chuẩn bị bản xem trước…', `<p>Trang đang được dựng từ bản nháp (${seconds} giây). Trang này sẽ tự tải lại.</p>`, 1));
    }
    if (job.state === 'failed' || !job.page) {
      const tail = job.tail.length ? `<pre>${escapeHtml(job.tail.join('\n'))}</pre>` : '';
      return html(res, req, 502, page('Không dựng được bản xem trước', `<p>${escapeHtml(job.error ?? '')}</p>${tail}<p>Hãy sửa nội dung rồi mở lại bản xem trước từ trang quản trị.</p>`));
    }
    let body: string;
    try {
      body = fs.readFileSync(path.join(dir, job.base, job.page), 'utf8');
    } catch {
      jobs.delete(job.key);
      byBase.delete(job.base);
      return html(res, req, 404, page('Bản xem trước không còn', '<p>Hãy mở lại bản xem trước từ trang quản trị.</p>'));
    }
    // The banner's <style> is allowed by its hash in the page's policy (computed below), not by 'unsafe-inline'.
    const banner =
      '<style>.thads-preview{margin:0;padding:.5rem 1rem;background:#fff3cd;color:#5c4400;font:600 1rem/1.4 system-ui,sans-serif;border-bottom:2px solid #c79100}</style>' +
      '<p class="thads-preview" role="status">BẢN XEM TRƯỚC — nội dung chưa xuất bản, chỉ người có liên kết từ trang quản trị xem được.</p>';
    const withBanner = body.replace(/<body([^>]*)>/, `<body$1>${banner}`);
    return html(res, req, 200, withBanner);
  }

  /** What the preview page loads, from its own build's folder: never its HTML, feeds, sitemap, JSON, ZIPs or index. */
  function asset(req: http.IncomingMessage, res: http.ServerResponse, base: string, rest: string) {
    const job = byBase.get(base);
    const notFound = () => send(res, req, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Không tìm thấy.');
    if (!job || job.state !== 'ready') return notFound();
    const resolved = resolvePath(path.join(dir, job.base), `/${rest}`);
    if (resolved.kind !== 'file' || resolved.status !== 200) return notFound();
    const extension = path.extname(resolved.file).toLowerCase();
    if (!PAGE_ASSETS.has(extension) || path.relative(path.join(dir, job.base), resolved.file).split(path.sep)[0] === 'pagefind') return notFound();
    const type = TYPES[extension] ?? 'application/octet-stream';
    return send(res, req, 200, { 'content-type': type }, fs.readFileSync(resolved.file));
  }

  return {
    jobs,
    async handle(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, search: URLSearchParams): Promise<void> {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, req, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'Chỉ nhận GET.');
      if (pathname === '/_preview/open') return open(req, res, search);
      const m = /^\/_preview\/([^/]+)\/(.+)$/.exec(pathname);
      if (m) return asset(req, res, m[1]!, m[2]!);
      return send(res, req, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Không tìm thấy.');
    },
    /** Resolves when no preview build runs (tests, shutdown). */
    idle: () => chain.then(() => undefined),
  };
}
