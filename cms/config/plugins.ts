import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
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
