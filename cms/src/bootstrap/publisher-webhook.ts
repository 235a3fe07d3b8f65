/**
 * Automatic publishing, the CMS side (see site/README.md "Xuất bản tự động / Publishing"):
 *  - at every boot, when PUBLISHER_URL and PUBLISHER_SECRET are set, exactly one Strapi webhook named
 *    "Xuất bản trang công khai" posts the events that change the public site to the publisher
 *    (`${PUBLISHER_URL}/_publisher/hooks/strapi`, header X-Publisher-Secret); it is created, corrected or
 *    de-duplicated as needed, and Strapi's webhook runner is told at once;
 *  - GET /thads/publish-status (admin API, any signed-in admin user) relays the publisher's status to the
 *    admin home page widget.
 */
import type { Core } from '@strapi/strapi';
import { PUBLISH_WEBHOOK_EVENTS } from '@thads/shared';

export const PUBLISHER_WEBHOOK_NAME = 'Xuất bản trang công khai';
export const PUBLISHER_SECRET_HEADER = 'X-Publisher-Secret';
export const PUBLISHER_EVENTS: readonly string[] = PUBLISH_WEBHOOK_EVENTS;

type Webhook = { id: string; name: string; url: string; headers: Record<string, string>; events: string[]; isEnabled: boolean };

function publisherConfig(): { url: string; secret: string } | null {
  const url = process.env.PUBLISHER_URL?.trim().replace(/\/+$/, '');
  const secret = process.env.PUBLISHER_SECRET?.trim();
  return url && secret ? { url, secret } : null;
}

const sameEvents = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Creates or corrects the publisher's webhook; returns what it did. Idempotent. */
export async function ensurePublisherWebhook(strapi: Core.Strapi): Promise<'disabled' | 'created' | 'updated' | 'unchanged'> {
  const config = publisherConfig();
  if (!config) {
    strapi.log.info('Xuất bản tự động: chưa đặt PUBLISHER_URL và PUBLISHER_SECRET, không cấu hình webhook.');
    return 'disabled';
  }
  const store = strapi.get('webhookStore') as any;
  const runner = strapi.get('webhookRunner') as any;
  const allowed: string[] = Array.from(store.allowedEvents.values());
  const events = PUBLISHER_EVENTS.filter((e) => allowed.includes(e));
  const wanted = {
    name: PUBLISHER_WEBHOOK_NAME,
    url: `${config.url}/_publisher/hooks/strapi`,
    headers: { [PUBLISHER_SECRET_HEADER]: config.secret },
    events,
    isEnabled: true,
  };
  const mine = ((await store.findWebhooks()) as Webhook[]).filter((w) => w.name === PUBLISHER_WEBHOOK_NAME);
  for (const extra of mine.slice(1)) {
    await store.deleteWebhook(extra.id);
    runner.remove(extra);
  }
  const existing = mine[0];
  if (!existing) {
    const created = await store.createWebhook(wanted);
    runner.add(created);
    strapi.log.info(`Xuất bản tự động: đã tạo webhook "${PUBLISHER_WEBHOOK_NAME}" tới ${wanted.url}.`);
    return 'created';
  }
  const current = existing.headers?.[PUBLISHER_SECRET_HEADER];
  if (existing.url === wanted.url && current === config.secret && Object.keys(existing.headers ?? {}).length === 1 && sameEvents(existing.events ?? [], events) && existing.isEnabled) {
    return 'unchanged';
  }
  const updated = await store.updateWebhook(existing.id, { ...existing, ...wanted });
  runner.update(updated);
  strapi.log.info(`Xuất bản tự động: đã cập nhật webhook "${PUBLISHER_WEBHOOK_NAME}" tới ${wanted.url}.`);
  return 'updated';
}

/** The admin route the home page widget reads. */
export function registerPublisherAdminRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/thads/publish-status',
        handler: async (ctx: any) => {
          const config = publisherConfig();
          if (!config) {
            ctx.body = { data: { configured: false, reachable: false, status: null } };
            return;
          }
          try {
            const res = await fetch(`${config.url}/_publisher/status`, { headers: { [PUBLISHER_SECRET_HEADER]: config.secret }, signal: AbortSignal.timeout(3000) });
            if (!res.ok) throw new Error(`HTTP ${res.status}`);
            ctx.body = { data: { configured: true, reachable: true, status: await res.json() } };
          } catch (error) {
            ctx.body = { data: { configured: true, reachable: false, status: null, error: `Không liên lạc được với dịch vụ xuất bản (${(error as Error).message}).` } };
          }
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as any);
}
