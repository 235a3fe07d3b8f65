import type { Core } from '@strapi/strapi';

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
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 50 * 1024 * 1024),
      security: {
        // Photos, documents and videos the agency publishes; never HTML or SVG (stored XSS).
        allowedTypes: [
          'image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif',
          'application/pdf',
          'application/msword',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.ms-excel',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'video/mp4', 'video/webm',
        ],
        deniedTypes: ['image/svg+xml', 'text/html', 'application/xhtml+xml', 'application/x-msdownload'],
      },
    },
  },
});
