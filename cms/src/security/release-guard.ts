/**
 * The release guard: drafts, unpublished edits and embargoed entries reach only a caller that Strapi itself
 * authenticated to see them.
 *
 * It is a Document Service middleware, so it sees every read of content whatever route, controller, path
 * spelling or query form led there (REST lists and findOne, single types, counts, our own routes), and it
 * decides from what Strapi established for the request being served (`strapi.requestContext`), never from the
 * request's shape (a header's presence, a path prefix). Strapi serves a malformed `Authorization` header as
 * the Public role and routes `/API/…` as `/api/…`: both end here as "public".
 *
 *  - Unreleased content is readable by: an admin session (the panel), a valid API token (Strapi's api-token
 *    strategy: previews, backups, integrations made by a super admin), the publisher's preview route
 *    (authenticated by its own Strapi strategy, api/preview), and the server's own work outside any request
 *    (seed, scheduled jobs, scripts).
 *  - Anyone else (the Public role, a users-permissions user, a route with `auth: false`) reads with
 *    `status: 'published'` forced on every draft-and-publish type, and without embargoed press releases.
 *
 * Relations populated from a published entry follow Strapi's own rule (a published entry links to published
 * entries only); the tests check it (test/cms/release-guard.test.ts).
 */
import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { EMBARGOED_TYPES, notEmbargoed } from '../publishing/embargo';

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/** Name of the Strapi auth strategy of the publisher's preview route (api/preview/strategy.ts). */
export const PUBLISHER_STRATEGY = 'thads-publisher';
// Strapi's names: admin sessions, admin API tokens (admin routes), Content API tokens; and the publisher's.
const TRUSTED_STRATEGIES = new Set(['admin', 'admin-token', 'content-api-token', PUBLISHER_STRATEGY]);

/** Whether the request being served (Strapi's request context; none outside requests) may read unreleased content. */
export function mayReadUnreleased(ctx: any): boolean {
  if (!ctx) return true;
  const auth = ctx.state?.auth;
  return Boolean(ctx.state?.isAuthenticated && auth?.credentials && TRUSTED_STRATEGIES.has(auth.strategy?.name));
}

const and = (filters: unknown, extra: object) => (filters && typeof filters === 'object' && Object.keys(filters).length ? { $and: [filters, extra] } : extra);

export function releaseGuard(strapi: Core.Strapi) {
  return async (context: any, next: () => Promise<any>) => {
    if (!READS.has(context.action)) return next();
    const model = strapi.getModel(context.uid);
    const draftAndPublish = Boolean(model && contentTypes.hasDraftAndPublish(model as any));
    const embargoed = EMBARGOED_TYPES.includes(context.uid);
    if (!draftAndPublish && !embargoed) return next();
    if (mayReadUnreleased(strapi.requestContext.get())) return next();
    const params = { ...(context.params ?? {}) };
    if (draftAndPublish) params.status = 'published';
    if (embargoed) params.filters = and(params.filters, notEmbargoed(new Date()));
    context.params = params;
    return next();
  };
}
