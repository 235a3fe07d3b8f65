/**
 * The page templates of the public site and the budgets each must hold: used by the accessibility suite
 * (a11y.test.ts), the budget suite (budgets.test.ts) and the Lighthouse benchmark (test/bench/lighthouse.ts).
 *
 * A template is one page source under site/src/pages; its URL in a built site is found in the output folder
 * (the demo's slugs may change), preferring an entry that shows a picture.
 */
import fs from 'node:fs';
import path from 'node:path';

const KB = 1024;

/**
 * HTML + CSS + JavaScript transferred for one page view (bodies as the publisher sends them, brotli or gzip),
 * issue 9: reading pages ≤ 60 KB. Interactive pages are built around an island (the search page, the forms,
 * the debtors' search): React and the island come on top.
 */
export const BYTE_BUDGETS = { reading: 60 * KB, interactive: 100 * KB } as const;

/**
 * Issue 21: a form page's compressed JavaScript, at most 60 KB in all, at load and after the first touch of
 * the form (the schemas and the proof of work's solver come then); the form's own code (all but the UI
 * runtime, FORM_RUNTIME) at most 12 KB at load. (React's runtime alone was 46 KB gzip, the form's chunk 30 KB.)
 */
export const FORM_JS_BUDGETS = { total: 60 * KB, ownAtLoad: 12 * KB } as const;
/** The UI runtime's files (Preact with preact/compat, hooks, the JSX runtime, Astro's Preact client), by chunk name. */
export const FORM_RUNTIME = /\/_astro\/(preact\.module|hooks\.module|jsxRuntime\.module|compat\.module|signals(-core)?\.module|client)\.[\w-]+\.js$/;

/** Issue 21: the first screen of a phone, where every page's heading and first lines must be. */
export const FIRST_SCREEN = { width: 390, height: 844 } as const;

/** Cumulative layout shift after load and a scroll to the bottom. */
export const MAX_CLS = 0;

/** Widths checked: a phone and a desktop; 200 % zoom of a 1280 px window is a 640 px viewport at scale 2. */
export const WIDTHS = { phone: 390, desktop: 1280 } as const;
export const ZOOM_200 = { width: 640, height: 400, deviceScaleFactor: 2 } as const;

export type TemplateKind = keyof typeof BYTE_BUDGETS;

export type Template = {
  name: string;
  /** The page source, relative to site/src/pages. */
  source: string;
  kind: TemplateKind;
  /** The URL of one page of this template in the built site `out`. */
  find: (out: string) => string;
  /** What shows that the page is ready, when it is more than the HTML (an island's rendered state). */
  ready?: string;
  /** A public form page (FORM_JS_BUDGETS). */
  form?: true;
};

export const PAGES_DIR = path.resolve(import.meta.dirname, '../../site/src/pages');

const has = (out: string, rel: string) => fs.existsSync(path.join(out, rel, 'index.html'));

/** A built entry page under `section` (not a list page), preferring one with a picture. */
function entry(section: string, skip: string[] = []) {
  return (out: string): string => {
    const dir = path.join(out, section);
    const slugs = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((s) => !skip.includes(s) && s !== 'trang' && has(out, `${section}/${s}`))
          .sort()
      : [];
    if (!slugs.length) throw new Error(`no built page under /${section}/ in ${out}`);
    const withPicture = slugs.find((s) => fs.readFileSync(path.join(dir, s, 'index.html'), 'utf8').includes('<img'));
    return `/${section}/${withPicture ?? slugs[0]}/`;
  };
}
const fixed = (url: string) => (out: string) => {
  const rel = new URL(url, 'http://x').pathname;
  if (!has(out, rel)) throw new Error(`${rel} was not built in ${out}`);
  return url;
};
/** Any unknown address: the site's 404 page. */
const notFound = (out: string) => {
  if (!fs.existsSync(path.join(out, '404.html'))) throw new Error(`no 404.html in ${out}`);
  return '/khong-co-trang-nay/';
};

const QA_PAGES = ['linh-vuc', 'tra-cuu', 'gui-cau-hoi'];
const DEBTORS = 'danh-sach-chua-co-dieu-kien-thi-hanh';

export const TEMPLATES: Template[] = [
  { name: 'trang chủ', source: 'index.astro', kind: 'reading', find: fixed('/') },
  { name: 'danh sách tin', source: 'tin-tuc/[...page].astro', kind: 'reading', find: fixed('/tin-tuc/') },
  { name: 'bài tin', source: 'tin-tuc/[slug].astro', kind: 'reading', find: entry('tin-tuc') },
  { name: 'chuyên mục', source: 'chuyen-muc/[slug]/[...page].astro', kind: 'reading', find: entry('chuyen-muc') },
  { name: 'hỏi đáp', source: 'hoi-dap/index.astro', kind: 'reading', find: fixed('/hoi-dap/') },
  { name: 'lĩnh vực hỏi đáp', source: 'hoi-dap/linh-vuc/[slug]/[...page].astro', kind: 'reading', find: entry('hoi-dap/linh-vuc') },
  { name: 'câu hỏi – trả lời', source: 'hoi-dap/[slug].astro', kind: 'reading', find: entry('hoi-dap', QA_PAGES) },
  { name: 'gương điển hình', source: 'guong-dien-hinh/index.astro', kind: 'reading', find: fixed('/guong-dien-hinh/') },
  { name: 'bài gương điển hình', source: 'guong-dien-hinh/[slug].astro', kind: 'reading', find: entry('guong-dien-hinh') },
  { name: 'báo chí', source: 'bao-chi/index.astro', kind: 'reading', find: fixed('/bao-chi/') },
  { name: 'thông cáo báo chí', source: 'bao-chi/thong-cao/index.astro', kind: 'reading', find: fixed('/bao-chi/thong-cao/') },
  { name: 'một thông cáo', source: 'bao-chi/thong-cao/[slug].astro', kind: 'reading', find: entry('bao-chi/thong-cao') },
  { name: 'cải chính', source: 'bao-chi/cai-chinh/index.astro', kind: 'reading', find: fixed('/bao-chi/cai-chinh/') },
  { name: 'một cải chính', source: 'bao-chi/cai-chinh/[slug].astro', kind: 'reading', find: entry('bao-chi/cai-chinh') },
  { name: 'thông báo', source: 'thong-bao/index.astro', kind: 'reading', find: fixed('/thong-bao/') },
  { name: 'một thông báo', source: 'thong-bao/[slug].astro', kind: 'reading', find: entry('thong-bao') },
  { name: 'thông báo thi hành án', source: 'thong-bao-thi-hanh-an/index.astro', kind: 'reading', find: fixed('/thong-bao-thi-hanh-an/') },
  { name: 'thông báo thi hành án đã hết hạn', source: 'thong-bao-thi-hanh-an/da-het-han/index.astro', kind: 'reading', find: fixed('/thong-bao-thi-hanh-an/da-het-han/') },
  { name: 'một thông báo thi hành án', source: 'thong-bao-thi-hanh-an/[slug].astro', kind: 'reading', find: entry('thong-bao-thi-hanh-an', ['da-het-han']) },
  { name: 'đấu giá tài sản', source: 'dau-gia/index.astro', kind: 'reading', find: fixed('/dau-gia/') },
  { name: 'đấu giá đã hết hạn', source: 'dau-gia/da-het-han/index.astro', kind: 'reading', find: fixed('/dau-gia/da-het-han/') },
  { name: 'đấu giá theo loại tài sản', source: 'dau-gia/loai/[type].astro', kind: 'reading', find: fixed('/dau-gia/loai/bat-dong-san/') },
  { name: 'đấu giá theo địa bàn', source: 'dau-gia/dia-ban/[district].astro', kind: 'reading', find: fixed('/dau-gia/dia-ban/van-giang/') },
  { name: 'một thông báo đấu giá', source: 'dau-gia/[slug].astro', kind: 'reading', find: entry('dau-gia', ['da-het-han', 'loai', 'dia-ban']) },
  { name: 'văn bản', source: 'van-ban/index.astro', kind: 'reading', find: fixed('/van-ban/') },
  { name: 'một văn bản', source: 'van-ban/[slug].astro', kind: 'reading', find: entry('van-ban') },
  { name: 'thư viện ảnh', source: 'thu-vien-anh/index.astro', kind: 'reading', find: fixed('/thu-vien-anh/') },
  { name: 'bộ ảnh', source: 'thu-vien-anh/[slug].astro', kind: 'reading', find: entry('thu-vien-anh') },
  { name: 'đơn vị', source: 'don-vi/index.astro', kind: 'reading', find: fixed('/don-vi/') },
  { name: 'một đơn vị', source: 'don-vi/[slug].astro', kind: 'reading', find: entry('don-vi') },
  { name: 'giới thiệu', source: 'gioi-thieu/index.astro', kind: 'reading', find: fixed('/gioi-thieu/') },
  { name: 'giới thiệu (tiếng Anh)', source: 'en/index.astro', kind: 'reading', find: fixed('/en/') },
  { name: 'đơn vị (tiếng Anh)', source: 'en/units/index.astro', kind: 'reading', find: fixed('/en/units/') },
  { name: 'một đơn vị (tiếng Anh)', source: 'en/units/[slug].astro', kind: 'reading', find: entry('en/units') },
  { name: 'sơ đồ tổ chức', source: 'gioi-thieu/so-do-to-chuc.astro', kind: 'reading', find: fixed('/gioi-thieu/so-do-to-chuc/') },
  { name: 'tuyên bố về khả năng tiếp cận', source: 'kha-nang-tiep-can.astro', kind: 'reading', find: fixed('/kha-nang-tiep-can/') },
  { name: 'thông báo xử lý dữ liệu cá nhân', source: 'bao-ve-du-lieu-ca-nhan.astro', kind: 'reading', find: fixed('/bao-ve-du-lieu-ca-nhan/') },
  { name: 'số liệu', source: 'so-lieu/index.astro', kind: 'reading', find: fixed('/so-lieu/') },
  { name: 'danh sách chưa có điều kiện thi hành', source: `${DEBTORS}/index.astro`, kind: 'interactive', find: fixed(`/${DEBTORS}/`), ready: 'astro-island:not([ssr])' },
  { name: 'danh sách của một đơn vị', source: `${DEBTORS}/[unit]/[...page].astro`, kind: 'reading', find: entry(DEBTORS) },
  { name: 'tìm kiếm', source: 'tim-kiem/index.astro', kind: 'interactive', find: fixed('/tim-kiem/?q=thi+hanh+an'), ready: '.search-page .search-result' },
  { name: 'gửi câu hỏi', source: 'hoi-dap/gui-cau-hoi/index.astro', kind: 'interactive', find: fixed('/hoi-dap/gui-cau-hoi/'), ready: 'astro-island:not([ssr])', form: true },
  { name: 'tra cứu câu hỏi', source: 'hoi-dap/tra-cuu.astro', kind: 'interactive', find: fixed('/hoi-dap/tra-cuu/'), ready: 'astro-island:not([ssr])', form: true },
  { name: 'yêu cầu cung cấp thông tin', source: 'yeu-cau-cung-cap-thong-tin/index.astro', kind: 'interactive', find: fixed('/yeu-cau-cung-cap-thong-tin/'), ready: 'astro-island:not([ssr])', form: true },
  { name: 'tra cứu yêu cầu cung cấp thông tin', source: 'yeu-cau-cung-cap-thong-tin/tra-cuu.astro', kind: 'interactive', find: fixed('/yeu-cau-cung-cap-thong-tin/tra-cuu/'), ready: 'astro-island:not([ssr])', form: true },
  { name: 'đề nghị của báo chí', source: 'bao-chi/de-nghi-cung-cap-thong-tin.astro', kind: 'interactive', find: fixed('/bao-chi/de-nghi-cung-cap-thong-tin/'), ready: 'astro-island:not([ssr])', form: true },
  { name: 'nhận thông báo qua thư điện tử', source: 'nhan-thong-bao/index.astro', kind: 'reading', find: fixed('/nhan-thong-bao/') },
  { name: 'trang không tồn tại (404)', source: '404.astro', kind: 'reading', find: notFound },
];

/**
 * Pages that are not templates a reader stays on, so the browser checks of TEMPLATES do not open them: each with
 * where it is tested instead.
 */
export const NOT_TEMPLATES: Readonly<Record<string, string>> = {
  // Refreshes at once to the item's new address; a browser would measure the page it leads to.
  '[...diaChiCu].astro': "a former address of a renamed item: test/site/build.test.ts and test/site/publish.test.ts",
};

/** Every .astro page source under site/src/pages (HTML pages; feeds, files and JSON are .ts endpoints). */
export function astroPageSources(dir = PAGES_DIR): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((p) => String(p).split(path.sep).join('/'))
    .filter((p) => p.endsWith('.astro'))
    .sort();
}
