/**
 * Reads the first sheet of an uploaded XLSX file, or a CSV file, into rows of cells for the shared import
 * parser (`parseDebtorSheet`). XLSX through `read-excel-file` (maintained, reads .xlsx only, no dependency
 * with known vulnerabilities; the npm `xlsx` 0.18 is no longer maintained on npm); CSV through `csv-parse`.
 * Anything unreadable is a SpreadsheetError with a Vietnamese message for the editor.
 */
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import type { CellValue } from '@thads/shared';

export class SpreadsheetError extends Error {
  override name = 'SpreadsheetError';
}

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length > 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;

/** CSV text: UTF-8 (with or without BOM) or UTF-16 ("Unicode Text" from Excel). Windows-1258 is refused with how to fix it. */
function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw new SpreadsheetError('Tệp CSV không ở mã UTF-8 nên tiếng Việt sẽ bị lỗi. Trong Excel, chọn Lưu thành › "CSV UTF-8 (Comma delimited)", hoặc lưu thành .xlsx.');
  }
}

/** The separator of the header line: comma, semicolon (Excel with Vietnamese regional settings) or tab. */
function delimiterOf(text: string): string {
  const firstLine = (text.split(/\r?\n/).find((l) => l.trim()) ?? '').replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export async function readSpreadsheet(buffer: Buffer, filename = ''): Promise<CellValue[][]> {
  if (!buffer.length) throw new SpreadsheetError('Tệp rỗng.');
  if (buffer.length > MAX_FILE_BYTES) throw new SpreadsheetError(`Tệp lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB; hãy chia thành nhiều tệp.`);
  if (isOle(buffer)) throw new SpreadsheetError('Tệp .xls (Excel 97–2003) chưa được hỗ trợ. Hãy mở tệp trong Excel và lưu lại thành .xlsx hoặc "CSV UTF-8".');
  if (isZip(buffer)) {
    try {
      return (await readSheet(buffer)) as unknown as CellValue[][];
    } catch (error) {
      throw new SpreadsheetError(`Không đọc được tệp Excel (${(error as Error).message}). Hãy kiểm tra tệp là .xlsx và mở được bằng Excel.`);
    }
  }
  if (/\.(xlsx|xlsm|ods)$/i.test(filename)) throw new SpreadsheetError('Tệp không phải là tệp .xlsx hợp lệ (có thể đã hỏng hoặc bị đổi đuôi).');
  const text = decodeText(buffer).replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new SpreadsheetError('Tệp không phải là tệp CSV hay .xlsx.');
  try {
    return parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false, trim: true }) as CellValue[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new SpreadsheetError(`Tệp CSV sai định dạng${line ? ` ở dòng ${line}` : ''}: kiểm tra các dấu ngoặc kép ("). (${(error as Error).message})`);
  }
}
