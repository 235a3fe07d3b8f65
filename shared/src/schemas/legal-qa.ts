import { z } from 'zod';
import { DOC_STATUSES } from '../taxonomy.ts';
import { blocksSchema, documentFields, seoSchema, unitRefSchema } from './common.ts';
import { defineModel, unitRefPopulate, termRefPopulate, seoPopulate } from '../models/model.ts';

export const legalCitationSchema = z.object({
  id: z.number().optional(),
  document: z.object({ documentId: z.string(), number: z.string(), title: z.string(), slug: z.string(), validity: z.enum(DOC_STATUSES) }).nullish(),
  article: z.string().nullish(),
  clause: z.string().nullish(),
  note: z.string().nullish(),
});
export type LegalCitation = z.infer<typeof legalCitationSchema>;

export const legalQaSchema = z.object({
  ...documentFields,
  title: z.string(),
  slug: z.string(),
  askerLabel: z.string().nullish(),
  question: z.string(),
  answer: blocksSchema.nullish(),
  citations: z.array(legalCitationSchema).nullish(),
  topic: z.object({ documentId: z.string(), name: z.string(), slug: z.string() }).nullish(),
  unit: unitRefSchema.nullish(),
  date: z.string().nullish(),
  seo: seoSchema.nullish(),
});
export type LegalQa = z.infer<typeof legalQaSchema>;

export const legalQaModel = defineModel({
  uid: 'api::legal-qa.legal-qa',
  kind: 'collection',
  path: 'legal-qas',
  collection: 'legalQas',
  leaf: true,
  role: 'publication',
  schema: legalQaSchema,
  populate: {
    citations: { populate: { document: { fields: ['number', 'title', 'slug', 'validity'] } } },
    topic: termRefPopulate,
    unit: unitRefPopulate,
    seo: seoPopulate,
  },
  labels: {
    title: ['Câu hỏi (tiêu đề)', 'Câu hỏi viết ngắn gọn, dạng câu hỏi.'],
    askerLabel: ['Người hỏi (đã ẩn danh)', 'Ví dụ: "Bạn đọc ở xã Tiên Lữ". Không ghi họ tên đầy đủ.'],
    question: ['Nội dung câu hỏi'],
    answer: ['Nội dung giải đáp'],
    citations: ['Căn cứ pháp lý', 'Văn bản và điều, khoản mà câu trả lời dựa vào.'],
    topic: ['Lĩnh vực'],
    unit: ['Đơn vị trả lời'],
    date: ['Ngày trả lời'],
  },
  listColumns: ['title', 'topic', 'unit', 'date'],
});
