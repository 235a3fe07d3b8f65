import { describe, expect, it } from 'vitest';
import { fieldErrors } from './fields.ts';
import { isUnhelpful, looksPersonal, pageFeedbackInput, summarizeFeedback, type FeedbackEntry } from './page-feedback.ts';

const valid = { path: '/tin-tuc/hoi-nghi-tong-ket/', title: 'Hội nghị tổng kết', helpful: 'no', comment: 'Thiếu địa chỉ nơi nộp đơn.', website: '', altcha: 'eyJjaGFsbGVuZ2UiOnt9LCJzb2x1dGlvbiI6e319' };
const errorsOf = (input: unknown) => {
  const r = pageFeedbackInput.safeParse(input);
  return r.success ? [] : fieldErrors(r.error);
};

describe('pageFeedbackInput', () => {
  it('accepts yes or no with an optional comment, normalised', () => {
    expect(pageFeedbackInput.parse({ ...valid, comment: '  Rất   rõ ràng '.normalize('NFD') })).toMatchObject({ helpful: false, comment: 'Rất rõ ràng' });
    const yes = pageFeedbackInput.parse({ ...valid, helpful: 'yes', comment: '' });
    expect(yes.helpful).toBe(true);
    expect(yes.comment).toBeUndefined();
    expect(pageFeedbackInput.parse({ ...valid, helpful: true }).helpful).toBe(true);
  });

  it.each([
    ['a path of another site', { path: 'https://example.com/' }, 'path', 'Địa chỉ trang: không phải một trang của trang thông tin này.'],
    ['a path going up', { path: '/tin-tuc/../admin/' }, 'path', 'Địa chỉ trang: không phải một trang của trang thông tin này.'],
    ['a path with a query', { path: '/tin-tuc/?q=1' }, 'path', 'Địa chỉ trang: không phải một trang của trang thông tin này.'],
    ['no answer', { helpful: undefined }, 'helpful', 'Trang có hữu ích không: hãy chọn Có hoặc Không.'],
    ['another answer', { helpful: 'maybe' }, 'helpful', 'Trang có hữu ích không: chỉ nhận Có hoặc Không.'],
    ['a comment too long', { comment: 'a'.repeat(1001) }, 'comment', 'Góp ý: tối đa 1000 ký tự.'],
    ['HTML in the comment', { comment: '<a href="x">bấm</a>' }, 'comment', 'Góp ý: không được chứa mã HTML hay mã lệnh.'],
    ['a phone number in the comment', { comment: 'Gọi lại cho tôi: 0912 345 678' }, 'comment', 'Góp ý: vui lòng không ghi số điện thoại, thư điện tử hay số giấy tờ tùy thân (phản hồi này không lưu thông tin cá nhân).'],
    ['an email in the comment', { comment: 'Trả lời qua an.nguyen@example.com nhé' }, 'comment', 'Góp ý: vui lòng không ghi số điện thoại, thư điện tử hay số giấy tờ tùy thân (phản hồi này không lưu thông tin cá nhân).'],
    ['the honeypot filled', { website: 'x' }, 'website', 'Biểu mẫu không hợp lệ.'],
    ['an unknown field', { ip: '1.2.3.4' }, 'ip', 'Trường không được phép: ip.'],
  ])('refuses %s', (_name, change, field, message) => {
    expect(errorsOf({ ...valid, ...change })).toContainEqual({ path: [field], message });
  });
});

describe('looksPersonal', () => {
  it('finds phones, emails and identity numbers, not dates, document numbers or amounts', () => {
    for (const s of ['+84 912 345 678', '0221.3862.415', 'CCCD 034095001234', 'x@y.vn']) expect(looksPersonal(s), s).toBe(true);
    for (const s of ['Điều 30 Luật 26/2008/QH12', 'ngày 01/7/2025', '1.250.000.000 đồng', 'Quyết định 12/QĐ-THADS']) expect(looksPersonal(s), s).toBe(false);
  });
});

describe('summarizeFeedback', () => {
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  const entry = (path: string, helpful: boolean, n: number, comment?: string): FeedbackEntry => ({ path, title: `Trang ${path}`, helpful, comment: comment ?? null, createdAt: at(n) });

  it('counts per page and puts pages many find unhelpful first', () => {
    const entries = [
      ...Array.from({ length: 10 }, (_, i) => entry('/a/', true, i)),
      ...Array.from({ length: 3 }, (_, i) => entry('/b/', false, 20 + i)),
      ...[true, true, false, false, false].map((h, i) => entry('/c/', h, 30 + i, h ? undefined : `ý kiến ${i}`)),
    ];
    const s = summarizeFeedback(entries, 2);
    expect(s.map((p) => p.path)).toEqual(['/c/', '/a/', '/b/']);
    expect(s[0]).toMatchObject({ yes: 2, no: 3, total: 5, noShare: 0.6, flagged: true });
    expect(s[0]!.comments.map((c) => c.comment)).toEqual(['ý kiến 4', 'ý kiến 3']);
    // three "no" of three answers: not enough answers yet to stand out
    expect(s[2]).toMatchObject({ no: 3, flagged: false });
  });

  it('flags from five answers and half of them "no"', () => {
    expect(isUnhelpful(3, 2)).toBe(false);
    expect(isUnhelpful(3, 3)).toBe(true);
    expect(isUnhelpful(0, 4)).toBe(false);
  });
});
