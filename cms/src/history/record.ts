/**
 * The change history (Community-edition stand-in for Strapi's Enterprise "Audit Logs"): a Document
 * Service middleware writes one row of `api::history-entry.history-entry` for every create, update,
 * publish, unpublish, discard and delete of every content type of ours, whoever does it (admin panel,
 * public forms, seed, scheduled jobs). Rows are written with the query engine, below the Document
 * Service, and the Document Service refuses every write to them: nobody edits the history.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { HistoryAction } from '@thads/shared';
import { currentActor, type Actor } from './actor';
import { changedFields, loadForComparison } from './changes';

export const HISTORY_UID = 'api::history-entry.history-entry';
export const REVIEW_UID = 'api::review-item.review-item';
/** Our own bookkeeping types: not content, not recorded. */
const OWN_TYPES = new Set([HISTORY_UID, REVIEW_UID]);

const WRITES = new Set(['create', 'clone', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * The field an entry is known by. Private inboxes are named by their tracking code and debtor entries by
 * their decision number, so that the history (kept for good) holds no one's name.
 */
const TITLE_FIELD: Record<string, string> = {
  'api::citizen-question.citizen-question': 'trackingCode',
  'api::press-request.press-request': 'trackingCode',
  'api::information-request.information-request': 'trackingCode',
  'api::public-holiday.public-holiday': 'name',
  'api::debtor-listing.debtor-listing': 'decisionNumber',
  'api::legal-document.legal-document': 'number',
  'api::unit.unit': 'name',
  'api::category.category': 'name',
  'api::topic.topic': 'name',
  'api::district.district': 'name',
  'api::plan-task.plan-task': 'code',
  'api::enforcement-stat.enforcement-stat': 'year',
};

export function titleField(strapi: Core.Strapi, uid: string): string | null {
  const model = strapi.contentType(uid as any);
  if (!model) return null;
  if (TITLE_FIELD[uid]) return TITLE_FIELD[uid]!;
  if (model.kind === 'singleType') return null;
  return 'title' in model.attributes ? 'title' : null;
}

/** The title of a document: its title field, or the type's name for single types. */
export async function documentTitle(strapi: Core.Strapi, uid: string, documentId: string, entry?: Record<string, any> | null): Promise<string | null> {
  const model = strapi.contentType(uid as any);
  if (!model) return null;
  const field = titleField(strapi, uid);
  if (!field) return model.info.displayName;
  let value = entry?.[field];
  if (value === undefined) {
    const row = await strapi.db.query(uid as any).findOne({ where: { documentId }, select: [field], orderBy: { publishedAt: 'desc' } });
    value = row?.[field];
  }
  return value === undefined || value === null ? null : String(value).slice(0, 300);
}

export type HistoryRecord = {
  action: HistoryAction;
  uid: string;
  documentId: string;
  title: string | null;
  changedFields?: string[];
  note?: string | null;
  actor?: Actor;
};

/** Writes one history row (below the Document Service, inside the current transaction if any). */
export async function recordHistory(strapi: Core.Strapi, record: HistoryRecord): Promise<void> {
  const actor = record.actor ?? currentActor(strapi, record.uid);
  await strapi.db.query(HISTORY_UID as any).create({
    data: {
      action: record.action,
      targetUid: record.uid,
      targetDocumentId: record.documentId,
      title: record.title,
      changedFields: record.changedFields?.length ? record.changedFields : null,
      note: record.note ?? null,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name.slice(0, 200),
    },
  });
}

const READ_ONLY = 'Lịch sử thay đổi chỉ được ghi tự động, không ai sửa hay xoá được.';

const publishes = (strapi: Core.Strapi, uid: string, params: any) => params?.status === 'published' && Boolean(strapi.contentType(uid as any)?.options?.draftAndPublish);

/** The Document Service middleware (installed by registerHistory). */
export function historyMiddleware(strapi: Core.Strapi) {
  return async (context: any, next: () => Promise<any>) => {
    const { uid, action, params } = context;
    if (uid === HISTORY_UID && WRITES.has(action)) throw new errors.ForbiddenError(READ_ONLY);
    if (!uid?.startsWith('api::') || OWN_TYPES.has(uid) || !WRITES.has(action)) return next();

    const documentId: string | undefined = params?.documentId;
    // What must be read before the write: the stored draft to compare with (update) or the title of what disappears.
    const before = action === 'update' && documentId ? await loadForComparison(strapi, uid, documentId) : null;
    const titleBefore = documentId && ['delete', 'unpublish', 'discardDraft', 'publish'].includes(action) ? await documentTitle(strapi, uid, documentId) : null;

    const result = await next();

    try {
      const record = (a: HistoryAction, id: string, title: string | null, extra: Partial<HistoryRecord> = {}) => recordHistory(strapi, { action: a, uid, documentId: id, title, ...extra });
      switch (action) {
        case 'create':
        case 'clone': {
          const id = result?.documentId;
          if (!id) break;
          const title = await documentTitle(strapi, uid, id, result?.entries?.[0] ?? result);
          await record('create', id, title);
          if (action === 'create' && publishes(strapi, uid, params)) await record('publish', id, title);
          break;
        }
        case 'update': {
          if (!result || !documentId) break;
          const fields = changedFields(strapi, uid, before, params?.data ?? {});
          const title = await documentTitle(strapi, uid, documentId, result);
          if (fields.length) await record('update', documentId, title, { changedFields: fields });
          if (publishes(strapi, uid, params)) await record('publish', documentId, title);
          break;
        }
        case 'delete':
        case 'publish':
        case 'unpublish':
        case 'discardDraft': {
          if (!documentId || !result?.entries?.length) break;
          const title = action === 'delete' ? titleBefore : ((await documentTitle(strapi, uid, documentId)) ?? titleBefore);
          await record(action === 'discardDraft' ? 'discard' : action, documentId, title);
          break;
        }
      }
    } catch (error) {
      // The change itself is saved: a failure to record it is logged loudly, not turned into a failed request.
      strapi.log.error(`Không ghi được lịch sử thay đổi (${action} ${uid} ${documentId ?? ''}): ${(error as Error).message}`);
    }
    return result;
  };
}
