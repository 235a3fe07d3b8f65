/**
 * Email alerts ("Nhận thông báo qua thư điện tử"): what a reader may follow, how often, and the public inputs
 * of the subscription endpoints (subscribe, confirm, unsubscribe, manage). The CMS validates with these
 * schemas and the site's form uses the same names and labels.
 *
 * What one follows is a list of keys:
 *   type:<type>          every item of a kind (tin tức, hỏi đáp, thông cáo báo chí…)
 *   category:<slug>      news of one category (chuyên mục)
 *   topic:<slug>         Q&A of one topic (lĩnh vực hỏi đáp)
 *   district:<slug>      auction notices of one (former) district (content type district)
 * Types are checked here; categories, topics and districts against the published ones by the CMS.
 */
import { z } from 'zod';
import { challengeSolution, honeypot } from './fields.ts';

/** The kinds of content one can follow, with their Strapi type, their Vietnamese name and their page's path. */
export const ALERT_TYPES = {
  article: { uid: 'api::article.article', label: 'Tin tức', path: (slug: string) => `/tin-tuc/${slug}/` },
  'legal-qa': { uid: 'api::legal-qa.legal-qa', label: 'Giải đáp pháp luật', path: (slug: string) => `/hoi-dap/${slug}/` },
  'press-release': { uid: 'api::press-release.press-release', label: 'Thông cáo báo chí', path: (slug: string) => `/bao-chi/thong-cao/${slug}/` },
  correction: { uid: 'api::correction.correction', label: 'Cải chính thông tin sai sự thật', path: (slug: string) => `/bao-chi/cai-chinh/${slug}/` },
  announcement: { uid: 'api::announcement.announcement', label: 'Thông báo', path: (slug: string) => `/thong-bao/${slug}/` },
  'enforcement-notice': { uid: 'api::enforcement-notice.enforcement-notice', label: 'Thông báo thi hành án', path: (slug: string) => `/thong-bao-thi-hanh-an/${slug}/` },
  'auction-notice': { uid: 'api::auction-notice.auction-notice', label: 'Thông báo đấu giá tài sản', path: (slug: string) => `/dau-gia/${slug}/` },
  story: { uid: 'api::story.story', label: 'Gương điển hình', path: (slug: string) => `/guong-dien-hinh/${slug}/` },
  'legal-document': { uid: 'api::legal-document.legal-document', label: 'Văn bản', path: (slug: string) => `/van-ban/${slug}/` },
} as const;
export type AlertType = keyof typeof ALERT_TYPES;
export const ALERT_TYPE_KEYS = Object.keys(ALERT_TYPES) as AlertType[];

/** The alert type of a Strapi content type uid, if items of that type are alerted. */
export function alertTypeOf(uid: string): AlertType | undefined {
  return ALERT_TYPE_KEYS.find((k) => ALERT_TYPES[k].uid === uid);
}

export const ALERT_FREQUENCIES = ['immediate', 'daily', 'weekly'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];
export const ALERT_FREQUENCY_LABELS: Record<AlertFrequency, string> = {
  immediate: 'Ngay khi có tin mới',
  daily: 'Hằng ngày',
  weekly: 'Hằng tuần',
};

/** Unconfirmed sign-ups are erased after this many days. */
export const ALERT_UNCONFIRMED_DAYS = 7;
/** What the reader consents to (stored with the subscription). */
export const ALERT_CONSENT_TEXT =
  'Tôi đồng ý để cơ quan dùng địa chỉ thư điện tử này chỉ để gửi thông báo về nội dung tôi chọn. Đăng ký chưa xác nhận được xoá sau 7 ngày; khi tôi huỷ đăng ký, địa chỉ được xoá ngay.';

export const ALERT_FOLLOW_MAX = 30;
const FOLLOW_KEY = /^(type|category|topic|district):[a-z0-9]+(?:-[a-z0-9]+)*$/;
const followMessage = (key: string) => `Nội dung theo dõi: mục "${key.slice(0, 60)}" không có trong danh sách.`;

/** One follow key: a known type, or a category/topic/district slug (existence checked by the CMS). */
export const followKey = z
  .string({ error: 'Nội dung theo dõi: không hợp lệ.' })
  .max(120, { error: 'Nội dung theo dõi: không hợp lệ.' })
  .superRefine((key, ctx) => {
    const known = !FOLLOW_KEY.test(key) ? false : key.startsWith('type:') ? ALERT_TYPE_KEYS.includes(key.slice(5) as AlertType) : true;
    if (!known) ctx.addIssue({ code: 'custom', message: followMessage(key) });
  });

/** The follow keys, one or several (a plain HTML form sends one string when one box is ticked); duplicates dropped. */
export const follows = z.preprocess(
  (v) => (typeof v === 'string' ? [v] : v),
  z
    .array(followKey, { error: 'Nội dung theo dõi: hãy chọn ít nhất một mục.' })
    .min(1, { error: 'Nội dung theo dõi: hãy chọn ít nhất một mục.' })
    .max(ALERT_FOLLOW_MAX, { error: `Nội dung theo dõi: tối đa ${ALERT_FOLLOW_MAX} mục.` })
    .transform((keys) => [...new Set(keys)].sort()),
);

export const frequency = z.enum(ALERT_FREQUENCIES, { error: 'Tần suất nhận thư: chỉ chọn "Ngay khi có tin mới", "Hằng ngày" hoặc "Hằng tuần".' });

const requiredEmail = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z
    .string({ error: 'Thư điện tử: không được để trống.' })
    .min(1, { error: 'Thư điện tử: không được để trống.' })
    .max(254, { error: 'Thư điện tử: tối đa 254 ký tự.' })
    .pipe(z.email({ error: 'Thư điện tử: không đúng định dạng (ví dụ ten@example.com).' })),
);

/** A checkbox: JSON true, or "on"/"true" from a plain HTML form. */
const alertConsent = z.preprocess((v) => (v === 'on' || v === 'true' ? true : v), z.literal(true, { error: 'Đồng ý nhận thư: cần đánh dấu ô đồng ý để đăng ký.' }));

/**
 * POST /api/alerts/subscribe. The proof of work is optional here (the form works without JavaScript): nothing
 * is sent to an address but one confirmation mail, limited per address and per sender.
 */
export const alertSubscribeInput = z.strictObject({
  email: requiredEmail,
  follows,
  frequency,
  consent: alertConsent,
  website: honeypot,
  altcha: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.optional(challengeSolution)),
});
export type AlertSubscribeInput = z.infer<typeof alertSubscribeInput>;

/** The signed link of a subscription (confirm, unsubscribe, manage): its id and a token. */
export const alertLinkInput = z.object({
  s: z.string({ error: 'Liên kết không hợp lệ hoặc đã hết hiệu lực.' }).regex(/^[a-z0-9]{10,40}$/, { error: 'Liên kết không hợp lệ hoặc đã hết hiệu lực.' }),
  t: z.string({ error: 'Liên kết không hợp lệ hoặc đã hết hiệu lực.' }).regex(/^[A-Za-z0-9_-]{20,60}$/, { error: 'Liên kết không hợp lệ hoặc đã hết hiệu lực.' }),
});
export type AlertLinkInput = z.infer<typeof alertLinkInput>;

/** POST /api/alerts/manage: a new choice for the subscription of a signed link. */
export const alertManageInput = z.strictObject({
  s: alertLinkInput.shape.s,
  t: alertLinkInput.shape.t,
  follows,
  frequency,
});
export type AlertManageInput = z.infer<typeof alertManageInput>;

/** POST /thads/alerts/erase (admin): an address to erase on its owner's request. */
export const alertEraseInput = z.strictObject({ email: requiredEmail });

/** The Vietnamese name of a follow key, given the names of categories, topics and districts. */
export function followLabel(key: string, names: { categories?: Record<string, string>; topics?: Record<string, string>; districts?: Record<string, string> } = {}): string {
  const [kind, value = ''] = key.split(':') as [string, string?];
  if (kind === 'type') return ALERT_TYPES[value as AlertType]?.label ?? value;
  if (kind === 'category') return `Chuyên mục: ${names.categories?.[value] ?? value}`;
  if (kind === 'topic') return `Lĩnh vực hỏi đáp: ${names.topics?.[value] ?? value}`;
  if (kind === 'district') return `Đấu giá tài sản: ${names.districts?.[value] ?? value}`;
  return key;
}

/** The largest delivery status notification taken (a DSN quotes the returned message, often whole). */
export const ALERT_BOUNCE_MAX_CHARS = 512 * 1024;
const BOUNCE_MESSAGE = 'Thư báo lỗi gửi: cần nội dung thư nguyên bản (tiêu đề và thân thư, định dạng RFC 5322).';

/**
 * POST /api/alerts/bounces (the relay's webhook or a mail pipe, authenticated by ALERTS_BOUNCE_SECRET): a
 * delivery status notification (RFC 3464) as received at the bounce address. `message` is the raw message
 * (header lines, a blank line, the body); `recipient` the address it was delivered to, when the pipe knows it
 * (the bounce address with the mail's token, bounce+d<id>-<signature>@…).
 */
export const alertBounceInput = z.strictObject({
  message: z
    .string({ error: BOUNCE_MESSAGE })
    .max(ALERT_BOUNCE_MAX_CHARS, { error: `Thư báo lỗi gửi: tối đa ${ALERT_BOUNCE_MAX_CHARS / 1024} KB.` })
    // At least one header line, then a blank line: what every mail is.
    .regex(/^[\x21-\x39\x3b-\x7e]+:[^\r\n]*\r?\n(?:[^\r\n]*\r?\n)*?\r?\n/, { error: BOUNCE_MESSAGE }),
  recipient: z.optional(z.string({ error: 'Địa chỉ nhận thư báo lỗi: phải là văn bản.' }).max(320, { error: 'Địa chỉ nhận thư báo lỗi: tối đa 320 ký tự.' })),
});
export type AlertBounceInput = z.infer<typeof alertBounceInput>;
