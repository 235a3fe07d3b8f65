import { factories } from '@strapi/strapi';

/** find/findOne populate the unit (name and slug) unless the query asks for something else. */
const populateUnit = async (ctx: any, next: () => Promise<unknown>) => {
  if (ctx.query.populate === undefined) ctx.query = { ...ctx.query, populate: { unit: { fields: ['name', 'slug', 'shortName'] } } };
  await next();
};

export default factories.createCoreRouter('api::enforcement-stat.enforcement-stat', {
  config: { find: { middlewares: [populateUnit] }, findOne: { middlewares: [populateUnit] } },
});
