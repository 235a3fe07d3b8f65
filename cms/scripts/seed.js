#!/usr/bin/env node
/**
 * npm run seed                      loads the demo content (idempotent)
 * npm run seed -- --articles 10000 --qas 3000   adds synthetic content at scale (benchmarks)
 */
const path = require('node:path');
process.chdir(path.resolve(__dirname, '..'));
require('./ensure-env').ensureEnv();
const { createStrapi, compileStrapi } = require('@strapi/strapi');

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : 0;
}

(async () => {
  const appDir = path.resolve(__dirname, '..');
  const ctx = await compileStrapi({ appDir });
  process.env.SEED_ON_EMPTY = 'false';
  const strapi = await createStrapi({ appDir: ctx.appDir, distDir: ctx.distDir }).load();
  strapi.log.level = 'warn';
  const started = Date.now();
  try {
    const { seedDemo } = require(path.join(ctx.distDir, 'src', 'seed'));
    const report = await seedDemo(strapi, { log: (m) => console.log(m) });
    const created = Object.values(report).reduce((n, r) => n + r.created, 0);
    console.log(`Nội dung mẫu: ${created} mục mới.`);
    const articles = arg('articles');
    const qas = arg('qas');
    if (articles || qas) {
      const { generateSynthetic } = require(path.join(ctx.distDir, 'src', 'seed', 'synthetic'));
      const n = await generateSynthetic(strapi, { articles, qas, log: (m) => console.log(m) });
      console.log(`Nội dung tổng hợp: ${n.articles} tin bài, ${n.qas} hỏi đáp.`);
    }
    console.log(`Xong trong ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await strapi.destroy();
  }
  process.exit(0);
})().catch((error) => {
  console.error(error?.message ?? error);
  process.exit(1);
});
