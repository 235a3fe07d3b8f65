import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const CMS_DIR = path.resolve(import.meta.dirname, '../../cms');
const LOCK = path.join(CMS_DIR, '.tmp', 'compile.lock');
const STAMP = path.join(CMS_DIR, 'dist', '.compile-hash');

function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (!e.name.endsWith('.test.ts')) hash.update(full).update(fs.readFileSync(full));
    }
  };
  for (const d of ['src', 'config', 'data']) walk(path.join(CMS_DIR, d));
  return hash.digest('hex');
}

/**
 * Compiles the CMS TypeScript once for every suite that boots Strapi. Several projects start at the
 * same time: a lock folder makes them take turns, and a hash of the sources skips a compile that is
 * already current.
 */
export default async function setup() {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 300_000) fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    const hash = sourceHash();
    if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash) return;
    const require = createRequire(path.join(CMS_DIR, 'package.json'));
    const { compileStrapi } = require('@strapi/strapi');
    await compileStrapi({ appDir: CMS_DIR });
    fs.writeFileSync(STAMP, hash);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
