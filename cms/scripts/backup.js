#!/usr/bin/env node
/**
 * npm run backup                                  → cms/.data/backups/thads-<date>-<time>.tar.gz
 * npm run backup -- --out /srv/backups/x.tar.gz   → that file
 * One archive of the whole database (every table: content, drafts, inboxes, accounts, roles, tokens,
 * settings) and every uploaded file (uploads folder or S3 bucket), for the CMS as configured by cms/.env
 * and the environment. Secrets are not in it: keep cms/.env (or the production secrets) safe separately.
 * --no-compile uses the compiled cms/dist as it is (tests, benchmarks).
 */
const fs = require('node:fs');
const path = require('node:path');

const appDir = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const outArg = option('out');
// Relative to the folder npm was run from, before moving to cms/.
const out = outArg ? path.resolve(process.env.INIT_CWD || process.cwd(), outArg) : undefined;
process.chdir(appDir);
if (fs.existsSync('.env')) process.loadEnvFile('.env');

(async () => {
  let distDir = path.join(appDir, 'dist');
  if (!argv.includes('--no-compile')) distDir = (await require('@strapi/strapi').compileStrapi({ appDir })).distDir;
  const { createBackup } = require(path.join(distDir, 'src', 'backup'));
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = out ?? path.join(appDir, '.data', 'backups', `thads-${stamp}.tar.gz`);
  console.log('Đang sao lưu…');
  const s = await createBackup({ appDir, distDir, out: file, log: (m) => console.log(m) });
  console.log(`Đã sao lưu vào ${s.file} (${(s.bytes / 1024 / 1024).toFixed(1)} MB) trong ${s.seconds.toFixed(1)} s.`);
  process.exit(0);
})().catch((error) => {
  console.error(`Sao lưu không thành công: ${error?.message ?? error}`);
  process.exit(1);
});
