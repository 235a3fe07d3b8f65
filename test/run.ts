/**
 * `npm test`: the whole suite in two lanes on a 2-core machine.
 *
 * 1. Prepares once for both lanes: shared/ built, the CMS compiled, the seeded and empty database snapshots of
 *    each database kind (test/helpers/snapshot.ts; cached between runs), while the type check runs beside.
 * 2. Runs two Vitest processes at once, each one test file at a time (one Strapi per process):
 *      lane A: unit, cms-sqlite, and its share of the site and e2e files;
 *      lane B: cms-postgres (with TEST_DATABASE_URL), and the other site and e2e files.
 *    The site and e2e files are shared out by their last measured durations (longest first, to the lane that
 *    ends first), so that the lanes end together. Site builds never overlap: every build takes the site build
 *    lock (test/helpers/site-build-lock.ts).
 * 3. Prints each lane's output prefixed with its name, then the counts and wall times of the run.
 *
 * THADS_TEST_FRESH=1: no snapshots and no shared site build (every file seeds its own database, as before).
 * THADS_TEST_LANES=1: one lane (everything in one Vitest process, one file at a time).
 * Extra arguments go to both Vitest processes (e.g. --bail=1).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepare } from './helpers/global-setup.ts';
import { CACHE_DIR, ROOT } from './helpers/snapshot.ts';
import type { TestDb } from './helpers/strapi.ts';

const started = performance.now();
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const postgres = Boolean(process.env.TEST_DATABASE_URL);
const oneLane = process.env.THADS_TEST_LANES === '1';
const extra = process.argv.slice(2);
const REPORTS = path.join(CACHE_DIR, 'reports');
const DURATIONS = path.join(CACHE_DIR, 'durations.json');
fs.mkdirSync(REPORTS, { recursive: true });

type Job = { name: string; done: Promise<number>; seconds?: number };

/** Runs a command, its output prefixed line by line; resolves with its exit code. */
function run(name: string, command: string, args: string[], env: Record<string, string> = {}): Job {
  const t0 = performance.now();
  const job: Job = { name, done: Promise.resolve(0) };
  job.done = new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
      let partial = '';
      stream.on('data', (chunk) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) out.write(`${name} │ ${line}\n`);
      });
      stream.on('end', () => partial && out.write(`${name} │ ${partial}\n`));
    };
    prefix(child.stdout, process.stdout);
    prefix(child.stderr, process.stderr);
    child.on('exit', (code, signal) => {
      job.seconds = (performance.now() - t0) / 1000;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
  return job;
}

const testFiles = (dir: string) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => `${dir}/${f}`);

// Last measured seconds per file ("site:test/site/build.test.ts"): this machine's last run, else the numbers
// kept in the repository (test/lane-durations.json, a run on a 2-core machine), else a guess.
const readJson = (file: string) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {});
const durations: Record<string, number> = { ...readJson(path.join(ROOT, 'test', 'lane-durations.json')), ...readJson(DURATIONS) };
const GUESS: Record<string, number> = { unit: 20, 'cms-sqlite': 12, 'cms-postgres': 14, site: 40, e2e: 50 };
const cost = (project: string, file: string) => durations[`${project}:${file}`] ?? GUESS[project]!;

const cms = testFiles('test/cms');
const shared = [...testFiles('test/site').map((file) => ({ project: 'site', file })), ...testFiles('test/e2e').map((file) => ({ project: 'e2e', file }))];
const lanes = [
  { name: 'A', projects: ['unit', 'cms-sqlite'], files: ['shared/src/', 'site/src/', 'site/publisher/', 'cms/src/', 'test/cms/'], load: GUESS.unit! + cms.reduce((n, f) => n + cost('cms-sqlite', f), 0) },
  { name: 'B', projects: postgres ? ['cms-postgres'] : [], files: postgres ? ['test/cms/'] : [], load: postgres ? cms.reduce((n, f) => n + cost('cms-postgres', f), 0) : 0 },
];
// Longest first, each to the lane with the least work so far.
for (const { project, file } of shared.sort((a, b) => cost(b.project, b.file) - cost(a.project, a.file))) {
  const lane = lanes[0]!.load <= lanes[1]!.load ? lanes[0]! : lanes[1]!;
  if (!lane.projects.includes(project)) lane.projects.push(project);
  lane.files.push(file);
  lane.load += cost(project, file);
}

// 0. The shared package as the CMS and the site import it (shared/dist): current, as after `npm install`.
{
  const shared = run('shared', 'npm', ['run', '--silent', 'build', '-w', 'shared']);
  if ((await shared.done) !== 0) {
    console.error('shared │ npm run build -w shared failed');
    process.exit(1);
  }
}

// 1. Prepare (compile, snapshots) beside the type check.
// Its `astro sync` takes the site build lock, as builds do (test/helpers/site-build-lock.ts).
const NODE_OPTIONS = [process.env.NODE_OPTIONS, `--import=${path.join(ROOT, 'test', 'helpers', 'site-build-lock.ts')}`].filter(Boolean).join(' ');
const typecheck = run('typecheck', 'npm', ['run', '--silent', 'typecheck'], { NODE_OPTIONS });
const t0 = performance.now();
const kinds: TestDb[] = postgres ? ['sqlite', 'postgres'] : ['sqlite'];
let prepared = false;
try {
  await prepare(kinds);
  prepared = true;
  console.log(`prepare │ CMS compiled, ${kinds.join(' and ')} snapshots ready (${seconds(t0)} s)${process.env.THADS_TEST_FRESH === '1' ? ' — THADS_TEST_FRESH=1: no snapshots' : ''}`);
} catch (error) {
  console.error(`prepare │ failed: ${(error as Error).stack ?? error}`);
}

// 2. The lanes.
const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const laneJobs: (Job & { report: string; times: string })[] = [];
if (prepared) {
  // One lane: every project of npm test (not the long journeys of npm run test:journeys).
  const everyProject = ['unit', 'cms-sqlite', ...(postgres ? ['cms-postgres'] : []), 'site', 'e2e'];
  const plan = oneLane ? [{ name: 'A', projects: everyProject, files: [] as string[], load: lanes[0]!.load + lanes[1]!.load }] : lanes.filter((l) => l.files.length);
  for (const lane of plan) {
    const report = path.join(REPORTS, `lane-${lane.name}.json`);
    const times = path.join(REPORTS, `lane-${lane.name}-durations.json`);
    for (const f of [report, times]) fs.rmSync(f, { force: true });
    console.log(`lane ${lane.name} │ ${lane.projects.length ? lane.projects.join(', ') : 'every project'} (about ${Math.round(lane.load)} s of tests by the last run)`);
    const args = [vitest, 'run', ...lane.projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, `--reporter=${path.join(ROOT, 'test', 'helpers', 'durations-reporter.ts')}`, ...extra, ...lane.files];
    laneJobs.push(Object.assign(run(lane.name, process.execPath, args, { THADS_TEST_LANE: lane.name, THADS_TEST_DURATIONS_OUT: times, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' }), { report, times }));
  }
}

const typecheckCode = await typecheck.done;
const codes = await Promise.all(laneJobs.map((j) => j.done));

// 3. Counts, wall times, and the durations for the next run's sharing out.
type Assertion = { fullName: string; status: string; failureMessages?: string[] };
type FileResult = { name: string; status: string; message?: string; assertionResults?: Assertion[] };
type Report = { numTotalTests: number; numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: FileResult[] };
// The failures are named again at the end, where CI's printed tail shows them (the lanes' own output scrolls away).
const failures: string[] = [];
const firstLine = (text = '') => text.split('\n').find((l) => l.trim())?.trim().slice(0, 300) ?? '';
const totals = { total: 0, passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [`typecheck: ${typecheckCode === 0 ? 'passed' : `FAILED (exit ${typecheckCode})`} (${typecheck.seconds?.toFixed(1)} s)`];
for (const [i, job] of laneJobs.entries()) {
  let report: Report | undefined;
  try {
    report = JSON.parse(fs.readFileSync(job.report, 'utf8'));
  } catch {}
  if (!report) {
    lines.push(`lane ${job.name}: no report (exit ${codes[i]}) (${job.seconds?.toFixed(1)} s)`);
    continue;
  }
  const skipped = report.numPendingTests + report.numTodoTests;
  totals.total += report.numTotalTests;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += skipped;
  for (const file of report.testResults) {
    const rel = path.relative(ROOT, file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) failures.push(`  ✗ ${job.name} ${rel} › ${a.fullName}\n      ${firstLine(a.failureMessages?.[0])}`);
    if (file.status === 'failed' && !failed.length) failures.push(`  ✗ ${job.name} ${rel} (file)\n      ${firstLine(file.message)}`);
  }
  lines.push(`lane ${job.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped of ${report.numTotalTests} tests in ${report.testResults.length} files (${job.seconds?.toFixed(1)} s, exit ${codes[i]})`);
  try {
    Object.assign(durations, JSON.parse(fs.readFileSync(job.times, 'utf8')));
  } catch {}
}
fs.writeFileSync(DURATIONS, JSON.stringify(durations, null, 1));
const ok = prepared && typecheckCode === 0 && codes.every((c) => c === 0);
lines.push(`tests run: ${totals.passed + totals.failed} (${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped); wall ${seconds(started)} s${process.env.THADS_TEST_FRESH === '1' ? ' (THADS_TEST_FRESH=1)' : ''}`);
if (failures.length) lines.push('failed:', ...failures);
console.log(`\n${ok ? 'PASSED' : 'FAILED'}\n${lines.join('\n')}`);
process.exit(ok ? 0 : 1);
