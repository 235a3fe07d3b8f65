/**
 * Admin home page widget "Hộp thư cần xử lý": new citizen questions, questions in progress, answers not
 * yet published, press requests and information requests waiting and overdue — each a link to the filtered list.
 */
import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';

type Summary = Record<'newQuestions' | 'questionsInProgress' | 'answeredNotPublished' | 'pressWaiting' | 'pressOverdue' | 'infoWaiting' | 'infoOverdue', number | null>;

const list = (uid: string, filter: string) => `/content-manager/collection-types/${uid}?page=1&pageSize=20&sort=createdAt:DESC&${filter}`;
const Q = 'api::citizen-question.citizen-question';
const P = 'api::press-request.press-request';
const I = 'api::information-request.information-request';
const INFO_OPEN = 'filters[$and][0][state][$in][0]=received&filters[$and][0][state][$in][1]=processing&filters[$and][0][state][$in][2]=extended';

const ROWS: Array<{ key: keyof Summary; label: string; to: string; alert?: boolean }> = [
  { key: 'newQuestions', label: 'Câu hỏi mới chưa giao', to: list(Q, 'filters[$and][0][state][$eq]=received') },
  { key: 'questionsInProgress', label: 'Câu hỏi đang xử lý', to: list(Q, 'filters[$and][0][state][$eq]=assigned') },
  { key: 'answeredNotPublished', label: 'Đã trả lời, chưa công bố', to: list(Q, 'filters[$and][0][state][$eq]=answered') },
  { key: 'pressWaiting', label: 'Đề nghị của báo chí chờ trả lời', to: list(P, 'filters[$and][0][state][$in][0]=received&filters[$and][0][state][$in][1]=assigned') },
  { key: 'pressOverdue', label: 'Đề nghị của báo chí quá hạn', to: list(P, 'filters[$and][0][state][$in][0]=received&filters[$and][0][state][$in][1]=assigned'), alert: true },
  { key: 'infoWaiting', label: 'Yêu cầu cung cấp thông tin chờ giải quyết', to: list(I, INFO_OPEN) },
  { key: 'infoOverdue', label: 'Yêu cầu cung cấp thông tin quá hạn', to: list(I, INFO_OPEN).replace('sort=createdAt:DESC', 'sort=deadline:ASC'), alert: true },
];

export function InboxWidget() {
  const { get } = useFetchClient();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    get<{ data: Summary }>('/thads/inbox-summary')
      .then(({ data }) => setSummary(data.data))
      .catch(() => setFailed(true));
  }, [get]);
  if (failed) return <p>Không tải được số liệu hộp thư.</p>;
  if (!summary) return <p>Đang tải…</p>;
  const rows = ROWS.filter((r) => summary[r.key] !== null);
  if (!rows.length) return <p>Bạn không phụ trách hộp thư nào.</p>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
      {rows.map((r) => (
        <li key={r.key} style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }}>
          <Link to={r.to}>{r.label}</Link>
          <strong style={r.alert && summary[r.key] ? { color: '#b72b1a' } : undefined}>{summary[r.key]}</strong>
        </li>
      ))}
    </ul>
  );
}
