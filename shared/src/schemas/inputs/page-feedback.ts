/**
 * "Trang này có hữu ích không?" — the small form at the foot of every content page: yes or no, and an
 * optional comment. Nothing personal is asked or kept: the page's path and title, the answer, the comment.
 * A comment that holds a phone number, an email address or an identity number is refused (the reader is
 * told to leave them out), so that what is stored stays free of personal data.
 */
import * as z from 'zod/mini';
import { challengeSolution, honeypot, optionalText, plainText } from './fields.ts';
import { FEEDBACK_COMMENT_MAX } from './form-texts.ts';

export { FEEDBACK_COMMENT_MAX } from './form-texts.ts';

/** A path of this site: lower-case ASCII slugs separated by slashes, ending with one ("/tin-tuc/abc/"). */
export const SITE_PATH = /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/;

const PERSONAL_DATA_MESSAGE = 'Góp ý: vui lòng không ghi số điện thoại, thư điện tử hay số giấy tờ tùy thân (phản hồi này không lưu thông tin cá nhân).';

/** Email addresses, Vietnamese phone numbers (spaces, dots, dashes allowed) and 9- or 12-digit identity numbers. */
const PERSONAL_DATA = [/[^\s@]+@[^\s@]+\.[a-z]{2,}/i, /(?:\+84|\b0)(?:[\s.-]?\d){9,10}\b/, /\b\d{9}\b|\b\d{12}\b/];

/** True when a text holds something that looks like a phone number, an email address or an identity number. */
export function looksPersonal(text: string): boolean {
  return PERSONAL_DATA.some((re) => re.test(text));
}

const helpful = z.pipe(
  z.transform((v: unknown) => (v === 'yes' || v === 'co' ? true : v === 'no' || v === 'khong' ? false : v)),
  z.boolean({ error: (issue) => (issue.input === undefined || issue.input === null ? 'Trang có hữu ích không: hãy chọn Có hoặc Không.' : 'Trang có hữu ích không: chỉ nhận Có hoặc Không.') }),
);

/** zod/mini: the island on every content page checks with it (see fields.ts). */
export const pageFeedbackInput = z.strictObject({
  path: z.string({ error: 'Địa chỉ trang: không hợp lệ.' }).check(z.maxLength(300, { error: 'Địa chỉ trang: không hợp lệ.' }), z.regex(SITE_PATH, { error: 'Địa chỉ trang: không phải một trang của trang thông tin này.' })),
  title: plainText('Tên trang', { max: 300 }),
  helpful,
  comment: optionalText('Góp ý', { max: FEEDBACK_COMMENT_MAX, multiline: true }).check(z.refine((v: string | undefined) => !v || !looksPersonal(v), { error: PERSONAL_DATA_MESSAGE })),
  website: honeypot,
  altcha: challengeSolution,
});
export type PageFeedbackInput = z.infer<typeof pageFeedbackInput>;

/** A page stands out when at least this many readers answered and at least this share said "no". */
export const FEEDBACK_FLAG = { minAnswers: 5, minNoShare: 0.5 } as const;

export type FeedbackEntry = { path: string; title: string; helpful: boolean; comment?: string | null; createdAt: string };
export type FeedbackComment = { at: string; helpful: boolean; comment: string };
export type FeedbackPageSummary = {
  path: string;
  /** The title given with the latest answer. */
  title: string;
  yes: number;
  no: number;
  total: number;
  /** Share of "no" answers, 0 to 1. */
  noShare: number;
  /** Many readers found the page unhelpful (FEEDBACK_FLAG). */
  flagged: boolean;
  lastAt: string;
  /** The newest comments first, at most `commentsPerPage`. */
  comments: FeedbackComment[];
};

export function isUnhelpful(yes: number, no: number): boolean {
  const total = yes + no;
  return total >= FEEDBACK_FLAG.minAnswers && no / total >= FEEDBACK_FLAG.minNoShare;
}

/**
 * Counts per page, flagged pages first (most "no" share, then most answers), then the others by number of
 * answers; ties by the latest answer.
 */
export function summarizeFeedback(entries: FeedbackEntry[], commentsPerPage = 5): FeedbackPageSummary[] {
  const pages = new Map<string, FeedbackPageSummary>();
  const newestFirst = [...entries].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  for (const e of newestFirst) {
    let page = pages.get(e.path);
    if (!page) {
      page = { path: e.path, title: e.title, yes: 0, no: 0, total: 0, noShare: 0, flagged: false, lastAt: e.createdAt, comments: [] };
      pages.set(e.path, page);
    }
    if (e.helpful) page.yes++;
    else page.no++;
    if (e.comment && page.comments.length < commentsPerPage) page.comments.push({ at: e.createdAt, helpful: e.helpful, comment: e.comment });
  }
  const list = [...pages.values()];
  for (const p of list) {
    p.total = p.yes + p.no;
    p.noShare = p.total ? p.no / p.total : 0;
    p.flagged = isUnhelpful(p.yes, p.no);
  }
  return list.sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      (a.flagged ? b.noShare - a.noShare : 0) ||
      b.total - a.total ||
      Date.parse(b.lastAt) - Date.parse(a.lastAt),
  );
}

/** Demo answers (cms/data/demo/page-feedback.json): the page, the answer, the comment, how many days ago. */
export const seedPageFeedbackSchema = z.array(
  z.object({
    path: z.string().check(z.regex(SITE_PATH)),
    title: z.string().check(z.minLength(1), z.maxLength(300)),
    helpful: z.boolean(),
    comment: z.optional(z.string().check(z.maxLength(FEEDBACK_COMMENT_MAX), z.refine((v) => !looksPersonal(v), 'không ghi thông tin cá nhân'))),
    daysAgo: z.int().check(z.minimum(0)),
  }),
);
