/**
 * In the Content Manager's edit view of the types reporters write:
 * - the document action "Gửi duyệt" (for those who may edit but not publish the entry) sends the saved
 *   draft to the editors' queue, with an optional note; it takes the place of "Xuất bản", which such a
 *   user could never press (withSubmitForReview);
 * - the side panel "Duyệt bài" shows where the entry stands in the queue and the editors' comments, so a
 *   reporter reads why a draft came back, edits it and sends it again.
 * Both read GET /thads/review/documents/:uid/:documentId (src/review/admin-routes.ts).
 */
import { useCallback, useEffect, useState } from 'react';
import { useFetchClient, useForm, useNotification } from '@strapi/strapi/admin';
import { Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { REVIEW_KIND_LABELS, REVIEW_STATE_LABELS, type ReviewRow } from '@thads/shared';
import { Link } from 'react-router-dom';
import { CommentList, errorMessage, StateBadge } from './shared';

type ReviewState = {
  reviewable: boolean;
  canSubmit: boolean;
  canDecide: boolean;
  items: ReviewRow[];
};
type Props = { model: string; documentId?: string; collectionType?: string };

const CHANGED = 'thads:review-changed';

/** The review state of one document, reloaded whenever an action of this file changes it. */
function useReviewState(model: string, documentId?: string) {
  const { get } = useFetchClient();
  const [state, setState] = useState<ReviewState | null>(null);
  const load = useCallback(() => {
    if (!documentId || !model.startsWith('api::')) return;
    get<{ data: ReviewState }>(`/thads/review/documents/${model}/${documentId}`)
      .then(({ data }) => setState(data.data))
      .catch(() => setState(null));
  }, [get, model, documentId]);
  useEffect(() => {
    load();
    window.addEventListener(CHANGED, load);
    return () => window.removeEventListener(CHANGED, load);
  }, [load]);
  return state;
}

export const SubmitForReviewAction = ({ model, documentId, collectionType }: Props) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const modified = useForm('SubmitForReviewAction', (s) => s.modified);
  const review = useReviewState(model, documentId);
  const [note, setNote] = useState('');
  if (collectionType === 'single-types' || !documentId || !review?.reviewable || !review.canSubmit) return null;
  const current = review.items.find((i) => i.kind === 'submission' && (i.state === 'submitted' || i.state === 'returned'));
  const waiting = current?.state === 'submitted';
  return {
    label: waiting ? 'Đang chờ duyệt' : current?.state === 'returned' ? 'Gửi duyệt lại' : 'Gửi duyệt',
    // The publish slot: first in the panel, a plain button (not the form's submit button).
    type: 'publish' as const,
    position: 'panel' as const,
    variant: 'default' as const,
    disabled: waiting || modified,
    dialog: {
      type: 'dialog' as const,
      title: 'Gửi bản nháp cho biên tập viên duyệt?',
      content: (
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography>Bản nháp đã lưu sẽ vào hàng chờ duyệt. Biên tập viên sẽ xuất bản hoặc trả lại kèm ý kiến.</Typography>
          <Field.Root name="review-note" hint="Không bắt buộc.">
            <Field.Label>Lời nhắn cho biên tập viên</Field.Label>
            <Textarea value={note} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)} />
            <Field.Hint />
          </Field.Root>
        </Flex>
      ),
      confirmLabel: 'Gửi duyệt',
      onConfirm: async () => {
        try {
          await post('/thads/review/submit', {
            uid: model,
            documentId,
            ...(note.trim() ? { comment: note } : {}),
          });
          setNote('');
          toggleNotification({
            type: 'success',
            message: 'Đã gửi duyệt. Bạn sẽ thấy ý kiến của biên tập viên trong mục "Duyệt bài" và trang "Hàng chờ duyệt".',
          });
          window.dispatchEvent(new Event(CHANGED));
        } catch (error) {
          toggleNotification({ type: 'danger', message: errorMessage(error) });
        }
      },
    },
  };
};

type ActionComponent = ((props: any) => unknown) & {
  type?: string;
  position?: unknown;
};

/**
 * Strapi's publish action, except for users who may edit the entry but not publish it: they get
 * "Gửi duyệt" in its place. Both are always rendered (same hooks in the same order); one is shown.
 */
export function withSubmitForReview(Publish: ActionComponent): ActionComponent {
  const PublishOrSubmit = (props: Props) => {
    const submit = SubmitForReviewAction(props);
    const publish = Publish(props);
    return submit ?? publish;
  };
  PublishOrSubmit.type = Publish.type;
  PublishOrSubmit.position = Publish.position;
  return PublishOrSubmit;
}

export const ReviewPanel = ({ model, documentId, collectionType }: Props) => {
  const review = useReviewState(model, documentId);
  if (collectionType === 'single-types' || !documentId || !review?.reviewable) return null;
  const current = review.items[0];
  if (!current && !review.canSubmit) return null;
  return {
    title: 'Duyệt bài',
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%">
        {current ? (
          <>
            <Flex gap={2} wrap="wrap">
              <Typography variant="pi">{REVIEW_KIND_LABELS[current.kind]}:</Typography>
              <StateBadge state={current.state} label={REVIEW_STATE_LABELS[current.state]} />
            </Flex>
            {current.state === 'returned' && <Typography variant="pi">Sửa theo ý kiến dưới đây, lưu, rồi bấm "Gửi duyệt lại".</Typography>}
            <CommentList comments={current.comments} />
          </>
        ) : (
          <Typography variant="pi">Chưa gửi duyệt. Lưu bản nháp rồi bấm "Gửi duyệt" để biên tập viên xem và xuất bản.</Typography>
        )}
        <Link to="/hang-cho-duyet">
          <Typography variant="pi">Mở hàng chờ duyệt</Typography>
        </Link>
      </Flex>
    ),
  };
};
