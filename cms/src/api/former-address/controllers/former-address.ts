/**
 * GET /api/thads/former-addresses — the former addresses of published items and where each now lives
 * (src/publishing/former-addresses.ts), for the site's redirecting pages.
 */
import type { Core } from '@strapi/strapi';
import { currentFormerAddresses } from '../../../publishing/former-addresses';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await currentFormerAddresses(strapi) };
  },
});
