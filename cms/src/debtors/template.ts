/**
 * The import template, generated on request from the shared column list (so it can never disagree with
 * the importer): sheet "Danh sách" with the header row only, sheet "Hướng dẫn" with what each column
 * takes, and the three legal reasons. cms/data/templates/ holds the same header as a CSV file.
 */
import writeXlsxFile from 'write-excel-file/node';
import { DEBTOR_COLUMNS, DEBTOR_LEGAL_BASIS, DEBTOR_REASON_LABELS, DEBTOR_REASON_POINTS, DEBTOR_REASONS } from '@thads/shared';

export const TEMPLATE_FILE_NAME = 'mau-danh-sach-chua-co-dieu-kien-thi-hanh.xlsx';

const WIDTHS: Record<string, number> = { order: 6, name: 34, kind: 12, address: 40, judgmentNumber: 18, judgmentDate: 14, court: 32, obligation: 50, reason: 30, decisionNumber: 20, decisionDate: 14, unit: 30 };

export async function debtorTemplate(): Promise<Buffer> {
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const, wrap: true });
  const list = [DEBTOR_COLUMNS.map((c) => bold(c.header))];
  const guide = [
    [bold('Cột'), bold('Bắt buộc'), bold('Cách ghi')],
    ...DEBTOR_COLUMNS.map((c) => [c.header, c.required ? 'Có' : 'Không', { value: c.hint, wrap: true }]),
    [],
    [bold(`Lý do chưa có điều kiện thi hành (khoản 1 ${DEBTOR_LEGAL_BASIS})`), bold('Ghi'), bold('Nội dung')],
    ...DEBTOR_REASONS.map((r) => [`Điểm ${DEBTOR_REASON_POINTS[r]}`, DEBTOR_REASON_POINTS[r], { value: DEBTOR_REASON_LABELS[r], wrap: true }]),
    [],
    [{ value: 'Mỗi dòng một người phải thi hành án. Nhập lại cùng một tệp không tạo bản trùng: mỗi mục được nhận diện bằng đơn vị, số quyết định và tên người phải thi hành án.', wrap: true }],
  ];
  return writeXlsxFile([
    { data: list, sheet: 'Danh sách', columns: DEBTOR_COLUMNS.map((c) => ({ width: WIDTHS[c.key] ?? 20 })), stickyRowsCount: 1 },
    { data: guide as any, sheet: 'Hướng dẫn', columns: [{ width: 40 }, { width: 10 }, { width: 90 }] },
  ] as any).toBuffer();
}
