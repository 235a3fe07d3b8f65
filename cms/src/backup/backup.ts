/**
 * `npm run backup`: one archive (see manifest.ts) of every table of the CMS's database — content in all
 * its states, private inboxes, media library records, admin users and roles, API tokens, webhooks, settings —
 * and every uploaded file. The tables are read in one transaction (a consistent snapshot; on PostgreSQL
 * REPEATABLE READ, so editors keep working meanwhile). Secrets (cms/.env) are not in the archive.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import * as tar from 'tar';
import { listTables, openDatabase, toPortable, type Db, type Table } from './database';
import { BACKUP_FORMAT, BACKUP_VERSION, type Manifest, type ManifestTable } from './manifest';
import { openMediaStore } from './media';

export type BackupOptions = { appDir: string; distDir: string; out: string; log?: (message: string) => void };
export type BackupSummary = { file: string; bytes: number; tables: number; rows: number; mediaFiles: number; mediaBytes: number; seconds: number };

const BATCH = 2000;

async function dumpTable(trx: Knex.Transaction, table: Table, file: string): Promise<number> {
  const out = fs.createWriteStream(file);
  const names = table.columns.map((c) => c.name);
  const hasId = names.includes('id');
  let rows = 0;
  let lastId: number | null = null;
  try {
    for (;;) {
      // Pages by primary key (fast at any size); by offset for the rare table without one.
      const query = trx.select(names).from(table.name).limit(BATCH);
      if (hasId) {
        query.orderBy('id');
        if (lastId !== null) query.where('id', '>', lastId);
      } else query.orderBy(names.map((n) => ({ column: n }))).offset(rows);
      const page: Record<string, unknown>[] = await query;
      if (!page.length) break;
      const text = page.map((row) => JSON.stringify(table.columns.map((c) => toPortable(c.type, row[c.name])))).join('\n') + '\n';
      if (!out.write(text)) await once(out, 'drain');
      rows += page.length;
      if (hasId) lastId = Number(page[page.length - 1]!.id);
      if (page.length < BATCH) break;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return rows;
}

async function dumpDatabase(db: Db, dir: string, log: (m: string) => void): Promise<ManifestTable[]> {
  fs.mkdirSync(dir, { recursive: true });
  return db.knex.transaction(async (trx) => {
    if (db.dialect === 'postgres') await trx.raw('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const tables = await listTables({ ...db, knex: trx });
    const result: ManifestTable[] = [];
    for (const table of tables) {
      const rows = await dumpTable(trx, table, path.join(dir, `${table.name}.jsonl`));
      result.push({ ...table, rows });
    }
    const total = result.reduce((n, t) => n + t.rows, 0);
    log(`  Cơ sở dữ liệu (${db.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}): ${result.length} bảng, ${total.toLocaleString('vi-VN')} dòng.`);
    return result;
  });
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function createBackup({ appDir, distDir, out, log = () => {} }: BackupOptions): Promise<BackupSummary> {
  const started = performance.now();
  const target = path.resolve(out);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Beside the archive (same disk), so that local media are hard-linked rather than copied.
  const work = fs.mkdtempSync(path.join(path.dirname(target), '.thads-backup-'));
  const partial = `${target}.partial`;
  try {
    const db = await openDatabase(distDir);
    let tables: ManifestTable[];
    try {
      tables = await dumpDatabase(db, path.join(work, 'db'), log);
    } finally {
      await db.close();
    }

    const store = openMediaStore(appDir, distDir);
    const mediaDir = path.join(work, 'media');
    fs.mkdirSync(mediaDir, { recursive: true });
    const files: Manifest['media']['files'] = [];
    for (const f of await store.list()) {
      const dest = path.join(mediaDir, ...f.path.split('/'));
      if (store.kind === 'local') {
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        try {
          fs.linkSync(path.join(store.location, f.path), dest);
        } catch {
          fs.copyFileSync(path.join(store.location, f.path), dest);
        }
      } else await store.download(f.path, dest);
      files.push({ path: f.path, size: fs.statSync(dest).size, sha256: await sha256File(dest) });
    }
    const mediaBytes = files.reduce((n, f) => n + f.size, 0);
    log(`  Tệp đa phương tiện (${store.location}): ${files.length} tệp, ${(mediaBytes / 1024 / 1024).toFixed(1)} MB.`);

    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      strapiVersion: require('@strapi/strapi/package.json').version,
      database: { dialect: db.dialect },
      tables,
      media: { storage: store.kind, files },
    };
    fs.writeFileSync(path.join(work, 'manifest.json'), JSON.stringify(manifest, null, 1));
    // Written under another name and renamed at the end: an interrupted backup never looks like a good one.
    await tar.c({ gzip: true, file: partial, cwd: work, portable: true }, ['manifest.json', 'db', 'media']);
    fs.renameSync(partial, target);
    return {
      file: target,
      bytes: fs.statSync(target).size,
      tables: tables.length,
      rows: tables.reduce((n, t) => n + t.rows, 0),
      mediaFiles: files.length,
      mediaBytes,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }
}
