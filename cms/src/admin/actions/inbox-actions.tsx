/**
 * Buttons in the Content Manager's edit view of the private inboxes:
 * - "Tạo bài giải đáp": turns an answered citizen question into a draft legal Q&A and opens it;
 * - "Xoá dữ liệu cá nhân": erases the personal data of a question or press request, after confirmation.
 * Both call the admin routes of cms/src/intake/admin-routes.ts, which check permissions again.
 */
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';

const QUESTION = 'api::citizen-question.citizen-question';
const PRESS = 'api::press-request.press-request';
const INFO = 'api::information-request.information-request';

type ActionProps = { model: string; documentId?: string; document?: Record<string, unknown> | null };

const errorMessage = (error: any) => error?.response?.data?.error?.message ?? 'Không thực hiện được, vui lòng thử lại.';

export const ToLegalQaAction = ({ model, documentId, document }: ActionProps) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  if (model !== QUESTION || !documentId) return null;
  const linked = Boolean((document as any)?.publishedQa?.documentId ?? (document as any)?.publishedQa?.count);
  return {
    label: linked ? 'Mở bài giải đáp' : 'Tạo bài giải đáp',
    position: 'panel' as const,
    disabled: !linked && !String((document as any)?.answer ?? '').trim(),
    onClick: async () => {
      try {
        const { data } = await post<{ data: { documentId: string; created: boolean } }>(`/thads/citizen-questions/${documentId}/to-legal-qa`);
        toggleNotification({ type: 'success', message: data.data.created ? 'Đã tạo bản nháp giải đáp pháp luật (người hỏi đã được ẩn danh).' : 'Câu hỏi đã có bài giải đáp.' });
        navigate(`/content-manager/collection-types/api::legal-qa.legal-qa/${data.data.documentId}`);
      } catch (error) {
        toggleNotification({ type: 'danger', message: errorMessage(error) });
      }
      return true;
    },
  };
};
ToLegalQaAction.type = 'update' as const;

export const ErasePersonalDataAction = ({ model, documentId, document }: ActionProps) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  if ((model !== QUESTION && model !== PRESS && model !== INFO) || !documentId) return null;
  const inbox = model === QUESTION ? 'citizen-questions' : model === INFO ? 'information-requests' : 'press-requests';
  return {
    label: 'Xoá dữ liệu cá nhân',
    position: 'panel' as const,
    variant: 'danger-light' as const,
    disabled: Boolean((document as any)?.erasedAt),
    dialog: {
      type: 'dialog' as const,
      title: 'Xoá dữ liệu cá nhân?',
      content: 'Họ tên, số điện thoại, thư điện tử và nội dung gửi đến sẽ bị xoá vĩnh viễn. Bài giải đáp đã công bố (nếu có) vẫn giữ nguyên.',
      confirmLabel: 'Xoá',
      onConfirm: async () => {
        try {
          await post(`/thads/${inbox}/${documentId}/erase`);
          toggleNotification({ type: 'success', message: 'Đã xoá dữ liệu cá nhân. Tải lại trang để xem.' });
        } catch (error) {
          toggleNotification({ type: 'danger', message: errorMessage(error) });
        }
      },
    },
  };
};
ErasePersonalDataAction.type = 'update' as const;
