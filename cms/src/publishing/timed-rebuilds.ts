/**
 * Content whose public face changes at a moment nobody clicks anything: an embargoed press release goes live
 * at `embargoUntil` (embargo.ts), an enforcement or auction notice leaves the current list at `publishedUntil`
 * (cms/src/notices). The site is static, so at that moment the publisher must rebuild it: a cron task (every
 * EMBARGO_CHECK_SECONDS, default 60) finds the published entries whose time fell since its last run and tells
 * the publisher, like Strapi's webhook does on a publish (POST PUBLISHER_URL/_publisher/hooks/strapi,
 * X-Publisher-Secret). One task for every timed field: add a line to TIMED_FIELDS for a new one.
 */
import type { Core } from '@strapi/strapi';
import { EMBARGOED_TYPES } from './embargo';
import { EXPIRING_TYPES } from '../notices/rules';

export type TimedField = {
  uid: string;
  /** A datetime attribute of the type. */
  field: string;
  /** The webhook event the publisher receives: a release going live is a publish; an expiry changes a published entry. */
  event: 'entry.publish' | 'entry.update';
  /** Sent as `reason` (the publisher logs it). */
  reason: string;
  /** What the CMS log says, in Vietnamese. */
  label: string;
};

export const TIMED_FIELDS: readonly TimedField[] = [
  ...EMBARGOED_TYPES.map((uid) => ({ uid, field: 'embargoUntil', event: 'entry.publish' as const, reason: 'embargo', label: 'Hết giờ cấm đăng' })),
  ...EXPIRING_TYPES.map((uid) => ({ uid, field: 'publishedUntil', event: 'entry.update' as const, reason: 'expiry', label: 'Hết hạn đăng' })),
];

export type DueEntry = TimedField & { documentId: string; slug: string; title: string; at: string };

/** Published entries whose timed field falls in (since, until]. */
export async function dueEntries(strapi: Core.Strapi, since: Date, until: Date, fields: readonly TimedField[] = TIMED_FIELDS): Promise<DueEntry[]> {
  const found: DueEntry[] = [];
  for (const timed of fields) {
    const items = await strapi.documents(timed.uid as any).findMany({
      status: 'published',
      fields: ['documentId', 'slug', 'title', 'publishedAt', timed.field] as any,
      filters: { [timed.field]: { $gt: since.toISOString(), $lte: until.toISOString() } } as any,
      limit: 1000,
    } as any);
    for (const item of items as any[]) found.push({ ...timed, documentId: item.documentId, slug: item.slug, title: item.title, at: item[timed.field] });
  }
  return found;
}

async function tellPublisher(strapi: Core.Strapi, due: DueEntry[]) {
  const url = process.env.PUBLISHER_URL?.trim().replace(/\/+$/, '');
  const secret = process.env.PUBLISHER_SECRET?.trim();
  if (!url || !secret) return;
  for (const item of due) {
    try {
      const res = await fetch(`${url}/_publisher/hooks/strapi`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Publisher-Secret': secret },
        body: JSON.stringify({
          event: item.event,
          uid: item.uid,
          model: item.uid.split('.').pop(),
          // publishedAt: the published version changed (an update of a draft would not rebuild anything).
          entry: { documentId: item.documentId, slug: item.slug, publishedAt: new Date().toISOString() },
          reason: item.reason,
        }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) strapi.log.warn(`${item.label} "${item.title}": dịch vụ xuất bản trả lời HTTP ${res.status}.`);
    } catch (error) {
      strapi.log.warn(`${item.label} "${item.title}": không báo được dịch vụ xuất bản (${(error as Error).message}); trang sẽ cập nhật ở lần dựng sau.`);
    }
  }
}

/** Installs the cron task. After a restart it looks back a day, so a moment that passed meanwhile is not missed. */
export function scheduleTimedRebuilds(strapi: Core.Strapi) {
  const seconds = Math.max(1, Number(process.env.EMBARGO_CHECK_SECONDS ?? 60));
  let since = new Date(Date.now() - 24 * 3600_000);
  strapi.cron.add({
    rebuildAtTimedChanges: {
      task: async () => {
        const until = new Date();
        const due = await dueEntries(strapi, since, until);
        since = until;
        if (!due.length) return;
        strapi.log.info(`${due.map((d) => `${d.label}: "${d.title}"`).join('; ')} — cập nhật trang công khai.`);
        await tellPublisher(strapi, due);
      },
      options: { rule: seconds < 60 ? `*/${seconds} * * * * *` : '* * * * *' },
    },
  });
}
