import { describe, expect, it } from 'vitest';
import { fieldErrors } from './fields.ts';
import { informationRequestInput, informationRequestStatusInput } from './information-request.ts';

const valid = {
  fullName: 'Phạm Thị Hoa',
  address: 'Thôn Đông, xã Tiên Lữ, tỉnh Hưng Yên',
  idNumber: '033 185 012 345',
  phone: '0912 345 678',
  email: '',
  information: 'Quyết định thi hành án số 123/QĐ-THADS ngày 05/3/2026 và kết quả xác minh điều kiện thi hành án.',
  purpose: 'Để biết tiến độ thi hành án của gia đình tôi.',
  delivery: 'post',
  consent: true,
  website: '',
  altcha: 'eyJjaGFsbGVuZ2UiOnt9LCJzb2x1dGlvbiI6e319',
};
const errorsOf = (input: unknown) => {
  const r = informationRequestInput.safeParse(input);
  return r.success ? [] : fieldErrors(r.error);
};

describe('informationRequestInput', () => {
  it('accepts the fields of the law’s form and normalises them', () => {
    const r = informationRequestInput.parse(valid);
    expect(r.idNumber).toBe('033185012345');
    expect(r.phone).toBe('0912345678');
    expect(r.email).toBeUndefined();
    expect(informationRequestInput.parse({ ...valid, idNumber: 'c1234567' }).idNumber).toBe('C1234567');
  });

  it.each([
    ['missing name', { fullName: undefined }, 'fullName', 'Họ và tên: không được để trống.'],
    ['missing address', { address: '' }, 'address', 'Nơi cư trú, địa chỉ: cần ít nhất 5 ký tự.'],
    ['missing ID number', { idNumber: undefined }, 'idNumber', 'Số CMND, căn cước hoặc hộ chiếu: không được để trống.'],
    ['bad ID number', { idNumber: '12345' }, 'idNumber', 'Số CMND, căn cước hoặc hộ chiếu: không đúng định dạng (12 số căn cước, 9 số CMND hoặc số hộ chiếu như C1234567).'],
    ['HTML', { information: 'Cho tôi xin <script>alert(1)</script> quyết định thi hành án' }, 'information', 'Thông tin yêu cầu cung cấp: không được chứa mã HTML hay mã lệnh.'],
    ['no delivery', { delivery: undefined }, 'delivery', 'Hình thức nhận thông tin: hãy chọn một hình thức.'],
    ['unknown delivery', { delivery: 'fax' }, 'delivery', 'Hình thức nhận thông tin: hãy chọn một hình thức.'],
    ['email delivery without email', { delivery: 'email' }, 'email', 'Thư điện tử: cần có để nhận thông tin qua thư điện tử.'],
    ['no contact', { phone: '' }, 'phone', 'Số điện thoại hoặc thư điện tử: cần ít nhất một cách để liên hệ lại.'],
    ['a privileged field', { complex: true }, 'complex', 'Không được gửi trường do cơ quan quản lý: complex.'],
  ])('refuses %s with a message naming the field', (_name, change, field, message) => {
    expect(errorsOf({ ...valid, ...change })).toContainEqual({ path: [field], message });
  });
});

describe('informationRequestStatusInput', () => {
  it('takes a YC code only', () => {
    expect(informationRequestStatusInput.parse({ code: ' yc-7k3m-p9qx ', contact: '0912345678' }).code).toBe('YC-7K3M-P9QX');
    expect(informationRequestStatusInput.safeParse({ code: 'HD-7K3M-P9QX', contact: '0912345678' }).success).toBe(false);
  });
});
