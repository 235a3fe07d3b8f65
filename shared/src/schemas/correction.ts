import { z } from 'zod';
import { blocksSchema, documentFields, linkSchema, seoSchema, unitRefSchema } from './common.ts';

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
