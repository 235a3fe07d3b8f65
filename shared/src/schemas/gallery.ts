import { z } from 'zod';
import { documentFields, photoSchema, seoSchema, unitRefSchema } from './common.ts';

export const gallerySchema = z.object({
  ...documentFields,
  title: z.string(),
  slug: z.string(),
  description: z.string().nullish(),
  items: z.array(photoSchema).nullish(),
  date: z.string().nullish(),
  unit: unitRefSchema.nullish(),
  seo: seoSchema.nullish(),
});
export type Gallery = z.infer<typeof gallerySchema>;
