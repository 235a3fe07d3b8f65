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

/** Pagefind metadata keys (data-pagefind-meta="<key>:<value>"); `title` and `image` are Pagefind's own. */
export const SEARCH_META = {
  title: 'title',
  date: 'ngay',
  type: 'loai',
  unit: 'don-vi',
  image: 'image',
  imageAlt: 'image_alt',
} as const;

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
