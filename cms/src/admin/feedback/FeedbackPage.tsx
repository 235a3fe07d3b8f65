/**
 * "Phản hồi trang": what readers answered to "Trang này có hữu ích không?" at the foot of each content page —
 * per page the "có" and "không" counts, the share of "không" and the latest comments; pages that many find
 * unhelpful (FEEDBACK_FLAG in shared: at least 5 answers, at least half "không") come first, marked.
 * Read from GET /thads/page-feedback/summary (src/intake/feedback.ts), for users who may read the
 * "Phản hồi trang" collection (editors, Super Admin). Registered in src/admin/app.tsx.
 */
import { useEffect, useState } from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Badge, Box, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { FEEDBACK_FLAG, formatDateTime, type FeedbackPageSummary } from '@thads/shared';

type Summary = { pages: FeedbackPageSummary[]; totals: { answers: number; pages: number; flagged: number } };
type Meta = { days: number; retentionDays: number };

const PERIODS = [
  { value: '30', label: '30 ngày qua' },
  { value: '90', label: '90 ngày qua' },
  { value: '365', label: '12 tháng qua' },
  { value: '0', label: 'Toàn bộ thời gian lưu' },
];

const percent = (share: number) => `${Math.round(share * 100)} %`;
const errorMessage = (error: any) => error?.response?.data?.error?.message ?? 'Không tải được phản hồi, vui lòng thử lại.';

export default function FeedbackPage() {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [days, setDays] = useState('90');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [meta, setMeta] = useState<Meta | null>(null);

  useEffect(() => {
    setSummary(null);
    get<{ data: Summary; meta: Meta }>('/thads/page-feedback/summary', { params: { days } })
      .then(({ data }) => {
        setSummary(data.data);
        setMeta(data.meta);
      })
      .catch((error) => {
        setSummary({ pages: [], totals: { answers: 0, pages: 0, flagged: 0 } });
        toggleNotification({ type: 'danger', message: errorMessage(error) });
      });
  }, [get, days, toggleNotification]);

  return (
    <Page.Main>
      <Page.Title>Phản hồi trang</Page.Title>
      <Layouts.Header
        title="Phản hồi trang"
        subtitle={`Bạn đọc trả lời "Trang này có hữu ích không?" ở cuối mỗi trang nội dung. Trang có từ ${FEEDBACK_FLAG.minAnswers} lượt trả lời và từ ${percent(FEEDBACK_FLAG.minNoShare)} trở lên chọn "Không" được đưa lên đầu để rà soát. Không lưu thông tin cá nhân của người gửi.`}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius>
            <Flex gap={6} wrap="wrap" alignItems="flex-end">
              <Field.Root name="days" style={{ minWidth: 220 }}>
                <Field.Label>Khoảng thời gian</Field.Label>
                <SingleSelect value={days} onChange={(v) => setDays(String(v))}>
                  {PERIODS.map((p) => (
                    <SingleSelectOption key={p.value} value={p.value}>
                      {p.label}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
              {summary && (
                <Typography>
                  {summary.totals.answers} lượt trả lời trên {summary.totals.pages} trang; <strong>{summary.totals.flagged}</strong> trang cần xem lại.
                </Typography>
              )}
              {meta && meta.retentionDays > 0 && <Typography variant="pi">Phản hồi được lưu {meta.retentionDays} ngày rồi tự xoá.</Typography>}
            </Flex>
          </Box>

          {summary === null ? (
            <Typography>Đang tải…</Typography>
          ) : summary.pages.length === 0 ? (
            <Box background="neutral0" padding={6} hasRadius>
              <Typography>Chưa có phản hồi nào trong khoảng thời gian này.</Typography>
            </Box>
          ) : (
            <Table colCount={5} rowCount={summary.pages.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">Trang</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Có</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Không</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Tỉ lệ "Không"</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Góp ý gần đây</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {summary.pages.map((p) => (
                  <Tr key={p.path}>
                    <Td style={{ whiteSpace: 'normal', maxWidth: 360 }}>
                      <Flex direction="column" alignItems="flex-start" gap={1}>
                        <Typography fontWeight="bold">{p.title}</Typography>
                        <Typography variant="pi" textColor="neutral600">
                          {p.path}
                        </Typography>
                        {p.flagged && <Badge variant="danger">Nhiều người thấy chưa hữu ích</Badge>}
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>{p.yes}</Typography>
                    </Td>
                    <Td>
                      <Typography>{p.no}</Typography>
                    </Td>
                    <Td>
                      <Typography textColor={p.flagged ? 'danger600' : undefined}>{percent(p.noShare)}</Typography>
                    </Td>
                    <Td style={{ whiteSpace: 'normal', maxWidth: 480 }}>
                      {p.comments.length === 0 ? (
                        <Typography textColor="neutral600">—</Typography>
                      ) : (
                        <Flex direction="column" alignItems="flex-start" gap={2}>
                          {p.comments.map((c) => (
                            <Typography key={c.at + c.comment} variant="pi">
                              <strong>{c.helpful ? 'Có' : 'Không'}</strong> · {formatDateTime(c.at)}: {c.comment}
                            </Typography>
                          ))}
                        </Flex>
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
