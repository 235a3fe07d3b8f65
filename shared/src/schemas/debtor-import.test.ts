import { describe, expect, it } from 'vitest';
import { cellText, dateCell, DEBTOR_COLUMNS, kindCell, parseDebtorSheet, reasonCell, type CellValue } from './debtor-import.ts';
import { debtorImportKey } from './debtor-listing.ts';

const units = [
  { documentId: 'kv1', name: 'Phòng Thi hành án dân sự khu vực 1', slug: 'phong-thads-khu-vuc-1', shortName: 'Phòng THADS khu vực 1' },
  { documentId: 'kv2', name: 'Phòng Thi hành án dân sự khu vực 2', slug: 'phong-thads-khu-vuc-2' },
];
const header = DEBTOR_COLUMNS.map((c) => c.header);
const row = (over: Partial<Record<string, CellValue>> = {}): CellValue[] => {
  const values: Record<string, CellValue> = {
    order: 1,
    name: 'Nguyễn Văn Đức (giả định)',
    kind: 'Cá nhân',
    address: 'Thôn Đông, xã Tiên Lữ, tỉnh Hưng Yên',
    judgmentNumber: '25/2022/HNGĐ-ST',
    judgmentDate: new Date(Date.UTC(2022, 7, 9)),
    court: 'Tòa án nhân dân huyện Tiên Lữ',
    obligation: 'Cấp dưỡng nuôi con 2.000.000 đồng/tháng',
    reason: 'a',
    decisionNumber: '05/QĐ-CCTHADS',
    decisionDate: '15/03/2023',
    unit: '',
    ...over,
  };
  return DEBTOR_COLUMNS.map((c) => values[c.key]);
};

describe('cellText and dateCell', () => {
  it('reads spreadsheet dates, Excel day numbers and Vietnamese ways of writing a date', () => {
    expect(dateCell(new Date(Date.UTC(2024, 4, 14)))).toBe('2024-05-14');
    expect(dateCell(45426)).toBe('2024-05-14');
    for (const typed of ['14/05/2024', '14/5/2024', '14-05-2024', '14.05.2024', '2024-05-14', 'ngày 14 tháng 5 năm 2024']) expect(dateCell(typed), typed).toBe('2024-05-14');
    expect(dateCell('tháng 5/2024')).toBe('tháng 5/2024');
  });

  it('keeps whole numbers whole and text NFC', () => {
    expect(cellText(12)).toBe('12');
    expect(cellText(' Đức '.normalize('NFD'))).toBe('Đức');
    expect(cellText(null)).toBe('');
  });
});

describe('kindCell and reasonCell', () => {
  it('reads the kind, or guesses it from the name when empty', () => {
    expect(kindCell('tổ chức', 'x')).toBe('to-chuc');
    expect(kindCell('CN', 'x')).toBe('ca-nhan');
    expect(kindCell('', 'Công ty TNHH Minh Phát')).toBe('to-chuc');
    expect(kindCell(null, 'Hợp tác xã Nông nghiệp Đông Hải')).toBe('to-chuc');
    expect(kindCell('', 'Trương Công Tỵ')).toBe('ca-nhan');
    expect(kindCell('hộ gia đình', 'x')).toBe('hộ gia đình');
  });

  it('reads the reason by point, code, label or key words', () => {
    expect(reasonCell('a')).toBe('khong-co-tai-san-thu-nhap');
    expect(reasonCell('Điểm c khoản 1 Điều 44a')).toBe('chua-xac-dinh-dia-chi');
    expect(reasonCell('vat-giay-to-khong-con')).toBe('vat-giay-to-khong-con');
    expect(reasonCell('Không có tài sản để thi hành án')).toBe('khong-co-tai-san-thu-nhap');
    expect(reasonCell('Chưa xác định được địa chỉ')).toBe('chua-xac-dinh-dia-chi');
    expect(reasonCell('Không có tài sản, chưa rõ địa chỉ')).toBe('Không có tài sản, chưa rõ địa chỉ');
  });
});

describe('parseDebtorSheet', () => {
  it('reads valid rows under a title, with the unit chosen for the file', () => {
    const sheet: CellValue[][] = [['DANH SÁCH NGƯỜI PHẢI THI HÀNH ÁN CHƯA CÓ ĐIỀU KIỆN THI HÀNH'], [], header, row(), row({ order: 2, name: 'Công ty TNHH Minh Phát (giả định)', kind: '' })];
    const r = parseDebtorSheet(sheet, { units, unit: 'kv1' });
    expect(r.errors).toEqual([]);
    expect(r.headerRow).toBe(3);
    expect(r.rows.map((x) => [x.row, x.unit, x.data.kind])).toEqual([
      [4, 'kv1', 'ca-nhan'],
      [5, 'kv1', 'to-chuc'],
    ]);
    expect(r.rows[0]!.data).toMatchObject({ judgmentDate: '2022-08-09', decisionDate: '2023-03-15', reason: 'khong-co-tai-san-thu-nhap' });
    expect(r.rows[0]!.key).toBe(debtorImportKey('kv1', '05/QĐ-CCTHADS', 'Nguyễn Văn Đức (giả định)'));
  });

  it('matches headers without regard to diacritics, case, notes in brackets or order, and reports unknown columns', () => {
    const shuffled = ['Ghi chú', 'NGAY QUYET DINH', 'so quyet dinh', 'Lý do', 'Nghĩa vụ', 'Toà án', 'Ngày bản án (dd/mm/yyyy)', 'Bản án số', 'Địa chỉ', 'Họ và tên', 'Đơn vị'];
    const r = parseDebtorSheet([shuffled, ['x', '15/03/2023', '05/QĐ-CCTHADS', 'c', 'Trả nợ 10.000.000 đồng', 'TAND huyện Tiên Lữ', '09/08/2022', '25/2022/DS-ST', 'Không rõ', 'Lê Thị Hoa', 'Phòng THADS khu vực 1']], { units });
    expect(r.errors).toEqual([]);
    expect(r.ignoredColumns).toEqual(['Ghi chú']);
    expect(r.rows[0]).toMatchObject({ unit: 'kv1', data: { name: 'Lê Thị Hoa', reason: 'chua-xac-dinh-dia-chi', court: 'TAND huyện Tiên Lữ' } });
  });

  it('lists every error of every row with its row number and column', () => {
    const sheet: CellValue[][] = [
      header,
      row(),
      row({ name: '', judgmentDate: '31/02/2022' }),
      row({ reason: 'không muốn trả', decisionDate: '01/01/2020' }),
      row({ unit: 'Phòng khu vực 9' }),
      row(),
    ];
    const r = parseDebtorSheet(sheet, { units, unit: 'kv1' });
    expect(r.errors).toEqual([
      { row: 3, column: 'Tên người phải thi hành án', message: 'Không được để trống.' },
      { row: 3, column: 'Ngày bản án, quyết định', message: 'Không phải ngày hợp lệ (ví dụ 14/05/2024).' },
      { row: 4, column: 'Lý do chưa có điều kiện thi hành', message: expect.stringMatching(/^Chọn một trong: /) },
      { row: 5, column: 'Đơn vị', message: 'Không có đơn vị "Phòng khu vực 9". Ghi đúng tên đơn vị như trên trang "Đơn vị – liên hệ".' },
      { row: 6, column: 'Tên người phải thi hành án', message: 'Trùng với dòng 2: cùng đơn vị, số quyết định và tên người phải thi hành án.' },
    ]);
    const decisionBeforeJudgment = parseDebtorSheet([header, row({ decisionDate: '01/01/2020' })], { units, unit: 'kv1' });
    expect(decisionBeforeJudgment.errors).toEqual([{ row: 2, column: 'Ngày quyết định chưa có điều kiện thi hành', message: 'Không được trước ngày bản án, quyết định.' }]);
  });

  it('needs a unit for every row', () => {
    expect(parseDebtorSheet([header, row()], { units }).errors).toEqual([{ row: 2, column: 'Đơn vị', message: 'Chưa chọn đơn vị cho tệp và dòng này không ghi đơn vị.' }]);
  });

  it('skips empty rows, even numbered ones, and refuses a file without data', () => {
    const r = parseDebtorSheet([header, [3], [], row()], { units, unit: 'kv1' });
    expect(r.rows.map((x) => x.row)).toEqual([4]);
    expect(parseDebtorSheet([header, [1, null, '']], { units, unit: 'kv1' }).errors).toEqual([{ row: null, column: null, message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.' }]);
  });

  it('names the missing columns, and says so when there is no header at all', () => {
    const r = parseDebtorSheet([['Tên người phải thi hành án', 'Địa chỉ', 'Tòa án', 'Lý do']], { units, unit: 'kv1' });
    expect(r.errors).toEqual([
      { row: 1, column: null, message: 'Thiếu cột: "Số bản án, quyết định", "Ngày bản án, quyết định", "Nghĩa vụ phải thi hành", "Số quyết định chưa có điều kiện thi hành", "Ngày quyết định chưa có điều kiện thi hành".' },
    ]);
    expect(parseDebtorSheet([['a', 'b'], [1, 2]], { units }).errors[0]!.message).toMatch(/^Không tìm thấy dòng tiêu đề cột/);
  });

  it('refuses two columns that mean the same', () => {
    const r = parseDebtorSheet([[...header, 'Họ và tên']], { units, unit: 'kv1' });
    expect(r.errors).toEqual([{ row: 1, column: 'Họ và tên', message: 'Cột này trùng ý nghĩa với cột "Tên người phải thi hành án"; chỉ giữ một cột.' }]);
  });
});
