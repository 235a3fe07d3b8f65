import type { Core } from '@strapi/strapi';
import { uploadPluginConfig } from '../src/security/uploads';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Editors are told of new questions and press requests by email when an SMTP server is configured;
  // without one, the admin's home page shows the inboxes (src/admin/widgets). Email alerts (src/alerts) send
  // through the same provider, over pooled connections; without SMTP_HOST nothing leaves the machine: the
  // provider only builds the messages and src/alerts writes them to ALERTS_MAIL_DIR (default cms/.tmp/mail).
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: env('SMTP_HOST', '')
        ? {
            host: env('SMTP_HOST'),
            port: env.int('SMTP_PORT', 587),
            secure: env.bool('SMTP_SECURE', false),
            ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
            pool: true,
            maxConnections: env.int('SMTP_MAX_CONNECTIONS', 5),
            ...(env('SMTP_USERNAME', '') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
          }
        : { streamTransport: true, buffer: true, newline: 'unix' },
      settings: { defaultFrom: env('SMTP_FROM', 'no-reply@localhost'), defaultReplyTo: env('SMTP_REPLY_TO', env('SMTP_FROM', 'no-reply@localhost')) },
    },
  },
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  // Accepted types, size limit (UPLOAD_SIZE_LIMIT) and storage: the local folder, or S3-compatible object
  // storage with Strapi's official provider when UPLOAD_PROVIDER=s3 or S3_BUCKET is set (src/security/uploads.ts).
  upload: { config: uploadPluginConfig() },
});
