/**
 * "Lịch sử thay đổi": who created, changed, published, unpublished or deleted what and when, for every
 * content type, filtered by type, person, action and dates, newest first, 25 a page. Read from
 * GET /thads/history (src/history/admin-routes.ts), for users holding "Xem lịch sử thay đổi".
 * Registered in src/admin/app.tsx.
 */
import { useEffect, useMemo, useState } from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Badge, Box, Button, DatePicker, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { formatDateTime, HISTORY_ACTION_LABELS, type HistoryAction, type HistoryRow } from '@thads/shared';
import { Link, useSearchParams } from 'react-router-dom';

type Option = { value: string; label: string };
type Options = { types: Option[]; users: Option[]; actions: Option[] };
type Pagination = {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
};

const FILTERS = ['type', 'user', 'action', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

const ACTION_BADGE: Record<HistoryAction, 'success' | 'primary' | 'neutral' | 'danger' | 'warning' | 'secondary'> = {
  create: 'success',
  update: 'primary',
  publish: 'success',
  unpublish: 'warning',
  delete: 'danger',
  discard: 'neutral',
  submit: 'secondary',
  return: 'warning',
  approve: 'success',
  import: 'secondary',
};

const errorMessage = (error: any) => error?.response?.data?.error?.message ?? 'Không tải được lịch sử, vui lòng thử lại.';
/** YYYY-MM-DD of a date picked in the browser (the editors are in Vietnam). */
const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const fromIsoDay = (s: string | null) => (s ? new Date(`${s}T00:00:00`) : undefined);

export default function HistoryPage() {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [params, setParams] = useSearchParams();
  const [options, setOptions] = useState<Options | null>(null);
  const [rows, setRows] = useState<HistoryRow[] | null>(null);
  const [pagination, setPagination] = useState<Pagination | null>(null);
  const page = Number(params.get('page') ?? 1);
  const query = useMemo(() => {
    const q: Record<string, string> = { page: String(page), pageSize: '25' };
    for (const f of FILTERS) {
      const v = params.get(f);
      if (v) q[f] = v;
    }
    return q;
  }, [params, page]);

  useEffect(() => {
    get<{ data: Options }>('/thads/history/options')
      .then(({ data }) => setOptions(data.data))
      .catch((error) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
  }, [get, toggleNotification]);

  useEffect(() => {
    setRows(null);
    get<{ data: HistoryRow[]; meta: { pagination: Pagination } }>('/thads/history', { params: query })
      .then(({ data }) => {
        setRows(data.data);
        setPagination(data.meta.pagination);
      })
      .catch((error) => {
        setRows([]);
        toggleNotification({ type: 'danger', message: errorMessage(error) });
      });
  }, [get, query, toggleNotification]);

  const setFilter = (name: Filter, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  const goTo = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
  };
  const select = (name: Filter, label: string, placeholder: string, choices: Option[] | undefined) => (
    <Field.Root name={name} style={{ minWidth: 220 }}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect placeholder={placeholder} value={params.get(name) ?? ''} onChange={(v) => setFilter(name, String(v))} onClear={() => setFilter(name, undefined)} clearLabel="Bỏ lọc">
        {(choices ?? []).map((o) => (
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
        value={fromIsoDay(params.get(name))}
        onChange={(d) => setFilter(name, d ? isoDay(d) : undefined)}
        onClear={() => setFilter(name, undefined)}
        clearLabel="Xoá ngày"
        calendarLabel={label}
        monthSelectLabel="Tháng"
        yearSelectLabel="Năm"
      />
    </Field.Root>
  );
  const filtered = FILTERS.some((f) => params.get(f));

  return (
    <Page.Main>
      <Page.Title>Lịch sử thay đổi</Page.Title>
      <Layouts.Header title="Lịch sử thay đổi" subtitle="Mọi lần tạo, sửa, xuất bản, gỡ xuất bản và xoá nội dung: ai làm, lúc nào, sửa những trường nào. Ghi tự động, không ai sửa hay xoá được." />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius>
            <Flex gap={4} wrap="wrap" alignItems="flex-end">
              {select('type', 'Loại nội dung', 'Tất cả loại', options?.types)}
              {select('user', 'Người thực hiện', 'Tất cả mọi người', options?.users)}
              {select('action', 'Thao tác', 'Tất cả thao tác', options?.actions)}
              {day('from', 'Từ ngày')}
              {day('to', 'Đến ngày')}
              {filtered && (
                <Button variant="tertiary" onClick={() => setParams(new URLSearchParams())}>
                  Bỏ mọi bộ lọc
                </Button>
              )}
            </Flex>
          </Box>

          {rows === null ? (
            <Typography>Đang tải…</Typography>
          ) : rows.length === 0 ? (
            <Box background="neutral0" padding={6} hasRadius>
              <Typography>{filtered ? 'Không có thay đổi nào khớp bộ lọc.' : 'Chưa có thay đổi nào được ghi lại.'}</Typography>
            </Box>
          ) : (
            <Table colCount={6} rowCount={rows.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">Thời điểm</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Người thực hiện</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Thao tác</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Loại nội dung</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Tiêu đề</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Trường đã sửa, ghi chú</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((r) => (
                  <Tr key={r.id}>
                    <Td>
                      <Typography>{formatDateTime(r.at)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{r.actorName}</Typography>
                    </Td>
                    <Td>
                      <Badge variant={ACTION_BADGE[r.action]}>{HISTORY_ACTION_LABELS[r.action]}</Badge>
                    </Td>
                    <Td>
                      <Typography>{r.typeLabel}</Typography>
                    </Td>
                    <Td style={{ whiteSpace: 'normal', maxWidth: 360 }}>
                      {r.editPath ? (
                        <Link to={r.editPath}>
                          <Typography textColor="primary600">{r.title ?? r.targetDocumentId}</Typography>
                        </Link>
                      ) : (
                        <Typography textColor="neutral600">{r.title ?? r.targetDocumentId} (đã xoá)</Typography>
                      )}
                    </Td>
                    <Td style={{ whiteSpace: 'normal', maxWidth: 360 }}>
                      <Typography variant="pi">{[r.changedFieldLabels.join(', '), r.note].filter(Boolean).join(' — ') || '—'}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}

          {pagination && pagination.pageCount > 1 && (
            <Flex gap={2} justifyContent="space-between" alignItems="center">
              <Typography variant="pi">
                Trang {pagination.page}/{pagination.pageCount} — {pagination.total} thay đổi
              </Typography>
              <Flex gap={2}>
                <Button variant="secondary" disabled={pagination.page <= 1} onClick={() => goTo(pagination.page - 1)}>
                  Trang trước
                </Button>
                <Button variant="secondary" disabled={pagination.page >= pagination.pageCount} onClick={() => goTo(pagination.page + 1)}>
                  Trang sau
                </Button>
              </Flex>
            </Flex>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
