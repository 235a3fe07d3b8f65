import { describe, expect, it } from 'vitest';
import { prepareForIndex, readIndexedText, trimForIndex } from './index-html.ts';
import { SEARCH_EXTRA_META, SEARCH_WEIGHTS } from './ranking.ts';

const page = (main: string) => `<!doctype html>
<html lang="vi"><head><title>Trang – THADS</title><style>h1{color:red}</style></head>
<body>
<header><nav><a href="/">Trang chủ</a></nav><form><label>Tìm kiếm</label></form></header>
<main><nav class="breadcrumbs"><ol><li>Hỏi đáp</li></ol></nav>
${main}
<section class="related"><h2>Câu hỏi cùng lĩnh vực</h2></section></main>
<footer>Giấy phép số 08/GP-STTTT</footer>
<script>const đường = "không";</script>
</body></html>`;

const qa = page(`<article data-pagefind-body>
  <h1 data-pagefind-weight="${SEARCH_WEIGHTS.title}">Điều kiện &amp; thủ tục <b>kê</b> biên</h1>
  <p class="meta" data-pagefind-ignore><time>Thứ Ba, 14/05/2024</time> Phòng THADS khu vực 3</p>
  <section><h2 data-pagefind-ignore>Câu hỏi</h2>
    <div class="box" data-pagefind-weight="${SEARCH_WEIGHTS.question}"><p>Tôi bị trừ lương để trả tiền cấp dưỡng?</p></div></section>
  <section><h2 data-pagefind-ignore>Trả lời</h2><p>Theo Nghị định 62/2015/NĐ-CP, Chấp hành viên<br>được khấu trừ thu nhập.</p><img src="/a.jpg" alt="ảnh"></section>
</article>`);

describe('readIndexedText', () => {
  it('reads only the data-pagefind-body element, by weight, without ignored parts', () => {
    const read = readIndexedText(qa)!;
    expect(read.texts.title).toBe('Điều kiện & thủ tục kê biên');
    expect(read.texts.question).toBe('Tôi bị trừ lương để trả tiền cấp dưỡng?');
    expect(read.texts.body).toBe('Theo Nghị định 62/2015/NĐ-CP, Chấp hành viên được khấu trừ thu nhập.');
    const all = Object.values(read.texts).join(' ');
    for (const outside of ['Trang chủ', 'Tìm kiếm', 'Hỏi đáp', 'Câu hỏi', 'Trả lời', 'STTTT', 'khu vực 3', 'color', 'đường']) expect(all).not.toContain(outside);
  });

  it('points at the closing tag of that element', () => {
    const read = readIndexedText(qa)!;
    expect(qa.slice(read.bodyEnd, read.bodyEnd + 10)).toBe('</article>');
  });

  it('gives headings their Pagefind weight when nothing sets one', () => {
    const read = readIndexedText(page('<div data-pagefind-body><h1>Tiêu đề</h1><h2>Mục</h2><p>Nội dung</p></div>'))!;
    expect(read.texts.title).toBe('');
    expect(read.texts.question).toBe('Tiêu đề Mục');
    expect(read.texts.body).toBe('Nội dung');
  });

  it('is null for a page that is not indexed (no data-pagefind-body)', () => {
    expect(readIndexedText(page('<h1>Tin tức</h1><ul><li>Bài 1</li></ul>'))).toBeNull();
  });
});

describe('prepareForIndex', () => {
  it('appends one hidden block of metadata inside the indexed element and changes nothing else', () => {
    const prepared = prepareForIndex(qa)!;
    const read = readIndexedText(qa)!;
    const added = prepared.content.slice(read.bodyEnd, prepared.content.length - (qa.length - read.bodyEnd));
    expect(prepared.content.startsWith(qa.slice(0, read.bodyEnd))).toBe(true);
    expect(prepared.content.endsWith(qa.slice(read.bodyEnd))).toBe(true);
    expect(added).toMatch(/^<div hidden data-pagefind-ignore data-pagefind-meta="[^"]+"[^>]*><\/div>$/);
    for (const field of Object.values(SEARCH_EXTRA_META)) expect(added).toContain(`${field}[data-${field}]`);
  });

  it('folds the title and the question in full, and the "đ" words and synonyms of the rest', () => {
    const { fields } = prepareForIndex(qa)!;
    expect(fields.title).toEqual(expect.arrayContaining(['dieu', 'kien', 'thu', 'tuc', 'ke', 'bien', 'siet', 'nha', 'xiet', 'no']));
    expect(fields.question).toEqual(expect.arrayContaining(['toi', 'bi', 'tru', 'luong', 'de', 'cap', 'duong', 'nuoi', 'con']));
    expect(fields.body).toEqual(expect.arrayContaining(['dinh', '622015ndcp', 'nd', 'duoc', 'chv', 'tru', 'luong']));
    expect(fields.body).not.toContain('theo'); // a word without "đ" of the body: Pagefind has it already
  });

  it('escapes what it writes into attributes', () => {
    const prepared = prepareForIndex(page('<div data-pagefind-body><h1 data-pagefind-weight="10">A "quoted" &lt;title&gt;</h1></div>'))!;
    expect(prepared.content).toContain(`data-${SEARCH_EXTRA_META.title}="a quoted title"`);
  });

  it('leaves pages without data-pagefind-body alone', () => {
    expect(prepareForIndex(page('<h1>Danh sách</h1>'))).toBeNull();
  });
});

describe('trimForIndex', () => {
  const withFilters = qa.replace(
    '<main>',
    '<main><div hidden data-pagefind-ignore data-pagefind-filter="loai[data-filter-loai]" data-filter-loai="Hỏi đáp"></div><script type="application/ld+json">{"a":"<div data-pagefind-meta=\\"x\\">"}</script>',
  );

  it('keeps the language, the title, the filter and metadata elements and the indexed element, nothing else', () => {
    const trimmed = trimForIndex(withFilters)!;
    expect(trimmed).toMatch(/^<!DOCTYPE html><html lang="vi"><head><title>Trang – THADS<\/title><\/head><body><div hidden data-pagefind-ignore data-pagefind-filter=/);
    expect(trimmed).toContain('<article data-pagefind-body>');
    expect(trimmed).toContain('</article></body></html>');
    for (const gone of ['Giấy phép', 'Trang chủ', 'Câu hỏi cùng lĩnh vực', 'ld+json', 'color:red', 'breadcrumbs']) expect(trimmed).not.toContain(gone);
    // What the index reads of the page is the same.
    expect(readIndexedText(trimmed)!.texts).toEqual(readIndexedText(withFilters)!.texts);
  });

  it('finds the end of an indexed element with nested elements of its own kind', () => {
    const nested = page('<div class="x" data-pagefind-body><div><p>Một</p></div><div>Hai</div></div><div>Ngoài</div>');
    const trimmed = trimForIndex(nested)!;
    expect(trimmed).toContain('<div class="x" data-pagefind-body><div><p>Một</p></div><div>Hai</div></div></body>');
    expect(trimmed).not.toContain('Ngoài');
  });

  it('gives null for a page without an indexed element', () => {
    expect(trimForIndex(page('<p>Danh sách</p>'))).toBeNull();
  });
});
