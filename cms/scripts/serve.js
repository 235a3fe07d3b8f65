#!/usr/bin/env node
/**
 * Compiles the CMS TypeScript and starts Strapi in this process, without requiring the admin
 * panel to be built (set SERVE_ADMIN_PANEL=false). Used by tests, benchmarks and site development:
 *   SERVE_ADMIN_PANEL=false PORT=1338 DATABASE_FILENAME=.tmp/dev.db node cms/scripts/serve.js
 */
const path = require('node:path');
// Strapi reads .env from the working directory: run from cms/ whatever the caller's folder.
process.chdir(path.resolve(__dirname, '..'));
require('./ensure-env').ensureEnv();
const { createStrapi, compileStrapi } = require('@strapi/strapi');

(async () => {
  const ctx = await compileStrapi({ appDir: path.resolve(__dirname, '..') });
  const strapi = createStrapi({ appDir: ctx.appDir, distDir: ctx.distDir });
  await strapi.start();
  const stop = async () => {
    await strapi.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
