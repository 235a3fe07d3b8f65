/**
 * The signed links of a subscription. Nothing secret is stored: a token is an HMAC of the subscription's id
 * (and, for confirmation, of when the confirmation was sent, so that only the latest confirmation link works).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AlertSettings } from './settings';

export type LinkPurpose = 'confirm' | 'manage';

export function linkToken(settings: AlertSettings, purpose: LinkPurpose, documentId: string, stamp = ''): string {
  return createHmac('sha256', settings.hmacSecret).update(`${purpose}:${documentId}:${stamp}`).digest('base64url').slice(0, 32);
}

export function tokenMatches(settings: AlertSettings, purpose: LinkPurpose, documentId: string, token: string, stamp = ''): boolean {
  const expected = Buffer.from(linkToken(settings, purpose, documentId, stamp));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The stamp of a confirmation link: when the confirmation mail was asked for, in ms. */
export const confirmStamp = (confirmSentAt: string | Date | null | undefined) => (confirmSentAt ? String(new Date(confirmSentAt).getTime()) : '');

const query = (documentId: string, token: string) => `s=${encodeURIComponent(documentId)}&t=${encodeURIComponent(token)}`;

export function subscriptionLinks(settings: AlertSettings, sub: { documentId: string; confirmSentAt?: string | Date | null }) {
  const manage = query(sub.documentId, linkToken(settings, 'manage', sub.documentId));
  return {
    confirm: `${settings.apiUrl}/api/alerts/confirm?${query(sub.documentId, linkToken(settings, 'confirm', sub.documentId, confirmStamp(sub.confirmSentAt)))}`,
    /** The one-click address of the List-Unsubscribe header (RFC 8058: POST) and of the link (GET: a page with one button). */
    unsubscribe: `${settings.apiUrl}/api/alerts/unsubscribe?${manage}`,
    manage: `${settings.apiUrl}/api/alerts/manage?${manage}`,
  };
}
