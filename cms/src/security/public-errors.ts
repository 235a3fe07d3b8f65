/**
 * Every error a person or a client of the public API can meet is in Vietnamese and shaped like our own errors
 * (`{ data: null, error: { status, name, message, details } }`). Strapi and the libraries under it answer in
 * English before our code runs (invalid JSON, a body over the limit, `__proto__` keys, an unknown query
 * parameter, "Not Found", "Forbidden"…). This middleware wraps `strapi::errors` and rewrites such messages by
 * status; messages that are already Vietnamese (ours) pass unchanged, and so does the admin panel's API (its
 * screens translate by their own codes). `details` (field names, paths) is kept.
 */
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

export function publicErrorMessage(status: number, original: string): string {
  if (status === 400 && /prototype|__proto__|constructor/i.test(original)) return 'Dữ liệu gửi lên có khoá không được phép (__proto__, constructor, prototype).';
  if (status === 400 && /JSON|Unexpected (token|end|non-whitespace)|position \d+|Expected .* after/i.test(original)) return 'Dữ liệu gửi lên không phải JSON hợp lệ: chỉ nhận một đối tượng hoặc một mảng JSON.';
  if (status === 400 && /size did not match|aborted/i.test(original)) return 'Dữ liệu gửi lên bị cắt hoặc không khớp độ dài đã khai báo.';
  if (status === 400) return 'Yêu cầu không hợp lệ: tham số hoặc dữ liệu gửi lên không đúng quy định.';
  if (status === 401) return 'Chưa xác thực: thiếu hoặc sai thông tin đăng nhập hay khoá truy cập.';
  if (status === 403) return 'Không có quyền thực hiện thao tác này.';
  if (status === 404) return 'Không tìm thấy nội dung hoặc đường dẫn này.';
  if (status === 405) return 'Đường dẫn này không nhận phương thức HTTP đó.';
  if (status === 413) return 'Dữ liệu gửi lên quá lớn.';
  if (status === 415) return 'Không nhận kiểu dữ liệu gửi lên này.';
  if (status === 429) return 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.';
  if (status >= 500) return 'Máy chủ gặp lỗi. Vui lòng thử lại sau.';
  return 'Yêu cầu không hợp lệ.';
}

const ERROR_NAMES: Record<number, string> = { 400: 'ValidationError', 401: 'UnauthorizedError', 403: 'ForbiddenError', 404: 'NotFoundError', 405: 'MethodNotAllowedError', 413: 'PayloadTooLargeError', 415: 'UnsupportedMediaTypeError', 429: 'RateLimitError' };

export default () => async (ctx: any, next: () => Promise<unknown>) => {
  await next();
  if (ctx.status < 400 || ctx.state.route?.info?.type === 'admin') return;
  const body = ctx.body;
  const error = body && typeof body === 'object' && !Buffer.isBuffer(body) && typeof body.pipe !== 'function' ? body.error : undefined;
  if (error && typeof error === 'object') {
    if (typeof error.message === 'string' && VIETNAMESE.test(error.message)) return;
    ctx.body = { ...body, data: body.data ?? null, error: { ...error, status: ctx.status, message: publicErrorMessage(ctx.status, String(error.message ?? '')) } };
    return;
  }
  // A bare text answer (koa's own "Not Found", "Method Not Allowed"): the same JSON shape.
  if (body === undefined || body === null || typeof body === 'string') {
    const status = ctx.status;
    ctx.body = { data: null, error: { status, name: ERROR_NAMES[status] ?? (status >= 500 ? 'InternalServerError' : 'HttpError'), message: publicErrorMessage(status, String(body ?? '')), details: {} } };
    ctx.status = status;
  }
};
