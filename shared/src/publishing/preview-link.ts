/**
 * Draft preview links. The CMS (config/admin.ts, Strapi's preview button) hands an editor a link to the
 * publisher's /_preview/open with a ticket: which entry (the collection's API name and the documentId),
 * when it was issued and until when it is valid, signed with HMAC-SHA-256 under the secret the CMS and the
 * publisher share (PUBLISHER_SECRET). The publisher checks the ticket before building and showing the draft,
 * so a draft is only ever shown to someone who got a fresh link from the admin.
 * Web Crypto only: the same code runs in Node (CMS, publisher) and would in a browser.
 */
import { z } from 'zod';

export type PreviewTicket = { type: string; id: string; iat: number; exp: number };

/** How long a preview link stays valid. */
export const PREVIEW_TTL_SECONDS = 2 * 3600;

const text = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', text.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, text.encode(message)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

const payload = (t: PreviewTicket) => `thads-preview|${t.type}|${t.id}|${t.iat}|${t.exp}`;

export async function signPreviewTicket(ticket: PreviewTicket, secret: string): Promise<string> {
  if (!secret) throw new Error('PUBLISHER_SECRET is required to sign preview links');
  return hmacHex(secret, payload(ticket));
}

/** The link an editor opens: `${base}/_preview/open?type=…&id=…&iat=…&exp=…&sig=…`. */
export async function previewLink(base: string, entry: { type: string; id: string }, secret: string, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  const ticket: PreviewTicket = { ...entry, iat, exp: iat + PREVIEW_TTL_SECONDS };
  const query = new URLSearchParams({ type: ticket.type, id: ticket.id, iat: String(ticket.iat), exp: String(ticket.exp), sig: await signPreviewTicket(ticket, secret) });
  return `${base.replace(/\/+$/, '')}/_preview/open?${query}`;
}

/** The query of /_preview/open (a public input: anyone can send anything). */
export const previewQuerySchema = z.object({
  type: z.string().regex(/^[a-z][a-z0-9-]{0,60}$/, 'Loại nội dung không hợp lệ.'),
  id: z.string().regex(/^[A-Za-z0-9]{10,40}$/, 'Mã tài liệu không hợp lệ.'),
  iat: z.coerce.number().int().positive('Thời điểm tạo liên kết không hợp lệ.'),
  exp: z.coerce.number().int().positive('Hạn của liên kết không hợp lệ.'),
  sig: z.string().regex(/^[0-9a-f]{64}$/, 'Chữ ký của liên kết không hợp lệ.'),
});

export type PreviewCheck = { ok: true; ticket: PreviewTicket } | { ok: false; status: 400 | 403 | 410; message: string };

/** Checks a /_preview/open query: well-formed (400), signed by the shared secret (403), not expired (410). */
export async function verifyPreviewQuery(query: Record<string, string | undefined>, secret: string, now = Date.now()): Promise<PreviewCheck> {
  const parsed = previewQuerySchema.safeParse(query);
  if (!parsed.success) return { ok: false, status: 400, message: `Liên kết xem trước không hợp lệ: ${parsed.error.issues[0]?.message ?? ''}`.trim() };
  const { sig, ...ticket } = parsed.data;
  const expected = await signPreviewTicket(ticket, secret);
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ sig.charCodeAt(i);
  if (diff !== 0) return { ok: false, status: 403, message: 'Liên kết xem trước không đúng chữ ký. Hãy mở lại bản xem trước từ trang quản trị.' };
  const seconds = Math.floor(now / 1000);
  if (ticket.exp < seconds || ticket.iat > seconds + 300) return { ok: false, status: 410, message: 'Liên kết xem trước đã hết hạn. Hãy mở lại bản xem trước từ trang quản trị.' };
  return { ok: true, ticket };
}
