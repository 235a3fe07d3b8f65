import { z } from 'zod';
import { GALLERY_KINDS, GALLERY_KIND_LABELS } from '../taxonomy.ts';
import { documentFields, mediaSchema, photoSchema, seoSchema, unitRefSchema } from './common.ts';
import { defineModel, mediaFields, photoPopulate, unitRefPopulate, seoPopulate } from '../models/model.ts';

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

export const galleryModel = defineModel({
  uid: 'api::gallery.gallery',
  kind: 'collection',
  path: 'galleries',
  collection: 'galleries',
  leaf: true,
  role: 'publication',
  schema: gallerySchema,
  populate: { items: photoPopulate, videos: { populate: { file: mediaFields, poster: mediaFields, captions: mediaFields } }, documents: mediaFields, unit: unitRefPopulate, seo: seoPopulate },
  labels: {
    kind: [
      'Loại',
      'Thư viện ảnh: album ảnh hoạt động. Bộ tư liệu báo chí: ảnh chính thức và tài liệu (giới thiệu cơ quan, số liệu…) để báo chí tải trọn bộ một lần; hiện ở mục "Bộ tư liệu báo chí" của trang Báo chí.',
    ],
    documents: [
      'Tài liệu',
      'Tệp PDF, Word (DOC, DOCX), Excel hoặc OpenDocument, ví dụ thông tin giới thiệu cơ quan. Tên hiển thị là chú thích của tệp trong Thư viện media, không có thì là tên tệp. Được tải riêng từng tệp và nằm trong tệp ZIP của bộ.',
    ],
    items: ['Ảnh', 'Mỗi ảnh cần có mô tả thay thế (alt), chú thích, tác giả và giấy phép; thiếu mô tả thay thế thì không xuất bản được.'],
    videos: ['Video', 'Tệp MP4 hoặc WebM do cơ quan tải lên, kèm ảnh đại diện và phụ đề nếu có.'],
  },
  listColumns: ['title', 'kind', 'unit', 'date'],
  enumLabels: { kind: GALLERY_KIND_LABELS },
});
