/**
 * "Thông báo qua thư": how many readers receive the email alerts (confirmed, waiting for confirmation, stopped
 * after repeated bounces), how many follow each type, category, topic or district, the batches sent with
 * their sent/failed/waiting mails, the latest delivery failures (relays' answers with every address
 * redacted), and the erasure of an address on its owner's request (typed, never shown back). Read from
 * GET /thads/alerts/summary and POST /thads/alerts/erase (src/alerts/admin-routes.ts) by users holding
 * "Xem thông báo qua thư" (editors and Super Admin, not reporters). Registered in app.tsx.
 */
import { useCallback, useEffect, useState } from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Alert, Badge, Box, Button, Field, Flex, Grid, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ALERT_FREQUENCY_LABELS, formatDateTime, type AlertFrequency } from '@thads/shared';

type Summary = {
  subscribers: { confirmed: number; pending: number; bounced: number; byFrequency: Record<AlertFrequency, number> };
  follows: { key: string; label: string; confirmed: number }[];
  batches: { id: number; kind: 'immediate' | 'daily' | 'weekly'; state: string; title: string | null; dueAt: string | null; dispatchedAt: string | null; recipients: number; sent: number; failed: number; waiting: number }[];
  failures: { batchId: number; confirmation: boolean; batchKind: Summary['batches'][number]['kind'] | null; batchTitle: string | null; at: string; attempts: number; error: string; bounced: boolean }[];
};

const KIND_LABELS: Record<Summary['batches'][number]['kind'], string> = { immediate: 'Thông báo ngay', daily: 'Bản tin hằng ngày', weekly: 'Bản tin hằng tuần' };
const STATE_LABELS: Record<string, { label: string; badge: 'success' | 'secondary' | 'warning' }> = {
  dispatched: { label: 'Đã gửi đi', badge: 'success' },
  dispatching: { label: 'Đang gửi', badge: 'warning' },
  scheduled: { label: 'Chờ đến giờ gửi', badge: 'secondary' },
};
const n = (x: number) => x.toLocaleString('vi-VN');
const errorMessage = (error: any, fallback: string) => error?.response?.data?.error?.message ?? fallback;

function Panel({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {hint && (
          <Typography variant="pi" textColor="neutral600">
            {hint}
          </Typography>
        )}
        {children}
      </Flex>
    </Box>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="start" gap={1}>
        <Typography variant="sigma" textColor="neutral600">
          {label}
        </Typography>
        <Typography variant="alpha" tag="p" data-testid={testId}>
          {n(value)}
        </Typography>
      </Flex>
    </Box>
  );
}

/** A panel holding a table (scrolling sideways on a narrow screen), or a sentence when there are no rows. */
function TablePanel({ title, hint, empty, columns, rows }: { title: string; hint: string; empty: string; columns: string[]; rows: React.ReactNode[] }) {
  return (
    <Panel title={title} hint={hint}>
      {rows.length === 0 ? (
        <Typography>{empty}</Typography>
      ) : (
        <Box style={{ overflowX: 'auto' }}>
          <Table colCount={columns.length} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                {columns.map((l) => (
                  <Th key={l}>
                    <Typography variant="sigma">{l}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>{rows}</Tbody>
          </Table>
        </Box>
      )}
    </Panel>
  );
}

/** A cell of text; `wide` lets long text wrap up to that width. */
function Cell({ wide, children, ...text }: { wide?: string; children: React.ReactNode; textColor?: string; fontWeight?: string; variant?: string }) {
  return (
    <Td style={wide ? { whiteSpace: 'normal', maxWidth: wide } : undefined}>
      <Typography {...(text as object)}>{children}</Typography>
    </Td>
  );
}

function EraseForm({ onErased }: { onErased: () => void }) {
  const { post } = useFetchClient();
  const [email, setEmail] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);

  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await post<{ data: { erased: number } }>('/thads/alerts/erase', { email });
      // The address typed is cleared and never repeated back.
      setEmail('');
      setResult(data.data.erased ? `Đã xoá ${n(data.data.erased)} đăng ký của địa chỉ vừa nhập, cùng các thư chưa gửi cho địa chỉ đó.` : 'Không có đăng ký nào với địa chỉ vừa nhập (có thể đã được xoá trước đó).');
      onErased();
    } catch (e) {
      setError(errorMessage(e, 'Không xoá được, vui lòng thử lại.'));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {/* noValidate: the server's Vietnamese message, not the browser's own, for a malformed address. */}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setResult(null);
          setConfirming(true);
        }}
      >
        <Flex gap={3} alignItems="end" wrap="wrap">
          <Box style={{ minWidth: 280, flex: '1 1 280px', maxWidth: 420 }}>
            <Field.Root name="erase-email" error={error ?? undefined} hint="Địa chỉ người yêu cầu xoá. Địa chỉ không được hiển thị lại ở bất kỳ đâu.">
              <Field.Label>Địa chỉ thư điện tử cần xoá</Field.Label>
              <TextInput
                type="email"
                autoComplete="off"
                value={email}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                  setEmail(e.target.value);
                  setConfirming(false);
                  setError(null);
                }}
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
          </Box>
          {!confirming && (
            <Button type="submit" variant="danger-light" disabled={!email.trim()}>
              Xoá đăng ký của địa chỉ này
            </Button>
          )}
        </Flex>
      </form>
      {confirming && (
        <Alert variant="danger" title="Xoá vĩnh viễn?" closeLabel="Huỷ" onClose={() => setConfirming(false)}>
          <Flex direction="column" alignItems="start" gap={2}>
            <Typography>Mọi đăng ký của địa chỉ vừa nhập sẽ bị xoá ngay, không khôi phục được; người đó sẽ không nhận thêm thư nào.</Typography>
            <Flex gap={2}>
              <Button variant="danger" onClick={erase} loading={busy}>
                Xoá vĩnh viễn
              </Button>
              <Button variant="tertiary" onClick={() => setConfirming(false)}>
                Huỷ
              </Button>
            </Flex>
          </Flex>
        </Alert>
      )}
      {result && (
        <Alert variant="success" title="Đã xử lý yêu cầu xoá" closeLabel="Đóng" onClose={() => setResult(null)}>
          {result}
        </Alert>
      )}
    </Flex>
  );
}

export default function AlertsPage() {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const { data } = await get<{ data: Summary }>('/thads/alerts/summary');
      setSummary(data.data);
      setFailed(null);
    } catch (error) {
      setSummary(null);
      const message = errorMessage(error, 'Không tải được số liệu thông báo qua thư, vui lòng thử lại.');
      setFailed(message);
      toggleNotification({ type: 'danger', message });
    }
  }, [get, toggleNotification]);

  useEffect(() => {
    load();
  }, [load]);

  const s = summary?.subscribers;
  return (
    <Page.Main>
      <Page.Title>Thông báo qua thư</Page.Title>
      <Layouts.Header
        title="Thông báo qua thư"
        subtitle="Người đọc đăng ký nhận thư khi có tin mới theo loại tin, chuyên mục, lĩnh vực hỏi đáp hoặc địa bàn đấu giá. Không ai xem được địa chỉ thư điện tử; chỉ xoá được theo yêu cầu của người đăng ký."
        secondaryAction={
          <Button variant="tertiary" onClick={load}>
            Tải lại
          </Button>
        }
      />
      <Layouts.Content>
        {failed && !summary && (
          <Alert variant="danger" title="Không có số liệu" closeLabel="Đóng" onClose={() => setFailed(null)}>
            {failed}
          </Alert>
        )}
        {!summary && !failed && <Page.Loading />}
        {summary && s && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Grid.Root gap={4}>
              <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                <Figure label="Đã xác nhận" value={s.confirmed} testId="alerts-confirmed" />
              </Grid.Item>
              <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                <Figure label="Chờ xác nhận" value={s.pending} testId="alerts-pending" />
              </Grid.Item>
              <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                <Figure label="Ngừng gửi do thư bị trả lại" value={s.bounced} testId="alerts-bounced" />
              </Grid.Item>
              <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
                  <Flex direction="column" alignItems="start" gap={1}>
                    <Typography variant="sigma" textColor="neutral600">
                      Tần suất (đã xác nhận)
                    </Typography>
                    {(Object.keys(ALERT_FREQUENCY_LABELS) as AlertFrequency[]).map((f) => (
                      <Typography key={f}>
                        {ALERT_FREQUENCY_LABELS[f]}: <strong>{n(s.byFrequency[f] ?? 0)}</strong>
                      </Typography>
                    ))}
                  </Flex>
                </Box>
              </Grid.Item>
            </Grid.Root>

            <TablePanel
              title="Người đăng ký theo nội dung theo dõi"
              hint="Số người đã xác nhận theo dõi từng mục; một người có thể theo dõi nhiều mục."
              empty="Chưa có người đăng ký nào đã xác nhận."
              columns={['Nội dung theo dõi', 'Người đăng ký đã xác nhận']}
              rows={summary.follows.map((f) => (
                <Tr key={f.key}>
                  <Cell wide="40rem">{f.label}</Cell>
                  <Cell fontWeight="semiBold">{n(f.confirmed)}</Cell>
                </Tr>
              ))}
            />

            <TablePanel
              title="Các đợt gửi"
              hint="50 đợt gần nhất: thông báo ngay cho từng tin đăng và bản tin hằng ngày, hằng tuần. “Chờ gửi” gồm cả thư đang chờ gửi lại sau lỗi tạm thời."
              empty="Chưa có đợt gửi nào."
              columns={['Thời gian', 'Loại', 'Nội dung', 'Số thư', 'Đã gửi', 'Lỗi', 'Chờ gửi']}
              rows={summary.batches.map((b) => {
                const state = STATE_LABELS[b.state] ?? { label: b.state, badge: 'secondary' as const };
                const when = b.dispatchedAt ?? b.dueAt;
                return (
                  <Tr key={b.id}>
                    <Td>
                      <Flex direction="column" alignItems="start" gap={1}>
                        <Typography>{when ? formatDateTime(when) : '—'}</Typography>
                        <Badge variant={state.badge}>{state.label}</Badge>
                      </Flex>
                    </Td>
                    <Cell>{KIND_LABELS[b.kind] ?? b.kind}</Cell>
                    <Cell wide="28rem">{b.title ?? '—'}</Cell>
                    <Cell>{n(b.recipients)}</Cell>
                    <Cell textColor="success600" fontWeight="semiBold">
                      {n(b.sent)}
                    </Cell>
                    <Cell textColor={b.failed ? 'danger600' : 'neutral800'} fontWeight={b.failed ? 'semiBold' : undefined}>
                      {n(b.failed)}
                    </Cell>
                    <Cell>{n(b.waiting)}</Cell>
                  </Tr>
                );
              })}
            />

            <TablePanel
              title="Lỗi gửi thư gần đây"
              hint="50 lỗi gần nhất, kể cả thư bị máy chủ thư trả lại sau khi đã nhận. Địa chỉ thư điện tử trong câu trả lời của máy chủ thư được che (***)."
              empty="Không có lỗi gửi thư nào."
              columns={['Thời gian', 'Thư', 'Số lần thử', 'Lý do']}
              rows={summary.failures.map((f, i) => (
                <Tr key={i}>
                  <Cell>{formatDateTime(f.at)}</Cell>
                  <Td style={{ whiteSpace: 'normal', maxWidth: '24rem' }}>
                    <Flex direction="column" alignItems="start" gap={1}>
                      <Typography>{f.confirmation ? 'Thư xác nhận đăng ký' : f.batchKind ? `${KIND_LABELS[f.batchKind]}: ${f.batchTitle ?? '—'}` : 'Đợt gửi đã xoá'}</Typography>
                      {f.bounced && <Badge variant="danger">Bị trả lại</Badge>}
                    </Flex>
                  </Td>
                  <Cell>{n(f.attempts)}</Cell>
                  <Cell wide="36rem" variant="pi">
                    {f.error || '—'}
                  </Cell>
                </Tr>
              ))}
            />

            <Panel title="Xoá địa chỉ theo yêu cầu" hint="Khi một người yêu cầu xoá dữ liệu của mình: nhập địa chỉ họ đưa ra để xoá mọi đăng ký của địa chỉ đó. Kết quả chỉ cho biết số đăng ký đã xoá.">
              <EraseForm onErased={load} />
            </Panel>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}
