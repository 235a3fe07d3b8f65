/**
 * Importing a unit's spreadsheet: read the file, check every row (shared `parseDebtorSheet`), compare each
 * row with what is stored under the same import key, and — only when no row has an error — write the
 * new and changed entries, published. Importing the same file again changes nothing; an entry already
 * marked resolved is never listed again by an import (an editor re-lists it by hand).
 *
 * Writing goes in transactions of WRITE_BATCH rows, not one: on SQLite a transaction holds the only
 * connection, and one over 5,000 rows would stop every other request (the public API included) for the
 * whole import; between batches other requests get their turn. Every row is checked before the first is written; should the server fail in the middle,
 * importing the same file again completes it without duplicates.
 */
import type { Core } from '@strapi/strapi';
import {
  DEBTOR_FIELD_LABELS,
  DEBTOR_LISTED,
  DEBTOR_RESOLVED,
  parseDebtorSheet,
  type CellValue,
  type ImportError,
  type ImportRow,
  type ImportUnit,
} from '@thads/shared';
import { DATA_FIELDS, DEBTOR_UID, writeContext } from './lifecycle';
import { readSpreadsheet, SpreadsheetError } from './spreadsheet';

/** What the import does with a row: add it, update the stored entry, nothing, or leave a resolved entry alone. */
export type RowAction = 'them-moi' | 'cap-nhat' | 'khong-doi' | 'da-giai-quyet';
export type PlannedRow = { row: number; name: string; unit: string; unitName: string; decisionNumber: string; action: RowAction; changes: string[]; documentId: string | null; data: ImportRow['data']; key: string };
export type ImportSummary = Record<RowAction, number> & { rows: number };
export type ImportPlan = { fileName: string; errors: ImportError[]; ignoredColumns: string[]; rows: PlannedRow[]; summary: ImportSummary };

/** The units a file may be imported for: the active, published units. */
export async function importUnits(strapi: Core.Strapi): Promise<ImportUnit[]> {
  const units: any[] = await strapi.documents('api::unit.unit').findMany({ status: 'published', fields: ['name', 'slug', 'shortName', 'active', 'order'], sort: ['order:asc', 'name:asc'], limit: 1000 } as any);
  return units.filter((u) => u.active !== false).map((u) => ({ documentId: u.documentId, name: u.name, slug: u.slug, shortName: u.shortName ?? null }));
}

type Stored = { documentId: string; importKey: string; state: string; published: boolean; unit: string | null } & Record<string, unknown>;

/** Draft (the editable version) of every stored entry with one of `keys`, and whether it is published. */
async function storedByKey(strapi: Core.Strapi, keys: string[]): Promise<Map<string, Stored>> {
  const out = new Map<string, Stored>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const versions: any[] = await strapi.db.query(DEBTOR_UID).findMany({
      where: { importKey: { $in: chunk } },
      select: ['documentId', 'importKey', 'state', 'publishedAt', ...DATA_FIELDS],
      populate: { unit: { select: ['documentId'] } },
    });
    const published = new Set(versions.filter((v) => v.publishedAt).map((v) => v.documentId));
    for (const v of versions) {
      if (v.publishedAt) continue;
      out.set(v.importKey, { ...v, unit: v.unit?.documentId ?? null, published: published.has(v.documentId) });
    }
  }
  return out;
}

const same = (a: unknown, b: unknown) => String(a ?? '') === String(b ?? '');

export function emptySummary(): ImportSummary {
  return { rows: 0, 'them-moi': 0, 'cap-nhat': 0, 'khong-doi': 0, 'da-giai-quyet': 0 };
}

/** Reads and checks a file and says what importing it would do. Writes nothing. */
export async function planImport(strapi: Core.Strapi, file: { buffer: Buffer; name: string }, unit?: string): Promise<ImportPlan> {
  const plan: ImportPlan = { fileName: file.name, errors: [], ignoredColumns: [], rows: [], summary: emptySummary() };
  let cells: CellValue[][];
  try {
    cells = await readSpreadsheet(file.buffer, file.name);
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    plan.errors.push({ row: null, column: null, message: error.message });
    return plan;
  }
  const units = await importUnits(strapi);
  if (unit && !units.some((u) => u.documentId === unit)) {
    plan.errors.push({ row: null, column: null, message: 'Đơn vị đã chọn không còn hoạt động hoặc không tồn tại.' });
    return plan;
  }
  const parsed = parseDebtorSheet(cells, { units, unit });
  plan.errors = parsed.errors;
  plan.ignoredColumns = parsed.ignoredColumns;
  const unitNames = new Map(units.map((u) => [u.documentId, u.name]));
  const stored = await storedByKey(strapi, parsed.rows.map((r) => r.key));
  for (const r of parsed.rows) {
    const existing = stored.get(r.key);
    let action: RowAction = 'them-moi';
    let changes: string[] = [];
    if (existing?.state === DEBTOR_RESOLVED) action = 'da-giai-quyet';
    else if (existing) {
      changes = DATA_FIELDS.filter((f) => !same(existing[f], r.data[f])).map((f) => DEBTOR_FIELD_LABELS[f]);
      action = changes.length || !existing.published ? 'cap-nhat' : 'khong-doi';
      if (!changes.length && !existing.published) changes = ['Công bố lại'];
    }
    plan.summary[action]++;
    plan.rows.push({ row: r.row, name: r.data.name, unit: r.unit, unitName: unitNames.get(r.unit) ?? '', decisionNumber: r.data.decisionNumber, action, changes, documentId: existing?.documentId ?? null, data: r.data, key: r.key });
  }
  plan.summary.rows = parsed.rows.length;
  return plan;
}

export const WRITE_BATCH = 20;

/** How many rows of a plan will be written (new and changed ones). */
export const rowsToWrite = (plan: ImportPlan) => plan.summary['them-moi'] + plan.summary['cap-nhat'];

/**
 * Writes planned rows (the import, the seed): new entries created and published, changed ones updated and
 * published, WRITE_BATCH rows per transaction; rows to leave alone are skipped. `by` and `source` go into
 * each entry's history. `onProgress` hears how many rows are written so far.
 */
export async function writeRows(strapi: Core.Strapi, rows: PlannedRow[], context: { by: string; source: string }, onProgress?: (written: number) => void): Promise<void> {
  const docs = strapi.documents(DEBTOR_UID) as any;
  const pending = rows.filter((r) => r.action === 'them-moi' || r.action === 'cap-nhat');
  await writeContext.run({ ...context, keysChecked: true }, async () => {
    for (let i = 0; i < pending.length; i += WRITE_BATCH) {
      await strapi.db.transaction(async () => {
        for (const r of pending.slice(i, i + WRITE_BATCH)) {
          if (r.action === 'them-moi') await docs.create({ data: { ...r.data, unit: r.unit, state: DEBTOR_LISTED }, status: 'published' });
          else await docs.update({ documentId: r.documentId, data: { ...r.data, unit: r.unit }, status: 'published' });
        }
      });
      onProgress?.(Math.min(i + WRITE_BATCH, pending.length));
      // better-sqlite3 answers synchronously, so a chain of writes never lets Node read a socket: give other
      // requests (the public API, the editor's progress poll) their turn between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
}
