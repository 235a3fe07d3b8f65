import { describe, expect, it } from 'vitest';
import { outputFileOf } from '../../scripts/targeted.ts';
import { selectPaths } from './targeted-build.ts';

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
