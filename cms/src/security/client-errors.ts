/**
 * A client's mistake caught below our code (invalid JSON, a body over the limit, `__proto__` keys, a malicious
 * path refused by the static file server) is thrown by libraries as their own error objects, which
 * `strapi::errors` logs as server errors with a stack trace, once per request: anyone could fill the log.
 * Placed right after `strapi::errors`, this turns every such 4xx into Strapi's own error of that status, with
 * the Vietnamese message (public-errors.ts), answered without a log line.
 */
import { errors } from '@strapi/utils';
import { publicErrorMessage } from './public-errors';

const BY_STATUS: Record<number, new (message: string) => Error> = {
  401: errors.UnauthorizedError,
  403: errors.ForbiddenError,
  404: errors.NotFoundError,
  413: errors.PayloadTooLargeError,
  429: errors.RateLimitError,
};

export default () => async (ctx: any, next: () => Promise<unknown>) => {
  try {
    await next();
  } catch (error: any) {
    const status = Number(error?.status ?? error?.statusCode);
    if (error instanceof errors.ApplicationError || !(status >= 400 && status < 500)) throw error;
    const message = publicErrorMessage(status, String(error?.message ?? ''));
    const Known = BY_STATUS[status];
    if (Known) throw new Known(message);
    if (status === 400) throw new errors.ValidationError(message);
    // 405, 415 and the other client errors: answered here, in the same shape.
    ctx.status = status;
    ctx.body = { data: null, error: { status, name: 'HttpError', message, details: {} } };
  }
};
