import { describe, expect, it } from 'vitest';
import { todayVn } from '../calendar/working-days.ts';
import { debtorImportKey, debtorListingData, debtorListingRecord, isCalendarDate, seedDebtorListingSchema } from './debtor-listing.ts';

const valid = {
  name: 'Công ty TNHH Thương mại Minh Phát (giả định)',
  kind: 'to-chuc',
  address: 'Số 12 đường Nguyễn Văn Linh, phường Phố Hiến, tỉnh Hưng Yên',
  judgmentNumber: '15/2023/KDTM-ST',
  judgmentDate: '2023-03-14',
  court: 'Tòa án nhân dân thành phố Hưng Yên',
  obligation: 'Trả cho Ngân hàng X số tiền 1.250.000.000 đồng và lãi chậm thi hành án.',
  reason: 'khong-co-tai-san-thu-nhap',
  decisionNumber: '12/QĐ-CCTHADS',
  decisionDate: '2024-01-10',
};

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('debtorListingData', () => {
  it('accepts a complete entry and normalises its text', () => {
    const r = debtorListingData.parse({ ...valid, name: '  Nguyễn   Văn Đức '.normalize('NFD') });
    expect(r.name).toBe('Nguyễn Văn Đức');
  });

  it('names the field in Vietnamese for every missing value', () => {
    const r = debtorListingData.safeParse({ ...valid, address: '', court: undefined, kind: undefined });
    expect(messages(r)).toEqual(['kind: Cá nhân/Tổ chức: không được để trống.', 'address: Địa chỉ: không được để trống.', 'court: Tòa án: không được để trống.']);
  });

  it('refuses an unknown reason with the list of reasons', () => {
    const [m] = messages(debtorListingData.safeParse({ ...valid, reason: 'bỏ trốn' }));
    expect(m).toMatch(/^reason: Lý do chưa có điều kiện thi hành: chọn một trong: Không có thu nhập, tài sản/);
  });

  it.each([
    ['2023-02-30', 'không phải ngày hợp lệ'],
    ['14/03/2023', 'không phải ngày hợp lệ'],
    ['1960-01-01', 'năm không hợp lệ'],
    ['2999-01-01', 'không được sau ngày hôm nay'],
  ])('refuses the judgment date %s', (judgmentDate, message) => {
    expect(messages(debtorListingData.safeParse({ ...valid, judgmentDate }))[0]).toContain(message);
  });

  it('accepts today and refuses a decision dated before the judgment', () => {
    expect(debtorListingData.safeParse({ ...valid, decisionDate: todayVn() }).success).toBe(true);
    expect(messages(debtorListingData.safeParse({ ...valid, decisionDate: '2023-03-13' }))).toEqual([
      'decisionDate: Ngày quyết định chưa có điều kiện thi hành: không được trước ngày bản án, quyết định.',
    ]);
  });

  it('refuses document numbers without a number, HTML and unknown fields', () => {
    expect(messages(debtorListingData.safeParse({ ...valid, decisionNumber: 'QĐ-THADS' }))[0]).toContain('phải có số hiệu');
    expect(messages(debtorListingData.safeParse({ ...valid, name: '<script>x</script>' }))[0]).toContain('không được chứa mã HTML');
    expect(debtorListingData.safeParse({ ...valid, state: 'da-giai-quyet' }).success).toBe(false);
  });
});

describe('debtorListingRecord', () => {
  const record = { ...valid, unit: 'abc123', state: 'dang-cong-khai' };

  it('needs a unit', () => {
    expect(messages(debtorListingRecord.safeParse({ ...record, unit: undefined }))).toEqual(['unit: Đơn vị: chọn đơn vị đã ra quyết định.']);
  });

  it('needs how and when an entry was resolved, not before the decision', () => {
    expect(messages(debtorListingRecord.safeParse({ ...record, state: 'da-giai-quyet' }))).toEqual([
      'resolutionKind: Hình thức giải quyết: cần chọn khi đánh dấu đã giải quyết.',
      'resolutionDate: Ngày giải quyết: cần nhập khi đánh dấu đã giải quyết.',
    ]);
    expect(messages(debtorListingRecord.safeParse({ ...record, state: 'da-giai-quyet', resolutionKind: 'thi-hanh-xong', resolutionDate: '2023-12-31' }))).toEqual([
      'resolutionDate: Ngày giải quyết: không được trước ngày quyết định chưa có điều kiện thi hành.',
    ]);
    const ok = debtorListingRecord.parse({ ...record, state: 'da-giai-quyet', resolutionKind: 'thi-hanh-xong', resolutionDate: '2024-06-01', resolutionNote: '' });
    expect(ok.resolutionNote).toBeNull();
  });
});

describe('debtorImportKey', () => {
  it('ignores case, spacing and Unicode form but not diacritics', () => {
    const a = debtorImportKey('u1', '12/QĐ-CCTHADS', 'Nguyễn Văn Ân');
    expect(debtorImportKey('u1', ' 12 / qđ-ccthads ', 'nguyễn  văn ân'.normalize('NFD'))).toBe(a);
    expect(debtorImportKey('u1', '12/QĐ-CCTHADS', 'Nguyễn Văn An')).not.toBe(a);
    expect(debtorImportKey('u2', '12/QĐ-CCTHADS', 'Nguyễn Văn Ân')).not.toBe(a);
  });
});

describe('isCalendarDate', () => {
  it('knows leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
  });
});

describe('seedDebtorListingSchema', () => {
  it('takes a unit slug and an optional resolution', () => {
    expect(seedDebtorListingSchema.safeParse({ ...valid, unit: 'phong-thads-khu-vuc-1', resolved: { kind: 'co-dieu-kien', date: '2024-05-02' } }).success).toBe(true);
    expect(seedDebtorListingSchema.safeParse({ ...valid, unit: 'Phòng 1' }).success).toBe(false);
  });
});
