/**
 * Importing a unit's spreadsheet: read the file, check every row (shared `parseDebtorSheet`), compare each
 * row with what is stored under the same import key, and — only when no row has an error — write the
 * new and changed entries, published, in one transaction (`writeRows`). Importing the same file again
 * changes nothing; an entry already marked resolved is never listed again by an import (an editor re-lists
 * it by hand). A failure in the middle leaves nothing written; importing the same file again completes it.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  DEBTOR_FIELD_LABELS,
  DEBTOR_LISTED,
  DEBTOR_RESOLVED,
  parseDebtorSheet,
  type CellValue,
  type DebtorEvent,
  type ImportError,
  type ImportRow,
  type ImportUnit,
} from '@thads/shared';
import { currentActor, type Actor } from '../history/actor';
import { HISTORY_UID } from '../history/record';
import { DATA_FIELDS, DEBTOR_UID } from './lifecycle';

const UNIT_UID = 'api::unit.unit';
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

/** How many rows of a plan will be written (new and changed ones). */
export const rowsToWrite = (plan: ImportPlan) => plan.summary['them-moi'] + plan.summary['cap-nhat'];

export type WriteResult = { created: number; updated: number; skipped: number };

/**
 * Writes planned rows (the import, the seed) in one transaction, in bulk, below the Document Service:
 * new entries are inserted as a draft and a published version, changed ones have their draft updated and
 * their published version replaced by a copy of the draft (what "Xuất bản" does), each version with its
 * unit and its private history (one event per entry: listed, or what changed, with `context.source`). The
 * change history gets one "Nhập từ tệp" event for the whole file, and the site one publish event for the
 * type. Rows the database changed since the plan was made (a key taken, an entry resolved) are skipped.
 *
 * On SQLite the transaction holds the only connection while it runs (a few seconds for 5,000 rows); a
 * failure leaves nothing written.
 */
export async function writeRows(strapi: Core.Strapi, rows: PlannedRow[], context: { by: string; source: string; actor?: Actor; fileName?: string }, onProgress?: (written: number) => void): Promise<WriteResult> {
  const pending = rows.filter((r) => r.action === 'them-moi' || r.action === 'cap-nhat');
  const result: WriteResult = { created: 0, updated: 0, skipped: 0 };
  if (!pending.length) return result;
  await strapi.db.transaction(async ({ trx }) => {
    const now = new Date();
    const at = now.toISOString();
    const stored = await storedByKey(strapi, pending.map((r) => r.key));
    const creates = pending.filter((r) => r.action === 'them-moi' && !stored.has(r.key));
    const updates = pending.filter((r) => {
      const s = stored.get(r.key);
      return r.action === 'cap-nhat' && s && s.documentId === r.documentId && s.state !== DEBTOR_RESOLVED;
    });
    result.skipped = pending.length - creates.length - updates.length;
    const units = await unitRowIds(strapi, [...new Set(pending.map((r) => r.unit))]);
    const event = (r: PlannedRow): HistoryEvent =>
      r.action === 'them-moi'
        ? { at, event: 'dua-vao', by: context.by, note: context.source }
        : { at, event: 'cap-nhat', by: context.by, note: `${r.changes.length && r.changes[0] !== 'Công bố lại' ? `Sửa: ${r.changes.join(', ')}.` : 'Công bố lại.'} ${context.source}` };

    // Drafts: new ones to insert, changed ones updated in place with one more history event.
    const drafts: Version[] = creates.map((r) => ({
      documentId: newDocumentId(),
      unit: r.unit,
      fields: { ...nullRecord(), ...r.data, state: DEBTOR_LISTED, importKey: r.key, createdAt: now, updatedAt: now },
      history: [event(r)],
    }));
    const changed = await loadDrafts(strapi, updates.map((r) => r.documentId!));
    const toReplace: string[] = [];
    const added: { entityId: number; items: HistoryEvent[]; firstOrder: number }[] = [];
    for (const r of updates) {
      const draft = changed.get(r.documentId!);
      if (!draft) continue;
      Object.assign(draft.fields, r.data, { importKey: r.key, updatedAt: now });
      await strapi.db.query(DEBTOR_UID).update({ where: { id: draft.id }, data: { ...r.data, importKey: r.key, updatedAt: now } });
      const change = event(r);
      added.push({ entityId: draft.id!, items: [change], firstOrder: draft.history.length + 1 });
      draft.history.push(change);
      toReplace.push(r.documentId!);
    }
    await insertHistory(strapi, trx, added);
    await deletePublished(strapi, trx, toReplace);
    const inserted = await insertVersions(strapi, trx, drafts, units, null);
    onProgress?.(Math.round(inserted / 2));
    await insertVersions(strapi, trx, [...drafts, ...changed.values()], units, now);
    result.created = drafts.length;
    result.updated = toReplace.length;

    const actor = context.actor ?? currentActor(strapi, DEBTOR_UID);
    await strapi.db.query(HISTORY_UID as any).create({
      data: {
        action: 'import',
        targetUid: DEBTOR_UID,
        targetDocumentId: crypto.randomBytes(12).toString('hex'),
        title: context.fileName ? `Tệp "${context.fileName}"`.slice(0, 300) : null,
        changedFields: null,
        note: `${context.source} Thêm mới ${result.created}, cập nhật ${result.updated}${result.skipped ? `, bỏ qua ${result.skipped} (đã thay đổi trong lúc nhập)` : ''}.`,
        actorKind: actor.kind,
        actorId: actor.id,
        actorName: actor.name.slice(0, 200),
      },
    });
  });
  onProgress?.(pending.length);
  // One event for the site (Strapi's webhook sends it to the publisher): the list of the type changed.
  if (result.created || result.updated) strapi.eventHub.emit('entry.publish', { model: 'debtor-listing', uid: DEBTOR_UID, entry: null, count: result.created + result.updated });
  return result;
}

type HistoryEvent = { at: string; event: DebtorEvent; by: string | null; note: string | null };
/** One version of an entry to insert: its columns (attribute names), its unit (documentId) and its history. */
type Version = { id?: number; documentId: string; unit: string | null; fields: Record<string, unknown>; history: HistoryEvent[] };

const COMPONENT_UID = 'debtor.status-event';
const CHUNK = 500;
const chunks = <T>(xs: T[], size = CHUNK) => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

/** A document id of Strapi's shape (24 characters, a-z0-9, a letter first). */
function newDocumentId(): string {
  const bytes = crypto.randomBytes(24);
  let id = String.fromCharCode(97 + (bytes[0]! % 26));
  for (let i = 1; i < 24; i++) id += (bytes[i]! % 36).toString(36);
  return id;
}

const nullRecord = () => ({ resolutionKind: null, resolutionDate: null, resolutionNote: null, locale: null });

/** The row ids of the draft and the published version of each unit. */
async function unitRowIds(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, { draft?: number; published?: number }>> {
  const out = new Map<string, { draft?: number; published?: number }>();
  const found: any[] = await strapi.db.query(UNIT_UID).findMany({ where: { documentId: { $in: documentIds } }, select: ['id', 'documentId', 'publishedAt'] });
  for (const u of found) {
    const ids = out.get(u.documentId) ?? {};
    if (u.publishedAt) ids.published = u.id;
    else ids.draft = u.id;
    out.set(u.documentId, ids);
  }
  return out;
}

/** The drafts of `documentIds`, with every column, their unit and their history. */
async function loadDrafts(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, Version>> {
  const out = new Map<string, Version>();
  for (const chunk of chunks(documentIds)) {
    const found: any[] = await strapi.db.query(DEBTOR_UID).findMany({ where: { documentId: { $in: chunk }, publishedAt: null }, populate: { unit: { select: ['documentId'] }, history: true } });
    for (const d of found) {
      const { id, documentId, unit, history, publishedAt: _p, ...fields } = d;
      out.set(documentId, { id, documentId, unit: unit?.documentId ?? null, fields, history: (history ?? []).map((h: any) => ({ at: h.at, event: h.event, by: h.by, note: h.note })) });
    }
  }
  return out;
}

/** Removes the published versions of `documentIds` (their unit links and history go with them). */
async function deletePublished(strapi: Core.Strapi, trx: any, documentIds: string[]) {
  const meta = strapi.db.metadata.get(DEBTOR_UID);
  const cmps = (meta.attributes as any).history.joinTable;
  for (const chunk of chunks(documentIds)) {
    const rows: any[] = await strapi.db.query(DEBTOR_UID).findMany({ where: { documentId: { $in: chunk }, publishedAt: { $notNull: true } }, select: ['id'] });
    const ids = rows.map((r) => r.id);
    if (!ids.length) continue;
    const links = await trx(cmps.name).whereIn(cmps.joinColumn.name, ids).select(cmps.inverseJoinColumn.name);
    const componentIds = links.map((l: any) => l[cmps.inverseJoinColumn.name]);
    await trx(cmps.name).whereIn(cmps.joinColumn.name, ids).delete();
    for (const c of chunks(componentIds)) await strapi.db.query(COMPONENT_UID as any).deleteMany({ where: { id: { $in: c } } });
    await strapi.db.query(DEBTOR_UID).deleteMany({ where: { id: { $in: ids } } });
  }
}

/** Inserts history events (components) of entry rows, linked in order after `firstOrder - 1` existing ones. */
async function insertHistory(strapi: Core.Strapi, trx: any, lists: { entityId: number; items: HistoryEvent[]; firstOrder: number }[]) {
  const cmps = (strapi.db.metadata.get(DEBTOR_UID).attributes as any).history.joinTable;
  const items = lists.flatMap((l) => l.items.map((item, i) => ({ item, entityId: l.entityId, order: l.firstOrder + i })));
  for (const chunk of chunks(items)) {
    // Ids come back in the order of the rows inserted (one INSERT … RETURNING per chunk).
    const { ids } = await strapi.db.query(COMPONENT_UID as any).createMany({ data: chunk.map((c) => ({ ...c.item, at: new Date(c.item.at) })) });
    if (ids.length !== chunk.length) throw new Error(`history: ${ids.length} ids for ${chunk.length} rows`);
    await trx(cmps.name).insert(chunk.map((c, i) => ({ [cmps.joinColumn.name]: c.entityId, [cmps.inverseJoinColumn.name]: ids[i], component_type: COMPONENT_UID, field: 'history', [cmps.orderColumnName]: c.order })));
  }
}

/**
 * Inserts a version of each entry, a draft (`publishedAt` null) or a published one, with its unit (the
 * unit's version of the same kind, as Strapi links them) and a copy of its history. Returns the rows inserted.
 */
async function insertVersions(strapi: Core.Strapi, trx: any, versions: Version[], units: Map<string, { draft?: number; published?: number }>, publishedAt: Date | null): Promise<number> {
  const unitLink = (strapi.db.metadata.get(DEBTOR_UID).attributes as any).unit.joinTable;
  let count = 0;
  for (const chunk of chunks(versions)) {
    await strapi.db.query(DEBTOR_UID).createMany({ data: chunk.map((v) => ({ ...v.fields, documentId: v.documentId, publishedAt })) });
    const rows: any[] = await strapi.db.query(DEBTOR_UID).findMany({ where: { documentId: { $in: chunk.map((v) => v.documentId) }, publishedAt: publishedAt ? { $notNull: true } : null }, select: ['id', 'documentId'] });
    const idOf = new Map(rows.map((r) => [r.documentId, r.id as number]));
    const links = chunk.flatMap((v) => {
      const unitId = v.unit ? units.get(v.unit)?.[publishedAt ? 'published' : 'draft'] : undefined;
      return unitId ? [{ [unitLink.joinColumn.name]: idOf.get(v.documentId), [unitLink.inverseJoinColumn.name]: unitId }] : [];
    });
    if (links.length) await trx(unitLink.name).insert(links);
    await insertHistory(strapi, trx, chunk.map((v) => ({ entityId: idOf.get(v.documentId)!, items: v.history, firstOrder: 1 })));
    for (const v of chunk) if (!publishedAt) v.id = idOf.get(v.documentId);
    count += chunk.length;
  }
  return count;
}
