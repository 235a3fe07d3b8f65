/**
 * Refused uploads are explained in Vietnamese. Strapi's media library refuses a file whose type is not
 * allowed (400, "File type 'image/svg+xml' is not allowed") or that is too large (413, from the multipart
 * parser or the upload plugin's size limit) with English messages; this middleware, placed right after
 * `strapi::errors`, rewrites those messages on the upload routes (admin `/upload…`, Content API
 * `/api/upload…`) and keeps the status and details.
 */
import { errors } from '@strapi/utils';
import { ALLOWED_UPLOAD_LABEL, formatMegabytes, uploadSizeLimit } from './uploads';

const isUploadRoute = (path: string) => path === '/upload' || path.startsWith('/upload/') || path === '/api/upload' || path.startsWith('/api/upload/');

export function typeRefusedMessage(detail?: string): string {
  const type = /'([^']+)'/.exec(detail ?? '')?.[1];
  return `Không nhận loại tệp này${type ? ` (${type})` : ''}. Thư viện chỉ nhận ${ALLOWED_UPLOAD_LABEL}; không nhận SVG, HTML hay tệp chạy được.`;
}

export function tooLargeMessage(limit: number): string {
  return `Tệp quá lớn: mỗi tệp tối đa ${formatMegabytes(limit)}.`;
}

const isTypeRefusal = (message: string) => /is not allowed|Cannot verify file type|MIME type/i.test(message);
const isSizeRefusal = (message: string) => /size limit|FileTooBig|too large/i.test(message);

export default () => {
  const limit = uploadSizeLimit();
  return async (ctx: any, next: () => Promise<unknown>) => {
    if (!isUploadRoute(ctx.path)) return next();
    try {
      await next();
    } catch (error) {
      if (error instanceof errors.PayloadTooLargeError || (error instanceof errors.ApplicationError && isSizeRefusal(error.message))) {
        throw new errors.PayloadTooLargeError(tooLargeMessage(limit), error.details);
      }
      if (error instanceof errors.ApplicationError && isTypeRefusal(error.message)) {
        throw new errors.ValidationError(typeRefusedMessage(error.message), error.details);
      }
      throw error;
    }
    // The multipart parser answers 413 itself (ctx.payloadTooLarge) before the upload plugin runs.
    if (ctx.status === 413 && ctx.body?.error) {
      ctx.body = { ...ctx.body, error: { ...ctx.body.error, message: tooLargeMessage(limit) } };
    }
  };
};
