/**
 * The publisher's credentials, as a Strapi auth strategy of the preview route: Strapi itself authenticates the
 * request (header X-Publisher-Secret = PUBLISHER_SECRET) and records it in `ctx.state.auth`, which the release
 * guard (security/release-guard.ts) reads to let this caller see drafts. Used by this route only (its
 * `config.auth.strategies`), never tried on the rest of the Content API.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { PUBLISHER_STRATEGY } from '../../security/release-guard';

const sameSecret = (given: unknown, secret: string) =>
  typeof given === 'string' && secret !== '' && timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(secret).digest());

export const publisherStrategy = {
  name: PUBLISHER_STRATEGY,
  authenticate(ctx: any) {
    const secret = process.env.PUBLISHER_SECRET?.trim() ?? '';
    if (!sameSecret(ctx.request.header['x-publisher-secret'], secret)) return { error: 'Thiếu hoặc sai khoá bí mật của dịch vụ xuất bản.' };
    return { authenticated: true, credentials: { publisher: true } };
  },
  verify() {},
};
