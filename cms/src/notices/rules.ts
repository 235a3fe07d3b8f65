/**
 * Enforcement and auction notices (types enforcement-notice, auction-notice; shared schemas in @thads/shared):
 *  - each expires by itself at `publishedUntil`: the site lists it as current before, as past after, and the
 *    timed rebuilds task (publishing/timed-rebuilds.ts) asks the publisher for a rebuild at that moment;
 *  - an auction notice without `publishedUntil` expires when the auction opens (`auctionAt`);
 *  - what editors save in an auction notice is checked with the shared `auctionNoticeInputSchema` (amounts
 *    whole and non-negative, deposit ≤ starting price, registration and viewing before the auction), with
 *    Vietnamese ValidationErrors naming the field, which the Content Manager shows next to it;
 *  - an auction notice is published only with its district (a relation to the agency's districts: the
 *    admin asks for it, Strapi's document service does not check a required relation).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { AUCTION_NOTICE_LABELS, auctionNoticeInputSchema } from '@thads/shared';

export const ENFORCEMENT_NOTICE = 'api::enforcement-notice.enforcement-notice';
export const AUCTION_NOTICE = 'api::auction-notice.auction-notice';
export const EXPIRING_TYPES = [ENFORCEMENT_NOTICE, AUCTION_NOTICE] as const;

const CHECKED = ['startingPrice', 'deposit', 'documentFee', 'auctionAt', 'registrationFrom', 'registrationUntil', 'viewingFrom', 'viewingUntil'] as const;

function auctionError(issues: { path: PropertyKey[]; message: string; code: string }[]): errors.ValidationError {
  const details = issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const label = AUCTION_NOTICE_LABELS[field as keyof typeof AUCTION_NOTICE_LABELS]?.[0] ?? field;
    return { path: [field], message: issue.code === 'custom' ? issue.message : `${label}: ${issue.message}.`, name: 'ValidationError', value: null };
  });
  return new errors.ValidationError(`Thông báo đấu giá chưa hợp lệ: ${details.map((d) => d.message).join(' ')}`, { errors: details });
}

const asIso = (value: unknown) => (value instanceof Date ? value.toISOString() : typeof value === 'string' && value ? value : null);

export function registerNoticeRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context: any, next: () => Promise<any>) => {
    const { action, uid, params = {} } = context;
    if (uid === AUCTION_NOTICE && action === 'publish' && params.documentId) {
      const draft = await (strapi.documents(AUCTION_NOTICE) as any).findOne({ documentId: params.documentId, status: 'draft', fields: ['id'], populate: { district: { fields: ['id'] } } });
      if (draft && !draft.district) {
        const label = AUCTION_NOTICE_LABELS.district[0];
        throw new errors.ValidationError(`Thông báo đấu giá chưa hợp lệ: ${label}: không được để trống.`, { errors: [{ path: ['district'], message: `${label}: không được để trống.`, name: 'ValidationError', value: null }] });
      }
    }
    if (uid !== AUCTION_NOTICE || !['create', 'update'].includes(action) || !params.data) return next();
    const current =
      action === 'update' && params.documentId
        ? ((await (strapi.documents(AUCTION_NOTICE) as any).findOne({ documentId: params.documentId, status: 'draft', fields: [...CHECKED, 'publishedUntil'] })) ?? {})
        : {};
    const data = { ...current, ...params.data };
    const parsed = auctionNoticeInputSchema.safeParse(Object.fromEntries(CHECKED.map((f) => [f, f.endsWith('At') || f.endsWith('From') || f.endsWith('Until') ? asIso(data[f]) : data[f]])));
    if (!parsed.success) throw auctionError(parsed.error.issues);
    if (!data.publishedUntil && data.auctionAt) params.data.publishedUntil = asIso(data.auctionAt);
    return next();
  });
}
