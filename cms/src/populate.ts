/**
 * What each public type populates when a client does not ask for something else: decided once, in the type's
 * model (@thads/shared, models/), not repeated in every query of the site.
 */
import { PUBLIC_MODELS } from '@thads/shared';

export const defaultPopulate: Record<string, Record<string, unknown>> = Object.fromEntries(PUBLIC_MODELS.map((m) => [m.uid, m.populate]));

/** Route config for createCoreRouter: find/findOne get the default populate unless the query sets populate or fields. */
export function withDefaultPopulate(uid: string) {
  const populate = defaultPopulate[uid] ?? {};
  const middleware = async (ctx: any, next: () => Promise<unknown>) => {
    // A client that names its fields (the site's light index of what changed) gets just those.
    if (ctx.query.populate === undefined && ctx.query.fields === undefined && Object.keys(populate).length) ctx.query = { ...ctx.query, populate };
    await next();
  };
  return { config: { find: { middlewares: [middleware] }, findOne: { middlewares: [middleware] } } };
}
