/**
 * Builds the shared seeded site (sharedSeededSite() in test/helpers/site.ts) in a process of its own, so that
 * the Strapi it boots never meets the test file's own Strapi in one process:
 *   node test/helpers/build-shared-site.ts <folder>   (THADS_TEST_SNAPSHOTS from global setup in the environment)
 * Leaves <folder>/site (the built site with its search index) and <folder>/build.log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSite } from './site.ts';
import { startStrapi } from './strapi.ts';

const folder = path.resolve(process.argv[2]!);
const cms = await startStrapi({ seed: true, db: 'sqlite' });
let code = 0;
try {
  // NODE_ENV: the test harness sets "test", which would give the browser React's development build.
  const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: path.join(folder, 'site'), SITE_URL: 'https://thads.example', NODE_ENV: 'production' });
  if (build.code !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
  if (!fs.existsSync(path.join(folder, 'site', 'pagefind', 'pagefind.js'))) throw new Error(`the site build wrote no search index in ${folder}/site/pagefind`);
  fs.writeFileSync(path.join(folder, 'build.log'), build.output);
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  await cms.stop();
}
process.exit(code);
