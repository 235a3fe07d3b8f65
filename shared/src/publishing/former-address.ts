/**
 * A former address of a published item (cms/src/publishing/former-addresses.ts): the slug it had, the slug
 * it has now, of which content type (Strapi uid) and locale. The CMS lists them at
 * GET /api/thads/former-addresses; the site builds a page at each old address that sends the reader on.
 */
import { z } from 'zod';

export const formerAddress = z.object({
  type: z.string().regex(/^api::[a-z0-9-]+\.[a-z0-9-]+$/),
  locale: z.string().max(10).nullable(),
  from: z.string().min(1).max(255),
  to: z.string().min(1).max(255),
});
export type FormerAddress = z.infer<typeof formerAddress>;

export const formerAddressList = z.object({ data: z.array(formerAddress) });
