import { z } from 'zod';
import { attachmentSchema, blocksSchema, documentFields, seoSchema, unitRefSchema } from './common.ts';
import { defineModel, attachmentPopulate, unitRefPopulate, seoPopulate } from '../models/model.ts';

export const pressReleaseSchema = z.object({
  ...documentFields,
  title: z.string(),
  slug: z.string(),
  number: z.string().nullish(),
  summary: z.string().nullish(),
  body: blocksSchema.nullish(),
  date: z.string().nullish(),
  /** Public only from then (the CMS hides it before; the site checks again at build). */
  embargoUntil: z.string().nullish(),
  unit: unitRefSchema.nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  seo: seoSchema.nullish(),
});
export type PressRelease = z.infer<typeof pressReleaseSchema>;

export const pressReleaseModel = defineModel({
  uid: 'api::press-release.press-release',
  kind: 'collection',
  path: 'press-releases',
  collection: 'pressReleases',
  leaf: true,
  role: 'publication',
  schema: pressReleaseSchema,
  populate: { unit: unitRefPopulate, attachments: attachmentPopulate, seo: seoPopulate },
  labels: {
    number: ['Số thông cáo', 'Ví dụ: 03/TCBC-THADS.'],
    date: ['Ngày phát hành'],
    embargoUntil: ['Cấm đăng trước', 'Thông cáo đã xuất bản chỉ hiện trên trang và nguồn tin từ thời điểm này (giờ Việt Nam); trang công khai tự cập nhật khi đến giờ. Để trống: hiện ngay khi xuất bản.'],
  },
  listColumns: ['number', 'title', 'date', 'embargoUntil'],
});
