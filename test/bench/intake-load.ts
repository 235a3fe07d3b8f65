/**
 * Load benchmark of the intake endpoint (issue 5), on loopback:
 *   npm run bench:intake
 * Starts a seeded CMS in its own process, then with autocannon (50 connections, 20 s each):
 *  1. POST /api/citizen-questions/submit with valid, pre-solved payloads from many addresses
 *     (X-Forwarded-For, rate limit raised so that the endpoint itself is measured);
 *  2. GET /api/articles/:documentId, a plain public findOne, on the same instance;
 *  3. a flood from ONE address with the default limits: what it gets.
 * Writes test/bench/results/intake-load.json. Numbers, never assertions.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const cmsRequire = createRequire(path.join(ROOT, 'cms', 'package.json'));
const { createChallenge, solveChallenge } = cmsRequire('altcha-lib');
const { deriveKey } = cmsRequire('altcha-lib/algorithms/pbkdf2');
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;

async function startCms(env: Record<string, string>) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-bench-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const secret = () => crypto.randomBytes(16).toString('base64');
  const child = spawn(process.execPath, ['cms/scripts/serve.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_KEYS: `${secret()},${secret()}`, API_TOKEN_SALT: secret(), ADMIN_JWT_SECRET: secret(), TRANSFER_TOKEN_SALT: secret(), JWT_SECRET: secret(), ENCRYPTION_KEY: secret(),
      DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(tmp, 'data.db'), PUBLIC_DIR: path.join(tmp, 'public'),
      SERVE_ADMIN_PANEL: 'false', SEED_ON_EMPTY: 'true', DEMO_USERS: 'false', IS_PROXIED: 'true', STARTUP_MESSAGE: 'false',
      ...env,
    },
  });
  fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/_health`)).status === 204) break;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, stop: () => { child.kill('SIGTERM'); fs.rmSync(tmp, { recursive: true, force: true }); } };
}

function summary(r: autocannon.Result) {
  const non2xx = r.non2xx;
  return {
    requests: r.requests.total,
    throughputPerSecond: Math.round(r.requests.average),
    latencyMs: { median: r.latency.p50, p99: r.latency.p99 },
    status: { '2xx': r['2xx'], '4xx': r['4xx'], '5xx': r['5xx'], non2xx },
    errors: r.errors,
  };
}

const run = (opts: autocannon.Options) => new Promise<autocannon.Result>((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));

const hmac = crypto.randomBytes(32).toString('hex');
const cms = await startCms({ INTAKE_HMAC_SECRET: hmac, INTAKE_SUBMIT_LIMIT: '100000000/60', INTAKE_POW_COST: '200' });
try {
  // Payloads solved ahead (easy counters: solving is the browser's work; verifying costs the same).
  const payloads: string[] = [];
  const target = Number(process.env.BENCH_PAYLOADS ?? 20000);
  for (let i = 0; i < target; i++) {
    const challenge = await createChallenge({ algorithm: 'PBKDF2/SHA-256', cost: 200, counter: 1 + (i % 3), deriveKey, expiresAt: new Date(Date.now() + 3600_000), hmacSignatureSecret: hmac });
    const solution = await solveChallenge({ challenge, deriveKey });
    payloads.push(Buffer.from(JSON.stringify({ challenge, solution })).toString('base64'));
  }
  let n = 0;
  const body = (i: number) =>
    JSON.stringify({ name: 'Người Thử Tải', phone: '0912345678', question: `Câu hỏi thử tải số ${i} về thời hiệu yêu cầu thi hành án dân sự.`, consent: true, website: '', altcha: payloads[i % payloads.length] });

  const submit = await run({
    url: `${cms.url}/api/citizen-questions/submit`,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ method: 'POST', setupRequest: (req: any) => { const i = n++; return { ...req, headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }, body: body(i) }; } }],
  });
  const article = (await (await fetch(`${cms.url}/api/articles?pagination[pageSize]=1`)).json()).data[0].documentId;
  const findOne = await run({ url: `${cms.url}/api/articles/${article}`, connections: CONNECTIONS, duration: DURATION });

  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model}`,
    connections: CONNECTIONS,
    seconds: DURATION,
    submit: summary(submit),
    findOne: summary(findOne),
    ratio: { throughput: +(submit.requests.average / findOne.requests.average).toFixed(2), medianLatency: +(submit.latency.p50 / Math.max(findOne.latency.p50, 0.01)).toFixed(2) },
    payloadsUsed: n,
  };
  cms.stop();

  // A flood from one address, with the default limits.
  const flood = await startCms({ INTAKE_HMAC_SECRET: hmac });
  let k = 0;
  const floodResult = await run({
    url: `${flood.url}/api/citizen-questions/submit`,
    connections: CONNECTIONS,
    amount: 2000,
    requests: [{ method: 'POST', setupRequest: (req: any) => ({ ...req, headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' }, body: body(100000 + k++) }) }],
  });
  flood.stop();
  const output = { ...result, floodFromOneAddress: { sent: 2000, ...summary(floodResult) } };
  const dir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'intake-load.json'), JSON.stringify(output, null, 2) + '\n');
  console.log(JSON.stringify(output, null, 2));
} finally {
  cms.stop();
}
process.exit(0);
