/**
 * Which fields an update really changes: the data the Content Manager sends holds the whole form
 * (every field, components with their ids, relations as connect/disconnect lists), so the names of the
 * keys say nothing. Each value is compared with the stored draft, by the kind of attribute it belongs to.
 */
import type { Core } from '@strapi/strapi';

type Attributes = Record<string, any>;

/** Fields Strapi manages itself: never reported as changed by an editor. */
const SYSTEM_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'firstPublishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

const populateCache = new Map<string, any>();

/** What to load of a stored entry to compare it with incoming data: components deeply, relations and media as ids. */
export function comparisonPopulate(strapi: Core.Strapi, attributes: Attributes, depth = 0): Record<string, any> {
  const populate: Record<string, any> = {};
  for (const [name, a] of Object.entries<any>(attributes)) {
    if (SYSTEM_FIELDS.has(name)) continue;
    if (a.type === 'relation' || a.type === 'media') populate[name] = { select: ['id', 'documentId'] };
    else if (a.type === 'component' && depth < 5) {
      const inner = comparisonPopulate(strapi, strapi.components[a.component as keyof typeof strapi.components]?.attributes ?? {}, depth + 1);
      populate[name] = Object.keys(inner).length ? { populate: inner } : true;
    } else if (a.type === 'dynamiczone' && depth < 5) {
      populate[name] = {
        on: Object.fromEntries(
          (a.components as string[]).map((c) => [c, { populate: comparisonPopulate(strapi, strapi.components[c as keyof typeof strapi.components]?.attributes ?? {}, depth + 1) }]),
        ),
      };
    }
  }
  return populate;
}

/** The stored draft (or the only version, without Draft & Publish) of a document, ready for `changedFields`. */
export async function loadForComparison(strapi: Core.Strapi, uid: string, documentId: string): Promise<Record<string, any> | null> {
  const model = strapi.contentType(uid as any);
  if (!model) return null;
  if (!populateCache.has(uid)) populateCache.set(uid, comparisonPopulate(strapi, model.attributes));
  const draftAndPublish = Boolean(model.options?.draftAndPublish);
  return strapi.db.query(uid as any).findOne({ where: { documentId, ...(draftAndPublish ? { publishedAt: null } : {}) }, populate: populateCache.get(uid) });
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** An id or documentId from whatever form a relation or media reference takes. */
function refKey(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return `id:${v}`;
  if (typeof v === 'string') return /^\d+$/.test(v) ? `id:${v}` : `doc:${v}`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (o.documentId) return `doc:${o.documentId}`;
    if (o.id !== undefined) return `id:${o.id}`;
  }
  return null;
}

/** True when `ref` names the stored entry `stored` (by id or documentId). */
const sameRef = (ref: string, stored: any) => ref === `id:${stored?.id}` || ref === `doc:${stored?.documentId}`;

function relationChanged(before: unknown, after: unknown): boolean {
  const stored = (Array.isArray(before) ? before : before ? [before] : []) as any[];
  if (after && typeof after === 'object' && !Array.isArray(after) && ('connect' in after || 'disconnect' in after || 'set' in after)) {
    const o = after as { connect?: unknown[]; disconnect?: unknown[]; set?: unknown[] };
    if ('set' in o && o.set !== undefined) return relationChanged(before, o.set);
    const connect = (o.connect ?? []).map(refKey).filter((k): k is string => Boolean(k));
    const disconnect = (o.disconnect ?? []).map(refKey).filter((k): k is string => Boolean(k));
    // Connecting what is already there (the form re-sends positions) changes nothing unless the order moves.
    const newlyConnected = connect.filter((k) => !stored.some((s) => sameRef(k, s)));
    const reallyDisconnected = disconnect.filter((k) => stored.some((s) => sameRef(k, s)));
    const reordered = (o.connect ?? []).some((c: any) => c && typeof c === 'object' && c.position && Object.keys(c.position).length > 0);
    return newlyConnected.length > 0 || reallyDisconnected.length > 0 || reordered;
  }
  const wanted = (Array.isArray(after) ? after : isEmpty(after) ? [] : [after]).map(refKey).filter((k): k is string => Boolean(k));
  if (wanted.length !== stored.length) return true;
  return wanted.some((k, i) => !sameRef(k, stored[i]));
}

function mediaChanged(before: unknown, after: unknown): boolean {
  const stored = (Array.isArray(before) ? before : before ? [before] : []) as any[];
  const wanted = (Array.isArray(after) ? after : isEmpty(after) ? [] : [after]).map(refKey);
  if (wanted.length !== stored.length) return true;
  return wanted.some((k, i) => !k || !sameRef(k, stored[i]));
}

const time = (v: unknown) => (isEmpty(v) ? null : new Date(v as string).getTime());
const day = (v: unknown) => (isEmpty(v) ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const clock = (v: unknown) => (isEmpty(v) ? null : String(v).slice(0, 8).padEnd(8, ':00').slice(0, 8));
const num = (v: unknown) => (isEmpty(v) ? null : Number(v));
// Keys sorted: PostgreSQL's jsonb gives objects back with their keys reordered, which is no change.
const sortedKeys = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(sortedKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortedKeys((v as any)[k])])) : v;
const json = (v: unknown) => (isEmpty(v) ? null : JSON.stringify(sortedKeys(typeof v === 'string' ? safeParse(v) : v)));
function safeParse(v: string) {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function componentChanged(strapi: Core.Strapi, component: string, before: any, after: any): boolean {
  if (isEmpty(before) || isEmpty(after)) return isEmpty(before) !== isEmpty(after);
  const attributes = strapi.components[component as keyof typeof strapi.components]?.attributes ?? {};
  return Object.keys(after).some((field) => field in attributes && valueChanged(strapi, (attributes as Attributes)[field], before[field], after[field]));
}

/** Whether `after` (incoming data) differs from `before` (stored) for an attribute of the given definition. */
export function valueChanged(strapi: Core.Strapi, attribute: any, before: unknown, after: unknown): boolean {
  switch (attribute?.type) {
    case 'relation':
      return relationChanged(before, after);
    case 'media':
      return mediaChanged(before, after);
    case 'component': {
      if (!attribute.repeatable) return componentChanged(strapi, attribute.component, before, after);
      const a = (before as any[]) ?? [];
      const b = (after as any[]) ?? [];
      return a.length !== b.length || b.some((item, i) => componentChanged(strapi, attribute.component, a[i], item));
    }
    case 'dynamiczone': {
      const a = (before as any[]) ?? [];
      const b = (after as any[]) ?? [];
      return a.length !== b.length || b.some((item, i) => item?.__component !== a[i]?.__component || componentChanged(strapi, item.__component, a[i], item));
    }
    case 'datetime':
      return time(before) !== time(after);
    case 'date':
      return day(before) !== day(after);
    case 'time':
      return clock(before) !== clock(after);
    case 'integer':
    case 'biginteger':
    case 'float':
    case 'decimal':
      return num(before) !== num(after);
    case 'boolean':
      return Boolean(before) !== Boolean(after);
    case 'json':
    case 'blocks':
      return json(before) !== json(after);
    case 'password':
      return !isEmpty(after);
    default:
      return (isEmpty(before) ? null : String(before)) !== (isEmpty(after) ? null : String(after));
  }
}

/** The names of the fields of `data` whose values differ from the stored entry `before`, in schema order. */
export function changedFields(strapi: Core.Strapi, uid: string, before: Record<string, any> | null, data: Record<string, any>): string[] {
  const attributes = strapi.contentType(uid as any)?.attributes ?? {};
  return Object.keys(attributes).filter((field) => !SYSTEM_FIELDS.has(field) && field in data && (!before || valueChanged(strapi, (attributes as Attributes)[field], before[field], data[field])));
}
