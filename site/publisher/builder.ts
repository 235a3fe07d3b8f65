/**
 * Runs one site build: scripts/build.ts in a child process (Astro build into a temporary folder, Pagefind
 * indexing, swap into the output folder only on success). Keeps the last lines of its output for the status.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const SITE_DIR = path.resolve(import.meta.dirname, '..');

export type BuildResult = {
  ok: boolean;
  code: number | null;
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  /** The last lines of the build's output (ANSI colours removed). */
  tail: string[];
  /** In Vietnamese, for editors; null on success. */
  error: string | null;
};

export type BuildOptions = {
  outDir: string;
  /** Environment of the build (STRAPI_URL, PUBLIC_CMS_URL, SITE_URL…), added to this process's. */
  env: Record<string, string | undefined>;
  timeoutMs?: number;
  tailLines?: number;
  onLine?: (line: string) => void;
};

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

export function runBuild(options: BuildOptions): Promise<BuildResult> {
  const startedAt = new Date();
  const keep = options.tailLines ?? 30;
  const tail: string[] = [];
  let partial = '';
  const take = (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split(/\r?\n/);
    partial = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.replace(ANSI, '');
      options.onLine?.(line);
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > keep) tail.shift();
    }
  };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(SITE_DIR, 'scripts', 'build.ts')], {
      cwd: SITE_DIR,
      env: { ...process.env, ...options.env, SITE_OUT_DIR: options.outDir, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, options.timeoutMs ?? 30 * 60_000);
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const finish = (code: number | null, spawnError?: Error) => {
      clearTimeout(timer);
      if (partial.trim()) take(Buffer.from('\n'));
      const finishedAt = new Date();
      const ok = code === 0 && !spawnError && !timedOut;
      let error: string | null = null;
      if (spawnError) error = `Không chạy được lệnh dựng trang: ${spawnError.message}`;
      else if (timedOut) error = `Dựng trang quá thời gian cho phép (${Math.round((options.timeoutMs ?? 0) / 1000)} s) và đã bị dừng; trang công khai giữ nguyên bản trước.`;
      else if (code === 3) error = `Các trang đã cập nhật nhưng tạo chỉ mục tìm kiếm thất bại; ô tìm kiếm vẫn dùng chỉ mục cũ. ${cause(tail)}`.trim();
      else if (!ok) error = `Dựng trang thất bại (mã ${code}); trang công khai giữ nguyên bản trước. ${cause(tail)}`.trim();
      resolve({ ok, code, startedAt, finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime(), tail: [...tail], error });
    };
    child.on('error', (e) => finish(null, e));
    child.on('exit', (code) => finish(code));
  });
}

/** The most telling line of a failed build's output (the StrapiError's message when there is one). */
function cause(tail: string[]): string {
  const line =
    tail.find((l) => /StrapiError|Không kết nối|không kết nối|Cannot reach|ECONNREFUSED/i.test(l)) ??
    tail.find((l) => /error|lỗi/i.test(l) && !/Build thất bại/.test(l));
  return line ? `Nguyên nhân: ${line.trim().slice(0, 500)}` : '';
}
