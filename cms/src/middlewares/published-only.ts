/**
 * Strapi's REST API lets any role that may `find` read drafts by adding `?status=draft`
 * (strapi/strapi#25326, still true on 5.54). A government site must never show a draft:
 * every Content API request that carries no credentials is forced to published content.
 * Requests with a valid API token (preview, tests) are checked by Strapi's auth as usual.
 */
export default () => async (ctx: any, next: () => Promise<unknown>) => {
  if (ctx.path.startsWith('/api/') && !ctx.request.header.authorization) {
    const query = ctx.query ?? {};
    if (query.status !== undefined && query.status !== 'published') {
      ctx.query = { ...query, status: 'published' };
    }
  }
  await next();
};
