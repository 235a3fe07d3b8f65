import { z } from 'zod';
import { documentFields } from './common.ts';
import { defineModel } from '../models/model.ts';

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

export const spokespersonModel = defineModel({
  uid: 'api::spokesperson.spokesperson',
  kind: 'single',
  path: 'spokesperson',
  collection: 'spokesperson',
  leaf: false,
  role: 'setting',
  schema: spokespersonSchema,
  populate: { spokesperson: true, deputy: true },
  labels: {
    spokesperson: ['Người phát ngôn'],
    deputy: ['Người được ủy quyền phát ngôn'],
    note: ['Ghi chú cho báo chí'],
  },
});
