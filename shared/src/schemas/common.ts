import { z } from 'zod';
import type { Block } from '../blocks.ts';

/** A stored file as Strapi's REST API returns it. */
export const mediaSchema = z.object({
  id: z.number(),
  documentId: z.string().optional(),
  name: z.string(),
  url: z.string().min(1),
  alternativeText: z.string().nullish(),
  caption: z.string().nullish(),
  width: z.number().nullish(),
  height: z.number().nullish(),
  mime: z.string(),
  size: z.number().optional(),
  ext: z.string().nullish(),
  updatedAt: z.string().optional(),
});
export type Media = z.infer<typeof mediaSchema>;

export const photoSchema = z.object({
  id: z.number().optional(),
  image: mediaSchema.nullish(),
  alt: z.string(),
  caption: z.string().nullish(),
  credit: z.string().nullish(),
  licence: z.string().nullish(),
});
export type Photo = z.infer<typeof photoSchema>;

export const attachmentSchema = z.object({ id: z.number().optional(), title: z.string(), file: mediaSchema.nullish() });
export type Attachment = z.infer<typeof attachmentSchema>;

export const changeNoteSchema = z.object({ id: z.number().optional(), date: z.string(), note: z.string() });
export type ChangeNote = z.infer<typeof changeNoteSchema>;

export const seoSchema = z.object({
  metaTitle: z.string().nullish(),
  metaDescription: z.string().nullish(),
  shareImage: mediaSchema.nullish(),
});

export const linkSchema = z.object({ title: z.string(), url: z.string() });

/** Blocks are checked for shape at the top level; the renderer tolerates unknown nodes. */
export const blocksSchema = z
  .array(z.object({ type: z.string() }).passthrough())
  .transform((v) => v as unknown as Block[]);

/** Fields every published document carries. */
export const documentFields = {
  id: z.number(),
  documentId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
};

export const unitRefSchema = z.object({ documentId: z.string(), name: z.string(), slug: z.string(), shortName: z.string().nullish() });
export type UnitRef = z.infer<typeof unitRefSchema>;

export const paginationSchema = z.object({ page: z.number(), pageSize: z.number(), pageCount: z.number(), total: z.number() });

export const collectionResponse = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), meta: z.object({ pagination: paginationSchema }).partial().passthrough() });

export const singleResponse = <T extends z.ZodType>(item: T) => z.object({ data: item });
