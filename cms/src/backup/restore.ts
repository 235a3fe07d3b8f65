/**
 * `npm run restore -- <archive>`: brings a backup (see backup.ts) back into an empty CMS.
 *  1. checks the archive (manifest, every media file's size and SHA-256) before touching anything;
 *  2. refuses a database or media store that already holds data, unless `force` (then it is replaced);
 *  3. starts Strapi once on the target so that it creates (or updates) the tables of this code;
 *  4. in one transaction, empties the tables the archive holds and loads them, parents first; on
 *     PostgreSQL, moves the id sequences past the restored rows;
 *  5. puts the media files back into the configured store (uploads folder or S3 bucket).
 * Run it with the CMS stopped, with the same secrets (cms/.env) as the instance that was backed up:
 * API tokens are checked with API_TOKEN_SALT, and admin passwords are hashes that need nothing else.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import * as tar from 'tar';
import { fromPortable, insertionOrder, listTables, openDatabase, quote, SKIPPED_TABLES, type Db, type Table } from './database';
import { manifestSchema, type Manifest, type ManifestTable } from './manifest';
import { openMediaStore } from './media';
import { sha256File } from './backup';

export type RestoreOptions = { appDir: string; distDir: string; archive: string; force?: boolean; log?: (message: string) => void };
export type RestoreSummary = { tables: number; rows: number; mediaFiles: number; seconds: number };

/** A restore that was not attempted, with the reason for the operator (Vietnamese). No data was changed. */
export class RestoreRefused extends Error {}

/** Tables of Strapi's own machinery: filled by Strapi itself when it starts, so they do not make a database "in use". */
const SYSTEM_TABLE = /^(admin_|strapi_|up_|i18n_)/;
const DATA_TABLES_DESPITE_PREFIX = new Set(['admin_users', 'up_users']);

/** Tables that hold content or accounts, with their row counts (empty list: an empty instance). */
export async function occupiedTables(db: Db): Promise<{ name: string; rows: number }[]> {
  const occupied: { name: string; rows: number }[] = [];
  for (const t of await listTables(db)) {
    if (SYSTEM_TABLE.test(t.name) && !DATA_TABLES_DESPITE_PREFIX.has(t.name)) continue;
    const [{ n }] = await db.knex(t.name).count({ n: '*' });
    if (Number(n) > 0) occupied.push({ name: t.name, rows: Number(n) });
  }
  return occupied;
}

function readManifest(work: string): Manifest {
  const file = path.join(work, 'manifest.json');
  if (!fs.existsSync(file)) throw new RestoreRefused('Tệp này không phải bản sao lưu của cổng thông tin (thiếu manifest.json).');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new RestoreRefused('Bản sao lưu bị hỏng: manifest.json không đọc được.');
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RestoreRefused(`Tệp này không phải bản sao lưu hợp lệ (manifest.json › ${issue.path.join('.') || '(gốc)'}: ${issue.message}).`);
  }
  return parsed.data;
}

async function checkMedia(work: string, manifest: Manifest) {
  for (const f of manifest.media.files) {
    const file = path.join(work, 'media', ...f.path.split('/'));
    if (!fs.existsSync(file)) throw new RestoreRefused(`Bản sao lưu bị hỏng: thiếu tệp media/${f.path}.`);
    if (fs.statSync(file).size !== f.size || (await sha256File(file)) !== f.sha256) throw new RestoreRefused(`Bản sao lưu bị hỏng: tệp media/${f.path} khác với lúc sao lưu.`);
  }
}

/** Starts Strapi once on the target without demo content or accounts, so that its tables exist and match this code. */
async function prepareSchema(appDir: string, distDir: string) {
  const saved = { SEED_ON_EMPTY: process.env.SEED_ON_EMPTY, DEMO_USERS: process.env.DEMO_USERS, CRON_ENABLED: process.env.CRON_ENABLED };
  Object.assign(process.env, { SEED_ON_EMPTY: 'false', DEMO_USERS: 'false', CRON_ENABLED: 'false' });
  try {
    const { createStrapi } = require('@strapi/strapi');
    const app = createStrapi({ appDir, distDir });
    app.log.level = 'warn';
    await app.load();
    await app.destroy();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Checks that every table and column of the archive exists on the target (same or newer code). */
function matchTables(manifest: Manifest, target: Table[]): { saved: ManifestTable; table: Table }[] {
  const byName = new Map(target.map((t) => [t.name, t]));
  return manifest.tables
    .filter((saved) => !SKIPPED_TABLES.has(saved.name))
    .map((saved) => {
      const table = byName.get(saved.name);
      if (!table) throw new RestoreRefused(`Bản sao lưu có bảng "${saved.name}" mà CMS này không có: hãy khôi phục bằng đúng phiên bản mã nguồn đã sao lưu (Strapi ${manifest.strapiVersion}).`);
      const missing = saved.columns.filter((c) => !table.columns.some((t) => t.name === c.name));
      if (missing.length) throw new RestoreRefused(`Bảng "${saved.name}" của CMS này thiếu cột ${missing.map((c) => `"${c.name}"`).join(', ')} có trong bản sao lưu: hãy khôi phục bằng đúng phiên bản mã nguồn đã sao lưu.`);
      return { saved, table };
    });
}

async function* readRows(file: string): AsyncGenerator<unknown[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as unknown[];
}

async function loadDatabase(db: Db, work: string, pairs: { saved: ManifestTable; table: Table }[], log: (m: string) => void): Promise<number> {
  const ordered = insertionOrder(pairs.map((p) => ({ ...p, name: p.table.name, references: p.table.references })));
  let total = 0;
  await db.knex.transaction(async (trx) => {
    for (const { table } of [...ordered].reverse()) await trx(table.name).del();
    for (const { saved, table } of ordered) {
      const columns = saved.columns;
      const deferred = new Set(table.selfReferences.filter((c) => columns.some((x) => x.name === c)));
      const later: { id: unknown; values: Record<string, unknown> }[] = [];
      const perBatch = Math.max(1, Math.min(500, Math.floor(30_000 / columns.length)));
      let batch: Record<string, unknown>[] = [];
      let rows = 0;
      const flush = async () => {
        if (batch.length) await trx(table.name).insert(batch);
        batch = [];
      };
      for await (const values of readRows(path.join(work, 'db', `${saved.name}.jsonl`))) {
        const row: Record<string, unknown> = {};
        const self: Record<string, unknown> = {};
        columns.forEach((c, i) => {
          const value = fromPortable(c.type, values[i], db.dialect);
          if (deferred.has(c.name) && value !== null) self[c.name] = value;
          row[c.name] = deferred.has(c.name) ? null : value;
        });
        if (Object.keys(self).length) later.push({ id: row.id, values: self });
        batch.push(row);
        rows++;
        if (batch.length >= perBatch) await flush();
      }
      await flush();
      // Rows that point to rows of their own table (who created an admin account) once all are there.
      for (const { id, values } of later) await trx(table.name).where({ id }).update(values);
      if (rows !== saved.rows) throw new Error(`Bản sao lưu bị hỏng: bảng "${saved.name}" có ${rows} dòng, manifest ghi ${saved.rows}.`);
      total += rows;
    }
    if (db.dialect === 'postgres') {
      for (const { table } of ordered) {
        if (!table.columns.some((c) => c.name === 'id')) continue;
        const qualified = `${quote(db.schema!)}.${quote(table.name)}`;
        await trx.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE(MAX(id), 0) + 1, false) FROM ${qualified}`, [qualified]);
      }
    }
  });
  log(`  Cơ sở dữ liệu (${db.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}): ${ordered.length} bảng, ${total.toLocaleString('vi-VN')} dòng.`);
  return total;
}

export async function restoreBackup({ appDir, distDir, archive, force = false, log = () => {} }: RestoreOptions): Promise<RestoreSummary> {
  const started = performance.now();
  const file = path.resolve(archive);
  if (!fs.existsSync(file)) throw new RestoreRefused(`Không tìm thấy tệp sao lưu: ${file}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-restore-'));
  try {
    try {
      // tar refuses absolute paths and "..": nothing lands outside the working folder.
      await tar.x({ file, cwd: work, strict: true });
    } catch (error) {
      throw new RestoreRefused(`Không đọc được tệp sao lưu (${(error as Error).message}).`);
    }
    const manifest = readManifest(work);
    await checkMedia(work, manifest);

    const store = openMediaStore(appDir, distDir);
    let db = await openDatabase(distDir);
    try {
      const occupied = await occupiedTables(db);
      const storedFiles = (await store.list()).filter((f) => !f.path.endsWith('.gitkeep'));
      if ((occupied.length || storedFiles.length) && !force) {
        const what = [
          ...occupied.slice(0, 6).map((t) => `${t.name}: ${t.rows} dòng`),
          ...(occupied.length > 6 ? [`và ${occupied.length - 6} bảng khác`] : []),
          ...(storedFiles.length ? [`${storedFiles.length} tệp trong ${store.location}`] : []),
        ].join('; ');
        throw new RestoreRefused(`Không khôi phục: CMS đích đang có dữ liệu (${what}). Khôi phục sẽ thay toàn bộ dữ liệu hiện có bằng bản sao lưu; nếu chắc chắn, chạy lại với --force.`);
      }
    } finally {
      await db.close();
    }
    if (manifest.media.storage !== store.kind) {
      log(`  Lưu ý: bản sao lưu lấy từ kho tệp ${manifest.media.storage}, CMS này dùng ${store.kind}; địa chỉ tệp trong cơ sở dữ liệu vẫn trỏ về kho cũ.`);
    }

    const booting = performance.now();
    await prepareSchema(appDir, distDir);
    log(`  Cấu trúc cơ sở dữ liệu sẵn sàng (Strapi khởi động một lần: ${((performance.now() - booting) / 1000).toFixed(1)} s).`);

    db = await openDatabase(distDir);
    let rows: number;
    try {
      const pairs = matchTables(manifest, await listTables(db));
      rows = await loadDatabase(db, work, pairs, log);
    } finally {
      await db.close();
    }

    for (const f of manifest.media.files) await store.upload(f.path, path.join(work, 'media', ...f.path.split('/')));
    log(`  Tệp đa phương tiện (${store.location}): ${manifest.media.files.length} tệp.`);
    return { tables: manifest.tables.length, rows, mediaFiles: manifest.media.files.length, seconds: (performance.now() - started) / 1000 };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
