/**
 * The review queue of the CMS (cms/src/review), the Community-edition stand-in for Strapi's Enterprise
 * "Review Workflows": its kinds and states with their Vietnamese labels, and the inputs of its admin routes.
 */
import { z } from 'zod';
import { plainText } from './inputs/fields.ts';

export const REVIEW_KIND_LABELS = {
  submission: 'Gửi duyệt',
  'legal-basis': 'Căn cứ pháp lý đã thay đổi',
} as const;
export type ReviewKind = keyof typeof REVIEW_KIND_LABELS;
export const REVIEW_KINDS = Object.keys(REVIEW_KIND_LABELS) as [ReviewKind, ...ReviewKind[]];

export const REVIEW_STATE_LABELS = {
  submitted: 'Chờ duyệt',
  returned: 'Đã trả lại',
  approved: 'Đã duyệt',
  withdrawn: 'Đã rút',
} as const;
export type ReviewState = keyof typeof REVIEW_STATE_LABELS;
export const REVIEW_STATES = Object.keys(REVIEW_STATE_LABELS) as [ReviewState, ...ReviewState[]];

/** What happened to an item; each comment of an item records one of these. */
export const REVIEW_EVENT_LABELS = {
  submit: 'Gửi duyệt',
  resubmit: 'Gửi duyệt lại',
  return: 'Trả lại',
  publish: 'Xuất bản',
  reviewed: 'Đã rà soát',
  flag: 'Căn cứ pháp lý thay đổi',
  unflag: 'Căn cứ pháp lý có hiệu lực trở lại',
  withdraw: 'Rút khỏi hàng chờ',
} as const;
export type ReviewEvent = keyof typeof REVIEW_EVENT_LABELS;

export type ReviewComment = { at: string; event: ReviewEvent; authorId: number | null; authorName: string; text: string | null };
export type ReviewLegalDocument = { documentId: string; number: string; title: string; validity: string };

/** An item as the admin pages show it. */
export type ReviewRow = {
  id: number;
  kind: ReviewKind;
  state: ReviewState;
  targetUid: string;
  typeLabel: string;
  targetDocumentId: string;
  title: string | null;
  unitName: string | null;
  submittedById: number | null;
  submittedByName: string | null;
  submittedAt: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  comments: ReviewComment[];
  legalDocuments: ReviewLegalDocument[];
};

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
const uid = z.string({ error: 'Loại nội dung: không được để trống.' }).regex(/^api::[a-z0-9-]+\.[a-z0-9-]+$/, { error: 'Loại nội dung: không hợp lệ.' });
const documentId = z.string({ error: 'Mã tài liệu: không được để trống.' }).regex(/^[a-z0-9]{1,64}$/, { error: 'Mã tài liệu: không hợp lệ.' });

/** POST /thads/review/submit: a draft goes to the editors, with an optional note for them. */
export const reviewSubmitInput = z.strictObject(
  {
    uid,
    documentId,
    comment: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.optional(plainText('Lời nhắn cho biên tập viên', { max: 2000, multiline: true }))),
  },
);
export type ReviewSubmitInput = z.output<typeof reviewSubmitInput>;

/** POST /thads/review/items/:id/return: sending an item back needs a comment saying what to change. */
export const reviewReturnInput = z.strictObject({ comment: plainText('Nội dung trả lại', { min: 3, max: 2000, multiline: true }) });

/** POST /thads/review/items/:id/reviewed and /publish: an optional comment. */
export const reviewDecisionInput = z.strictObject(
  { comment: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.optional(plainText('Ghi chú', { max: 2000, multiline: true }))) },
);

/** Query string of GET /thads/review/items. */
export const reviewListQuery = z.strictObject(
  {
    state: optional(z.enum(REVIEW_STATES, { error: 'Trạng thái: không hợp lệ.' })),
    kind: optional(z.enum(REVIEW_KINDS, { error: 'Loại mục: không hợp lệ.' })),
    type: optional(uid),
    mine: optional(z.enum(['true', 'false'], { error: 'Bộ lọc "của tôi": không hợp lệ.' })).transform((v) => v === 'true'),
    page: optional(z.coerce.number({ error: 'Trang: phải là số.' }).int({ error: 'Trang: phải là số nguyên.' }).min(1, { error: 'Trang: nhỏ nhất là 1.' }).max(100_000, { error: 'Trang: quá lớn.' })).transform((v) => v ?? 1),
    pageSize: optional(z.coerce.number({ error: 'Số dòng mỗi trang: phải là số.' }).int({ error: 'Số dòng mỗi trang: phải là số nguyên.' }).min(1, { error: 'Số dòng mỗi trang: từ 1 đến 100.' }).max(100, { error: 'Số dòng mỗi trang: từ 1 đến 100.' })).transform((v) => v ?? 25),
  },
);
export type ReviewListQuery = z.output<typeof reviewListQuery>;

