/**
 * `npm run build`: builds the site into a temporary folder next to the output folder, indexes it for the
 * site search (scripts/search-index.ts, Pagefind, into <folder>/pagefind/) and, only when both succeeded,
 * swaps it in. A failed build (Strapi down, invalid data) leaves the previous site untouched. The output
 * folder is SITE_OUT_DIR (default site/dist).
 *
 * Run with Node 24 (type stripping): node scripts/build.ts [extra astro build flags]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildSearchIndex } from './search-index.ts';

const siteDir = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(siteDir, process.env.SITE_OUT_DIR || 'dist');
const parent = path.dirname(outDir);
fs.mkdirSync(parent, { recursive: true });
// Beside the output, so that the final swap is a rename on one file system. The name is fixed on purpose:
// Astro clears its content store (and its per-entry digests) whenever the config, outDir included, changes.
const tmpDir = path.join(parent, `.${path.basename(outDir)}-next`);
const lockFile = `${tmpDir}.lock`;

/** One build at a time: a second one would write into the same temporary folder. */
function takeLock(): void {
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    let alive = false;
    try {
      process.kill(holder, 0);
      alive = holder !== process.pid;
    } catch {}
    if (alive) {
      console.error(`Một lần build khác đang chạy (tiến trình ${holder}). / Another build is running (process ${holder}).`);
      process.exit(1);
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  process.on('exit', () => fs.rmSync(lockFile, { force: true }));
}
takeLock();
fs.rmSync(tmpDir, { recursive: true, force: true });

const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const started = performance.now();

const code = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
    cwd: siteDir,
    // Nothing may call the internet during a build: Astro's telemetry is off.
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, SITE_OUT_DIR: tmpDir },
    stdio: 'inherit',
  });
  // Stopping this script stops the build too (and the exit handler frees the lock).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(error);
    resolve(1);
  });
  child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
});

if (code !== 0) {
  fs.rmSync(tmpDir, { recursive: true, force: true });
  console.error(`\nBuild thất bại (mã ${code}): giữ nguyên trang cũ trong ${outDir}. / Build failed (exit ${code}): the previous site in ${outDir} is untouched.`);
  process.exit(code);
}

let search;
try {
  search = await buildSearchIndex(tmpDir);
} catch (error) {
  fs.rmSync(tmpDir, { recursive: true, force: true });
  console.error(error);
  console.error(`\nTạo chỉ mục tìm kiếm thất bại: giữ nguyên trang cũ trong ${outDir}. / Search indexing failed: the previous site in ${outDir} is untouched.`);
  process.exit(1);
}
console.log(
  `Chỉ mục tìm kiếm: ${search.pages} trang, ${search.files} tệp, ${(search.bytes / 1024).toFixed(0)} KB (${search.seconds.toFixed(1)} s). / Search index: ${search.pages} pages, ${search.files} files, ${(search.bytes / 1024).toFixed(0)} KB (${search.seconds.toFixed(1)} s).`,
);

const countPages = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countPages(path.join(dir, e.name)) : e.name.endsWith('.html') ? 1 : 0), 0);
const pages = countPages(tmpDir);

// Swap: current → old, new → current, then drop old. Between the two renames the folder is absent for
// an instant; a web server should serve a symlink or the parent to avoid even that.
const oldDir = `${tmpDir}-old`;
const hadPrevious = fs.existsSync(outDir);
if (hadPrevious) fs.renameSync(outDir, oldDir);
fs.renameSync(tmpDir, outDir);
if (hadPrevious) fs.rmSync(oldDir, { recursive: true, force: true });

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nĐã xuất bản ${pages} trang vào ${outDir} (${seconds} s). / Published ${pages} pages to ${outDir} (${seconds} s).`);
