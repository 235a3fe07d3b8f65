// @ts-check
import react from '@astrojs/react';
import { defineConfig, sharpImageService } from 'astro/config';

const strapiUrl = new URL(process.env.STRAPI_URL || 'http://127.0.0.1:1337');

/** Static public site; reads Strapi at build time only (src/lib/strapi.ts). */
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  outDir: process.env.SITE_OUT_DIR || './dist',
  build: { format: 'directory' },
  // Islands (search, forms) will be React; no page ships one yet.
  integrations: [react()],
  image: {
    service: sharpImageService(),
    // Strapi's media are downloaded at build time and turned into responsive derivatives.
    domains: [strapiUrl.hostname],
    remotePatterns: [{ protocol: strapiUrl.protocol.replace(':', ''), hostname: strapiUrl.hostname, ...(strapiUrl.port ? { port: strapiUrl.port } : {}), pathname: '/**' }],
  },
  devToolbar: { enabled: false },
});
