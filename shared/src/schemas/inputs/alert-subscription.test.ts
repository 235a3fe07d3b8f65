import { describe, expect, it } from 'vitest';
import { fieldErrors } from './fields.ts';
import { alertBounceInput, alertLinkInput, alertManageInput, alertSubscribeInput, alertTypeOf, followLabel } from './alert-subscription.ts';

const valid = { email: ' Ban.Doc@Example.com ', follows: ['topic:cap-duong', 'type:press-release'], frequency: 'daily', consent: true, website: '' };
const errorsOf = (input: unknown) => {
  const r = alertSubscribeInput.safeParse(input);
  return r.success ? [] : fieldErrors(r.error);
};

describe('alertSubscribeInput', () => {
  it('accepts an address, what to follow and how often; normalised, without the proof of work from a plain form', () => {
    expect(alertSubscribeInput.parse(valid)).toEqual({ email: 'ban.doc@example.com', follows: ['topic:cap-duong', 'type:press-release'], frequency: 'daily', consent: true, website: '' });
    // A plain HTML form: one ticked box is a string, the consent box "on".
    expect(alertSubscribeInput.parse({ ...valid, follows: 'type:article', consent: 'on', altcha: '' })).toMatchObject({ follows: ['type:article'], consent: true });
    expect(alertSubscribeInput.parse({ ...valid, follows: ['type:article', 'type:article', 'district:van-lam'] }).follows).toEqual(['district:van-lam', 'type:article']);
  });

  it.each([
    ['no address', { email: '' }, 'email', 'Thư điện tử: không được để trống.'],
    ['a malformed address', { email: 'ban.doc@' }, 'email', 'Thư điện tử: không đúng định dạng (ví dụ ten@example.com).'],
    ['nothing to follow', { follows: [] }, 'follows', 'Nội dung theo dõi: hãy chọn ít nhất một mục.'],
    ['an unknown type', { follows: ['type:debtor-listing'] }, 'follows', 'Nội dung theo dõi: mục "type:debtor-listing" không có trong danh sách.'],
    ['a key that is no slug', { follows: ['topic:<script>'] }, 'follows', 'Nội dung theo dõi: mục "topic:<script>" không có trong danh sách.'],
    ['too many keys', { follows: Array.from({ length: 31 }, (_, i) => `topic:t${i}`) }, 'follows', 'Nội dung theo dõi: tối đa 30 mục.'],
    ['another frequency', { frequency: 'hourly' }, 'frequency', 'Tần suất nhận thư: chỉ chọn "Ngay khi có tin mới", "Hằng ngày" hoặc "Hằng tuần".'],
    ['no consent', { consent: false }, 'consent', 'Đồng ý nhận thư: cần đánh dấu ô đồng ý để đăng ký.'],
    ['the honeypot filled', { website: 'x' }, 'website', 'Biểu mẫu không hợp lệ.'],
    ['a state set by the client', { state: 'confirmed' }, 'state', 'Không được gửi trường do cơ quan quản lý: state.'],
  ])('refuses %s', (_name, change, field, message) => {
    const errors = errorsOf({ ...valid, ...change });
    expect(errors.find((e) => e.path[0] === field)?.message).toBe(message);
  });
});

describe('links and manage', () => {
  it('checks the shape of a signed link', () => {
    expect(alertLinkInput.safeParse({ s: 'abcdefghij0123456789abcd', t: 'A'.repeat(32) }).success).toBe(true);
    expect(alertLinkInput.safeParse({ s: '../x', t: 'A'.repeat(32) }).success).toBe(false);
    expect(alertManageInput.safeParse({ s: 'abcdefghij0123456789abcd', t: 'A'.repeat(32), follows: ['type:story'], frequency: 'weekly' }).success).toBe(true);
  });
});

describe('labels', () => {
  it('names types and keys in Vietnamese', () => {
    expect(alertTypeOf('api::legal-qa.legal-qa')).toBe('legal-qa');
    expect(alertTypeOf('api::unit.unit')).toBeUndefined();
    expect(followLabel('type:press-release')).toBe('Thông cáo báo chí');
    expect(followLabel('topic:cap-duong', { topics: { 'cap-duong': 'Cấp dưỡng' } })).toBe('Lĩnh vực hỏi đáp: Cấp dưỡng');
    expect(followLabel('district:van-lam', { districts: { 'van-lam': 'Huyện Văn Lâm (cũ)' } })).toBe('Đấu giá tài sản: Huyện Văn Lâm (cũ)');
  });
});

describe('alertBounceInput', () => {
  const first = (input: unknown) => {
    const r = alertBounceInput.safeParse(input);
    return r.success ? null : fieldErrors(r.error)[0]?.message;
  };
  it('takes a raw message (headers, a blank line, a body) and the envelope recipient', () => {
    expect(alertBounceInput.parse({ message: 'From: MAILER-DAEMON@relay.example\r\nSubject: x\r\n\r\nbody', recipient: 'bounce+d1-abc@x.example' })).toMatchObject({ recipient: 'bounce+d1-abc@x.example' });
    expect(first({ message: 'Subject: x\n\n' })).toBeNull();
  });
  it.each([
    ['no message', {}, 'Thư báo lỗi gửi: cần nội dung thư nguyên bản (tiêu đề và thân thư, định dạng RFC 5322).'],
    ['text that is no mail', { message: 'xin chào' }, 'Thư báo lỗi gửi: cần nội dung thư nguyên bản (tiêu đề và thân thư, định dạng RFC 5322).'],
    ['headers without a body', { message: 'Subject: x\r\nFrom: y' }, 'Thư báo lỗi gửi: cần nội dung thư nguyên bản (tiêu đề và thân thư, định dạng RFC 5322).'],
    ['a message over 512 KB', { message: `Subject: x\n\n${'a'.repeat(512 * 1024)}` }, 'Thư báo lỗi gửi: tối đa 512 KB.'],
    ['a recipient that is no text', { message: 'Subject: x\n\n', recipient: 1 }, 'Địa chỉ nhận thư báo lỗi: phải là văn bản.'],
    ['another field', { message: 'Subject: x\n\n', state: 'failed' }, 'Không được gửi trường do cơ quan quản lý: state.'],
  ])('refuses %s in Vietnamese', (_name, input, message) => {
    expect(first(input)).toBe(message);
  });
});
