import { z } from 'zod';
import { UNIT_KINDS, UNIT_KIND_LABELS } from '../taxonomy.ts';
import { blocksSchema, documentFields } from './common.ts';
import { defineModel } from '../models/model.ts';

export const unitSchema = z.object({
  ...documentFields,
  name: z.string(),
  slug: z.string(),
  shortName: z.string().nullish(),
  kind: z.enum(UNIT_KINDS),
  address: z.string().nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
  head: z.string().nullish(),
  headTitle: z.string().nullish(),
  receptionSchedule: blocksSchema.nullish(),
  area: z.string().nullish(),
  description: z.string().nullish(),
  active: z.boolean().nullish(),
  order: z.number().nullish(),
  mergedInto: z.object({ documentId: z.string(), name: z.string(), slug: z.string() }).nullish(),
  /** The unit this one belongs to in the organisation chart (divisions and regional offices: the provincial agency). */
  parent: z.object({ documentId: z.string(), name: z.string(), slug: z.string() }).nullish(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitModel = defineModel({
  uid: 'api::unit.unit',
  kind: 'collection',
  path: 'units',
  collection: 'units',
  leaf: false,
  role: 'reference',
  schema: unitSchema,
  // The other ends of mergedInto and parent.
  notInSchema: ['mergedUnits', 'children'],
  populate: { mergedInto: { fields: ['name', 'slug'] }, parent: { fields: ['name', 'slug'] } },
  labels: {
    name: ['Tên đơn vị'],
    shortName: ['Tên viết tắt'],
    kind: ['Loại đơn vị', 'Cơ quan tỉnh, phòng chuyên môn hay phòng khu vực.'],
    address: ['Địa chỉ trụ sở'],
    head: ['Người đứng đầu'],
    headTitle: ['Chức vụ người đứng đầu'],
    receptionSchedule: ['Lịch tiếp công dân'],
    area: ['Địa bàn phụ trách', 'Các xã, phường thuộc phạm vi thi hành án của đơn vị.'],
    description: ['Chức năng, nhiệm vụ'],
    active: ['Đang hoạt động', 'Bỏ chọn khi đơn vị đã sáp nhập hoặc giải thể.'],
    mergedInto: ['Sáp nhập vào đơn vị'],
    mergedUnits: ['Các đơn vị đã sáp nhập vào'],
    parent: ['Đơn vị cấp trên', 'Dùng để vẽ sơ đồ tổ chức: các phòng chuyên môn và Phòng THADS khu vực thuộc Thi hành án dân sự tỉnh.'],
    children: ['Các đơn vị trực thuộc'],
  },
  mainField: 'name',
  listColumns: ['name', 'kind', 'phone', 'active'],
  enumLabels: { kind: UNIT_KIND_LABELS },
});
