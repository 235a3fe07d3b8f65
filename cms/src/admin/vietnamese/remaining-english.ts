/**
 * The last English of the admin, translated in the page itself. Most of the admin's words come from translation
 * keys (../translations); these do not: labels the design system and the drag-and-drop libraries write with no
 * key (date and time pickers, dialogs' close buttons, loaders, pagination, the toaster, keyboard instructions for
 * screen readers), the raw status values some badges announce, and the tab titles ("… | Strapi").
 * A MutationObserver rewrites exactly these strings, in text and in the attributes assistive technology reads,
 * as soon as they enter the page; anything else is left alone. test/e2e/admin.test.ts scans the screens an
 * editor and a reporter use and fails on any English left.
 */

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whole strings (after collapsing whitespace) and their Vietnamese. */
export const REMAINING_ENGLISH: Record<string, string> = {
  'Content Manager': 'Trình quản lý nội dung',
  'Choose date': 'Chọn ngày',
  'Choose time': 'Chọn giờ',
  Month: 'Tháng',
  Year: 'Năm',
  'Previous month': 'Tháng trước',
  'Next month': 'Tháng sau',
  'Close modal': 'Đóng hộp thoại',
  Close: 'Đóng',
  'Loading content.': 'Đang tải nội dung.',
  'Loading content...': 'Đang tải nội dung…',
  'Loading...': 'Đang tải…',
  Loading: 'Đang tải',
  Menu: 'Trình đơn',
  'Notifications alt+T': 'Thông báo (Alt+T)',
  Notifications: 'Thông báo',
  Pagination: 'Phân trang',
  pagination: 'phân trang',
  'Go to previous page': 'Về trang trước',
  'Go to next page': 'Sang trang sau',
  Expand: 'Mở rộng',
  Collapse: 'Thu gọn',
  Search: 'Tìm kiếm',
  'Clear': 'Xoá',
  'Add folder': 'Thêm thư mục',
  'List View': 'Dạng danh sách',
  'Grid View': 'Dạng lưới',
  'Displayed fields': 'Trường hiển thị',
  'The folders have finished loading.': 'Đã tải xong các thư mục.',
  'The assets have finished loading.': 'Đã tải xong các tệp.',
  published: 'đã xuất bản',
  draft: 'bản nháp',
  modified: 'đã sửa',
  Published: 'Đã xuất bản',
  Draft: 'Bản nháp',
  Modified: 'Đã sửa',
  status: 'trạng thái',
  Status: 'Trạng thái',
  STATUS: 'TRẠNG THÁI',
  documentId: 'Mã tài liệu',
  createdAt: 'Ngày tạo',
  updatedAt: 'Ngày cập nhật',
  publishedAt: 'Ngày xuất bản',
  createdBy: 'Người tạo',
  updatedBy: 'Người cập nhật',
  Community: 'Bản cộng đồng',
  Application: 'Ứng dụng',
  'Strapi Admin': 'Quản trị nội dung',
  'To reorder blocks, press Command or Control along with Shift and the Up or Down arrow keys':
    'Để đổi thứ tự các khối, nhấn Command hoặc Control cùng Shift và phím mũi tên lên hoặc xuống',
  'To pick up a draggable item, press the space bar. While dragging, use the arrow keys to move the item. Press space again to drop the item in its new position, or press escape to cancel.':
    'Để nhấc một mục, nhấn phím cách. Khi đang kéo, dùng các phím mũi tên để di chuyển mục. Nhấn phím cách lần nữa để thả mục vào vị trí mới, hoặc nhấn Esc để huỷ.',
};

const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'aria-description', 'aria-roledescription', 'alt'];

/** The Vietnamese of a string of the admin, or null when it is not one of ours to translate. */
export function vietnameseOf(value: string): string | null {
  const key = squash(value);
  if (!key) return null;
  if (key in REMAINING_ENGLISH) return REMAINING_ENGLISH[key]!;
  // Tab titles: "<page> | Strapi".
  const title = /^(.*?)\s*\|\s*Strapi$/.exec(key);
  if (title) return `${vietnameseOf(title[1]!) ?? title[1]} | Quản trị nội dung`;
  return null;
}

function translateNode(node: Node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement?.tagName;
    if (parent === 'STYLE' || parent === 'SCRIPT' || parent === 'NOSCRIPT') return;
    const vi = vietnameseOf(node.nodeValue ?? '');
    if (vi !== null && vi !== node.nodeValue) node.nodeValue = vi;
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const element = node as Element;
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    const vi = value === null ? null : vietnameseOf(value);
    if (vi !== null && vi !== value) element.setAttribute(name, vi);
  }
}

function translateTree(root: Node) {
  translateNode(root);
  if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) translateNode(n);
}

function translateTitle() {
  const vi = vietnameseOf(document.title);
  if (vi !== null && vi !== document.title) document.title = vi;
}

/** Starts translating what enters the page (once). */
export function translateRemainingEnglish() {
  if (typeof document === 'undefined' || (window as any).__thadsVietnamese) return;
  (window as any).__thadsVietnamese = true;
  // Strapi's help links lead to its English documentation on strapi.io: hidden (also from screen readers).
  const style = document.createElement('style');
  style.textContent = 'a[href^="https://docs.strapi.io"], a[href^="https://strapi.io"] { display: none !important; }';
  document.head.append(style);
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'childList') m.addedNodes.forEach(translateTree);
      else translateNode(m.target);
    }
    translateTitle();
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  translateTree(document.body);
  translateTitle();
}
