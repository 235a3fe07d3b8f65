/**
 * The small pages a reader reaches from an alert mail, served by the CMS itself as plain HTML forms (no
 * JavaScript, no account): confirm a sign-up, unsubscribe, change what one follows. A GET only shows a page;
 * every change is a POST (a link checker that opens links in mails changes nothing).
 */
import { ALERT_FREQUENCIES, ALERT_FREQUENCY_LABELS, ALERT_TYPE_KEYS, escapeHtml, followLabel, type AlertFrequency } from '@thads/shared';
import type { Names } from './render';

const e = escapeHtml;

export function page(title: string, body: string, siteUrl: string) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${e(title)}</title><style>body{font-family:system-ui,Arial,sans-serif;line-height:1.5;color:#1b1b1b;max-width:40rem;margin:0 auto;padding:1rem}fieldset{border:1px solid #bbb;margin:0 0 1rem;padding:.5rem 1rem}legend{font-weight:bold}label{display:flex;gap:.6rem;align-items:flex-start;padding:.4rem 0}input[type=checkbox],input[type=radio]{width:1.4rem;height:1.4rem;margin:0;flex:none;accent-color:#8b0000}button{font:inherit;padding:.6rem 1.2rem;min-height:44px;background:#8b0000;color:#fff;border:0;border-radius:4px;cursor:pointer}button.secondary{background:#fff;color:#8b0000;border:1px solid #8b0000}.error{color:#a00;font-weight:bold}</style></head><body><main><h1>${e(title)}</h1>${body}<p><a href="${e(siteUrl)}/">Về trang chủ</a></p></main></body></html>`;
}

const hidden = (s: string, t: string) => `<input type="hidden" name="s" value="${e(s)}"><input type="hidden" name="t" value="${e(t)}">`;

export const confirmPage = (action: string, s: string, t: string, siteUrl: string) =>
  page('Xác nhận đăng ký nhận thông báo', `<p>Bấm nút dưới đây để xác nhận bạn muốn nhận thông báo qua thư điện tử.</p><form method="post" action="${e(action)}">${hidden(s, t)}<button type="submit">Xác nhận đăng ký</button></form>`, siteUrl);

export const unsubscribePage = (action: string, s: string, t: string, siteUrl: string) =>
  page('Huỷ đăng ký nhận thông báo', `<p>Bấm nút dưới đây để huỷ đăng ký. Địa chỉ thư điện tử của bạn sẽ được xoá ngay.</p><form method="post" action="${e(action)}">${hidden(s, t)}<button type="submit">Huỷ đăng ký</button></form>`, siteUrl);

export const messagePage = (title: string, message: string, siteUrl: string, error = false) => page(title, `<p${error ? ' class="error" role="alert"' : ''}>${e(message)}</p>`, siteUrl);

/** The form to change what one follows, with the current choice ticked. */
export function managePage(input: { action: string; unsubscribe: string; s: string; t: string; email: string; follows: string[]; frequency: AlertFrequency; names: Names; siteUrl: string; notice?: string; error?: string }) {
  const chosen = new Set(input.follows);
  // Under its group's legend, each choice by its own name ("Cấp dưỡng", not "Lĩnh vực hỏi đáp: Cấp dưỡng").
  const box = ([key, label]: [string, string]) => `<label><input type="checkbox" name="follows" value="${e(key)}"${chosen.has(key) ? ' checked' : ''}> <span>${e(label)}</span></label>`;
  const group = (legend: string, keys: [string, string][]) => (keys.length ? `<fieldset><legend>${e(legend)}</legend>${keys.map(box).join('')}</fieldset>` : '');
  const types = ALERT_TYPE_KEYS.map((k): [string, string] => [`type:${k}`, followLabel(`type:${k}`)]);
  const categories = Object.entries(input.names.categories).map(([slug, name]): [string, string] => [`category:${slug}`, name]);
  const topics = Object.entries(input.names.topics).map(([slug, name]): [string, string] => [`topic:${slug}`, name]);
  const districts = Object.entries(input.names.districts).map(([slug, name]): [string, string] => [`district:${slug}`, name]);
  const freq = ALERT_FREQUENCIES.map((f) => `<label><input type="radio" name="frequency" value="${f}"${f === input.frequency ? ' checked' : ''}> <span>${e(ALERT_FREQUENCY_LABELS[f])}</span></label>`).join('');
  const body = `${input.notice ? `<p role="status"><strong>${e(input.notice)}</strong></p>` : ''}${input.error ? `<p class="error" role="alert">${e(input.error)}</p>` : ''}<p>Địa chỉ nhận thư: ${e(input.email)}</p>
<form method="post" action="${e(input.action)}">${hidden(input.s, input.t)}
${group('Loại tin', types)}${group('Chuyên mục tin tức', categories)}${group('Lĩnh vực hỏi đáp', topics)}${group('Thông báo đấu giá theo địa bàn', districts)}
<fieldset><legend>Tần suất nhận thư</legend>${freq}</fieldset>
<button type="submit">Lưu thay đổi</button></form>
<form method="post" action="${e(input.unsubscribe)}">${hidden(input.s, input.t)}<p><button type="submit" class="secondary">Huỷ đăng ký và xoá địa chỉ</button></p></form>`;
  return page('Quản lý đăng ký nhận thông báo', body, input.siteUrl);
}

