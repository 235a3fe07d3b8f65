/**
 * No photo is published without alternative text. A Document Service middleware refuses to publish a
 * document (a gallery, an article, a story…) while one of its photos (component shared.photo, at any depth)
 * has an empty `alt`, with a Vietnamese message that names the photo and the field; the Content Manager
 * shows it and marks the field. Drafts may be saved without it: a reporter writes the text before publishing.
 *
 * Publishing happens through `publish`, and also through `create`/`update` with `status: 'published'` (the
 * seed, scripts), which Strapi carries out without a separate `publish` call: all three are checked.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { labelFor } from '../field-labels';

export const PHOTO_COMPONENT = 'shared.photo';

type Attribute = { type: string; component?: string; components?: string[]; repeatable?: boolean };
type Attributes = Record<string, Attribute>;
type Problem = { path: (string | number)[]; label: string };

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/** Whether a component (or anything inside it) is a photo. */
function holdsPhoto(strapi: Core.Strapi, uid: string, seen = new Set<string>()): boolean {
  if (uid === PHOTO_COMPONENT) return true;
  if (seen.has(uid)) return false;
  seen.add(uid);
  const attributes = (strapi.components as unknown as Record<string, { attributes: Attributes }>)[uid]?.attributes ?? {};
  return Object.values(attributes).some((a) => (a.type === 'component' && !!a.component && holdsPhoto(strapi, a.component, seen)) || (a.type === 'dynamiczone' && (a.components ?? []).some((c) => holdsPhoto(strapi, c, seen))));
}

/** Populate that loads every photo's alt (and image id) of a type, or undefined when the type has none. */
function photoPopulate(strapi: Core.Strapi, attributes: Attributes): Record<string, unknown> | undefined {
  const populate: Record<string, unknown> = {};
  for (const [name, a] of Object.entries(attributes)) {
    if (a.type === 'component' && a.component && holdsPhoto(strapi, a.component)) {
      populate[name] = a.component === PHOTO_COMPONENT ? { populate: { image: { fields: ['id'] } } } : { populate: photoPopulate(strapi, (strapi.components as unknown as Record<string, { attributes: Attributes }>)[a.component]?.attributes ?? {}) ?? {} };
    } else if (a.type === 'dynamiczone' && (a.components ?? []).some((c) => holdsPhoto(strapi, c))) {
      populate[name] = { populate: '*' };
    }
  }
  return Object.keys(populate).length ? populate : undefined;
}

/** Photos without alt text in `data`, walking the schema (components, repeatable or not, and dynamic zones). */
export function photosWithoutAlt(strapi: Core.Strapi, ownerUid: string, attributes: Attributes, data: Record<string, any>, isComponent = false, prefix: (string | number)[] = [], parentLabel?: string): Problem[] {
  const problems: Problem[] = [];
  for (const [name, a] of Object.entries(attributes)) {
    const value = data?.[name];
    if (value == null) continue;
    const label = labelFor(ownerUid, name, isComponent)?.[0] ?? parentLabel ?? name;
    const entries: [Record<string, any>, (string | number)[], string | undefined][] = [];
    if (a.type === 'component' && a.component && holdsPhoto(strapi, a.component)) {
      if (a.repeatable && Array.isArray(value)) value.forEach((v, i) => entries.push([v, [...prefix, name, i], a.component]));
      else if (!Array.isArray(value)) entries.push([value, [...prefix, name], a.component]);
    } else if (a.type === 'dynamiczone' && Array.isArray(value)) {
      value.forEach((v, i) => entries.push([v, [...prefix, name, i], v?.__component]));
    }
    for (const [item, path, component] of entries) {
      if (!component || !item || typeof item !== 'object') continue;
      if (component === PHOTO_COMPONENT) {
        if (isBlank(item.alt)) problems.push({ path: [...path, 'alt'], label });
      } else if (holdsPhoto(strapi, component)) {
        const inner = (strapi.components as unknown as Record<string, { attributes: Attributes }>)[component]?.attributes ?? {};
        problems.push(...photosWithoutAlt(strapi, component, inner, item, true, path, label));
      }
    }
  }
  return problems;
}

/** "ảnh thứ 2 của “Ảnh, video”" or "“Ảnh đại diện”". */
function describe(problem: Problem): string {
  const index = [...problem.path].reverse().find((p): p is number => typeof p === 'number');
  return typeof index === 'number' ? `ảnh thứ ${index + 1} của mục “${problem.label}”` : `ảnh ở mục “${problem.label}”`;
}

export function altTextError(problems: Problem[]): errors.ValidationError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (và ${problems.length - 1} ảnh khác)` : '';
  const message =
    `Chưa thể xuất bản: ${describe(first!)}${more} chưa có mô tả thay thế (alt). ` +
    'Hãy viết một câu mô tả nội dung ảnh cho người không xem được ảnh, rồi xuất bản lại.';
  return new errors.ValidationError(message, {
    errors: problems.map((p) => ({ path: p.path.map(String), message: `${describe(p).replace(/^./, (c) => c.toUpperCase())} chưa có mô tả thay thế (alt).`, name: 'ValidationError', value: '' })),
  });
}

export function registerRequireAlt(strapi: Core.Strapi): void {
  strapi.documents.use(async (context: any, next: () => Promise<any>) => {
    const { action, uid, params = {} } = context;
    const publishing = action === 'publish' || ((action === 'create' || action === 'update') && params.status === 'published');
    if (!publishing || !uid.startsWith('api::')) return next();
    const attributes = (strapi.contentType(uid)?.attributes ?? {}) as Attributes;
    const populate = photoPopulate(strapi, attributes);
    if (!populate) return next();

    // What will be published: the draft as stored, with what this call writes on top of it.
    let current: Record<string, any> = {};
    if (action !== 'create' && params.documentId) {
      current = (await strapi.documents(uid).findOne({ documentId: params.documentId, status: 'draft', ...(params.locale ? { locale: params.locale } : {}), populate } as any)) ?? {};
    }
    const data = action === 'publish' ? current : { ...current, ...(params.data ?? {}) };
    const problems = photosWithoutAlt(strapi, uid, attributes, data);
    if (problems.length) throw altTextError(problems);
    return next();
  });
}
