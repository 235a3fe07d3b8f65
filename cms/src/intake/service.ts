/**
 * What the public forms do, independent of HTTP: validate with the shared schema, check the proof of
 * work once, store only what the citizen may set plus what the office sets, answer with a tracking code.
 */
import type { Core } from '@strapi/strapi';
import {
  citizenQuestionInput,
  fieldErrors,
  pressRequestInput,
  questionStatusInput,
  PRESS_CONSENT_TEXT,
  QUESTION_CONSENT_TEXT,
  QUESTION_STATUS_LABELS,
  addWorkingDays,
  searchKey,
  todayVn,
  type FieldError,
} from '@thads/shared';
import { checkSolution } from './challenge';
import type { IntakeSettings } from './settings';
import type { IntakeStores } from './stores';
import { notifyEditors } from './notify';
import { trackingCode } from './tracking-code';
import { workCalendar } from '../information-requests/calendar';

export type Outcome<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string; errors: FieldError[] };
export const fail = (status: number, message: string, errors: FieldError[] = []): Outcome<never> => ({ ok: false, status, message, errors });

export function invalid(error: Parameters<typeof fieldErrors>[0]): Outcome<never> {
  const errors = fieldErrors(error);
  return fail(400, errors[0]?.message ?? 'Dữ liệu gửi lên không hợp lệ.', errors);
}

export async function spendChallenge(payload: string, settings: IntakeSettings, stores: IntakeStores): Promise<Outcome<never> | null> {
  const check = await checkSolution(payload, settings);
  if (!check.ok) return fail(400, check.message, [{ path: ['altcha'], message: check.message }]);
  if (!(await stores.spend(check.id, settings.challengeTtlSeconds))) {
    const message = 'Xác minh chống thư rác: mã này đã được dùng, vui lòng gửi lại.';
    return fail(400, message, [{ path: ['altcha'], message }]);
  }
  return null;
}

/** Creates a document with a tracking code that no other document of `uid` holds. */
export async function createWithCode(strapi: Core.Strapi, uid: string, prefix: Parameters<typeof trackingCode>[0], data: Record<string, unknown>) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = trackingCode(prefix);
    if (await strapi.db.query(uid as any).findOne({ where: { trackingCode: code }, select: ['id'] })) continue;
    return strapi.documents(uid as any).create({ data: { ...data, trackingCode: code } as any });
  }
  throw new Error('Could not draw a free tracking code');
}

export async function submitQuestion(strapi: Core.Strapi, body: unknown, settings: IntakeSettings, stores: IntakeStores): Promise<Outcome<{ trackingCode: string }>> {
  const parsed = citizenQuestionInput.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  let topic: { documentId: string; name: string } | undefined;
  if (input.topic) {
    const found = await strapi.documents('api::topic.topic').findFirst({ filters: { slug: input.topic }, status: 'published', fields: ['documentId', 'name'] } as any);
    if (!found) return fail(400, 'Lĩnh vực: không có trong danh sách.', [{ path: ['topic'], message: 'Lĩnh vực: không có trong danh sách.' }]);
    topic = found as any;
  }
  const spent = await spendChallenge(input.altcha, settings, stores);
  if (spent) return spent;
  const doc = await createWithCode(strapi, 'api::citizen-question.citizen-question', 'HD', {
    name: input.name,
    phone: input.phone ?? null,
    email: input.email ?? null,
    locality: input.locality ?? null,
    question: input.question,
    topic: topic?.documentId ?? null,
    consentAt: new Date().toISOString(),
    consentText: QUESTION_CONSENT_TEXT,
    state: 'received',
  });
  void notifyEditors(strapi, { kind: 'question', documentId: doc.documentId, trackingCode: doc.trackingCode, subject: `lĩnh vực ${topic?.name ?? 'chưa chọn'}` });
  return { ok: true, status: 201, data: { trackingCode: doc.trackingCode } };
}

export async function submitPressRequest(strapi: Core.Strapi, body: unknown, settings: IntakeSettings, stores: IntakeStores) {
  const parsed = pressRequestInput.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const spent = await spendChallenge(input.altcha, settings, stores);
  if (spent) return spent;
  const doc = await createWithCode(strapi, 'api::press-request.press-request', 'BC', {
    journalistName: input.journalistName,
    outlet: input.outlet,
    pressCard: input.pressCard ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    subject: input.subject,
    questions: `${input.questions}\n\n— Đồng ý xử lý dữ liệu: ${PRESS_CONSENT_TEXT} (${new Date().toISOString()})`,
    wishedDeadline: input.wishedDeadline ?? null,
    // The legal deadline by default; editors may change it.
    deadline: addWorkingDays(todayVn(), settings.pressResponseWorkingDays, await workCalendar(strapi, todayVn())),
    state: 'received',
  });
  void notifyEditors(strapi, { kind: 'press', documentId: doc.documentId, trackingCode: doc.trackingCode, subject: `${input.outlet}: ${input.subject}` });
  const spokesperson = (await strapi.documents('api::spokesperson.spokesperson').findFirst({ status: 'published', populate: ['spokesperson', 'deputy'] } as any)) as any;
  const contact = (p: any) => (p ? { name: p.name, title: p.title ?? null, phone: p.phone ?? null, email: p.email ?? null } : null);
  return { ok: true as const, status: 201, data: { trackingCode: doc.trackingCode as string, spokesperson: contact(spokesperson?.spokesperson), deputy: contact(spokesperson?.deputy) } };
}

/** Status of a question for whoever holds its code and the phone or email given with it; nothing else. */
export async function questionStatus(strapi: Core.Strapi, body: unknown) {
  const parsed = questionStatusInput.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const { code, contact } = parsed.data;
  const notFound = fail(404, 'Không tìm thấy câu hỏi với mã tra cứu và thông tin liên hệ này.');
  const q = (await strapi.db.query('api::citizen-question.citizen-question').findOne({
    where: { trackingCode: code },
    select: ['phone', 'email', 'state', 'createdAt'],
    populate: { publishedQa: { select: ['documentId'] } },
  })) as any;
  if (!q) return notFound;
  const phoneKey = contact.replace(/[\s.\-()]/g, '').replace(/^\+84/, '0');
  const matches = (q.phone && q.phone === phoneKey) || (q.email && searchKey(q.email) === searchKey(contact));
  if (!matches) return notFound;
  const qa = q.publishedQa?.documentId ? await strapi.documents('api::legal-qa.legal-qa').findOne({ documentId: q.publishedQa.documentId, status: 'published', fields: ['slug'] } as any) : null;
  const published = qa ? `/hoi-dap/${qa.slug}/` : null;
  const state = q.state as keyof typeof QUESTION_STATUS_LABELS;
  return { ok: true as const, status: 200, data: { code, state, label: QUESTION_STATUS_LABELS[state] ?? state, receivedAt: q.createdAt, answerUrl: published } };
}
