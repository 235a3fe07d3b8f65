/**
 * Benchmark: backup and restore round trips, as an operator runs them (cms/scripts/backup.js, restore.js).
 *   npm run bench:backup                                    demo content, and 10,000 articles + 3,000 Q&A
 *   npm run bench:backup -- --articles 30000 --qas 9000     another scale
 * On SQLite; also on PostgreSQL when TEST_DATABASE_URL is set (the SQLite archive is restored into
 * PostgreSQL — the portable format — then backed up and restored again there).
 * Writes test/bench/results/backup.json (ignored by git) and prints it. Numbers, not assertions.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import compileCms from '../helpers/global-setup.ts';
import { CMS_DIR, cmsRequire, startStrapi } from '../helpers/strapi.ts';
import { scaleFixture } from './scale-fixture.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const articles = arg('articles', 10_000);
const qas = arg('qas', 3_000);
const pgAdmin = process.env.TEST_DATABASE_URL;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-bench-backup-'));
const secret = () => crypto.randomBytes(16).toString('base64');
// The restore starts Strapi once: it needs secrets (the same for every run here).
Object.assign(process.env, {
  NODE_ENV: 'test', SERVE_ADMIN_PANEL: 'false', STRAPI_TELEMETRY_DISABLED: 'true', CRON_ENABLED: 'false',
  APP_KEYS: `${secret()},${secret()}`, API_TOKEN_SALT: secret(), ADMIN_JWT_SECRET: secret(), TRANSFER_TOKEN_SALT: secret(), JWT_SECRET: secret(), ENCRYPTION_KEY: secret(),
});
delete process.env.DATABASE_URL;

type Env = Record<string, string>;
type Run = { seconds: number; peakRssMb: number; out: string };

/** One CMS script in its own process; wall time and peak memory (GNU time). */
function run(script: string, args: string[], env: Env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', process.execPath, path.join(CMS_DIR, 'scripts', script), ...args, '--no-compile'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const seconds = +((performance.now() - started) / 1000).toFixed(1);
      if (code !== 0) return reject(new Error(`${script} exited ${code}:\n${out}`));
      resolve({ seconds, peakRssMb: Math.round(Number(/PEAK_RSS_KB=(\d+)/.exec(out)?.[1] ?? 0) / 1024), out: out.replace(/PEAK_RSS_KB=\d+\n?/, '').trim() });
    });
  });
}

function sqliteEnv(dir: string): Env {
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  return { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db'), PUBLIC_DIR: path.join(dir, 'public') };
}

const pgDatabases: string[] = [];
async function pgEnv(dir: string): Promise<Env> {
  const { Client } = cmsRequire('pg');
  const name = `thads_bench_${crypto.randomBytes(5).toString('hex')}`;
  const c = new Client({ connectionString: pgAdmin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  pgDatabases.push(name);
  const url = new URL(pgAdmin!);
  url.pathname = `/${name}`;
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  return { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString(), DATABASE_POOL_MIN: '0', PUBLIC_DIR: path.join(dir, 'public') };
}

/** Backs `source` up, restores into `target`; sizes and times. */
async function roundTrip(label: string, source: Env, target: Env, archive = path.join(work, `${label}.tar.gz`)) {
  console.log(`— ${label}`);
  const backup = await run('backup.js', ['--out', archive], source);
  const restore = await run('restore.js', [archive], target);
  const rows = Number(/Đã khôi phục ([\d.]+) dòng/.exec(restore.out)?.[1]?.replace(/\./g, '') ?? 0);
  const boot = Number(/Strapi khởi động một lần: ([\d.]+) s/.exec(restore.out)?.[1] ?? 0);
  const result = {
    archiveMb: +(fs.statSync(archive).size / 1024 / 1024).toFixed(1),
    rows,
    backupSeconds: backup.seconds,
    backupPeakRssMb: backup.peakRssMb,
    restoreSeconds: restore.seconds,
    restoreStrapiBootSeconds: boot,
    restorePeakRssMb: restore.peakRssMb,
    roundTripSeconds: +(backup.seconds + restore.seconds).toFixed(1),
  };
  console.log(JSON.stringify(result));
  return { result, archive };
}

const results: Record<string, unknown> = {};
await compileCms();
try {
  // Demo content, seeded once into a folder that stays for the run.
  const demoDir = path.join(work, 'demo');
  const demo = await startStrapi({ seed: true, dir: demoDir });
  await demo.stop();
  const demoSqlite = await roundTrip('demo, SQLite → SQLite', sqliteEnv(demoDir), sqliteEnv(path.join(work, 'demo-restored')));
  results.demoSqlite = demoSqlite.result;

  // At scale: the benchmark fixture (built once, reused), copied so that it stays untouched.
  const fixture = await scaleFixture(articles, qas);
  const scaleDir = path.join(work, 'scale');
  fs.cpSync(fixture.dir, scaleDir, { recursive: true });
  const scaleSqlite = await roundTrip(`${articles} articles + ${qas} Q&A, SQLite → SQLite`, sqliteEnv(scaleDir), sqliteEnv(path.join(work, 'scale-restored')));
  results.scaleSqlite = scaleSqlite.result;

  if (pgAdmin) {
    const intoPg = await pgEnv(path.join(work, 'pg-a'));
    const cross = await run('restore.js', [scaleSqlite.archive], intoPg);
    results.scaleSqliteArchiveIntoPostgres = { restoreSeconds: cross.seconds, restorePeakRssMb: cross.peakRssMb };
    console.log(JSON.stringify(results.scaleSqliteArchiveIntoPostgres));
    results.scalePostgres = (await roundTrip(`${articles} articles + ${qas} Q&A, PostgreSQL → PostgreSQL`, intoPg, await pgEnv(path.join(work, 'pg-b')))).result;
    const demoPg = await pgEnv(path.join(work, 'demo-pg'));
    await run('restore.js', [demoSqlite.archive], demoPg);
    results.demoPostgres = (await roundTrip('demo, PostgreSQL → PostgreSQL', demoPg, await pgEnv(path.join(work, 'demo-pg-b')))).result;
  }
} finally {
  if (pgAdmin && pgDatabases.length) {
    const { Client } = cmsRequire('pg');
    const c = new Client({ connectionString: pgAdmin });
    await c.connect();
    for (const name of pgDatabases) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
  fs.rmSync(work, { recursive: true, force: true });
}

// The machines are shared: the load average says how busy this one was.
const report = { date: new Date().toISOString(), node: process.version, cores: os.cpus().length, loadAverage: os.loadavg().map((n) => +n.toFixed(1)), content: { articles, qas }, results };
const dir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'backup.json'), JSON.stringify(report, null, 2) + '\n');
console.log(JSON.stringify(report, null, 2));
process.exit(0);
