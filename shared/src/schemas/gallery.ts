import { z } from 'zod';
import { GALLERY_KINDS } from '../taxonomy.ts';
import { documentFields, mediaSchema, photoSchema, seoSchema, unitRefSchema } from './common.ts';

/**
 * A video the agency uploaded (component shared.video): played by the browser's own <video> player, with
 * a poster image and a WebVTT captions file when given. No third-party player or host.
 */
export const videoSchema = z.object({
  id: z.number().optional(),
  file: mediaSchema.nullish(),
  title: z.string(),
  caption: z.string().nullish(),
  credit: z.string().nullish(),
  licence: z.string().nullish(),
  poster: mediaSchema.nullish(),
  captions: mediaSchema.nullish(),
});
export type Video = z.infer<typeof videoSchema>;

/** Video formats the site plays (and the CMS accepts for upload). */
export const VIDEO_MIME_TYPES = ['video/mp4', 'video/webm'] as const;

export const gallerySchema = z.object({
  ...documentFields,
  title: z.string(),
  slug: z.string(),
  description: z.string().nullish(),
  items: z.array(photoSchema).nullish(),
  videos: z.array(videoSchema).nullish(),
  /** An album, or a media kit for the press; entries saved before the field existed are albums. */
  kind: z
    .enum(GALLERY_KINDS)
    .nullish()
    .transform((kind) => kind ?? 'album'),
  /** Documents of a media kit (fact sheet, introduction…): PDF, Word, Excel or OpenDocument files. */
  documents: z.array(mediaSchema).nullish(),
  date: z.string().nullish(),
  unit: unitRefSchema.nullish(),
  seo: seoSchema.nullish(),
});
export type Gallery = z.infer<typeof gallerySchema>;
