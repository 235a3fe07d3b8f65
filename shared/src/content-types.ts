/**
 * The CMS's content types by audience: permissions, tests and the seed read these lists in cms/, and the
 * publisher (site/publisher/) decides from them which webhook events change the public site.
 */
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
  'api::enforcement-stat.enforcement-stat',
  'api::debtor-listing.debtor-listing',
  'api::enforcement-notice.enforcement-notice',
  'api::auction-notice.auction-notice',
  'api::district.district',
] as const;

export const PUBLIC_SINGLES = ['api::site-setting.site-setting', 'api::spokesperson.spokesperson'] as const;

export const PRIVATE_COLLECTIONS = [
  'api::citizen-question.citizen-question',
  'api::information-request.information-request',
  'api::public-holiday.public-holiday',
  'api::press-request.press-request',
  'api::press-clipping.press-clipping',
  'api::plan-task.plan-task',
  'api::page-feedback.page-feedback',
  'api::press-outlet.press-outlet',
] as const;

/** Private single types (settings of internal work), edited by the editors only. */
export const PRIVATE_SINGLES = ['api::press-monitoring-setting.press-monitoring-setting'] as const;

export const PUBLIC_TYPES = [...PUBLIC_COLLECTIONS, ...PUBLIC_SINGLES] as const;

/** Strapi webhook events the publisher subscribes to. A new upload (media.create) is on no page until an entry using it is published. */
export const PUBLISH_WEBHOOK_EVENTS = ['entry.publish', 'entry.unpublish', 'entry.delete', 'entry.update', 'media.update', 'media.delete'] as const;
