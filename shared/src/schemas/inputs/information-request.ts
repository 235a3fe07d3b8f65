import * as z from 'zod/mini';
import { challengeSolution, consent, email, evenWithOtherErrors, honeypot, phone, plainText } from './fields.ts';
import { INFORMATION_DELIVERY_LABELS, type InformationDelivery } from './form-texts.ts';

/**
 * A citizen's request for information under the Law on Access to Information (art. 24: the request states
 * the requester's name, place of residence and address, ID card / citizen ID or passport number, phone, fax
 * or email if any; the information requested; the purpose; the form of delivery). Nothing more is asked.
 * Its consent text and labels: form-texts.ts.
 */
export { INFORMATION_CONSENT_TEXT, INFORMATION_DELIVERY_LABELS, INFORMATION_REQUEST_STATUS_LABELS, type InformationDelivery, type InformationRequestState } from './form-texts.ts';

const ID_LABEL = 'Số CMND, căn cước hoặc hộ chiếu';
/** 9 digits (old ID card), 12 digits (citizen ID / personal identification number), or a passport (a letter and 7–8 digits). */
const idNumber = z.pipe(
  z.transform((v: unknown) => (typeof v === 'string' ? v.replace(/[\s.\-]/g, '').toUpperCase() : v)),
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? `${ID_LABEL}: không được để trống.` : `${ID_LABEL}: phải là văn bản.`) })
    .check(
      z.minLength(1, { error: `${ID_LABEL}: không được để trống.` }),
      z.regex(/^(?:\d{9}|\d{12}|[A-Z]\d{7,8})$/, { error: `${ID_LABEL}: không đúng định dạng (12 số căn cước, 9 số CMND hoặc số hộ chiếu như C1234567).` }),
    ),
);

const delivery = z.enum(Object.keys(INFORMATION_DELIVERY_LABELS) as [InformationDelivery, ...InformationDelivery[]], { error: 'Hình thức nhận thông tin: hãy chọn một hình thức.' });

/** The public form (/yeu-cau-cung-cap-thong-tin/), validated in the browser and again in Strapi (zod/mini: see fields.ts). */
export const informationRequestInput = z
  .strictObject({
    fullName: plainText('Họ và tên', { min: 2, max: 120 }),
    address: plainText('Nơi cư trú, địa chỉ', { min: 5, max: 300 }),
    idNumber,
    phone,
    email,
    information: plainText('Thông tin yêu cầu cung cấp', { min: 20, max: 5000, multiline: true }),
    purpose: plainText('Mục đích yêu cầu cung cấp thông tin', { min: 5, max: 1000, multiline: true }),
    delivery,
    consent,
    website: honeypot,
    altcha: challengeSolution,
  })
  .check(
    z.refine((v) => Boolean(v.phone || v.email), { path: ['phone'], error: 'Số điện thoại hoặc thư điện tử: cần ít nhất một cách để liên hệ lại.', ...evenWithOtherErrors }),
    z.refine((v) => v.delivery !== 'email' || Boolean(v.email), { path: ['email'], error: 'Thư điện tử: cần có để nhận thông tin qua thư điện tử.', ...evenWithOtherErrors }),
  );
export type InformationRequestInput = z.infer<typeof informationRequestInput>;

/** Looking up a request's status: its tracking code plus the phone or email given with it. */
export const informationRequestStatusInput = z.strictObject({
  code: z.pipe(
    z.pipe(z.string({ error: 'Mã tra cứu: không được để trống.' }), z.transform((v: string) => v.trim().toUpperCase())),
    z.string().check(z.regex(/^YC-[A-Z0-9]{4}-[A-Z0-9]{4}$/, { error: 'Mã tra cứu: không đúng định dạng (ví dụ YC-7K3M-P9QX).' })),
  ),
  contact: plainText('Số điện thoại hoặc thư điện tử', { max: 254 }),
});
export type InformationRequestStatusInput = z.infer<typeof informationRequestStatusInput>;
