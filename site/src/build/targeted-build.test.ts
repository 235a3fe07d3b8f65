import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyTargeted, outputFileOf, type LiveState } from '../../scripts/targeted.ts';
import { selectPaths, type BuildPlan } from './targeted-build.ts';

describe('selectPaths', () => {
  const live = { '/a/': 'k1', '/b/': 'k2', '/home/': null };
  it('renders new paths, paths whose key changed and paths without a key; not the unchanged ones', () => {
    const paths = [
      { pathname: '/a/', cacheKey: 'k1' },
      { pathname: '/b/', cacheKey: 'k2-changed' },
      { pathname: '/c/', cacheKey: 'k3' },
      { pathname: '/home/' },
      { pathname: '/feed.xml', cacheKey: undefined },
    ];
    expect(selectPaths(paths, live).map((p) => p.pathname)).toEqual(['/b/', '/c/', '/home/', '/feed.xml']);
  });
});

describe('outputFileOf', () => {
  it('is the file Astro writes for a path (build.format "directory")', () => {
    expect(outputFileOf('/')).toBe('index.html');
    expect(outputFileOf('/tin-tuc/a/')).toBe('tin-tuc/a/index.html');
    expect(outputFileOf('/tin-tuc/trang/2/')).toBe('tin-tuc/trang/2/index.html');
    expect(outputFileOf('/rss/tin-tuc.xml')).toBe('rss/tin-tuc.xml');
    expect(outputFileOf('/thu-vien-anh/a/a.zip')).toBe('thu-vien-anh/a/a.zip');
    expect(outputFileOf('/404')).toBe('404.html');
  });
});

describe('applyTargeted', () => {
  const site = 'https://thads.example';
  const page = (canonical: string, body: string) => `<html><head><link rel="canonical" href="${site}${canonical}"></head><body>${body}</body></html>`;
  function setup() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'targeted-'));
    const live = path.join(root, 'live');
    const built = path.join(root, 'built');
    const write = (dir: string, rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write(live, 'index.html', page('/', 'home v1'));
    write(live, 'tin-tuc/a/index.html', page('/tin-tuc/a/', 'a'));
    write(live, 'tin-tuc/b/index.html', page('/tin-tuc/b/', 'b'));
    write(live, '_astro/site.css', 'css');
    const state: LiveState = {
      code: 'c',
      keys: { '/': null, '/tin-tuc/a/': 'ka', '/tin-tuc/b/': 'kb' },
      sitemap: { 'index.html': { loc: `${site}/` }, 'tin-tuc/a/index.html': { loc: `${site}/tin-tuc/a/` }, 'tin-tuc/b/index.html': { loc: `${site}/tin-tuc/b/` } },
    };
    return { root, live, built, write, state };
  }
  const plan = (paths: [string, string | null][], rendered: string[]): BuildPlan => ({ targeted: true, paths: paths.map(([pathname, key]) => ({ pathname, route: 'r', type: 'page', key })), rendered });

  it('swaps in the rendered files, deletes the paths gone, rewrites the sitemap and the keys', () => {
    const { root, live, built, write, state } = setup();
    // b unpublished, c published, home re-rendered; a unchanged (not rendered).
    write(built, 'index.html', page('/', 'home v2'));
    write(built, 'tin-tuc/c/index.html', page('/tin-tuc/c/', 'c'));
    write(built, '_astro/site.css', 'css');
    const before = fs.statSync(path.join(live, '_astro/site.css')).ino;
    const result = applyTargeted(built, live, plan([['/', null], ['/tin-tuc/a/', 'ka'], ['/tin-tuc/c/', 'kc']], ['/', '/tin-tuc/c/']), state, site);
    expect(result).toEqual({ written: 2, unchanged: 1, removed: 1, rendered: 2 });
    expect(fs.readFileSync(path.join(live, 'index.html'), 'utf8')).toContain('home v2');
    expect(fs.existsSync(path.join(live, 'tin-tuc/c/index.html'))).toBe(true);
    expect(fs.existsSync(path.join(live, 'tin-tuc/b'))).toBe(false);
    expect(fs.readFileSync(path.join(live, 'tin-tuc/a/index.html'), 'utf8')).toContain('>a<');
    // An identical file is left as it is (same inode: caches and ETags stay valid).
    expect(fs.statSync(path.join(live, '_astro/site.css')).ino).toBe(before);
    const sitemap = fs.readFileSync(path.join(live, 'sitemap.xml'), 'utf8');
    expect([...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual([`${site}/`, `${site}/tin-tuc/a/`, `${site}/tin-tuc/c/`]);
    expect(state.keys).toEqual({ '/': null, '/tin-tuc/a/': 'ka', '/tin-tuc/c/': 'kc' });
    expect(fs.readdirSync(live, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('touches nothing when a script or style of the build is not live (the code changed)', () => {
    const { root, live, built, write, state } = setup();
    write(built, 'index.html', page('/', 'home v2'));
    write(built, '_astro/site.NEW.css', 'css2');
    expect(applyTargeted(built, live, plan([['/', null]], ['/']), state, site)).toEqual({ codeChanged: '_astro/site.NEW.css' });
    expect(fs.readFileSync(path.join(live, 'index.html'), 'utf8')).toContain('home v1');
    expect(fs.existsSync(path.join(live, 'tin-tuc/b/index.html'))).toBe(true);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
