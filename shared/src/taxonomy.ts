/**
 * Fixed vocabularies of the domain, with the Vietnamese labels users read.
 * Units, categories and topics are data in the CMS; these are the enumerations the schemas use.
 */
const entries = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as [K, ...K[]];

/** The five communication themes of the 2024–2026 plan (section II.2). */
export const THEME_LABELS = {
  'chinh-sach-phap-luat': 'Chủ trương, chính sách, pháp luật về thi hành án dân sự',
  'no-luc-phuc-vu': 'Nỗ lực của cơ quan, công chức thi hành án phục vụ người dân, doanh nghiệp',
  'y-thuc-chap-hanh': 'Ý thức chấp hành pháp luật trong thi hành án',
  'guong-dien-hinh': 'Gương người tốt, việc tốt, điển hình tiên tiến',
  'van-de-du-luan': 'Vấn đề dư luận xã hội quan tâm',
} as const;
export const THEMES = entries(THEME_LABELS);
export type Theme = keyof typeof THEME_LABELS;

export const ARTICLE_FORMAT_LABELS = {
  tin: 'Tin',
  'bai-viet': 'Bài viết',
  'phong-van': 'Phỏng vấn',
  'phong-su': 'Phóng sự',
  anh: 'Phóng sự ảnh',
  video: 'Video',
} as const;
export const ARTICLE_FORMATS = entries(ARTICLE_FORMAT_LABELS);
export type ArticleFormat = keyof typeof ARTICLE_FORMAT_LABELS;

export const UNIT_KIND_LABELS = {
  agency: 'Cơ quan thi hành án dân sự tỉnh',
  division: 'Phòng chuyên môn',
  'regional-office': 'Phòng Thi hành án dân sự khu vực',
} as const;
export const UNIT_KINDS = entries(UNIT_KIND_LABELS);
export type UnitKind = keyof typeof UNIT_KIND_LABELS;

export const DOC_TYPE_LABELS = {
  luat: 'Luật',
  'bo-luat': 'Bộ luật',
  'nghi-dinh': 'Nghị định',
  'thong-tu': 'Thông tư',
  'quyet-dinh': 'Quyết định',
  'nghi-quyet': 'Nghị quyết',
  'ke-hoach': 'Kế hoạch',
  'cong-van': 'Công văn',
} as const;
export const DOC_TYPES = entries(DOC_TYPE_LABELS);
export type DocType = keyof typeof DOC_TYPE_LABELS;

export const DOC_STATUS_LABELS = {
  'con-hieu-luc': 'Còn hiệu lực',
  'da-sua-doi': 'Đã được sửa đổi, bổ sung',
  'het-hieu-luc': 'Hết hiệu lực',
} as const;
export const DOC_STATUSES = entries(DOC_STATUS_LABELS);
export type DocStatus = keyof typeof DOC_STATUS_LABELS;

export const ANNOUNCEMENT_KIND_LABELS = {
  'dau-gia': 'Thông báo đấu giá tài sản',
  'thong-bao-thi-hanh-an': 'Thông báo thi hành án',
  'tuyen-dung': 'Thông báo tuyển dụng',
  khac: 'Thông báo khác',
} as const;
export const ANNOUNCEMENT_KINDS = entries(ANNOUNCEMENT_KIND_LABELS);
export type AnnouncementKind = keyof typeof ANNOUNCEMENT_KIND_LABELS;

export const STORY_SUBJECT_LABELS = { 'ca-nhan': 'Cá nhân', 'tap-the': 'Tập thể' } as const;
export const STORY_SUBJECTS = entries(STORY_SUBJECT_LABELS);
export type StorySubject = keyof typeof STORY_SUBJECT_LABELS;

/** What a gallery is: an album of photos, or a media kit for the press (photos and documents, downloaded in one ZIP). */
export const GALLERY_KIND_LABELS = { album: 'Thư viện ảnh', 'media-kit': 'Bộ tư liệu báo chí' } as const;
export const GALLERY_KINDS = entries(GALLERY_KIND_LABELS);
export type GalleryKind = keyof typeof GALLERY_KIND_LABELS;

export const PHOTO_SCENES = ['hoi-nghi', 'tru-so', 'cuong-che', 'tiep-cong-dan', 'trao-thuong', 'dau-gia', 'tuyen-truyen', 'ky-ket', 'tap-huan'] as const;
export type PhotoScene = (typeof PHOTO_SCENES)[number];

/** Status of a citizen's question, as the citizen reads it. */
export const QUESTION_STATUS_LABELS = {
  received: 'Đã tiếp nhận',
  assigned: 'Đang xử lý',
  answered: 'Đã trả lời',
  published: 'Đã công bố giải đáp',
  closed: 'Đã đóng',
} as const;
export const QUESTION_STATUSES = entries(QUESTION_STATUS_LABELS);

export const PRESS_REQUEST_STATUS_LABELS = {
  received: 'Đã tiếp nhận',
  assigned: 'Đang xử lý',
  answered: 'Đã trả lời',
  closed: 'Đã đóng',
} as const;
export const PRESS_REQUEST_STATUSES = entries(PRESS_REQUEST_STATUS_LABELS);

export const CLIPPING_TONE_LABELS = { 'tich-cuc': 'Tích cực', 'trung-tinh': 'Trung tính', 'tieu-cuc': 'Tiêu cực' } as const;
export const CLIPPING_TONES = entries(CLIPPING_TONE_LABELS);

export const PLAN_TASK_STATUS_LABELS = { 'chua-bat-dau': 'Chưa bắt đầu', 'dang-thuc-hien': 'Đang thực hiện', 'hoan-thanh': 'Hoàn thành' } as const;
export const PLAN_TASK_STATUSES = entries(PLAN_TASK_STATUS_LABELS);
