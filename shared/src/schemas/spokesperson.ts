import { z } from 'zod';
import { documentFields } from './common.ts';

export const personContactSchema = z.object({
  name: z.string(),
  title: z.string().nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
});
export type PersonContact = z.infer<typeof personContactSchema>;

export const spokespersonSchema = z.object({
  ...documentFields,
  spokesperson: personContactSchema,
  deputy: personContactSchema.nullish(),
  note: z.string().nullish(),
});
export type Spokesperson = z.infer<typeof spokespersonSchema>;
