import { z } from 'zod';
import { documentFields } from './common.ts';

export const categorySchema = z.object({
  ...documentFields,
  name: z.string(),
  slug: z.string(),
  description: z.string().nullish(),
  order: z.number().nullish(),
});
export type Category = z.infer<typeof categorySchema>;

export const topicSchema = categorySchema;
export type Topic = z.infer<typeof topicSchema>;
