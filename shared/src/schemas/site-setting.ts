import { z } from 'zod';
import { blocksSchema, documentFields, mediaSchema, seoSchema } from './common.ts';

export const siteSettingSchema = z.object({
  ...documentFields,
  agencyName: z.string(),
  agencyShortName: z.string().nullish(),
  parentAgency: z.string().nullish(),
  portalName: z.string().nullish(),
  tagline: z.string().nullish(),
  logo: mediaSchema.nullish(),
  address: z.string().nullish(),
  phone: z.string().nullish(),
  fax: z.string().nullish(),
  email: z.string().nullish(),
  workingHours: z.string().nullish(),
  licence: z.string().nullish(),
  responsiblePerson: z.string().nullish(),
  dataProtectionContact: z.string().nullish(),
  accessibilityContact: z.string().nullish(),
  accessibilityReviewedOn: z.string().nullish(),
  copyright: z.string().nullish(),
  about: blocksSchema.nullish(),
  description: z.string().nullish(),
  seo: seoSchema.nullish(),
});
export type SiteSetting = z.infer<typeof siteSettingSchema>;
