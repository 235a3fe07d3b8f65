/**
 * A public content type described once: its Strapi uid and REST path, the site's collection, who reads it,
 * the zod schema of what the public API returns, what the API populates by default, the Content Manager's
 * field labels, main field, list columns and enumeration labels. Everything that lists types or maps them
 * (cms/src/populate.ts, the CMS's field labels, the site's collections and change lists) is derived from the
 * models in models/index.ts; `schema.json` stays where Strapi needs it, and cms/src/models.test.ts holds each
 * one against its model.
 */
import type { z } from 'zod';

/** A field's label in the Content Manager, and the hint under it. */
export type FieldLabel = readonly [label: string, description?: string];

export type ContentModel<S extends z.ZodObject = z.ZodObject> = {
  uid: `api::${string}.${string}`;
  kind: 'collection' | 'single';
  /** The REST path under /api/ (Strapi's pluralName, the singularName of a single type). */
  path: string;
  /** The site's content collection holding the type (site/src/content.config.ts). */
  collection: string;
  /**
   * Whether no other type shows this type's entries inside its own: an event about one then makes the site
   * read that collection alone again (site/src/build/changes.ts).
   */
  leaf: boolean;
  /**
   * What the type is to the agency: a unit's `publication` (counted by the publication reports), `reference`
   * data other entries point to (reporters read it, editors keep it), a `record` kept as a list (statistics,
   * the debtors' list), or the site's `setting` (single types).
   */
  role: 'publication' | 'reference' | 'record' | 'setting';
  /** A published entry as the public API returns it with `populate`. */
  schema: S;
  /** What find and findOne populate unless the client asks otherwise (cms/src/populate.ts). */
  populate: Record<string, unknown>;
  /** Attributes of schema.json the public entry does not carry (inverse relations, private fields). */
  notInSchema?: readonly string[];
  /** Labels of the type's own fields; the others come from COMMON_LABELS. */
  labels: Readonly<Record<string, FieldLabel>>;
  mainField?: string;
  listColumns?: readonly string[];
  /** Vietnamese labels of enumeration values, by field. */
  enumLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
};

export const defineModel = <S extends z.ZodObject, const C extends string>(model: ContentModel<S> & { collection: C }) => model;

/** Labels of fields many types share (title, slug, unit, dates…), unless a type labels them itself. */
export const COMMON_LABELS: Readonly<Record<string, FieldLabel>> = {
  title: ['Tiêu đề'],
  slug: ['Đường dẫn (slug)', 'Để trống để hệ thống tạo từ tiêu đề (chữ thường, không dấu, "đ" thành "d"). Trước lần xuất bản đầu, đường dẫn đổi theo tiêu đề; sau đó giữ nguyên.'],
  summary: ['Tóm tắt (sapo)', 'Một đến hai câu hiển thị ở danh sách và khi chia sẻ.'],
  body: ['Nội dung'],
  unit: ['Đơn vị', 'Đơn vị thực hiện hoặc chịu trách nhiệm nội dung.'],
  date: ['Ngày đăng', 'Ngày hiển thị trên trang; để trống thì dùng ngày xuất bản.'],
  seo: ['Tối ưu tìm kiếm (SEO)', 'Tiêu đề, mô tả và ảnh khi chia sẻ; để trống thì dùng tiêu đề và tóm tắt.'],
  cover: ['Ảnh đại diện'],
  attachments: ['File đính kèm'],
  name: ['Tên'],
  description: ['Mô tả'],
  order: ['Thứ tự hiển thị', 'Số nhỏ hiển thị trước.'],
  phone: ['Điện thoại'],
  email: ['Thư điện tử'],
  createdAt: ['Ngày tạo'],
  updatedAt: ['Ngày cập nhật'],
  publishedAt: ['Ngày xuất bản'],
  createdBy: ['Người tạo'],
  updatedBy: ['Người cập nhật'],
  id: ['Mã số'],
  documentId: ['Mã tài liệu'],
};

// What the default populates are made of.
export const mediaFields = { fields: ['name', 'url', 'alternativeText', 'caption', 'width', 'height', 'mime', 'size', 'ext', 'updatedAt'] };
export const photoPopulate = { populate: { image: mediaFields } };
export const attachmentPopulate = { populate: { file: mediaFields } };
export const unitRefPopulate = { fields: ['name', 'slug', 'shortName'] };
export const termRefPopulate = { fields: ['name', 'slug'] };
export const seoPopulate = { populate: { shareImage: mediaFields } };
