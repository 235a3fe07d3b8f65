import { z } from 'zod';
import { ANNOUNCEMENT_KINDS } from '../taxonomy.ts';
import { attachmentSchema, blocksSchema, documentFields, seoSchema, unitRefSchema } from './common.ts';

export const announcementSchema = z.object({
  ...documentFields,
  title: z.string(),
  slug: z.string(),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  summary: z.string().nullish(),
  body: blocksSchema.nullish(),
  validFrom: z.string().nullish(),
  validUntil: z.string().nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  unit: unitRefSchema.nullish(),
  date: z.string().nullish(),
  seo: seoSchema.nullish(),
});
export type Announcement = z.infer<typeof announcementSchema>;
