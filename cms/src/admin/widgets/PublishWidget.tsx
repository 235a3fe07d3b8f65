/**
 * Admin home page widget "Xuất bản trang công khai": when the public site was last updated, or, in red,
 * that publishing is failing and why (the publisher's status, relayed by GET /thads/publish-status).
 * Refreshes every 15 s while the home page is open.
 */
import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

type PublishStatus = {
  state: 'idle' | 'building' | 'failed';
  lastSuccessAt: string | null;
  lastDurationMs: number | null;
  lastError: { message: string; at: string; tail: string[] } | null;
  queue: { pending: boolean; events: number };
};
type Reply = { configured: boolean; reachable: boolean; status: PublishStatus | null; error?: string };

const RED = '#b72b1a';
const time = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

export function PublishWidget() {
  const { get } = useFetchClient();
  const [reply, setReply] = useState<Reply | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    const load = () =>
      get<{ data: Reply }>('/thads/publish-status')
        .then(({ data }) => alive && (setReply(data.data), setFailed(false)))
        .catch(() => alive && setFailed(true));
    load();
    const timer = window.setInterval(load, 15_000);
    return () => {
      alive = false;
      window.clearInterval(timer);
    };
  }, [get]);

  if (failed) return <p>Không tải được trạng thái xuất bản.</p>;
  if (!reply) return <p>Đang tải…</p>;
  if (!reply.configured) return <p>Chưa cấu hình xuất bản tự động (PUBLISHER_URL, PUBLISHER_SECRET).</p>;
  if (!reply.reachable || !reply.status) return <p style={{ color: RED }}>Xuất bản đang bị lỗi: {reply.error ?? 'không liên lạc được với dịch vụ xuất bản.'}</p>;
  const s = reply.status;
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      {s.lastError ? (
        <p role="alert" style={{ color: RED }}>
          <strong>Xuất bản đang bị lỗi:</strong> {s.lastError.message}
        </p>
      ) : null}
      {s.lastSuccessAt ? (
        <p>
          Trang công khai đã cập nhật lúc <strong>{time(s.lastSuccessAt)}</strong>
          {s.lastDurationMs ? ` (dựng trong ${Math.round(s.lastDurationMs / 1000)} giây)` : ''}.
        </p>
      ) : (
        <p>Trang công khai chưa được dựng lần nào từ khi dịch vụ xuất bản khởi động.</p>
      )}
      {s.state === 'building' ? <p>Đang dựng lại trang công khai…</p> : s.queue.pending ? <p>Sắp dựng lại trang ({s.queue.events} thay đổi đang chờ).</p> : null}
    </div>
  );
}
