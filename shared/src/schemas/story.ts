import { z } from 'zod';
import { STORY_SUBJECTS, STORY_SUBJECT_LABELS } from '../taxonomy.ts';
import { blocksSchema, documentFields, photoSchema, seoSchema, unitRefSchema } from './common.ts';
import { defineModel, photoPopulate, unitRefPopulate, seoPopulate } from '../models/model.ts';

export const storySchema = z.object({
  ...documentFields,
  title: z.string(),
  slug: z.string(),
  summary: z.string().nullish(),
  body: blocksSchema.nullish(),
  subjectName: z.string(),
  subjectKind: z.enum(STORY_SUBJECTS).nullish(),
  unit: unitRefSchema.nullish(),
  movement: z.string().nullish(),
  award: z.string().nullish(),
  awardDecision: z.string().nullish(),
  cover: photoSchema.nullish(),
  photos: z.array(photoSchema).nullish(),
  date: z.string().nullish(),
  seo: seoSchema.nullish(),
});
export type Story = z.infer<typeof storySchema>;

export const storyModel = defineModel({
  uid: 'api::story.story',
  kind: 'collection',
  path: 'stories',
  collection: 'stories',
  leaf: true,
  role: 'publication',
  schema: storySchema,
  populate: { cover: photoPopulate, photos: photoPopulate, unit: unitRefPopulate, seo: seoPopulate },
  labels: {
    subjectName: ['Tên cá nhân hoặc tập thể'],
    subjectKind: ['Cá nhân hay tập thể'],
    movement: ['Phong trào thi đua'],
    award: ['Hình thức khen thưởng'],
    awardDecision: ['Quyết định khen thưởng', 'Số, ngày và người ký, ví dụ: "Quyết định số 1234/QĐ-BTC ngày 15/10/2025 của Bộ trưởng Bộ Tài chính".'],
    photos: ['Ảnh'],
  },
  listColumns: ['title', 'subjectName', 'unit', 'date'],
  enumLabels: { subjectKind: STORY_SUBJECT_LABELS },
});
