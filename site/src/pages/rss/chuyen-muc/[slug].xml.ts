/** One RSS feed per news category: /rss/chuyen-muc/<slug>.xml (src/lib/feeds.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRssString } from '@astrojs/rss';
import { getArticles, getCategories, getSiteSetting, type Category } from '../../../data/content.ts';
import { articleItem, categoryFeedUrl, feedOptions } from '../../../lib/feeds.ts';
import { urls } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => (await getCategories()).map((category) => ({ params: { slug: category.slug }, props: { category } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category }> = async ({ props: { category }, site }) => {
  if (!site) throw new Error('RSS: thiếu địa chỉ trang (SITE_URL). / `site` is not set.');
  const setting = await getSiteSetting();
  const articles = (await getArticles()).byCategory.get(category.slug) ?? [];
  const xml = await getRssString(
    feedOptions({
      title: `Chuyên mục ${category.name} – ${setting.agencyShortName || setting.agencyName}`,
      description: category.description || `Tin mới của chuyên mục ${category.name}, ${setting.agencyName}.`,
      page: urls.category(category.slug),
      self: categoryFeedUrl(category.slug),
      site,
      copyright: setting.copyright,
      items: articles.map((a) => articleItem(a, site)),
    }),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
