import { z } from 'zod';
import { ANNOUNCEMENT_KINDS, ANNOUNCEMENT_KIND_LABELS } from '../taxonomy.ts';
import { attachmentSchema, blocksSchema, documentFields, seoSchema, unitRefSchema } from './common.ts';
import { defineModel, attachmentPopulate, unitRefPopulate, seoPopulate } from '../models/model.ts';

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

export const announcementModel = defineModel({
  uid: 'api::announcement.announcement',
  kind: 'collection',
  path: 'announcements',
  collection: 'announcements',
  leaf: true,
  role: 'publication',
  schema: announcementSchema,
  populate: { attachments: attachmentPopulate, unit: unitRefPopulate, seo: seoPopulate },
  labels: {
    kind: ['Loại thông báo'],
    validFrom: ['Hiệu lực từ ngày'],
    validUntil: ['Hết hạn ngày', 'Sau ngày này thông báo chuyển sang mục "đã hết hạn".'],
  },
  listColumns: ['title', 'kind', 'validUntil', 'unit'],
  enumLabels: { kind: ANNOUNCEMENT_KIND_LABELS },
});
