import { z } from 'zod';
import { challengeSolution, consent, email, evenWithOtherErrors, honeypot, optionalText, phone, plainText } from './fields.ts';

/** Purpose and retention the citizen agrees to; stored with each question as given. */
export const QUESTION_CONSENT_TEXT =
  'Tôi đồng ý để cơ quan thi hành án dân sự sử dụng họ tên và thông tin liên hệ của tôi chỉ để trả lời câu hỏi này. ' +
  'Câu hỏi có thể được công bố dưới dạng ẩn danh. Thông tin cá nhân được xoá sau khi việc trả lời kết thúc theo thời hạn lưu trữ của cơ quan.';

const contactRequired = (v: { phone?: string; email?: string }) => Boolean(v.phone || v.email);

/** The citizen's question form (/hoi-dap/gui-cau-hoi/), validated in the browser and again in Strapi. */
export const citizenQuestionInput = z
  .strictObject({
    name: plainText('Họ và tên', { min: 2, max: 120 }),
    phone,
    email,
    locality: optionalText('Địa phương', { max: 200 }),
    topic: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string({ error: 'Lĩnh vực: không hợp lệ.' }).regex(/^[a-z0-9-]{1,100}$/, { error: 'Lĩnh vực: không hợp lệ.' }).optional()),
    question: plainText('Nội dung câu hỏi', { min: 20, max: 5000, multiline: true }),
    consent,
    website: honeypot,
    altcha: challengeSolution,
  })
  .refine(contactRequired, { path: ['phone'], error: 'Số điện thoại hoặc thư điện tử: cần ít nhất một cách để liên hệ lại.', ...evenWithOtherErrors });
export type CitizenQuestionInput = z.infer<typeof citizenQuestionInput>;

/** Looking up a question's status: its tracking code plus the phone or email given with it. */
export const questionStatusInput = z.strictObject({
  code: z
    .string({ error: 'Mã tra cứu: không được để trống.' })
    .transform((v) => v.trim().toUpperCase())
    .pipe(z.string().regex(/^HD-[A-Z0-9]{4}-[A-Z0-9]{4}$/, { error: 'Mã tra cứu: không đúng định dạng (ví dụ HD-7K3M-P9QX).' })),
  contact: plainText('Số điện thoại hoặc thư điện tử', { max: 254 }),
});
export type QuestionStatusInput = z.infer<typeof questionStatusInput>;
