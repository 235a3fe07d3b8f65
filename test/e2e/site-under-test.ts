/**
 * The real site for browser tests: a seeded Strapi, the site built from it by site/scripts/build.ts (with its
 * Pagefind index) into a temporary folder, then Strapi stopped and the folder served on 127.0.0.1.
 * Under the test harness's snapshots this is one build shared by every file that only reads it
 * (sharedSeededSite(), test/helpers/site.ts); THADS_TEST_FRESH=1 builds one per file as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite, sharedSeededSite } from '../helpers/site.ts';
import { startStrapi } from '../helpers/strapi.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export type BuiltSite = { out: string; server: StaticServer; stop: () => Promise<void> };

export async function buildAndServe(): Promise<BuiltSite> {
  const shared = await sharedSeededSite();
  if (shared) {
    const server = await serveStatic(shared.out);
    return { out: shared.out, server, stop: () => server.close() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-e2e-'));
  const out = path.join(dir, 'site');
  const cms = await startStrapi({ seed: true });
  try {
    // NODE_ENV: the test harness sets "test", which would give the browser React's development build.
    const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out, SITE_URL: 'https://thads.example', NODE_ENV: 'production' });
    if (build.code !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
    if (!fs.existsSync(path.join(out, 'pagefind', 'pagefind.js'))) throw new Error(`the site build wrote no search index in ${out}/pagefind`);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await cms.stop();
  }
  const server = await serveStatic(out);
  return {
    out,
    server,
    stop: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
