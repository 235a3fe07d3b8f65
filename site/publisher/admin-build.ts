/**
 * The Strapi admin panel, built when missing or out of date (a digest of everything the build depends on is kept
 * beside it, cms/dist/.admin-build-hash). Used by `npm start` (start.ts) and by the admin's browser journeys.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const CMS = path.resolve(import.meta.dirname, '..', '..', 'cms');
const STAMP = path.join(CMS, 'dist', '.admin-build-hash');

/** A digest of everything the admin build depends on. */
export function adminSourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(fs.readFileSync(full));
    }
  };
  for (const dir of ['src', 'config']) walk(path.join(CMS, dir));
  hash.update(fs.readFileSync(path.join(CMS, 'package.json')));
  return hash.digest('hex');
}

export const adminBuildIsCurrent = () =>
  fs.existsSync(path.join(CMS, 'dist', 'build', 'index.html')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === adminSourceHash();

/** Runs `strapi build` when the admin is missing or out of date; resolves false when it was current. */
export async function ensureAdminBuild({ stdio = 'inherit' as 'inherit' | 'ignore' } = {}): Promise<boolean> {
  if (adminBuildIsCurrent()) return false;
  const hash = adminSourceHash();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npx', ['strapi', 'build'], { cwd: CMS, env: { ...process.env, NODE_ENV: 'production' }, stdio });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`strapi build thoát với mã ${code}`))));
    child.on('error', reject);
  });
  fs.writeFileSync(STAMP, hash);
  return true;
}
