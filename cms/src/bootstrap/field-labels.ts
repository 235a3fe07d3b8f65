import type { Core } from '@strapi/strapi';
import { DEBTOR_FIELD_LABELS as DEBTOR } from '@thads/shared';
import { ENFORCEMENT_STAT_LABELS } from '@thads/shared';
import { ALERT_FIELD_LABELS } from '../alerts/labels';
import { AUCTION_NOTICE_LABELS, AUCTION_ORGANIZATION_LABELS, ENFORCEMENT_NOTICE_LABELS, NOTICE_PARTY_LABELS } from '@thads/shared';

/**
 * Vietnamese labels and descriptions of every field, shown by the Content Manager.
 * Strapi keeps them in its view configuration, not in schema.json; they are written at every boot.
 * [label, description?]
 */
type Label = readonly [string, string?];

const COMMON: Record<string, Label> = {
  title: ['Tiêu đề'],
  slug: ['Đường dẫn (slug)', 'Để trống để hệ thống tạo từ tiêu đề (chữ thường, không dấu, "đ" thành "d"). Trước lần xuất bản đầu, đường dẫn đổi theo tiêu đề; sau đó giữ nguyên.'],
  summary: ['Tóm tắt (sapo)', 'Một đến hai câu hiển thị ở danh sách và khi chia sẻ.'],
  body: ['Nội dung'],
  unit: ['Đơn vị', 'Đơn vị thực hiện hoặc chịu trách nhiệm nội dung.'],
  date: ['Ngày đăng', 'Ngày hiển thị trên trang; để trống thì dùng ngày xuất bản.'],
  seo: ['Tối ưu tìm kiếm (SEO)', 'Tiêu đề, mô tả và ảnh khi chia sẻ; để trống thì dùng tiêu đề và tóm tắt.'],
  cover: ['Ảnh đại diện'],
  attachments: ['File đính kèm'],
  name: ['Tên'],
  description: ['Mô tả'],
  order: ['Thứ tự hiển thị', 'Số nhỏ hiển thị trước.'],
  phone: ['Điện thoại'],
  email: ['Thư điện tử'],
  createdAt: ['Ngày tạo'],
  updatedAt: ['Ngày cập nhật'],
  publishedAt: ['Ngày xuất bản'],
  createdBy: ['Người tạo'],
  updatedBy: ['Người cập nhật'],
  id: ['Mã số'],
  documentId: ['Mã tài liệu'],
};

export const FIELD_LABELS: Record<string, Record<string, Label>> = {
  ...ALERT_FIELD_LABELS,
  'api::article.article': {
    gallery: ['Bộ ảnh trong bài'],
    category: ['Chuyên mục'],
    themes: ['Chủ đề truyền thông', 'Một hoặc nhiều trong năm nội dung truyền thông của Kế hoạch 2024–2026.'],
    byline: ['Tác giả (bút danh)', 'Ví dụ: "Minh Anh – Văn phòng".'],
    format: ['Thể loại', 'Tin, bài viết, phỏng vấn, phóng sự, phóng sự ảnh hoặc video.'],
    featured: ['Tin nổi bật', 'Hiển thị ở khu vực nổi bật của trang chủ.'],
    changeNotes: ['Ghi chú đính chính', 'Ghi lại mỗi lần sửa nội dung sau khi đã đăng; hiển thị công khai cuối bài.'],
  },
  'api::legal-qa.legal-qa': {
    title: ['Câu hỏi (tiêu đề)', 'Câu hỏi viết ngắn gọn, dạng câu hỏi.'],
    askerLabel: ['Người hỏi (đã ẩn danh)', 'Ví dụ: "Bạn đọc ở xã Tiên Lữ". Không ghi họ tên đầy đủ.'],
    question: ['Nội dung câu hỏi'],
    answer: ['Nội dung giải đáp'],
    citations: ['Căn cứ pháp lý', 'Văn bản và điều, khoản mà câu trả lời dựa vào.'],
    topic: ['Lĩnh vực'],
    unit: ['Đơn vị trả lời'],
    date: ['Ngày trả lời'],
  },
  'api::story.story': {
    subjectName: ['Tên cá nhân hoặc tập thể'],
    subjectKind: ['Cá nhân hay tập thể'],
    movement: ['Phong trào thi đua'],
    award: ['Hình thức khen thưởng'],
    photos: ['Ảnh'],
  },
  'api::press-release.press-release': {
    number: ['Số thông cáo', 'Ví dụ: 03/TCBC-THADS.'],
    date: ['Ngày phát hành'],
    embargoUntil: ['Cấm đăng trước', 'Thông cáo đã xuất bản chỉ hiện trên trang và nguồn tin từ thời điểm này (giờ Việt Nam); trang công khai tự cập nhật khi đến giờ. Để trống: hiện ngay khi xuất bản.'],
  },
  'api::correction.correction': {
    title: ['Tiêu đề cải chính'],
    falseClaim: ['Thông tin sai lệch', 'Nội dung sai sự thật đã bị đăng tải.'],
    appearances: ['Nơi đăng tải', 'Cơ quan báo chí hoặc trang mạng, đường dẫn và thời điểm đăng.'],
    response: ['Nội dung cải chính', 'Thông tin chính xác và phản hồi của cơ quan.'],
    evidence: ['Tài liệu chứng minh'],
    clippings: ['Tin báo chí liên quan', 'Các mục điểm tin báo chí (nội bộ) dẫn đến cải chính này.'],
  },
  'api::announcement.announcement': {
    kind: ['Loại thông báo'],
    validFrom: ['Hiệu lực từ ngày'],
    validUntil: ['Hết hạn ngày', 'Sau ngày này thông báo chuyển sang mục "đã hết hạn".'],
  },
  'api::legal-document.legal-document': {
    title: ['Trích yếu'],
    slug: ['Đường dẫn (slug)', 'Tạo tự động từ số hiệu.'],
    number: ['Số, ký hiệu', 'Ví dụ: 26/2008/QH12.'],
    docType: ['Loại văn bản'],
    issuer: ['Cơ quan ban hành'],
    issuedDate: ['Ngày ban hành'],
    effectiveDate: ['Ngày có hiệu lực'],
    validity: ['Tình trạng hiệu lực', 'Khi chuyển sang "đã sửa đổi" hoặc "hết hiệu lực", các giải đáp dẫn chiếu văn bản này cần được rà soát.'],
    amendedBy: ['Được sửa đổi, thay thế bởi'],
    amends: ['Sửa đổi, thay thế văn bản'],
    summary: ['Tóm tắt nội dung'],
    file: ['Tệp văn bản'],
    unit: ['Đơn vị đăng tải'],
  },
  'api::gallery.gallery': {
    kind: [
      'Loại',
      'Thư viện ảnh: album ảnh hoạt động. Bộ tư liệu báo chí: ảnh chính thức và tài liệu (giới thiệu cơ quan, số liệu…) để báo chí tải trọn bộ một lần; hiện ở mục "Bộ tư liệu báo chí" của trang Báo chí.',
    ],
    documents: [
      'Tài liệu',
      'Tệp PDF, Word (DOC, DOCX), Excel hoặc OpenDocument, ví dụ thông tin giới thiệu cơ quan. Tên hiển thị là chú thích của tệp trong Thư viện media, không có thì là tên tệp. Được tải riêng từng tệp và nằm trong tệp ZIP của bộ.',
    ],
    items: ['Ảnh', 'Mỗi ảnh cần có mô tả thay thế (alt), chú thích, tác giả và giấy phép; thiếu mô tả thay thế thì không xuất bản được.'],
    videos: ['Video', 'Tệp MP4 hoặc WebM do cơ quan tải lên, kèm ảnh đại diện và phụ đề nếu có.'],
  },
  'api::unit.unit': {
    name: ['Tên đơn vị'],
    shortName: ['Tên viết tắt'],
    kind: ['Loại đơn vị', 'Cơ quan tỉnh, phòng chuyên môn hay phòng khu vực.'],
    address: ['Địa chỉ trụ sở'],
    head: ['Người đứng đầu'],
    headTitle: ['Chức vụ người đứng đầu'],
    receptionSchedule: ['Lịch tiếp công dân'],
    area: ['Địa bàn phụ trách', 'Các xã, phường thuộc phạm vi thi hành án của đơn vị.'],
    description: ['Chức năng, nhiệm vụ'],
    active: ['Đang hoạt động', 'Bỏ chọn khi đơn vị đã sáp nhập hoặc giải thể.'],
    mergedInto: ['Sáp nhập vào đơn vị'],
    mergedUnits: ['Các đơn vị đã sáp nhập vào'],
    parent: ['Đơn vị cấp trên', 'Dùng để vẽ sơ đồ tổ chức: các phòng chuyên môn và Phòng THADS khu vực thuộc Thi hành án dân sự tỉnh.'],
    children: ['Các đơn vị trực thuộc'],
  },
  'api::category.category': { name: ['Tên chuyên mục'], articles: ['Tin, bài'] },
  'api::topic.topic': { name: ['Tên lĩnh vực'], legalQas: ['Giải đáp pháp luật'] },
  'api::district.district': { name: ['Tên địa bàn', 'Tên huyện, thị xã, thành phố trước ngày 01/7/2025, kèm "(cũ)".'] },
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
  'api::site-setting.site-setting': {
    agencyName: ['Tên cơ quan'],
    agencyShortName: ['Tên viết tắt'],
    parentAgency: ['Cơ quan cấp trên'],
    portalName: ['Tên trang thông tin điện tử'],
    tagline: ['Khẩu hiệu'],
    logo: ['Biểu trưng (logo)'],
    address: ['Địa chỉ'],
    fax: ['Fax'],
    workingHours: ['Giờ làm việc'],
    licence: ['Giấy phép', 'Thông tin giấy phép hiển thị ở chân trang (bắt buộc theo quy định).'],
    responsiblePerson: ['Người chịu trách nhiệm chính'],
    dataProtectionContact: ['Đầu mối bảo vệ dữ liệu cá nhân', 'Bộ phận, địa chỉ, điện thoại, thư điện tử tiếp nhận yêu cầu của người dân về dữ liệu cá nhân; hiện ở Thông báo xử lý dữ liệu cá nhân.'],
    accessibilityContact: ['Liên hệ về khả năng tiếp cận', 'Nơi người dùng báo khi gặp khó khăn truy cập trang; hiện ở Tuyên bố về khả năng tiếp cận.'],
    accessibilityReviewedOn: ['Ngày rà soát khả năng tiếp cận', 'Ngày kiểm tra, cập nhật Tuyên bố về khả năng tiếp cận gần nhất.'],
    copyright: ['Bản quyền'],
    about: ['Giới thiệu cơ quan'],
    description: ['Mô tả cho công cụ tìm kiếm', 'Tối đa 170 ký tự.'],
  },
  'api::spokesperson.spokesperson': {
    spokesperson: ['Người phát ngôn'],
    deputy: ['Người được ủy quyền phát ngôn'],
    note: ['Ghi chú cho báo chí'],
  },
  'api::debtor-listing.debtor-listing': {
    name: [DEBTOR.name, 'Họ và tên cá nhân hoặc tên đầy đủ của tổ chức, như trong quyết định.'],
    kind: [DEBTOR.kind],
    address: [DEBTOR.address, 'Nơi cư trú hoặc trụ sở; chưa xác định được địa chỉ thì ghi địa chỉ cuối cùng đã biết.'],
    judgmentNumber: [DEBTOR.judgmentNumber, 'Ví dụ: 15/2023/DS-ST.'],
    judgmentDate: [DEBTOR.judgmentDate],
    court: [DEBTOR.court, 'Tòa án đã ra bản án, quyết định.'],
    obligation: [DEBTOR.obligation],
    reason: [DEBTOR.reason, 'Khoản 1 Điều 44a Luật Thi hành án dân sự: không có thu nhập, tài sản (điểm a); vật, giấy tờ phải trả không còn (điểm b); chưa xác định được địa chỉ (điểm c).'],
    decisionNumber: [DEBTOR.decisionNumber, 'Ví dụ: 12/QĐ-THADS.'],
    decisionDate: [DEBTOR.decisionDate],
    unit: [DEBTOR.unit, 'Cơ quan thi hành án đã ra quyết định.'],
    state: [DEBTOR.state, 'Chọn "Đã giải quyết", ghi hình thức và ngày giải quyết rồi bấm Lưu: mục được gỡ khỏi trang công khai ngay, lịch sử vẫn giữ ở đây.'],
    resolutionKind: [DEBTOR.resolutionKind, 'Bắt buộc khi đã giải quyết.'],
    resolutionDate: [DEBTOR.resolutionDate, 'Bắt buộc khi đã giải quyết.'],
    resolutionNote: [DEBTOR.resolutionNote, 'Không công khai.'],
    importKey: ['Khóa nhận diện (tự tạo)', 'Đơn vị, số quyết định và tên: nhờ đó nhập lại cùng một tệp không tạo bản trùng. Không cần sửa.'],
    history: ['Lịch sử thay đổi (không công khai)', 'Ghi tự động mỗi lần đưa vào, sửa, giải quyết hoặc đưa lại vào danh sách.'],
  },
  'api::enforcement-stat.enforcement-stat': ENFORCEMENT_STAT_LABELS,
  'api::enforcement-notice.enforcement-notice': ENFORCEMENT_NOTICE_LABELS,
  'api::auction-notice.auction-notice': AUCTION_NOTICE_LABELS,
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
  return own ?? (isComponent ? undefined : COMMON[field]);
}

const MAIN_FIELD: Record<string, string> = {
  'api::unit.unit': 'name',
  'api::category.category': 'name',
  'api::topic.topic': 'name',
  'api::district.district': 'name',
  'api::legal-document.legal-document': 'number',
  'api::information-request.information-request': 'trackingCode',
  'api::public-holiday.public-holiday': 'name',
  'api::press-request.press-request': 'subject',
  'api::press-outlet.press-outlet': 'name',
  'api::citizen-question.citizen-question': 'trackingCode',
  'api::debtor-listing.debtor-listing': 'name',
  'api::enforcement-stat.enforcement-stat': 'year',
  'api::page-feedback.page-feedback': 'pageTitle',
};

/** Columns of each list view in the Content Manager: what an editor scans a list by. */
export const LIST_COLUMNS: Record<string, string[]> = {
  'api::article.article': ['title', 'category', 'unit', 'date', 'format'],
  'api::legal-qa.legal-qa': ['title', 'topic', 'unit', 'date'],
  'api::story.story': ['title', 'subjectName', 'unit', 'date'],
  'api::press-release.press-release': ['number', 'title', 'date', 'embargoUntil'],
  'api::correction.correction': ['title', 'date'],
  'api::announcement.announcement': ['title', 'kind', 'validUntil', 'unit'],
  'api::legal-document.legal-document': ['number', 'title', 'docType', 'validity', 'issuedDate'],
  'api::gallery.gallery': ['title', 'kind', 'unit', 'date'],
  'api::unit.unit': ['name', 'kind', 'phone', 'active'],
  'api::category.category': ['name', 'slug', 'order'],
  'api::topic.topic': ['name', 'slug', 'order'],
  'api::district.district': ['name', 'slug', 'order'],
  'api::citizen-question.citizen-question': ['trackingCode', 'name', 'topic', 'state', 'assignedUnit', 'createdAt'],
  'api::information-request.information-request': ['trackingCode', 'fullName', 'receivedOn', 'complex', 'noticeDue', 'deadline', 'state'],
  'api::public-holiday.public-holiday': ['date', 'name', 'kind', 'provisional'],
  'api::press-request.press-request': ['trackingCode', 'journalistName', 'outlet', 'subject', 'deadline', 'state'],
  'api::press-clipping.press-clipping': ['title', 'outlet', 'date', 'tone', 'needsResponse'],
  'api::press-outlet.press-outlet': ['name', 'feedUrl', 'active', 'lastImportAt', 'lastImportOk'],
  'api::plan-task.plan-task': ['code', 'title', 'leadUnit', 'progress'],
  'api::debtor-listing.debtor-listing': ['name', 'decisionNumber', 'unit', 'state', 'updatedAt'],
  'api::enforcement-stat.enforcement-stat': ['year', 'unit', 'casesTotal', 'casesCompleted', 'amountCompleted'],
  'api::enforcement-notice.enforcement-notice': ['title', 'kind', 'unit', 'publishedUntil'],
  'api::auction-notice.auction-notice': ['title', 'assetType', 'district', 'auctionAt', 'publishedUntil'],
  'api::page-feedback.page-feedback': ['pageTitle', 'path', 'helpful', 'comment', 'createdAt'],
};

function applyLabels(configuration: any, labels: (field: string) => Label | undefined) {
  for (const [field, meta] of Object.entries<any>(configuration.metadatas ?? {})) {
    const label = labels(field);
    if (!label) continue;
    if (meta.edit) {
      meta.edit.label = label[0];
      if (label[1]) meta.edit.description = label[1];
    }
    if (meta.list) meta.list.label = label[0];
  }
  return configuration;
}

/** Writes the Vietnamese labels into the Content Manager configuration (read, modify, write back). */
export async function applyFieldLabels(strapi: Core.Strapi): Promise<void> {
  const cm = strapi.plugin('content-manager');
  const ctService = cm.service('content-types') as any;
  const compService = cm.service('components') as any;
  for (const uid of Object.keys(FIELD_LABELS)) {
    const contentType = ctService.findContentType(uid);
    if (!contentType) continue;
    const conf = await ctService.findConfiguration(contentType);
    applyLabels(conf, (f) => labelFor(uid, f));
    if (MAIN_FIELD[uid]) conf.settings.mainField = MAIN_FIELD[uid];
    if (LIST_COLUMNS[uid]) conf.layouts.list = LIST_COLUMNS[uid];
    conf.settings.defaultSortBy = 'updatedAt';
    conf.settings.defaultSortOrder = 'DESC';
    const { uid: _uid, ...rest } = conf;
    await ctService.updateConfiguration(contentType, rest);
  }
  for (const uid of Object.keys(COMPONENT_LABELS)) {
    const component = compService.findComponent(uid);
    if (!component) continue;
    const conf = await compService.findConfiguration(component);
    applyLabels(conf, (f) => labelFor(uid, f, true));
    const { uid: _uid, category: _c, ...rest } = conf;
    await compService.updateConfiguration(component, rest);
  }
}
