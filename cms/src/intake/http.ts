/** Answers of the intake endpoints, in Strapi's error shape, always in Vietnamese. */
import type { FieldError } from '@thads/shared';

export function refuse(ctx: any, status: number, message: string, errors: FieldError[] = []) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: status === 429 ? 'RateLimitError' : status === 413 ? 'PayloadTooLargeError' : 'ValidationError', message, details: { errors } } };
}

/** The client's address (the proxy's X-Forwarded-For is trusted only with server.proxy, see config/server.ts). */
export function clientAddress(ctx: any): string {
  return ctx.request.ip || ctx.ip || 'unknown';
}
