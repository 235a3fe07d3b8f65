/**
 * `npm start`: the whole product on one machine with embedded defaults.
 *  1. cms/.env with fresh secrets when missing (SQLite in cms/.tmp/);
 *  2. the Strapi admin panel built when missing or out of date;
 *  3. Strapi on :1337 (it seeds the demo content itself when its database is empty);
 *  4. the publisher (server.ts) on :4321: it builds the site once, serves it, and rebuilds it by itself
 *     when Strapi's webhook reports a publish (PUBLISHER_URL/PUBLISHER_SECRET are passed to Strapi; the
 *     secret is generated into cms/.env by cms/scripts/ensure-env.js).
 * Ctrl+C stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { demoAccountsSchema } from '@thads/shared';
import { adminBuildIsCurrent, ensureAdminBuild } from './admin-build.ts';
import { createPublisher, optionsFromEnv, type Publisher } from './server.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS = path.join(ROOT, 'cms');
const SITE = path.join(ROOT, 'site');

/** The demo accounts (cms/data/demo/accounts.json), one line each, as the CMS creates them. */
function demoAccountLines(): string {
  const role = { 'super-admin': 'Quản trị cao nhất', editor: 'Biên tập viên', reporter: 'Phóng viên' } as const;
  const accounts = demoAccountsSchema.parse(JSON.parse(fs.readFileSync(path.join(CMS, 'data', 'demo', 'accounts.json'), 'utf8')));
  return accounts.map((a) => `    ${a.email.padEnd(32)} ${a.password.padEnd(16)} ${role[a.role]}`).join('\n');
}
const CMS_PORT = Number(process.env.CMS_PORT ?? 1337);
const SITE_PORT = Number(process.env.PUBLISHER_PORT ?? process.env.SITE_PORT ?? 4321);
const CMS_URL = `http://127.0.0.1:${CMS_PORT}`;
const children: ChildProcess[] = [];
let publisher: Publisher | null = null;

const log = (msg: string) => console.log(`\x1b[36m[khởi động]\x1b[0m ${msg}`);

function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; background?: boolean }): Promise<void> | ChildProcess {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: 'inherit' });
  if (opts.background) {
    children.push(child);
    return child;
  }
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} thoát với mã ${code}`))));
    child.on('error', reject);
  });
}

async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`Strapi đã dừng (mã ${child.exitCode}) trước khi sẵn sàng.`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Hết thời gian chờ ${url}`);
}

function stopAll(code = 0) {
  void publisher?.close();
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function main() {
  const started = Date.now();
  const require = createRequire(path.join(CMS, 'package.json'));
  const { ensureEnv, readEnvValue } = require('./scripts/ensure-env.js');
  const envFile = ensureEnv();
  log(`Cấu hình CMS: ${path.relative(ROOT, envFile)}`);
  const publisherSecret: string = process.env.PUBLISHER_SECRET || readEnvValue('PUBLISHER_SECRET');
  const publisherUrl = process.env.PUBLISHER_URL ?? `http://127.0.0.1:${SITE_PORT}`;

  if (!adminBuildIsCurrent()) {
    log('Đang dựng trang quản trị Strapi (lần đầu mất khoảng một phút)…');
    await ensureAdminBuild();
  }

  log(`Khởi động Strapi tại ${CMS_URL}/admin …`);
  const siteOrigins = [`http://localhost:${SITE_PORT}`, `http://127.0.0.1:${SITE_PORT}`].join(',');
  const cms = run('npx', ['strapi', 'start'], {
    cwd: CMS,
    env: {
      PORT: String(CMS_PORT),
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      CORS_ORIGINS: process.env.CORS_ORIGINS ?? siteOrigins,
      PUBLISHER_URL: publisherUrl,
      // Draft previews open in the editor's browser, which knows the publisher as localhost.
      PREVIEW_URL: process.env.PREVIEW_URL ?? `http://localhost:${SITE_PORT}`,
      PUBLISHER_SECRET: publisherSecret,
    },
    background: true,
  }) as ChildProcess;
  cms.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      console.error(`Strapi dừng với mã ${code}.`);
      stopAll(1);
    }
  });
  await waitFor(`${CMS_URL}/_health`, 10 * 60_000, cms);

  const siteEnv = { STRAPI_URL: CMS_URL, PUBLIC_CMS_URL: process.env.PUBLIC_CMS_URL ?? `http://localhost:${CMS_PORT}`, SITE_URL: `http://localhost:${SITE_PORT}` };
  publisher = createPublisher({ ...optionsFromEnv({ ...process.env, ...siteEnv, PUBLISHER_SECRET: publisherSecret }), buildOutput: (line) => console.log(line) });
  await publisher.listen(SITE_PORT, '0.0.0.0');
  log(`Phục vụ trang công khai tại http://localhost:${SITE_PORT} (dịch vụ xuất bản: tự dựng lại khi có bài được xuất bản)`);
  log('Đang dựng trang công khai từ nội dung của Strapi…');
  const first = await publisher.buildNow();
  if (first.lastError) {
    if (!fs.existsSync(path.join(publisher.outDir, 'index.html'))) throw new Error(first.lastError.message);
    console.error(`\x1b[31m${first.lastError.message}\x1b[0m\nĐang phục vụ bản dựng trước; lần xuất bản tiếp theo sẽ dựng lại.`);
  }

  log(`Sẵn sàng sau ${Math.round((Date.now() - started) / 1000)} s:`);
  console.log(`
  Trang quản trị:   http://localhost:${CMS_PORT}/admin
  Trang công khai:  http://localhost:${SITE_PORT}

  Tài khoản dùng thử (chỉ cho bản demo, xem README):
${demoAccountLines()}

  Nhấn Ctrl+C để dừng.`);
}

main().catch((error) => {
  console.error(`\nKhông khởi động được: ${error.message}`);
  stopAll(1);
});
