// @ts-check
import preact from '@astrojs/preact';
import { defineConfig, sharpImageService } from 'astro/config';
import { sitemap } from './src/lib/sitemap.ts';
import { targetedBuild } from './src/build/targeted-build.ts';

const strapiUrl = new URL(process.env.STRAPI_URL || 'http://127.0.0.1:1337');
// Where media files live: Strapi itself, and with object storage the bucket's or CDN's address (MEDIA_URL, the
// CMS's S3_PUBLIC_URL). The build downloads them from there and makes the site's own copies.
const mediaUrls = [strapiUrl, ...(process.env.MEDIA_URL ? [new URL(process.env.MEDIA_URL)] : [])];

/**
 * `client:focus`: an island that loads only when the reader first focuses (or taps) inside it. The header's
 * search box uses it, so reading pages run nothing but Astro's tiny island loader until search is touched.
 * @type {import('astro').AstroIntegration}
 */
const clientFocusDirective = {
  name: 'thads:client-focus',
  hooks: {
    'astro:config:setup': ({ addClientDirective }) => {
      // Resolved by esbuild from the project root (site/).
      addClientDirective({ name: 'focus', entrypoint: './src/components/islands/client-focus.ts' });
    },
  },
};

/** Static public site; reads Strapi at build time only (src/data/strapi.ts). */
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  outDir: process.env.SITE_OUT_DIR || './dist',
  // Preview builds of drafts are served by the publisher under /_preview/<entry>/ (site/publisher/preview.ts).
  ...(process.env.SITE_BASE ? { base: process.env.SITE_BASE } : {}),
  // Content store, image derivatives and (incremental builds) page cache; kept between builds. Separate
  // builds that may run at the same time (tests) give each its own folder.
  cacheDir: process.env.SITE_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory' },
  // Islands (src/components/islands/: the header search box with client:focus, the search page, the forms) are
  // written against React's API and run on Preact through preact/compat (`react` imports are aliased to it): the
  // same components for about a fifth of the bytes (React DOM alone was 40 KB compressed on every form page).
  // sitemap(): sitemap.xml from the built pages, leaving out noindex ones (src/lib/sitemap.ts).
  // targetedBuild(): a publish renders only the pages whose data changed (src/build/targeted-build.ts).
  integrations: [preact({ compat: true }), clientFocusDirective, sitemap(), targetedBuild()],
  image: {
    service: sharpImageService(),
    // Strapi's media are downloaded at build time and turned into responsive derivatives.
    domains: mediaUrls.map((u) => u.hostname),
    remotePatterns: mediaUrls.map((u) => ({ protocol: u.protocol.replace(':', ''), hostname: u.hostname, ...(u.port ? { port: u.port } : {}), pathname: '/**' })),
  },
  devToolbar: { enabled: false },
  // Pages whose getStaticPaths gives a cacheKey (src/build/page-keys.ts) and whose code is unchanged are copied
  // from the previous build instead of rendered: a publish re-renders the pages it touches, not all of them.
  experimental: { incrementalBuild: true },
});
