// @ts-check
import react from '@astrojs/react';
import { defineConfig, sharpImageService } from 'astro/config';

const strapiUrl = new URL(process.env.STRAPI_URL || 'http://127.0.0.1:1337');

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

/** Static public site; reads Strapi at build time only (src/lib/strapi.ts). */
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  outDir: process.env.SITE_OUT_DIR || './dist',
  build: { format: 'directory' },
  // Islands are React (src/components/islands/): the header search box (client:focus), the search page, the forms.
  integrations: [react(), clientFocusDirective],
  image: {
    service: sharpImageService(),
    // Strapi's media are downloaded at build time and turned into responsive derivatives.
    domains: [strapiUrl.hostname],
    remotePatterns: [{ protocol: strapiUrl.protocol.replace(':', ''), hostname: strapiUrl.hostname, ...(strapiUrl.port ? { port: strapiUrl.port } : {}), pathname: '/**' }],
  },
  devToolbar: { enabled: false },
});
