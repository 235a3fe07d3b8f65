/**
 * "Hàng chờ duyệt": for editors, the drafts reporters sent and the Q&A whose legal basis changed, oldest
 * first, each with "Xuất bản", "Trả lại" (with a required comment) or "Đã rà soát"; for a reporter, the
 * items they sent, with the editors' comments. Fed by src/review/admin-routes.ts; registered in app.tsx.
 */
import { useCallback, useEffect, useState } from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Badge, Box, Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, Tabs, Textarea, Typography } from '@strapi/design-system';
import { DOC_STATUS_LABELS, formatDateTime, REVIEW_KIND_LABELS, REVIEW_KINDS, REVIEW_STATE_LABELS, type DocStatus, type ReviewKind, type ReviewRow, type ReviewState } from '@thads/shared';
import { Link } from 'react-router-dom';
import { CommentList, editUrl, errorMessage, STATE_BADGE } from './shared';

type Pagination = {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
};
type Answer = {
  data: ReviewRow[];
  meta: { pagination: Pagination; canDecide: boolean };
};
type Decision = { item: ReviewRow; kind: 'return' | 'reviewed' | 'publish' };

const TABS: ReviewState[] = ['submitted', 'returned', 'approved', 'withdrawn'];

function DecisionModal({ decision, onClose, onDone }: { decision: Decision; onClose: () => void; onDone: () => void }) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const required = decision.kind === 'return';
  const title = {
    return: 'Trả lại cho người viết',
    reviewed: 'Xác nhận đã rà soát',
    publish: 'Xuất bản',
  }[decision.kind];
  const confirm = {
    return: 'Trả lại',
    reviewed: 'Đã rà soát',
    publish: 'Xuất bản',
  }[decision.kind];
  const submit = async () => {
    setBusy(true);
    try {
      await post(`/thads/review/items/${decision.item.id}/${decision.kind}`, comment.trim() ? { comment } : {});
      toggleNotification({
        type: 'success',
        message: {
          return: 'Đã trả lại, người viết sẽ thấy ý kiến của bạn.',
          reviewed: 'Đã xác nhận rà soát.',
          publish: 'Đã xuất bản. Trang công khai được cập nhật sau ít phút.',
        }[decision.kind],
      });
      onDone();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography>
              {decision.item.typeLabel}: <strong>{decision.item.title ?? decision.item.targetDocumentId}</strong>
            </Typography>
            <Field.Root name="comment" required={required} hint={required ? 'Nêu rõ cần sửa gì; người viết sẽ thấy ý kiến này trên bài.' : 'Không bắt buộc.'}>
              <Field.Label>{required ? 'Ý kiến trả lại' : 'Ghi chú'}</Field.Label>
              <Textarea value={comment} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)} />
              <Field.Hint />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Huỷ</Button>
          </Modal.Close>
          <Button variant={decision.kind === 'return' ? 'danger-light' : 'success'} onClick={submit} loading={busy} disabled={required && comment.trim().length < 3}>
            {confirm}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}

function ItemCard({ item, canDecide, onDecide }: { item: ReviewRow; canDecide: boolean; onDecide: (d: Decision) => void }) {
  const open = item.state === 'submitted' || item.state === 'returned';
  return (
    <Box background="neutral0" padding={5} shadow="filterShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
          <Flex direction="column" alignItems="flex-start" gap={1} style={{ flex: 1, minWidth: 0 }}>
            <Flex gap={2} wrap="wrap">
              <Badge variant={item.kind === 'legal-basis' ? 'warning' : 'secondary'}>{REVIEW_KIND_LABELS[item.kind]}</Badge>
              <Badge variant={STATE_BADGE[item.state]}>{REVIEW_STATE_LABELS[item.state]}</Badge>
              <Typography variant="pi" textColor="neutral600">
                {item.typeLabel}
              </Typography>
            </Flex>
            <Link to={editUrl(item.targetUid, item.targetDocumentId)}>
              <Typography variant="delta" tag="h2">
                {item.title ?? item.targetDocumentId}
              </Typography>
            </Link>
            <Typography variant="pi" textColor="neutral600">
              {item.kind === 'legal-basis' ? 'Phát hiện' : 'Gửi'} lúc {item.submittedAt ? formatDateTime(item.submittedAt) : '—'}
              {item.submittedByName ? ` — ${item.submittedByName}` : ''}
              {item.unitName ? ` — ${item.unitName}` : ''}
            </Typography>
            {item.legalDocuments.length > 0 && (
              <Typography variant="pi">
                Văn bản đã thay đổi: {item.legalDocuments.map((d) => `${d.number} (${(DOC_STATUS_LABELS[d.validity as DocStatus] ?? d.validity).toLowerCase()})`).join('; ')}
              </Typography>
            )}
          </Flex>
          {canDecide && open && (
            <Flex gap={2} shrink={0}>
              {item.state === 'submitted' && (
                <Button variant="success" onClick={() => onDecide({ item, kind: 'publish' })}>
                  Xuất bản
                </Button>
              )}
              {item.kind === 'submission' && item.state === 'submitted' && (
                <Button variant="danger-light" onClick={() => onDecide({ item, kind: 'return' })}>
                  Trả lại
                </Button>
              )}
              {item.kind === 'legal-basis' && (
                <Button variant="secondary" onClick={() => onDecide({ item, kind: 'reviewed' })}>
                  Đã rà soát
                </Button>
              )}
            </Flex>
          )}
        </Flex>
        <CommentList comments={item.comments} />
      </Flex>
    </Box>
  );
}

export default function QueuePage() {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [state, setState] = useState<ReviewState>('submitted');
  const [kind, setKind] = useState<ReviewKind | ''>('');
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  // Kept between loads, so that the filters do not flicker while a page loads.
  const [canDecide, setCanDecide] = useState<boolean | null>(null);

  const load = useCallback(() => {
    setAnswer(null);
    get<Answer>('/thads/review/items', {
      params: {
        state,
        ...(kind ? { kind } : {}),
        page: String(page),
        pageSize: '20',
      },
    })
      .then(({ data }) => {
        setAnswer(data);
        setCanDecide(data.meta.canDecide);
      })
      .catch((error) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
  }, [get, state, kind, page, toggleNotification]);
  useEffect(load, [load]);

  const pagination = answer?.meta.pagination;

  return (
    <Page.Main>
      <Page.Title>Hàng chờ duyệt</Page.Title>
      <Layouts.Header
        title="Hàng chờ duyệt"
        subtitle={
          canDecide !== false
            ? 'Bài phóng viên gửi duyệt và giải đáp có căn cứ pháp lý đã thay đổi. Xuất bản, trả lại kèm ý kiến, hoặc xác nhận đã rà soát.'
            : 'Các bài bạn đã gửi duyệt và ý kiến của biên tập viên. Bài bị trả lại: sửa theo ý kiến rồi bấm "Gửi duyệt" trên màn hình soạn thảo.'
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Tabs.Root
            value={state}
            onValueChange={(v) => {
              setState(v as ReviewState);
              setPage(1);
            }}
          >
            <Tabs.List aria-label="Trạng thái">
              {TABS.map((s) => (
                <Tabs.Trigger key={s} value={s}>
                  {REVIEW_STATE_LABELS[s]}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </Tabs.Root>

          {canDecide && (
            <Field.Root name="kind" style={{ maxWidth: 320 }}>
              <Field.Label>Loại mục</Field.Label>
              <SingleSelect
                placeholder="Tất cả loại mục"
                value={kind}
                onChange={(v) => {
                  setKind(v as ReviewKind);
                  setPage(1);
                }}
                onClear={() => {
                  setKind('');
                  setPage(1);
                }}
                clearLabel="Bỏ lọc"
              >
                {REVIEW_KINDS.map((k) => (
                  <SingleSelectOption key={k} value={k}>
                    {REVIEW_KIND_LABELS[k]}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          )}

          {!answer ? (
            <Typography>Đang tải…</Typography>
          ) : answer.data.length === 0 ? (
            <Box background="neutral0" padding={6} hasRadius>
              <Typography>{state === 'submitted' ? 'Không có mục nào đang chờ duyệt.' : 'Không có mục nào.'}</Typography>
            </Box>
          ) : (
            answer.data.map((item) => <ItemCard key={item.id} item={item} canDecide={Boolean(canDecide)} onDecide={setDecision} />)
          )}

          {pagination && pagination.pageCount > 1 && (
            <Flex gap={2} justifyContent="space-between" alignItems="center">
              <Typography variant="pi">
                Trang {pagination.page}/{pagination.pageCount} — {pagination.total} mục
              </Typography>
              <Flex gap={2}>
                <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  Trang trước
                </Button>
                <Button variant="secondary" disabled={page >= pagination.pageCount} onClick={() => setPage(page + 1)}>
                  Trang sau
                </Button>
              </Flex>
            </Flex>
          )}
        </Flex>
      </Layouts.Content>
      {decision && (
        <DecisionModal
          decision={decision}
          onClose={() => setDecision(null)}
          onDone={() => {
            setDecision(null);
            load();
          }}
        />
      )}
    </Page.Main>
  );
}
