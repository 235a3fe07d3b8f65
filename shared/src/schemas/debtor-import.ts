/**
 * The spreadsheet the units keep their list of debtors without means in (XLSX or CSV, read into rows of
 * cells by the CMS): its Vietnamese column headers, how a row's cells become an entry's data, and every
 * problem found, with the sheet's row number, the column and a Vietnamese message. Each row is checked
 * with the same schema the CMS checks every save with (`debtorListingData`).
 */
import { toNFC } from '../text/normalize.ts';
import { foldDiacritics } from '../text/slug.ts';
import {
  DEBTOR_FIELD_LABELS,
  DEBTOR_REASON_LABELS,
  DEBTOR_REASON_POINTS,
  DEBTOR_REASONS,
  debtorImportKey,
  debtorListingData,
  type DebtorKind,
  type DebtorListingData,
  type DebtorReason,
} from './debtor-listing.ts';

/** A cell as a spreadsheet reader gives it. */
export type CellValue = string | number | boolean | Date | null | undefined;

type ColumnKey = keyof DebtorListingData | 'unit' | 'order';

export type DebtorColumn = {
  key: ColumnKey;
  /** The header written in the template. */
  header: string;
  /** Other headers the units' own spreadsheets use for the same column. */
  aliases: readonly string[];
  /** The file must have this column. */
  required: boolean;
  /** What the template's second sheet says about the column. */
  hint: string;
};

const L = DEBTOR_FIELD_LABELS;

/** The columns, in the template's order. Headers are matched without regard to case, diacritics or punctuation. */
export const DEBTOR_COLUMNS: readonly DebtorColumn[] = [
  { key: 'order', header: 'STT', aliases: ['Số thứ tự', 'TT'], required: false, hint: 'Số thứ tự; không bắt buộc, không được lưu.' },
  { key: 'name', header: L.name, aliases: ['Người phải thi hành án', 'Tên người phải THA', 'Họ và tên', 'Họ tên', 'Tên cá nhân, tổ chức', 'Tên tổ chức, cá nhân'], required: true, hint: 'Họ và tên cá nhân hoặc tên đầy đủ của tổ chức.' },
  { key: 'kind', header: L.kind, aliases: ['Loại', 'Cá nhân hay tổ chức', 'Cá nhân, tổ chức'], required: false, hint: '"Cá nhân" hoặc "Tổ chức". Để trống: tên bắt đầu bằng "Công ty", "Doanh nghiệp", "Hợp tác xã", "Chi nhánh"… được hiểu là tổ chức, còn lại là cá nhân.' },
  { key: 'address', header: L.address, aliases: ['Địa chỉ, nơi cư trú', 'Nơi cư trú', 'Địa chỉ trụ sở', 'Trụ sở', 'Địa chỉ cuối cùng'], required: true, hint: 'Nơi cư trú hoặc trụ sở; với lý do chưa xác định được địa chỉ, ghi địa chỉ cuối cùng đã biết.' },
  { key: 'judgmentNumber', header: L.judgmentNumber, aliases: ['Bản án, quyết định số', 'Số bản án', 'Bản án số', 'Số bản án quyết định'], required: true, hint: 'Ví dụ: 15/2023/DS-ST.' },
  { key: 'judgmentDate', header: L.judgmentDate, aliases: ['Ngày bản án', 'Ngày tuyên án', 'Ngày ban hành bản án'], required: true, hint: 'Ngày/tháng/năm, ví dụ 14/05/2024.' },
  { key: 'court', header: L.court, aliases: ['Tòa án ban hành', 'Tòa án xét xử', 'Cơ quan ban hành bản án'], required: true, hint: 'Ví dụ: Tòa án nhân dân khu vực 1 – tên tỉnh.' },
  { key: 'obligation', header: L.obligation, aliases: ['Nghĩa vụ thi hành án', 'Nghĩa vụ', 'Nội dung phải thi hành', 'Nghĩa vụ phải thi hành án'], required: true, hint: 'Ví dụ: Trả cho bà Nguyễn Thị A số tiền 150.000.000 đồng.' },
  { key: 'reason', header: L.reason, aliases: ['Lý do', 'Lý do chưa có điều kiện', 'Lý do chưa có điều kiện thi hành án', 'Căn cứ'], required: true, hint: 'Ghi "a", "b" hoặc "c" (điểm của khoản 1 Điều 44a), hoặc lý do: "Không có thu nhập, tài sản…", "Vật phải trả không còn…", "Chưa xác định được địa chỉ…".' },
  { key: 'decisionNumber', header: L.decisionNumber, aliases: ['Số quyết định', 'Quyết định số', 'Số quyết định về việc chưa có điều kiện thi hành án'], required: true, hint: 'Ví dụ: 12/QĐ-THADS.' },
  { key: 'decisionDate', header: L.decisionDate, aliases: ['Ngày quyết định', 'Ngày ra quyết định'], required: true, hint: 'Ngày/tháng/năm, không trước ngày bản án.' },
  { key: 'unit', header: L.unit, aliases: ['Cơ quan thi hành án', 'Đơn vị thi hành án'], required: false, hint: 'Tên đơn vị (ví dụ "Phòng Thi hành án dân sự khu vực 1"). Để trống: dùng đơn vị đã chọn khi nhập tệp.' },
];

export const MAX_IMPORT_ROWS = 20_000;

export type ImportUnit = { documentId: string; name: string; slug: string; shortName?: string | null | undefined };
export type ImportRow = { row: number; unit: string; key: string; data: DebtorListingData };
/** `row` is the sheet's own row number (the header is usually row 1); null for the file as a whole. */
export type ImportError = { row: number | null; column: string | null; message: string };
export type ParsedImport = { rows: ImportRow[]; errors: ImportError[]; headerRow: number | null; ignoredColumns: string[] };

/** Lower-case ASCII words: "Tòa án (ghi đủ)" → "toa an ghi du". */
const fold = (s: string) =>
  foldDiacritics(toNFC(s))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const headerKey = (s: string) => fold(s.replace(/\([^)]*\)/g, ' '));

const COLUMN_BY_HEADER = new Map<string, DebtorColumn>();
for (const column of DEBTOR_COLUMNS) for (const h of [column.header, ...column.aliases]) COLUMN_BY_HEADER.set(headerKey(h), column);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const isoOf = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** A cell as text: dates as "YYYY-MM-DD" (the reader's dates are UTC midnights), whole numbers without ".0". */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return toNFC(String(value)).trim();
}

/**
 * A date cell as "YYYY-MM-DD": a spreadsheet date, an Excel day number, "14/05/2024", "14-5-2024",
 * "14.05.2024", "2024-05-14" or "ngày 14 tháng 5 năm 2024". Anything else is returned as typed, for the
 * schema to refuse with its message.
 */
export function dateCell(value: CellValue): string {
  if (value instanceof Date) return cellText(value);
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 2_958_466) {
    const d = new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
    return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const text = cellText(value);
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(fold(text));
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  return text;
}

const ORGANISATION_PREFIXES = ['cong ty', 'cty', 'tong cong ty', 'doanh nghiep', 'dntn', 'hop tac xa', 'htx', 'chi nhanh', 'ngan hang', 'quy tin dung', 'co so', 'ban quan ly', 'trung tam', 'van phong'];

/** "Cá nhân"/"Tổ chức" (or their codes, "CN"/"TC"); empty: guessed from the name. */
export function kindCell(value: CellValue, name: string): DebtorKind | string {
  const text = cellText(value);
  const f = fold(text);
  if (!f) return ORGANISATION_PREFIXES.some((p) => fold(name).startsWith(`${p} `)) ? 'to-chuc' : 'ca-nhan';
  if (f === 'ca nhan' || f === 'cn') return 'ca-nhan';
  if (f === 'to chuc' || f === 'tc' || f === 'doanh nghiep') return 'to-chuc';
  return text;
}

const REASON_KEYWORDS: Record<DebtorReason, string[]> = {
  'khong-co-tai-san-thu-nhap': ['tai san', 'thu nhap'],
  'vat-giay-to-khong-con': ['giay to', 'vat phai tra', 'hu hong'],
  'chua-xac-dinh-dia-chi': ['dia chi', 'noi cu tru'],
};

/** A reason by code, by the point of khoản 1 Điều 44a ("a", "điểm b"), by its label, or by its key words when they point to one reason only. */
export function reasonCell(value: CellValue): DebtorReason | string {
  const text = cellText(value);
  const f = fold(text);
  if (!f) return '';
  for (const reason of DEBTOR_REASONS) if (f === fold(reason) || f === fold(DEBTOR_REASON_LABELS[reason])) return reason;
  const point = /^(?:diem )?([abc])(?: khoan 1)?(?: dieu 44a)?(?: |$)/.exec(f);
  if (point) return DEBTOR_REASONS.find((r) => DEBTOR_REASON_POINTS[r] === point[1])!;
  const matches = DEBTOR_REASONS.filter((r) => REASON_KEYWORDS[r].some((k) => ` ${f} `.includes(` ${k} `)));
  return matches.length === 1 ? matches[0]! : text;
}

/** The unit a row names (name, short name or slug), or the one chosen for the whole file. */
function unitCell(value: CellValue, units: readonly ImportUnit[], fallback: string | undefined): { unit?: string; error?: string } {
  const text = cellText(value);
  if (!text) return fallback ? { unit: fallback } : { error: 'Chưa chọn đơn vị cho tệp và dòng này không ghi đơn vị.' };
  const f = fold(text);
  const found = units.find((u) => fold(u.name) === f || (u.shortName && fold(u.shortName) === f) || u.slug === text.toLowerCase());
  return found ? { unit: found.documentId } : { error: `Không có đơn vị "${text}". Ghi đúng tên đơn vị như trên trang "Đơn vị – liên hệ".` };
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
/** "Địa chỉ: không được để trống." → "Không được để trống." (the column is shown beside it). */
const withoutLabel = (message: string, label: string) => (message.startsWith(`${label}: `) ? capitalise(message.slice(label.length + 2)) : message);

/** Finds the header row among the first rows (units' sheets often start with a title): the first with three known headers. */
function findHeader(rows: readonly (readonly CellValue[])[]): number {
  for (let i = 0; i < Math.min(rows.length, 15); i++) {
    const known = new Set((rows[i] ?? []).map((c) => COLUMN_BY_HEADER.get(headerKey(cellText(c)))?.key).filter(Boolean));
    if (known.size >= 3) return i;
  }
  return -1;
}

/**
 * Reads a sheet (rows of cells, the first row being the sheet's row 1): finds the header row, maps the
 * columns, turns each non-empty row into an entry's data and checks it. `units` are the units a row may
 * name; `unit` is the documentId chosen for the whole file (rows may name another).
 */
export function parseDebtorSheet(sheet: readonly (readonly CellValue[])[], { units, unit }: { units: readonly ImportUnit[]; unit?: string | undefined }): ParsedImport {
  const errors: ImportError[] = [];
  const rows: ImportRow[] = [];
  const headerIndex = findHeader(sheet);
  if (headerIndex < 0) {
    const expected = DEBTOR_COLUMNS.filter((c) => c.required).map((c) => `"${c.header}"`).join(', ');
    return { rows, errors: [{ row: null, column: null, message: `Không tìm thấy dòng tiêu đề cột. Dòng tiêu đề cần có các cột ${expected} (xem tệp mẫu).` }], headerRow: null, ignoredColumns: [] };
  }

  const columns = new Map<ColumnKey, { index: number; header: string }>();
  const ignoredColumns: string[] = [];
  (sheet[headerIndex] ?? []).forEach((cell, index) => {
    const header = cellText(cell);
    if (!header) return;
    const column = COLUMN_BY_HEADER.get(headerKey(header));
    if (!column) return void ignoredColumns.push(header);
    const seen = columns.get(column.key);
    if (seen) errors.push({ row: headerIndex + 1, column: header, message: `Cột này trùng ý nghĩa với cột "${seen.header}"; chỉ giữ một cột.` });
    else columns.set(column.key, { index, header });
  });
  const missing = DEBTOR_COLUMNS.filter((c) => c.required && !columns.has(c.key));
  if (missing.length) errors.push({ row: headerIndex + 1, column: null, message: `Thiếu cột: ${missing.map((c) => `"${c.header}"`).join(', ')}.` });
  if (errors.length) return { rows, errors, headerRow: headerIndex + 1, ignoredColumns };

  const dataRows = sheet.length - headerIndex - 1;
  if (dataRows > MAX_IMPORT_ROWS) {
    return { rows, errors: [{ row: null, column: null, message: `Tệp có ${dataRows} dòng, quá giới hạn ${MAX_IMPORT_ROWS} dòng một lần nhập; hãy chia thành nhiều tệp.` }], headerRow: headerIndex + 1, ignoredColumns };
  }

  const headerOf = (key: ColumnKey) => columns.get(key)?.header ?? (key === 'order' ? 'STT' : L[key]);
  const firstRowOfKey = new Map<string, number>();
  for (let i = headerIndex + 1; i < sheet.length; i++) {
    const cells = sheet[i] ?? [];
    const get = (key: ColumnKey): CellValue => {
      const c = columns.get(key);
      return c ? cells[c.index] : undefined;
    };
    const orderIndex = columns.get('order')?.index;
    if (cells.every((c, index) => index === orderIndex || cellText(c) === '')) continue;
    const rowNumber = i + 1;
    const rowErrors: ImportError[] = [];

    const name = cellText(get('name'));
    const candidate = {
      name,
      kind: kindCell(get('kind'), name),
      address: cellText(get('address')),
      judgmentNumber: cellText(get('judgmentNumber')),
      judgmentDate: dateCell(get('judgmentDate')),
      court: cellText(get('court')),
      obligation: cellText(get('obligation')),
      reason: reasonCell(get('reason')),
      decisionNumber: cellText(get('decisionNumber')),
      decisionDate: dateCell(get('decisionDate')),
    };
    const parsed = debtorListingData.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof DebtorListingData | undefined;
        rowErrors.push({ row: rowNumber, column: field ? headerOf(field) : null, message: field ? withoutLabel(issue.message, L[field]) : issue.message });
      }
    }
    const unitResult = unitCell(get('unit'), units, unit);
    if (unitResult.error) rowErrors.push({ row: rowNumber, column: headerOf('unit'), message: unitResult.error });

    if (parsed.success && unitResult.unit) {
      const key = debtorImportKey(unitResult.unit, parsed.data.decisionNumber, parsed.data.name);
      const first = firstRowOfKey.get(key);
      if (first) {
        rowErrors.push({ row: rowNumber, column: headerOf('name'), message: `Trùng với dòng ${first}: cùng đơn vị, số quyết định và tên người phải thi hành án.` });
      } else {
        firstRowOfKey.set(key, rowNumber);
        if (!rowErrors.length) rows.push({ row: rowNumber, unit: unitResult.unit, key, data: parsed.data });
      }
    }
    errors.push(...rowErrors);
  }
  if (!rows.length && !errors.length) errors.push({ row: null, column: null, message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.' });
  return { rows, errors, headerRow: headerIndex + 1, ignoredColumns };
}
