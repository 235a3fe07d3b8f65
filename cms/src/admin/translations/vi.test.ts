/**
 * Coverage of the admin's Vietnamese: for each package an editor meets, every `en` key must have a
 * Vietnamese string, either in Strapi's own `vi` file or in ours; and ours must not drift from the
 * installed packages (no stale keys, placeholders kept).
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_ONLY_KEYS, vi as ours } from './vi.ts';

const require = createRequire(import.meta.url);
const strapiDir = path.dirname(require.resolve('@strapi/admin/package.json')).replace(/admin$/, '');

const PACKAGES = [
  { name: 'admin', dir: 'admin/dist/admin/admin/src/translations', prefix: '' },
  { name: 'content-manager', dir: 'content-manager/dist/admin/translations', prefix: 'content-manager.' },
  { name: 'upload', dir: 'upload/dist/admin/translations', prefix: 'upload.' },
  { name: 'users-permissions', dir: 'plugin-users-permissions/dist/admin/translations', prefix: 'users-permissions.' },
  { name: 'email', dir: 'email/dist/admin/translations', prefix: 'email.' },
  { name: 'i18n', dir: 'i18n/dist/admin/translations', prefix: 'i18n.' },
  { name: 'content-releases', dir: 'content-releases/dist/admin/translations', prefix: 'content-releases.' },
  { name: 'review-workflows', dir: 'review-workflows/dist/admin/translations', prefix: 'review-workflows.' },
];

const load = (file: string): Record<string, string> => (fs.existsSync(file) ? (require(file).default ?? require(file)) : {});
const { parse } = require('@formatjs/icu-messageformat-parser');
/** Argument names of an ICU message (placeholders, plural/select variables, tags), sorted. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: any[]) => {
    for (const n of nodes) {
      if (n.value && typeof n.value === 'string' && n.type !== 0) names.add(n.value);
      if (n.children) walk(n.children);
      if (n.options) for (const o of Object.values<any>(n.options)) walk(o.value);
    }
  };
  try {
    walk(parse(message, { ignoreTag: false }));
  } catch {
    return [message.includes('{') ? 'unparsable' : 'text'];
  }
  return [...names].sort();
}

describe.each(PACKAGES)('$name in Vietnamese', ({ dir, prefix }) => {
  const en = load(path.join(strapiDir, dir, 'en.json.js'));
  const shipped = load(path.join(strapiDir, dir, 'vi.json.js'));

  it('has a Vietnamese string for every English key', () => {
    const missing = Object.keys(en).filter((k) => !(k in shipped) && !(prefix + k in ours));
    expect(Object.keys(en).length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('keeps the placeholders of the English strings', () => {
    const broken = Object.keys(en)
      .filter((k) => prefix + k in ours)
      .filter((k) => JSON.stringify(placeholders(en[k]!)) !== JSON.stringify(placeholders(ours[prefix + k]!)));
    expect(broken).toEqual([]);
  });
});

it('holds no key that the installed packages do not have', () => {
  const known = new Set(PACKAGES.flatMap(({ dir, prefix }) => Object.keys(load(path.join(strapiDir, dir, 'en.json.js'))).map((k) => prefix + k)));
  const stale = Object.keys(ours).filter((k) => !known.has(k) && !(k in CODE_ONLY_KEYS));
  expect(stale).toEqual([]);
});
