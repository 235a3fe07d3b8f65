/**
 * What every public form does besides drawing itself: post the values to the CMS, and turn the CMS's answer
 * (Strapi's error shape, Vietnamese messages) into the same per-field errors and summary the form shows for
 * its own checks (schemas.ts, loaded on the first touch of the form). No React and no zod here.
 */
import type { FieldError } from '@thads/shared';

/** One line of the error summary: with `field`, it links to that field and the message is also shown under it. */
export type Problem = { field?: string | undefined; message: string };

/** The errors of a form: per field (first message of each), and the summary list in the form's field order. */
export type Problems = { byField: Record<string, string>; summary: Problem[] };

export const NO_PROBLEMS: Problems = { byField: {}, summary: [] };

/** Messages that belong to no field a person can fix (honeypot, proof of work) go to the summary only. */
export function problemsOf(errors: FieldError[], fields: readonly string[]): Problems {
  const byField: Record<string, string> = {};
  const loose: Problem[] = [];
  for (const { path, message } of errors) {
    const field = typeof path[0] === 'string' ? path[0] : undefined;
    if (field && fields.includes(field)) {
      byField[field] ??= message;
    } else if (!loose.some((p) => p.message === message)) loose.push({ message });
  }
  const summary: Problem[] = fields.filter((f) => byField[f]).map((field) => ({ field, message: byField[field]! }));
  return { byField, summary: [...summary, ...loose] };
}

export type Answer<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string; errors: FieldError[] };

export const CONNECTION_PROBLEM = 'Không kết nối được tới hệ thống tiếp nhận. Vui lòng kiểm tra kết nối mạng rồi gửi lại; nếu vẫn không được, hãy liên hệ theo địa chỉ, điện thoại ở cuối trang.';

/** Turns a fetch Response of an intake endpoint into an Answer; never throws. */
export async function readAnswer<T>(res: Response): Promise<Answer<T>> {
  let body: any = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: a proxy's error page */
  }
  if (res.ok && body && 'data' in body) return { ok: true, status: res.status, data: body.data as T };
  const error = body?.error;
  const message = typeof error?.message === 'string' && error.message ? error.message : `Hệ thống tiếp nhận đang gặp sự cố (mã ${res.status}). Vui lòng thử lại sau ít phút.`;
  const errors: FieldError[] = Array.isArray(error?.details?.errors) ? error.details.errors.filter((e: any) => Array.isArray(e?.path) && typeof e?.message === 'string') : [];
  return { ok: false, status: res.status, message, errors };
}

/** POSTs JSON to `url` and reads the answer; a network failure is an Answer with status 0. */
export async function postJson<T>(url: string, body: unknown): Promise<Answer<T>> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
    return await readAnswer<T>(res);
  } catch {
    return { ok: false, status: 0, message: CONNECTION_PROBLEM, errors: [] };
  }
}

/** The problems a refused submission shows: field errors next to the fields, else the server's message. */
export function problemsOfAnswer(answer: Extract<Answer<unknown>, { ok: false }>, fields: readonly string[]): Problems {
  if (answer.errors.length) return problemsOf(answer.errors, fields);
  return { byField: {}, summary: [{ message: answer.message }] };
}

/** `aria-describedby` of a field: its hint, its error, and whatever else describes it, in that order. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

/**
 * The filled text fields of a form as strings (an empty field is left out, so that a required one is
 * reported as "không được để trống"), and its checkboxes as booleans.
 */
export function valuesOf(form: HTMLFormElement, checkboxes: readonly string[] = []): Record<string, unknown> {
  const data = new FormData(form);
  const values: Record<string, unknown> = {};
  for (const [key, value] of data) if (typeof value === 'string' && value !== '' && !checkboxes.includes(key)) values[key] = value;
  for (const name of checkboxes) values[name] = data.has(name);
  return values;
}

/** Today in Vietnam (UTC+7) as YYYY-MM-DD, and the same day `days` later. */
export function vnDay(days = 0, now = Date.now()): string {
  return new Date(now + 7 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}
