/**
 * "Nhập danh sách chưa có điều kiện thi hành": an editor chooses the unit and a spreadsheet (XLSX or CSV),
 * sees what the import would do and every error (row, column, message), and confirms. The admin routes
 * (src/debtors/admin-routes.ts) check the file again and the user's permissions; a file with any error
 * stores nothing. Registered in src/admin/app.tsx (menu link for users who may publish debtor entries).
 */
import { useEffect, useRef, useState } from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Alert, Badge, Box, Button, Field, Flex, ProgressBar, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Link } from 'react-router-dom';

type Unit = { documentId: string; name: string };
type RowAction = 'them-moi' | 'cap-nhat' | 'khong-doi' | 'da-giai-quyet';
type Plan = {
  fileName: string;
  errors: { row: number | null; column: string | null; message: string }[];
  ignoredColumns: string[];
  summary: Record<RowAction, number> & { rows: number };
  rows: { row: number; name: string; unitName: string; decisionNumber: string; action: RowAction; changes: string[] }[];
};
/** A large file is written in the background; the page asks for its progress every second. */
type Job = { id: string; state: 'dang-ghi' | 'xong' | 'loi'; fileName: string; total: number; written: number; error: string | null; plan: Plan };

const BASE = '/thads/debtor-listings/import';
const UID = 'api::debtor-listing.debtor-listing';
const SHOWN_ROWS = 200;
const ACTIONS: Record<RowAction, { label: string; variant: 'success' | 'primary' | 'neutral' | 'warning' }> = {
  'them-moi': { label: 'Thêm mới', variant: 'success' },
  'cap-nhat': { label: 'Cập nhật', variant: 'primary' },
  'khong-doi': { label: 'Không đổi', variant: 'neutral' },
  'da-giai-quyet': { label: 'Đã giải quyết – bỏ qua', variant: 'warning' },
};

const errorMessage = (error: any) => error?.response?.data?.error?.message ?? 'Không thực hiện được, vui lòng thử lại.';
const errorPlan = (error: any): Plan | null => (error?.response?.data?.error?.details?.errors ? (error.response.data.error.details as Plan) : null);

export default function ImportPage() {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [units, setUnits] = useState<Unit[]>([]);
  const [unit, setUnit] = useState<string>('');
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [done, setDone] = useState<Plan | null>(null);
  const [busy, setBusy] = useState<'preview' | 'confirm' | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    get<{ data: Unit[] }>(`${BASE}/units`)
      .then(({ data }) => setUnits(data.data))
      .catch((error) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
  }, [get, toggleNotification]);

  // While a background import runs, follow it; when it ends, say how it went.
  useEffect(() => {
    if (job?.state !== 'dang-ghi') return;
    const timer = window.setInterval(async () => {
      try {
        const { data } = await get<{ data: Job | null }>(`${BASE}/job`);
        const next = data.data;
        if (!next || next.id !== job.id) return;
        setJob(next);
        if (next.state === 'xong') finished(next.plan);
        if (next.state === 'loi') toggleNotification({ type: 'danger', message: next.error ?? 'Nhập bị gián đoạn.' });
      } catch {
        /* try again at the next tick */
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [job, get, toggleNotification]);

  const finished = (result: Plan) => {
    setDone(result);
    setPlan(null);
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
    toggleNotification({ type: 'success', message: `Đã nhập: ${result.summary['them-moi']} mục mới, ${result.summary['cap-nhat']} mục cập nhật. Trang công khai được cập nhật ở lần xuất bản kế tiếp.` });
  };

  const form = () => {
    const body = new FormData();
    body.append('file', file!, file!.name);
    if (unit) body.append('unit', unit);
    return body;
  };

  const preview = async () => {
    if (!file) return;
    setBusy('preview');
    setDone(null);
    try {
      const { data } = await post<{ data: Plan }>(`${BASE}/preview`, form());
      setPlan(data.data);
    } catch (error) {
      setPlan(null);
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const confirm = async () => {
    if (!file) return;
    setBusy('confirm');
    try {
      const { data } = await post<{ data: Plan & { job: Job } }>(`${BASE}/confirm`, form());
      setJob(data.data.job);
      if (data.data.job.state === 'xong') finished(data.data);
      else setPlan(null);
    } catch (error) {
      const refused = errorPlan(error);
      if (refused) setPlan(refused);
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const downloadTemplate = async () => {
    try {
      const { data } = await get<Blob>(`${BASE}/template`, { responseType: 'blob' });
      const url = URL.createObjectURL(data);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'mau-danh-sach-chua-co-dieu-kien-thi-hanh.xlsx';
      a.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  const toWrite = plan ? plan.summary['them-moi'] + plan.summary['cap-nhat'] : 0;

  return (
    <Page.Main>
      <Page.Title>Nhập danh sách chưa có điều kiện thi hành</Page.Title>
      <Layouts.Header
        title="Nhập danh sách người chưa có điều kiện thi hành án"
        subtitle="Tệp XLSX hoặc CSV theo mẫu. Xem trước, sửa lỗi trong tệp rồi xác nhận. Tệp còn lỗi thì không dòng nào được lưu; nhập lại cùng một tệp không tạo bản trùng."
        primaryAction={
          <Button variant="secondary" startIcon={<Download />} onClick={downloadTemplate}>
            Tải tệp mẫu (.xlsx)
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="unit" hint="Dùng cho các dòng không ghi cột “Đơn vị”.">
                <Field.Label>Đơn vị</Field.Label>
                <SingleSelect placeholder="Chọn đơn vị đã ra quyết định" value={unit} onChange={(value) => setUnit(String(value))} onClear={() => setUnit('')} clearLabel="Bỏ chọn">
                  {units.map((u) => (
                    <SingleSelectOption key={u.documentId} value={u.documentId}>
                      {u.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
              </Field.Root>
              <Field.Root name="file" required hint="Tối đa 10 MB; trang tính đầu tiên của tệp .xlsx, hoặc .csv mã UTF-8.">
                <Field.Label>Tệp danh sách</Field.Label>
                <input
                  ref={fileInput}
                  id="file"
                  type="file"
                  accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  onChange={(event) => {
                    setFile(event.target.files?.[0] ?? null);
                    setPlan(null);
                  }}
                />
                <Field.Hint />
              </Field.Root>
              <Flex gap={2}>
                <Button onClick={preview} disabled={!file || job?.state === 'dang-ghi'} loading={busy === 'preview'}>
                  Xem trước
                </Button>
                {plan && (
                  <Button variant="success" onClick={confirm} disabled={plan.errors.length > 0 || toWrite === 0} loading={busy === 'confirm'}>
                    {toWrite ? `Xác nhận nhập ${toWrite} dòng` : 'Không có gì thay đổi'}
                  </Button>
                )}
              </Flex>
            </Flex>
          </Box>

          {job?.state === 'dang-ghi' && (
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography variant="delta" tag="h2">
                  Đang ghi {job.fileName}: {job.written}/{job.total} dòng
                </Typography>
                <ProgressBar value={job.total ? Math.round((job.written / job.total) * 100) : 0} aria-label={`Đã ghi ${job.written}/${job.total} dòng`} />
                <Typography variant="pi">Có thể rời trang này; việc ghi vẫn tiếp tục.</Typography>
              </Flex>
            </Box>
          )}

          {job?.state === 'loi' && (
            <Alert variant="danger" title="Nhập bị gián đoạn" closeLabel="Đóng" onClose={() => setJob(null)}>
              {job.error}
            </Alert>
          )}

          {done && (
            <Alert variant="success" title="Đã nhập xong" closeLabel="Đóng" onClose={() => setDone(null)}>
              {done.fileName}: {done.summary['them-moi']} mục mới, {done.summary['cap-nhat']} mục cập nhật, {done.summary['khong-doi']} mục không đổi, {done.summary['da-giai-quyet']} mục đã giải quyết được bỏ qua.{' '}
              <Link to={`/content-manager/collection-types/${UID}`}>Xem danh sách</Link>
            </Alert>
          )}

          {plan && (
            <>
              <Flex gap={2} wrap="wrap">
                {(Object.keys(ACTIONS) as RowAction[]).map((a) => (
                  <Badge key={a} variant={ACTIONS[a].variant}>
                    {ACTIONS[a].label}: {plan.summary[a]}
                  </Badge>
                ))}
              </Flex>

              {plan.ignoredColumns.length > 0 && (
                <Alert variant="warning" title="Cột không dùng" closeLabel="Đóng">
                  Các cột sau không có trong mẫu nên không được nhập: {plan.ignoredColumns.join(', ')}.
                </Alert>
              )}

              {plan.errors.length > 0 ? (
                <>
                  <Alert variant="danger" title={`Tệp có ${plan.errors.length} lỗi: chưa lưu dòng nào`} closeLabel="Đóng">
                    Sửa các lỗi dưới đây trong tệp, chọn lại tệp rồi bấm “Xem trước”.
                  </Alert>
                  <Table colCount={3} rowCount={plan.errors.length + 1}>
                    <Thead>
                      <Tr>
                        <Th><Typography variant="sigma">Dòng</Typography></Th>
                        <Th><Typography variant="sigma">Cột</Typography></Th>
                        <Th><Typography variant="sigma">Lỗi</Typography></Th>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {plan.errors.map((e, i) => (
                        <Tr key={i}>
                          <Td><Typography>{e.row ?? '—'}</Typography></Td>
                          <Td><Typography>{e.column ?? 'Cả tệp'}</Typography></Td>
                          <Td><Typography textColor="danger600">{e.message}</Typography></Td>
                        </Tr>
                      ))}
                    </Tbody>
                  </Table>
                </>
              ) : (
                <>
                  <Typography variant="omega">
                    {plan.summary.rows} dòng hợp lệ
                    {plan.rows.length > SHOWN_ROWS ? `; hiển thị ${SHOWN_ROWS} dòng đầu` : ''}.
                  </Typography>
                  <Table colCount={5} rowCount={Math.min(plan.rows.length, SHOWN_ROWS) + 1}>
                    <Thead>
                      <Tr>
                        <Th><Typography variant="sigma">Dòng</Typography></Th>
                        <Th><Typography variant="sigma">Tên người phải thi hành án</Typography></Th>
                        <Th><Typography variant="sigma">Số quyết định</Typography></Th>
                        <Th><Typography variant="sigma">Đơn vị</Typography></Th>
                        <Th><Typography variant="sigma">Khi nhập</Typography></Th>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {plan.rows.slice(0, SHOWN_ROWS).map((r) => (
                        <Tr key={r.row}>
                          <Td><Typography>{r.row}</Typography></Td>
                          <Td><Typography>{r.name}</Typography></Td>
                          <Td><Typography>{r.decisionNumber}</Typography></Td>
                          <Td><Typography>{r.unitName}</Typography></Td>
                          <Td>
                            <Badge variant={ACTIONS[r.action].variant}>{ACTIONS[r.action].label}</Badge>
                            {r.changes.length > 0 && <Typography variant="pi"> {r.changes.join(', ')}</Typography>}
                          </Td>
                        </Tr>
                      ))}
                    </Tbody>
                  </Table>
                </>
              )}
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
