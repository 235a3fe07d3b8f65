/** Answers of the intake endpoints, in Strapi's error shape, always in Vietnamese. */
import type { FieldError } from '@thads/shared';
import { intakeSettings } from './settings';
import { intakeStores } from './stores';

export function refuse(ctx: any, status: number, message: string, errors: FieldError[] = []) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: status === 429 ? 'RateLimitError' : status === 413 ? 'PayloadTooLargeError' : 'ValidationError', message, details: { errors } } };
}

/** The client's address (the proxy's X-Forwarded-For is trusted only with server.proxy, see config/server.ts). */
export function clientAddress(ctx: any): string {
  return ctx.request.ip || ctx.ip || 'unknown';
}

const settings = intakeSettings();
const stores = () => intakeStores(settings);

/** Counts a request of the client against `limit` under `name`; true (and a 429 answered) when over it. */
export async function limited(ctx: any, name: string, limit: { points: number; duration: number }): Promise<boolean> {
  try {
    await stores().limiter(name, limit).consume(clientAddress(ctx));
    return false;
  } catch (rejection: any) {
    if (rejection instanceof Error) throw rejection;
    const seconds = Math.ceil((rejection?.msBeforeNext ?? limit.duration * 1000) / 1000);
    ctx.set('Retry-After', String(seconds));
    refuse(ctx, 429, `Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút.`);
    return true;
  }
}
