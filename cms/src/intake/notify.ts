/**
 * Tells the editorial board about a new item. By email when SMTP is configured and NOTIFY_EMAILS lists
 * recipients; the message holds the tracking code, subject and a link to the admin, never the sender's
 * contact details. Failures are logged and never reach the citizen.
 */
import type { Core } from '@strapi/strapi';

type Item = { kind: 'question' | 'press' | 'information'; documentId: string; trackingCode: string; subject: string };

export function notifyEditors(strapi: Core.Strapi, item: Item): Promise<void> {
  const to = (process.env.NOTIFY_EMAILS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!to.length || !process.env.SMTP_HOST) return Promise.resolve();
  const uid = item.kind === 'question' ? 'api::citizen-question.citizen-question' : item.kind === 'information' ? 'api::information-request.information-request' : 'api::press-request.press-request';
  const admin = `${(process.env.PUBLIC_URL || `http://localhost:${process.env.PORT ?? 1337}`).replace(/\/$/, '')}/admin/content-manager/collection-types/${uid}/${item.documentId}`;
  const what = item.kind === 'question' ? 'Câu hỏi mới của công dân' : item.kind === 'information' ? 'Yêu cầu cung cấp thông tin mới' : 'Đề nghị mới của báo chí';
  return strapi
    .plugin('email')
    .service('email')
    .send({
      to,
      subject: `[${item.trackingCode}] ${what}: ${item.subject.slice(0, 120)}`,
      text: `${what} (mã ${item.trackingCode}).\n\nChủ đề: ${item.subject}\n\nXem và xử lý trong trang quản trị: ${admin}\n`,
    })
    .catch((error: Error) => strapi.log.warn(`Không gửi được thư báo cho biên tập viên: ${error.message}`));
}
