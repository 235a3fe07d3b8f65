/**
 * The review queue (Community-edition stand-in for Strapi's Enterprise "Review Workflows"). One row of
 * `api::review-item.review-item` per item waiting for the editors, of two kinds:
 * - "submission": a reporter, who cannot publish, sends a draft; an editor publishes it or sends it back
 *   with a comment; the reporter edits and sends it again; publishing it (here or in the Content Manager)
 *   closes the item;
 * - "legal-basis": a Q&A cites a legal document that was amended or repealed (see outdated.ts); an editor
 *   confirms the answer ("Đã rà soát") or updates and publishes it; the document coming back into force
 *   withdraws the item.
 * Items are written with the query engine (they are not content): the admin routes are the only way in.
 */
import type { Core } from '@strapi/strapi';
import type { ReviewComment, ReviewEvent, ReviewKind, ReviewLegalDocument, ReviewListQuery, ReviewRow, ReviewState } from '@thads/shared';
import { REPORTER_TYPES } from '../content-types';
import { currentActor, documentTitle, recordHistory, type Actor } from '../history';

export const REVIEW_UID = 'api::review-item.review-item';
const OPEN: ReviewState[] = ['submitted', 'returned'];

/** A refusal with its HTTP status and a Vietnamese message for the editor. */
export class ReviewError extends Error {
  constructor(
    public status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Types whose drafts go through the queue: those unit reporters write (with Draft & Publish). */
export function isReviewable(strapi: Core.Strapi, uid: string): boolean {
  return (REPORTER_TYPES as readonly string[]).includes(uid) && Boolean(strapi.contentType(uid as any)?.options?.draftAndPublish);
}

const db = (strapi: Core.Strapi) => strapi.db.query(REVIEW_UID as any);
const now = () => new Date().toISOString();
const comment = (actor: Actor, event: ReviewEvent, text?: string | null): ReviewComment => ({ at: now(), event, authorId: actor.id, authorName: actor.name, text: text ?? null });
const comments = (item: any): ReviewComment[] => (Array.isArray(item?.comments) ? item.comments : []);

/**
 * The draft of a target document with what permission conditions need (its creator and the creator's
 * roles), its title and its unit's name, or null when there is no such document.
 */
export async function loadTarget(strapi: Core.Strapi, uid: string, documentId: string) {
  const model = strapi.contentType(uid as any);
  if (!model) return null;
  const hasUnit = (model.attributes as any).unit?.type === 'relation';
  const entry = await strapi.db.query(uid as any).findOne({
    where: { documentId, ...(model.options?.draftAndPublish ? { publishedAt: null } : {}) },
    populate: { createdBy: { select: ['id'], populate: { roles: { select: ['id'] } } }, ...(hasUnit ? { unit: { select: ['name'] } } : {}) } as any,
  });
  if (!entry) return null;
  return { entry, title: await documentTitle(strapi, uid, documentId, entry), unitName: (entry as any).unit?.name ?? null };
}

export async function findOpen(strapi: Core.Strapi, uid: string, documentId: string, kind: ReviewKind) {
  return db(strapi).findOne({ where: { targetUid: uid, targetDocumentId: documentId, kind, state: { $in: OPEN } }, orderBy: { id: 'desc' } });
}

/** A reporter's (or an editor's) draft goes to the queue, or back to it after it was returned. */
export async function submit(strapi: Core.Strapi, actor: Actor, input: { uid: string; documentId: string; comment?: string | undefined }) {
  if (!isReviewable(strapi, input.uid)) throw new ReviewError(400, 'Loại nội dung này không gửi duyệt được.');
  const target = await loadTarget(strapi, input.uid, input.documentId);
  if (!target) throw new ReviewError(404, 'Không tìm thấy bản nháp để gửi duyệt.');
  const open = await findOpen(strapi, input.uid, input.documentId, 'submission');
  if (open?.state === 'submitted') throw new ReviewError(409, 'Bài này đã được gửi duyệt và đang chờ biên tập viên.');
  const base = { title: target.title, unitName: target.unitName, submittedById: actor.id, submittedByName: actor.name, submittedAt: now(), state: 'submitted' as const };
  const item = open
    ? await db(strapi).update({ where: { id: open.id }, data: { ...base, comments: [...comments(open), comment(actor, 'resubmit', input.comment)] } })
    : await db(strapi).create({
        data: { ...base, kind: 'submission', targetUid: input.uid, targetDocumentId: input.documentId, comments: [comment(actor, 'submit', input.comment)], legalDocuments: null },
      });
  await recordHistory(strapi, { action: 'submit', uid: input.uid, documentId: input.documentId, title: target.title, note: input.comment ?? null, actor });
  return item;
}

async function openItem(strapi: Core.Strapi, id: number) {
  const item = await db(strapi).findOne({ where: { id } });
  if (!item) throw new ReviewError(404, 'Không tìm thấy mục trong hàng chờ duyệt.');
  return item;
}

/** An editor sends a submitted draft back to its author with a comment. */
export async function returnItem(strapi: Core.Strapi, actor: Actor, id: number, text: string) {
  const item = await openItem(strapi, id);
  if (item.kind !== 'submission') throw new ReviewError(400, 'Chỉ trả lại được bài do phóng viên gửi duyệt; với giải đáp cần rà soát, hãy sửa bài hoặc bấm "Đã rà soát".');
  if (item.state !== 'submitted') throw new ReviewError(409, 'Mục này không còn chờ duyệt.');
  const updated = await db(strapi).update({ where: { id }, data: { state: 'returned', decidedById: actor.id, decidedByName: actor.name, decidedAt: now(), comments: [...comments(item), comment(actor, 'return', text)] } });
  await recordHistory(strapi, { action: 'return', uid: item.targetUid, documentId: item.targetDocumentId, title: item.title, note: text, actor });
  return updated;
}

/** An editor confirms that a Q&A flagged for a changed legal basis is still right. */
export async function markReviewed(strapi: Core.Strapi, actor: Actor, id: number, text?: string) {
  const item = await openItem(strapi, id);
  if (item.kind !== 'legal-basis') throw new ReviewError(400, 'Bài gửi duyệt được xuất bản hoặc trả lại, không đánh dấu "Đã rà soát".');
  if (!OPEN.includes(item.state)) throw new ReviewError(409, 'Mục này đã được xử lý.');
  const updated = await db(strapi).update({ where: { id }, data: { state: 'approved', decidedById: actor.id, decidedByName: actor.name, decidedAt: now(), comments: [...comments(item), comment(actor, 'reviewed', text)] } });
  await recordHistory(strapi, { action: 'approve', uid: item.targetUid, documentId: item.targetDocumentId, title: item.title, note: text ?? 'Đã rà soát: căn cứ pháp lý đã thay đổi, nội dung giải đáp vẫn phù hợp.', actor });
  return updated;
}

/** The item, checked to be waiting, whose target an editor is about to publish from the queue. */
export async function itemToPublish(strapi: Core.Strapi, id: number) {
  const item = await openItem(strapi, id);
  if (item.state !== 'submitted') throw new ReviewError(409, 'Mục này không còn chờ duyệt.');
  return item;
}

/**
 * A target was published (from the queue, the Content Manager or anywhere else): its open items are
 * approved. Called by the Document Service middleware (index.ts).
 */
export async function closeOnPublish(strapi: Core.Strapi, uid: string, documentId: string, note?: string) {
  const items = await db(strapi).findMany({ where: { targetUid: uid, targetDocumentId: documentId, state: { $in: OPEN } } });
  if (!items.length) return;
  const actor = currentActor(strapi, uid);
  const title = await documentTitle(strapi, uid, documentId);
  for (const item of items) {
    await db(strapi).update({
      where: { id: item.id },
      data: { state: 'approved', title: title ?? item.title, decidedById: actor.id, decidedByName: actor.name, decidedAt: now(), comments: [...comments(item), comment(actor, 'publish', note)] },
    });
  }
}

/** Adds the editor's note to the last comment of an item (the one its decision wrote); returns the item. */
export async function annotateDecision(strapi: Core.Strapi, id: number, text?: string) {
  const item = await db(strapi).findOne({ where: { id } });
  if (!item || !text) return item;
  const list = comments(item);
  const last = list.at(-1);
  if (!last) return item;
  return db(strapi).update({ where: { id }, data: { comments: [...list.slice(0, -1), { ...last, text }] } });
}

/** A target was deleted: its open items leave the queue. */
export async function withdrawOnDelete(strapi: Core.Strapi, uid: string, documentId: string) {
  const items = await db(strapi).findMany({ where: { targetUid: uid, targetDocumentId: documentId, state: { $in: OPEN } } });
  const actor = currentActor(strapi, uid);
  for (const item of items) {
    await db(strapi).update({ where: { id: item.id }, data: { state: 'withdrawn', decidedById: actor.id, decidedByName: actor.name, decidedAt: now(), comments: [...comments(item), comment(actor, 'withdraw', 'Nội dung đã bị xoá.')] } });
  }
}

/** Flags a Q&A whose cited document left force, or adds the document to its open flag. */
export async function flagLegalBasis(strapi: Core.Strapi, qa: { uid: string; documentId: string }, doc: ReviewLegalDocument, text: string) {
  const actor = currentActor(strapi, qa.uid);
  const open = await findOpen(strapi, qa.uid, qa.documentId, 'legal-basis');
  if (open) {
    const docs = ((open.legalDocuments as ReviewLegalDocument[] | null) ?? []).filter((d) => d.documentId !== doc.documentId);
    await db(strapi).update({ where: { id: open.id }, data: { state: 'submitted', legalDocuments: [...docs, doc], comments: [...comments(open), comment(actor, 'flag', text)] } });
    return;
  }
  const target = await loadTarget(strapi, qa.uid, qa.documentId);
  await db(strapi).create({
    data: {
      kind: 'legal-basis',
      state: 'submitted',
      targetUid: qa.uid,
      targetDocumentId: qa.documentId,
      title: target?.title ?? (await documentTitle(strapi, qa.uid, qa.documentId)),
      unitName: target?.unitName ?? null,
      submittedById: actor.id,
      submittedByName: actor.name,
      submittedAt: now(),
      legalDocuments: [doc],
      comments: [comment(actor, 'flag', text)],
    },
  });
}

/** The document is in force again: it leaves the open flags; a flag left with no document is withdrawn. */
export async function unflagLegalBasis(strapi: Core.Strapi, docDocumentId: string, text: string) {
  const items = await db(strapi).findMany({ where: { kind: 'legal-basis', state: { $in: OPEN } } });
  const actor = currentActor(strapi);
  for (const item of items) {
    const docs = (item.legalDocuments as ReviewLegalDocument[] | null) ?? [];
    if (!docs.some((d) => d.documentId === docDocumentId)) continue;
    const rest = docs.filter((d) => d.documentId !== docDocumentId);
    const closing = rest.length === 0 ? { state: 'withdrawn', decidedById: actor.id, decidedByName: actor.name, decidedAt: now() } : {};
    await db(strapi).update({ where: { id: item.id }, data: { ...closing, legalDocuments: rest, comments: [...comments(item), comment(actor, 'unflag', text)] } });
  }
}

export function toRow(strapi: Core.Strapi, item: any): ReviewRow {
  return {
    id: item.id,
    kind: item.kind,
    state: item.state,
    targetUid: item.targetUid,
    typeLabel: strapi.contentType(item.targetUid)?.info?.displayName ?? item.targetUid,
    targetDocumentId: item.targetDocumentId,
    title: item.title ?? null,
    unitName: item.unitName ?? null,
    submittedById: item.submittedById ?? null,
    submittedByName: item.submittedByName ?? null,
    submittedAt: item.submittedAt ? new Date(item.submittedAt).toISOString() : null,
    decidedByName: item.decidedByName ?? null,
    decidedAt: item.decidedAt ? new Date(item.decidedAt).toISOString() : null,
    comments: comments(item),
    legalDocuments: (item.legalDocuments as ReviewLegalDocument[] | null) ?? [],
  };
}

/** The queue, filtered and paged. `onlyOf`: a reporter sees only what they submitted. */
export async function listItems(strapi: Core.Strapi, q: ReviewListQuery, onlyOf: number | null) {
  const where: Record<string, unknown> = {};
  if (q.state) where.state = q.state;
  if (q.kind) where.kind = q.kind;
  if (q.type) where.targetUid = q.type;
  if (onlyOf !== null) Object.assign(where, { kind: 'submission', submittedById: onlyOf });
  // Waiting: the reporters' articles before the legal-basis reviews (a person waits on those), each oldest first.
  const orderBy = q.state === 'submitted' ? [{ kind: 'desc' }, { submittedAt: 'asc' }, { id: 'asc' }] : [{ updatedAt: 'desc' }, { id: 'desc' }];
  const [items, total] = await Promise.all([db(strapi).findMany({ where, orderBy, offset: (q.page - 1) * q.pageSize, limit: q.pageSize }), db(strapi).count({ where })]);
  return { data: items.map((i: any) => toRow(strapi, i)), meta: { pagination: { page: q.page, pageSize: q.pageSize, total, pageCount: Math.ceil(total / q.pageSize) } } };
}

/** Every item of one document, newest first (the edit view's panel). */
export async function itemsOf(strapi: Core.Strapi, uid: string, documentId: string) {
  const items = await db(strapi).findMany({ where: { targetUid: uid, targetDocumentId: documentId }, orderBy: [{ id: 'desc' }] });
  return items.map((i: any) => toRow(strapi, i));
}
