import { z } from 'zod';
import { ARTICLE_FORMATS, THEMES } from '../taxonomy.ts';
import { attachmentSchema, blocksSchema, changeNoteSchema, documentFields, photoSchema, seoSchema, unitRefSchema } from './common.ts';

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
