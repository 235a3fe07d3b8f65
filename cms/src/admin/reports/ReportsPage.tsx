/**
 * "Báo cáo": what was published in a month, a quarter, a year or any range, for every unit or one — per
 * content type, per unit, per article format, per communication theme and over time — with charts, and the
 * same report as XLSX or as a DOCX administrative report. Read from GET /thads/reports
 * (src/reports/admin-routes.ts) by users holding "Xem báo cáo, kế hoạch truyền thông". Registered in app.tsx.
 */
import { useEffect, useMemo, useState } from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, DatePicker, Field, Flex, Grid, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { QUARTER_NUMERALS, REPORT_PERIOD_LABELS, REPORT_PERIODS, type PublicationReport, type ReportBucket, type ReportRow } from '@thads/shared';
import { Link, useSearchParams } from 'react-router-dom';
import { BarChart, ColumnChart } from './BarChart';

type Option = { value: string; label: string };
type Options = { units: Option[]; years: number[]; current: { year: number; month: number; quarter: number } };

const KEYS = ['period', 'year', 'month', 'quarter', 'from', 'to', 'unit'] as const;
const errorMessage = (error: any) => error?.response?.data?.error?.message ?? 'Không tải được báo cáo, vui lòng thử lại.';
const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const fromIsoDay = (s: string | null) => (s ? new Date(`${s}T00:00:00`) : undefined);
const n = (x: number) => x.toLocaleString('vi-VN');

/** A titled white panel. */
function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {children}
      </Flex>
    </Box>
  );
}

/** Label + count table with a total line. */
function CountTable({ head, rows, total, unitLabel = 'Số lượng' }: { head: string; rows: ReportBucket[]; total?: number; unitLabel?: string }) {
  return (
    <Table colCount={2} rowCount={rows.length + 2}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{head}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{unitLabel}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((r) => (
          <Tr key={r.key}>
            <Td style={{ whiteSpace: 'normal' }}>
              <Typography>{r.label}</Typography>
            </Td>
            <Td>
              <Typography fontWeight="semiBold">{n(r.count)}</Typography>
            </Td>
          </Tr>
        ))}
        {total !== undefined && (
          <Tr>
            <Td>
              <Typography fontWeight="bold">Tổng cộng</Typography>
            </Td>
            <Td>
              <Typography fontWeight="bold">{n(total)}</Typography>
            </Td>
          </Tr>
        )}
      </Tbody>
    </Table>
  );
}

/** Rows split by content type: one column per type, then the total. */
function TypedTable({ head, report, rows }: { head: string; report: PublicationReport; rows: ReportRow[] }) {
  const types = report.types.filter((t) => t.count > 0);
  const total = (key: string) => rows.reduce((a, r) => a + (r.byType[key] ?? 0), 0);
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table colCount={types.length + 2} rowCount={rows.length + 2}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{head}</Typography>
            </Th>
            {types.map((t) => (
              <Th key={t.key}>
                <Typography variant="sigma">{t.label}</Typography>
              </Th>
            ))}
            <Th>
              <Typography variant="sigma">Tổng số</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((r) => (
            <Tr key={r.key || 'none'}>
              <Td style={{ whiteSpace: 'normal', minWidth: 200 }}>
                <Typography>{r.label}</Typography>
              </Td>
              {types.map((t) => (
                <Td key={t.key}>
                  <Typography textColor={r.byType[t.key] ? 'neutral800' : 'neutral500'}>{n(r.byType[t.key] ?? 0)}</Typography>
                </Td>
              ))}
              <Td>
                <Typography fontWeight="semiBold">{n(r.count)}</Typography>
              </Td>
            </Tr>
          ))}
          <Tr>
            <Td>
              <Typography fontWeight="bold">Tổng cộng</Typography>
            </Td>
            {types.map((t) => (
              <Td key={t.key}>
                <Typography fontWeight="bold">{n(total(t.key))}</Typography>
              </Td>
            ))}
            <Td>
              <Typography fontWeight="bold">{n(rows.reduce((a, r) => a + r.count, 0))}</Typography>
            </Td>
          </Tr>
        </Tbody>
      </Table>
    </Box>
  );
}

export default function ReportsPage() {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [params, setParams] = useSearchParams();
  const [options, setOptions] = useState<Options | null>(null);
  const [report, setReport] = useState<PublicationReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState<'xlsx' | 'docx' | null>(null);

  useEffect(() => {
    get<{ data: Options }>('/thads/reports/options')
      .then(({ data }) => setOptions(data.data))
      .catch((error) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
  }, [get, toggleNotification]);

  // The query: what the address says, else this year.
  const query = useMemo(() => {
    if (!options) return null;
    const q: Record<string, string> = {};
    for (const k of KEYS) {
      const v = params.get(k);
      if (v) q[k] = v;
    }
    q.period ??= 'nam';
    if (q.period !== 'tuy-chon') q.year ??= String(options.current.year);
    if (q.period === 'thang') q.month ??= String(options.current.month);
    if (q.period === 'quy') q.quarter ??= String(options.current.quarter);
    if (q.period === 'tuy-chon') {
      q.from ??= `${options.current.year}-01-01`;
      q.to ??= isoDay(new Date());
    }
    for (const k of ['month', 'quarter'] as const) if (q.period !== { month: 'thang', quarter: 'quy' }[k]) delete q[k];
    if (q.period === 'tuy-chon') delete q.year;
    else {
      delete q.from;
      delete q.to;
    }
    return q;
  }, [options, params]);

  useEffect(() => {
    if (!query) return;
    setLoading(true);
    get<{ data: PublicationReport }>('/thads/reports', { params: query })
      .then(({ data }) => setReport(data.data))
      .catch((error) => {
        setReport(null);
        toggleNotification({ type: 'danger', message: errorMessage(error) });
      })
      .finally(() => setLoading(false));
  }, [get, query, toggleNotification]);

  const set = (changes: Partial<Record<(typeof KEYS)[number], string | undefined>>) => {
    const next = new URLSearchParams(query ?? {});
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  const download = async (kind: 'xlsx' | 'docx') => {
    if (!query || !report) return;
    setBusy(kind);
    try {
      const extra = kind === 'docx' && number.trim() ? { number: number.trim() } : {};
      const { data } = await get<Blob>(`/thads/reports/export.${kind}`, { params: { ...query, ...extra }, responseType: 'blob' });
      const url = URL.createObjectURL(data);
      const a = document.createElement('a');
      a.href = url;
      a.download = `bao-cao-truyen-thong-${report.period.from}-${report.period.to}.${kind}`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      toggleNotification({ type: 'danger', message: kind === 'docx' && number ? 'Không tạo được tệp. Kiểm tra số báo cáo (chỉ chữ số, chữ cái, dấu chấm, gạch nối).' : errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const select = (name: string, label: string, value: string, choices: Option[], onChange: (v: string) => void, width = 160) => (
    <Field.Root name={name} style={{ minWidth: width }}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={value} onChange={(v) => onChange(String(v))}>
        {choices.map((o) => (
          <SingleSelectOption key={o.value} value={o.value}>
            {o.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
  const day = (name: 'from' | 'to', label: string) => (
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      <DatePicker
        locale="vi-VN"
        value={fromIsoDay(query?.[name] ?? null)}
        onChange={(d) => d && set({ [name]: isoDay(d) })}
        clearLabel="Xoá ngày"
        calendarLabel={label}
        monthSelectLabel="Tháng"
        yearSelectLabel="Năm"
      />
    </Field.Root>
  );

  const period = query?.period ?? 'nam';
  const years = (options?.years ?? []).map((y) => ({ value: String(y), label: String(y) }));
  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `Tháng ${i + 1}` }));
  const quarters = QUARTER_NUMERALS.map((q, i) => ({ value: String(i + 1), label: `Quý ${q}` }));
  const units = [{ value: '', label: 'Tất cả đơn vị' }, ...(options?.units ?? [])];
  const series = report ? (report.months.length > 24 ? report.years : report.months.length > 12 ? report.quarters : report.months) : [];
  const seriesName = report && series === report.years ? 'năm' : report && series === report.quarters ? 'quý' : 'tháng';
  const articles = report?.types.find((t) => t.key === 'api::article.article');

  return (
    <Page.Main>
      <Page.Title>Báo cáo</Page.Title>
      <Layouts.Header
        title="Báo cáo kết quả truyền thông"
        subtitle="Số tin, bài và nội dung đã xuất bản trong kỳ: theo loại, đơn vị, hình thức, chủ đề và thời gian. Ngày của mỗi nội dung là ngày đăng hiển thị trên trang."
        secondaryAction={
          <Link to="/ke-hoach-truyen-thong">
            <Typography textColor="primary600">Tiến độ kế hoạch truyền thông →</Typography>
          </Link>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={5}>
          <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius>
            <Flex gap={4} wrap="wrap" alignItems="flex-end">
              {select('period', 'Kỳ báo cáo', period, REPORT_PERIODS.map((p) => ({ value: p, label: REPORT_PERIOD_LABELS[p] })), (v) => set({ period: v }))}
              {period === 'thang' && select('month', 'Tháng', query?.month ?? '', months, (v) => set({ month: v }), 130)}
              {period === 'quy' && select('quarter', 'Quý', query?.quarter ?? '', quarters, (v) => set({ quarter: v }), 120)}
              {period !== 'tuy-chon' && select('year', 'Năm', query?.year ?? '', years, (v) => set({ year: v }), 110)}
              {period === 'tuy-chon' && day('from', 'Từ ngày')}
              {period === 'tuy-chon' && day('to', 'Đến ngày')}
              {select('unit', 'Đơn vị', query?.unit ?? '', units, (v) => set({ unit: v || undefined }), 280)}
            </Flex>
          </Box>

          {!report ? (
            <Typography>{loading || !options ? 'Đang tải…' : 'Chưa có báo cáo.'}</Typography>
          ) : (
            <>
              <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
                <Flex gap={6} wrap="wrap" alignItems="flex-end" justifyContent="space-between">
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Typography variant="beta" tag="p">
                      {report.subject}
                    </Typography>
                    <Typography variant="omega" textColor="neutral600">
                      {report.total === 0 ? 'Không có nội dung nào được xuất bản trong kỳ.' : `${n(report.total)} nội dung đã xuất bản${articles ? `, trong đó ${n(articles.count)} tin, bài` : ''}.`}
                      {loading ? ' Đang cập nhật…' : ''}
                    </Typography>
                  </Flex>
                  <Flex gap={2} wrap="wrap" alignItems="flex-end">
                    <Button variant="secondary" startIcon={<Download />} loading={busy === 'xlsx'} onClick={() => download('xlsx')}>
                      Tải bảng tính (XLSX)
                    </Button>
                    <Field.Root name="number" hint="Để trống nếu văn thư ghi số sau.">
                      <Field.Label>Số báo cáo</Field.Label>
                      <TextInput placeholder="Ví dụ: 125" value={number} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setNumber(e.target.value)} style={{ width: 120 }} />
                    </Field.Root>
                    <Button startIcon={<Download />} loading={busy === 'docx'} onClick={() => download('docx')}>
                      Tải báo cáo Word (DOCX)
                    </Button>
                  </Flex>
                </Flex>
              </Box>

              <Grid.Root gap={5}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Panel title="Theo loại nội dung">
                    <BarChart title="Số nội dung đã xuất bản theo loại" bars={report.types} />
                    <CountTable head="Loại nội dung" rows={report.types} total={report.total} />
                  </Panel>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Panel title={`Theo ${seriesName}`}>
                    <ColumnChart title={`Số nội dung đã xuất bản theo ${seriesName}`} bars={series} />
                    <CountTable head={seriesName === 'năm' ? 'Năm' : seriesName === 'quý' ? 'Quý' : 'Tháng'} rows={series} total={report.total} />
                  </Panel>
                </Grid.Item>
              </Grid.Root>

              <Panel title="Theo đơn vị">
                <BarChart title="Số nội dung đã xuất bản theo đơn vị" bars={report.units} color="#0c75af" />
                <TypedTable head="Đơn vị" report={report} rows={report.units} />
              </Panel>

              <Grid.Root gap={5}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Panel title="Tin, bài theo hình thức">
                    <BarChart title="Số tin, bài theo hình thức" bars={report.formats} color="#ac73e6" />
                    <CountTable head="Hình thức" rows={report.formats} unitLabel="Số tin, bài" total={report.formats.reduce((a, f) => a + f.count, 0)} />
                  </Panel>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Panel title="Tin, bài theo chủ đề truyền thông">
                    <BarChart title="Số tin, bài theo chủ đề truyền thông" bars={report.themes} color="#d9822f" />
                    <CountTable head="Chủ đề" rows={report.themes} unitLabel="Số tin, bài" />
                    <Typography variant="pi" textColor="neutral600">
                      Một tin, bài thuộc nhiều chủ đề được tính ở mỗi chủ đề.
                    </Typography>
                  </Panel>
                </Grid.Item>
              </Grid.Root>

              {report.months.length > 1 && (
                <Panel title="Theo tháng và loại nội dung">
                  <TypedTable head="Tháng" report={report} rows={report.months} />
                </Panel>
              )}
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
