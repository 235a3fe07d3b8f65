import { describe, expect, it } from 'vitest';
import { citizenQuestionInput, pressRequestInput } from '@thads/shared';
import { CONNECTION_PROBLEM, describedBy, problemsOf, problemsOfAnswer, readAnswer, vnDay } from './form-logic.ts';
import { check } from './schemas.ts';

const FIELDS = ['name', 'phone', 'email', 'question', 'consent'] as const;
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('problemsOf', () => {
  it('keeps the first message of each field, in the order of the form, and the others after them', () => {
    const p = problemsOf(
      [
        { path: ['question'], message: 'Q1' },
        { path: ['name'], message: 'N1' },
        { path: ['name'], message: 'N2' },
        { path: ['altcha'], message: 'A' },
        { path: ['website'], message: 'W' },
      ],
      FIELDS,
    );
    expect(p.byField).toEqual({ name: 'N1', question: 'Q1' });
    expect(p.summary).toEqual([{ field: 'name', message: 'N1' }, { field: 'question', message: 'Q1' }, { message: 'A' }, { message: 'W' }]);
  });
});

describe('check', () => {
  it('reports every empty required field of a question at once, contact included, without the proof of work', () => {
    const p = check(citizenQuestionInput, { consent: false }, FIELDS);
    expect(p.summary.map((s) => s.field)).toEqual(['name', 'phone', 'question', 'consent']);
    expect(p.byField.name).toBe('Họ và tên: không được để trống.');
    expect(p.summary.some((s) => /chống thư rác/.test(s.message))).toBe(false);
  });

  it('passes a valid press request', () => {
    const values = { journalistName: 'Trần Minh Quân', outlet: 'Báo Hưng Yên', email: 'quan@example.com', subject: 'Kết quả năm', questions: 'Đề nghị cung cấp số liệu thi hành án năm nay.', consent: true };
    expect(check(pressRequestInput, values, ['journalistName']).summary).toEqual([]);
  });
});

describe('readAnswer', () => {
  it('reads the data of a success', async () => {
    expect(await readAnswer(json(201, { data: { trackingCode: 'HD-AAAA-BBBB' } }))).toEqual({ ok: true, status: 201, data: { trackingCode: 'HD-AAAA-BBBB' } });
  });

  it('reads Strapi’s error shape with its field errors', async () => {
    const answer = await readAnswer(json(400, { data: null, error: { status: 400, message: 'Lĩnh vực: không có trong danh sách.', details: { errors: [{ path: ['topic'], message: 'Lĩnh vực: không có trong danh sách.' }] } } }));
    expect(answer).toEqual({ ok: false, status: 400, message: 'Lĩnh vực: không có trong danh sách.', errors: [{ path: ['topic'], message: 'Lĩnh vực: không có trong danh sách.' }] });
  });

  it('gives a Vietnamese message for an answer that is not JSON', async () => {
    const answer = await readAnswer(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(answer).toMatchObject({ ok: false, status: 502, errors: [] });
    expect(!answer.ok && answer.message).toMatch(/mã 502/);
  });
});

describe('problemsOfAnswer', () => {
  it('puts field errors by their fields, and a rate limit in the summary only', () => {
    expect(problemsOfAnswer({ ok: false, status: 400, message: 'x', errors: [{ path: ['phone'], message: 'Số điện thoại: sai.' }] }, FIELDS).byField).toEqual({ phone: 'Số điện thoại: sai.' });
    expect(problemsOfAnswer({ ok: false, status: 429, message: 'Bạn đã gửi quá nhiều yêu cầu.', errors: [] }, FIELDS)).toEqual({ byField: {}, summary: [{ message: 'Bạn đã gửi quá nhiều yêu cầu.' }] });
    expect(problemsOfAnswer({ ok: false, status: 0, message: CONNECTION_PROBLEM, errors: [] }, FIELDS).summary[0]!.message).toBe(CONNECTION_PROBLEM);
  });
});

describe('describedBy', () => {
  it('joins the ids that exist, hint first', () => {
    expect(describedBy('a-hint', undefined, 'a-error')).toBe('a-hint a-error');
    expect(describedBy(undefined, false)).toBeUndefined();
  });
});

describe('vnDay', () => {
  it('is the calendar day in Vietnam', () => {
    expect(vnDay(0, Date.parse('2026-03-01T18:00:00Z'))).toBe('2026-03-02');
    expect(vnDay(1, Date.parse('2026-03-01T10:00:00Z'))).toBe('2026-03-02');
  });
});
