import type { Core } from '@strapi/strapi';
import { securityMiddlewareConfig } from '../src/security/headers';
import { uploadSizeLimit } from '../src/security/uploads';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  // Public errors in Vietnamese, whichever layer answered (invalid JSON, body too large, unknown parameter…).
  { resolve: './src/security/public-errors' },
  'strapi::errors',
  // Client errors thrown below our code (body parser, static files) answered as Strapi's own, without a log line.
  { resolve: './src/security/client-errors' },
  // Refused uploads (type, size) explained in Vietnamese; must sit inside strapi::errors.
  { resolve: './src/security/upload-messages' },
  // Production headers: CSP without external hosts (offline admin), HSTS behind TLS, frames, referrer.
  { name: 'strapi::security', config: securityMiddlewareConfig() },
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
  'strapi::query',
  // Multipart uploads stop at the media library's limit before being written out whole.
  { name: 'strapi::body', config: { formidable: { maxFileSize: uploadSizeLimit() } } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
