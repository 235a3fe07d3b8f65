/**
 * The public list of debtors without means to execute (người phải thi hành án chưa có điều kiện thi hành,
 * Điều 44a Luật Thi hành án dân sự): vocabularies with the Vietnamese labels the site and the admin show,
 * the one schema of an entry's data (checked by the spreadsheet import and again by the CMS on every save),
 * the import key, the public API's shape, and the demo file's shape.
 */
import { z } from 'zod';
import { todayVn } from '../calendar/working-days.ts';
import { toNFC } from '../text/normalize.ts';
import { documentFields, unitRefSchema } from './common.ts';
import { plainText } from './inputs/fields.ts';
import { defineModel, unitRefPopulate } from '../models/model.ts';

const keys = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as [K, ...K[]];

/** The article of the law the list is kept under, cited on the site. */
export const DEBTOR_LEGAL_BASIS = 'Điều 44a Luật Thi hành án dân sự';

export const DEBTOR_KIND_LABELS = { 'ca-nhan': 'Cá nhân', 'to-chuc': 'Tổ chức' } as const;
export const DEBTOR_KINDS = keys(DEBTOR_KIND_LABELS);
export type DebtorKind = keyof typeof DEBTOR_KIND_LABELS;

/** The three cases of khoản 1 Điều 44a, in the law's order (điểm a, b, c). */
export const DEBTOR_REASON_LABELS = {
  'khong-co-tai-san-thu-nhap': 'Không có thu nhập, tài sản để thi hành án (hoặc tài sản không đủ chi phí cưỡng chế, không được kê biên)',
  'vat-giay-to-khong-con': 'Vật phải trả không còn hoặc hư hỏng không sử dụng được; giấy tờ phải trả không thu hồi và không cấp lại được',
  'chua-xac-dinh-dia-chi': 'Chưa xác định được địa chỉ, nơi cư trú của người phải thi hành án',
} as const;
export const DEBTOR_REASONS = keys(DEBTOR_REASON_LABELS);
export type DebtorReason = keyof typeof DEBTOR_REASON_LABELS;
/** Which point of khoản 1 Điều 44a each reason is. */
export const DEBTOR_REASON_POINTS: Record<DebtorReason, 'a' | 'b' | 'c'> = {
  'khong-co-tai-san-thu-nhap': 'a',
  'vat-giay-to-khong-con': 'b',
  'chua-xac-dinh-dia-chi': 'c',
};

/** An entry is on the public list until an editor marks it resolved; it then leaves the site and the API. */
export const DEBTOR_STATUS_LABELS = { 'dang-cong-khai': 'Đang công khai', 'da-giai-quyet': 'Đã giải quyết (gỡ khỏi danh sách công khai)' } as const;
export const DEBTOR_STATUSES = keys(DEBTOR_STATUS_LABELS);
export type DebtorStatus = keyof typeof DEBTOR_STATUS_LABELS;
export const DEBTOR_LISTED: DebtorStatus = 'dang-cong-khai';
export const DEBTOR_RESOLVED: DebtorStatus = 'da-giai-quyet';

export const DEBTOR_RESOLUTION_LABELS = {
  'co-dieu-kien': 'Đã có điều kiện thi hành án',
  'thi-hanh-xong': 'Đã thi hành xong',
  'ket-thuc-khac': 'Đình chỉ hoặc kết thúc thi hành án vì lý do khác',
} as const;
export const DEBTOR_RESOLUTIONS = keys(DEBTOR_RESOLUTION_LABELS);
export type DebtorResolution = keyof typeof DEBTOR_RESOLUTION_LABELS;

/** What the private history of an entry records. */
export const DEBTOR_EVENT_LABELS = {
  'dua-vao': 'Đưa vào danh sách',
  'cap-nhat': 'Cập nhật thông tin',
  'giai-quyet': 'Đã giải quyết, gỡ khỏi danh sách công khai',
  'dua-lai': 'Đưa lại vào danh sách công khai',
} as const;
export const DEBTOR_EVENTS = keys(DEBTOR_EVENT_LABELS);
export type DebtorEvent = keyof typeof DEBTOR_EVENT_LABELS;

/** The name every field goes by, in the admin, in the spreadsheet's header row and in every error. */
export const DEBTOR_FIELD_LABELS = {
  name: 'Tên người phải thi hành án',
  kind: 'Cá nhân/Tổ chức',
  address: 'Địa chỉ',
  judgmentNumber: 'Số bản án, quyết định',
  judgmentDate: 'Ngày bản án, quyết định',
  court: 'Tòa án',
  obligation: 'Nghĩa vụ phải thi hành',
  reason: 'Lý do chưa có điều kiện thi hành',
  decisionNumber: 'Số quyết định chưa có điều kiện thi hành',
  decisionDate: 'Ngày quyết định chưa có điều kiện thi hành',
  unit: 'Đơn vị',
  state: 'Trạng thái',
  resolutionKind: 'Hình thức giải quyết',
  resolutionDate: 'Ngày giải quyết',
  resolutionNote: 'Ghi chú giải quyết',
} as const;
export type DebtorField = keyof typeof DEBTOR_FIELD_LABELS;
const L = DEBTOR_FIELD_LABELS;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A past (or today's) calendar date, "YYYY-MM-DD", not before 1975. */
const pastDate = (label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null || issue.input === '' ? `${label}: không được để trống.` : `${label}: phải là ngày.`) })
    .trim()
    .superRefine((value, ctx) => {
      if (!value) return void ctx.addIssue({ code: 'custom', message: `${label}: không được để trống.` });
      if (!isCalendarDate(value)) return void ctx.addIssue({ code: 'custom', message: `${label}: không phải ngày hợp lệ (ví dụ 14/05/2024).` });
      if (value < '1975-01-01') ctx.addIssue({ code: 'custom', message: `${label}: năm không hợp lệ.` });
      else if (value > todayVn()) ctx.addIssue({ code: 'custom', message: `${label}: không được sau ngày hôm nay.` });
    });

/** A document number such as "15/2023/DS-ST" or "12/QĐ-CCTHADS": one line, with at least one digit. */
const documentNumber = (label: string) =>
  plainText(label, { max: 60 }).check(z.refine((v: string) => /\d/.test(v), { error: `${label}: phải có số hiệu (ví dụ 15/2023/DS-ST).` }));

const enumOf = <T extends readonly [string, ...string[]]>(values: T, labels: Record<T[number], string>, label: string) =>
  z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === null || issue.input === '' ? `${label}: không được để trống.` : `${label}: chọn một trong: ${Object.values<string>(labels).join('; ')}.`) });

/** The published facts of one entry, as stored (dates "YYYY-MM-DD", vocabularies by code). */
export const debtorListingDataShape = {
  name: plainText(L.name, { max: 200 }),
  kind: enumOf(DEBTOR_KINDS, DEBTOR_KIND_LABELS, L.kind),
  address: plainText(L.address, { max: 300 }),
  judgmentNumber: documentNumber(L.judgmentNumber),
  judgmentDate: pastDate(L.judgmentDate),
  court: plainText(L.court, { max: 200 }),
  obligation: plainText(L.obligation, { max: 2000, multiline: true }),
  reason: enumOf(DEBTOR_REASONS, DEBTOR_REASON_LABELS, L.reason),
  decisionNumber: documentNumber(L.decisionNumber),
  decisionDate: pastDate(L.decisionDate),
};

type DatedPair = { judgmentDate?: unknown; decisionDate?: unknown };
const decisionAfterJudgment = (v: DatedPair) => typeof v.judgmentDate !== 'string' || typeof v.decisionDate !== 'string' || v.decisionDate >= v.judgmentDate;
const DECISION_ORDER = { path: ['decisionDate'], error: `${L.decisionDate}: không được trước ${L.judgmentDate.toLowerCase()}.` };

export const debtorListingData = z.strictObject(debtorListingDataShape).refine(decisionAfterJudgment, DECISION_ORDER);
export type DebtorListingData = z.output<typeof debtorListingData>;

/** Optional free text: empty becomes null. */
const note = (label: string, max: number) => z.preprocess((v) => (v === '' || v === undefined ? null : v), z.nullable(plainText(label, { max, multiline: true })));

/**
 * A whole entry as the CMS keeps it: the data, its unit (documentId) and its state (the admin's own "status" is the draft/published one). Resolved entries
 * say how and when; the resolution date cannot precede the decision.
 */
export const debtorListingRecord = z
  .object({
    ...debtorListingDataShape,
    unit: z.string({ error: `${L.unit}: chọn đơn vị đã ra quyết định.` }).min(1, { error: `${L.unit}: chọn đơn vị đã ra quyết định.` }),
    state: enumOf(DEBTOR_STATUSES, DEBTOR_STATUS_LABELS, L.state),
    resolutionKind: z.preprocess((v) => (v === '' || v === undefined ? null : v), enumOf(DEBTOR_RESOLUTIONS, DEBTOR_RESOLUTION_LABELS, L.resolutionKind).nullable()),
    resolutionDate: z.preprocess((v) => (v === '' || v === undefined ? null : v), pastDate(L.resolutionDate).nullable()),
    resolutionNote: note(L.resolutionNote, 1000),
  })
  .refine(decisionAfterJudgment, DECISION_ORDER)
  .superRefine((v, ctx) => {
    if (v.state !== DEBTOR_RESOLVED) return;
    if (!v.resolutionKind) ctx.addIssue({ code: 'custom', path: ['resolutionKind'], message: `${L.resolutionKind}: cần chọn khi đánh dấu đã giải quyết.` });
    if (!v.resolutionDate) ctx.addIssue({ code: 'custom', path: ['resolutionDate'], message: `${L.resolutionDate}: cần nhập khi đánh dấu đã giải quyết.` });
    else if (typeof v.decisionDate === 'string' && v.resolutionDate < v.decisionDate) {
      ctx.addIssue({ code: 'custom', path: ['resolutionDate'], message: `${L.resolutionDate}: không được trước ${L.decisionDate.toLowerCase()}.` });
    }
  });
export type DebtorListingRecord = z.output<typeof debtorListingRecord>;

/**
 * The key that makes an import idempotent: the unit, the decision's number and the debtor's name, compared
 * without regard to case, spaces or Unicode form (but with diacritics: "Ân" and "An" are two people).
 */
export function debtorImportKey(unitDocumentId: string, decisionNumber: string, name: string): string {
  const norm = (s: string) => toNFC(s).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  return `${unitDocumentId}|${norm(decisionNumber).replace(/\s+/g, '')}|${norm(name)}`;
}

/** An entry as the public API returns it (never a resolved one, never its history). */
export const debtorListingSchema = z.object({
  ...documentFields,
  name: z.string(),
  kind: z.enum(DEBTOR_KINDS),
  address: z.string(),
  judgmentNumber: z.string(),
  judgmentDate: z.string(),
  court: z.string(),
  obligation: z.string(),
  reason: z.enum(DEBTOR_REASONS),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  unit: unitRefSchema,
});
export type DebtorListing = z.infer<typeof debtorListingSchema>;

/** One entry of cms/data/demo/debtor-listings.json: the data, the unit's slug, and a resolution for the few that are no longer listed. */
export const seedDebtorListingSchema = z.strictObject({
  ...debtorListingDataShape,
  unit: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'unit: slug của đơn vị'),
  resolved: z.strictObject({ kind: z.enum(DEBTOR_RESOLUTIONS), date: pastDate(L.resolutionDate), note: z.string().optional() }).optional(),
});
export type SeedDebtorListing = z.output<typeof seedDebtorListingSchema>;

export const debtorListingModel = defineModel({
  uid: 'api::debtor-listing.debtor-listing',
  kind: 'collection',
  path: 'debtor-listings',
  collection: 'debtorListings',
  leaf: false,
  role: 'record',
  schema: debtorListingSchema,
  populate: { unit: unitRefPopulate },
  // Private: the resolution, the import key and the history never leave the CMS.
  notInSchema: ['state', 'resolutionKind', 'resolutionDate', 'resolutionNote', 'importKey', 'history'],
  labels: {
    name: [DEBTOR_FIELD_LABELS.name, 'Họ và tên cá nhân hoặc tên đầy đủ của tổ chức, như trong quyết định.'],
    kind: [DEBTOR_FIELD_LABELS.kind],
    address: [DEBTOR_FIELD_LABELS.address, 'Nơi cư trú hoặc trụ sở; chưa xác định được địa chỉ thì ghi địa chỉ cuối cùng đã biết.'],
    judgmentNumber: [DEBTOR_FIELD_LABELS.judgmentNumber, 'Ví dụ: 15/2023/DS-ST.'],
    judgmentDate: [DEBTOR_FIELD_LABELS.judgmentDate],
    court: [DEBTOR_FIELD_LABELS.court, 'Tòa án đã ra bản án, quyết định.'],
    obligation: [DEBTOR_FIELD_LABELS.obligation],
    reason: [DEBTOR_FIELD_LABELS.reason, 'Khoản 1 Điều 44a Luật Thi hành án dân sự: không có thu nhập, tài sản (điểm a); vật, giấy tờ phải trả không còn (điểm b); chưa xác định được địa chỉ (điểm c).'],
    decisionNumber: [DEBTOR_FIELD_LABELS.decisionNumber, 'Ví dụ: 12/QĐ-THADS.'],
    decisionDate: [DEBTOR_FIELD_LABELS.decisionDate],
    unit: [DEBTOR_FIELD_LABELS.unit, 'Cơ quan thi hành án đã ra quyết định.'],
    state: [DEBTOR_FIELD_LABELS.state, 'Chọn "Đã giải quyết", ghi hình thức và ngày giải quyết rồi bấm Lưu: mục được gỡ khỏi trang công khai ngay, lịch sử vẫn giữ ở đây.'],
    resolutionKind: [DEBTOR_FIELD_LABELS.resolutionKind, 'Bắt buộc khi đã giải quyết.'],
    resolutionDate: [DEBTOR_FIELD_LABELS.resolutionDate, 'Bắt buộc khi đã giải quyết.'],
    resolutionNote: [DEBTOR_FIELD_LABELS.resolutionNote, 'Không công khai.'],
    importKey: ['Khóa nhận diện (tự tạo)', 'Đơn vị, số quyết định và tên: nhờ đó nhập lại cùng một tệp không tạo bản trùng. Không cần sửa.'],
    history: ['Lịch sử thay đổi (không công khai)', 'Ghi tự động mỗi lần đưa vào, sửa, giải quyết hoặc đưa lại vào danh sách.'],
  },
  mainField: 'name',
  listColumns: ['name', 'decisionNumber', 'unit', 'state', 'updatedAt'],
  enumLabels: { kind: DEBTOR_KIND_LABELS, reason: DEBTOR_REASON_LABELS, state: DEBTOR_STATUS_LABELS, resolutionKind: DEBTOR_RESOLUTION_LABELS },
});
