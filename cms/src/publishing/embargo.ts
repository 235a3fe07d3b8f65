/**
 * Embargoed press releases: written, approved and published ahead, public only from `embargoUntil`.
 *  - The public API never shows one before its time (`hideEmbargoed`, on the type's find/findOne routes; an
 *    authenticated request — the admin, a preview — sees it as usual).
 *  - When the time comes, the public site must change by itself: a cron task (every EMBARGO_CHECK_SECONDS,
 *    default 60) finds the releases whose embargo ended since its last run and tells the publisher, like
 *    Strapi's webhook does on a publish (POST PUBLISHER_URL/_publisher/hooks/strapi, X-Publisher-Secret).
 */
import type { Core } from '@strapi/strapi';

export const EMBARGOED_TYPES = ['api::press-release.press-release'] as const;

const notEmbargoed = (now: Date) => ({ $or: [{ embargoUntil: { $null: true } }, { embargoUntil: { $lte: now.toISOString() } }] });

const isEmbargoed = (entry: unknown, now: Date) => {
  const until = (entry as { embargoUntil?: string | null } | null)?.embargoUntil;
  return Boolean(until && Date.parse(until) > now.getTime());
};

/** Route middleware of find/findOne: without credentials, embargoed entries do not exist. */
export async function hideEmbargoed(ctx: any, next: () => Promise<unknown>) {
  const open = !ctx.request.header.authorization;
  const now = new Date();
  if (open) {
    const filters = ctx.query.filters;
    ctx.query = { ...ctx.query, filters: filters ? { $and: [filters, notEmbargoed(now)] } : notEmbargoed(now) };
  }
  await next();
  if (open && ctx.body?.data && !Array.isArray(ctx.body.data) && isEmbargoed(ctx.body.data, now)) {
    ctx.status = 404;
    ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } };
  }
}

/** Releases whose embargo ended in (since, until], published. */
export async function endedEmbargoes(strapi: Core.Strapi, since: Date, until: Date) {
  const found: { uid: string; documentId: string; slug: string; title: string }[] = [];
  for (const uid of EMBARGOED_TYPES) {
    const items = await strapi.documents(uid).findMany({
      status: 'published',
      fields: ['documentId', 'slug', 'title', 'embargoUntil'] as any,
      filters: { embargoUntil: { $gt: since.toISOString(), $lte: until.toISOString() } } as any,
      limit: 1000,
    } as any);
    for (const item of items as any[]) found.push({ uid, documentId: item.documentId, slug: item.slug, title: item.title });
  }
  return found;
}

async function tellPublisher(strapi: Core.Strapi, released: { uid: string; documentId: string; slug: string; title: string }[]) {
  const url = process.env.PUBLISHER_URL?.trim().replace(/\/+$/, '');
  const secret = process.env.PUBLISHER_SECRET?.trim();
  if (!url || !secret) return;
  for (const item of released) {
    try {
      const res = await fetch(`${url}/_publisher/hooks/strapi`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Publisher-Secret': secret },
        body: JSON.stringify({ event: 'entry.publish', uid: item.uid, model: item.uid.split('.').pop(), entry: { documentId: item.documentId, slug: item.slug }, reason: 'embargo' }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) strapi.log.warn(`Hết giờ cấm đăng "${item.title}": dịch vụ xuất bản trả lời HTTP ${res.status}.`);
    } catch (error) {
      strapi.log.warn(`Hết giờ cấm đăng "${item.title}": không báo được dịch vụ xuất bản (${(error as Error).message}); trang sẽ cập nhật ở lần dựng sau.`);
    }
  }
}

/** Installs the cron task. After a restart it looks back a day, so an embargo that ended meanwhile is not missed. */
export function scheduleEmbargoRelease(strapi: Core.Strapi) {
  const seconds = Math.max(1, Number(process.env.EMBARGO_CHECK_SECONDS ?? 60));
  let since = new Date(Date.now() - 24 * 3600_000);
  strapi.cron.add({
    releaseEmbargoedPressReleases: {
      task: async () => {
        const until = new Date();
        const released = await endedEmbargoes(strapi, since, until);
        since = until;
        if (!released.length) return;
        strapi.log.info(`Hết giờ cấm đăng: ${released.map((r) => `"${r.title}"`).join(', ')} — cập nhật trang công khai.`);
        await tellPublisher(strapi, released);
      },
      options: { rule: seconds < 60 ? `*/${seconds} * * * * *` : '* * * * *' },
    },
  });
}
