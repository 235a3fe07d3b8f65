/**
 * The change history of the CMS (cms/src/history): what each entry records, its Vietnamese labels, and the
 * query of the admin page "Lịch sử thay đổi" (filters and paging), checked by the admin route with this schema.
 */
import { z } from 'zod';

export const HISTORY_ACTION_LABELS = {
  create: 'Tạo mới',
  update: 'Sửa',
  publish: 'Xuất bản',
  unpublish: 'Gỡ xuất bản',
  delete: 'Xoá',
  discard: 'Huỷ bản nháp',
  submit: 'Gửi duyệt',
  return: 'Trả lại',
  approve: 'Duyệt (đã rà soát)',
  import: 'Nhập từ tệp',
} as const;
export type HistoryAction = keyof typeof HISTORY_ACTION_LABELS;
export const HISTORY_ACTIONS = Object.keys(HISTORY_ACTION_LABELS) as [HistoryAction, ...HistoryAction[]];

/** Who acted: an admin user, a citizen or journalist through a public form, or the system itself (seed, schedules). */
export const HISTORY_ACTOR_LABELS = { admin: 'Người dùng quản trị', public: 'Công dân (biểu mẫu công khai)', system: 'Hệ thống' } as const;
export type HistoryActorKind = keyof typeof HISTORY_ACTOR_LABELS;
export const HISTORY_ACTOR_KINDS = Object.keys(HISTORY_ACTOR_LABELS) as [HistoryActorKind, ...HistoryActorKind[]];

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
const isoDate = (label: string) => z.iso.date({ error: `${label}: không đúng định dạng ngày (YYYY-MM-DD).` });

/** Query string of GET /thads/history. */
export const historyQuery = z
  .strictObject({
    type: optional(z.string().regex(/^api::[a-z0-9-]+\.[a-z0-9-]+$/, { error: 'Loại nội dung: không hợp lệ.' })),
    documentId: optional(z.string().regex(/^[a-z0-9]{1,64}$/, { error: 'Mã tài liệu: không hợp lệ.' })),
    user: optional(z.string().regex(/^(admin:\d{1,10}|public|system)$/, { error: 'Người thực hiện: không hợp lệ.' })),
    action: optional(z.enum(HISTORY_ACTIONS, { error: 'Thao tác: không hợp lệ.' })),
    from: optional(isoDate('Từ ngày')),
    to: optional(isoDate('Đến ngày')),
    page: optional(z.coerce.number({ error: 'Trang: phải là số.' }).int({ error: 'Trang: phải là số nguyên.' }).min(1, { error: 'Trang: nhỏ nhất là 1.' }).max(100_000, { error: 'Trang: quá lớn.' })).transform((v) => v ?? 1),
    pageSize: optional(z.coerce.number({ error: 'Số dòng mỗi trang: phải là số.' }).int({ error: 'Số dòng mỗi trang: phải là số nguyên.' }).min(1, { error: 'Số dòng mỗi trang: từ 1 đến 100.' }).max(100, { error: 'Số dòng mỗi trang: từ 1 đến 100.' })).transform((v) => v ?? 25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'Đến ngày: phải sau hoặc bằng "Từ ngày".' });
export type HistoryQuery = z.output<typeof historyQuery>;

/** One line of the history as the admin page shows it. */
export type HistoryRow = {
  id: number;
  at: string;
  action: HistoryAction;
  actorKind: HistoryActorKind;
  actorId: number | null;
  actorName: string;
  targetUid: string;
  typeLabel: string;
  targetDocumentId: string;
  title: string | null;
  changedFields: string[];
  /** The Vietnamese labels of changedFields, in the same order. */
  changedFieldLabels: string[];
  note: string | null;
  /** False when the document no longer exists (deleted). */
  exists: boolean;
  /** Where the document opens in the admin (a path under /admin), or null once deleted. */
  editPath: string | null;
};
