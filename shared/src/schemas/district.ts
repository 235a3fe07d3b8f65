/**
 * Districts (content type district, "Địa bàn"): where an auctioned asset is, by the province's former
 * districts. Since 1 July 2025 there are no districts any more (communes and wards are directly under the
 * province), but land records, judgments and people still place an asset by its former district, and a
 * province's communes and wards are too many for a filter: the district is the former one, the commune or
 * ward goes in the notice's `location`. Each agency keeps its own list (cms/data/demo/districts.json for the
 * demo agency); the site has one page per district (/dau-gia/dia-ban/<slug>/).
 */
import { z } from 'zod';
import { documentFields } from './common.ts';
import { defineModel } from '../models/model.ts';

export const districtSchema = z.object({
  ...documentFields,
  name: z.string(),
  slug: z.string(),
  order: z.number().nullish(),
});
export type District = z.infer<typeof districtSchema>;

export const districtModel = defineModel({
  uid: 'api::district.district',
  kind: 'collection',
  path: 'districts',
  collection: 'districts',
  leaf: false,
  role: 'reference',
  schema: districtSchema,
  populate: {},
  labels: { name: ['Tên địa bàn', 'Tên huyện, thị xã, thành phố trước ngày 01/7/2025, kèm "(cũ)".'] },
  mainField: 'name',
  listColumns: ['name', 'slug', 'order'],
});
