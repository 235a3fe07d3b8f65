/**
 * The demo data files in cms/data/demo/ (see its README). Every file is parsed with these
 * schemas before the seed writes anything, so a typo stops the seed with the file, item and field.
 */
import { z } from 'zod';
import { ANNOUNCEMENT_KINDS, ARTICLE_FORMATS, DOC_STATUSES, DOC_TYPES, GALLERY_KINDS, PHOTO_SCENES, STORY_SUBJECTS, THEMES, UNIT_KINDS } from '../taxonomy.ts';
import { seedEnforcementStatSchema } from './enforcement-stat.ts';
import { seedPlanTaskSchema } from './reports.ts';
import { seedEnglishSchema } from './english.ts';
import { seedDebtorListingSchema } from './debtor-listing.ts';
import { seedPressMonitoringSchema } from './press-monitoring.ts';
import { seedEnforcementNoticeSchema } from './enforcement-notice.ts';
import { seedAuctionNoticeSchema } from './auction-notice.ts';
import { seedPageFeedbackSchema } from './inputs/page-feedback.ts';
import { INFORMATION_DELIVERY_LABELS, INFORMATION_REQUEST_STATUS_LABELS, type InformationDelivery, type InformationRequestState } from './inputs/form-texts.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug: chữ thường không dấu, số và gạch nối');
const dateTime = z.iso.datetime({ offset: true });
const date = z.iso.date();
const text = z.string().trim().min(1);

export const seedPhotoSchema = z.object({
  alt: text.max(250),
  caption: z.string().max(300).optional(),
  credit: z.string().max(120).optional(),
  licence: z.string().max(120).optional(),
  scene: z.enum(PHOTO_SCENES),
});
export type SeedPhoto = z.infer<typeof seedPhotoSchema>;

export const seedUnitSchema = z.object({
  slug,
  name: text.max(200),
  shortName: z.string().max(80).optional(),
  kind: z.enum(UNIT_KINDS),
  address: z.string().optional(),
  phone: z.string().optional(),
  email: z.email().optional(),
  head: z.string().optional(),
  headTitle: z.string().optional(),
  receptionSchedule: z.string().optional(),
  area: z.string().optional(),
  description: z.string().optional(),
  active: z.boolean(),
  order: z.number().int(),
  mergedInto: slug.optional(),
  parent: slug.optional(),
});

export const seedTermSchema = z.object({ slug, name: text.max(120), description: z.string().optional(), order: z.number().int() });

export const seedArticleSchema = z.object({
  title: text.max(200),
  summary: z.string().max(500),
  body: text,
  category: slug,
  themes: z.array(z.enum(THEMES)).min(1),
  unit: slug,
  byline: z.string().optional(),
  format: z.enum(ARTICLE_FORMATS),
  featured: z.boolean(),
  date: dateTime,
  cover: seedPhotoSchema,
  changeNotes: z.array(z.object({ date: dateTime, note: text })).optional(),
});

export const seedLegalDocumentSchema = z.object({
  number: text.max(60),
  title: text.max(300),
  docType: z.enum(DOC_TYPES),
  issuer: text,
  issuedDate: date,
  effectiveDate: date.optional(),
  validity: z.enum(DOC_STATUSES),
  amendedBy: z.array(z.string()).optional(),
  summary: z.string().optional(),
});

export const seedLegalQaSchema = z.object({
  title: text.max(200),
  askerLabel: z.string().max(120),
  question: text.max(5000),
  answer: text,
  citations: z.array(z.object({ document: text, article: z.string().optional(), clause: z.string().optional() })).min(1),
  topic: slug,
  unit: slug,
  date: dateTime,
});

export const seedStorySchema = z.object({
  title: text.max(200),
  summary: z.string().max(500),
  body: text,
  subjectName: text,
  subjectKind: z.enum(STORY_SUBJECTS),
  unit: slug,
  movement: z.string().optional(),
  award: z.string().optional(),
  date: dateTime,
  cover: seedPhotoSchema,
  photos: z.array(seedPhotoSchema).optional(),
});

export const seedPressReleaseSchema = z.object({ title: text.max(200), number: z.string().optional(), summary: z.string().max(500), body: text, date: dateTime, unit: slug });

export const seedCorrectionSchema = z.object({
  title: text.max(200),
  falseClaim: text,
  appearances: z.array(z.object({ outlet: text, url: z.string().optional(), date: dateTime.optional() })).min(1),
  response: text,
  evidence: z.array(z.object({ title: text, url: text })).optional(),
  date: dateTime,
});

export const seedAnnouncementSchema = z.object({
  title: text.max(200),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  summary: z.string().max(500),
  body: text,
  validFrom: date,
  validUntil: date,
  unit: slug,
  date: dateTime,
});

/**
 * Documents of a demo media kit are generated at seed time, as photos are drawn: `content` picks what is
 * written (`gioi-thieu-co-quan`: a DOCX fact sheet of the agency from site-setting, units and spokesperson).
 */
export const SEED_DOCUMENTS = ['gioi-thieu-co-quan'] as const;
export const seedDocumentSchema = z.object({ title: text.max(200), content: z.enum(SEED_DOCUMENTS) });
export type SeedDocument = z.infer<typeof seedDocumentSchema>;

export const seedGallerySchema = z.object({
  title: text.max(200),
  kind: z.enum(GALLERY_KINDS).default('album'),
  description: z.string().optional(),
  date: dateTime,
  unit: slug,
  items: z.array(seedPhotoSchema).min(1),
  documents: z.array(seedDocumentSchema).optional(),
});

const person = z.object({ name: text, title: z.string().optional(), phone: z.string().optional(), email: z.email().optional() });

export const seedSiteSettingSchema = z.object({
  agencyName: text,
  agencyShortName: z.string().optional(),
  parentAgency: z.string().optional(),
  portalName: z.string().optional(),
  tagline: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  fax: z.string().optional(),
  email: z.email().optional(),
  workingHours: z.string().optional(),
  licence: z.string().optional(),
  responsiblePerson: z.string().optional(),
  dataProtectionContact: z.string().max(500).optional(),
  accessibilityContact: z.string().max(500).optional(),
  accessibilityReviewedOn: date.optional(),
  copyright: z.string().optional(),
  about: z.string().optional(),
  description: z.string().max(170).optional(),
});

export const seedSpokespersonSchema = z.object({ spokesperson: person, deputy: person.optional(), note: z.string().optional() });

/** File name → schema of its content. */
/**
 * A demo information request (invented people): received `daysAgo` working days before the day of seeding;
 * `noticeSent`: the extension notice of a complex request was sent; `response` of an answered one.
 */
export const seedInformationRequestSchema = z.object({
  trackingCode: z.string().regex(/^YC-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
  fullName: text.max(120),
  address: text.max(300),
  idNumber: z.string().regex(/^(?:\d{9}|\d{12}|[A-Z]\d{7,8})$/),
  phone: z.string().nullable(),
  email: z.email().nullable(),
  information: text,
  purpose: text,
  delivery: z.enum(Object.keys(INFORMATION_DELIVERY_LABELS) as [InformationDelivery, ...InformationDelivery[]]),
  state: z.enum(Object.keys(INFORMATION_REQUEST_STATUS_LABELS) as [InformationRequestState, ...InformationRequestState[]]),
  complex: z.boolean().optional(),
  noticeSent: z.boolean().optional(),
  daysAgo: z.number().int().nonnegative(),
  response: z.string().optional(),
});
export type SeedInformationRequest = z.infer<typeof seedInformationRequestSchema>;

/** Demo accounts of the admin (cms/data/demo/accounts.json; the demo only, never in production). */
export const demoAccountsSchema = z.array(
  z.object({
    email: z.email(),
    password: z.string().min(8),
    firstname: z.string(),
    lastname: z.string(),
    role: z.enum(['super-admin', 'editor', 'reporter']),
  }),
);
export type DemoAccount = z.infer<typeof demoAccountsSchema>[number];

export const seedFiles = {
  'units.json': z.array(seedUnitSchema),
  'categories.json': z.array(seedTermSchema),
  'topics.json': z.array(seedTermSchema),
  'legal-documents.json': z.array(seedLegalDocumentSchema),
  'articles.json': z.array(seedArticleSchema),
  'legal-qas.json': z.array(seedLegalQaSchema),
  'stories.json': z.array(seedStorySchema),
  'press-releases.json': z.array(seedPressReleaseSchema),
  'corrections.json': z.array(seedCorrectionSchema),
  'announcements.json': z.array(seedAnnouncementSchema),
  'galleries.json': z.array(seedGallerySchema),
  'site-setting.json': seedSiteSettingSchema,
  'spokesperson.json': seedSpokespersonSchema,
  'enforcement-stats.json': z.array(seedEnforcementStatSchema),
  'plan-tasks.json': z.array(seedPlanTaskSchema),
  'english.json': seedEnglishSchema,
  'debtor-listings.json': z.array(seedDebtorListingSchema),
  'press-monitoring.json': seedPressMonitoringSchema,
  'enforcement-notices.json': z.array(seedEnforcementNoticeSchema),
  'districts.json': z.array(seedTermSchema),
  'auction-notices.json': z.array(seedAuctionNoticeSchema),
  'page-feedback.json': seedPageFeedbackSchema,
  'information-requests.json': z.array(seedInformationRequestSchema),
} as const;

export type SeedData = { [K in keyof typeof seedFiles as K extends `${infer N}.json` ? N : never]: z.infer<(typeof seedFiles)[K]> };

/** Formats zod issues as "articles.json › [3] › cover › alt: …" lines. */
export function formatIssues(file: string, error: z.core.$ZodError): string {
  return error.issues.map((i) => `${[file, ...i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))].join(' › ')}: ${i.message}`).join('\n');
}
