/**
 * "Điểm báo hằng ngày": the clippings of a chosen day (today in Vietnam by default) by tone, those that need
 * a response first, with the export of the digest (HTML to print, DOCX for the leadership); the button
 * "Nhập tin từ các báo" and how each outlet's last import went. Fed by src/press-monitoring/admin-routes.ts;
 * registered in app.tsx for users who may read clippings.
 */
import { useCallback, useEffect, useState } from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Alert, Badge, Box, Button, Field, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { formatDate, formatDateTime, todayVn, type PressDigest, type PressDigestItem, type PressImportReport } from '@thads/shared';
import { Link } from 'react-router-dom';

type Outlet = { documentId: string; name: string; feedUrl: string | null; active: boolean; lastImportAt: string | null; lastImportOk: boolean | null; lastImportResult: string | null };

const CLIPPING = 'api::press-clipping.press-clipping';
const OUTLET = 'api::press-outlet.press-outlet';
const SETTING = 'api::press-monitoring-setting.press-monitoring-setting';
const CORRECTION = 'api::correction.correction';
const TONE_BADGE = { 'tieu-cuc': 'danger', 'trung-tinh': 'secondary', 'tich-cuc': 'success' } as const;

const errorMessage = (error: any) => error?.response?.data?.error?.message ?? 'Không thực hiện được, vui lòng thử lại.';
const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
const dayLabel = (day: string) => formatDate(`${day}T12:00:00+07:00`);

function ClippingRow({ item }: { item: PressDigestItem }) {
  return (
    <Tr>
      <Td style={{ whiteSpace: 'normal', maxWidth: '36rem' }}>
        <Flex direction="column" alignItems="start" gap={1}>
          <Link to={`/content-manager/collection-types/${CLIPPING}/${item.documentId}`}>
            <Typography fontWeight="bold">{item.title}</Typography>
          </Link>
          {item.summary && <Typography variant="pi">{item.summary}</Typography>}
          {item.url && (
            <Typography variant="pi" textColor="neutral600">
              <a href={item.url} target="_blank" rel="noopener noreferrer">
                {item.url}
              </a>
            </Typography>
          )}
        </Flex>
      </Td>
      <Td style={{ whiteSpace: 'normal' }}>
        <Typography>{item.outlet}</Typography>
        {item.alsoIn.length > 0 && <Typography variant="pi" textColor="neutral600"> Cũng đăng trên: {item.alsoIn.map((a) => a.outlet).join('; ')}</Typography>}
      </Td>
      <Td>
        <Typography>{item.date ? formatDateTime(item.date).split(', ').slice(1).join(', ') : '—'}</Typography>
      </Td>
      <Td>{item.needsResponse ? <Badge variant="danger">Cần phản hồi</Badge> : <Typography textColor="neutral500">—</Typography>}</Td>
      <Td style={{ whiteSpace: 'normal' }}>
        {item.corrections.length ? (
          item.corrections.map((c) => (
            <Link key={c.documentId} to={`/content-manager/collection-types/${CORRECTION}/${c.documentId}`}>
              <Typography variant="pi">{c.title}</Typography>
            </Link>
          ))
        ) : (
          <Typography textColor="neutral500">—</Typography>
        )}
      </Td>
    </Tr>
  );
}

function ImportResult({ report, onClose }: { report: PressImportReport; onClose: () => void }) {
  const t = report.totals;
  return (
    <Alert variant={t.errors ? 'warning' : 'success'} title="Đã nhập tin từ các báo" closeLabel="Đóng" onClose={onClose}>
      <Typography>
        {report.outlets.length ? `${t.created} tin mới, ${t.merged} tin gộp với tin đã có, ${t.skipped} tin đã có${t.errors ? `; ${t.errors} nguồn tin lỗi` : ''}.` : 'Chưa có nguồn tin nào đang theo dõi: bật “Đang theo dõi” ở danh sách nguồn tin.'}
      </Typography>
      {report.outlets.map((o) => (
        <Typography key={o.documentId} tag="p" variant="pi" textColor={o.ok ? 'neutral800' : 'danger600'}>
          <strong>{o.outlet}</strong>: {o.message}
        </Typography>
      ))}
    </Alert>
  );
}

export default function DigestPage() {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [day, setDay] = useState(todayVn());
  const [digest, setDigest] = useState<PressDigest | null>(null);
  const [outlets, setOutlets] = useState<Outlet[]>([]);
  const [report, setReport] = useState<PressImportReport | null>(null);
  const [busy, setBusy] = useState<'import' | 'html' | 'docx' | null>(null);

  const load = useCallback(async () => {
    try {
      const [d, o] = await Promise.all([get<{ data: PressDigest }>(`/thads/press/digest?date=${day}`), get<{ data: Outlet[] }>('/thads/press/outlets').catch(() => null)]);
      setDigest(d.data.data);
      if (o) setOutlets(o.data.data);
    } catch (error) {
      setDigest(null);
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  }, [get, day, toggleNotification]);

  useEffect(() => {
    load();
  }, [load]);

  const runImport = async () => {
    setBusy('import');
    try {
      const { data } = await post<{ data: PressImportReport }>('/thads/press/import');
      setReport(data.data);
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const download = async (format: 'html' | 'docx') => {
    setBusy(format);
    try {
      const { data } = await get<Blob>(`/thads/press/digest/export/${format}?date=${day}`, { responseType: 'blob' });
      const url = URL.createObjectURL(data);
      const a = document.createElement('a');
      a.href = url;
      a.download = `diem-bao-${day}.${format}`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page.Main>
      <Page.Title>Điểm báo hằng ngày</Page.Title>
      <Layouts.Header
        title="Điểm báo hằng ngày"
        subtitle="Tin báo chí của một ngày theo sắc thái, tin cần phản hồi lên trước. Tin được ghi tay hoặc nhập từ nguồn tin RSS/Atom của các báo đang theo dõi (tự động theo lịch và khi bấm nút)."
        primaryAction={
          <Button onClick={runImport} loading={busy === 'import'}>
            Nhập tin từ các báo
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {report && <ImportResult report={report} onClose={() => setReport(null)} />}

          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Flex gap={4} alignItems="end" wrap="wrap">
              <Field.Root name="day" hint="Ngày theo giờ Việt Nam.">
                <Field.Label>Ngày</Field.Label>
                <input id="day" type="date" value={day} max={todayVn()} onChange={(e) => e.target.value && setDay(e.target.value)} style={{ padding: '8px', border: '1px solid #dcdce4', borderRadius: 4 }} />
                <Field.Hint />
              </Field.Root>
              <Flex gap={2}>
                <Button variant="tertiary" onClick={() => setDay(shiftDay(day, -1))}>
                  Ngày trước
                </Button>
                <Button variant="tertiary" onClick={() => setDay(todayVn())} disabled={day === todayVn()}>
                  Hôm nay
                </Button>
                <Button variant="tertiary" onClick={() => setDay(shiftDay(day, 1))} disabled={day >= todayVn()}>
                  Ngày sau
                </Button>
              </Flex>
              <Flex gap={2} marginLeft="auto">
                <Button variant="secondary" startIcon={<Download />} onClick={() => download('html')} loading={busy === 'html'}>
                  Bản in (HTML)
                </Button>
                <Button variant="secondary" startIcon={<Download />} onClick={() => download('docx')} loading={busy === 'docx'}>
                  Bản Word (.docx)
                </Button>
              </Flex>
            </Flex>
          </Box>

          {digest && (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography variant="beta" tag="h2">
                Điểm báo {digest.dateLabel}: {digest.total} tin{digest.needsResponse ? `, ${digest.needsResponse} tin cần phản hồi` : ''}
              </Typography>
              {digest.total === 0 && (
                <Flex gap={2} alignItems="center">
                  <Typography>Không có tin nào được ghi nhận trong ngày.</Typography>
                  {digest.latestDate && digest.latestDate !== day && (
                    <Button variant="tertiary" onClick={() => setDay(digest.latestDate!)}>
                      Xem ngày gần nhất có tin ({dayLabel(digest.latestDate)})
                    </Button>
                  )}
                </Flex>
              )}
              {digest.groups.map((g) => (
                <Box key={g.tone} background="neutral0" padding={4} shadow="filterShadow" hasRadius>
                  <Flex gap={2} paddingBottom={3}>
                    <Typography variant="delta" tag="h3">
                      Tin {g.label.toLocaleLowerCase('vi-VN')}
                    </Typography>
                    <Badge variant={TONE_BADGE[g.tone]}>{g.items.length}</Badge>
                  </Flex>
                  <Table colCount={5} rowCount={g.items.length + 1}>
                    <Thead>
                      <Tr>
                        <Th><Typography variant="sigma">Tin</Typography></Th>
                        <Th><Typography variant="sigma">Báo, trang</Typography></Th>
                        <Th><Typography variant="sigma">Thời gian</Typography></Th>
                        <Th><Typography variant="sigma">Phản hồi</Typography></Th>
                        <Th><Typography variant="sigma">Cải chính</Typography></Th>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {g.items.map((item) => (
                        <ClippingRow key={item.documentId} item={item} />
                      ))}
                    </Tbody>
                  </Table>
                </Box>
              ))}
            </Flex>
          )}

          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Flex gap={4} wrap="wrap">
                <Typography variant="delta" tag="h2">
                  Nguồn tin
                </Typography>
                <Link to={`/content-manager/collection-types/${OUTLET}`}>
                  <Typography variant="pi">Thêm, sửa, bật hoặc tắt nguồn tin</Typography>
                </Link>
                <Link to={`/content-manager/single-types/${SETTING}`}>
                  <Typography variant="pi">Từ khoá chung</Typography>
                </Link>
              </Flex>
              {outlets.length === 0 ? (
                <Typography>Chưa có nguồn tin nào.</Typography>
              ) : (
                <Table colCount={4} rowCount={outlets.length + 1}>
                  <Thead>
                    <Tr>
                      <Th><Typography variant="sigma">Nguồn tin</Typography></Th>
                      <Th><Typography variant="sigma">Theo dõi</Typography></Th>
                      <Th><Typography variant="sigma">Lần nhập gần nhất</Typography></Th>
                      <Th><Typography variant="sigma">Kết quả</Typography></Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {outlets.map((o) => (
                      <Tr key={o.documentId}>
                        <Td>
                          <Link to={`/content-manager/collection-types/${OUTLET}/${o.documentId}`}>
                            <Typography>{o.name}</Typography>
                          </Link>
                        </Td>
                        <Td>{o.active ? <Badge variant="success">Đang theo dõi</Badge> : <Badge>Tạm dừng</Badge>}</Td>
                        <Td>
                          <Typography>{o.lastImportAt ? formatDateTime(o.lastImportAt) : 'Chưa nhập'}</Typography>
                        </Td>
                        <Td style={{ whiteSpace: 'normal' }}>
                          <Typography textColor={o.lastImportOk === false ? 'danger600' : 'neutral800'}>{o.lastImportResult ?? '—'}</Typography>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              )}
            </Flex>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
