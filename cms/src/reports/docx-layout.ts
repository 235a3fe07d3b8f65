/**
 * Generic pieces of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I) written with
 * `docx`: A4 with the decree's margins, Times New Roman 14 pt, the two-column header (issuing agency and
 * number on the left, national motto, place and date on the right), the title, plain tables, and the closing
 * "Nơi nhận" list beside the signature block; page numbers from page 2, centred at the top.
 *
 * Nothing here knows about reports: any admin export of ours that needs an administrative layout can use it.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';

export const FONT = 'Times New Roman';
/** Sizes in half-points, as docx takes them. */
const pt = (n: number) => n * 2;

/** Millimetres to twips, rounded (A4 is then exactly Word's 11906 × 16838). */
export const mm = (value: number) => Math.round((value * 1440) / 25.4);

/** A4 and the decree's margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
};
/** The width text can use, in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

type RunStyle = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean; allCaps?: boolean };
const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text, font: FONT, size: pt(style.size ?? 14), bold: style.bold, italics: style.italics, underline: style.underline ? {} : undefined, allCaps: style.allCaps });

type LineOptions = { align?: 'left' | 'center' | 'right' | 'justify'; before?: number; after?: number; indentFirst?: boolean };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

/** One paragraph of runs (spacing in points). */
export function line(children: ParagraphChild[] | string, { align = 'left', before = 0, after = 0, indentFirst = false }: LineOptions = {}, style: RunStyle = {}) {
  return new Paragraph({
    alignment: ALIGN[align],
    spacing: { before: before * 20, after: after * 20 },
    indent: indentFirst ? { firstLine: mm(10) } : undefined,
    children: typeof children === 'string' ? [run(children, style)] : children,
  });
}

/** A body paragraph: justified, first line indented, 6 pt after, as the decree's examples. */
export const bodyParagraph = (text: string, style: RunStyle = {}) => line(text, { align: 'justify', indentFirst: true, after: 6 }, style);
/** A section heading of the body ("I. KẾT QUẢ…", "1. Theo loại nội dung"). */
export const heading = (text: string) => line(text, { align: 'justify', before: 6, after: 6, indentFirst: true }, { bold: true });

/** A short centred rule under the agency name and the motto (a paragraph border between indents). */
function rule(cellWidth: number, ruleWidth: number) {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({ indent: { left: side, right: side }, border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, spacing: { after: 60 }, children: [] });
}

const cell = (children: Paragraph[], width: number, opts: { borders?: boolean; shade?: boolean; columnSpan?: number } = {}) =>
  new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.columnSpan,
    verticalAlign: VerticalAlign.CENTER,
    borders: opts.borders === false ? TableBorders.NONE : undefined,
    shading: opts.shade ? { fill: 'F2F2F2', type: 'clear', color: 'auto' } : undefined,
  });

const borderless = (widths: number[], rows: TableRow[]) =>
  new Table({ width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: TableBorders.NONE, rows });

/** Day and month written the decree's way: days below 10 and the months 1 and 2 take a leading zero. */
export function administrativeDate(date: Date, timeZoneOffsetHours = 7): { day: string; month: string; year: string } {
  const local = new Date(date.getTime() + timeZoneOffsetHours * 3600_000);
  const d = local.getUTCDate();
  const m = local.getUTCMonth() + 1;
  return { day: String(d).padStart(2, '0'), month: m <= 2 ? `0${m}` : String(m), year: String(local.getUTCFullYear()) };
}

export type AdministrativeHeader = {
  /** Cơ quan chủ quản (e.g. "Bộ Tài chính"), written in capitals; omitted when empty. */
  parentAgency?: string | null;
  /** Cơ quan ban hành, written in bold capitals. */
  agency: string;
  /** "Số: 15/BC-THADS"; without a number, room is left for the records office to write it. */
  number?: string | null;
  /** Document kind and issuer abbreviation after the number ("BC-THADS"). */
  symbol: string;
  /** Place of issue: the province without "tỉnh" ("Lạng Sơn"), from the site settings. */
  place: string;
  date: Date;
};

/** The two-column header of page 1 (ô số 1–4 of the decree's layout). */
export function administrativeHeader(h: AdministrativeHeader): Table {
  const left = Math.round(TEXT_WIDTH * 0.42);
  const right = TEXT_WIDTH - left;
  const { day, month, year } = administrativeDate(h.date);
  const leftCell = [
    ...(h.parentAgency ? [line(h.parentAgency.toUpperCase(), { align: 'center' }, { size: 13 })] : []),
    line(h.agency.toUpperCase(), { align: 'center' }, { size: 13, bold: true }),
    rule(left, Math.round(left * 0.4)),
    line(`Số: ${h.number ? h.number : '\u00a0'.repeat(8)}/${h.symbol}`, { align: 'center', before: 4 }, { size: 13 }),
  ];
  const rightCell = [
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' }, { size: 13, bold: true }),
    line('Độc lập - Tự do - Hạnh phúc', { align: 'center' }, { size: 14, bold: true }),
    rule(right, Math.round(right * 0.55)),
    line(`${h.place}, ngày ${day} tháng ${month} năm ${year}`, { align: 'center', before: 4 }, { size: 14, italics: true }),
  ];
  return borderless([left, right], [new TableRow({ children: [cell(leftCell, left, { borders: false }), cell(rightCell, right, { borders: false })] })]);
}

/** The title: the kind in bold capitals ("BÁO CÁO") and the subject below it in bold, with a short rule. */
export function documentTitle(kind: string, subject: string): Paragraph[] {
  return [
    line(kind.toUpperCase(), { align: 'center', before: 18 }, { bold: true }),
    line(subject, { align: 'center', after: 2 }, { bold: true }),
    rule(TEXT_WIDTH, Math.round(TEXT_WIDTH * 0.2)),
    line('', { after: 6 }),
  ];
}

export type TableColumn = { header: string; width: number; align?: 'left' | 'center' | 'right' };

/**
 * A plain bordered table: a shaded header row repeated on every page, 13 pt cells, widths as fractions of
 * the text width (they are scaled to add up to it). A row whose first value starts with "Tổng" is bold.
 */
export function dataTable(columns: TableColumn[], rows: Array<Array<string | number>>): Table {
  const sum = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / sum) * TEXT_WIDTH));
  const text = (value: string | number, align: 'left' | 'center' | 'right', style: RunStyle) =>
    new Paragraph({ alignment: ALIGN[align], spacing: { before: 40, after: 40 }, children: [run(typeof value === 'number' ? value.toLocaleString('vi-VN') : value, { size: 13, ...style })] });
  const header = new TableRow({
    tableHeader: true,
    children: columns.map((c, i) => cell([text(c.header, 'center', { bold: true })], widths[i]!, { shade: true })),
  });
  const body = rows.map((r) => {
    const total = typeof r[0] === 'string' && /^Tổng/.test(r[0]);
    return new TableRow({ cantSplit: true, children: r.map((v, i) => cell([text(v, columns[i]?.align ?? (typeof v === 'number' ? 'center' : 'left'), { bold: total })], widths[i]!)) });
  });
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [header, ...body] });
}

export type Closing = {
  /** "Nơi nhận:" lines, each ending with ";" except the last ("- Lưu: VT, VP."). */
  recipients: string[];
  /** Signing on behalf ("KT. THỦ TRƯỞNG"), optional. */
  onBehalf?: string | null;
  /** The signer's position ("THỦ TRƯỞNG", "PHÓ THỦ TRƯỞNG"). */
  signerTitle: string;
  signerName?: string | null;
};

/** "Nơi nhận" (12 pt bold italic, then 11 pt lines) on the left, the signature block on the right. */
export function closingBlock(c: Closing): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const recipients = [
    line([run('Nơi nhận:', { size: 12, bold: true, italics: true })], { before: 12 }),
    ...c.recipients.map((r) => line(r, {}, { size: 11 })),
  ];
  const signature = [
    ...(c.onBehalf ? [line(c.onBehalf.toUpperCase(), { align: 'center', before: 12 }, { bold: true })] : []),
    line(c.signerTitle.toUpperCase(), { align: 'center', before: c.onBehalf ? 0 : 12 }, { bold: true }),
    // Room for the signature and the seal.
    line('', { after: 72 }),
    line(c.signerName ?? '', { align: 'center' }, { bold: true }),
  ];
  return borderless([left, right], [new TableRow({ children: [cell(recipients, left, { borders: false }), cell(signature, right, { borders: false })] })]);
}

/** The whole document: one A4 section, Times New Roman 14 pt, page numbers from page 2. */
export function administrativeDocument(children: Array<Paragraph | Table>, meta: { title: string; creator?: string }): Document {
  const pageNumber = new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })] })] });
  return new Document({
    title: meta.title,
    creator: meta.creator ?? '',
    styles: { default: { document: { run: { font: FONT, size: pt(14) }, paragraph: { spacing: { line: 276 } } } } },
    sections: [
      {
        properties: { titlePage: true, page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, header: mm(10), footer: mm(10) } } },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children,
      },
    ],
  });
}
