import { z } from 'zod';
import { blocksSchema, documentFields, linkSchema, seoSchema, unitRefSchema } from './common.ts';
import { defineModel, unitRefPopulate, seoPopulate } from '../models/model.ts';

export const correctionSchema = z.object({
  ...documentFields,
  title: z.string(),
  slug: z.string(),
  falseClaim: z.string(),
  appearances: z.array(z.object({ outlet: z.string(), url: z.string().nullish(), date: z.string().nullish() })).nullish(),
  response: blocksSchema.nullish(),
  evidence: z.array(linkSchema).nullish(),
  date: z.string().nullish(),
  unit: unitRefSchema.nullish(),
  seo: seoSchema.nullish(),
});
export type Correction = z.infer<typeof correctionSchema>;

export const correctionModel = defineModel({
  uid: 'api::correction.correction',
  kind: 'collection',
  path: 'corrections',
  collection: 'corrections',
  leaf: true,
  role: 'publication',
  schema: correctionSchema,
  // The press clippings that led to a correction are internal.
  notInSchema: ['clippings'],
  populate: { appearances: true, evidence: true, unit: unitRefPopulate, seo: seoPopulate },
  labels: {
    title: ['Tiêu đề cải chính'],
    falseClaim: ['Thông tin sai lệch', 'Nội dung sai sự thật đã bị đăng tải.'],
    appearances: ['Nơi đăng tải', 'Cơ quan báo chí hoặc trang mạng, đường dẫn và thời điểm đăng.'],
    response: ['Nội dung cải chính', 'Thông tin chính xác và phản hồi của cơ quan.'],
    evidence: ['Tài liệu chứng minh'],
    clippings: ['Tin báo chí liên quan', 'Các mục điểm tin báo chí (nội bộ) dẫn đến cải chính này.'],
  },
  listColumns: ['title', 'date'],
});
