/**
 * Embargoed press releases: written, approved and published ahead, public only from `embargoUntil`.
 *  - The public API never shows one before its time (`hideEmbargoed`, on the type's find/findOne routes; an
 *    authenticated request — the admin, a preview — sees it as usual).
 *  - When the time comes, the public site must change by itself: the timed rebuilds task (timed-rebuilds.ts,
 *    every EMBARGO_CHECK_SECONDS, default 60) sees the embargo end and tells the publisher, like Strapi's
 *    webhook does on a publish.
 */

export const EMBARGOED_TYPES = ['api::press-release.press-release'] as const;

const notEmbargoed = (now: Date) => ({ $or: [{ embargoUntil: { $null: true } }, { embargoUntil: { $lte: now.toISOString() } }] });

const isEmbargoed = (entry: unknown, now: Date) => {
  const until = (entry as { embargoUntil?: string | null } | null)?.embargoUntil;
  return Boolean(until && Date.parse(until) > now.getTime());
};

/** Route middleware of find/findOne: without credentials, embargoed entries do not exist. */
export async function hideEmbargoed(ctx: any, next: () => Promise<unknown>) {
  const open = !ctx.request.header.authorization;
  const now = new Date();
  if (open) {
    const filters = ctx.query.filters;
    ctx.query = { ...ctx.query, filters: filters ? { $and: [filters, notEmbargoed(now)] } : notEmbargoed(now) };
  }
  await next();
  if (open && ctx.body?.data && !Array.isArray(ctx.body.data) && isEmbargoed(ctx.body.data, now)) {
    ctx.status = 404;
    ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } };
  }
}
