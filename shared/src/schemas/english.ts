/**
 * English versions of the demo units and site settings (cms/data/demo/english.json): only the localized
 * text fields. Contacts, kind, order, parent and status are not localized in Strapi: the English version
 * shares them with the Vietnamese one, so they are not in this file.
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug: chữ thường không dấu, số và gạch nối');
const text = z.string().trim().min(1);

export const seedEnglishUnitSchema = z.object({
  /** The Vietnamese unit (units.json) this is the English version of; the English version keeps its slug. */
  slug,
  name: text.max(200),
  shortName: z.string().max(80).optional(),
  headTitle: z.string().max(120).optional(),
  receptionSchedule: z.string().optional(),
  area: z.string().max(2000).optional(),
  description: z.string().max(2000).optional(),
});

export const seedEnglishSchema = z.object({
  units: z.array(seedEnglishUnitSchema),
  'site-setting': z.object({
    agencyName: text.max(200),
    agencyShortName: z.string().max(80).optional(),
    parentAgency: z.string().max(200).optional(),
    portalName: z.string().max(250).optional(),
    tagline: z.string().max(250).optional(),
    workingHours: z.string().max(500).optional(),
    licence: z.string().max(500).optional(),
    responsiblePerson: z.string().max(250).optional(),
    copyright: z.string().max(250).optional(),
    about: z.string().optional(),
    description: z.string().max(170).optional(),
  }),
});
export type SeedEnglish = z.infer<typeof seedEnglishSchema>;
