/**
 * Outdated answers: when a legal document's published validity leaves "còn hiệu lực" (amended or
 * repealed), every Q&A citing it (draft or published; `citations` → `document`) gets a review item of
 * kind "legal-basis"; when it comes back into force, the document leaves those items and an item left
 * with none is withdrawn. The public page says the legal basis changed by itself, from the cited
 * document's validity (site/src/pages/hoi-dap/[slug].astro); this puts the Q&A before the editors.
 */
import type { Core } from '@strapi/strapi';
import { DOC_STATUS_LABELS, type DocStatus, type ReviewLegalDocument } from '@thads/shared';
import { flagLegalBasis, REVIEW_UID, unflagLegalBasis } from './service';

export const LEGAL_DOCUMENT_UID = 'api::legal-document.legal-document';
export const QA_UID = 'api::legal-qa.legal-qa';
const IN_FORCE: DocStatus = 'con-hieu-luc';

type Published = { validity: DocStatus; number: string; title: string } | null;

/** The published version's validity (what the public site shows), or null when the document is not published. */
export async function publishedValidity(strapi: Core.Strapi, documentId: string): Promise<Published> {
  return strapi.db.query(LEGAL_DOCUMENT_UID as any).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['validity', 'number', 'title'] });
}

/** The documentIds of the Q&A (drafts and published versions) citing a legal document. */
export async function qasCiting(strapi: Core.Strapi, docDocumentId: string): Promise<string[]> {
  const rows = await strapi.db.query(QA_UID as any).findMany({ where: { citations: { document: { documentId: docDocumentId } } }, select: ['documentId'] });
  return [...new Set(rows.map((r: { documentId: string }) => r.documentId))];
}

/** Compares the published validity before and after a write to a legal document and flags or unflags. */
export async function followValidity(strapi: Core.Strapi, documentId: string, before: Published, after: Published) {
  const wasOut = Boolean(before && before.validity !== IN_FORCE);
  const isOut = Boolean(after && after.validity !== IN_FORCE);
  if (isOut && after && (!wasOut || before?.validity !== after.validity)) {
    const doc: ReviewLegalDocument = { documentId, number: after.number, title: after.title, validity: after.validity };
    const text = `Văn bản ${after.number} chuyển sang "${DOC_STATUS_LABELS[after.validity]}": cần rà soát nội dung giải đáp dẫn chiếu văn bản này.`;
    for (const qa of await qasCiting(strapi, documentId)) await flagLegalBasis(strapi, { uid: QA_UID, documentId: qa }, doc, text);
  } else if (wasOut && after?.validity === IN_FORCE) {
    await unflagLegalBasis(strapi, documentId, `Văn bản ${after.number} có hiệu lực trở lại.`);
  }
}

/**
 * At every start: a Q&A citing a published document that is out of force, and never reviewed for it, joins
 * the queue. This covers content that arrived already out of date (the demo content, an import, a restore),
 * which no change of validity announced; what editors already confirmed stays confirmed.
 */
export async function reconcileLegalBasis(strapi: Core.Strapi): Promise<number> {
  const outOfForce = await strapi.db.query(LEGAL_DOCUMENT_UID as any).findMany({
    where: { publishedAt: { $notNull: true }, validity: { $ne: IN_FORCE } },
    select: ['documentId', 'validity', 'number', 'title'],
  });
  if (!outOfForce.length) return 0;
  const covered = new Set<string>();
  const items = await strapi.db.query(REVIEW_UID as any).findMany({ where: { kind: 'legal-basis' }, select: ['targetDocumentId', 'legalDocuments'] });
  for (const item of items) for (const d of (item.legalDocuments as ReviewLegalDocument[] | null) ?? []) covered.add(`${item.targetDocumentId}|${d.documentId}`);
  let flagged = 0;
  for (const doc of outOfForce as Array<ReviewLegalDocument & { validity: DocStatus }>) {
    const text = `Văn bản ${doc.number} đang ở tình trạng "${DOC_STATUS_LABELS[doc.validity]}": cần rà soát nội dung giải đáp dẫn chiếu văn bản này.`;
    for (const qa of await qasCiting(strapi, doc.documentId)) {
      if (covered.has(`${qa}|${doc.documentId}`)) continue;
      await flagLegalBasis(strapi, { uid: QA_UID, documentId: qa }, { documentId: doc.documentId, number: doc.number, title: doc.title, validity: doc.validity }, text);
      covered.add(`${qa}|${doc.documentId}`);
      flagged += 1;
    }
  }
  return flagged;
}
