/**
 * Benchmark: an editor imports a unit's list of debtors without means to execute from a 5,000-row XLSX file
 * through the admin routes (cms/src/debtors), as the admin page "Nhập danh sách chưa có điều kiện THA" does:
 * preview, confirm (until the background job has written every row), then the same file again (preview and
 * confirm change nothing), then the file with every row changed (5,000 updates).
 *   npm run bench:import                    5,000 rows, SQLite (and PostgreSQL when TEST_DATABASE_URL is set)
 *   npm run bench:import -- --rows 20000    another size
 * Medians of --runs (default 3) fresh imports. Writes test/bench/results/debtor-import.json (ignored by git)
 * and prints it. Numbers, not assertions.
 */
import fs from 'node:fs';
import path from 'node:path';
import compileCms from '../helpers/global-setup.ts';
import { DEBTOR_HEADER, debtorRow, debtorXlsx } from '../helpers/debtor-sheet.ts';
import { api, startStrapi, type TestDb } from '../helpers/strapi.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 5_000);
const RUNS = arg('runs', 3);
const UID = 'api::debtor-listing.debtor-listing';
// Published entries (Draft & Publish keeps a draft row beside each).
const PUBLISHED = { where: { publishedAt: { $notNull: true } } };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => +(ms / 1000).toFixed(2);

async function bench(db: TestDb) {
  const cms = await startStrapi({ seed: true, db });
  try {
    const login = await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } });
    const token = login.body.data.token as string;
    const units = (await api(cms.url, '/thads/debtor-listings/import/units', { token })).body.data as { documentId: string; slug: string }[];
    const timings = { previewNew: [] as number[], confirmNew: [] as number[], previewSame: [] as number[], confirmSame: [] as number[], previewChanged: [] as number[], confirmChanged: [] as number[] };
    let fileBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      // Each run imports into its own unit, so every run starts from rows the database does not have.
      const unit = units[run % units.length]!.documentId;
      const file = await debtorXlsx([['DANH SÁCH NGƯỜI PHẢI THI HÀNH ÁN CHƯA CÓ ĐIỀU KIỆN THI HÀNH'], DEBTOR_HEADER, ...Array.from({ length: ROWS }, (_, i) => debtorRow(run * ROWS + i + 1))]);
      // The same people a month later, every address changed: every row an update.
      const changedFile = await debtorXlsx([DEBTOR_HEADER, ...Array.from({ length: ROWS }, (_, i) => debtorRow(run * ROWS + i + 1, { address: `Thôn Mới ${i + 1}, xã Như Quỳnh, tỉnh Hưng Yên` }))]);
      fileBytes = file.length;
      const send = async (route: 'preview' | 'confirm', bytes = file) => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(bytes)]), 'danh-sach.xlsx');
        form.append('unit', unit);
        const t0 = performance.now();
        const res = await api(cms.url, `/thads/debtor-listings/import/${route}`, { method: 'POST', body: form, token });
        if (![200, 201, 202].includes(res.status)) throw new Error(`${route}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
        // A large file is written in the background (202): the admin page follows the job, as this does.
        for (let job = res.body.data.job; res.status === 202 && job?.state !== 'xong'; ) {
          if (job?.state === 'loi') throw new Error(`${route}: ${job.error}`);
          await new Promise((r) => setTimeout(r, 100));
          // SQLite writes block Strapi's event loop; a kept-alive connection it closed meanwhile is reset: ask again,
          // as a browser does for a GET.
          job = await api(cms.url, '/thads/debtor-listings/import/job', { token }).then(
            (r) => r.body.data,
            () => job,
          );
        }
        const ms = performance.now() - t0;
        return { ms, summary: res.body.data.summary };
      };
      const before = await cms.strapi.db.query(UID).count(PUBLISHED);
      const p1 = await send('preview');
      if (p1.summary['them-moi'] !== ROWS) throw new Error(`preview: ${JSON.stringify(p1.summary)}`);
      const c1 = await send('confirm');
      const stored = (await cms.strapi.db.query(UID).count(PUBLISHED)) - before;
      if (stored !== ROWS) throw new Error(`confirm stored ${stored} rows, not ${ROWS}`);
      const p2 = await send('preview');
      if (p2.summary['khong-doi'] !== ROWS) throw new Error(`same file: ${JSON.stringify(p2.summary)}`);
      const c2 = await send('confirm');
      if ((await cms.strapi.db.query(UID).count(PUBLISHED)) - before !== ROWS) throw new Error('the same file twice added rows');
      const p3 = await send('preview', changedFile);
      if (p3.summary['cap-nhat'] !== ROWS) throw new Error(`changed file: ${JSON.stringify(p3.summary)}`);
      const c3 = await send('confirm', changedFile);
      if ((await cms.strapi.db.query(UID).count(PUBLISHED)) - before !== ROWS) throw new Error('the changed file added rows');
      const p4 = await send('preview', changedFile);
      if (p4.summary['khong-doi'] !== ROWS) throw new Error(`changed file, again: ${JSON.stringify(p4.summary)}`);
      timings.previewChanged.push(p3.ms);
      timings.confirmChanged.push(c3.ms);
      timings.previewNew.push(p1.ms);
      timings.confirmNew.push(c1.ms);
      timings.previewSame.push(p2.ms);
      timings.confirmSame.push(c2.ms);
      console.log(`${db} run ${run + 1}: preview ${seconds(p1.ms)} s, confirm ${seconds(c1.ms)} s, same file again ${seconds(p2.ms)} + ${seconds(c2.ms)} s, every row changed ${seconds(p3.ms)} + ${seconds(c3.ms)} s`);
    }
    return {
      rows: ROWS,
      runs: RUNS,
      fileKb: Math.round(fileBytes / 1024),
      medianSeconds: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, seconds(median(v))])),
      rowsPerSecondConfirm: Math.round(ROWS / (median(timings.confirmNew) / 1000)),
    };
  } finally {
    await cms.stop();
  }
}

await compileCms();
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
results.sqlite = await bench('sqlite');
if (process.env.TEST_DATABASE_URL) results.postgres = await bench('postgres');
const out = path.join(import.meta.dirname, 'results', 'debtor-import.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
process.exit(0);
