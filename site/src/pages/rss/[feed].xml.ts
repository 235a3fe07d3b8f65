/** The site-wide RSS feeds: /rss/tin-tuc.xml, /rss/thong-cao-bao-chi.xml, /rss/hoi-dap.xml, /rss/thong-bao.xml (src/lib/feeds.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRssString, type RSSFeedItem } from '@astrojs/rss';
import { getAnnouncements, getArticles, getLegalQas, getPressReleases, getSiteSetting } from '../../data/content.ts';
import { announcementItem, articleItem, feedOptions, feedUrl, legalQaItem, pressReleaseItem, SITE_FEED_KEYS, SITE_FEEDS, type SiteFeedKey } from '../../lib/feeds.ts';

export const getStaticPaths = (() => SITE_FEED_KEYS.map((feed) => ({ params: { feed } }))) satisfies GetStaticPaths;

async function items(key: SiteFeedKey, site: URL): Promise<RSSFeedItem[]> {
  switch (key) {
    case 'tin-tuc':
      return (await getArticles()).list.map((a) => articleItem(a, site));
    case 'thong-cao-bao-chi':
      return (await getPressReleases()).map((r) => pressReleaseItem(r, site));
    case 'hoi-dap':
      return (await getLegalQas()).list.map((q) => legalQaItem(q, site));
    case 'thong-bao':
      return (await getAnnouncements()).list.map((a) => announcementItem(a, site));
  }
}

export const GET: APIRoute = async ({ params, site }) => {
  if (!site) throw new Error('RSS: thiếu địa chỉ trang (SITE_URL). / `site` is not set.');
  const key = params.feed as SiteFeedKey;
  const setting = await getSiteSetting();
  const siteName = setting.agencyShortName || setting.agencyName;
  const feed = SITE_FEEDS[key];
  const xml = await getRssString(
    feedOptions({
      title: `${feed.title} – ${siteName}`,
      description: `${feed.description} của ${setting.agencyName}.`,
      page: feed.page,
      self: feedUrl(key),
      site,
      copyright: setting.copyright,
      items: (await items(key, site)),
    }),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
