/**
 * The Vietnamese label of every enumeration value the Content Manager shows, per content type (or component)
 * and field, from the taxonomy the site uses. The admin (cms/src/admin/enum-labels) gives them to Strapi as
 * translations keyed by the value itself, which is how Strapi 5 names an enumeration option in the edit view
 * and the list filters, and shows them in the list view's cells. Translations are keyed by value alone, so a
 * value that appears in two fields must have one label: `ENUM_TRANSLATIONS` throws otherwise (and a test runs it).
 */
import { INFORMATION_DELIVERY_LABELS, INFORMATION_REQUEST_STATUS_LABELS } from './schemas/inputs/information-request.ts';
import { PUBLIC_HOLIDAY_KIND_LABELS } from './calendar/public-holidays.ts';
import { CLIPPING_TONE_LABELS, PLAN_TASK_STATUS_LABELS, PRESS_REQUEST_STATUS_LABELS, QUESTION_STATUS_LABELS, THEME_LABELS } from './taxonomy.ts';
import { DEBTOR_EVENT_LABELS } from './schemas/debtor-listing.ts';
import { NOTICE_PARTY_ROLE_LABELS } from './schemas/enforcement-notice.ts';
import { PUBLIC_MODELS } from './models/index.ts';

type Labels = Readonly<Record<string, string>>;

/** uid of a content type or component → field → value → label. */
export const ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, Labels>>>> = {
  // The public types' own, from their models.
  ...Object.fromEntries(PUBLIC_MODELS.filter((m) => m.enumLabels).map((m) => [m.uid, m.enumLabels!])),
  'api::citizen-question.citizen-question': { state: QUESTION_STATUS_LABELS },
  'api::press-request.press-request': { state: PRESS_REQUEST_STATUS_LABELS },
  'api::press-clipping.press-clipping': { tone: CLIPPING_TONE_LABELS },
  'api::plan-task.plan-task': { progress: PLAN_TASK_STATUS_LABELS },
  'api::information-request.information-request': { state: INFORMATION_REQUEST_STATUS_LABELS, delivery: INFORMATION_DELIVERY_LABELS },
  'api::public-holiday.public-holiday': { kind: PUBLIC_HOLIDAY_KIND_LABELS },
  'shared.theme': { code: THEME_LABELS },
  'debtor.status-event': { event: DEBTOR_EVENT_LABELS },
  'notice.party': { role: NOTICE_PARTY_ROLE_LABELS },
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
