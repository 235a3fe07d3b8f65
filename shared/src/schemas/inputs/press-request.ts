import * as z from 'zod/mini';
import { challengeSolution, consent, email, emptyAsAbsent, evenWithOtherErrors, honeypot, optionalText, phone, plainText } from './fields.ts';

export { PRESS_CONSENT_TEXT } from './form-texts.ts';

/** A wished deadline: a date from today (Vietnam time) to one year ahead. */
const wishedDeadline = emptyAsAbsent(
  z.optional(
    z.iso.date({ error: 'Thời hạn mong muốn: không đúng định dạng ngày (YYYY-MM-DD).' }).check(
      z.refine(
        (d: string) => {
          const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
          const max = new Date(Date.now() + 7 * 3600_000 + 366 * 86400_000).toISOString().slice(0, 10);
          return d >= today && d <= max;
        },
        { error: 'Thời hạn mong muốn: phải từ hôm nay đến tối đa một năm tới.' },
      ),
    ),
  ),
);

/** The journalist's request for information or an interview (/bao-chi/de-nghi-cung-cap-thong-tin/); zod/mini, see fields.ts. */
export const pressRequestInput = z
  .strictObject({
    journalistName: plainText('Họ và tên nhà báo', { min: 2, max: 120 }),
    outlet: plainText('Cơ quan báo chí', { min: 2, max: 200 }),
    pressCard: optionalText('Số thẻ nhà báo', { max: 40 }),
    phone,
    email,
    subject: plainText('Chủ đề', { min: 5, max: 250 }),
    questions: plainText('Nội dung câu hỏi, thông tin đề nghị', { min: 20, max: 10000, multiline: true }),
    wishedDeadline,
    consent,
    website: honeypot,
    altcha: challengeSolution,
  })
  .check(z.refine((v) => Boolean(v.phone || v.email), { path: ['phone'], error: 'Số điện thoại hoặc thư điện tử: cần ít nhất một cách để liên hệ lại.', ...evenWithOtherErrors }));
export type PressRequestInput = z.infer<typeof pressRequestInput>;
