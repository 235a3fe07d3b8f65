/**
 * The models of the public content types (models/model.ts), each beside its zod schema in schemas/<type>.ts.
 * Everything that lists or maps the public types is derived from this list: the CMS's permissions, default
 * populates and field labels, the publisher's events, the site's collections and what a targeted build reads.
 */
import { announcementModel } from '../schemas/announcement.ts';
import { articleModel } from '../schemas/article.ts';
import { auctionNoticeModel } from '../schemas/auction-notice.ts';
import { correctionModel } from '../schemas/correction.ts';
import { debtorListingModel } from '../schemas/debtor-listing.ts';
import { districtModel } from '../schemas/district.ts';
import { enforcementNoticeModel } from '../schemas/enforcement-notice.ts';
import { enforcementStatModel } from '../schemas/enforcement-stat.ts';
import { galleryModel } from '../schemas/gallery.ts';
import { legalDocumentModel } from '../schemas/legal-document.ts';
import { legalQaModel } from '../schemas/legal-qa.ts';
import { pressReleaseModel } from '../schemas/press-release.ts';
import { siteSettingModel } from '../schemas/site-setting.ts';
import { spokespersonModel } from '../schemas/spokesperson.ts';
import { storyModel } from '../schemas/story.ts';
import { categoryModel, topicModel } from '../schemas/taxonomy-items.ts';
import { unitModel } from '../schemas/unit.ts';
import type { ContentModel } from './model.ts';

export * from './model.ts';

export const PUBLIC_MODELS = [
  articleModel,
  legalQaModel,
  storyModel,
  pressReleaseModel,
  correctionModel,
  announcementModel,
  legalDocumentModel,
  galleryModel,
  unitModel,
  categoryModel,
  topicModel,
  enforcementStatModel,
  debtorListingModel,
  enforcementNoticeModel,
  auctionNoticeModel,
  districtModel,
  siteSettingModel,
  spokespersonModel,
] as const;

export type PublicModel = (typeof PUBLIC_MODELS)[number];

const BY_UID = new Map<string, ContentModel>(PUBLIC_MODELS.map((m) => [m.uid, m]));

/** The model of a public type, or undefined for a private one. */
export const modelOf = (uid: string): ContentModel | undefined => BY_UID.get(uid);
