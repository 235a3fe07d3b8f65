/**
 * What editors enter as enforcement statistics is checked with the shared schema
 * (`enforcementStatInputSchema`, @thads/shared) whenever an entry is saved: figures must be whole,
 * non-negative numbers, and completed ≤ with conditions ≤ total. At publication, a year has at most one
 * published entry for the whole province and one per unit. Refusals are Vietnamese ValidationErrors that
 * name the field, which the Content Manager shows next to it.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ENFORCEMENT_STAT_LABELS, enforcementStatInputSchema } from '@thads/shared';

export const ENFORCEMENT_STAT = 'api::enforcement-stat.enforcement-stat';

type Ref = { id?: number; documentId?: string } | null | undefined;

/** The target of a manyToOne relation as written in `data` (id, documentId, object, connect/set), null for none, undefined when unknown. */
function relationTarget(value: unknown): Ref {
  if (value === null) return null;
  if (typeof value === 'number') return { id: value };
  if (typeof value === 'string') return /^\d+$/.test(value) ? { id: Number(value) } : { documentId: value };
  if (value && typeof value === 'object') {
    const v = value as Record<string, any>;
    if (Array.isArray(v.set)) return v.set.length ? relationTarget(v.set[0]) : null;
    if (Array.isArray(v.connect) && v.connect.length) return relationTarget(v.connect[0]);
    if (Array.isArray(v.disconnect) && v.disconnect.length && !v.connect?.length) return null;
    if (typeof v.documentId === 'string') return { documentId: v.documentId };
    if (typeof v.id === 'number') return { id: v.id };
  }
  return undefined;
}

function figuresError(issues: { path: PropertyKey[]; message: string; code: string }[]): errors.ValidationError {
  const details = issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const label = ENFORCEMENT_STAT_LABELS[field as keyof typeof ENFORCEMENT_STAT_LABELS]?.[0] ?? field;
    return { path: [field], message: issue.code === 'custom' ? issue.message : `${label}: ${issue.message}.`, name: 'ValidationError', value: null };
  });
  return new errors.ValidationError(`Số liệu chưa hợp lệ: ${details.map((d) => d.message).join(' ')}`, { errors: details });
}

export function registerEnforcementStatRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context: any, next: () => Promise<any>) => {
    const { action, uid, params = {} } = context;
    if (uid !== ENFORCEMENT_STAT || !['create', 'update', 'publish'].includes(action)) return next();
    const docs = strapi.documents(ENFORCEMENT_STAT) as any;
    const current =
      action !== 'create' && params.documentId
        ? ((await docs.findOne({ documentId: params.documentId, status: 'draft', populate: { unit: { fields: ['documentId', 'name'] } } })) ?? {})
        : {};
    const data = { ...current, ...(action === 'publish' ? {} : (params.data ?? {})) };

    if (action !== 'publish') {
      const parsed = enforcementStatInputSchema.safeParse({
        year: data.year,
        casesTotal: data.casesTotal,
        casesWithConditions: data.casesWithConditions,
        casesCompleted: data.casesCompleted,
        amountTotal: data.amountTotal,
        amountWithConditions: data.amountWithConditions,
        amountCompleted: data.amountCompleted,
      });
      if (!parsed.success) throw figuresError(parsed.error.issues);
    }

    if (action === 'publish' || params.status === 'published') {
      const unit = 'unit' in (params.data ?? {}) ? relationTarget(params.data.unit) : relationTarget(current.unit ?? null);
      if (typeof data.year === 'number' && unit !== undefined) {
        const published: any[] = await docs.findMany({ status: 'published', filters: { year: data.year }, populate: { unit: { fields: ['documentId', 'name'] } }, limit: 1000 });
        const same = published.find(
          (p) =>
            p.documentId !== params.documentId &&
            (unit === null ? !p.unit : !!p.unit && (unit.documentId ? p.unit.documentId === unit.documentId : p.unit.id === unit.id)),
        );
        if (same) {
          const scope = same.unit ? `của ${same.unit.name}` : 'toàn tỉnh';
          const message = `Đã có số liệu năm ${data.year} ${scope} được xuất bản. Mỗi năm chỉ có một mục số liệu toàn tỉnh và một mục cho mỗi đơn vị: hãy sửa mục đã có thay vì tạo mục mới.`;
          throw new errors.ValidationError(message, { errors: [{ path: ['year'], message, name: 'ValidationError', value: data.year }] });
        }
      }
    }
    return next();
  });
}
