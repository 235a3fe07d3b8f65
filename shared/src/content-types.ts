/**
 * The CMS's content types by audience: permissions, tests and the seed read these lists in cms/, and the
 * publisher (site/publisher/) decides from them which webhook events change the public site. The public types
 * are those with a model (models/index.ts).
 */
import { PUBLIC_MODELS } from './models/index.ts';

export const PUBLIC_COLLECTIONS: readonly string[] = PUBLIC_MODELS.filter((m) => m.kind === 'collection').map((m) => m.uid);

export const PUBLIC_SINGLES: readonly string[] = PUBLIC_MODELS.filter((m) => m.kind === 'single').map((m) => m.uid);

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

export const PUBLIC_TYPES: readonly string[] = [...PUBLIC_COLLECTIONS, ...PUBLIC_SINGLES];

/** Strapi webhook events the publisher subscribes to. A new upload (media.create) is on no page until an entry using it is published. */
export const PUBLISH_WEBHOOK_EVENTS = ['entry.publish', 'entry.unpublish', 'entry.delete', 'entry.update', 'media.update', 'media.delete'] as const;
