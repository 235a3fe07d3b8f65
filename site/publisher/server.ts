/**
 * The publisher: one HTTP server that
 *  - serves the built site folder (SITE_OUT_DIR, default site/dist) with content types, compression,
 *    caching and security headers (static.ts, csp.ts);
 *  - takes Strapi's webhooks on POST /_publisher/hooks/strapi (header X-Publisher-Secret) and rebuilds the
 *    site, debounced and one build at a time (scheduler.ts, events.ts, builder.ts);
 *  - tells its state on GET /_publisher/status (same header).
 * A failed build leaves the previous site served (scripts/build.ts swaps only on success); the next event
 * retries.
 *
 *   PUBLISHER_SECRET=… STRAPI_URL=http://127.0.0.1:1337 node site/publisher/server.ts
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { runBuild, SITE_DIR, type BuildResult } from './builder.ts';
import { originOf } from './csp.ts';
import { classifyEvent } from './events.ts';
import { createPreview } from './preview.ts';
import { BuildScheduler, type QueueState } from './scheduler.ts';
import { createStaticHandler } from './static.ts';

export const SECRET_HEADER = 'x-publisher-secret';

export type PublisherOptions = {
  /** The served folder, and where builds are swapped in. */
  outDir: string;
  secret: string;
  /** Environment of every build (STRAPI_URL…); mutable: read at each build. */
  buildEnv: Record<string, string | undefined>;
  quietMs?: number;
  maxWaitMs?: number;
  /** After a failed build, retry by itself after this long, doubling at each failure up to 10 minutes. */
  retryMs?: number;
  /**
   * A full build (everything read again) this often, whatever happened: the safety net of incremental builds,
   * and what makes notices expire and embargoes lift on the site even on a quiet day. 0: never.
   */
  fullBuildEveryMs?: number;
  buildTimeoutMs?: number;
  /** Origins the pages may fetch/post to (the CMS, for the forms), for the CSP. */
  connectOrigins?: string[];
  log?: (message: string) => void;
  /** Receives every line a build prints (npm start shows them). */
  buildOutput?: (line: string) => void;
  /** Replaces the real build (tests of the server alone). */
  build?: (reasons: string[]) => Promise<BuildResult>;
  /** Where draft previews are built (default: `.preview` beside the output folder). */
  previewDir?: string;
};

export type PublisherStatus = {
  state: 'idle' | 'building' | 'failed';
  builds: { started: number; succeeded: number; failed: number };
  current: { startedAt: string; reasons: string[] } | null;
  lastSuccessAt: string | null;
  lastDurationMs: number | null;
  lastBuild: { ok: boolean; startedAt: string; finishedAt: string; durationMs: number; reasons: string[] } | null;
  lastError: { message: string; at: string; tail: string[] } | null;
  /** When the publisher retries by itself after a failure. */
  retryAt: string | null;
  queue: Omit<QueueState, 'dueAt'> & { dueAt: string | null };
  events: { received: number; accepted: number; ignored: number; lastAt: string | null };
};

const vnTime = (d: Date) => d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Constant-time comparison of the secret (both sides hashed first, so lengths never leak). */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string' || !secret) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(Object.assign(new Error('too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function createPublisher(options: PublisherOptions) {
  if (!options.secret) throw new Error('Thiếu PUBLISHER_SECRET: không thể bảo vệ điểm nhận webhook.');
  const log = options.log ?? ((m: string) => console.log(`\x1b[35m[xuất bản ${new Date().toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}]\x1b[0m ${m}`));
  const outDir = path.resolve(options.outDir);
  const builds = { started: 0, succeeded: 0, failed: 0 };
  const events = { received: 0, accepted: 0, ignored: 0, lastAt: null as Date | null };
  let current: { startedAt: Date; reasons: string[] } | null = null;
  let lastSuccessAt: Date | null = null;
  let lastBuild: (BuildResult & { reasons: string[] }) | null = null;
  let lastError: { message: string; at: Date; tail: string[] } | null = null;
  let retry: { timer: ReturnType<typeof setTimeout>; at: Date } | null = null;
  let failuresInARow = 0;
  const clearRetry = () => {
    if (retry) clearTimeout(retry.timer);
    retry = null;
  };

  const build =
    options.build ??
    ((reasons: string[]) =>
      runBuild({
        outDir,
        // The events of this build: when they only concern some entries, the build reads only those again
        // (src/build/changes.ts).
        env: { ...options.buildEnv, THADS_CHANGES: JSON.stringify(reasons) },
        timeoutMs: options.buildTimeoutMs,
        onLine: options.buildOutput,
      }));

  const scheduler = new BuildScheduler<BuildResult>({
    quietMs: options.quietMs ?? 2000,
    maxWaitMs: options.maxWaitMs ?? 20_000,
    build: async (reasons) => {
      builds.started += 1;
      current = { startedAt: new Date(), reasons };
      log(`Bắt đầu dựng trang (lần ${builds.started}; ${reasons.length} sự kiện: ${reasons.slice(-3).join('; ')}).`);
      let result: BuildResult;
      try {
        result = await build(reasons);
      } catch (error) {
        const now = new Date();
        result = { ok: false, code: null, startedAt: current.startedAt, finishedAt: now, durationMs: now.getTime() - current.startedAt.getTime(), tail: [String(error)], error: `Lỗi khi dựng trang: ${(error as Error).message}` };
      }
      current = null;
      lastBuild = { ...result, reasons };
      clearRetry();
      if (result.ok) {
        failuresInARow = 0;
        builds.succeeded += 1;
        lastSuccessAt = result.finishedAt;
        if (lastError) log('Đã xuất bản lại thành công sau lỗi trước đó.');
        lastError = null;
        log(`Đã cập nhật trang công khai trong ${(result.durationMs / 1000).toFixed(1)} s.`);
      } else {
        builds.failed += 1;
        lastError = { message: result.error ?? 'Dựng trang thất bại.', at: result.finishedAt, tail: result.tail.slice(-15) };
        log(`LỖI: ${lastError.message}`);
        // The cause is often passing (the CMS restarting, the disk full for a moment): try again by itself,
        // later and later, besides at the next event.
        failuresInARow += 1;
        const delay = Math.min((options.retryMs ?? 30_000) * 2 ** (failuresInARow - 1), 10 * 60_000);
        const timer = setTimeout(() => {
          retry = null;
          scheduler.notify('tự thử lại sau lỗi');
        }, delay);
        timer.unref?.();
        retry = { timer, at: new Date(Date.now() + delay) };
        log(`Trang công khai vẫn là bản dựng thành công trước${lastSuccessAt ? ` (lúc ${vnTime(lastSuccessAt)})` : ''}; tự thử lại sau ${Math.round(delay / 1000)} giây hoặc ở sự kiện tiếp theo.`);
      }
      return result;
    },
  });

  function status(): PublisherStatus {
    const q = scheduler.queue();
    return {
      state: current ? 'building' : lastError ? 'failed' : 'idle',
      builds: { ...builds },
      current: current ? { startedAt: current.startedAt.toISOString(), reasons: current.reasons } : null,
      lastSuccessAt: lastSuccessAt?.toISOString() ?? null,
      lastDurationMs: lastBuild?.durationMs ?? null,
      lastBuild: lastBuild && { ok: lastBuild.ok, startedAt: lastBuild.startedAt.toISOString(), finishedAt: lastBuild.finishedAt.toISOString(), durationMs: lastBuild.durationMs, reasons: lastBuild.reasons },
      lastError: lastError && { message: lastError.message, at: lastError.at.toISOString(), tail: lastError.tail },
      retryAt: retry?.at.toISOString() ?? null,
      queue: { ...q, dueAt: q.dueAt ? new Date(q.dueAt).toISOString() : null },
      events: { ...events, lastAt: events.lastAt?.toISOString() ?? null },
    };
  }

  const fullEvery = options.fullBuildEveryMs ?? 0;
  const periodic = fullEvery > 0 ? setInterval(() => scheduler.notify('dựng lại toàn bộ định kỳ'), fullEvery) : null;
  periodic?.unref?.();

  const serveStatic = createStaticHandler({ root: () => outDir, csp: { connect: options.connectOrigins ?? [] } });
  const preview = createPreview({
    secret: options.secret,
    dir: options.previewDir ?? path.join(path.dirname(outDir), '.preview'),
    buildEnv: options.buildEnv,
    // The admin (the CMS's origin) shows the preview in its frame.
    frameAncestors: options.connectOrigins ?? [],
    csp: { connect: options.connectOrigins ?? [] },
    log,
  });

  const json = (res: http.ServerResponse, code: number, body: unknown) => {
    res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(JSON.stringify(body));
  };

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    const known = pathname === '/_publisher/hooks/strapi' || pathname === '/_publisher/status';
    if (!known) return json(res, 404, { error: 'Không tìm thấy.' });
    if (!secretMatches(req.headers[SECRET_HEADER], options.secret)) {
      req.resume();
      return json(res, 401, { error: 'Thiếu hoặc sai khoá bí mật (X-Publisher-Secret).' });
    }
    if (pathname === '/_publisher/status') {
      if (req.method !== 'GET') return json(res, 405, { error: 'Chỉ nhận GET.' });
      return json(res, 200, status());
    }
    if (req.method !== 'POST') return json(res, 405, { error: 'Chỉ nhận POST.' });
    let payload: unknown;
    try {
      payload = JSON.parse(await readBody(req, 1024 * 1024));
    } catch (error) {
      return json(res, (error as { status?: number }).status ?? 400, { error: 'Nội dung webhook không phải JSON hợp lệ.' });
    }
    events.received += 1;
    events.lastAt = new Date();
    const decision = classifyEvent(payload);
    if (!decision.rebuild) {
      events.ignored += 1;
      return json(res, 202, { accepted: false, reason: decision.why });
    }
    events.accepted += 1;
    log(`Nhận sự kiện ${decision.reason}: sẽ dựng lại trang.`);
    scheduler.notify(decision.reason);
    return json(res, 202, { accepted: true, queue: status().queue });
  }

  const server = http.createServer((req, res) => {
    const [pathname = '/', query = ''] = (req.url ?? '/').split('?');
    const handler = pathname.startsWith('/_publisher/')
      ? handleApi(req, res, pathname)
      : pathname.startsWith('/_preview/')
        ? preview.handle(req, res, pathname, new URLSearchParams(query))
        : serveStatic(req, res);
    handler.catch((error) => {
      log(`Lỗi khi trả lời ${req.method} ${pathname}: ${(error as Error).message}`);
      if (!res.headersSent) json(res, 500, { error: 'Lỗi máy chủ.' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;

  return {
    server,
    scheduler,
    preview,
    status,
    outDir,
    /** Asks for a build now (no quiet time); resolves when nothing runs or waits any more. */
    async buildNow(reason = 'khởi động'): Promise<PublisherStatus> {
      scheduler.notify(reason, { immediate: true });
      await scheduler.idle();
      return status();
    },
    listen(port: number, host = '127.0.0.1'): Promise<string> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const a = server.address() as AddressInfo;
          resolve(`http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`);
        });
      });
    },
    async close(): Promise<void> {
      clearRetry();
      if (periodic) clearInterval(periodic);
      scheduler.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler.idle().catch(() => {});
      await preview.idle().catch(() => {});
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;

/** Options from the environment (server.ts run directly, and npm start). */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): PublisherOptions {
  const cms = originOf(env.PUBLIC_CMS_URL ?? 'http://localhost:1337');
  return {
    outDir: path.resolve(SITE_DIR, env.SITE_OUT_DIR || 'dist'),
    secret: env.PUBLISHER_SECRET ?? '',
    buildEnv: { STRAPI_URL: env.STRAPI_URL, PUBLIC_CMS_URL: env.PUBLIC_CMS_URL, SITE_URL: env.SITE_URL, MEDIA_URL: env.MEDIA_URL },
    quietMs: Number(env.PUBLISHER_QUIET_MS ?? 2000),
    maxWaitMs: Number(env.PUBLISHER_MAX_WAIT_MS ?? 20_000),
    retryMs: Number(env.PUBLISHER_RETRY_MS ?? 30_000),
    fullBuildEveryMs: Number(env.PUBLISHER_FULL_BUILD_HOURS ?? 6) * 3600_000,
    buildTimeoutMs: Number(env.PUBLISHER_BUILD_TIMEOUT_MS ?? 30 * 60_000),
    connectOrigins: cms ? [cms] : [],
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const env = process.env;
  if (!env.PUBLISHER_SECRET) {
    console.error('Thiếu biến môi trường PUBLISHER_SECRET (khoá bí mật dùng chung với Strapi). / PUBLISHER_SECRET is missing.');
    process.exit(1);
  }
  const publisher = createPublisher(optionsFromEnv(env));
  const port = Number(env.PUBLISHER_PORT ?? env.SITE_PORT ?? 4321);
  const url = await publisher.listen(port, env.PUBLISHER_HOST ?? '0.0.0.0');
  console.log(`Dịch vụ xuất bản đang chạy tại ${url} (thư mục ${publisher.outDir}).`);
  if (env.PUBLISHER_BUILD_ON_START !== 'false') void publisher.buildNow();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void publisher.close().then(() => process.exit(0)));
}
