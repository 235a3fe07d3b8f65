import path from 'node:path';
import { createRequire } from 'node:module';

/** Compiles the CMS TypeScript once for every suite that boots Strapi. */
export default async function setup() {
  const cmsDir = path.resolve(import.meta.dirname, '../../cms');
  const require = createRequire(path.join(cmsDir, 'package.json'));
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: cmsDir, ignoreDiagnostics: false });
}
