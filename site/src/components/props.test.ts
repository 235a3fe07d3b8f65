/**
 * Pages, layouts and loaders read the content; components get what they show in their props. A component that
 * called a reader itself (a `get…` of src/data, the content collections, the CMS client's `fetch…`) would hide a data
 * dependency from the page that renders it, and from the page's cache key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const COMPONENTS = import.meta.dirname;

function astroFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? astroFiles(path.join(dir, e.name)) : e.name.endsWith('.astro') ? [path.join(dir, e.name)] : []));
}

/** The names a file imports as values (not `import type`, not `type X` inside braces) from `from`. */
function valueImports(source: string): { names: string[]; from: string }[] {
  const out: { names: string[]; from: string }[] = [];
  for (const m of source.matchAll(/^import\s+(?!type\b)(?:\{([^}]*)\}|[\w*\s,]+?)\s+from\s+'([^']+)'/gm)) {
    const names = (m[1] ?? '').split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '));
    out.push({ names: names.map((n) => n.split(/\s+as\s+/)[0]!), from: m[2]! });
  }
  return out;
}

describe('components', () => {
  it('receive their data in props: none reads the content itself', () => {
    const offenders: string[] = [];
    for (const file of astroFiles(COMPONENTS)) {
      const rel = path.relative(COMPONENTS, file);
      for (const { names, from } of valueImports(fs.readFileSync(file, 'utf8'))) {
        if (from === 'astro:content') offenders.push(`${rel} imports ${from}`);
        for (const name of names) if (/^(get[A-Z]|fetch)/.test(name) && /\/(data|lib)\//.test(from)) offenders.push(`${rel} calls ${name} (${from})`);
      }
    }
    expect(offenders, 'Read the data in the page or layout and pass it to the component in its props.').toEqual([]);
  });
});
