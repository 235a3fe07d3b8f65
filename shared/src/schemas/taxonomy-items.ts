import { z } from 'zod';
import { documentFields } from './common.ts';
import { defineModel } from '../models/model.ts';

export const categorySchema = z.object({
  ...documentFields,
  name: z.string(),
  slug: z.string(),
  description: z.string().nullish(),
  order: z.number().nullish(),
});
export type Category = z.infer<typeof categorySchema>;

export const topicSchema = categorySchema;
export type Topic = z.infer<typeof topicSchema>;

export const categoryModel = defineModel({
  uid: 'api::category.category',
  kind: 'collection',
  path: 'categories',
  collection: 'categories',
  leaf: false,
  role: 'reference',
  schema: categorySchema,
  // The other end of an article's category.
  notInSchema: ['articles'],
  populate: {},
  labels: { name: ['Tên chuyên mục'], articles: ['Tin, bài'] },
  mainField: 'name',
  listColumns: ['name', 'slug', 'order'],
});

export const topicModel = defineModel({
  uid: 'api::topic.topic',
  kind: 'collection',
  path: 'topics',
  collection: 'topics',
  leaf: false,
  role: 'reference',
  schema: topicSchema,
  // The other end of a Q&A's topic.
  notInSchema: ['legalQas'],
  populate: {},
  labels: { name: ['Tên lĩnh vực'], legalQas: ['Giải đáp pháp luật'] },
  mainField: 'name',
  listColumns: ['name', 'slug', 'order'],
});
