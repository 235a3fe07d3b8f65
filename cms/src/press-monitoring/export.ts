/**
 * The daily digest as files for leadership: a standalone printable HTML page (no script, no external
 * resource) and a DOCX report (docx, with the administrative layout of src/reports/docx-layout.ts):
 * parent agency and agency on the left, the national motto on the right, place and date, then
 * "ĐIỂM BÁO NGÀY …" and the clippings by tone.
 */
import type { Core } from '@strapi/strapi';
import { ExternalHyperlink, Packer, type Paragraph, type Table, TextRun } from 'docx';
import { defaultLocaleWhere } from '../reports/service';
import { administrativeDocument, administrativeHeader, bodyParagraph, closingBlock, documentTitle, FONT, heading, line } from '../reports/docx-layout';
import { agencyProvince, formatDate, formatDateAdministrative, formatDateTime, provincePlace, type PressDigest, type PressDigestItem } from '@thads/shared';

export type Agency = { name: string; parent: string | null; place: string };

/** The agency as the site settings name it; the place of the date line is the province in its name. */
export async function loadAgency(strapi: Core.Strapi): Promise<Agency> {
  const SETTINGS = 'api::site-setting.site-setting';
  const settings = strapi.db.query(SETTINGS as any);
  const select = ['agencyName', 'parentAgency'];
  // The Vietnamese entry: the settings are translated (an English one exists for the /en/ pages).
  const locale = await defaultLocaleWhere(strapi, SETTINGS);
  const s = ((await settings.findOne({ select, where: { publishedAt: { $notNull: true }, ...locale } })) ?? (await settings.findOne({ select, where: locale }))) as {
    agencyName?: string;
    parentAgency?: string | null;
  } | null;
  const name = s?.agencyName?.trim() || 'Thi hành án dân sự tỉnh';
  const place = provincePlace(agencyProvince(name));
  return { name, parent: s?.parentAgency?.trim() || null, place };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
const upper = (s: string) => s.toLocaleUpperCase('vi-VN');
const title = (digest: PressDigest) => `ĐIỂM BÁO NGÀY ${formatDate(`${digest.date}T12:00:00+07:00`)}`;
const issued = (agency: Agency, now: Date) => `${agency.place ? `${agency.place}, ` : ''}${formatDateAdministrative(now)}`;
const sectionTitle = (label: string, n: number) => `Tin ${label.toLocaleLowerCase('vi-VN')} (${n})`;
const when = (item: PressDigestItem) => (item.date ? formatDateTime(item.date) : null);
const sourceLine = (item: PressDigestItem) => [item.outlet, when(item)].filter(Boolean).join(', ');
const alsoInLine = (item: PressDigestItem) => (item.alsoIn.length ? `Cũng đăng trên: ${item.alsoIn.map((a) => a.outlet).join('; ')}.` : null);
const summaryLine = (digest: PressDigest) =>
  digest.total ? `Tổng số: ${digest.total} tin; cần phản hồi: ${digest.needsResponse} tin.` : 'Không có tin nào được ghi nhận trong ngày.';

// ---------------------------------------------------------------------------------------------- HTML

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const safeHref = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

const STYLE = `
  body { font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.45; color: #000; background: #fff; max-width: 48rem; margin: 2rem auto; padding: 0 1.5rem; }
  .header { display: flex; justify-content: space-between; gap: 2rem; text-align: center; }
  .header p { margin: 0; }
  .agency strong, .motto strong { display: block; }
  .rule { width: 40%; margin: .25rem auto 0; border: 0; border-top: 1px solid #000; }
  .issued { text-align: right; font-style: italic; margin: 1rem 0 1.5rem; }
  h1 { text-align: center; font-size: 15pt; margin: 0 0 .25rem; }
  .total { text-align: center; font-style: italic; margin: 0 0 1.5rem; }
  h2 { font-size: 13pt; text-transform: uppercase; margin: 1.5rem 0 .5rem; }
  ol { padding-left: 1.5rem; }
  li { margin-bottom: 1rem; }
  .title { font-weight: bold; }
  .flag { font-weight: bold; color: #a00; }
  .meta, .link { margin: .15rem 0; }
  .link a { color: #00c; word-break: break-all; }
  .summary { margin: .25rem 0 0; text-align: justify; }
  footer { margin-top: 2rem; font-size: 11pt; }
  @media print { body { margin: 0; max-width: none; } .link a { color: #000; } h2 { break-after: avoid; } li { break-inside: avoid; } }
`;

export function digestHtml(digest: PressDigest, agency: Agency, now = new Date()): string {
  const item = (i: PressDigestItem) => {
    const href = safeHref(i.url);
    return `<li>
<p class="title">${esc(i.title)}${i.needsResponse ? ' <span class="flag">(Cần phản hồi)</span>' : ''}</p>
<p class="meta">Nguồn: ${esc(sourceLine(i))}</p>
${alsoInLine(i) ? `<p class="meta">${esc(alsoInLine(i)!)}</p>` : ''}
${href ? `<p class="link"><a href="${esc(href)}">${esc(href)}</a></p>` : ''}
${i.summary ? `<p class="summary">${esc(i.summary)}</p>` : ''}
${i.corrections.length ? `<p class="meta">Cải chính: ${esc(i.corrections.map((c) => c.title).join('; '))}</p>` : ''}
</li>`;
  };
  const sections = digest.groups
    .map((g, n) => `<section>\n<h2>${ROMAN[n]}. ${esc(sectionTitle(g.label, g.items.length))}</h2>\n<ol>\n${g.items.map(item).join('\n')}\n</ol>\n</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title(digest))} – ${esc(agency.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="header">
<div class="agency">${agency.parent ? `<p>${esc(upper(agency.parent))}</p>` : ''}<p><strong>${esc(upper(agency.name))}</strong></p><hr class="rule"></div>
<div class="motto"><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p><p><strong>Độc lập - Tự do - Hạnh phúc</strong></p><hr class="rule"></div>
</header>
<p class="issued">${esc(issued(agency, now))}</p>
<main>
<h1>${esc(title(digest))}</h1>
<p class="total">(${esc(digest.dateLabel)}. ${esc(summaryLine(digest))})</p>
${sections}
</main>
<footer><p><strong><em>Nơi nhận:</em></strong><br>- Lãnh đạo cơ quan;<br>- Người phát ngôn;<br>- Lưu: Tổ Biên tập.</p></footer>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------- DOCX
// The administrative layout (Nghị định 30/2020/NĐ-CP) shared with the reports: src/reports/docx-layout.ts.

const link = (url: string) => new ExternalHyperlink({ link: url, children: [new TextRun({ text: url, font: FONT, size: 26, color: '0000CC', underline: {} })] });

function itemParagraphs(i: PressDigestItem, n: number): Paragraph[] {
  const title = [new TextRun({ text: `${n}. ${i.title}`, font: FONT, bold: true }), ...(i.needsResponse ? [new TextRun({ text: ' (Cần phản hồi)', font: FONT, bold: true, color: 'AA0000' })] : [])];
  const out = [line(title, { align: 'justify', before: 6, after: 2 })];
  out.push(line([new TextRun({ text: 'Nguồn: ', font: FONT, italics: true }), new TextRun({ text: sourceLine(i), font: FONT })], { after: 2 }));
  if (alsoInLine(i)) out.push(line(alsoInLine(i)!, { after: 2 }));
  const href = safeHref(i.url);
  if (href) out.push(line([link(href)], { after: 2 }));
  if (i.summary) out.push(bodyParagraph(i.summary));
  if (i.corrections.length) out.push(line(`Cải chính: ${i.corrections.map((c) => c.title).join('; ')}`, { after: 2 }, { italics: true }));
  return out;
}

export async function digestDocx(digest: PressDigest, agency: Agency, now = new Date()): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    administrativeHeader({ parentAgency: agency.parent, agency: agency.name, number: null, symbol: 'ĐB-THADS', place: agency.place, date: now }),
    ...documentTitle(title(digest), `(${digest.dateLabel}. ${summaryLine(digest)})`),
  ];
  digest.groups.forEach((g, n) => {
    children.push(heading(`${ROMAN[n]}. ${upper(sectionTitle(g.label, g.items.length))}`));
    g.items.forEach((i, k) => children.push(...itemParagraphs(i, k + 1)));
  });
  children.push(closingBlock({ recipients: ['- Lãnh đạo cơ quan;', '- Người phát ngôn;', '- Lưu: Tổ Biên tập.'], signerTitle: 'Người tổng hợp' }));
  return Packer.toBuffer(administrativeDocument(children, { title: title(digest), creator: agency.name }));
}
