/**
 * What the public forms show and the CMS stores beside their schemas: the consent texts, the labels of the
 * choices, limits. A module without zod, so that a form's first load carries its texts and not its schema
 * (the schemas come with the first touch of the form: site/src/components/islands/forms/schemas.ts).
 * Re-exported by the schema modules they belong to.
 */

/** Purpose and retention the citizen agrees to; stored with each question as given. */
export const QUESTION_CONSENT_TEXT =
  'Tôi đồng ý để cơ quan thi hành án dân sự sử dụng họ tên và thông tin liên hệ của tôi chỉ để trả lời câu hỏi này. ' +
  'Câu hỏi có thể được công bố dưới dạng ẩn danh. Thông tin cá nhân được xoá sau khi việc trả lời kết thúc theo thời hạn lưu trữ của cơ quan.';

export const PRESS_CONSENT_TEXT =
  'Tôi đồng ý để cơ quan thi hành án dân sự sử dụng thông tin cá nhân và thông tin cơ quan báo chí của tôi chỉ để xử lý đề nghị này; ' +
  'thông tin được xoá sau khi việc trả lời kết thúc theo thời hạn lưu trữ của cơ quan.';

export const INFORMATION_CONSENT_TEXT =
  'Tôi đồng ý để cơ quan thi hành án dân sự sử dụng họ tên, địa chỉ, số giấy tờ tùy thân và thông tin liên hệ của tôi chỉ để giải quyết yêu cầu cung cấp thông tin này. ' +
  'Thông tin cá nhân được xoá sau khi việc giải quyết kết thúc theo thời hạn lưu trữ của cơ quan.';

export const INFORMATION_REQUEST_STATUS_LABELS = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  extended: 'Đã thông báo gia hạn',
  answered: 'Đã trả lời',
  refused: 'Từ chối cung cấp',
  closed: 'Đã đóng',
} as const;
export type InformationRequestState = keyof typeof INFORMATION_REQUEST_STATUS_LABELS;

/** Art. 24(2)(c) and art. 30–31: how the information is delivered. */
export const INFORMATION_DELIVERY_LABELS = {
  email: 'Qua thư điện tử',
  post: 'Qua dịch vụ bưu chính',
  'in-person': 'Nhận trực tiếp tại trụ sở cơ quan',
} as const;
export type InformationDelivery = keyof typeof INFORMATION_DELIVERY_LABELS;

export const FEEDBACK_COMMENT_MAX = 1000;
