import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // The public site's origin(s) only: its forms post to the intake endpoints.
      origin: env.array('CORS_ORIGINS', ['http://localhost:4321', 'http://127.0.0.1:4321']),
      methods: ['GET', 'POST', 'HEAD', 'OPTIONS'],
      headers: ['Content-Type', 'Authorization', 'Accept'],
      keepHeaderOnError: true,
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
  // Unauthenticated Content API requests only ever see published content (see src/middlewares).
  'global::published-only',
];
