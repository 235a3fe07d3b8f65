/**
 * What each public type populates when a client does not ask for something else.
 * Decided once here, next to the types, not repeated in every query of the site.
 */
const media = { fields: ['name', 'url', 'alternativeText', 'caption', 'width', 'height', 'mime', 'size', 'ext', 'updatedAt'] };
const photo = { populate: { image: media } };
const attachment = { populate: { file: media } };
const unitRef = { fields: ['name', 'slug', 'shortName'] };
const termRef = { fields: ['name', 'slug'] };
const seo = { populate: { shareImage: media } };

export const defaultPopulate: Record<string, Record<string, unknown>> = {
  'api::article.article': { cover: photo, gallery: photo, attachments: attachment, category: termRef, themes: true, unit: unitRef, changeNotes: true, seo },
  'api::legal-qa.legal-qa': {
    citations: { populate: { document: { fields: ['number', 'title', 'slug', 'validity'] } } },
    topic: termRef,
    unit: unitRef,
    seo,
  },
  'api::story.story': { cover: photo, photos: photo, unit: unitRef, seo },
  'api::press-release.press-release': { unit: unitRef, attachments: attachment, seo },
  // clippings are private: never populated for the public.
  'api::correction.correction': { appearances: true, evidence: true, unit: unitRef, seo },
  'api::announcement.announcement': { attachments: attachment, unit: unitRef, seo },
  'api::legal-document.legal-document': {
    amendedBy: { fields: ['number', 'title', 'slug'] },
    amends: { fields: ['number', 'title', 'slug'] },
    file: media,
    unit: unitRef,
  },
  'api::gallery.gallery': { items: photo, videos: { populate: { file: media, poster: media, captions: media } }, documents: media, unit: unitRef, seo },
  'api::unit.unit': { mergedInto: { fields: ['name', 'slug'] }, parent: { fields: ['name', 'slug'] } },
  'api::category.category': {},
  'api::topic.topic': {},
  'api::site-setting.site-setting': { logo: media, seo },
  'api::enforcement-notice.enforcement-notice': { parties: true, attachments: attachment, unit: unitRef, seo },
  'api::auction-notice.auction-notice': { district: termRef, organization: true, attachments: attachment, unit: unitRef, seo },
  'api::district.district': {},
  'api::spokesperson.spokesperson': { spokesperson: true, deputy: true },
};

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
