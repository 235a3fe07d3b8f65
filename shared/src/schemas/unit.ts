import { z } from 'zod';
import { UNIT_KINDS } from '../taxonomy.ts';
import { blocksSchema, documentFields } from './common.ts';

export const unitSchema = z.object({
  ...documentFields,
  name: z.string(),
  slug: z.string(),
  shortName: z.string().nullish(),
  kind: z.enum(UNIT_KINDS),
  address: z.string().nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
  head: z.string().nullish(),
  headTitle: z.string().nullish(),
  receptionSchedule: blocksSchema.nullish(),
  area: z.string().nullish(),
  description: z.string().nullish(),
  active: z.boolean().nullish(),
  order: z.number().nullish(),
  mergedInto: z.object({ documentId: z.string(), name: z.string(), slug: z.string() }).nullish(),
  /** The unit this one belongs to in the organisation chart (divisions and regional offices: the provincial agency). */
  parent: z.object({ documentId: z.string(), name: z.string(), slug: z.string() }).nullish(),
});
export type Unit = z.infer<typeof unitSchema>;
