import * as z from 'zod/mini';
import { challengeSolution, consent, email, emptyAsAbsent, evenWithOtherErrors, honeypot, optionalText, phone, plainText } from './fields.ts';

export { QUESTION_CONSENT_TEXT } from './form-texts.ts';

const contactRequired = (v: { phone?: string; email?: string }) => Boolean(v.phone || v.email);

/** The citizen's question form (/hoi-dap/gui-cau-hoi/), validated in the browser and again in Strapi (zod/mini: see fields.ts). */
export const citizenQuestionInput = z
  .strictObject({
    name: plainText('Họ và tên', { min: 2, max: 120 }),
    phone,
    email,
    locality: optionalText('Địa phương', { max: 200 }),
    topic: emptyAsAbsent(z.optional(z.string({ error: 'Lĩnh vực: không hợp lệ.' }).check(z.regex(/^[a-z0-9-]{1,100}$/, { error: 'Lĩnh vực: không hợp lệ.' })))),
    question: plainText('Nội dung câu hỏi', { min: 20, max: 5000, multiline: true }),
    consent,
    website: honeypot,
    altcha: challengeSolution,
  })
  .check(z.refine(contactRequired, { path: ['phone'], error: 'Số điện thoại hoặc thư điện tử: cần ít nhất một cách để liên hệ lại.', ...evenWithOtherErrors }));
export type CitizenQuestionInput = z.infer<typeof citizenQuestionInput>;

/** Looking up a question's status: its tracking code plus the phone or email given with it. */
export const questionStatusInput = z.strictObject({
  code: z.pipe(
    z.pipe(z.string({ error: 'Mã tra cứu: không được để trống.' }), z.transform((v: string) => v.trim().toUpperCase())),
    z.string().check(z.regex(/^HD-[A-Z0-9]{4}-[A-Z0-9]{4}$/, { error: 'Mã tra cứu: không đúng định dạng (ví dụ HD-7K3M-P9QX).' })),
  ),
  contact: plainText('Số điện thoại hoặc thư điện tử', { max: 254 }),
});
export type QuestionStatusInput = z.infer<typeof questionStatusInput>;
