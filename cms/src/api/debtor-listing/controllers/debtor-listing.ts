/**
 * The public list of debtors without means to execute. Whatever the query asks, the Content API returns
 * only entries that are published and still listed (state "dang-cong-khai"), only their public fields and
 * their unit: a resolved entry is gone from the API as soon as an editor marks it, and its history, state
 * and import key (private attributes) are never read here.
 */
import { factories } from '@strapi/strapi';
import { DEBTOR_LISTED } from '@thads/shared';
import { defaultPopulate } from '../../../populate';

const UID = 'api::debtor-listing.debtor-listing';
export const PUBLIC_FIELDS = ['name', 'kind', 'address', 'judgmentNumber', 'judgmentDate', 'court', 'obligation', 'reason', 'decisionNumber', 'decisionDate', 'createdAt', 'updatedAt', 'publishedAt'];
const POPULATE = defaultPopulate[UID];
const LISTED = { state: DEBTOR_LISTED };

/** The client's own filters (already sanitized: private fields are gone), and "still listed". */
const listedOnly = (filters: unknown) => (filters && typeof filters === 'object' && Object.keys(filters).length ? { $and: [filters, LISTED] } : LISTED);
const publicFields = (fields: unknown) => {
  const asked = Array.isArray(fields) ? fields.filter((f) => PUBLIC_FIELDS.includes(f)) : typeof fields === 'string' ? fields.split(',').filter((f) => PUBLIC_FIELDS.includes(f)) : [];
  return asked.length ? asked : PUBLIC_FIELDS;
};

export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx: any) {
    const core = this as any;
    await core.validateQuery(ctx);
    const query: any = await core.sanitizeQuery(ctx);
    const { results, pagination } = await (strapi.service(UID) as any).find({
      ...query,
      filters: listedOnly(query.filters),
      fields: publicFields(query.fields),
      populate: POPULATE,
      status: 'published',
    });
    return core.transformResponse(await core.sanitizeOutput(results, ctx), { pagination });
  },

  async findOne(ctx: any) {
    const core = this as any;
    await core.validateQuery(ctx);
    const query: any = await core.sanitizeQuery(ctx);
    const entry = await strapi.documents(UID).findFirst({
      filters: { documentId: ctx.params.id, ...LISTED },
      fields: publicFields(query.fields),
      populate: POPULATE,
      status: 'published',
    } as any);
    if (!entry) return ctx.notFound();
    return core.transformResponse(await core.sanitizeOutput(entry, ctx));
  },
}));
