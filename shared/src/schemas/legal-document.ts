import { z } from 'zod';
import { DOC_STATUSES, DOC_TYPES } from '../taxonomy.ts';
import { documentFields, mediaSchema, unitRefSchema } from './common.ts';

const docRef = z.object({ documentId: z.string(), number: z.string(), title: z.string(), slug: z.string() });

export const legalDocumentSchema = z.object({
  ...documentFields,
  title: z.string(),
  slug: z.string(),
  number: z.string(),
  docType: z.enum(DOC_TYPES),
  issuer: z.string().nullish(),
  issuedDate: z.string().nullish(),
  effectiveDate: z.string().nullish(),
  validity: z.enum(DOC_STATUSES),
  amendedBy: z.array(docRef).nullish(),
  amends: z.array(docRef).nullish(),
  summary: z.string().nullish(),
  file: mediaSchema.nullish(),
  unit: unitRefSchema.nullish(),
});
export type LegalDocument = z.infer<typeof legalDocumentSchema>;
export type LegalDocumentRef = z.infer<typeof docRef>;
export { docRef as legalDocumentRefSchema };
