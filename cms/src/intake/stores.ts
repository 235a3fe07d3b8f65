/**
 * Shared state of the intake endpoints: rate-limit counters and spent challenges. In memory by default;
 * in Redis when REDIS_URL is set, so that several Strapi instances behind a load balancer agree.
 */
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import Redis from 'ioredis';
import type { IntakeSettings } from './settings';

export type IntakeStores = {
  limiter(name: string, limit: { points: number; duration: number }): RateLimiterAbstract;
  /** Records a challenge as spent; false when it already was (a replay). */
  spend(id: string, ttlSeconds: number): Promise<boolean>;
  close(): Promise<void>;
  kind: 'memory' | 'redis';
};

export function createStores(settings: IntakeSettings): IntakeStores {
  const limiters = new Map<string, RateLimiterAbstract>();
  if (settings.redisUrl) {
    const redis = new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    return {
      kind: 'redis',
      limiter(name, { points, duration }) {
        if (!limiters.has(name)) limiters.set(name, new RateLimiterRedis({ storeClient: redis, keyPrefix: `${settings.redisPrefix}rl:${name}`, points, duration, insuranceLimiter: new RateLimiterMemory({ points, duration }) }));
        return limiters.get(name)!;
      },
      async spend(id, ttl) {
        return (await redis.set(`${settings.redisPrefix}spent:${id}`, '1', 'EX', ttl, 'NX')) === 'OK';
      },
      async close() {
        redis.disconnect();
      },
    };
  }
  const spent = new Map<string, number>();
  return {
    kind: 'memory',
    limiter(name, { points, duration }) {
      if (!limiters.has(name)) limiters.set(name, new RateLimiterMemory({ keyPrefix: name, points, duration }));
      return limiters.get(name)!;
    },
    async spend(id, ttl) {
      const now = Date.now();
      if (spent.size > 10_000) for (const [k, until] of spent) if (until < now) spent.delete(k);
      if ((spent.get(id) ?? 0) > now) return false;
      spent.set(id, now + ttl * 1000);
      return true;
    },
    async close() {},
  };
}

let shared: IntakeStores | undefined;
/** The stores of this Strapi process, created on first use. */
export function intakeStores(settings: IntakeSettings): IntakeStores {
  return (shared ??= createStores(settings));
}
export async function closeIntakeStores(): Promise<void> {
  await shared?.close();
  shared = undefined;
}
