import { z } from 'zod';
import { attachmentSchema, blocksSchema, documentFields, seoSchema, unitRefSchema } from './common.ts';

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
