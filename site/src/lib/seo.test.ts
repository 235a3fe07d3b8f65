import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  breadcrumbListLd,
  claimReviewLd,
  governmentOrganizationLd,
  internationalPhone,
  isNoindexPath,
  jsonLdText,
  latestDate,
  newsArticleLd,
  qaPageLd,
  robotsTxt,
  webSiteLd,
} from './seo.ts';

const SITE = 'https://thads.example';
const agency = { name: 'Thi hành án dân sự tỉnh Hưng Yên', url: `${SITE}/` };
const unit = { name: 'Phòng Thi hành án dân sự khu vực 1', url: `${SITE}/don-vi/khu-vuc-1/` };
/** What a search engine reads back: the JSON of the script element. */
const roundTrip = (data: object): any => JSON.parse(jsonLdText(data as any));

describe('isNoindexPath', () => {
  it('keeps the search page, the status look-up, the debtors list and the 404 page out', () => {
    for (const p of ['/tim-kiem/', '/hoi-dap/tra-cuu/', '/danh-sach-nguoi-phai-thi-hanh-an-chua-co-dieu-kien/', '/danh-sach-abc/trang/2/', '/404/', '/404.html']) {
      expect(isNoindexPath(p), p).toBe(true);
    }
  });

  it('lets every reading page be indexed', () => {
    for (const p of ['/', '/tin-tuc/', '/tin-tuc/a/', '/hoi-dap/', '/hoi-dap/tra-cuu-thong-tin-thi-hanh-an/', '/bao-chi/', '/don-vi/danh-sach/', '/4040/']) {
      expect(isNoindexPath(p), p).toBe(false);
    }
  });
});

describe('absoluteUrl', () => {
  it('puts a site path under the public address', () => {
    expect(absoluteUrl('/tin-tuc/a/', SITE)).toBe('https://thads.example/tin-tuc/a/');
    expect(absoluteUrl('/tin-tuc/a/', new URL('https://thads.example/'))).toBe('https://thads.example/tin-tuc/a/');
  });
});

describe('internationalPhone', () => {
  it('writes Vietnamese numbers as editors type them in +84 form', () => {
    expect(internationalPhone('0912 486 357')).toBe('+84912486357');
    expect(internationalPhone('(0221) 3.862.415')).toBe('+842213862415');
    expect(internationalPhone('+84 221 3862 415')).toBe('+842213862415');
    expect(internationalPhone('84912486357')).toBe('+84912486357');
  });

  it('refuses what is not a phone number', () => {
    expect(internationalPhone('máy lẻ 12')).toBeUndefined();
  });
});

describe('latestDate', () => {
  it('returns the latest valid date, or undefined', () => {
    expect(latestDate('2026-01-01T00:00:00Z', null, '2026-03-01T00:00:00Z', 'không phải ngày')).toBe('2026-03-01T00:00:00Z');
    expect(latestDate(undefined, null)).toBeUndefined();
  });
});

describe('governmentOrganizationLd', () => {
  it('describes the agency with address, phones in +84 form, parent ministry, units and the spokesperson', () => {
    const ld = roundTrip(
      governmentOrganizationLd({
        ...agency,
        alternateName: 'THADS Hưng Yên',
        address: 'Số 8 đường Hải Thượng Lãn Ông, phường Phố Hiến, tỉnh Hưng Yên',
        telephone: ['0221 3862 415'],
        faxNumber: '0221 3862 416',
        email: 'lienhe@thads-hungyen.gov.vn',
        parentOrganization: 'Bộ Tài chính',
        subOrganizations: [unit],
        contactPoints: [
          { contactType: 'Người phát ngôn', name: 'Nguyễn Thị Thanh Hương', telephone: '0912 486 357', email: 'huong@example.vn' },
          { contactType: 'Không liên hệ được', name: 'Không có số' },
        ],
      }),
    );
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('GovernmentOrganization');
    expect(ld.name).toBe(agency.name);
    expect(ld.url).toBe(agency.url);
    expect(ld.address).toEqual({ '@type': 'PostalAddress', streetAddress: 'Số 8 đường Hải Thượng Lãn Ông, phường Phố Hiến, tỉnh Hưng Yên', addressCountry: 'VN' });
    expect(ld.telephone).toBe('+842213862415');
    expect(ld.faxNumber).toBe('+842213862416');
    expect(ld.parentOrganization).toEqual({ '@type': 'GovernmentOrganization', name: 'Bộ Tài chính' });
    expect(ld.subOrganization).toEqual([{ '@type': 'GovernmentOrganization', ...unit }]);
    expect(ld.contactPoint).toEqual([
      { '@type': 'ContactPoint', contactType: 'Người phát ngôn', name: 'Nguyễn Thị Thanh Hương', telephone: '+84912486357', email: 'huong@example.vn', availableLanguage: 'vi' },
    ]);
  });

  it('describes a unit as part of the agency, without empty fields', () => {
    const ld = roundTrip(governmentOrganizationLd({ ...unit, telephone: ['0221 3 555 111', '0912 000 111'], parentOrganization: agency }));
    expect(ld.parentOrganization).toEqual({ '@type': 'GovernmentOrganization', ...agency });
    expect(ld.telephone).toEqual(['+842213555111', '+84912000111']);
    for (const key of ['address', 'email', 'faxNumber', 'subOrganization', 'contactPoint', 'description', 'logo']) expect(ld, key).not.toHaveProperty(key);
  });
});

describe('breadcrumbListLd', () => {
  it('numbers the trail from 1 with names and absolute URLs', () => {
    const ld = roundTrip(
      breadcrumbListLd([
        { name: 'Trang chủ', url: `${SITE}/` },
        { name: 'Tin tức', url: `${SITE}/tin-tuc/` },
        { name: 'Một bài', url: `${SITE}/tin-tuc/mot-bai/` },
      ]),
    );
    expect(ld['@type']).toBe('BreadcrumbList');
    expect(ld.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: `${SITE}/` },
      { '@type': 'ListItem', position: 2, name: 'Tin tức', item: `${SITE}/tin-tuc/` },
      { '@type': 'ListItem', position: 3, name: 'Một bài', item: `${SITE}/tin-tuc/mot-bai/` },
    ]);
  });
});

describe('newsArticleLd', () => {
  const base = {
    url: `${SITE}/tin-tuc/mot-bai/`,
    headline: 'Hội nghị triển khai công tác năm 2026',
    description: 'Tóm tắt',
    datePublished: '2026-01-14T14:05:00.000Z',
    author: unit,
    publisher: { ...agency, logo: `${SITE}/_astro/logo.png` },
  };

  it('has the properties search engines require, dates in Vietnam time', () => {
    const ld = roundTrip(newsArticleLd({ ...base, dateModified: '2026-01-15T01:00:00.000Z', images: [`${SITE}/_astro/a.jpg`, null], section: 'Tin hoạt động', keywords: ['a', 'b'] }));
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(base.headline);
    expect(ld.datePublished).toBe('2026-01-14T21:05:00+07:00');
    expect(ld.dateModified).toBe('2026-01-15T08:00:00+07:00');
    expect(ld.image).toEqual([`${SITE}/_astro/a.jpg`]);
    expect(ld.author).toEqual({ '@type': 'GovernmentOrganization', ...unit });
    expect(ld.publisher).toEqual({ '@type': 'GovernmentOrganization', ...agency, logo: `${SITE}/_astro/logo.png` });
    expect(ld.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': base.url });
    expect(ld.articleSection).toBe('Tin hoạt động');
    expect(ld.keywords).toBe('a, b');
    expect(ld.inLanguage).toBe('vi');
  });

  it('leaves the image out when there is none, and never dates a change before publication', () => {
    const ld = roundTrip(newsArticleLd({ ...base, dateModified: '2025-12-01T00:00:00.000Z' }));
    expect(ld).not.toHaveProperty('image');
    expect(ld.dateModified).toBe(ld.datePublished);
  });

  it('names the byline as a person beside the unit', () => {
    const ld = roundTrip(newsArticleLd({ ...base, byline: 'Minh Anh' }));
    expect(ld.author).toEqual([
      { '@type': 'Person', name: 'Minh Anh' },
      { '@type': 'GovernmentOrganization', ...unit },
    ]);
  });
});

describe('qaPageLd', () => {
  it('has one Question with its answer count, text, author and accepted Answer', () => {
    const ld = roundTrip(
      qaPageLd({
        url: `${SITE}/hoi-dap/mot-cau-hoi/`,
        name: 'Thời hiệu yêu cầu thi hành án là bao lâu?',
        question: 'Bản án có hiệu lực từ năm 2022, nay tôi còn yêu cầu thi hành án được không?',
        asker: 'Bạn đọc ở xã Đức Hợp',
        answer: 'Theo Điều 30 Luật Thi hành án dân sự, thời hiệu là 05 năm.',
        dateCreated: '2026-02-01T03:00:00.000Z',
        dateModified: '2026-02-02T03:00:00.000Z',
        answeredBy: unit,
        about: 'Thời hiệu thi hành án',
      }),
    );
    expect(ld['@type']).toBe('QAPage');
    const q = ld.mainEntity;
    expect(q['@type']).toBe('Question');
    expect(q.name).toBe('Thời hiệu yêu cầu thi hành án là bao lâu?');
    expect(q.text).toContain('Bản án có hiệu lực');
    expect(q.answerCount).toBe(1);
    expect(q.dateCreated).toBe('2026-02-01T10:00:00+07:00');
    expect(q.author).toEqual({ '@type': 'Person', name: 'Bạn đọc ở xã Đức Hợp' });
    expect(q.acceptedAnswer).toMatchObject({
      '@type': 'Answer',
      text: 'Theo Điều 30 Luật Thi hành án dân sự, thời hiệu là 05 năm.',
      url: `${SITE}/hoi-dap/mot-cau-hoi/#tra-loi`,
      dateModified: '2026-02-02T10:00:00+07:00',
      author: { '@type': 'GovernmentOrganization', ...unit },
    });
    expect(ld.about).toEqual({ '@type': 'Thing', name: 'Thời hiệu thi hành án' });
  });

  it('calls an unnamed asker "Bạn đọc"', () => {
    const ld = roundTrip(qaPageLd({ url: `${SITE}/hoi-dap/x/`, name: 'x', question: 'x?', answer: 'y', dateCreated: '2026-02-01T03:00:00.000Z', answeredBy: agency }));
    expect(ld.mainEntity.author.name).toBe('Bạn đọc');
  });
});

describe('claimReviewLd', () => {
  it('reviews the claim with its appearances and the verdict', () => {
    const ld = roundTrip(
      claimReviewLd({
        url: `${SITE}/bao-chi/cai-chinh/x/`,
        headline: 'Cải chính',
        claim: 'Lực lượng thi hành án đánh người',
        appearances: [
          { outlet: 'Kênh video B', url: 'https://example.com/b', date: '2026-01-15T00:40:00.000Z' },
          { outlet: 'Trang A', url: 'https://example.com/a', date: '2026-01-14T14:05:00.000Z' },
          { outlet: 'Tin nhắn lan truyền' },
        ],
        datePublished: '2026-01-16T02:00:00.000Z',
        author: agency,
      }),
    );
    expect(ld['@type']).toBe('ClaimReview');
    expect(ld.claimReviewed).toBe('Lực lượng thi hành án đánh người');
    expect(ld.reviewRating).toMatchObject({ ratingValue: 1, worstRating: 1, bestRating: 5, alternateName: 'Sai sự thật' });
    expect(ld.itemReviewed.datePublished).toBe('2026-01-14T21:05:00+07:00');
    expect(ld.itemReviewed.appearance).toHaveLength(3);
    expect(ld.itemReviewed.appearance[0]).toEqual({ '@type': 'CreativeWork', url: 'https://example.com/b', datePublished: '2026-01-15T07:40:00+07:00', publisher: { '@type': 'Organization', name: 'Kênh video B' } });
    expect(ld.itemReviewed.appearance[2]).toEqual({ '@type': 'CreativeWork', publisher: { '@type': 'Organization', name: 'Tin nhắn lan truyền' } });
  });
});

describe('webSiteLd', () => {
  it('names the site', () => {
    expect(roundTrip(webSiteLd({ name: 'Cổng', alternateName: 'THADS', url: `${SITE}/` }))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: 'Cổng',
      alternateName: 'THADS',
      url: `${SITE}/`,
      inLanguage: 'vi',
    });
  });
});

describe('jsonLdText', () => {
  it('cannot end its script element or open markup, and parses back to the same data', () => {
    const data = { '@context': 'https://schema.org', '@type': 'Thing', name: '</script><script>alert(1)</script> & <!-- \u2028' } as const;
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('robotsTxt', () => {
  it('lets crawlers read the site except search, and names the sitemap', () => {
    const txt = robotsTxt(SITE);
    expect(txt).toContain('User-agent: *\n');
    expect(txt).toContain('Disallow: /tim-kiem/\n');
    expect(txt).toContain('Disallow: /pagefind/\n');
    expect(txt).toContain('Disallow: /danh-sach-chua-co-dieu-kien-thi-hanh/tra-cuu.json\n');
    expect(txt).toContain('Sitemap: https://thads.example/sitemap.xml\n');
    // A page that must stay out of search results has to stay crawlable, or its noindex is never seen: only
    // the list's data file (which cannot carry noindex) is disallowed, not its pages.
    expect(txt).not.toMatch(/Disallow: \/danh-sach-[^\n]*\/\n/);
  });
});
