import type { Core } from '@strapi/strapi';
import { previewLink, PUBLIC_COLLECTIONS } from '@thads/shared';

/**
 * Draft preview (Strapi's Community edition preview button): the link opens the publisher's /_preview/open,
 * which builds the draft with the site's own templates and shows it (site/publisher/preview.ts). The link is
 * signed with PUBLISHER_SECRET and expires; PREVIEW_URL is the publisher as editors' browsers reach it.
 */
function preview(env: Core.Config.Shared.ConfigParams['env']) {
  const base = env('PREVIEW_URL', env('PUBLISHER_URL', '')).replace(/\/+$/, '');
  const secret = env('PUBLISHER_SECRET', '');
  if (!base || !secret) return { enabled: false };
  return {
    enabled: true,
    config: {
      allowedOrigins: [new URL(base).origin],
      async handler(uid: string, { documentId }: { documentId: string; locale?: string; status?: string }) {
        if (!(PUBLIC_COLLECTIONS as readonly string[]).includes(uid)) return null;
        const type = (globalThis as any).strapi.getModel(uid).info.pluralName as string;
        return previewLink(base, { type, id: documentId }, secret);
      },
    },
  };
}

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  // Tests boot Strapi without the built admin panel.
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  flags: { nps: false, promoteEE: false },
  preview: preview(env),
});
