/**
 * Building blocks of every public form's schema: plain-text fields that name themselves in Vietnamese
 * in every error, refuse HTML and control characters, and come out NFC-normalised and trimmed.
 *
 * Written with `zod/mini` (the same package, its functional API): the forms check their values in the
 * browser with these schemas, and zod's classic API cannot be tree-shaken (every method comes with every
 * schema; it was 20 KB of the 26 KB form chunk). Mini schemas parse exactly like classic ones and compose with
 * them both ways: the CMS and the other schemas of this package are classic and take these as fields, or wrap
 * them with `z.optional(…)`, `z.nullable(…)`, `.check(z.refine(…))` instead of chaining methods.
 */
import * as z from 'zod/mini';
import { cleanText } from '../../text/normalize.ts';

// Tab, newline and carriage return are allowed in multi-line fields; nothing else below U+0020.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/;
const HTML = /<\s*\/?\s*[a-z!?][^>]*>|<\s*(script|style|iframe|img|svg)\b|javascript\s*:|on[a-z]+\s*=\s*["']/i;

type TextOptions = { min?: number; max: number; multiline?: boolean; optional?: boolean };

/** A plain-text field called `label` (the name the user sees) with length limits. */
// The annotations let a bundler drop the schemas a page does not use (the forms' UI imports their texts only).
/* @__NO_SIDE_EFFECTS__ */
export function plainText(label: string, { min = 1, max, multiline = false }: Omit<TextOptions, 'optional'>) {
  return z.pipe(
    z
      .string({ error: (issue) => (issue.input === undefined || issue.input === null ? `${label}: không được để trống.` : `${label}: phải là văn bản.`) })
      .check(
        z.superRefine((value, ctx) => {
          if ((multiline ? CONTROL : CONTROL_SINGLE_LINE).test(value)) ctx.addIssue({ code: 'custom', message: `${label}: có ký tự điều khiển không hợp lệ.` });
          if (HTML.test(value)) ctx.addIssue({ code: 'custom', message: `${label}: không được chứa mã HTML hay mã lệnh.` });
        }),
      ),
    z.pipe(
      z.transform((value: string) => cleanText(value, { singleLine: !multiline })),
      z.string().check(z.minLength(min, { error: min <= 1 ? `${label}: không được để trống.` : `${label}: cần ít nhất ${min} ký tự.` }), z.maxLength(max, { error: `${label}: tối đa ${max} ký tự.` })),
    ),
  );
}

/**
 * What a form sends for a field left empty ('' or null) becomes absent before `schema` checks it: classic
 * zod's `z.preprocess(fn, schema)`, which is the same pipe (and the same cast of its input type).
 */
export const emptyAsAbsent = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.SomeType>(schema: T) =>
  z.pipe(z.transform((v: unknown): unknown => (v === '' || v === null ? undefined : v)), schema as unknown as z.core.$ZodType<unknown, unknown>) as unknown as z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, T>;

/** The same, but an empty or absent value becomes undefined. */
/* @__NO_SIDE_EFFECTS__ */
export function optionalText(label: string, options: Omit<TextOptions, 'optional' | 'min'>) {
  return emptyAsAbsent(z.optional(plainText(label, { ...options, min: 1 })));
}

/** Vietnamese phone numbers: 0xxxxxxxxx or +84xxxxxxxxx, spaces, dots and dashes allowed while typing. */
export const phone = z.pipe(
  z.transform((v: unknown) => (v === '' || v === null ? undefined : typeof v === 'string' ? v.replace(/[\s.\-()]/g, '') : v)),
  z.optional(
    z.pipe(
      z.string({ error: 'Số điện thoại: phải là văn bản.' }).check(z.regex(/^(?:\+84|0)\d{9,10}$/, { error: 'Số điện thoại: không đúng định dạng (ví dụ 0912 345 678).' })),
      z.transform((v: string) => v.replace(/^\+84/, '0')),
    ),
  ),
);

export const email = z.pipe(
  z.transform((v: unknown) => (v === '' || v === null ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v)),
  z.optional(z.email({ error: 'Thư điện tử: không đúng định dạng (ví dụ ten@example.com).' }).check(z.maxLength(254, { error: 'Thư điện tử: tối đa 254 ký tự.' }))),
);

/** The hidden field that people never fill and robots do. */
export const honeypot = z.pipe(
  z.transform((v: unknown) => (v === null ? undefined : v)),
  z.optional(z.string().check(z.maxLength(0, { error: 'Biểu mẫu không hợp lệ.' }))),
);

const CHALLENGE_MISSING = 'Xác minh chống thư rác: chưa hoàn tất, vui lòng thử lại.';
const challengeSchema = z.string({ error: CHALLENGE_MISSING }).check(z.minLength(20, { error: CHALLENGE_MISSING }), z.maxLength(4000, { error: 'Xác minh chống thư rác: không hợp lệ.' }));

/**
 * The proof-of-work solution produced in the browser (an ALTCHA payload, base64 JSON). `.optional()` is kept
 * for the classic schemas that write `challengeSolution.optional()`; new code: `z.optional(challengeSolution)`.
 */
export const challengeSolution: typeof challengeSchema & { optional(): z.ZodMiniOptional<typeof challengeSchema> } = /* @__PURE__ */ Object.assign(challengeSchema, {
  optional: () => z.optional(challengeSchema),
});

/**
 * `when` of the phone-or-email refinement: check it even when other fields already failed (zod skips
 * refinements of an object with invalid fields by default), so that a form lists every error at once.
 */
export const evenWithOtherErrors = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

export const consent = z.literal(true, { error: 'Đồng ý xử lý dữ liệu cá nhân: cần đánh dấu ô đồng ý để gửi.' });

/** Names of the fields a client may never set, whatever the form (status, answers, owners, dates). */
export const PRIVILEGED_FIELDS = ['id', 'documentId', 'state', 'status', 'answer', 'response', 'assignedUnit', 'publishedQa', 'trackingCode', 'internalNote', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'consentAt', 'deadline', 'respondedAt', 'locale', 'receivedOn', 'complex', 'extended', 'noticeDue', 'noticeSentOn'];

/** Error shape every intake endpoint answers with, and that forms show next to each field. */
export type FieldError = { path: (string | number)[]; message: string };

/** The errors of a failed parse (classic or mini schema alike) as the endpoints answer them. */
export function fieldErrors(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys: string[] }).keys;
      const privileged = keys.filter((k) => PRIVILEGED_FIELDS.includes(k));
      return { path: keys.slice(0, 1), message: privileged.length ? `Không được gửi trường do cơ quan quản lý: ${privileged.join(', ')}.` : `Trường không được phép: ${keys.join(', ')}.` };
    }
    return { path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'), message: issue.message };
  });
}
