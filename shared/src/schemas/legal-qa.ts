import { z } from 'zod';
import { DOC_STATUSES } from '../taxonomy.ts';
import { blocksSchema, documentFields, seoSchema, unitRefSchema } from './common.ts';

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
