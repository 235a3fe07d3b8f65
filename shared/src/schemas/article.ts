import { z } from 'zod';
import { ARTICLE_FORMATS, ARTICLE_FORMAT_LABELS, THEMES } from '../taxonomy.ts';
import { attachmentSchema, blocksSchema, changeNoteSchema, documentFields, photoSchema, seoSchema, unitRefSchema } from './common.ts';
import { defineModel, photoPopulate, attachmentPopulate, unitRefPopulate, termRefPopulate, seoPopulate } from '../models/model.ts';

export const articleSchema = z.object({
  ...documentFields,
  title: z.string(),
  slug: z.string(),
  summary: z.string().nullish(),
  body: blocksSchema.nullish(),
  cover: photoSchema.nullish(),
  gallery: z.array(photoSchema).nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  category: z.object({ documentId: z.string(), name: z.string(), slug: z.string() }).nullish(),
  themes: z.array(z.object({ code: z.enum(THEMES) })).nullish(),
  unit: unitRefSchema.nullish(),
  byline: z.string().nullish(),
  format: z.enum(ARTICLE_FORMATS),
  featured: z.boolean().nullish(),
  date: z.string().nullish(),
  changeNotes: z.array(changeNoteSchema).nullish(),
  seo: seoSchema.nullish(),
});
export type Article = z.infer<typeof articleSchema>;

export const articleModel = defineModel({
  uid: 'api::article.article',
  kind: 'collection',
  path: 'articles',
  collection: 'articles',
  leaf: true,
  role: 'publication',
  schema: articleSchema,
  populate: { cover: photoPopulate, gallery: photoPopulate, attachments: attachmentPopulate, category: termRefPopulate, themes: true, unit: unitRefPopulate, changeNotes: true, seo: seoPopulate },
  labels: {
    gallery: ['Bộ ảnh trong bài'],
    category: ['Chuyên mục'],
    themes: ['Chủ đề truyền thông', 'Một hoặc nhiều trong năm nội dung truyền thông của Kế hoạch 2024–2026.'],
    byline: ['Tác giả (bút danh)', 'Ví dụ: "Minh Anh – Văn phòng".'],
    format: ['Thể loại', 'Tin, bài viết, phỏng vấn, phóng sự, phóng sự ảnh hoặc video.'],
    featured: ['Tin nổi bật', 'Hiển thị ở khu vực nổi bật của trang chủ.'],
    changeNotes: ['Ghi chú đính chính', 'Ghi lại mỗi lần sửa nội dung sau khi đã đăng; hiển thị công khai cuối bài.'],
  },
  listColumns: ['title', 'category', 'unit', 'date', 'format'],
  enumLabels: { format: ARTICLE_FORMAT_LABELS },
});
