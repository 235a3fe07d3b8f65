import { z } from 'zod';
import { DOC_STATUSES, DOC_STATUS_LABELS, DOC_TYPES, DOC_TYPE_LABELS } from '../taxonomy.ts';
import { documentFields, mediaSchema, unitRefSchema } from './common.ts';
import { defineModel, mediaFields, unitRefPopulate } from '../models/model.ts';

const docRef = z.object({ documentId: z.string(), number: z.string(), title: z.string(), slug: z.string() });

export const legalDocumentSchema = z.object({
  ...documentFields,
  title: z.string(),
  slug: z.string(),
  number: z.string(),
  docType: z.enum(DOC_TYPES),
  issuer: z.string().nullish(),
  issuedDate: z.string().nullish(),
  effectiveDate: z.string().nullish(),
  validity: z.enum(DOC_STATUSES),
  amendedBy: z.array(docRef).nullish(),
  amends: z.array(docRef).nullish(),
  summary: z.string().nullish(),
  file: mediaSchema.nullish(),
  unit: unitRefSchema.nullish(),
});
export type LegalDocument = z.infer<typeof legalDocumentSchema>;
export type LegalDocumentRef = z.infer<typeof docRef>;
export { docRef as legalDocumentRefSchema };

export const legalDocumentModel = defineModel({
  uid: 'api::legal-document.legal-document',
  kind: 'collection',
  path: 'legal-documents',
  collection: 'legalDocuments',
  leaf: false,
  role: 'reference',
  schema: legalDocumentSchema,
  // Not populated: a document's page describes it by its summary.
  notInSchema: ['seo'],
  populate: {
    amendedBy: { fields: ['number', 'title', 'slug'] },
    amends: { fields: ['number', 'title', 'slug'] },
    file: mediaFields,
    unit: unitRefPopulate,
  },
  labels: {
    title: ['Trích yếu'],
    slug: ['Đường dẫn (slug)', 'Tạo tự động từ số hiệu.'],
    number: ['Số, ký hiệu', 'Ví dụ: 26/2008/QH12.'],
    docType: ['Loại văn bản'],
    issuer: ['Cơ quan ban hành'],
    issuedDate: ['Ngày ban hành'],
    effectiveDate: ['Ngày có hiệu lực'],
    validity: ['Tình trạng hiệu lực', 'Khi chuyển sang "đã sửa đổi" hoặc "hết hiệu lực", các giải đáp dẫn chiếu văn bản này cần được rà soát.'],
    amendedBy: ['Được sửa đổi, thay thế bởi'],
    amends: ['Sửa đổi, thay thế văn bản'],
    summary: ['Tóm tắt nội dung'],
    file: ['Tệp văn bản'],
    unit: ['Đơn vị đăng tải'],
  },
  mainField: 'number',
  listColumns: ['number', 'title', 'docType', 'validity', 'issuedDate'],
  enumLabels: { docType: DOC_TYPE_LABELS, validity: DOC_STATUS_LABELS },
});
