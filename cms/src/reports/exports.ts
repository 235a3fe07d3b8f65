/**
 * The report as files: XLSX (one sheet per breakdown, Vietnamese headers, read back by any spreadsheet)
 * and DOCX laid out as a Vietnamese administrative report (docx-layout.ts): agency header and number,
 * national motto, place and date, title, the tables, the plan's progress, "Nơi nhận" and the signature.
 * Agency names come from the site settings, the signer from the agency's own unit (its head).
 */
import type { Core } from '@strapi/strapi';
import { Packer } from 'docx';
import writeXlsxFile from 'write-excel-file/node';
import { agencyProvince, provincePlace, type PlanProgress, type PublicationReport, type ReportRow } from '@thads/shared';
import { administrativeDocument, administrativeHeader, bodyParagraph, closingBlock, dataTable, documentTitle, heading, line } from './docx-layout';
import { ARTICLE_UID, defaultLocaleWhere, UNIT_UID } from './service';

/** "bao-cao-truyen-thong-2025-05-01-2025-05-31" + extension. */
export const reportFileName = (r: PublicationReport, ext: 'xlsx' | 'docx') => `bao-cao-truyen-thong-${r.period.from}-${r.period.to}.${ext}`;

// ————— XLSX —————

type Cell = { value: string | number; fontWeight?: 'bold'; wrap?: boolean } | null;
const bold = (value: string | number): Cell => ({ value, fontWeight: 'bold', wrap: true });

/** A table of rows split by content type: label, one column per type, total; a bold total line. */
function typedTable(report: PublicationReport, first: string, rows: ReportRow[]): Cell[][] {
  const head = [bold(first), ...report.types.map((t) => bold(t.label)), bold('Tổng số')];
  const body = rows.map((r) => [{ value: r.label }, ...report.types.map((t) => ({ value: r.byType[t.key] ?? 0 })), { value: r.count }] as Cell[]);
  const totals = [bold('Tổng cộng'), ...report.types.map((t) => bold(rows.reduce((a, r) => a + (r.byType[t.key] ?? 0), 0))), bold(rows.reduce((a, r) => a + r.count, 0))];
  return [head, ...body, totals];
}

const simpleTable = (first: string, second: string, rows: Array<{ label: string; count: number }>, total?: number): Cell[][] => [
  [bold(first), bold(second)],
  ...rows.map((r) => [{ value: r.label, wrap: true }, { value: r.count }] as Cell[]),
  ...(total === undefined ? [] : [[bold('Tổng cộng'), bold(total)]]),
];

export async function reportXlsx(report: PublicationReport, plan: PlanProgress | null): Promise<Buffer> {
  const intro: Cell[][] = [
    [bold(`Báo cáo ${report.subject.charAt(0).toLowerCase()}${report.subject.slice(1)}`)],
    [{ value: `Kỳ báo cáo: từ ${report.period.from.split('-').reverse().join('/')} đến ${report.period.to.split('-').reverse().join('/')}` }],
    [{ value: `Đơn vị: ${report.unit?.name ?? 'Tất cả đơn vị'}` }],
    [{ value: 'Tính các nội dung đã xuất bản; ngày của mỗi nội dung là ngày đăng hiển thị trên trang (hoặc ngày xuất bản nếu không ghi ngày đăng).', wrap: false }],
    [null],
  ];
  const typeWidths = [{ width: 40 }, ...report.types.map(() => ({ width: 14 })), { width: 12 }];
  const sheets: Array<{ sheet: string; data: Cell[][]; columns: Array<{ width: number }> }> = [
    { sheet: 'Tổng hợp', data: [...intro, ...simpleTable('Loại nội dung', 'Số lượng', report.types, report.total)], columns: [{ width: 60 }, { width: 14 }] },
    { sheet: 'Theo đơn vị', data: typedTable(report, 'Đơn vị', report.units), columns: typeWidths },
    { sheet: 'Theo hình thức', data: simpleTable('Hình thức tin, bài', 'Số tin, bài', report.formats, report.formats.reduce((a, f) => a + f.count, 0)), columns: [{ width: 30 }, { width: 14 }] },
    { sheet: 'Theo chủ đề', data: simpleTable('Chủ đề truyền thông', 'Số tin, bài', report.themes), columns: [{ width: 70 }, { width: 14 }] },
    { sheet: 'Theo tháng', data: typedTable(report, 'Tháng', report.months), columns: typeWidths },
    { sheet: 'Theo quý', data: typedTable(report, 'Quý', report.quarters), columns: typeWidths },
    { sheet: 'Theo năm', data: typedTable(report, 'Năm', report.years), columns: typeWidths },
  ];
  if (plan) {
    sheets.push({
      sheet: 'Kế hoạch truyền thông',
      data: [
        [bold('Mã'), bold('Nhiệm vụ'), bold('Đơn vị chủ trì'), bold('Đơn vị phối hợp'), bold('Tình trạng'), bold('Minh chứng đã xuất bản'), bold('Minh chứng trong kỳ')],
        ...plan.tasks.map((t) => [
          { value: t.code },
          { value: t.title, wrap: true },
          { value: t.leadUnit?.name ?? '' },
          { value: [...t.coordinatingUnits.map((u) => u.name), ...(t.externalPartners ? [t.externalPartners] : [])].join('; '), wrap: true },
          { value: t.progressLabel },
          { value: t.evidenceCount },
          { value: t.evidenceInPeriod ?? 0 },
        ] as Cell[]),
      ],
      columns: [{ width: 8 }, { width: 60 }, { width: 30 }, { width: 50 }, { width: 16 }, { width: 14 }, { width: 14 }],
    });
  }
  return writeXlsxFile(sheets.map((s) => ({ ...s, stickyRowsCount: s.sheet === 'Tổng hợp' ? 0 : 1 })) as any).toBuffer();
}

// ————— DOCX —————

type Letterhead = { parentAgency: string | null; agency: string; agencyShort: string; place: string; signerTitle: string; signerName: string | null };

/** Agency names from the published site settings; the signer from the agency's own unit. */
export async function letterhead(strapi: Core.Strapi): Promise<Letterhead> {
  const SETTINGS = 'api::site-setting.site-setting';
  const settings = (await strapi.db.query(SETTINGS as any).findOne({ where: { publishedAt: { $notNull: true }, ...(await defaultLocaleWhere(strapi, SETTINGS)) }, select: ['agencyName', 'agencyShortName', 'parentAgency', 'address'] })) ?? {};
  const agencyUnit = await strapi.db.query(UNIT_UID as any).findOne({
    where: { publishedAt: { $notNull: true }, kind: 'agency', active: true, ...(await defaultLocaleWhere(strapi, UNIT_UID)) },
    select: ['name', 'head', 'headTitle'],
    orderBy: { order: 'asc' },
  });
  const agency: string = settings.agencyName ?? agencyUnit?.name ?? 'Cơ quan thi hành án dân sự';
  // The place of issue is the province ("… tỉnh Lạng Sơn" → "Lạng Sơn"), from the name or else the address.
  const place = provincePlace(agencyProvince(agency, settings.address));
  return {
    parentAgency: settings.parentAgency ?? null,
    agency,
    agencyShort: settings.agencyShortName ?? agency,
    place: place.trim(),
    signerTitle: agencyUnit?.headTitle ?? 'Thủ trưởng',
    signerName: agencyUnit?.head ?? null,
  };
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

export async function reportDocx(report: PublicationReport, plan: PlanProgress | null, head: Letterhead, opts: { number?: string | null; date?: Date } = {}): Promise<Buffer> {
  const types = report.types;
  const articles = types.find((t) => t.key === ARTICLE_UID);
  const n = (x: number) => x.toLocaleString('vi-VN');
  const numbered = <T extends { label: string; count: number }>(rows: T[]) => rows.map((r, i) => [i + 1, r.label, r.count] as Array<string | number>);
  const withTotal = (rows: Array<Array<string | number>>, total: number) => [...rows, ['Tổng cộng', '', total]];

  const children = [
    administrativeHeader({ parentAgency: head.parentAgency, agency: head.agency, number: opts.number ?? null, symbol: 'BC-THADS', place: head.place, date: opts.date ?? new Date() }),
    ...documentTitle('Báo cáo', report.subject),
    bodyParagraph(
      `${head.agency} báo cáo kết quả công tác truyền thông trên Trang thông tin điện tử ${report.period.label} (từ ngày ${dmy(report.period.from)} đến ngày ${dmy(report.period.to)})${report.unit ? ` của ${report.unit.name}` : ''} như sau:`,
    ),
    heading('I. KẾT QUẢ ĐĂNG TẢI THÔNG TIN'),
    bodyParagraph(
      `Trong kỳ, các đơn vị đã xuất bản ${n(report.total)} tin, bài và sản phẩm truyền thông${articles ? `, trong đó có ${n(articles.count)} tin, bài` : ''}. Số liệu tính theo ngày đăng của từng nội dung đã xuất bản; bản nháp và nội dung đã gỡ không được tính.`,
    ),
    heading('1. Theo loại nội dung'),
    dataTable([{ header: 'STT', width: 1, align: 'center' }, { header: 'Loại nội dung', width: 6 }, { header: 'Số lượng', width: 2, align: 'center' }], withTotal(numbered(types), report.total)),
    heading('2. Theo đơn vị'),
    dataTable(
      [{ header: 'STT', width: 1, align: 'center' }, { header: 'Đơn vị', width: 5 }, { header: 'Tin, bài', width: 1.6, align: 'center' }, { header: 'Nội dung khác', width: 1.8, align: 'center' }, { header: 'Tổng số', width: 1.6, align: 'center' }],
      [
        ...report.units.map((u, i) => [i + 1, u.label, u.byType[ARTICLE_UID] ?? 0, u.count - (u.byType[ARTICLE_UID] ?? 0), u.count]),
        ['Tổng cộng', '', articles?.count ?? 0, report.total - (articles?.count ?? 0), report.total],
      ],
    ),
    heading('3. Tin, bài theo hình thức thể hiện'),
    dataTable([{ header: 'STT', width: 1, align: 'center' }, { header: 'Hình thức', width: 6 }, { header: 'Số tin, bài', width: 2, align: 'center' }], withTotal(numbered(report.formats), report.formats.reduce((a, f) => a + f.count, 0))),
    heading('4. Tin, bài theo chủ đề truyền thông'),
    bodyParagraph('Một tin, bài thuộc nhiều chủ đề được tính ở mỗi chủ đề.', { italics: true }),
    dataTable([{ header: 'STT', width: 1, align: 'center' }, { header: 'Chủ đề truyền thông', width: 6 }, { header: 'Số tin, bài', width: 2, align: 'center' }], numbered(report.themes)),
  ];
  // A period longer than a month: its months (and quarters when it spans more than one).
  if (report.months.length > 1) {
    const series = report.quarters.length > 1 && report.months.length > 12 ? report.quarters : report.months;
    children.push(
      heading(`5. Theo ${series === report.quarters ? 'quý' : 'tháng'}`),
      dataTable([{ header: 'STT', width: 1, align: 'center' }, { header: series === report.quarters ? 'Quý' : 'Tháng', width: 6 }, { header: 'Số lượng', width: 2, align: 'center' }], withTotal(numbered(series), report.total)),
    );
  }
  if (plan && plan.tasks.length) {
    const { byStatus } = plan.summary;
    children.push(
      heading('II. TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH TRUYỀN THÔNG'),
      bodyParagraph(
        `Kế hoạch có ${n(plan.summary.total)} nhiệm vụ: ${n(byStatus['hoan-thanh'])} nhiệm vụ đã hoàn thành, ${n(byStatus['dang-thuc-hien'])} nhiệm vụ đang thực hiện, ${n(byStatus['chua-bat-dau'])} nhiệm vụ chưa bắt đầu (${plan.summary.percentDone}% hoàn thành).`,
      ),
      dataTable(
        [{ header: 'Mã', width: 1.1, align: 'center' }, { header: 'Nhiệm vụ', width: 5 }, { header: 'Đơn vị chủ trì', width: 2.4 }, { header: 'Tình trạng', width: 1.8, align: 'center' }, { header: 'Minh chứng trong kỳ', width: 1.7, align: 'center' }],
        plan.tasks.map((t) => [t.code, t.title, t.leadUnit?.name ?? '', t.progressLabel, t.evidenceInPeriod ?? 0]),
      ),
    );
  }
  children.push(
    line(`Trên đây là báo cáo ${report.subject.charAt(0).toLowerCase()}${report.subject.slice(1)} của ${head.agency}./.`, { align: 'justify', indentFirst: true, before: 6 }),
    closingBlock({
      recipients: [...(head.parentAgency ? [`- ${head.parentAgency} (để báo cáo);`] : []), `- Lãnh đạo ${head.agencyShort};`, `- Các đơn vị thuộc ${head.agencyShort};`, '- Tổ Biên tập Trang TTĐT;', '- Lưu: VT, VP.'],
      signerTitle: head.signerTitle,
      signerName: head.signerName,
    }),
  );
  return Packer.toBuffer(administrativeDocument(children, { title: `Báo cáo ${report.subject}`, creator: head.agency }));
}
