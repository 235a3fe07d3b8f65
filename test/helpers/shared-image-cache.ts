/**
 * One cache of optimised images for every test build of the seeded demo content (loaded by
 * test/helpers/site-build-lock.ts into a site build, once it holds the machine-wide build lock).
 *
 * Each test file builds its own site from its own copy of the seeded snapshot, and each build optimised the
 * same 414 demo images again (about half of a seeded build: 13.9 of 30.8 s on a loaded 2-core machine, 6.5 s
 * quiet). Astro keeps optimised images in <cacheDir>/assets, named by a hash of the transform, the source URL
 * included, and the source URL holds the CMS's port, a new one for every test Strapi. So a test build
 * (SITE_CACHE_DIR set, a snapshot in use):
 * - reads the CMS through a forwarder on one fixed port per checkout (free: its site builds never run at the same time), so
 *   that the same upload has the same URL in every build;
 * - finds <SITE_CACHE_DIR>/assets linked to one folder beside the snapshots (keyed with them).
 * Nothing else changes: Astro still revalidates a cached remote image with the CMS once its HTTP lifetime is
 * over (Last-Modified: the copied uploads keep the snapshot's times, see startStrapi()), and refetches one
 * that changed. The built site never holds the CMS's address (test/site/build.test.ts checks it).
 * A build meant to meet an unreachable CMS is left alone (its error names the address it was given), as is
 * every build when THADS_TEST_FRESH=1 or THADS_TEST_OWN_IMAGES=1.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';


const reachable = (url: URL) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 80) });
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

/** The folder of the snapshots in use (their key), or undefined. */
function snapshotsFolder(): string | undefined {
  if (process.env.THADS_TEST_FRESH === '1' || !process.env.THADS_TEST_SNAPSHOTS) return undefined;
  try {
    const dir = JSON.parse(process.env.THADS_TEST_SNAPSHOTS)?.sqlite?.seeded?.dir;
    return typeof dir === 'string' ? path.dirname(dir) : undefined;
  } catch {
    return undefined;
  }
}

export async function shareImageCache(): Promise<void> {
  const target = process.env.STRAPI_URL;
  const cacheDir = process.env.SITE_CACHE_DIR;
  const folder = snapshotsFolder();
  if (!target || !cacheDir || !folder || process.env.THADS_TEST_OWN_IMAGES === '1') return;
  // One port per checkout (its builds take turns; another checkout's builds may run at the same time).
  const PORT = Number(process.env.THADS_TEST_BUILD_CMS_PORT) || 40000 + (createHash('sha256').update(folder).digest().readUInt16BE(0) % 10000);
  const upstream = new URL(target);
  if (upstream.protocol !== 'http:' || !(await reachable(upstream))) return;

  const server = http.createServer((req, res) => {
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(PORT, '127.0.0.1', () => resolve(true));
  });
  if (!listening) return; // the port is taken by something else: this build optimises its own images
  server.unref();
  process.env.STRAPI_URL = `http://127.0.0.1:${PORT}${upstream.pathname === '/' ? '' : upstream.pathname}`;

  const shared = path.join(folder, 'astro-assets');
  const assets = path.join(path.resolve(cacheDir), 'assets');
  fs.mkdirSync(shared, { recursive: true });
  fs.mkdirSync(path.dirname(assets), { recursive: true });
  if (!fs.existsSync(assets)) fs.symlinkSync(shared, assets, 'dir');
}
