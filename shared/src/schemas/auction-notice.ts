/**
 * Auction notices (content type auction-notice): the sale by auction of assets seized for enforcement, as
 * structured data — the asset, its type and where it is, the starting price, the deposit, the auction
 * organisation, the auction's time and place, when documents are sold and the asset can be viewed, the
 * issuing unit. Searchable on the site by asset type and district; each notice leaves the current list by
 * itself at `publishedUntil` (by default the auction's time; publishing/expiry.ts).
 */
import { z } from 'zod';
import { keys, noticeFields, seedDateTime, seedNoticeFields, seedText, type FieldLabel, vndAmount } from './notice-common.ts';
import { defineModel, attachmentPopulate, unitRefPopulate, termRefPopulate, seoPopulate } from '../models/model.ts';

export const ASSET_TYPE_LABELS = {
  'bat-dong-san': 'Bất động sản (nhà, đất)',
  'phuong-tien': 'Phương tiện giao thông, tàu thuyền',
  'may-moc-thiet-bi': 'Máy móc, thiết bị',
  'tai-san-khac': 'Tài sản khác',
} as const;
export const ASSET_TYPES = keys(ASSET_TYPE_LABELS);
export type AssetType = keyof typeof ASSET_TYPE_LABELS;

export const AUCTION_NOTICE_LABELS = {
  assetDescription: ['Tài sản đấu giá', 'Mô tả tài sản: loại, diện tích, số thửa, tờ bản đồ, biển số, tình trạng…'],
  assetType: ['Loại tài sản'],
  district: ['Địa bàn (huyện, thành phố cũ)', 'Huyện, thị xã, thành phố trước ngày 01/7/2025 nơi có tài sản; dùng để lọc trên trang công khai.'],
  location: ['Nơi có tài sản', 'Địa chỉ hiện nay: thôn, tổ dân phố, xã hoặc phường.'],
  startingPrice: ['Giá khởi điểm (đồng)', 'Số nguyên, đơn vị đồng, không có dấu chấm phân cách.'],
  deposit: ['Tiền đặt trước (đồng)', 'Không lớn hơn giá khởi điểm.'],
  documentFee: ['Tiền mua hồ sơ (đồng)'],
  organization: ['Tổ chức đấu giá tài sản'],
  auctionAt: ['Thời gian tổ chức đấu giá'],
  auctionPlace: ['Địa điểm tổ chức đấu giá'],
  registrationFrom: ['Bán hồ sơ, nhận đăng ký: từ', 'Thời điểm bắt đầu bán hồ sơ, tiếp nhận hồ sơ đăng ký và tiền đặt trước.'],
  registrationUntil: ['Bán hồ sơ, nhận đăng ký: đến'],
  viewingFrom: ['Xem tài sản: từ'],
  viewingUntil: ['Xem tài sản: đến'],
  viewingPlace: ['Nơi xem tài sản', 'Để trống nếu xem tại nơi có tài sản.'],
  publishedUntil: ['Hết hạn đăng', 'Để trống thì là thời gian tổ chức đấu giá. Đến thời điểm này thông báo tự chuyển sang mục "đã hết hạn".'],
  unit: ['Đơn vị ra thông báo'],
  body: ['Nội dung khác', 'Không bắt buộc: hình thức, phương thức đấu giá, điều kiện tham gia…'],
} as const satisfies Record<string, FieldLabel>;

export const AUCTION_ORGANIZATION_LABELS = {
  name: ['Tên tổ chức đấu giá'],
  address: ['Địa chỉ'],
  phone: ['Điện thoại'],
} as const satisfies Record<string, FieldLabel>;

export const auctionOrganizationSchema = z.object({
  id: z.number().optional(),
  name: z.string(),
  address: z.string().nullish(),
  phone: z.string().nullish(),
});
export type AuctionOrganization = z.infer<typeof auctionOrganizationSchema>;

/** Deposit ≤ starting price; registration and viewing end before the auction; an end after its start. */
export function auctionNoticeIssues(n: {
  startingPrice?: number | null | undefined;
  deposit?: number | null | undefined;
  auctionAt?: string | null | undefined;
  registrationFrom?: string | null | undefined;
  registrationUntil?: string | null | undefined;
  viewingFrom?: string | null | undefined;
  viewingUntil?: string | null | undefined;
}): { path: keyof typeof AUCTION_NOTICE_LABELS; message: string }[] {
  const issues: { path: keyof typeof AUCTION_NOTICE_LABELS; message: string }[] = [];
  const t = (s: string | null | undefined) => (s ? Date.parse(s) : NaN);
  if (typeof n.deposit === 'number' && typeof n.startingPrice === 'number' && n.deposit > n.startingPrice) {
    issues.push({ path: 'deposit', message: 'Tiền đặt trước không được lớn hơn giá khởi điểm.' });
  }
  if (t(n.registrationUntil) < t(n.registrationFrom)) issues.push({ path: 'registrationUntil', message: 'Hạn bán hồ sơ, nhận đăng ký phải sau thời điểm bắt đầu.' });
  if (t(n.viewingUntil) < t(n.viewingFrom)) issues.push({ path: 'viewingUntil', message: 'Thời gian xem tài sản: thời điểm kết thúc phải sau thời điểm bắt đầu.' });
  if (t(n.registrationUntil) > t(n.auctionAt)) issues.push({ path: 'registrationUntil', message: 'Hạn bán hồ sơ, nhận đăng ký phải trước thời gian tổ chức đấu giá.' });
  if (t(n.viewingUntil) > t(n.auctionAt)) issues.push({ path: 'viewingUntil', message: 'Thời gian xem tài sản phải kết thúc trước thời gian tổ chức đấu giá.' });
  return issues;
}

/** What an editor saves: a draft may still lack fields, but what is there must be valid and consistent. */
export const auctionNoticeInputSchema = z
  .object({
    startingPrice: vndAmount.nullish(),
    deposit: vndAmount.nullish(),
    documentFee: vndAmount.nullish(),
    auctionAt: z.string().nullish(),
    registrationFrom: z.string().nullish(),
    registrationUntil: z.string().nullish(),
    viewingFrom: z.string().nullish(),
    viewingUntil: z.string().nullish(),
  })
  .superRefine((value, ctx) => {
    for (const issue of auctionNoticeIssues(value)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });

/** A published auction notice as Strapi's REST API returns it (default populate, cms/src/populate.ts). */
export const auctionNoticeSchema = z.object({
  ...noticeFields,
  assetDescription: z.string(),
  assetType: z.enum(ASSET_TYPES),
  /** Where the asset is: one of the agency's districts (content type district), by its former name. */
  district: z.object({ name: z.string(), slug: z.string() }).nullish(),
  location: z.string().nullish(),
  startingPrice: vndAmount,
  deposit: vndAmount.nullish(),
  documentFee: vndAmount.nullish(),
  organization: auctionOrganizationSchema.nullish(),
  auctionAt: z.string(),
  auctionPlace: z.string(),
  registrationFrom: z.string().nullish(),
  registrationUntil: z.string().nullish(),
  viewingFrom: z.string().nullish(),
  viewingUntil: z.string().nullish(),
  viewingPlace: z.string().nullish(),
});
export type AuctionNotice = z.infer<typeof auctionNoticeSchema>;

/** An entry of cms/data/demo/auction-notices.json; `unit` is a unit's slug, `body` markdown-lite. */
export const seedAuctionNoticeSchema = z
  .object({
    ...seedNoticeFields,
    assetDescription: seedText,
    assetType: z.enum(ASSET_TYPES),
    /** The slug of a district of cms/data/demo/districts.json. */
    district: seedText,
    location: seedText,
    startingPrice: z.number().int().positive(),
    deposit: z.number().int().nonnegative(),
    documentFee: z.number().int().nonnegative().optional(),
    organization: z.object({ name: seedText, address: z.string().optional(), phone: z.string().optional() }),
    auctionAt: seedDateTime,
    auctionPlace: seedText,
    registrationFrom: seedDateTime.optional(),
    registrationUntil: seedDateTime.optional(),
    viewingFrom: seedDateTime.optional(),
    viewingUntil: seedDateTime.optional(),
    viewingPlace: z.string().optional(),
    publishedUntil: seedDateTime.optional(),
  })
  .superRefine((value, ctx) => {
    for (const issue of auctionNoticeIssues(value)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
export type SeedAuctionNotice = z.infer<typeof seedAuctionNoticeSchema>;

export const auctionNoticeModel = defineModel({
  uid: 'api::auction-notice.auction-notice',
  kind: 'collection',
  path: 'auction-notices',
  collection: 'auctionNotices',
  leaf: true,
  role: 'publication',
  schema: auctionNoticeSchema,
  populate: { district: termRefPopulate, organization: true, attachments: attachmentPopulate, unit: unitRefPopulate, seo: seoPopulate },
  labels: AUCTION_NOTICE_LABELS,
  listColumns: ['title', 'assetType', 'district', 'auctionAt', 'publishedUntil'],
  enumLabels: { assetType: ASSET_TYPE_LABELS },
});
