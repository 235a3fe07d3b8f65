/**
 * Email alerts settings, from the environment, with defaults that work on one machine without a network.
 *  ALERTS_SITE_URL           the public site's address in the mails (default SITE_URL, else http://localhost:4321)
 *  ALERTS_API_URL            the CMS's public address for one-click unsubscribe (default PUBLIC_URL, else http://localhost:1337)
 *  ALERTS_DEBOUNCE_SECONDS   an item is alerted that long after its publication, if still published (default 300)
 *  ALERTS_SEND_RATE          messages per second, all instances together with Redis (default 200)
 *  ALERTS_CONCURRENCY        messages in flight per instance (default 8)
 *  ALERTS_MAX_ATTEMPTS       tries per message before it counts as failed (default 6; backoff 30 s, 1 min, 2 min…)
 *  ALERTS_BACKOFF_SECONDS    first retry delay (default 30)
 *  ALERTS_LEASE_SECONDS      a message being sent by an instance that stopped is sent again after that long (default 120)
 *  ALERTS_TICK_SECONDS       how often due alerts and queued messages are looked at (default 5; 0 = never: tests drive it)
 *  ALERTS_SUBSCRIBE_LIMIT    sign-ups per sender address and window (default "5/600")
 *  ALERTS_CONFIRM_LIMIT      confirmation mails per email address and window (default "3/86400")
 *  ALERTS_DIGEST_HOUR        local hour (Asia/Ho_Chi_Minh) of the daily and weekly (Monday) digests (default 7)
 *  ALERTS_HMAC_SECRET        signs the links in the mails (default: derived from APP_KEYS)
 *  ALERTS_MAIL_DIR           without SMTP_HOST, mails are written there as .eml files instead of being sent
 *                            (default .tmp/mail, relative to cms/)
 *  ALERTS_BOUNCE_ADDRESS     the bounce mailbox (bounce@agency.example): each mail's envelope sender becomes
 *                            bounce+d<id>-<signature>@agency.example (VERP), so that a DSN names its mail (bounces.ts);
 *                            unset: the envelope sender is the From address and DSNs cannot be matched
 *  ALERTS_BOUNCE_SECRET      the bearer token of POST /api/alerts/bounces (unset: the intake refuses everything)
 *  ALERTS_BOUNCE_LIMIT       hard bounces after which a subscription is no longer mailed (default 3)
 *  REDIS_URL, REDIS_PREFIX   the queue lives in Redis (BullMQ) when set, else in the database
 */
import { createHash } from 'node:crypto';

const pair = (value: string | undefined, fallback: [number, number]) => {
  const m = /^(\d+)\/(\d+)$/.exec(value ?? '');
  return m ? { points: Number(m[1]), duration: Number(m[2]) } : { points: fallback[0], duration: fallback[1] };
};
const num = (value: string | undefined, fallback: number) => (value !== undefined && value !== '' && Number.isFinite(Number(value)) ? Number(value) : fallback);
const trimSlash = (s: string) => s.replace(/\/+$/, '');

export function alertSettings(env = process.env) {
  return {
    siteUrl: trimSlash(env.ALERTS_SITE_URL || env.SITE_URL || 'http://localhost:4321'),
    apiUrl: trimSlash(env.ALERTS_API_URL || env.PUBLIC_URL || `http://localhost:${env.PORT && env.PORT !== '0' ? env.PORT : 1337}`),
    debounceSeconds: num(env.ALERTS_DEBOUNCE_SECONDS, 300),
    sendRate: Math.max(1, num(env.ALERTS_SEND_RATE, 200)),
    concurrency: Math.max(1, num(env.ALERTS_CONCURRENCY, 8)),
    maxAttempts: Math.max(1, num(env.ALERTS_MAX_ATTEMPTS, 6)),
    backoffSeconds: num(env.ALERTS_BACKOFF_SECONDS, 30),
    leaseSeconds: Math.max(1, num(env.ALERTS_LEASE_SECONDS, 120)),
    tickSeconds: num(env.ALERTS_TICK_SECONDS, 5),
    subscribeLimit: pair(env.ALERTS_SUBSCRIBE_LIMIT, [5, 600]),
    confirmLimit: pair(env.ALERTS_CONFIRM_LIMIT, [3, 86400]),
    digestHour: num(env.ALERTS_DIGEST_HOUR, 7),
    hmacSecret: env.ALERTS_HMAC_SECRET || createHash('sha256').update(`alerts:${env.APP_KEYS ?? 'dev'}`).digest('hex'),
    smtpConfigured: Boolean(env.SMTP_HOST),
    mailDir: env.ALERTS_MAIL_DIR || '.tmp/mail',
    from: env.ALERTS_FROM || env.SMTP_FROM || 'no-reply@localhost',
    bounceAddress: (env.ALERTS_BOUNCE_ADDRESS || '').trim().toLowerCase(),
    bounceSecret: env.ALERTS_BOUNCE_SECRET || '',
    bounceLimit: Math.max(1, num(env.ALERTS_BOUNCE_LIMIT, 3)),
    redisUrl: env.REDIS_URL || '',
    redisPrefix: env.REDIS_PREFIX || 'thads:',
  };
}
export type AlertSettings = ReturnType<typeof alertSettings>;
