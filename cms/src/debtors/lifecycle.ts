/**
 * Every write of a debtor entry, from the Content Manager, the spreadsheet import or the seed, goes through
 * this Document Service middleware:
 * - the entry is checked with the shared schema (`debtorListingRecord`) and its text normalised; a refusal
 *   is a ValidationError naming the field in Vietnamese (shown by the admin beside the field);
 * - its import key (unit + decision number + name) is computed and must be unique;
 * - a private history records who listed, changed, resolved or re-listed it, and when;
 * - an entry marked resolved is unpublished at once (it leaves the API and, at the next build, the site),
 *   and cannot be published again until it is listed again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  DEBTOR_FIELD_LABELS,
  DEBTOR_LISTED,
  DEBTOR_RESOLUTION_LABELS,
  DEBTOR_RESOLVED,
  debtorImportKey,
  debtorListingRecord,
  formatDate,
  type DebtorEvent,
  type DebtorListingRecord,
  type DebtorResolution,
} from '@thads/shared';

export const DEBTOR_UID = 'api::debtor-listing.debtor-listing';
const UNIT_UID = 'api::unit.unit';

/** The facts of an entry (what the import compares and the history names). */
export const DATA_FIELDS = ['name', 'kind', 'address', 'judgmentNumber', 'judgmentDate', 'court', 'obligation', 'reason', 'decisionNumber', 'decisionDate'] as const;
const STATUS_FIELDS = ['state', 'resolutionKind', 'resolutionDate', 'resolutionNote'] as const;
const RECORD_FIELDS = [...DATA_FIELDS, ...STATUS_FIELDS] as const;

/** Who writes, and from where, when it is not an admin request (the import, the seed). */
export type WriteContext = { by: string; source: string };
export const writeContext = new AsyncLocalStorage<WriteContext>();

type HistoryItem = { id?: number; at: string; event: DebtorEvent; by: string | null; note: string | null };

function actor(strapi: Core.Strapi): string | null {
  const fromContext = writeContext.getStore()?.by;
  if (fromContext) return fromContext;
  const user = (strapi.requestContext.get() as any)?.state?.user;
  if (!user) return null;
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ');
  return name ? `${name} (${user.email})` : (user.email ?? user.username ?? null);
}

const refuse = (message: string, fieldErrors: { path: (string | number)[]; message: string }[] = []) =>
  new errors.ValidationError(message, { errors: fieldErrors.map((e) => ({ ...e, name: 'ValidationError' })) });

/**
 * The unit's documentId in whatever form a relation arrives: a documentId, an id, `{ documentId }`,
 * `{ connect: […], disconnect: […] }` (the Content Manager) or `{ set: […] }`. Undefined when the data
 * does not touch the relation, null when it removes it.
 */
export async function unitDocumentId(strapi: Core.Strapi, value: unknown): Promise<string | null | undefined> {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const one = async (item: unknown): Promise<string | null> => {
    if (item === null || item === undefined) return null;
    if (typeof item === 'string' && !/^\d+$/.test(item)) return item;
    if (typeof item === 'object' && typeof (item as any).documentId === 'string') return (item as any).documentId;
    const id = typeof item === 'object' ? (item as any).id : item;
    if (id === undefined || id === null) return null;
    const unit = await strapi.db.query(UNIT_UID).findOne({ where: { id: Number(id) }, select: ['documentId'] });
    return unit?.documentId ?? null;
  };
  if (Array.isArray(value)) return one(value.at(-1));
  if (typeof value === 'object') {
    const v = value as { set?: unknown[]; connect?: unknown[]; disconnect?: unknown[] };
    if (Array.isArray(v.set)) return one(v.set.at(-1));
    if (Array.isArray(v.connect) || Array.isArray(v.disconnect)) {
      if (v.connect?.length) return one(v.connect.at(-1));
      return v.disconnect?.length ? null : undefined;
    }
  }
  return one(value);
}

/** Parses a whole entry; a ValidationError lists every problem. */
function check(record: Record<string, unknown>): DebtorListingRecord {
  const parsed = debtorListingRecord.safeParse(record);
  if (parsed.success) return parsed.data;
  const fieldErrors = parsed.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message }));
  throw refuse(fieldErrors.length === 1 ? fieldErrors[0]!.message : `Thông tin chưa hợp lệ: ${fieldErrors.map((e) => e.message).join(' ')}`, fieldErrors);
}

async function ensureUniqueKey(strapi: Core.Strapi, key: string, documentId: string | undefined) {
  const other = await strapi.db.query(DEBTOR_UID).findOne({ where: { importKey: key, ...(documentId ? { documentId: { $ne: documentId } } : {}) }, select: ['documentId'] });
  if (other) {
    throw refuse('Đã có mục cùng đơn vị, số quyết định và tên người phải thi hành án.', [
      { path: ['decisionNumber'], message: `${DEBTOR_FIELD_LABELS.decisionNumber}: đã có mục cùng đơn vị, số quyết định và tên người phải thi hành án.` },
    ]);
  }
}

const pick = (source: Record<string, unknown>, fields: readonly string[]) => Object.fromEntries(fields.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]));
const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

function resolutionNote(r: DebtorListingRecord): string {
  const kind = r.resolutionKind ? DEBTOR_RESOLUTION_LABELS[r.resolutionKind as DebtorResolution] : '';
  return [`${kind}${r.resolutionDate ? `, ngày ${formatDate(r.resolutionDate)}` : ''}.`, r.resolutionNote].filter(Boolean).join(' ');
}

/** Writes the checked, normalised values back into the data that Strapi will store. */
function applyChecked(data: Record<string, any>, record: DebtorListingRecord) {
  for (const f of RECORD_FIELDS) data[f] = record[f] ?? null;
}

async function onCreate(strapi: Core.Strapi, context: any, next: () => Promise<unknown>) {
  const data = (context.params.data ??= {}) as Record<string, any>;
  delete data.history;
  const unit = await unitDocumentId(strapi, data.unit);
  const record = check({ ...pick(data, RECORD_FIELDS), state: data.state ?? DEBTOR_LISTED, unit: unit ?? undefined });
  if (record.state === DEBTOR_RESOLVED && context.params.status === 'published') throw refuse('Mục đã giải quyết không được công bố.');
  applyChecked(data, record);
  data.importKey = debtorImportKey(record.unit, record.decisionNumber, record.name);
  await ensureUniqueKey(strapi, data.importKey, undefined);
  const source = writeContext.getStore()?.source ?? 'Tạo trong trang quản trị.';
  const at = new Date().toISOString();
  const by = actor(strapi);
  data.history = [{ at, event: 'dua-vao', by, note: source }];
  if (record.state === DEBTOR_RESOLVED) data.history.push({ at, event: 'giai-quyet', by, note: resolutionNote(record) });
  return next();
}

async function onUpdate(strapi: Core.Strapi, context: any, next: () => Promise<unknown>) {
  const documentId: string | undefined = context.params.documentId;
  const data = (context.params.data ??= {}) as Record<string, any>;
  const existing: any = documentId
    ? await strapi.documents(DEBTOR_UID).findOne({ documentId, status: 'draft', populate: { unit: { fields: ['documentId'] }, history: true } } as any)
    : null;
  if (!existing) return next();
  delete data.history;
  const given = await unitDocumentId(strapi, data.unit);
  const unit = given === undefined ? (existing.unit?.documentId ?? null) : given;
  const record = check({ ...pick(existing, RECORD_FIELDS), ...pick(data, RECORD_FIELDS), unit: unit ?? undefined });
  if (record.state === DEBTOR_RESOLVED && context.params.status === 'published') throw refuse('Mục đã giải quyết không được công bố.');
  applyChecked(data, record);
  const key = debtorImportKey(record.unit, record.decisionNumber, record.name);
  if (key !== existing.importKey) await ensureUniqueKey(strapi, key, documentId);
  data.importKey = key;

  const at = new Date().toISOString();
  const by = actor(strapi);
  const events: HistoryItem[] = [];
  const changed: string[] = DATA_FIELDS.filter((f) => !same(existing[f], record[f])).map((f) => DEBTOR_FIELD_LABELS[f]);
  if ((existing.unit?.documentId ?? null) !== record.unit) changed.push(DEBTOR_FIELD_LABELS.unit);
  if (changed.length) {
    const source = writeContext.getStore()?.source;
    events.push({ at, event: 'cap-nhat', by, note: `Sửa: ${changed.join(', ')}.${source ? ` ${source}` : ''}` });
  }
  if (existing.state !== DEBTOR_RESOLVED && record.state === DEBTOR_RESOLVED) events.push({ at, event: 'giai-quyet', by, note: resolutionNote(record) });
  if (existing.state === DEBTOR_RESOLVED && record.state !== DEBTOR_RESOLVED) events.push({ at, event: 'dua-lai', by, note: 'Đưa lại vào danh sách; cần bấm "Xuất bản" để công khai.' });
  if (events.length) {
    const kept: HistoryItem[] = (existing.history ?? []).map((h: HistoryItem) => ({ id: h.id, at: h.at, event: h.event, by: h.by, note: h.note }));
    data.history = [...kept, ...events];
  }

  const result = await next();
  if (record.state === DEBTOR_RESOLVED) {
    const published = await strapi.db.query(DEBTOR_UID).count({ where: { documentId, publishedAt: { $notNull: true } } });
    if (published) await strapi.documents(DEBTOR_UID).unpublish({ documentId } as any);
  }
  return result;
}

async function onPublish(strapi: Core.Strapi, context: any, next: () => Promise<unknown>) {
  const documentId: string | undefined = context.params.documentId;
  const draft = documentId ? await strapi.db.query(DEBTOR_UID).findOne({ where: { documentId, publishedAt: null }, select: ['state'] }) : null;
  if (draft?.state === DEBTOR_RESOLVED) {
    throw refuse('Mục này đã được đánh dấu "Đã giải quyết" nên không được công bố. Bấm "Lưu" để gỡ khỏi danh sách công khai; muốn công bố lại, chuyển trạng thái về "Đang công khai".', [
      { path: ['state'], message: `${DEBTOR_FIELD_LABELS.state}: mục đã giải quyết không được công bố.` },
    ]);
  }
  return next();
}

/** The Document Service middleware (registered in src/index.ts through registerDebtorListings). */
export function debtorListingMiddleware(strapi: Core.Strapi) {
  return async (context: any, next: () => Promise<unknown>) => {
    if (context.uid !== DEBTOR_UID) return next();
    if (context.action === 'create') return onCreate(strapi, context, next);
    if (context.action === 'update') return onUpdate(strapi, context, next);
    if (context.action === 'publish') return onPublish(strapi, context, next);
    return next();
  };
}
