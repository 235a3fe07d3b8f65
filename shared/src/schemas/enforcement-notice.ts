/**
 * Enforcement notices (content type enforcement-notice): a unit's public notice to a party of an enforcement
 * case — to find a party (tìm đương sự), to come and receive money or assets (nhận tiền, tài sản), or of a
 * coercive measure (cưỡng chế). Structured: the parties concerned, the judgment and the enforcement decision,
 * what, where, when, the deadline, the issuing unit; each notice leaves the current list by itself at
 * `publishedUntil` (publishing/expiry.ts). One file serves the CMS labels, the demo data and the site.
 */
import { z } from 'zod';
import { keys, noticeFields, seedDateTime, seedNoticeFields, seedText, type FieldLabel, vndAmount } from './notice-common.ts';
import { defineModel, attachmentPopulate, unitRefPopulate, seoPopulate } from '../models/model.ts';

export { vndAmount };

export const ENFORCEMENT_NOTICE_KIND_LABELS = {
  'tim-duong-su': 'Thông báo tìm đương sự',
  'nhan-tien-tai-san': 'Thông báo nhận tiền, tài sản',
  'cuong-che': 'Thông báo cưỡng chế thi hành án',
} as const;
export const ENFORCEMENT_NOTICE_KINDS = keys(ENFORCEMENT_NOTICE_KIND_LABELS);
export type EnforcementNoticeKind = keyof typeof ENFORCEMENT_NOTICE_KIND_LABELS;

export const NOTICE_PARTY_ROLE_LABELS = {
  'nguoi-phai-thi-hanh-an': 'Người phải thi hành án',
  'nguoi-duoc-thi-hanh-an': 'Người được thi hành án',
  'nguoi-co-quyen-loi-lien-quan': 'Người có quyền lợi, nghĩa vụ liên quan',
} as const;
export const NOTICE_PARTY_ROLES = keys(NOTICE_PARTY_ROLE_LABELS);
export type NoticePartyRole = keyof typeof NOTICE_PARTY_ROLE_LABELS;

/** Vietnamese labels of the fields: the CMS's field labels and the site's detail page use them. */
export const ENFORCEMENT_NOTICE_LABELS = {
  kind: ['Loại thông báo'],
  parties: ['Người được thông báo', 'Cá nhân, tổ chức mà thông báo gửi đến: tên, tư cách, địa chỉ; số tiền nếu có.'],
  judgment: ['Bản án, quyết định', 'Số, ngày và tòa án, ví dụ: "Bản án số 15/2025/DS-PT ngày 12/5/2025 của Tòa án nhân dân khu vực 1".'],
  enforcementDecision: ['Quyết định thi hành án', 'Số và ngày, ví dụ: "Quyết định thi hành án số 120/QĐ-THADS ngày 02/6/2025".'],
  subject: ['Nội dung thông báo', 'Việc gì: số tiền, tài sản được nhận; biện pháp cưỡng chế; việc cần đương sự liên hệ.'],
  place: ['Địa điểm', 'Nơi đến nhận, nơi tổ chức cưỡng chế hoặc nơi liên hệ.'],
  eventAt: ['Thời gian thực hiện', 'Thời điểm cưỡng chế, hoặc thời điểm mời đương sự đến làm việc.'],
  deadline: ['Hạn cuối', 'Hạn để đương sự đến nhận tiền, tài sản hoặc liên hệ với đơn vị.'],
  publishedUntil: ['Hết hạn đăng', 'Đến thời điểm này thông báo tự chuyển sang mục "đã hết hạn" trên trang công khai.'],
  unit: ['Đơn vị ra thông báo'],
  body: ['Nội dung chi tiết', 'Không bắt buộc: điều kiện, thủ tục, giấy tờ cần mang theo…'],
} as const satisfies Record<string, FieldLabel>;

export const NOTICE_PARTY_LABELS = {
  name: ['Họ tên, tên tổ chức'],
  role: ['Tư cách'],
  address: ['Địa chỉ', 'Nơi cư trú hoặc trụ sở theo hồ sơ thi hành án.'],
  amount: ['Số tiền (đồng)', 'Số tiền được nhận hoặc phải nộp, nếu có; số nguyên, không có dấu chấm.'],
  note: ['Ghi chú', 'Ví dụ: tài sản được nhận.'],
} as const satisfies Record<string, FieldLabel>;

export const noticePartySchema = z.object({
  id: z.number().optional(),
  name: z.string(),
  role: z.enum(NOTICE_PARTY_ROLES).nullish(),
  address: z.string().nullish(),
  amount: vndAmount.nullish(),
  note: z.string().nullish(),
});
export type NoticeParty = z.infer<typeof noticePartySchema>;

/** A published enforcement notice as Strapi's REST API returns it (default populate, cms/src/populate.ts). */
export const enforcementNoticeSchema = z.object({
  ...noticeFields,
  kind: z.enum(ENFORCEMENT_NOTICE_KINDS),
  parties: z.array(noticePartySchema).nullish(),
  judgment: z.string().nullish(),
  enforcementDecision: z.string().nullish(),
  subject: z.string(),
  place: z.string().nullish(),
  eventAt: z.string().nullish(),
  deadline: z.string().nullish(),
});
export type EnforcementNotice = z.infer<typeof enforcementNoticeSchema>;

/** An entry of cms/data/demo/enforcement-notices.json; `unit` is a unit's slug, `body` markdown-lite. */
export const seedEnforcementNoticeSchema = z.object({
  ...seedNoticeFields,
  kind: z.enum(ENFORCEMENT_NOTICE_KINDS),
  parties: z.array(z.object({ name: seedText, role: z.enum(NOTICE_PARTY_ROLES), address: z.string().optional(), amount: z.number().int().nonnegative().optional(), note: z.string().optional() })).min(1),
  judgment: z.string().optional(),
  enforcementDecision: z.string().optional(),
  subject: seedText,
  place: z.string().optional(),
  eventAt: seedDateTime.optional(),
  deadline: z.iso.date().optional(),
  publishedUntil: seedDateTime,
});
export type SeedEnforcementNotice = z.infer<typeof seedEnforcementNoticeSchema>;

export const enforcementNoticeModel = defineModel({
  uid: 'api::enforcement-notice.enforcement-notice',
  kind: 'collection',
  path: 'enforcement-notices',
  collection: 'enforcementNotices',
  leaf: true,
  role: 'publication',
  schema: enforcementNoticeSchema,
  populate: { parties: true, attachments: attachmentPopulate, unit: unitRefPopulate, seo: seoPopulate },
  labels: ENFORCEMENT_NOTICE_LABELS,
  listColumns: ['title', 'kind', 'unit', 'publishedUntil'],
  enumLabels: { kind: ENFORCEMENT_NOTICE_KIND_LABELS },
});
