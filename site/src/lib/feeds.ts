/**
 * The site's RSS 2.0 feeds: news, press releases, legal Q&A, announcements, and one per news category.
 * Endpoints under src/pages/rss/ write them with @astrojs/rss; BaseLayout announces them in every page's head
 * (<link rel="alternate">: the site-wide feeds everywhere, a category's feed on its category pages); the press
 * room lists them. Only what the site shows is in a feed: published entries (the build never sees drafts),
 * newest first, FEED_SIZE at most, with absolute links.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { ANNOUNCEMENT_KIND_LABELS, blocksToHtml, blocksToText, type Block } from '@thads/shared';
import { itemDate, type Announcement, type Article, type Category, type LegalQa, type PressRelease } from '../data/content.ts';
import { excerpt } from './text.ts';
import { urls } from './urls.ts';

/** Items per feed. */
export const FEED_SIZE = 50;

export const SITE_FEEDS = {
  'tin-tuc': { title: 'Tin tức', description: 'Tin hoạt động mới nhất', page: urls.news },
  'thong-cao-bao-chi': { title: 'Thông cáo báo chí', description: 'Thông cáo báo chí mới nhất', page: urls.pressReleases },
  'hoi-dap': { title: 'Hỏi đáp pháp luật', description: 'Giải đáp pháp luật về thi hành án dân sự mới nhất', page: urls.qaIndex },
  'thong-bao': { title: 'Thông báo', description: 'Thông báo đấu giá tài sản, thông báo thi hành án, tuyển dụng mới nhất', page: urls.announcements },
} as const;
export type SiteFeedKey = keyof typeof SITE_FEEDS;
export const SITE_FEED_KEYS = Object.keys(SITE_FEEDS) as SiteFeedKey[];

export const feedUrl = (key: SiteFeedKey) => `/rss/${key}.xml`;
export const categoryFeedUrl = (slug: string) => `/rss/chuyen-muc/${slug}.xml`;

/** A feed as announced in a page head and listed in the press room. */
export type FeedLink = { title: string; href: string; description: string };

/** The feeds a page announces: the site-wide ones, and its category's on a category page ("/chuyen-muc/<slug>/…"). */
export function feedsForPath(pathname: string, categories: Pick<Category, 'slug' | 'name'>[], siteName: string): FeedLink[] {
  const feeds: FeedLink[] = SITE_FEED_KEYS.map((key) => ({ title: `${SITE_FEEDS[key].title} – ${siteName}`, href: feedUrl(key), description: SITE_FEEDS[key].description }));
  const slug = /^\/chuyen-muc\/([^/]+)\//.exec(pathname)?.[1];
  const category = slug ? categories.find((c) => c.slug === slug) : undefined;
  if (category) feeds.push(categoryFeedLink(category, siteName));
  return feeds;
}

export const categoryFeedLink = (category: Pick<Category, 'slug' | 'name'>, siteName: string): FeedLink => ({
  title: `Chuyên mục ${category.name} – ${siteName}`,
  href: categoryFeedUrl(category.slug),
  description: `Tin mới của chuyên mục ${category.name}`,
});

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Body HTML for a feed reader: no pictures (they live on the CMS), links to the site made absolute. */
function feedHtml(blocks: readonly Block[] | null | undefined, site: URL): string {
  const html = blocksToHtml((blocks ?? []).filter((b) => b.type !== 'image'));
  return html.replace(/\shref="\/(?!\/)/g, ` href="${new URL('/', site).href}`);
}

const creator = (unit: { name: string } | null | undefined) => (unit ? `<dc:creator>${escapeXml(unit.name)}</dc:creator>` : undefined);

const absolute = (path: string, site: URL) => new URL(path, site).href;

export function articleItem(a: Article, site: URL): RSSFeedItem {
  return {
    title: a.title,
    link: absolute(urls.article(a.slug), site),
    pubDate: new Date(itemDate(a)),
    description: a.summary || excerpt(blocksToText(a.body), 300),
    content: feedHtml(a.body, site),
    ...(a.category ? { categories: [a.category.name] } : {}),
    customData: creator(a.unit),
  };
}

export function pressReleaseItem(r: PressRelease, site: URL): RSSFeedItem {
  return {
    title: r.number ? `${r.title} (số ${r.number})` : r.title,
    link: absolute(urls.pressRelease(r.slug), site),
    pubDate: new Date(itemDate(r)),
    description: r.summary || excerpt(blocksToText(r.body), 300),
    content: feedHtml(r.body, site),
    categories: ['Thông cáo báo chí'],
    customData: creator(r.unit),
  };
}

export function legalQaItem(q: LegalQa, site: URL): RSSFeedItem {
  const question = q.question
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeXml(p)}</p>`)
    .join('');
  return {
    title: q.title,
    link: absolute(urls.qa(q.slug), site),
    pubDate: new Date(itemDate(q)),
    description: excerpt(q.question, 300),
    content: `<h2>Câu hỏi</h2>${q.askerLabel ? `<p><strong>${escapeXml(q.askerLabel)}</strong> hỏi:</p>` : ''}${question}<h2>Trả lời</h2>${feedHtml(q.answer, site)}`,
    ...(q.topic ? { categories: [q.topic.name] } : {}),
    customData: creator(q.unit),
  };
}

export function announcementItem(a: Announcement, site: URL): RSSFeedItem {
  return {
    title: a.title,
    link: absolute(urls.announcement(a.slug), site),
    pubDate: new Date(itemDate(a)),
    description: a.summary || excerpt(blocksToText(a.body), 300),
    content: feedHtml(a.body, site),
    categories: [ANNOUNCEMENT_KIND_LABELS[a.kind]],
    customData: creator(a.unit),
  };
}

/** The options of one feed for @astrojs/rss: channel title, link to its page, self link, language. */
export function feedOptions(args: { title: string; description: string; page: string; self: string; site: URL; copyright?: string | null | undefined; items: RSSFeedItem[] }): RSSOptions {
  const { title, description, page, self, site, copyright, items } = args;
  return {
    title,
    description,
    site: absolute(page, site),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: [
      '<language>vi</language>',
      `<atom:link href="${escapeXml(absolute(self, site))}" rel="self" type="application/rss+xml"/>`,
      ...(copyright ? [`<copyright>${escapeXml(copyright)}</copyright>`] : []),
    ].join(''),
    items: items.slice(0, FEED_SIZE),
  };
}
