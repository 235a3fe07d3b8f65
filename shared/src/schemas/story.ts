import { z } from 'zod';
import { STORY_SUBJECTS } from '../taxonomy.ts';
import { blocksSchema, documentFields, photoSchema, seoSchema, unitRefSchema } from './common.ts';

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
  cover: photoSchema.nullish(),
  photos: z.array(photoSchema).nullish(),
  date: z.string().nullish(),
  seo: seoSchema.nullish(),
});
export type Story = z.infer<typeof storySchema>;
