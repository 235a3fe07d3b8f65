/**
 * Benchmark: build the site from a freshly seeded Strapi and weigh the result.
 *   npm run bench                                  demo content
 *   npm run bench -- --articles 10000 --qas 3000   plus synthetic content at scale
 * Writes test/bench/results/site-build.json (ignored by git) and prints a summary.
 * Numbers, not assertions: these machines are shared and noisy.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fromCms, startStrapi } from '../helpers/strapi.ts';
import { buildSite, listFiles } from '../helpers/site.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : 0;
};

const t0 = performance.now();
const cms = await startStrapi({ seed: true });
const seeded = performance.now();
let synthetic = { articles: 0, qas: 0 };
if (arg('articles') || arg('qas')) synthetic = await fromCms('seed/synthetic').generateSynthetic(cms.strapi, { articles: arg('articles'), qas: arg('qas') });
const generated = performance.now();

const out = path.join(cms.tmp, 'site');
const cold = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out });
if (cold.code !== 0) throw new Error(cold.output.slice(-3000));
const warm = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out });

const files = listFiles(out);
const size = (rel: string) => fs.statSync(path.join(out, rel)).size;
const gz = (rel: string) => zlib.gzipSync(fs.readFileSync(path.join(out, rel))).length;
const html = files.filter((f) => f.endsWith('.html'));
let largest = { page: '', bytes: 0, gzip: 0 };
for (const f of html) {
  const text = fs.readFileSync(path.join(out, f), 'utf8');
  const assets = [...text.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="(\/[^"]+)"/g)].map((m) => m[1]!.slice(1)).filter((a) => files.includes(a));
  const bytes = size(f) + assets.reduce((n, a) => n + size(a), 0);
  if (bytes > largest.bytes) largest = { page: f, bytes, gzip: gz(f) + assets.reduce((n, a) => n + gz(a), 0) };
}
const result = {
  date: new Date().toISOString(),
  node: process.version,
  content: { synthetic },
  seconds: {
    strapiBootAndSeed: +((seeded - t0) / 1000).toFixed(1),
    synthetic: +((generated - seeded) / 1000).toFixed(1),
    coldBuild: +cold.seconds.toFixed(1),
    warmBuild: +warm.seconds.toFixed(1),
  },
  site: {
    pages: html.length,
    files: files.length,
    totalBytes: files.reduce((n, f) => n + size(f), 0),
    htmlBytes: html.reduce((n, f) => n + size(f), 0),
    largestPage: largest,
  },
};
await cms.stop();
const dir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'site-build.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
process.exit(0);
