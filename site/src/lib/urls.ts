/** The site's Vietnamese URLs, in one place. Every URL ends with a slash (trailingSlash: 'always'). */
export const urls = {
  home: '/',
  /** The legal pages every page links to (footer) and the forms cite. */
  privacy: '/bao-ve-du-lieu-ca-nhan/',
  accessibility: '/kha-nang-tiep-can/',
  orgChart: '/gioi-thieu/so-do-to-chuc/',
  news: '/tin-tuc/',
  article: (slug: string) => `/tin-tuc/${slug}/`,
  category: (slug: string) => `/chuyen-muc/${slug}/`,
  qaIndex: '/hoi-dap/',
  qa: (slug: string) => `/hoi-dap/${slug}/`,
  qaTopic: (slug: string) => `/hoi-dap/linh-vuc/${slug}/`,
  stories: '/guong-dien-hinh/',
  story: (slug: string) => `/guong-dien-hinh/${slug}/`,
  press: '/bao-chi/',
  pressReleases: '/bao-chi/thong-cao/',
  pressRelease: (slug: string) => `/bao-chi/thong-cao/${slug}/`,
  corrections: '/bao-chi/cai-chinh/',
  correction: (slug: string) => `/bao-chi/cai-chinh/${slug}/`,
  announcements: '/thong-bao/',
  announcement: (slug: string) => `/thong-bao/${slug}/`,
  documents: '/van-ban/',
  document: (slug: string) => `/van-ban/${slug}/`,
  galleries: '/thu-vien-anh/',
  gallery: (slug: string) => `/thu-vien-anh/${slug}/`,
  units: '/don-vi/',
  unit: (slug: string) => `/don-vi/${slug}/`,
  about: '/gioi-thieu/',
  enforcementNotices: '/thong-bao-thi-hanh-an/',
  enforcementNoticesPast: '/thong-bao-thi-hanh-an/da-het-han/',
  enforcementNotice: (slug: string) => `/thong-bao-thi-hanh-an/${slug}/`,
  auctionNotices: '/dau-gia/',
  auctionNoticesPast: '/dau-gia/da-het-han/',
  auctionNotice: (slug: string) => `/dau-gia/${slug}/`,
  auctionNoticesByType: (assetType: string) => `/dau-gia/loai/${assetType}/`,
  auctionNoticesByDistrict: (district: string) => `/dau-gia/dia-ban/${district}/`,
};

/** The page of one item, by the Strapi type it is of (a renamed item's former addresses redirect with this). */
export const itemUrls: Readonly<Record<string, (slug: string) => string>> = {
  'api::article.article': urls.article,
  'api::legal-qa.legal-qa': urls.qa,
  'api::topic.topic': urls.qaTopic,
  'api::story.story': urls.story,
  'api::press-release.press-release': urls.pressRelease,
  'api::correction.correction': urls.correction,
  'api::announcement.announcement': urls.announcement,
  'api::legal-document.legal-document': urls.document,
  'api::gallery.gallery': urls.gallery,
  'api::unit.unit': urls.unit,
  'api::category.category': urls.category,
  'api::enforcement-notice.enforcement-notice': urls.enforcementNotice,
  'api::auction-notice.auction-notice': urls.auctionNotice,
};

/** URL of page `page` (1-based) of a paginated list whose first page is `base`: /tin-tuc/, /tin-tuc/trang/2/… */
export function pageUrl(base: string, page: number): string {
  return page <= 1 ? base : `${base}trang/${page}/`;
}

/** The English pages (/en/, see data/english.ts) and the pages that exist in both languages. */
export type Lang = 'vi' | 'en';

export const enUrls = {
  home: '/en/',
  units: '/en/units/',
  unit: (slug: string) => `/en/units/${slug}/`,
} as const;

/** Pages that exist in both languages, as [Vietnamese, English] path patterns. */
const PAIRS: Array<[vi: RegExp, en: RegExp, toEn: (slug?: string) => string, toVi: (slug?: string) => string]> = [
  [/^\/gioi-thieu\/$/, /^\/en\/$/, () => enUrls.home, () => urls.about],
  [/^\/don-vi\/$/, /^\/en\/units\/$/, () => enUrls.units, () => urls.units],
  [/^\/don-vi\/([^/]+)\/$/, /^\/en\/units\/([^/]+)\/$/, (s) => enUrls.unit(s!), (s) => urls.unit(s!)],
];

/** The same page in both languages (for hreflang), when `pathname` is one of the pages that have both. */
export function alternatesFor(pathname: string): { vi: string; en: string } | undefined {
  for (const [vi, en, toEn, toVi] of PAIRS) {
    const v = vi.exec(pathname);
    if (v) return { vi: pathname, en: toEn(v[1]) };
    const e = en.exec(pathname);
    if (e) return { vi: toVi(e[1]), en: pathname };
  }
  return undefined;
}

/** Where the header's language link goes: the same page in the other language, else that language's home. */
export function otherLanguageHref(pathname: string, lang: Lang): string {
  const alt = alternatesFor(pathname);
  if (lang === 'vi') return alt?.en ?? enUrls.home;
  return alt?.vi ?? urls.home;
}
