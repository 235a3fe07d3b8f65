/**
 * Setup file of the heavy test projects: the environment a test file sets (process.env.X = … before its
 * Strapi boots) ends with the file. Test files share one process (vitest.config.ts, isolate: false), so a
 * variable left behind would otherwise reach every file after it.
 */
import { afterAll } from 'vitest';

const saved = { ...process.env };

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});
