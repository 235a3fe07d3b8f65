/**
 * The demo media kit's document "Thông tin giới thiệu cơ quan": a DOCX fact sheet of the agency written at
 * seed time from the demo data (site-setting.json, units.json, spokesperson.json), as demo photos are drawn,
 * never stored in the repository. Laid out with the administrative pieces of reports/docx-layout.ts: A4,
 * Times New Roman, the agency's name at the top, then general information, functions, organisation and the
 * spokespeople's contacts for the press.
 */
import { Packer, type Paragraph, type Table } from 'docx';
import { formatDate, type SeedData } from '@thads/shared';
import { administrativeDocument, bodyParagraph, dataTable, documentTitle, heading, line } from '../reports/docx-layout';

type Row = [string, string | undefined | null];
const present = (rows: Row[]): [string, string][] => rows.filter((r): r is [string, string] => !!r[1]?.trim());

/** The fact sheet's bytes; `date` (ISO) is the day the information is given as up to date. */
export async function agencyFactSheet(data: Pick<SeedData, 'site-setting' | 'units' | 'spokesperson'>, date: string): Promise<Buffer> {
  const setting = data['site-setting'];
  const agency = data.units.find((u) => u.kind === 'agency' && u.active);
  const units = agency ? data.units.filter((u) => u.active && u.parent === agency.slug).sort((a, b) => a.order - b.order) : [];
  const { spokesperson, deputy, note } = data.spokesperson;

  const children: Array<Paragraph | Table> = [
    ...(setting.parentAgency ? [line(setting.parentAgency.toUpperCase(), { align: 'center' }, { size: 13 })] : []),
    line(setting.agencyName.toUpperCase(), { align: 'center' }, { size: 13, bold: true }),
    ...documentTitle('Thông tin giới thiệu cơ quan', 'Tài liệu dành cho cơ quan báo chí'),

    heading('I. THÔNG TIN CHUNG'),
    dataTable(
      [
        { header: 'Mục', width: 1 },
        { header: 'Thông tin', width: 2.4 },
      ],
      present([
        ['Tên cơ quan', setting.agencyName],
        ['Tên viết tắt', setting.agencyShortName],
        ['Cơ quan cấp trên', setting.parentAgency],
        ['Người đứng đầu', agency?.head ? `${agency.head}${agency.headTitle ? ` – ${agency.headTitle}` : ''}` : undefined],
        ['Địa chỉ trụ sở', setting.address ?? agency?.address],
        ['Điện thoại', setting.phone ?? agency?.phone],
        ['Fax', setting.fax],
        ['Thư điện tử', setting.email ?? agency?.email],
        ['Giờ làm việc', setting.workingHours],
        ['Trang thông tin điện tử', setting.portalName],
      ]),
    ),

    heading('II. CHỨC NĂNG, NHIỆM VỤ'),
    bodyParagraph(agency?.description ?? setting.description ?? setting.agencyName),

    ...(units.length
      ? [
          heading('III. CƠ CẤU TỔ CHỨC'),
          bodyParagraph(`${setting.agencyName} gồm ${units.length} đơn vị trực thuộc:`),
          dataTable(
            [
              { header: 'STT', width: 0.5, align: 'center' },
              { header: 'Đơn vị', width: 2 },
              { header: 'Địa chỉ', width: 2.4 },
              { header: 'Điện thoại', width: 1.2 },
            ],
            units.map((u, i) => [String(i + 1), u.name, u.address ?? '', u.phone ?? '']),
          ),
        ]
      : []),

    heading(`${units.length ? 'IV' : 'III'}. NGƯỜI PHÁT NGÔN, LIÊN HỆ BÁO CHÍ`),
    dataTable(
      [
        { header: 'Họ và tên', width: 1.4 },
        { header: 'Chức vụ', width: 2 },
        { header: 'Điện thoại', width: 1.1 },
        { header: 'Thư điện tử', width: 1.6 },
      ],
      [spokesperson, ...(deputy ? [deputy] : [])].map((p) => [p.name, p.title ?? '', p.phone ?? '', p.email ?? '']),
    ),
    ...(note ? [bodyParagraph(note)] : []),
    line(`Thông tin cập nhật đến ngày ${formatDate(date)}.`, { before: 12 }, { italics: true }),
  ];
  return Packer.toBuffer(administrativeDocument(children, { title: `Thông tin giới thiệu ${setting.agencyName}`, creator: setting.agencyName }));
}
