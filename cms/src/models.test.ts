/**
 * Every public type's schema.json (what Strapi needs) agrees with its model in @thads/shared (what everything
 * else derives from): the same attributes, the same enumeration values with a label for each, a label for
 * every field, a default populate for every relation, media and component field the public entry carries,
 * and nothing populated that the type does not have.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMON_LABELS, PUBLIC_MODELS, type ContentModel } from '@thads/shared';

const API = path.resolve(import.meta.dirname, 'api');
/** Attributes Strapi adds to every entry, which schema.json does not list. */
const SYSTEM = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale'];
const NESTED = ['relation', 'media', 'component', 'dynamiczone'];

function schemaJson(model: ContentModel) {
  const name = model.uid.split('.')[1]!;
  return JSON.parse(fs.readFileSync(path.join(API, name, 'content-types', name, 'schema.json'), 'utf8')) as { kind: string; info: { pluralName: string; singularName: string }; attributes: Record<string, any> };
}

/** The values a zod enumeration accepts (through .nullish(), .optional(), .default() and a transform). */
function enumValues(field: any): string[] | undefined {
  for (let t = field, depth = 0; t && depth < 10; depth++) {
    if (Array.isArray(t.options)) return [...t.options];
    t = t.unwrap?.() ?? t.in ?? t._zod?.def?.innerType;
  }
  return undefined;
}

describe.each(PUBLIC_MODELS.map((m) => [m.uid, m] as const))('the model of %s', (_uid, model) => {
  const json = schemaJson(model);
  const attributes = Object.keys(json.attributes);
  const carried = Object.keys(model.schema.shape).filter((f) => !SYSTEM.includes(f));

  it('names the same type, kind and REST path as schema.json', () => {
    expect(json.kind).toBe(model.kind === 'single' ? 'singleType' : 'collectionType');
    expect(model.path).toBe(model.kind === 'single' ? json.info.singularName : json.info.pluralName);
  });

  it('carries every attribute of schema.json, but those it lists as not in the public entry', () => {
    expect([...carried, ...(model.notInSchema ?? [])].sort()).toEqual(attributes.sort());
    for (const f of model.notInSchema ?? []) expect(carried, f).not.toContain(f);
  });

  it('accepts exactly the enumeration values of schema.json, each with a label', () => {
    for (const [field, attribute] of Object.entries(json.attributes)) {
      if (attribute.type !== 'enumeration') continue;
      if (carried.includes(field)) expect(enumValues(model.schema.shape[field]), field).toEqual(attribute.enum);
      for (const value of attribute.enum) expect(model.enumLabels?.[field]?.[value], `${field}: ${value}`).toBeTruthy();
    }
  });

  it('labels every field', () => {
    const missing = attributes.filter((f) => !(model.labels[f] ?? COMMON_LABELS[f]));
    expect(missing).toEqual([]);
  });

  it('populates every relation, media and component the public entry carries, and nothing else', () => {
    const nested = carried.filter((f) => NESTED.includes(json.attributes[f]?.type));
    expect(Object.keys(model.populate).sort()).toEqual(nested.sort());
  });

  it('shows existing fields in the list view and as the main field', () => {
    for (const f of [...(model.listColumns ?? []), ...(model.mainField ? [model.mainField] : [])]) expect([...attributes, ...SYSTEM], f).toContain(f);
  });
});
