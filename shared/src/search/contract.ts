/**
 * The contract between the pages that are indexed (data-pagefind-* attributes, site/src) and the search UI
 * (site/src/components/islands): names of filters, metadata and sort keys, and the content type labels.
 */

/** Pagefind filter names (data-pagefind-filter="<name>:<value>"). */
export const SEARCH_FILTERS = {
  type: 'loai',
  topic: 'chu-de',
  unit: 'don-vi',
  year: 'nam',
} as const;

/**
 * Pagefind metadata keys (data-pagefind-meta="<key>:<value>"); `title` and `image` are Pagefind's own.
 * Pagefind (1.5+) searches every metadata field, whatever its weight, so a page carries as metadata only what
 * a query may match or what cannot be read elsewhere: its type and unit are read from its filters
 * (SEARCH_FILTERS.type, SEARCH_FILTERS.unit; as metadata, "Thông báo thi hành án" made every notice hold
 * "thi hành án" and a unit's name lifted all its news), and its date is written as one word no query reaches
 * (searchDateMeta).
 */
export const SEARCH_META = {
  title: 'title',
  date: 'ngay',
  image: 'image',
  imageAlt: 'image_alt',
} as const;

/**
 * The page's date (ISO, "2025-12-09") as its `ngay` metadata field holds it: "zd20251209". Written as
 * "2025-12-09" it gave Pagefind the words 2025, 12, 09 and 20251209, and since Pagefind matches every query
 * word as a prefix, "2 năm", "10 ngày" or "1 lần" matched every page dated in 2025, October or the 1st; a word
 * starting "zd" is reached by no Vietnamese query.
 */
export const searchDateMeta = (iso: string): string => `zd${iso.slice(0, 10).replace(/-/g, '')}`;

/** The ISO date ("2025-12-09") of a `ngay` metadata value (searchDateMeta; an ISO date is read as it is). */
export function dateFromSearchMeta(value: string | undefined): string | undefined {
  const m = /^(?:zd)?(\d{4})-?(\d{2})-?(\d{2})/.exec(value ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** Pagefind sort key (data-pagefind-sort="ngay:YYYY-MM-DD"). */
export const SEARCH_SORT_DATE = 'ngay';

/** The content types a citizen can narrow by, with the label shown (also the filter value). */
export const SEARCH_TYPE_LABELS = {
  article: 'Tin tức',
  'legal-qa': 'Hỏi đáp',
  'legal-document': 'Văn bản',
  story: 'Gương điển hình',
  'press-release': 'Thông cáo báo chí',
  announcement: 'Thông báo',
  correction: 'Cải chính',
  gallery: 'Thư viện ảnh',
  unit: 'Đơn vị',
  'enforcement-notice': 'Thông báo thi hành án',
  'auction-notice': 'Đấu giá tài sản',
} as const;
export type SearchType = keyof typeof SEARCH_TYPE_LABELS;

/** The search page's URL: /tim-kiem/?q=…&loai=…&chu-de=…&don-vi=…&nam=…&sap-xep=ngay */
export const SEARCH_PATH = '/tim-kiem/';
export const SEARCH_PARAMS = { query: 'q', sort: 'sap-xep' } as const;
