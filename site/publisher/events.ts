/**
 * Which Strapi webhook events change the public site. Strapi sends `{ event, createdAt, model, uid, entry }`
 * for entries and `{ event, createdAt, media }` for the media library.
 */
import { PUBLIC_TYPES as PUBLIC_TYPES_LIST, PUBLISH_WEBHOOK_EVENTS } from '@thads/shared';

/** The content types the site is built from; private inboxes never trigger a build. */
export const PUBLIC_TYPES: ReadonlySet<string> = new Set(PUBLIC_TYPES_LIST);

/** The events the Strapi webhook subscribes to (cms/src/bootstrap/publisher-webhook.ts uses the same list). */
export const WEBHOOK_EVENTS = PUBLISH_WEBHOOK_EVENTS;

export type Decision = { rebuild: true; reason: string } | { rebuild: false; why: string };

export function classifyEvent(payload: unknown): Decision {
  if (!payload || typeof payload !== 'object') return { rebuild: false, why: 'payload is not an object' };
  const p = payload as { event?: unknown; uid?: unknown; model?: unknown; entry?: { publishedAt?: unknown; documentId?: unknown } | null; media?: { name?: unknown } | null };
  const event = typeof p.event === 'string' ? p.event : '';
  if (event === 'trigger-test') return { rebuild: false, why: 'test event' };
  // A media file that is replaced or deleted may be shown by published content; a new upload is not shown
  // anywhere until the entry using it is published (which sends entry.publish).
  if (event === 'media.update' || event === 'media.delete') return { rebuild: true, reason: `${event} ${String(p.media?.name ?? '')}`.trim() };
  if (!event.startsWith('entry.')) return { rebuild: false, why: `event ${event || '(none)'} not handled` };
  const uid = typeof p.uid === 'string' ? p.uid : '';
  if (!PUBLIC_TYPES.has(uid)) return { rebuild: false, why: `type ${uid || String(p.model ?? '(none)')} is not public` };
  const id = typeof p.entry?.documentId === 'string' ? ` ${p.entry.documentId}` : '';
  switch (event) {
    case 'entry.publish':
    case 'entry.unpublish':
    case 'entry.delete':
      return { rebuild: true, reason: `${event} ${uid}${id}` };
    case 'entry.update':
      // Saving a draft changes nothing public: every public type has Draft & Publish, and Strapi sends the
      // draft (publishedAt null). An update of the published version itself carries publishedAt.
      return p.entry?.publishedAt ? { rebuild: true, reason: `${event} ${uid}${id}` } : { rebuild: false, why: 'draft saved (not public)' };
    default:
      return { rebuild: false, why: `event ${event} does not change the public site` };
  }
}
