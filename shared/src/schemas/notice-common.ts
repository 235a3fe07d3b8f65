/**
 * What enforcement notices and auction notices share: the fields of a notice as the REST API returns them
 * (title, summary, expiry, body, documents, issuing unit, date, SEO), the same for the demo data, amounts in
 * đồng, and the helpers of their label tables.
 */
import { z } from 'zod';
import { attachmentSchema, blocksSchema, documentFields, seoSchema, unitRefSchema } from './common.ts';

/** The keys of a label table, for z.enum. */
export const keys = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as [K, ...K[]];

/** A field's label in the admin and on the site, and its hint for editors. */
export type FieldLabel = readonly [string, string?];

/** Amounts in đồng exceed 2³¹: Strapi stores them as bigint and its REST API returns them as strings. */
export const vndAmount = z
  .union([z.number(), z.string().trim().regex(/^\d+$/, 'phải là một số nguyên (đồng), không có dấu phân cách')], { error: 'phải là một số tiền (đồng)' })
  .transform((v) => Number(v))
  .pipe(z.number().int('phải là một số nguyên (đồng)').nonnegative('không được âm').max(Number.MAX_SAFE_INTEGER, 'quá lớn'));

/** The fields every published notice has (default populate, cms/src/populate.ts). */
export const noticeFields = {
  ...documentFields,
  title: z.string(),
  slug: z.string(),
  summary: z.string().nullish(),
  publishedUntil: z.string().nullish(),
  body: blocksSchema.nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  unit: unitRefSchema.nullish(),
  date: z.string().nullish(),
  seo: seoSchema.nullish(),
};

export const seedText = z.string().trim().min(1);
export const seedDateTime = z.iso.datetime({ offset: true });

/** The fields every notice of the demo data has; `unit` is a unit's slug, `body` markdown-lite. */
export const seedNoticeFields = {
  title: seedText.max(200),
  summary: z.string().max(500),
  body: z.string().optional(),
  unit: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug: chữ thường không dấu, số và gạch nối'),
  date: seedDateTime,
};
