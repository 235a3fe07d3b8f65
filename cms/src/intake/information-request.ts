/**
 * The public side of information requests (Law on Access to Information): the form and the status
 * look-up, on the intake machinery of the other public forms (shared zod schema, proof of work spent once,
 * rate limits in the controller, tracking code, editors notified, personal data erased after retention).
 * Deadlines are filled in by the Document Service middleware of src/information-requests.
 */
import type { Core } from '@strapi/strapi';
import { INFORMATION_CONSENT_TEXT, INFORMATION_REQUEST_STATUS_LABELS, informationRequestInput, informationRequestStatusInput, searchKey, todayVn } from '@thads/shared';
import { INFORMATION_REQUEST } from '../information-requests';
import { notifyEditors } from './notify';
import { createWithCode, fail, invalid, spendChallenge, type Outcome } from './service';
import type { IntakeSettings } from './settings';
import type { IntakeStores } from './stores';

export type InformationRequestReceipt = { trackingCode: string; receivedOn: string; noticeDue: string | null; deadline: string };

export async function submitInformationRequest(strapi: Core.Strapi, body: unknown, settings: IntakeSettings, stores: IntakeStores): Promise<Outcome<InformationRequestReceipt>> {
  const parsed = informationRequestInput.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const spent = await spendChallenge(input.altcha, settings, stores);
  if (spent) return spent;
  const doc = (await createWithCode(strapi, INFORMATION_REQUEST, 'YC', {
    fullName: input.fullName,
    address: input.address,
    idNumber: input.idNumber,
    phone: input.phone ?? null,
    email: input.email ?? null,
    information: input.information,
    purpose: input.purpose,
    delivery: input.delivery,
    consentAt: new Date().toISOString(),
    consentText: INFORMATION_CONSENT_TEXT,
    receivedOn: todayVn(),
    state: 'received',
  })) as any;
  void notifyEditors(strapi, { kind: 'information', documentId: doc.documentId, trackingCode: doc.trackingCode, subject: `hạn trả lời ${doc.deadline}` });
  return { ok: true, status: 201, data: { trackingCode: doc.trackingCode, receivedOn: doc.receivedOn, noticeDue: doc.noticeDue ?? null, deadline: doc.deadline } };
}

/** Status and deadlines of a request for whoever holds its code and the phone or email given with it; nothing else. */
export async function informationRequestStatus(strapi: Core.Strapi, body: unknown) {
  const parsed = informationRequestStatusInput.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const { code, contact } = parsed.data;
  const notFound = fail(404, 'Không tìm thấy yêu cầu với mã tra cứu và thông tin liên hệ này.');
  const r = (await strapi.db.query(INFORMATION_REQUEST as any).findOne({
    where: { trackingCode: code },
    select: ['phone', 'email', 'state', 'receivedOn', 'complex', 'noticeDue', 'deadline'],
  })) as any;
  if (!r) return notFound;
  const phoneKey = contact.replace(/[\s.\-()]/g, '').replace(/^\+84/, '0');
  if (!((r.phone && r.phone === phoneKey) || (r.email && searchKey(r.email) === searchKey(contact)))) return notFound;
  const state = r.state as keyof typeof INFORMATION_REQUEST_STATUS_LABELS;
  return {
    ok: true as const,
    status: 200,
    data: { code, state, label: INFORMATION_REQUEST_STATUS_LABELS[state] ?? state, receivedAt: r.receivedOn, complex: Boolean(r.complex), noticeDue: r.noticeDue ?? null, deadline: r.deadline ?? null },
  };
}
