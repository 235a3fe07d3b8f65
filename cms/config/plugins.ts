import type { Core } from '@strapi/strapi';
import { uploadPluginConfig } from '../src/security/uploads';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Editors are told of new questions and press requests by email when an SMTP server is configured;
  // without one, the admin's home page shows the inboxes (src/admin/widgets).
  ...(env('SMTP_HOST', '')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
              ...(env('SMTP_USERNAME', '') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
            },
            settings: { defaultFrom: env('SMTP_FROM', 'no-reply@localhost'), defaultReplyTo: env('SMTP_REPLY_TO', env('SMTP_FROM', 'no-reply@localhost')) },
          },
        },
      }
    : {}),
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  // Accepted types, size limit (UPLOAD_SIZE_LIMIT) and storage: the local folder, or S3-compatible object
  // storage with Strapi's official provider when UPLOAD_PROVIDER=s3 or S3_BUCKET is set (src/security/uploads.ts).
  upload: { config: uploadPluginConfig() },
});
