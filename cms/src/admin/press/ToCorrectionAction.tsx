/**
 * "Tạo cải chính" in the edit view of a press clipping that is negative or needs a response: creates a draft
 * correction pre-filled from the clipping (claim, outlets, links, dates), linked to it, and opens it; once
 * linked, the button opens that correction. Calls src/press-monitoring/admin-routes.ts, which checks
 * permissions again.
 */
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';

const CLIPPING = 'api::press-clipping.press-clipping';
const CORRECTION = 'api::correction.correction';

type ActionProps = { model: string; documentId?: string; document?: Record<string, any> | null };

const errorMessage = (error: any) => error?.response?.data?.error?.message ?? 'Không thực hiện được, vui lòng thử lại.';

export const ToCorrectionAction = ({ model, documentId, document }: ActionProps) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  if (model !== CLIPPING || !documentId) return null;
  const linked = Boolean(document?.corrections?.count ?? document?.corrections?.length);
  const eligible = Boolean(document?.needsResponse) || document?.tone === 'tieu-cuc';
  if (!linked && !eligible) return null;
  return {
    label: linked ? 'Mở cải chính' : 'Tạo cải chính',
    position: 'panel' as const,
    onClick: async () => {
      try {
        const { data } = await post<{ data: { documentId: string; created: boolean } }>(`/thads/press/clippings/${documentId}/to-correction`);
        toggleNotification({ type: 'success', message: data.data.created ? 'Đã tạo bản nháp cải chính từ tin này: hãy viết nội dung cải chính rồi xuất bản.' : 'Tin này đã có cải chính.' });
        navigate(`/content-manager/collection-types/${CORRECTION}/${data.data.documentId}`);
      } catch (error) {
        toggleNotification({ type: 'danger', message: errorMessage(error) });
      }
      return true;
    },
  };
};
ToCorrectionAction.type = 'update' as const;
