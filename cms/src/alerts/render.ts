/**
 * The mails, in Vietnamese, as plain text and HTML: the confirmation of a sign-up, an alert for one item, a
 * digest of several. Only our own site's links; no images, no tracking.
 */
import { ALERT_FREQUENCY_LABELS, escapeHtml, followLabel, formatDate, type AlertFrequency } from '@thads/shared';

/** An item as the mails show it (stored with its batch). */
export type AlertItem = { type: string; typeLabel: string; title: string; summary: string; url: string; keys: string[]; date: string };
export type Rendered = { subject: string; text: string; html: string };

export type Names = { siteName: string; categories: Record<string, string>; topics: Record<string, string>; districts: Record<string, string> };

const wrap = (body: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1b1b1b;max-width:640px;margin:0 auto;padding:16px">${body}</body></html>`;

function footer(links: { unsubscribe: string; manage: string }, follows: string[], frequency: AlertFrequency, names: Names) {
  const what = follows.map((k) => followLabel(k, names)).join('; ');
  const text = `\n—\nBạn nhận thư này vì đã đăng ký theo dõi: ${what} (${ALERT_FREQUENCY_LABELS[frequency].toLowerCase()}).\nThay đổi nội dung theo dõi: ${links.manage}\nHuỷ đăng ký: ${links.unsubscribe}\n`;
  const html = `<hr><p style="font-size:14px;color:#555">Bạn nhận thư này vì đã đăng ký theo dõi: ${escapeHtml(what)} (${escapeHtml(ALERT_FREQUENCY_LABELS[frequency].toLowerCase())}).<br><a href="${escapeHtml(links.manage)}">Thay đổi nội dung theo dõi</a> · <a href="${escapeHtml(links.unsubscribe)}">Huỷ đăng ký</a></p>`;
  return { text, html };
}

const itemText = (item: AlertItem) => `${item.title}\n${item.typeLabel}${item.date ? ` · ${formatDate(item.date)}` : ''}\n${item.summary ? `${item.summary}\n` : ''}${item.url}\n`;
const itemHtml = (item: AlertItem) =>
  `<h2 style="font-size:18px;margin:16px 0 4px"><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></h2><p style="margin:0;color:#555;font-size:14px">${escapeHtml(item.typeLabel)}${item.date ? ` · ${escapeHtml(formatDate(item.date))}` : ''}</p>${item.summary ? `<p style="margin:4px 0 0">${escapeHtml(item.summary)}</p>` : ''}`;

export function renderConfirmation(input: { confirm: string; follows: string[]; frequency: AlertFrequency; names: Names; change: boolean }): Rendered {
  const what = input.follows.map((k) => followLabel(k, input.names));
  const subject = input.change ? `Xác nhận thay đổi đăng ký nhận thông báo – ${input.names.siteName}` : `Xác nhận đăng ký nhận thông báo – ${input.names.siteName}`;
  const intro = input.change ? 'Có yêu cầu thay đổi nội dung bạn theo dõi qua thư điện tử trên' : 'Có yêu cầu đăng ký nhận thông báo qua thư điện tử từ';
  const text = `Xin chào,\n\n${intro} ${input.names.siteName} với địa chỉ này:\n${what.map((w) => `- ${w}`).join('\n')}\nTần suất: ${ALERT_FREQUENCY_LABELS[input.frequency]}.\n\nĐể xác nhận, mở liên kết sau (hiệu lực 7 ngày):\n${input.confirm}\n\nNếu không phải bạn yêu cầu, hãy bỏ qua thư này: không có thư nào khác được gửi và địa chỉ sẽ được xoá sau 7 ngày.\n`;
  const html = wrap(
    `<p>Xin chào,</p><p>${escapeHtml(intro)} ${escapeHtml(input.names.siteName)} với địa chỉ này:</p><ul>${what.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul><p>Tần suất: ${escapeHtml(ALERT_FREQUENCY_LABELS[input.frequency])}.</p><p><a href="${escapeHtml(input.confirm)}">Xác nhận đăng ký</a> (hiệu lực 7 ngày).</p><p style="font-size:14px;color:#555">Nếu không phải bạn yêu cầu, hãy bỏ qua thư này: không có thư nào khác được gửi và địa chỉ sẽ được xoá sau 7 ngày.</p>`,
  );
  return { subject, text, html };
}

export function renderAlert(input: { items: AlertItem[]; kind: 'immediate' | 'daily' | 'weekly'; periodLabel?: string; links: { unsubscribe: string; manage: string }; follows: string[]; frequency: AlertFrequency; names: Names }): Rendered {
  const foot = footer(input.links, input.follows, input.frequency, input.names);
  if (input.kind === 'immediate') {
    const item = input.items[0]!;
    const subject = `${item.typeLabel}: ${item.title}`;
    return { subject, text: `${input.names.siteName} vừa đăng:\n\n${itemText(item)}${foot.text}`, html: wrap(`<p>${escapeHtml(input.names.siteName)} vừa đăng:</p>${itemHtml(item)}${foot.html}`) };
  }
  const heading = `${input.kind === 'daily' ? 'Bản tin hằng ngày' : 'Bản tin hằng tuần'}${input.periodLabel ? ` ${input.periodLabel}` : ''}`;
  const subject = `${heading}: ${input.items.length} tin mới – ${input.names.siteName}`;
  return {
    subject,
    text: `${heading} của ${input.names.siteName}: ${input.items.length} tin mới.\n\n${input.items.map(itemText).join('\n')}${foot.text}`,
    html: wrap(`<p>${escapeHtml(heading)} của ${escapeHtml(input.names.siteName)}: ${input.items.length} tin mới.</p>${input.items.map(itemHtml).join('')}${foot.html}`),
  };
}
