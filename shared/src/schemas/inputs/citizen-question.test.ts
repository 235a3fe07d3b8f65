import { describe, expect, it } from 'vitest';
import { citizenQuestionInput, questionStatusInput } from './citizen-question.ts';
import { fieldErrors } from './fields.ts';

const valid = {
  name: 'Nguyễn Văn An',
  phone: '0912 345 678',
  locality: 'xã Tiên Lữ',
  topic: 'cap-duong',
  question: 'Chồng cũ của tôi không trả tiền nuôi con theo bản án. Tôi phải làm gì để được thi hành án?',
  consent: true,
  website: '',
  altcha: 'eyJjaGFsbGVuZ2UiOnt9LCJzb2x1dGlvbiI6e319',
};

const errorsOf = (input: unknown) => {
  const r = citizenQuestionInput.safeParse(input);
  return r.success ? [] : fieldErrors(r.error);
};

describe('citizenQuestionInput', () => {
  it('accepts a complete question and normalises it', () => {
    const r = citizenQuestionInput.parse({ ...valid, name: '  Nguyễn   Văn An '.normalize('NFD') });
    expect(r.name).toBe('Nguyễn Văn An');
    expect(r.phone).toBe('0912345678');
  });

  it.each([
    ['missing name', { name: undefined }, 'name', 'Họ và tên: không được để trống.'],
    ['wrong type', { name: 42 }, 'name', 'Họ và tên: phải là văn bản.'],
    ['too long', { question: 'x'.repeat(5001) }, 'question', 'Nội dung câu hỏi: tối đa 5000 ký tự.'],
    ['control characters', { name: 'Nguyễn\u0000An' }, 'name', 'Họ và tên: có ký tự điều khiển không hợp lệ.'],
    ['HTML', { question: 'Xin hỏi <b>thời hiệu</b> thi hành án là bao lâu vậy ạ?' }, 'question', 'Nội dung câu hỏi: không được chứa mã HTML hay mã lệnh.'],
    ['script', { locality: '<script>alert(1)</script>' }, 'locality', 'Địa phương: không được chứa mã HTML hay mã lệnh.'],
    ['consent missing', { consent: false }, 'consent', 'Đồng ý xử lý dữ liệu cá nhân: cần đánh dấu ô đồng ý để gửi.'],
    ['honeypot filled', { website: 'http://spam.example' }, 'website', 'Biểu mẫu không hợp lệ.'],
    ['challenge missing', { altcha: undefined }, 'altcha', 'Xác minh chống thư rác: chưa hoàn tất, vui lòng thử lại.'],
    ['no contact', { phone: '' }, 'phone', 'Số điện thoại hoặc thư điện tử: cần ít nhất một cách để liên hệ lại.'],
    ['bad phone', { phone: '12345' }, 'phone', 'Số điện thoại: không đúng định dạng (ví dụ 0912 345 678).'],
  ])('refuses %s with a message naming the field', (_name, change, field, message) => {
    expect(errorsOf({ ...valid, ...change })).toContainEqual({ path: [field], message });
  });

  it('reports a missing contact together with the other errors of an empty form', () => {
    const paths = errorsOf({ name: '', phone: '', email: '', question: '', consent: false, website: '', altcha: valid.altcha }).map((e) => e.path[0]);
    expect(paths).toEqual(expect.arrayContaining(['name', 'question', 'consent', 'phone']));
    expect(errorsOf('not an object')).toHaveLength(1);
  });

  it('refuses fields a citizen may not set', () => {
    expect(errorsOf({ ...valid, state: 'published' })).toContainEqual({ path: ['state'], message: 'Không được gửi trường do cơ quan quản lý: state.' });
  });
});

describe('questionStatusInput', () => {
  it('upper-cases the code and checks its shape', () => {
    expect(questionStatusInput.parse({ code: ' hd-7k3m-p9qx ', contact: '0912345678' }).code).toBe('HD-7K3M-P9QX');
    expect(questionStatusInput.safeParse({ code: 'HD-1', contact: 'x' }).success).toBe(false);
  });
});
