import { AUCTION_ORGANIZATION_LABELS, COMMON_LABELS, NOTICE_PARTY_LABELS, PUBLIC_MODELS, type FieldLabel } from '@thads/shared';
import { ALERT_FIELD_LABELS } from './alerts/labels';

/**
 * Vietnamese labels and descriptions of every field, shown by the Content Manager (written into its view
 * configuration at every boot by bootstrap/field-labels.ts; the history and media rules name fields with them).
 * The public types' own come from their models in @thads/shared; the private types' and the components' are here.
 * [label, description?]
 */
export type Label = FieldLabel;

/** The public types' labels, main fields and list columns, from their models. */
const fromModels = <T>(pick: (m: (typeof PUBLIC_MODELS)[number]) => T | undefined) =>
  Object.fromEntries(PUBLIC_MODELS.flatMap((m) => {
    const value = pick(m);
    return value === undefined ? [] : [[m.uid, value] as const];
  }));


export const FIELD_LABELS: Record<string, Readonly<Record<string, Label>>> = {
  ...fromModels((m) => m.labels),
  ...ALERT_FIELD_LABELS,
  'api::citizen-question.citizen-question': {
    trackingCode: ['Mã tra cứu'],
    name: ['Họ tên người hỏi'],
    locality: ['Địa phương'],
    topic: ['Lĩnh vực'],
    question: ['Nội dung câu hỏi'],
    consentAt: ['Thời điểm đồng ý xử lý dữ liệu'],
    consentText: ['Nội dung đã đồng ý'],
    state: ['Trạng thái xử lý'],
    assignedUnit: ['Đơn vị được giao'],
    answer: ['Nội dung trả lời'],
    publishedQa: ['Giải đáp đã công bố'],
    internalNote: ['Ghi chú nội bộ'],
    erasedAt: ['Thời điểm xoá dữ liệu cá nhân', 'Đặt tự động khi dữ liệu cá nhân được xoá (hết thời hạn lưu trữ hoặc theo yêu cầu).'],
  },
  'api::information-request.information-request': {
    trackingCode: ['Mã tra cứu'],
    fullName: ['Họ và tên người yêu cầu'],
    address: ['Nơi cư trú, địa chỉ'],
    idNumber: ['Số CMND, căn cước hoặc hộ chiếu'],
    information: ['Thông tin yêu cầu cung cấp'],
    purpose: ['Mục đích yêu cầu'],
    delivery: ['Hình thức nhận thông tin'],
    consentAt: ['Thời điểm đồng ý xử lý dữ liệu'],
    consentText: ['Nội dung đã đồng ý'],
    receivedOn: ['Ngày nhận yêu cầu hợp lệ', 'Thời hạn tính từ ngày này, theo ngày làm việc (không kể ngày nhận). Yêu cầu gửi qua trang web: ngày gửi.'],
    complex: ['Thông tin phức tạp', 'Đánh dấu khi thông tin không có sẵn, cần tập hợp từ nhiều bộ phận hoặc cần ý kiến cơ quan khác: thông báo thời hạn trong 3 ngày làm việc, trả lời trong 15 ngày làm việc (Luật Tiếp cận thông tin, điều 31).'],
    extended: ['Đã gia hạn', 'Gia hạn thêm 15 ngày làm việc, phải thông báo bằng văn bản cho người yêu cầu trong thời hạn. Tự đánh dấu khi chọn trạng thái "Đã thông báo gia hạn".'],
    noticeDue: ['Hạn thông báo thời hạn giải quyết', 'Tính tự động khi là thông tin phức tạp: 3 ngày làm việc kể từ ngày nhận. Không sửa tay.'],
    noticeSentOn: ['Ngày đã gửi thông báo', 'Ngày gửi văn bản thông báo thời hạn giải quyết (thông tin phức tạp).'],
    deadline: ['Hạn trả lời', 'Tính tự động theo ngày làm việc (trừ thứ Bảy, Chủ nhật và danh sách "Ngày nghỉ lễ, Tết"): 5 ngày; thông tin phức tạp 15 ngày; gia hạn thêm 15 ngày. Không sửa tay.'],
    state: ['Trạng thái xử lý'],
    assignedUnit: ['Đơn vị được giao'],
    response: ['Nội dung trả lời hoặc lý do từ chối'],
    respondedOn: ['Ngày trả lời'],
    internalNote: ['Ghi chú nội bộ'],
    erasedAt: ['Thời điểm xoá dữ liệu cá nhân', 'Đặt tự động khi dữ liệu cá nhân được xoá (hết thời hạn lưu trữ hoặc theo yêu cầu).'],
  },
  'api::public-holiday.public-holiday': {
    date: ['Ngày'],
    name: ['Tên ngày nghỉ'],
    kind: ['Loại ngày', 'Ngày lễ, Tết và ngày nghỉ bù, nghỉ hoán đổi không tính là ngày làm việc; ngày làm việc bù (thứ Bảy, Chủ nhật) được tính.'],
    provisional: ['Dự kiến', 'Chưa có văn bản chính thức: cập nhật khi Chính phủ công bố lịch nghỉ năm đó.'],
    source: ['Căn cứ'],
  },
  'api::press-request.press-request': {
    trackingCode: ['Mã tra cứu'],
    journalistName: ['Họ tên nhà báo'],
    outlet: ['Cơ quan báo chí'],
    pressCard: ['Số thẻ nhà báo'],
    subject: ['Chủ đề đề nghị'],
    questions: ['Nội dung câu hỏi, thông tin đề nghị'],
    wishedDeadline: ['Thời hạn mong muốn'],
    deadline: ['Thời hạn trả lời'],
    state: ['Trạng thái xử lý'],
    assignedUnit: ['Đơn vị được giao'],
    response: ['Nội dung trả lời'],
    respondedAt: ['Thời điểm trả lời'],
    erasedAt: ['Thời điểm xoá dữ liệu cá nhân', 'Đặt tự động khi dữ liệu cá nhân được xoá (hết thời hạn lưu trữ hoặc theo yêu cầu).'],
  },
  'api::press-clipping.press-clipping': {
    title: ['Tiêu đề bài báo'],
    outlet: ['Cơ quan báo chí, trang mạng'],
    url: ['Đường dẫn'],
    date: ['Ngày đăng'],
    summary: ['Tóm tắt nội dung'],
    tone: ['Sắc thái'],
    needsResponse: ['Cần phản hồi', 'Đánh dấu khi cần phản hồi hoặc cải chính.'],
    corrections: ['Cải chính liên quan'],
    alsoIn: ['Cũng đăng trên', 'Các báo, trang khác đăng cùng tin (gộp tự động khi nhập từ nguồn tin, hoặc ghi tay).'],
    canonicalUrl: ['Đường dẫn chuẩn hoá (tự động)', 'Điền tự động từ đường dẫn; dùng để nhận biết tin trùng khi nhập từ nguồn tin.'],
    titleKey: ['Khoá tiêu đề (tự động)', 'Tiêu đề không dấu khi tin được ghi nhận; dùng để gộp cùng một tin đăng trên nhiều báo trong ngày.'],
  },
  'api::press-outlet.press-outlet': {
    name: ['Tên cơ quan báo chí, trang tin'],
    homepage: ['Trang chủ'],
    feedUrl: ['Địa chỉ nguồn tin (RSS/Atom)', 'Ví dụ: https://baodiaphuong.vn/rss/phap-luat.rss. Hệ thống chỉ tải nguồn tin đang bật.'],
    active: ['Đang theo dõi', 'Bật để nhập tin tự động theo lịch và khi bấm “Nhập tin từ các báo”.'],
    keywords: ['Từ khoá riêng', 'Mỗi dòng một từ khoá; dùng thêm vào từ khoá chung. So khớp không phân biệt hoa thường, có dấu hay không dấu.'],
    lastImportAt: ['Lần nhập gần nhất'],
    lastImportOk: ['Lần nhập gần nhất thành công'],
    lastImportResult: ['Kết quả lần nhập gần nhất'],
  },
  'api::press-monitoring-setting.press-monitoring-setting': {
    keywords: ['Từ khoá chung', 'Mỗi dòng một từ khoá (ví dụ: thi hành án, tên tỉnh). Tin của mọi nguồn tin có một trong các từ khoá này (hoặc từ khoá riêng của nguồn) ở tiêu đề hay tóm tắt thì được nhập.'],
  },
  'api::plan-task.plan-task': {
    code: ['Mã nhiệm vụ', 'Ví dụ: 4.1.a.'],
    title: ['Tên nhiệm vụ'],
    description: ['Nội dung nhiệm vụ'],
    leadUnit: ['Đơn vị chủ trì'],
    coordinatingUnits: ['Đơn vị phối hợp'],
    externalPartners: ['Cơ quan phối hợp bên ngoài', 'Cơ quan báo chí, truyền thông… không thuộc hệ thống THADS.'],
    product: ['Sản phẩm'],
    timing: ['Thời gian thực hiện'],
    progress: ['Tình trạng'],
    evidence: ['Tin, bài minh chứng'],
    evidenceQas: ['Giải đáp pháp luật minh chứng'],
    evidenceStories: ['Gương điển hình minh chứng'],
    evidencePressReleases: ['Thông cáo báo chí minh chứng'],
    evidenceCorrections: ['Cải chính thông tin minh chứng'],
    evidenceGalleries: ['Thư viện ảnh minh chứng'],
  },
  'api::page-feedback.page-feedback': {
    path: ['Địa chỉ trang'],
    pageTitle: ['Tên trang'],
    helpful: ['Hữu ích', 'Câu trả lời của bạn đọc cho câu hỏi "Trang này có hữu ích không?".'],
    comment: ['Góp ý', 'Không kèm thông tin cá nhân của người gửi.'],
  },
  'api::history-entry.history-entry': {
    action: ['Thao tác'],
    targetUid: ['Loại nội dung'],
    targetDocumentId: ['Mã tài liệu'],
    title: ['Tiêu đề (khi ghi)'],
    changedFields: ['Các trường đã sửa'],
    note: ['Ghi chú'],
    actorKind: ['Loại người thực hiện'],
    actorId: ['Mã người dùng quản trị'],
    actorName: ['Người thực hiện'],
  },
  'api::former-address.former-address': {
    targetUid: ['Loại nội dung'],
    targetDocumentId: ['Mã tài liệu'],
    locale: ['Ngôn ngữ'],
    slug: ['Đường dẫn cũ'],
  },
  'api::review-item.review-item': {
    kind: ['Loại mục duyệt'],
    state: ['Trạng thái duyệt'],
    targetUid: ['Loại nội dung'],
    targetDocumentId: ['Mã tài liệu'],
    title: ['Tiêu đề'],
    unitName: ['Đơn vị'],
    submittedById: ['Mã người gửi'],
    submittedByName: ['Người gửi'],
    submittedAt: ['Thời điểm gửi'],
    decidedById: ['Mã người xử lý'],
    decidedByName: ['Người xử lý'],
    decidedAt: ['Thời điểm xử lý'],
    comments: ['Ý kiến trao đổi'],
    legalDocuments: ['Văn bản đã thay đổi hiệu lực'],
  },
};

export const COMPONENT_LABELS: Record<string, Record<string, Label>> = {
  'shared.seo': { metaTitle: ['Tiêu đề SEO', 'Tối đa 70 ký tự.'], metaDescription: ['Mô tả SEO', 'Tối đa 170 ký tự.'], shareImage: ['Ảnh khi chia sẻ'] },
  'shared.photo': {
    image: ['Ảnh'],
    alt: ['Mô tả thay thế (alt)', 'Mô tả nội dung ảnh cho người khiếm thị; bắt buộc.'],
    caption: ['Chú thích ảnh'],
    credit: ['Tác giả ảnh', 'Ví dụ: "Ảnh: Thu Hà".'],
    licence: ['Giấy phép sử dụng', 'Ví dụ: CC BY 4.0.'],
  },
  'shared.attachment': { title: ['Tên tài liệu'], file: ['Tệp'] },
  'shared.change-note': { date: ['Thời điểm sửa'], note: ['Nội dung sửa'] },
  'shared.legal-citation': { document: ['Văn bản'], article: ['Điều', 'Ví dụ: Điều 30.'], clause: ['Khoản, điểm', 'Ví dụ: khoản 1.'], note: ['Ghi chú'] },
  'shared.person-contact': { name: ['Họ và tên'], title: ['Chức vụ'], phone: ['Điện thoại'], email: ['Thư điện tử'] },
  'shared.appearance': { outlet: ['Cơ quan báo chí, trang mạng'], url: ['Đường dẫn'], date: ['Thời điểm đăng'] },
  'shared.link': { title: ['Tên'], url: ['Đường dẫn'] },
  'shared.theme': { code: ['Chủ đề'] },
  'notice.party': NOTICE_PARTY_LABELS,
  'notice.auction-organization': AUCTION_ORGANIZATION_LABELS,
  'debtor.status-event': { at: ['Thời điểm'], event: ['Sự việc'], by: ['Người thực hiện'], note: ['Nội dung'] },
  'shared.video': {
    file: ['Tệp video', 'MP4 (H.264) hoặc WebM; nên dưới 50 MB. Thông tin vị trí trong tệp video không được tự động xoá: hãy xuất video không kèm vị trí.'],
    title: ['Tên video', 'Đọc cho người dùng trình đọc màn hình; bắt buộc.'],
    caption: ['Chú thích'],
    credit: ['Tác giả', 'Ví dụ: "Video: Văn phòng THADS tỉnh".'],
    licence: ['Giấy phép sử dụng'],
    poster: ['Ảnh đại diện của video', 'Hiển thị trước khi bấm phát.'],
    captions: ['Phụ đề (tệp .vtt)', 'Tệp phụ đề WebVTT tiếng Việt cho người khiếm thính.'],
  },
};

/** The label of a field, or undefined when none is defined (a test fails then). */
export function labelFor(uid: string, field: string, isComponent = false): Label | undefined {
  const own = (isComponent ? COMPONENT_LABELS : FIELD_LABELS)[uid]?.[field];
  return own ?? (isComponent ? undefined : COMMON_LABELS[field]);
}

export const MAIN_FIELD: Record<string, string> = {
  ...fromModels((m) => m.mainField),
  'api::information-request.information-request': 'trackingCode',
  'api::public-holiday.public-holiday': 'name',
  'api::press-request.press-request': 'subject',
  'api::press-outlet.press-outlet': 'name',
  'api::citizen-question.citizen-question': 'trackingCode',
  'api::page-feedback.page-feedback': 'pageTitle',
};

/** Columns of each list view in the Content Manager: what an editor scans a list by. */
export const LIST_COLUMNS: Record<string, readonly string[]> = {
  ...fromModels((m) => m.listColumns),
  'api::citizen-question.citizen-question': ['trackingCode', 'name', 'topic', 'state', 'assignedUnit', 'createdAt'],
  'api::information-request.information-request': ['trackingCode', 'fullName', 'receivedOn', 'complex', 'noticeDue', 'deadline', 'state'],
  'api::public-holiday.public-holiday': ['date', 'name', 'kind', 'provisional'],
  'api::press-request.press-request': ['trackingCode', 'journalistName', 'outlet', 'subject', 'deadline', 'state'],
  'api::press-clipping.press-clipping': ['title', 'outlet', 'date', 'tone', 'needsResponse'],
  'api::press-outlet.press-outlet': ['name', 'feedUrl', 'active', 'lastImportAt', 'lastImportOk'],
  'api::plan-task.plan-task': ['code', 'title', 'leadUnit', 'progress'],
  'api::page-feedback.page-feedback': ['pageTitle', 'path', 'helpful', 'comment', 'createdAt'],
};
