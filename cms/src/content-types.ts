/** The content types by audience. Tests, permissions and the seed read these lists. */
export const PUBLIC_COLLECTIONS = [
  'api::article.article',
  'api::legal-qa.legal-qa',
  'api::story.story',
  'api::press-release.press-release',
  'api::correction.correction',
  'api::announcement.announcement',
  'api::legal-document.legal-document',
  'api::gallery.gallery',
  'api::unit.unit',
  'api::category.category',
  'api::topic.topic',
] as const;

export const PUBLIC_SINGLES = ['api::site-setting.site-setting', 'api::spokesperson.spokesperson'] as const;

export const PRIVATE_COLLECTIONS = [
  'api::citizen-question.citizen-question',
  'api::press-request.press-request',
  'api::press-clipping.press-clipping',
  'api::plan-task.plan-task',
] as const;

export const PUBLIC_TYPES = [...PUBLIC_COLLECTIONS, ...PUBLIC_SINGLES] as const;

/** Reference data that reporters read (to pick relations) but do not write. */
export const REFERENCE_TYPES = ['api::unit.unit', 'api::category.category', 'api::topic.topic', 'api::legal-document.legal-document'] as const;

/** Public types that unit reporters write. */
export const REPORTER_TYPES = PUBLIC_COLLECTIONS.filter((uid) => !(REFERENCE_TYPES as readonly string[]).includes(uid));
