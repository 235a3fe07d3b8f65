/**
 * What search engines and link previews read, as pure functions: which pages stay out of search engines
 * (and out of the sitemap), absolute URLs, and the JSON-LD structured data (schema.org) of the pages:
 * GovernmentOrganization (the agency, its units), BreadcrumbList, NewsArticle, QAPage.
 * The builders take plain values, so that they are tested without a build (seo.test.ts); the pages and
 * BaseLayout pass them what they show. Dates are written in Vietnam time ("2026-01-14T21:05:00+07:00").
 */
import type { BreadcrumbList, ClaimReview, ContactPoint, GovernmentOrganization, NewsArticle, Organization, Person, QAPage, Thing, WebSite, WithContext } from 'schema-dts';
import { toIsoVn } from '@thads/shared';

export type JsonLd = WithContext<Thing>;

/**
 * Pages kept out of search engines: BaseLayout writes `<meta name="robots" content="noindex">` on them and
 * the sitemap leaves them out (it also leaves out any page whose layout got `noindex`). A string is a path
 * prefix, a RegExp is tested on the whole path. Add an entry here for a new kind of private or
 * transient page rather than in the page itself.
 */
export const NOINDEX_PATHS: readonly (string | RegExp)[] = [
  // The site search: result pages are made by the reader's query.
  '/tim-kiem/',
  // A citizen's question looked up by its tracking code: a form result, nothing to index.
  '/hoi-dap/tra-cuu/',
  // The public list of debtors without means to execute (Luật Thi hành án dân sự, art. 44a): published for
  // the people concerned, never to be found by a name search in a search engine.
  /^\/danh-sach-/,
  // The "not found" page (it also passes `noindex` itself).
  /^\/404(\/|\.html)?$/,
];

/** Whether the page at `pathname` ("/tim-kiem/") must stay out of search engines and the sitemap. */
export function isNoindexPath(pathname: string): boolean {
  return NOINDEX_PATHS.some((rule) => (typeof rule === 'string' ? pathname.startsWith(rule) : rule.test(pathname)));
}

/** `path` ("/tin-tuc/a/") on the public site `site` ("https://thads.example") → "https://thads.example/tin-tuc/a/". */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/**
 * A Vietnamese phone number as typed by editors ("0912 486 357", "(0221) 3.862.415") in international form
 * ("+84912486357"), for structured data and vCards; a number already starting with "+" keeps its country code.
 * Returns undefined when there are fewer than 8 digits.
 */
export function internationalPhone(phone: string): string | undefined {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 8) return undefined;
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('84') && digits.length >= 11) return `+${digits}`;
  return `+84${digits.replace(/^0/, '')}`;
}

/** The latest of several dates (ISO strings); undefined when none is given. */
export function latestDate(...dates: (string | null | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (d && !Number.isNaN(Date.parse(d)) && (!best || Date.parse(d) > Date.parse(best))) best = d;
  return best;
}

const CONTEXT = 'https://schema.org';

/** An organisation as a reference: name and page, the logo when there is one. */
export type OrgRef = { name: string; url: string; logo?: string | undefined };

const orgRef = (org: OrgRef, type: 'GovernmentOrganization' | 'Organization' = 'GovernmentOrganization'): Organization => ({
  '@type': type,
  name: org.name,
  url: org.url,
  ...(org.logo ? { logo: org.logo } : {}),
});

export type ContactInput = { contactType: string; name?: string | null | undefined; telephone?: string | null | undefined; email?: string | null | undefined };

export type OrganizationInput = OrgRef & {
  alternateName?: string | null | undefined;
  description?: string | null | undefined;
  /** The postal address as one line ("Số 8 đường …, phường …, tỉnh …"). */
  address?: string | null | undefined;
  /** One or several numbers as editors type them ("0221 3862 415; 0912 345 678"). */
  telephone?: string[] | undefined;
  faxNumber?: string | null | undefined;
  email?: string | null | undefined;
  /** The agency a unit belongs to, or the ministry above the agency. */
  parentOrganization?: OrgRef | string | null | undefined;
  /** The agency's units (divisions, regional offices). */
  subOrganizations?: OrgRef[] | undefined;
  contactPoints?: ContactInput[] | undefined;
};

const phones = (list: (string | null | undefined)[] | undefined) =>
  (list ?? []).map((p) => (p ? internationalPhone(p) : undefined)).filter((p): p is string => !!p);

function contactPoint(c: ContactInput): ContactPoint | undefined {
  const telephone = phones([c.telephone])[0];
  if (!telephone && !c.email) return undefined;
  return {
    '@type': 'ContactPoint',
    contactType: c.contactType,
    ...(c.name ? { name: c.name } : {}),
    ...(telephone ? { telephone } : {}),
    ...(c.email ? { email: c.email } : {}),
    availableLanguage: 'vi',
  };
}

/** GovernmentOrganization of the agency (home, "Giới thiệu") or of one of its units (the unit's page). */
export function governmentOrganizationLd(org: OrganizationInput): WithContext<GovernmentOrganization> {
  const telephone = phones(org.telephone);
  const contacts = (org.contactPoints ?? []).map(contactPoint).filter((c): c is ContactPoint => !!c);
  const parent = org.parentOrganization;
  return {
    '@context': CONTEXT,
    '@type': 'GovernmentOrganization',
    '@id': `${org.url}#to-chuc`,
    name: org.name,
    url: org.url,
    ...(org.alternateName ? { alternateName: org.alternateName } : {}),
    ...(org.description ? { description: org.description } : {}),
    ...(org.logo ? { logo: org.logo } : {}),
    ...(org.address ? { address: { '@type': 'PostalAddress', streetAddress: org.address, addressCountry: 'VN' } } : {}),
    ...(telephone.length ? { telephone: telephone.length === 1 ? telephone[0]! : telephone } : {}),
    ...(org.faxNumber ? { faxNumber: internationalPhone(org.faxNumber) ?? org.faxNumber } : {}),
    ...(org.email ? { email: org.email } : {}),
    ...(parent ? { parentOrganization: typeof parent === 'string' ? { '@type': 'GovernmentOrganization', name: parent } : orgRef(parent) } : {}),
    ...(org.subOrganizations?.length ? { subOrganization: org.subOrganizations.map((o) => orgRef(o)) } : {}),
    ...(contacts.length ? { contactPoint: contacts } : {}),
  };
}

/** One step of a breadcrumb trail, with the absolute URL of its page. */
export type TrailItem = { name: string; url: string };

/** BreadcrumbList of a page's trail ("Trang chủ › Tin tức › …"), the page itself last. */
export function breadcrumbListLd(trail: TrailItem[]): WithContext<BreadcrumbList> {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, i) => ({ '@type': 'ListItem', position: i + 1, name: step.name, item: step.url })),
  };
}

export type NewsArticleInput = {
  /** Absolute URL of the page. */
  url: string;
  headline: string;
  description?: string | null | undefined;
  datePublished: string;
  dateModified?: string | null | undefined;
  /** Absolute URLs of the pictures (the cover first). */
  images?: (string | null | undefined)[] | undefined;
  /** The unit that wrote it, else the agency. */
  author: OrgRef;
  /** The byline as printed ("Minh Anh – Văn phòng"), when there is one. */
  byline?: string | null | undefined;
  publisher: OrgRef;
  /** Category, or the kind of item ("Thông cáo báo chí"). */
  section?: string | null | undefined;
  keywords?: string[] | undefined;
};

/** NewsArticle of an article, a press release, a correction or a story. */
export function newsArticleLd(a: NewsArticleInput): WithContext<NewsArticle> {
  const images = (a.images ?? []).filter((i): i is string => !!i);
  const authors: (Organization | Person)[] = [orgRef(a.author)];
  if (a.byline) authors.unshift({ '@type': 'Person', name: a.byline });
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    headline: a.headline,
    ...(a.description ? { description: a.description } : {}),
    ...(images.length ? { image: images } : {}),
    datePublished: toIsoVn(a.datePublished),
    dateModified: toIsoVn(latestDate(a.dateModified, a.datePublished) ?? a.datePublished),
    author: authors.length === 1 ? authors[0]! : authors,
    publisher: orgRef(a.publisher),
    ...(a.section ? { articleSection: a.section } : {}),
    ...(a.keywords?.length ? { keywords: a.keywords.join(', ') } : {}),
    inLanguage: 'vi',
    isAccessibleForFree: true,
  };
}

export type QaPageInput = {
  /** Absolute URL of the page. */
  url: string;
  /** The question in short (the page's title). */
  name: string;
  /** The question in full, as the reader asked it. */
  question: string;
  /** How the asker is shown ("Bạn đọc ở xã …"); the asker is never named. */
  asker?: string | null | undefined;
  /** The answer as plain text. */
  answer: string;
  dateCreated: string;
  dateModified?: string | null | undefined;
  /** The unit that answered, else the agency. */
  answeredBy: OrgRef;
  /** The topic ("Thi hành án về tiền"). */
  about?: string | null | undefined;
};

/** QAPage of a legal Q&A: one Question with its accepted Answer (the agency's). */
export function qaPageLd(q: QaPageInput): WithContext<QAPage> {
  const created = toIsoVn(q.dateCreated);
  return {
    '@context': CONTEXT,
    '@type': 'QAPage',
    url: q.url,
    inLanguage: 'vi',
    ...(q.about ? { about: { '@type': 'Thing', name: q.about } } : {}),
    mainEntity: {
      '@type': 'Question',
      name: q.name,
      text: q.question,
      answerCount: 1,
      dateCreated: created,
      datePublished: created,
      author: { '@type': 'Person', name: q.asker || 'Bạn đọc' },
      acceptedAnswer: {
        '@type': 'Answer',
        text: q.answer,
        url: `${q.url}#tra-loi`,
        dateCreated: created,
        datePublished: created,
        ...(q.dateModified ? { dateModified: toIsoVn(latestDate(q.dateModified, q.dateCreated)!) } : {}),
        author: orgRef(q.answeredBy),
        upvoteCount: 0,
      },
    },
  };
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`: characters that could end the element or
 * be read as markup (<, >, &) and the JavaScript line separators are escaped; JSON parsers read them back.
 */
export function jsonLdText(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Paths that crawlers should not even fetch: the search page (results are made by the query) and the search
 * index files. Pages that must stay out of search results but be readable (NOINDEX_PATHS: the debtors'
 * list…) are not listed here: a crawler that may not fetch a page never sees its `noindex`.
 */
// The debtors list's search data (a JSON file cannot carry noindex); its pages carry noindex themselves.
export const ROBOTS_DISALLOW: readonly string[] = ['/tim-kiem/', '/pagefind/', '/danh-sach-chua-co-dieu-kien-thi-hanh/tra-cuu.json'];

/** robots.txt: every crawler, the disallowed paths, the sitemap's absolute URL. */
export function robotsTxt(site: URL | string, disallow: readonly string[] = ROBOTS_DISALLOW): string {
  return ['User-agent: *', ...disallow.map((p) => `Disallow: ${p}`), 'Allow: /', '', `Sitemap: ${absoluteUrl('/sitemap.xml', site)}`, ''].join('\n');
}

/** WebSite of the home page: the site's name as search engines should show it. */
export function webSiteLd(site: { name: string; alternateName?: string | null | undefined; url: string }): WithContext<WebSite> {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: site.name,
    ...(site.alternateName ? { alternateName: site.alternateName } : {}),
    url: site.url,
    inLanguage: 'vi',
  };
}

export type ClaimReviewInput = {
  /** Absolute URL of the correction page. */
  url: string;
  headline: string;
  /** The false claim, in short. */
  claim: string;
  /** Where and when it appeared. */
  appearances: { outlet: string; url?: string | null | undefined; date?: string | null | undefined }[];
  datePublished: string;
  /** The agency, author of the correction. */
  author: OrgRef;
};

/**
 * ClaimReview of a correction (schema.org's type for a fact check): the claim, each appearance (outlet, link,
 * date) and the agency's verdict "Sai sự thật" (rating 1 of 5). Written beside the page's NewsArticle.
 */
export function claimReviewLd(c: ClaimReviewInput): WithContext<ClaimReview> {
  const firstSeen = c.appearances
    .map((a) => a.date)
    .filter((d): d is string => !!d && !Number.isNaN(Date.parse(d)))
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return {
    '@context': CONTEXT,
    '@type': 'ClaimReview',
    url: c.url,
    headline: c.headline,
    claimReviewed: c.claim,
    datePublished: toIsoVn(c.datePublished),
    inLanguage: 'vi',
    author: orgRef(c.author),
    reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'Sai sự thật' },
    itemReviewed: {
      '@type': 'Claim',
      ...(c.appearances.length
        ? {
            appearance: c.appearances.map((a) => ({
              '@type': 'CreativeWork' as const,
              ...(a.url ? { url: a.url } : {}),
              ...(a.date ? { datePublished: toIsoVn(a.date) } : {}),
              publisher: { '@type': 'Organization' as const, name: a.outlet },
            })),
          }
        : {}),
      ...(firstSeen ? { datePublished: toIsoVn(firstSeen) } : {}),
    },
  };
}
