/**
 * Benchmark: publishing at scale (issue 6).
 *   npm run bench:build                         1,000 / 10,000 / 30,000 articles (+30 % Q&A)
 *   npm run bench:build -- --sizes 1000,10000   chosen sizes
 * For each size, on a copy of a seeded SQLite fixture (test/bench/scale-fixture.ts, built once):
 *  - full build (cold: empty output and cache folders): seconds and peak memory of the build's processes;
 *  - rebuild after one change (an article's title edited and published), incremental, warm cache;
 *  - publish-to-live through the real loop (Strapi webhook → publisher → build → served), median of 10;
 *  - Strapi's own export of all content (`strapi export`), seconds and archive size.
 * Writes test/bench/results/build-scale.json and build-scale.md. Numbers, not assertions.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createPublisher } from '../../site/publisher/server.ts';
import { CMS_DIR, cmsRequire, startStrapi } from '../helpers/strapi.ts';
import { SITE_DIR } from '../helpers/site.ts';
import { scaleFixture } from './scale-fixture.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('sizes') ?? '1000,10000,30000').split(',').map(Number);
const publishes = Number(arg('publishes') ?? 10);

/** Sum of the resident memory of `pid` and its descendants (Linux /proc), in bytes. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  let total = 0;
  const walk = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      total += m ? Number(m[1]) * 1024 : 0;
    } catch {}
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return total;
}

/** Runs site/scripts/build.ts, sampling the memory of its process tree. */
function build(env: Record<string, string>): Promise<{ seconds: number; peakMB: number; pages: number; restored: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], { cwd: SITE_DIR, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 250);
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(output.slice(-3000)));
      resolve({
        seconds: +((performance.now() - started) / 1000).toFixed(1),
        peakMB: Math.round(peak / 1024 / 1024),
        pages: Number(/Đã xuất bản (\d+) trang/.exec(output)?.[1] ?? 0),
        restored: (output.match(/\((restored|cached)\)/g) ?? []).length,
        output,
      });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function strapiExport(dbFile: string, tmp: string): Promise<{ seconds: number; bytes: number }> {
  const file = path.join(tmp, 'export');
  const started = performance.now();
  const bin = path.join(path.dirname(cmsRequire.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'export', '--no-encrypt', '-f', file], {
      cwd: CMS_DIR,
      env: { ...process.env, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: dbFile, NODE_ENV: 'production', SEED_ON_EMPTY: 'false', DEMO_USERS: 'false', PUBLISHER_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`strapi export (${code}): ${out.slice(-2000)}`))));
  });
  const archive = fs.readdirSync(tmp).find((f) => f.startsWith('export'))!;
  return { seconds: +((performance.now() - started) / 1000).toFixed(1), bytes: fs.statSync(path.join(tmp, archive)).size };
}

const results: any[] = [];
for (const articles of sizes) {
  const qas = Math.round(articles * 0.3);
  const fixture = await scaleFixture(articles, qas);
  const secret = crypto.randomBytes(24).toString('base64url');
  const buildEnv: Record<string, string | undefined> = {};
  // Inside site/, as the publisher's own folders: builds elsewhere share site/.astro/.prerender (scripts/build.ts).
  fs.mkdirSync(path.join(SITE_DIR, '.test-builds'), { recursive: true });
  const tmpOut = fs.mkdtempSync(path.join(SITE_DIR, '.test-builds', 'bench-'));
  const out = path.join(tmpOut, 'dist');
  const cache = path.join(tmpOut, 'cache');
  buildEnv.SITE_CACHE_DIR = cache;
  const publisher = createPublisher({ outDir: out, secret, buildEnv, log: () => {} });
  const site = await publisher.listen(0, '127.0.0.1');
  process.env.PUBLISHER_URL = site;
  process.env.PUBLISHER_SECRET = secret;
  const cms = await startStrapi({ seed: false, copyFrom: fixture.dir });
  buildEnv.STRAPI_URL = cms.url;
  const env = { STRAPI_URL: cms.url, SITE_OUT_DIR: out, SITE_CACHE_DIR: cache };
  console.log(`\n== ${articles} tin bài, ${qas} hỏi đáp ==`);

  const full = await build(env);
  console.log(`Dựng toàn bộ (lạnh): ${full.seconds} s, ${full.pages} trang, bộ nhớ đỉnh ${full.peakMB} MB`);
  const unchanged = await build(env);
  console.log(`Dựng lại toàn bộ (đọc lại mọi nội dung, bộ đệm ấm): ${unchanged.seconds} s (${unchanged.restored} trang dùng lại)`);

  const docs = cms.strapi.documents('api::article.article');
  const [one] = await docs.findMany({ status: 'published', limit: 1, sort: 'date:desc', filters: { slug: { $startsWith: 'tong-hop-' } } });
  await docs.update({ documentId: one.documentId, data: { title: `${one.title} (đã cập nhật)` } });
  await docs.publish({ documentId: one.documentId });
  await publisher.scheduler.idle();
  // As the publisher runs it after that event: only articles read again, and only the changed one in full.
  const oneChange = await build({ ...env, THADS_CHANGES: JSON.stringify([`entry.publish api::article.article ${one.documentId}`]) });
  console.log(`Dựng lại sau một thay đổi: ${oneChange.seconds} s (${oneChange.restored} trang dùng lại)`);

  // Publish-to-live through the whole loop: the document service's publish fires Strapi's webhook.
  const latencies: number[] = [];
  for (let i = 0; i < publishes; i++) {
    await publisher.scheduler.idle();
    const created = await docs.create({ data: { title: `Tin đo độ trễ xuất bản ${articles}-${i}-${Date.now()}`, body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung đo.' }] }], format: 'tin' } as any });
    const url = `${site}/tin-tuc/${created.slug}/`;
    const t0 = performance.now();
    await docs.publish({ documentId: created.documentId });
    while ((await fetch(url)).status !== 200) {
      if (performance.now() - t0 > 15 * 60_000) throw new Error(`${url} never appeared: ${JSON.stringify(publisher.status().lastError)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    latencies.push(+((performance.now() - t0) / 1000).toFixed(1));
    console.log(`  xuất bản → trực tuyến #${i + 1}: ${latencies.at(-1)} s (bản dựng ${((publisher.status().lastDurationMs ?? 0) / 1000).toFixed(1)} s)`);
  }
  await publisher.scheduler.idle();

  const exported = await strapiExport(path.join(cms.tmp, 'data.db'), tmpOut);
  console.log(`strapi export: ${exported.seconds} s, ${(exported.bytes / 1024 / 1024).toFixed(1)} MB`);

  results.push({
    articles,
    qas,
    pages: full.pages,
    fullBuild: { seconds: full.seconds, peakMB: full.peakMB },
    rebuildUnchanged: { seconds: unchanged.seconds, restoredPages: unchanged.restored },
    rebuildOneChange: { seconds: oneChange.seconds, restoredPages: oneChange.restored },
    publishToLive: { medianSeconds: median(latencies), all: latencies },
    strapiExport: exported,
    // These machines are shared: the 1-minute load average when the size finished, for reading the numbers.
    loadAverage: +(await import('node:os')).loadavg()[0]!.toFixed(1),
    fixtureCreatedSeconds: fixture.createdSeconds,
  });
  await publisher.close();
  await cms.stop();
  delete process.env.PUBLISHER_URL;
  delete process.env.PUBLISHER_SECRET;
  fs.rmSync(tmpOut, { recursive: true, force: true });
}

const dir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(dir, { recursive: true });
const meta = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length };
fs.writeFileSync(path.join(dir, 'build-scale.json'), JSON.stringify({ ...meta, results }, null, 2) + '\n');
const table = [
  '| articles + Q&A | pages | full build (cold) | peak memory | full rebuild (warm caches) | rebuild after one change | publish-to-live (median of ' + publishes + ') | strapi export |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.articles} + ${r.qas} | ${r.pages} | ${r.fullBuild.seconds} s | ${r.fullBuild.peakMB} MB | ${r.rebuildUnchanged.seconds} s | ${r.rebuildOneChange.seconds} s | ${r.publishToLive.medianSeconds} s | ${r.strapiExport.seconds} s, ${(r.strapiExport.bytes / 1024 / 1024).toFixed(1)} MB |`,
  ),
].join('\n');
fs.writeFileSync(path.join(dir, 'build-scale.md'), `${table}\n\n${meta.date}, Node ${meta.node}, ${meta.cpus} CPUs, load average ${results.map((r) => r.loadAverage).join(' / ')}\n`);
console.log(`\n${table}`);
process.exit(0);
