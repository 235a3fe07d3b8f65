#!/usr/bin/env node
/**
 * npm run restore -- <archive.tar.gz> [--force]
 * Brings a backup made by `npm run backup` back into the CMS configured by cms/.env and the environment:
 * database (SQLite or PostgreSQL, whichever made the archive) and media (uploads folder or S3 bucket).
 * Refuses a CMS that already holds content, accounts or files unless --force (which replaces them).
 * Stop Strapi first, and use the same secrets as the backed-up instance (API tokens depend on API_TOKEN_SALT).
 * --no-compile uses the compiled cms/dist as it is (tests, benchmarks).
 */
const fs = require('node:fs');
const path = require('node:path');

const appDir = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const archiveArg = argv.find((a) => !a.startsWith('--'));
const archive = archiveArg ? path.resolve(process.env.INIT_CWD || process.cwd(), archiveArg) : undefined;
process.chdir(appDir);
// On one machine, the secrets of cms/.env (written by npm start when missing); production sets them itself.
if (!process.env.APP_KEYS) require('./ensure-env').ensureEnv();
if (fs.existsSync('.env')) process.loadEnvFile('.env');

(async () => {
  if (!archive) {
    console.error('Cần chỉ rõ tệp sao lưu: npm run restore -- <tệp .tar.gz> [--force]');
    process.exit(2);
  }
  let distDir = path.join(appDir, 'dist');
  if (!argv.includes('--no-compile')) distDir = (await require('@strapi/strapi').compileStrapi({ appDir })).distDir;
  const { restoreBackup, RestoreRefused } = require(path.join(distDir, 'src', 'backup'));
  console.log(`Đang khôi phục từ ${archive}…`);
  try {
    const s = await restoreBackup({ appDir, distDir, archive, force: argv.includes('--force'), log: (m) => console.log(m) });
    console.log(`Đã khôi phục ${s.rows.toLocaleString('vi-VN')} dòng và ${s.mediaFiles} tệp trong ${s.seconds.toFixed(1)} s.`);
    process.exit(0);
  } catch (error) {
    console.error(error instanceof RestoreRefused ? error.message : `Khôi phục không thành công: ${error?.message ?? error}`);
    process.exit(error instanceof RestoreRefused ? 3 : 1);
  }
})().catch((error) => {
  console.error(`Khôi phục không thành công: ${error?.message ?? error}`);
  process.exit(1);
});
