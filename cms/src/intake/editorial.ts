/**
 * What editors do with the inboxes, beyond editing fields in the Content Manager:
 * turn an answered question into a draft legal Q&A (asker anonymised, linked back), follow the Q&A's
 * publication, and erase the personal data of closed items.
 */
import type { Core } from '@strapi/strapi';
import { markdownLiteToBlocks } from '@thads/shared';

const QUESTION = 'api::citizen-question.citizen-question';
const PRESS = 'api::press-request.press-request';
const QA = 'api::legal-qa.legal-qa';
const INFO = 'api::information-request.information-request';

export class EditorialError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** A short title for the Q&A from the question: its first sentence, at most 150 characters. */
export function titleFromQuestion(question: string): string {
  const first = question.replace(/\s+/g, ' ').trim().split(/(?<=[?.!])\s/)[0] ?? question;
  const cut = first.length > 150 ? `${first.slice(0, 147).replace(/\s+\S*$/, '')}…` : first;
  return /[?…]$/.test(cut) ? cut : `${cut.replace(/[.!]$/, '')}?`;
}

/** "Bạn đọc ở xã Tiên Lữ" — never the asker's name. */
export function anonymisedAsker(locality?: string | null): string {
  return locality ? `Bạn đọc ở ${locality}` : 'Bạn đọc';
}

export async function questionToLegalQa(strapi: Core.Strapi, documentId: string): Promise<{ documentId: string; created: boolean }> {
  const q = (await strapi.documents(QUESTION as any).findOne({ documentId, populate: ['topic', 'assignedUnit', 'publishedQa'] } as any)) as any;
  if (!q) throw new EditorialError('Không tìm thấy câu hỏi.', 404);
  if (q.publishedQa?.documentId) return { documentId: q.publishedQa.documentId, created: false };
  if (!q.answer?.trim()) throw new EditorialError('Câu hỏi chưa có nội dung trả lời: hãy viết câu trả lời trước khi tạo bài giải đáp.');
  if (!['answered', 'assigned', 'received'].includes(q.state)) throw new EditorialError('Chỉ chuyển được câu hỏi đang xử lý hoặc đã trả lời.');
  const qa = await strapi.documents(QA as any).create({
    data: {
      title: titleFromQuestion(q.question),
      askerLabel: anonymisedAsker(q.locality),
      question: q.question,
      answer: markdownLiteToBlocks(q.answer),
      topic: q.topic?.documentId ?? null,
      unit: q.assignedUnit?.documentId ?? null,
      date: new Date().toISOString(),
    },
  } as any);
  await strapi.documents(QUESTION as any).update({ documentId, data: { publishedQa: qa.documentId, state: 'answered' } } as any);
  return { documentId: qa.documentId, created: true };
}

/** When a Q&A made from a question is published, the question's status follows. */
export async function markQuestionPublished(strapi: Core.Strapi, qaDocumentId: string): Promise<void> {
  const questions = await strapi.db.query(QUESTION as any).findMany({ where: { publishedQa: { documentId: qaDocumentId } }, select: ['documentId', 'state'] });
  for (const q of questions as any[]) {
    if (q.state !== 'published') await strapi.documents(QUESTION as any).update({ documentId: q.documentId, data: { state: 'published' } } as any);
  }
}

const ERASED = 'Đã xoá theo quy định bảo vệ dữ liệu cá nhân';

/** Removes the personal data of one inbox item; the public answer (a separate Q&A) stays. */
export async function erasePersonalData(strapi: Core.Strapi, uid: typeof QUESTION | typeof PRESS | typeof INFO, documentId: string): Promise<void> {
  const data =
    uid === INFO
      ? { fullName: ERASED, address: null, idNumber: null, phone: null, email: null, information: ERASED, purpose: null, response: null, internalNote: null, consentText: null, erasedAt: new Date().toISOString() }
      : uid === QUESTION
      ? { name: ERASED, phone: null, email: null, locality: null, question: ERASED, answer: null, internalNote: null, consentText: null, erasedAt: new Date().toISOString() }
      : { journalistName: ERASED, phone: null, email: null, pressCard: null, questions: ERASED, response: null, erasedAt: new Date().toISOString() };
  await strapi.documents(uid as any).update({ documentId, data } as any);
}

/** Erases personal data of items closed (or published) more than `days` days ago. Returns how many. */
export async function eraseExpired(strapi: Core.Strapi, days: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - days * 86400_000).toISOString();
  let count = 0;
  for (const [uid, states] of [
    [QUESTION, ['closed', 'published']],
    [PRESS, ['closed', 'answered']],
    [INFO, ['closed', 'answered', 'refused']],
  ] as const) {
    const items = await strapi.db.query(uid as any).findMany({ where: { state: { $in: states }, updatedAt: { $lt: before }, erasedAt: { $null: true } }, select: ['documentId'] });
    for (const item of items as any[]) {
      await erasePersonalData(strapi, uid, item.documentId);
      count++;
    }
  }
  return count;
}
