/**
 * Benchmark: Lighthouse scores of every page template (test/e2e/budgets.ts), in mobile mode (Lighthouse's
 * default: a phone's screen, simulated slow 4G and a slower CPU), on the demo site served by the publisher's
 * own file handler (site/publisher/static.ts: brotli, cache headers, its Content-Security-Policy).
 *   npm run bench:lighthouse                         seeds a Strapi, builds the demo site, audits each template
 *   npm run bench:lighthouse -- --site <folder>      audits a site already built in <folder>
 *   npm run bench:lighthouse -- --runs 3             the median of 3 runs per template (default 1)
 * The browser is the Chromium of @sparticuz/chromium, started by chrome-launcher with Chrome's background
 * services off and every host name other than 127.0.0.1 unresolvable: nothing leaves the machine.
 * Writes test/bench/results/lighthouse.json and lighthouse.md (ignored by git). Numbers, not assertions;
 * not part of npm test.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import sparticuz from '@sparticuz/chromium';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createStaticHandler } from '../../site/publisher/static.ts';
import { buildSite } from '../helpers/site.ts';
import { startStrapi } from '../helpers/strapi.ts';
import { TEMPLATES } from '../e2e/budgets.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(arg('runs') ?? 1));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;
const RESULTS = path.resolve(import.meta.dirname, 'results');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

// ── The site ──
let out = arg('site') ? path.resolve(arg('site')!) : '';
let tmp: string | null = null;
if (!out) {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-lighthouse-'));
  out = path.join(tmp, 'site');
  const cms = await startStrapi({ seed: true });
  const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out, SITE_URL: 'https://thads.example', NODE_ENV: 'production' });
  await cms.stop();
  if (build.code !== 0) throw new Error(build.output.slice(-3000));
  console.log(`Site built in ${build.seconds.toFixed(0)} s: ${out}`);
}
const handler = createStaticHandler({ root: () => out });
const server = http.createServer((req, res) => void handler(req, res));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ── The browser ──
const chrome = await chromeLauncher.launch({
  chromePath: await sparticuz.executablePath(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  logLevel: 'silent',
});

type Row = {
  template: string;
  source: string;
  url: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  metrics: Record<(typeof METRICS)[number], number>;
  bytes: number;
  /** Audits of the accessibility, best-practices and SEO categories that did not pass, with their titles. */
  failed: string[];
};
const rows: Row[] = [];
const started = performance.now();
try {
  for (const template of TEMPLATES) {
    // Lighthouse audits only pages served with 200: the 404 page is audited as the file itself.
    const page = template.source === '404.astro' ? '/404.html' : template.find(out);
    const url = origin + page;
    const runs: Row[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const failed = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id]!.title})`),
      );
      runs.push({
        template: template.name,
        source: template.source,
        url: page,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as Row['scores'],
        metrics: Object.fromEntries(METRICS.map((m) => [m, lhr.audits[m]?.numericValue ?? NaN])) as Row['metrics'],
        bytes: lhr.audits['total-byte-weight']?.numericValue ?? NaN,
        failed,
      });
    }
    const row: Row = {
      ...runs[0]!,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])) as Row['scores'],
      metrics: Object.fromEntries(METRICS.map((m) => [m, median(runs.map((r) => r.metrics[m]))])) as Row['metrics'],
      failed: [...new Set(runs.flatMap((r) => r.failed))],
    };
    rows.push(row);
    console.log(`${template.name.padEnd(38)} ${CATEGORIES.map((c) => String(row.scores[c]).padStart(4)).join('')}  ${row.failed.join('; ')}`);
  }
} finally {
  chrome.kill();
  server.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

// ── Results ──
const ms = (n: number) => (Number.isFinite(n) ? `${(n / 1000).toFixed(1)} s` : '–');
const lowest = Object.fromEntries(CATEGORIES.map((c) => [c, Math.min(...rows.map((r) => r.scores[c]))]));
const summary = {
  date: new Date().toISOString(),
  lighthouse: (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version,
  mode: 'mobile (Lighthouse default: simulated slow 4G, 4× CPU slowdown)',
  runsPerTemplate: RUNS,
  seconds: Math.round((performance.now() - started) / 1000),
  lowest,
  templates: rows,
};
fs.mkdirSync(RESULTS, { recursive: true });
fs.writeFileSync(path.join(RESULTS, 'lighthouse.json'), JSON.stringify(summary, null, 2) + '\n');
const table = [
  `Lighthouse ${summary.lighthouse}, ${summary.mode}, ${RUNS} run(s) per template, ${summary.date.slice(0, 10)}.`,
  '',
  '| template | performance | accessibility | best practices | SEO | LCP | TBT | CLS | bytes |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.template} (\`${r.url}\`) | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${ms(r.metrics['largest-contentful-paint'])} | ${Math.round(r.metrics['total-blocking-time'])} ms | ${r.metrics['cumulative-layout-shift'].toFixed(3)} | ${Math.round(r.bytes / 1024)} KB |`,
  ),
  `| **lowest** | ${lowest.performance} | ${lowest.accessibility} | ${lowest['best-practices']} | ${lowest.seo} | | | | |`,
  '',
  'Pages kept out of search engines on purpose (`noindex`: search, status look-up, debtors lists) lose the SEO',
  'points of “Page is blocked from indexing”.',
  '',
  'Audits not passed (accessibility, best practices, SEO):',
  '',
  ...rows.filter((r) => r.failed.length).map((r) => `- ${r.template}: ${r.failed.join('; ')}`),
];
fs.writeFileSync(path.join(RESULTS, 'lighthouse.md'), table.join('\n') + '\n');
console.log('\n' + table.join('\n'));
console.log(`\nWritten: ${path.relative(process.cwd(), path.join(RESULTS, 'lighthouse.json'))}, lighthouse.md`);
