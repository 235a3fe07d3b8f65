/**
 * The privacy notice of every public form (what is collected, why, who sees
 * it, how long it is kept), in one place: the notice page (/bao-ve-du-lieu-ca-nhan/) lists them all, each
 * form links to its own section. Retention periods come from the CMS's settings (GET /api/intake/policy).
 */
import type { IntakePolicy } from '@thads/shared';

export type FormNotice = {
  /** Anchor of the form's section on the privacy page. */
  id: string;
  name: string;
  /** The form's page, when it has one of its own. */
  href: string | null;
  purpose: string;
  data: string[];
  /** Who may read what was sent. */
  recipients: string;
  retention: string;
};

/** The retention sentence for inboxes whose personal data is erased `days` after the item is closed. */
const erasedAfter = (days: number, closed: string) =>
  days > 0
    ? `Thông tin cá nhân được xoá tự động ${days} ngày sau khi ${closed}; cơ quan xoá sớm hơn khi bạn yêu cầu. Nội dung đã ẩn danh có thể được giữ để thống kê, báo cáo.`
    : `Thông tin cá nhân được xoá khi ${closed} và bạn yêu cầu xoá; cơ quan không giữ lâu hơn thời hạn cần thiết.`;

export function formNotices(policy: IntakePolicy): FormNotice[] {
  return [
    {
      id: 'cau-hoi',
      name: 'Gửi câu hỏi pháp luật và tra cứu câu hỏi',
      href: '/hoi-dap/gui-cau-hoi/',
      purpose:
        'Trả lời câu hỏi của bạn, liên hệ lại khi cần làm rõ, cho bạn tra cứu tình trạng xử lý bằng mã tra cứu. Câu hỏi và câu trả lời có thể được đăng công khai dưới dạng ẩn danh ("Bạn đọc ở …"), không kèm họ tên hay thông tin liên hệ.',
      data: ['Họ và tên', 'Số điện thoại hoặc thư điện tử (ít nhất một)', 'Địa phương (nếu bạn ghi)', 'Lĩnh vực và nội dung câu hỏi', 'Thời điểm và nội dung bạn đồng ý xử lý dữ liệu', 'Mã tra cứu do hệ thống cấp'],
      recipients: 'Tổ Biên tập và công chức của đơn vị được giao trả lời; không cung cấp cho tổ chức, cá nhân khác, trừ trường hợp pháp luật quy định.',
      retention: erasedAfter(policy.retentionDays, 'câu hỏi được trả lời xong hoặc đóng'),
    },
    {
      id: 'bao-chi',
      name: 'Đề nghị cung cấp thông tin của báo chí',
      href: '/bao-chi/de-nghi-cung-cap-thong-tin/',
      purpose: `Xử lý và trả lời đề nghị cung cấp thông tin, phỏng vấn của nhà báo, cơ quan báo chí (thời hạn trả lời mặc định ${policy.pressResponseWorkingDays} ngày làm việc); liên hệ lại về đề nghị.`,
      data: ['Họ và tên nhà báo', 'Cơ quan báo chí', 'Số thẻ nhà báo (nếu bạn ghi)', 'Số điện thoại hoặc thư điện tử', 'Chủ đề, nội dung đề nghị và thời hạn mong muốn', 'Thời điểm và nội dung bạn đồng ý xử lý dữ liệu'],
      recipients: 'Người phát ngôn, người được giao nhiệm vụ phát ngôn và công chức giúp việc trả lời báo chí.',
      retention: erasedAfter(policy.retentionDays, 'đề nghị được trả lời xong hoặc đóng'),
    },
    {
      id: 'yeu-cau-thong-tin',
      name: 'Yêu cầu cung cấp thông tin (Luật Tiếp cận thông tin)',
      href: '/yeu-cau-cung-cap-thong-tin/',
      purpose:
        'Giải quyết yêu cầu cung cấp thông tin của công dân theo Luật Tiếp cận thông tin năm 2016: xác định người yêu cầu như Điều 24 của Luật quy định, tính thời hạn, gửi thông tin theo hình thức bạn chọn, cho bạn tra cứu tình trạng bằng mã tra cứu.',
      data: ['Họ và tên', 'Nơi cư trú, địa chỉ', 'Số căn cước, chứng minh nhân dân hoặc hộ chiếu (Luật yêu cầu)', 'Số điện thoại hoặc thư điện tử', 'Thông tin yêu cầu cung cấp, mục đích và hình thức nhận', 'Thời điểm và nội dung bạn đồng ý xử lý dữ liệu', 'Mã tra cứu do hệ thống cấp'],
      recipients: 'Bộ phận đầu mối cung cấp thông tin và công chức được giao giải quyết yêu cầu.',
      retention: erasedAfter(policy.retentionDays, 'yêu cầu được giải quyết xong hoặc đóng'),
    },
    {
      id: 'phan-hoi-trang',
      name: 'Phản hồi "Trang này có hữu ích không?"',
      href: null,
      purpose: 'Biết trang nào hữu ích, trang nào cần viết lại cho rõ. Phản hồi không được trả lời riêng.',
      data: [
        'Địa chỉ và tên trang bạn đang đọc',
        'Câu trả lời Có hoặc Không',
        'Góp ý (nếu bạn viết); góp ý có số điện thoại, thư điện tử hay số giấy tờ tùy thân bị từ chối để không lưu thông tin cá nhân',
        'Không thu thập họ tên, địa chỉ IP, thông tin trình duyệt hay cookie',
      ],
      recipients: 'Tổ Biên tập, để thống kê theo từng trang.',
      retention: policy.feedbackRetentionDays > 0 ? `Phản hồi được xoá tự động sau ${policy.feedbackRetentionDays} ngày.` : 'Phản hồi được giữ để thống kê cho đến khi Tổ Biên tập xoá.',
    },
    {
      id: 'thong-bao-qua-thu',
      name: 'Nhận thông báo qua thư điện tử',
      href: '/nhan-thong-bao/',
      purpose: 'Gửi thư khi có nội dung mới bạn chọn theo dõi (ngay, hằng ngày hoặc hằng tuần). Thư chỉ có tiêu đề, tóm tắt và liên kết tới trang này; không có ảnh theo dõi hay liên kết của bên thứ ba.',
      data: ['Địa chỉ thư điện tử', 'Nội dung bạn theo dõi và tần suất nhận thư', 'Thời điểm bạn đồng ý và xác nhận'],
      recipients: 'Không ai xem được địa chỉ: Tổ Biên tập chỉ thấy số người đăng ký theo từng nội dung và số thư đã gửi; khi bạn yêu cầu, họ xoá địa chỉ mà không cần xem.',
      retention: 'Đăng ký không được xác nhận bị xoá sau 7 ngày; khi bạn huỷ đăng ký (liên kết trong mỗi thư), địa chỉ được xoá ngay.',
    },
  ];
}

/** What the data subject may ask (the law on personal data protection), in plain words. */
export const DATA_SUBJECT_RIGHTS = [
  'Được biết về việc xử lý dữ liệu cá nhân của mình (thông báo này).',
  'Đồng ý hoặc không đồng ý; rút lại sự đồng ý bất cứ lúc nào (việc đã xử lý trước đó vẫn hợp pháp).',
  'Xem, được cung cấp bản sao, yêu cầu chỉnh sửa dữ liệu cá nhân của mình.',
  'Yêu cầu xoá dữ liệu, hạn chế xử lý, phản đối việc xử lý dữ liệu cá nhân của mình.',
  'Khiếu nại, tố cáo, khởi kiện và yêu cầu bồi thường thiệt hại theo quy định của pháp luật.',
];
