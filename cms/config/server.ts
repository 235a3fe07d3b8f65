import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Uploads and other static files; tests point this at a temporary folder.
  dirs: { public: env('PUBLIC_DIR', './public') },
  url: env('PUBLIC_URL', ''),
  // Behind nginx or a load balancer: trust X-Forwarded-* so rate limits see the client's address.
  proxy: { koa: env.bool('IS_PROXIED', false) },
  app: { keys: env.array('APP_KEYS') },
  // Scheduled jobs (erasure of expired personal data); several instances may all run them: they are idempotent.
  cron: { enabled: env.bool('CRON_ENABLED', true) },
  logger: { updates: { enabled: false }, startup: { enabled: env.bool('STARTUP_MESSAGE', true) } },
});
