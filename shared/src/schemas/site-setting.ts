import { z } from 'zod';
import { blocksSchema, documentFields, mediaSchema, seoSchema } from './common.ts';
import { defineModel, mediaFields, seoPopulate } from '../models/model.ts';

export const siteSettingSchema = z.object({
  ...documentFields,
  agencyName: z.string(),
  agencyShortName: z.string().nullish(),
  parentAgency: z.string().nullish(),
  portalName: z.string().nullish(),
  tagline: z.string().nullish(),
  logo: mediaSchema.nullish(),
  address: z.string().nullish(),
  phone: z.string().nullish(),
  fax: z.string().nullish(),
  email: z.string().nullish(),
  workingHours: z.string().nullish(),
  licence: z.string().nullish(),
  responsiblePerson: z.string().nullish(),
  dataProtectionContact: z.string().nullish(),
  accessibilityContact: z.string().nullish(),
  accessibilityReviewedOn: z.string().nullish(),
  copyright: z.string().nullish(),
  about: blocksSchema.nullish(),
  description: z.string().nullish(),
  seo: seoSchema.nullish(),
});
export type SiteSetting = z.infer<typeof siteSettingSchema>;

export const siteSettingModel = defineModel({
  uid: 'api::site-setting.site-setting',
  kind: 'single',
  path: 'site-setting',
  collection: 'siteSetting',
  leaf: false,
  role: 'setting',
  schema: siteSettingSchema,
  populate: { logo: mediaFields, seo: seoPopulate },
  labels: {
    agencyName: ['Tên cơ quan'],
    agencyShortName: ['Tên viết tắt'],
    parentAgency: ['Cơ quan cấp trên'],
    portalName: ['Tên trang thông tin điện tử'],
    tagline: ['Khẩu hiệu'],
    logo: ['Biểu trưng (logo)'],
    address: ['Địa chỉ'],
    fax: ['Fax'],
    workingHours: ['Giờ làm việc'],
    licence: ['Giấy phép', 'Thông tin giấy phép hiển thị ở chân trang (bắt buộc theo quy định).'],
    responsiblePerson: ['Người chịu trách nhiệm chính'],
    dataProtectionContact: ['Đầu mối bảo vệ dữ liệu cá nhân', 'Bộ phận, địa chỉ, điện thoại, thư điện tử tiếp nhận yêu cầu của người dân về dữ liệu cá nhân; hiện ở Thông báo xử lý dữ liệu cá nhân.'],
    accessibilityContact: ['Liên hệ về khả năng tiếp cận', 'Nơi người dùng báo khi gặp khó khăn truy cập trang; hiện ở Tuyên bố về khả năng tiếp cận.'],
    accessibilityReviewedOn: ['Ngày rà soát khả năng tiếp cận', 'Ngày kiểm tra, cập nhật Tuyên bố về khả năng tiếp cận gần nhất.'],
    copyright: ['Bản quyền'],
    about: ['Giới thiệu cơ quan'],
    description: ['Mô tả cho công cụ tìm kiếm', 'Tối đa 170 ký tự.'],
  },
});
