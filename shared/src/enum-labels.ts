/**
 * The Vietnamese label of every enumeration value the Content Manager shows, per content type (or component)
 * and field, from the taxonomy the site uses. The admin (cms/src/admin/enum-labels) gives them to Strapi as
 * translations keyed by the value itself, which is how Strapi 5 names an enumeration option in the edit view
 * and the list filters, and shows them in the list view's cells. Translations are keyed by value alone, so a
 * value that appears in two fields must have one label: `ENUM_TRANSLATIONS` throws otherwise (and a test runs it).
 */
import { INFORMATION_DELIVERY_LABELS, INFORMATION_REQUEST_STATUS_LABELS } from './schemas/inputs/information-request.ts';
import { PUBLIC_HOLIDAY_KIND_LABELS } from './calendar/public-holidays.ts';
import {
  ANNOUNCEMENT_KIND_LABELS,
  ARTICLE_FORMAT_LABELS,
  CLIPPING_TONE_LABELS,
  DOC_STATUS_LABELS,
  DOC_TYPE_LABELS,
  GALLERY_KIND_LABELS,
  PLAN_TASK_STATUS_LABELS,
  PRESS_REQUEST_STATUS_LABELS,
  QUESTION_STATUS_LABELS,
  STORY_SUBJECT_LABELS,
  THEME_LABELS,
  UNIT_KIND_LABELS,
} from './taxonomy.ts';
import { DEBTOR_EVENT_LABELS, DEBTOR_KIND_LABELS, DEBTOR_REASON_LABELS, DEBTOR_RESOLUTION_LABELS, DEBTOR_STATUS_LABELS } from './schemas/debtor-listing.ts';
import { ENFORCEMENT_NOTICE_KIND_LABELS, NOTICE_PARTY_ROLE_LABELS } from './schemas/enforcement-notice.ts';
import { ASSET_TYPE_LABELS } from './schemas/auction-notice.ts';

type Labels = Readonly<Record<string, string>>;

/** uid of a content type or component → field → value → label. */
export const ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, Labels>>>> = {
  'api::article.article': { format: ARTICLE_FORMAT_LABELS },
  'api::story.story': { subjectKind: STORY_SUBJECT_LABELS },
  'api::announcement.announcement': { kind: ANNOUNCEMENT_KIND_LABELS },
  'api::legal-document.legal-document': { docType: DOC_TYPE_LABELS, validity: DOC_STATUS_LABELS },
  'api::gallery.gallery': { kind: GALLERY_KIND_LABELS },
  'api::unit.unit': { kind: UNIT_KIND_LABELS },
  'api::citizen-question.citizen-question': { state: QUESTION_STATUS_LABELS },
  'api::press-request.press-request': { state: PRESS_REQUEST_STATUS_LABELS },
  'api::press-clipping.press-clipping': { tone: CLIPPING_TONE_LABELS },
  'api::plan-task.plan-task': { progress: PLAN_TASK_STATUS_LABELS },
  'api::debtor-listing.debtor-listing': { kind: DEBTOR_KIND_LABELS, reason: DEBTOR_REASON_LABELS, state: DEBTOR_STATUS_LABELS, resolutionKind: DEBTOR_RESOLUTION_LABELS },
  'api::information-request.information-request': { state: INFORMATION_REQUEST_STATUS_LABELS, delivery: INFORMATION_DELIVERY_LABELS },
  'api::public-holiday.public-holiday': { kind: PUBLIC_HOLIDAY_KIND_LABELS },
  'shared.theme': { code: THEME_LABELS },
  'debtor.status-event': { event: DEBTOR_EVENT_LABELS },
  'api::enforcement-notice.enforcement-notice': { kind: ENFORCEMENT_NOTICE_KIND_LABELS },
  'notice.party': { role: NOTICE_PARTY_ROLE_LABELS },
  'api::auction-notice.auction-notice': { assetType: ASSET_TYPE_LABELS },
};

/** The label of one value, or undefined. */
export function enumLabel(uid: string, field: string, value: string | null | undefined): string | undefined {
  return value == null ? undefined : ENUM_LABELS[uid]?.[field]?.[value];
}

/** value → label for every value above; throws when one value would need two different labels. */
export function enumTranslations(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [uid, fields] of Object.entries(ENUM_LABELS)) {
    for (const [field, labels] of Object.entries(fields)) {
      for (const [value, label] of Object.entries(labels)) {
        if (out[value] !== undefined && out[value] !== label) {
          throw new Error(`Enumeration value "${value}" (${uid}.${field}) has two labels: "${out[value]}" and "${label}"`);
        }
        out[value] = label;
      }
    }
  }
  return out;
}
