/**
 * Email alerts: readers follow types, categories, topics or districts and get every publish once, at once or
 * in a daily or weekly digest (see subscriptions.ts, batches.ts, queue.ts; public routes in api/alerts).
 *  - register: the Document Service middleware that sees publishes, unpublishes and deletes; the editors'
 *    permission and admin routes (admin-routes.ts: counts per followed key, batches sent, erasure on request);
 *  - bootstrap: the queue's indexes, the queue (BullMQ with REDIS_URL, else the database), a tick every
 *    ALERTS_TICK_SECONDS (due batches, due mails), the digests at ALERTS_DIGEST_HOUR and the nightly erasure
 *    of sign-ups never confirmed (scheduled jobs: CRON_ENABLED).
 */
import type { Core } from '@strapi/strapi';
import { alertSettings, type AlertSettings } from './settings';
import { alertsMiddleware, createDigest, dispatchDue, setAlertsReady } from './batches';
import { drainNow, queueTick, startAlertQueue, stopAlertQueue } from './queue';
import { eraseUnconfirmed } from './subscriptions';
import { ensureAlertIndexes } from './tables';
import { closeMailer, mailDir } from './mailer';
import { registerAlertsAdminRoutes, registerAlertsPermission } from './admin-routes';

let timer: NodeJS.Timeout | undefined;
let ticking: Promise<void> | null = null;
let current: { strapi: Core.Strapi; settings: AlertSettings } | undefined;

export function registerAlerts(strapi: Core.Strapi) {
  strapi.documents.use(alertsMiddleware(strapi, alertSettings()) as any);
  registerAlertsPermission(strapi).catch((error) => strapi.log.error(`Không đăng ký được quyền xem thông báo qua thư: ${error.message}`));
  registerAlertsAdminRoutes(strapi);
}

/** One pass: due batches are dispatched, due mails handed to the queue. Never two at once in one instance. */
export function alertsTick(): Promise<void> {
  if (!current) return Promise.resolve();
  if (ticking) return ticking;
  const { strapi, settings } = current;
  ticking = (async () => {
    try {
      await dispatchDue(strapi, settings);
      await queueTick();
    } catch (error: any) {
      strapi.log.error(`Thông báo qua thư: ${error?.message ?? error}`);
    }
  })().finally(() => {
    ticking = null;
  });
  return ticking;
}

/** Dispatches what is due and waits until every queued mail has been tried (tests and the benchmark). */
export async function alertsSettle() {
  await alertsTick();
  await drainNow();
}

export async function bootstrapAlerts(strapi: Core.Strapi) {
  const settings = alertSettings();
  await ensureAlertIndexes(strapi);
  const mode = startAlertQueue(strapi, settings);
  current = { strapi, settings };
  if (settings.tickSeconds > 0) {
    timer = setInterval(() => void alertsTick(), settings.tickSeconds * 1000);
    timer.unref();
  }
  const tz = 'Asia/Ho_Chi_Minh';
  strapi.cron.add({
    alertDigestDaily: { task: async () => void (await createDigest(strapi, settings, 'daily'), await alertsTick()), options: { rule: `0 ${settings.digestHour} * * *`, tz } },
    alertDigestWeekly: { task: async () => void (await createDigest(strapi, settings, 'weekly'), await alertsTick()), options: { rule: `5 ${settings.digestHour} * * 1`, tz } },
    alertEraseUnconfirmed: {
      task: async () => {
        const n = await eraseUnconfirmed(strapi);
        if (n) strapi.log.info(`Đã xoá ${n} đăng ký nhận thông báo không được xác nhận sau 7 ngày.`);
      },
      options: { rule: '15 3 * * *', tz },
    },
  });
  setAlertsReady(true);
  if (!settings.smtpConfigured) strapi.log.info(`Thông báo qua thư: chưa đặt SMTP_HOST, thư được ghi vào ${mailDir(strapi, settings)} thay vì gửi đi.`);
  strapi.log.debug(`Thông báo qua thư: hàng đợi trong ${mode === 'redis' ? 'Redis' : 'cơ sở dữ liệu'}.`);
  void alertsTick();
}

export async function destroyAlerts(strapi: Core.Strapi) {
  setAlertsReady(false);
  if (timer) clearInterval(timer);
  timer = undefined;
  await ticking?.catch(() => {});
  current = undefined;
  await stopAlertQueue();
  closeMailer(strapi);
}
