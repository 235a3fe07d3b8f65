/**
 * Benchmark: publishing at scale (issue 6).
 *   npm run bench:build                         1,000 / 10,000 / 30,000 articles (+30 % Q&A)
 *   npm run bench:build -- --sizes 1000,10000   chosen sizes
 *   npm run bench:build -- --sizes 10000 --publishes 5 --equivalence 20
 * For each size, on a copy of a seeded SQLite fixture (test/bench/scale-fixture.ts, built once):
 *  - full build (cold: empty output and cache folders): seconds, peak memory of the build's processes, and the
 *    time of its stages (content sync, Vite, pages, images, sitemap, search index) from Astro's timer and log;
 *  - rebuild after one change (an article's title edited and published) as the publisher runs it: a targeted
 *    build (paths rendered; seconds until the pages are live, and until the search index is current);
 *  - publish-to-live through the real loop (Strapi webhook → publisher → build → served), median of
 *    `--publishes` (10): the new article's page served 200, and the build finished (search index current);
 *    then unpublish → 404 and delete → 404 of some of them;
 *  - with `--equivalence N`: N random changes kept by targeted builds, then a full build from an empty cache into
 *    another folder, compared file by file (test/helpers/equivalence.ts);
 *  - Strapi's own export of all content (`strapi export`), seconds and archive size.
 * Writes test/bench/results/build-scale.json and build-scale.md. Numbers, not assertions.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPublisher } from '../../site/publisher/server.ts';
import { compareSites, randomChanges } from '../helpers/equivalence.ts';
import { CMS_DIR, cmsRequire, startStrapi } from '../helpers/strapi.ts';
import { SITE_DIR } from '../helpers/site.ts';
import { scaleFixture } from './scale-fixture.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('sizes') ?? '1000,10000,30000').split(',').map(Number);
const publishes = Number(arg('publishes') ?? 10);
const equivalence = Number(arg('equivalence') ?? 0);

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

type Build = {
  seconds: number;
  peakMB: number;
  pages: number;
  restored: number;
  /** Targeted builds: paths rendered, and seconds until the pages were live (before the search index). */
  rendered: number | null;
  liveSeconds: number | null;
  stages: Record<string, number>;
  output: string;
};

const ANSI = /\x1b\[[0-9;]*m/g;

/** Where a build's time went, from Astro's timer (ASTRO_TIMER_PATH) and the lines of its log. */
function stagesOf(output: string, timer: Record<string, { elapsedTime: number }>): Record<string, number> {
  const s = (ms: number | undefined) => (ms === undefined ? NaN : +(ms / 1000).toFixed(1));
  const log = output.replace(ANSI, '');
  // Astro prints "Completed in 840ms.", "Completed in 33.60s." or, past a minute, "Completed in 1m 4s.".
  const completed = (after: string) => {
    const m = new RegExp(`${after}[\\s\\S]*?Completed in (?:(\\d+)m )?([\\d.]+)(ms|s)`).exec(log);
    return m ? Number(m[1] ?? 0) * 60_000 + Number(m[2]) * (m[3] === 'ms' ? 1 : 1000) : undefined;
  };
  const timeOf = (re: RegExp) => {
    const m = re.exec(log);
    return m ? Number(m[1]) : undefined;
  };
  return {
    contentSync: s(timer['Sync content layer']?.elapsedTime),
    vite: s((timer['Prerender build']?.elapsedTime ?? 0) + (timer['Client build']?.elapsedTime ?? 0)),
    pages: s(completed('generating static routes')),
    images: s(completed('generating optimized images') ?? 0),
    astroTotal: s(timer['Total build']?.elapsedTime),
    searchIndex: timeOf(/Search index: .*\(([\d.]+) s\)/) ?? NaN,
  };
}

/** Runs site/scripts/build.ts, sampling the memory of its process tree. */
function build(env: Record<string, string>): Promise<Build> {
  const started = performance.now();
  const timerFile = path.join(fs.mkdtempSync(path.join((os.tmpdir()), 'astro-timer-')), 'timer.json');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], { cwd: SITE_DIR, env: { ...process.env, ...env, ASTRO_TIMER_PATH: timerFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 250);
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(output.slice(-3000)));
      let timings = {};
      try {
        timings = JSON.parse(fs.readFileSync(timerFile, 'utf8'));
      } catch {}
      fs.rmSync(path.dirname(timerFile), { recursive: true, force: true });
      const targeted = /Targeted build: \d+ files updated, \d+ removed, (\d+) paths rendered \(([\d.]+) s\)/.exec(output);
      resolve({
        seconds: +((performance.now() - started) / 1000).toFixed(1),
        peakMB: Math.round(peak / 1024 / 1024),
        pages: Number(/Đã xuất bản (\d+) trang/.exec(output)?.[1] ?? 0),
        restored: (output.match(/\((restored|cached)\)/g) ?? []).length,
        rendered: targeted ? Number(targeted[1]) : null,
        liveSeconds: targeted ? Number(targeted[2]) : Number(/Published \d+ pages to .* \(([\d.]+) s\)/.exec(output)?.[1] ?? NaN),
        stages: stagesOf(output, timings),
        output,
      });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return +(s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2).toFixed(2);
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
  console.log(`Dựng toàn bộ (lạnh): ${full.seconds} s, ${full.pages} trang, bộ nhớ đỉnh ${full.peakMB} MB; ${JSON.stringify(full.stages)}`);
  const unchanged = await build(env);
  console.log(`Dựng lại toàn bộ (đọc lại mọi nội dung, bộ đệm ấm): ${unchanged.seconds} s (${unchanged.restored} trang dùng lại)`);

  const docs = cms.strapi.documents('api::article.article');
  const [one] = await docs.findMany({ status: 'published', limit: 1, sort: 'date:desc', filters: { slug: { $startsWith: 'tong-hop-' } } });
  await docs.update({ documentId: one.documentId, data: { title: `${one.title} (đã cập nhật)` } });
  await docs.publish({ documentId: one.documentId });
  await publisher.scheduler.idle();
  // As the publisher runs it after that event: only articles read again, and only the changed one in full.
  const oneChange = await build({ ...env, THADS_CHANGES: JSON.stringify([`entry.publish api::article.article ${one.documentId}`]) });
  console.log(`Dựng lại sau một thay đổi: ${oneChange.seconds} s, trang trực tuyến sau ${oneChange.liveSeconds} s (${oneChange.rendered ?? 'mọi'} đường dẫn được dựng), bộ nhớ đỉnh ${oneChange.peakMB} MB; ${JSON.stringify(oneChange.stages)}`);

  // Publish-to-live through the whole loop: the document service's publish fires Strapi's webhook. The page is
  // live when served 200; the search index is current when the build has finished (it is switched in last).
  const latencies: number[] = [];
  const searchLatencies: number[] = [];
  const created: { documentId: string; url: string }[] = [];
  const waitFor = async (url: string, status: number, t0: number) => {
    while ((await fetch(url)).status !== status) {
      if (performance.now() - t0 > 15 * 60_000) throw new Error(`${url} never answered ${status}: ${JSON.stringify(publisher.status().lastError)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return +((performance.now() - t0) / 1000).toFixed(1);
  };
  const builtAfter = async (t0Epoch: number) => {
    await publisher.scheduler.idle();
    return +((Date.parse(publisher.status().lastBuild!.finishedAt) - t0Epoch) / 1000).toFixed(1);
  };
  for (let i = 0; i < publishes; i++) {
    await publisher.scheduler.idle();
    const item = await docs.create({ data: { title: `Tin đo độ trễ xuất bản ${articles}-${i}-${Date.now()}`, body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung đo.' }] }], format: 'tin' } as any });
    const url = `${site}/tin-tuc/${item.slug}/`;
    created.push({ documentId: item.documentId, url });
    const t0 = performance.now();
    const t0Epoch = Date.now();
    await docs.publish({ documentId: item.documentId });
    latencies.push(await waitFor(url, 200, t0));
    searchLatencies.push(await builtAfter(t0Epoch));
    console.log(`  xuất bản → trực tuyến #${i + 1}: ${latencies.at(-1)} s, tìm kiếm cập nhật sau ${searchLatencies.at(-1)} s (bản dựng ${((publisher.status().lastDurationMs ?? 0) / 1000).toFixed(1)} s)`);
  }
  // Unpublish and delete some of them: the page answers 404.
  const gone: { unpublish: number[]; delete: number[] } = { unpublish: [], delete: [] };
  for (const [i, item] of created.slice(0, Math.min(created.length, 4)).entries()) {
    await publisher.scheduler.idle();
    const how = i % 2 === 0 ? 'unpublish' : 'delete';
    const t0 = performance.now();
    if (how === 'unpublish') await docs.unpublish({ documentId: item.documentId });
    else await docs.delete({ documentId: item.documentId });
    gone[how].push(await waitFor(item.url, 404, t0));
    console.log(`  ${how === 'unpublish' ? 'bỏ xuất bản' : 'xoá'} → 404: ${gone[how].at(-1)} s`);
  }
  await publisher.scheduler.idle();

  // A random sequence kept by targeted builds against a full build from an empty cache (test/helpers/equivalence.ts).
  let equivalent: { changes: number; rounds: number; compared: number; missing: number; different: string[]; extra: number; orphanImages: number; roundSeconds: number[] } | null = null;
  if (equivalence > 0) {
    let seed = 20_2026;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const roundSeconds: number[] = [];
    let changes = 0;
    let rounds = 0;
    while (changes < equivalence) {
      const n = Math.min(3, equivalence - changes);
      const reasons = await randomChanges(cms.strapi, random, n, `b${rounds}`);
      const kept = await build({ ...env, THADS_CHANGES: JSON.stringify(reasons) });
      if (kept.rendered === null) throw new Error(`round ${rounds} was not a targeted build:\n${kept.output.slice(-2000)}`);
      roundSeconds.push(kept.liveSeconds ?? NaN);
      changes += n;
      rounds += 1;
    }
    const reference = await build({ ...env, SITE_OUT_DIR: path.join(tmpOut, 'reference'), SITE_CACHE_DIR: path.join(tmpOut, 'reference-cache') });
    const diff = compareSites(out, path.join(tmpOut, 'reference'));
    equivalent = { changes, rounds, compared: diff.compared, missing: diff.missing.length, different: diff.different.slice(0, 20), extra: diff.extra.length, orphanImages: diff.orphanImages, roundSeconds };
    console.log(`Tương đương: ${changes} thay đổi, ${rounds} lượt; ${diff.compared} tệp so sánh, ${diff.missing.length} thiếu, ${diff.different.length} khác, ${diff.extra.length} thừa (${reference.pages} trang)`);
  }

  const exported = await strapiExport(path.join(cms.tmp, 'data.db'), tmpOut);
  console.log(`strapi export: ${exported.seconds} s, ${(exported.bytes / 1024 / 1024).toFixed(1)} MB`);

  results.push({
    articles,
    qas,
    pages: full.pages,
    fullBuild: { seconds: full.seconds, peakMB: full.peakMB },
    rebuildUnchanged: { seconds: unchanged.seconds, restoredPages: unchanged.restored },
    fullBuildStages: full.stages,
    rebuildOneChange: { seconds: oneChange.seconds, peakMB: oneChange.peakMB, liveSeconds: oneChange.liveSeconds, renderedPaths: oneChange.rendered, restoredPages: oneChange.restored, stages: oneChange.stages },
    publishToLive: { medianSeconds: median(latencies), all: latencies },
    publishToSearch: { medianSeconds: median(searchLatencies), all: searchLatencies },
    unpublishToGone: { medianSeconds: gone.unpublish.length ? median(gone.unpublish) : null, all: gone.unpublish },
    deleteToGone: { medianSeconds: gone.delete.length ? median(gone.delete) : null, all: gone.delete },
    equivalence: equivalent,
    strapiExport: exported,
    // These machines are shared: the 1-minute load average when the size finished, for reading the numbers.
    loadAverage: +(await import('node:os')).loadavg()[0]!.toFixed(1),
    fixtureCreatedSeconds: fixture.createdSeconds,
    publishes,
    date: new Date().toISOString(),
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
// Sizes measured by an earlier run stay in the file (each size is one run: `--sizes 30000` alone adds its row).
try {
  const earlier = JSON.parse(fs.readFileSync(path.join(dir, 'build-scale.json'), 'utf8')) as { results?: any[] };
  for (const r of earlier.results ?? []) if (r.fullBuildStages && !results.some((x) => x.articles === r.articles)) results.push(r);
  results.sort((a, b) => a.articles - b.articles);
} catch {}
fs.writeFileSync(path.join(dir, 'build-scale.json'), JSON.stringify({ ...meta, results }, null, 2) + '\n');
const table = [
  '| articles + Q&A | pages | full build (cold) | peak memory | full rebuild (warm caches) | one change: paths rendered | one change: pages live / search current (peak memory) | publish-to-live (median) | publish-to-search-current (median) | unpublish / delete → 404 | strapi export |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.articles} + ${r.qas} | ${r.pages} | ${r.fullBuild.seconds} s | ${r.fullBuild.peakMB} MB | ${r.rebuildUnchanged.seconds} s | ${r.rebuildOneChange.renderedPaths ?? 'all'} | ${r.rebuildOneChange.liveSeconds} s / ${r.rebuildOneChange.seconds} s (${r.rebuildOneChange.peakMB ?? '–'} MB) | ${r.publishToLive.medianSeconds} s (of ${r.publishes}) | ${r.publishToSearch.medianSeconds} s | ${r.unpublishToGone.medianSeconds ?? '–'} s / ${r.deleteToGone.medianSeconds ?? '–'} s | ${r.strapiExport.seconds} s, ${(r.strapiExport.bytes / 1024 / 1024).toFixed(1)} MB |`,
  ),
  '',
  '| articles + Q&A | full build stages: content sync / Vite / pages / images / search index (s) | one change stages: content sync / Vite / pages / search index (s) | equivalence (changes, files compared, differing) |',
  '|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.articles} + ${r.qas} | ${r.fullBuildStages.contentSync} / ${r.fullBuildStages.vite} / ${r.fullBuildStages.pages} / ${r.fullBuildStages.images} / ${r.fullBuildStages.searchIndex} | ${r.rebuildOneChange.stages.contentSync} / ${r.rebuildOneChange.stages.vite} / ${r.rebuildOneChange.stages.pages} / ${r.rebuildOneChange.stages.searchIndex} | ${r.equivalence ? `${r.equivalence.changes}, ${r.equivalence.compared}, ${r.equivalence.different.length + r.equivalence.missing + r.equivalence.extra}` : '–'} |`,
  ),
].join('\n');
fs.writeFileSync(path.join(dir, 'build-scale.md'), `${table}\n\n${meta.date}, Node ${meta.node}, ${meta.cpus} CPUs, load average ${results.map((r) => r.loadAverage).join(' / ')}\n`);
console.log(`\n${table}`);
process.exit(0);
