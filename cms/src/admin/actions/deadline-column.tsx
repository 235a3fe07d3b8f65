/**
 * In the list of press requests and information requests, the "Thời hạn trả lời" / "Hạn trả lời" column shows
 * the date and, for requests still waiting past it, a red "Quá hạn N ngày" so that overdue items stand out;
 * information requests' "Hạn thông báo" likewise while a complex request's written notice is not sent.
 */
import { daysOverdue, formatDate, informationRequestLateness } from '@thads/shared';

type Header = { name: string; cellFormatter?: (row: Record<string, any>) => unknown } & Record<string, unknown>;

export function DeadlineCell({ deadline, state }: { deadline?: string | null; state?: string | null }) {
  if (!deadline) return <span>—</span>;
  const late = daysOverdue(deadline, state);
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      <span>{formatDate(deadline)}</span>
      {late > 0 && (
        <span style={{ background: '#fcecea', color: '#b72b1a', border: '1px solid #f5c0b8', borderRadius: 4, padding: '0 6px', fontWeight: 600, fontSize: 12 }}>
          Quá hạn {late} ngày
        </span>
      )}
    </span>
  );
}

/** An information request's notice due date (complex requests): late while no written notice was sent. */
export function NoticeDueCell({ row }: { row: Record<string, any> }) {
  if (!row.noticeDue) return <span>—</span>;
  const late = informationRequestLateness(row).notice;
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      <span>{formatDate(row.noticeDue)}</span>
      {late > 0 && (
        <span style={{ background: '#fcecea', color: '#b72b1a', border: '1px solid #f5c0b8', borderRadius: 4, padding: '0 6px', fontWeight: 600, fontSize: 12 }}>
          Chưa thông báo, quá hạn {late} ngày
        </span>
      )}
    </span>
  );
}

export const addDeadlineColumn = ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
  layout,
  displayedHeaders: displayedHeaders.map((header) =>
    header.name === 'deadline'
      ? { ...header, cellFormatter: (row: Record<string, any>) => <DeadlineCell deadline={row.deadline} state={row.state} /> }
      : header.name === 'noticeDue'
        ? { ...header, cellFormatter: (row: Record<string, any>) => <NoticeDueCell row={row} /> }
        : header,
  ),
});
