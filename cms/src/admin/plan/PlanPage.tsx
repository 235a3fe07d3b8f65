/**
 * "Kế hoạch truyền thông": the tasks of the communications plan with their status, lead and coordinating
 * units and the published items evidencing them; per unit, the tasks it leads and coordinates. Tasks are
 * edited in the Content Manager ("Nhiệm vụ kế hoạch truyền thông"); this page reads GET /thads/plan
 * (src/reports/admin-routes.ts), for users holding "Xem báo cáo, kế hoạch truyền thông". Registered in app.tsx.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Badge, Box, Flex, Grid, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { formatDate, PLAN_TASK_STATUS_LABELS, PLAN_TASK_STATUSES, type PlanProgress, type PlanTaskStatus } from '@thads/shared';
import { Link } from 'react-router-dom';

const BADGE: Record<PlanTaskStatus, 'success' | 'secondary' | 'neutral'> = { 'hoan-thanh': 'success', 'dang-thuc-hien': 'secondary', 'chua-bat-dau': 'neutral' };
const errorMessage = (error: any) => error?.response?.data?.error?.message ?? 'Không tải được kế hoạch, vui lòng thử lại.';
const SHOWN = 3;

function Status({ value }: { value: PlanTaskStatus }) {
  return <Badge variant={BADGE[value]}>{PLAN_TASK_STATUS_LABELS[value]}</Badge>;
}

/** A titled table of the page: its heading, column headers and rows (`children`, the Tbody's rows). */
function TableSection({ title, columns, rows, children }: { title: string; columns: string[]; rows: number; children: ReactNode }) {
  return (
    <Box background="neutral0" shadow="tableShadow" hasRadius>
      <Box padding={5} paddingBottom={2}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
      </Box>
      <Table colCount={columns.length} rowCount={rows + 1}>
        <Thead>
          <Tr>
            {columns.map((c) => (
              <Th key={c}>
                <Typography variant="sigma">{c}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>{children}</Tbody>
      </Table>
    </Box>
  );
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="alpha" tag="p">
        {value}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {label}
      </Typography>
    </Flex>
  );
}

export default function PlanPage() {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [plan, setPlan] = useState<PlanProgress | null>(null);

  useEffect(() => {
    get<{ data: PlanProgress }>('/thads/plan')
      .then(({ data }) => setPlan(data.data))
      .catch((error) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
  }, [get, toggleNotification]);

  return (
    <Page.Main>
      <Page.Title>Kế hoạch truyền thông</Page.Title>
      <Layouts.Header
        title="Tiến độ kế hoạch truyền thông"
        subtitle="Các nhiệm vụ của kế hoạch, tình trạng, đơn vị chủ trì, phối hợp và các nội dung đã xuất bản làm minh chứng. Sửa nhiệm vụ, gắn minh chứng trong mục Nội dung › Nhiệm vụ kế hoạch truyền thông."
        secondaryAction={
          <Link to="/bao-cao">
            <Typography textColor="primary600">← Báo cáo kết quả truyền thông</Typography>
          </Link>
        }
      />
      <Layouts.Content>
        {!plan ? (
          <Typography>Đang tải…</Typography>
        ) : plan.tasks.length === 0 ? (
          <Box background="neutral0" padding={6} hasRadius>
            <Typography>Chưa có nhiệm vụ nào. Thêm nhiệm vụ trong mục Nội dung › Nhiệm vụ kế hoạch truyền thông.</Typography>
          </Box>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={5}>
            <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
              <Flex gap={8} wrap="wrap" alignItems="center">
                <Stat label="nhiệm vụ" value={plan.summary.total} />
                {PLAN_TASK_STATUSES.map((s) => (
                  <Stat key={s} label={PLAN_TASK_STATUS_LABELS[s].toLowerCase()} value={plan.summary.byStatus[s]} />
                ))}
                <Stat label="nội dung minh chứng đã xuất bản" value={plan.summary.evidenceTotal} />
                <Flex direction="column" alignItems="flex-start" gap={2} style={{ minWidth: 220 }}>
                  <Typography variant="pi" textColor="neutral600" id="plan-done-label">
                    Hoàn thành {plan.summary.percentDone}% số nhiệm vụ
                  </Typography>
                  <div role="progressbar" aria-labelledby="plan-done-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={plan.summary.percentDone} style={{ width: 220, height: 8, borderRadius: 4, background: '#eaeaef' }}>
                    <div style={{ width: `${plan.summary.percentDone}%`, height: '100%', borderRadius: 4, background: '#328048' }} />
                  </div>
                </Flex>
              </Flex>
            </Box>

            <TableSection title="Theo nhiệm vụ" columns={['Mã', 'Nhiệm vụ, sản phẩm', 'Chủ trì, phối hợp', 'Thời gian', 'Tình trạng', 'Minh chứng đã xuất bản']} rows={plan.tasks.length}>
                  {plan.tasks.map((t) => (
                    <Tr key={t.documentId} style={{ verticalAlign: 'top' }}>
                      <Td>
                        <Typography fontWeight="bold">{t.code}</Typography>
                      </Td>
                      <Td style={{ whiteSpace: 'normal', maxWidth: 380 }}>
                        <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
                          <Link to={t.editPath}>
                            <Typography textColor="primary600" fontWeight="semiBold">
                              {t.title}
                            </Typography>
                          </Link>
                          {t.product && (
                            <Typography variant="pi" textColor="neutral600">
                              Sản phẩm: {t.product}
                            </Typography>
                          )}
                        </Flex>
                      </Td>
                      <Td style={{ whiteSpace: 'normal', maxWidth: 260 }}>
                        <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
                          <Typography fontWeight="semiBold">{t.leadUnit?.name ?? 'Chưa giao'}</Typography>
                          {t.coordinatingUnits.length > 0 && (
                            <Typography variant="pi" textColor="neutral600">
                              Phối hợp: {t.coordinatingUnits.length > 4 ? `${t.coordinatingUnits.length} đơn vị` : t.coordinatingUnits.map((u) => u.name).join('; ')}
                            </Typography>
                          )}
                          {t.externalPartners && (
                            <Typography variant="pi" textColor="neutral600">
                              Bên ngoài: {t.externalPartners}
                            </Typography>
                          )}
                        </Flex>
                      </Td>
                      <Td style={{ whiteSpace: 'normal', maxWidth: 180 }}>
                        <Typography variant="pi">{t.timing ?? '—'}</Typography>
                      </Td>
                      <Td>
                        <Status value={t.progress} />
                      </Td>
                      <Td style={{ whiteSpace: 'normal', maxWidth: 340 }}>
                        <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
                          <Typography fontWeight="semiBold">{t.evidenceCount === 0 ? 'Chưa có' : `${t.evidenceCount} nội dung`}</Typography>
                          {t.evidence.slice(0, SHOWN).map((e) => (
                            <Link key={`${e.uid}-${e.documentId}`} to={e.editPath}>
                              <Typography variant="pi" textColor="primary600">
                                {formatDate(e.date)} · {e.typeLabel}: {e.title}
                              </Typography>
                            </Link>
                          ))}
                          {t.evidence.length > SHOWN && (
                            <Typography variant="pi" textColor="neutral600">
                              và {t.evidence.length - SHOWN} nội dung khác
                            </Typography>
                          )}
                        </Flex>
                      </Td>
                    </Tr>
                  ))}
            </TableSection>

            <TableSection title="Theo đơn vị" columns={['Đơn vị', 'Chủ trì', 'Phối hợp', 'Tình trạng các nhiệm vụ']} rows={plan.units.length}>
                  {plan.units.map((u) => (
                    <Tr key={u.documentId} style={{ verticalAlign: 'top' }}>
                      <Td style={{ whiteSpace: 'normal', maxWidth: 260 }}>
                        <Typography fontWeight="semiBold">{u.name}</Typography>
                      </Td>
                      {[u.lead, u.coordinating].map((list, i) => (
                        <Td key={i} style={{ whiteSpace: 'normal', maxWidth: 300 }}>
                          <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
                            {list.length === 0 ? (
                              <Typography textColor="neutral500">—</Typography>
                            ) : (
                              list.map((t) => (
                                <Flex key={t.code} gap={2}>
                                  <Typography variant="pi" fontWeight="bold">
                                    {t.code}
                                  </Typography>
                                  <Status value={t.progress} />
                                </Flex>
                              ))
                            )}
                          </Flex>
                        </Td>
                      ))}
                      <Td>
                        <Grid.Root gap={1}>
                          {PLAN_TASK_STATUSES.map((s) => (
                            <Grid.Item key={s} col={12}>
                              <Typography variant="pi">
                                {PLAN_TASK_STATUS_LABELS[s]}: <strong>{u.byStatus[s]}</strong>
                              </Typography>
                            </Grid.Item>
                          ))}
                        </Grid.Root>
                      </Td>
                    </Tr>
                  ))}
            </TableSection>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}
