import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { collectEntries, pathOfHtmlFile, readPageHead, sitemapFiles, urlsetXml } from './sitemap.ts';

const SITE = 'https://thads.example/';
const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

const page = (head: string) => `<!doctype html><html lang="vi"><head><meta charset="utf-8">${head}</head><body><p>x</p></body></html>`;

describe('readPageHead', () => {
  it('reads the canonical URL and the last change', () => {
    expect(
      readPageHead(page('<link rel="canonical" href="https://thads.example/a/?x=1&amp;y=2"><meta property="article:modified_time" content="2026-01-14T21:05:00+07:00">')),
    ).toEqual({ noindex: false, canonical: 'https://thads.example/a/?x=1&y=2', modified: '2026-01-14T21:05:00+07:00' });
  });

  it('sees a robots noindex, whatever the other directives', () => {
    expect(readPageHead(page('<meta name="robots" content="noindex">')).noindex).toBe(true);
    expect(readPageHead(page('<meta name="ROBOTS" content="noindex, follow">')).noindex).toBe(true);
    expect(readPageHead(page('<meta name="robots" content="none">')).noindex).toBe(true);
    expect(readPageHead(page('<meta name="robots" content="index, follow">')).noindex).toBe(false);
  });

  it('ignores what is in the body', () => {
    expect(readPageHead(`${page('')}<meta name="robots" content="noindex">`).noindex).toBe(false);
  });
});

describe('pathOfHtmlFile', () => {
  it('maps built files to the site paths', () => {
    expect(pathOfHtmlFile('index.html')).toBe('/');
    expect(pathOfHtmlFile(path.join('tin-tuc', 'a', 'index.html'))).toBe('/tin-tuc/a/');
    expect(pathOfHtmlFile('404.html')).toBe('/404.html');
  });
});

describe('urlsetXml', () => {
  it('escapes URLs and parses back as a sitemap', () => {
    const xml = urlsetXml([{ loc: 'https://thads.example/a/?x=1&y=<2>', lastmod: '2026-01-14T21:05:00+07:00' }, { loc: 'https://thads.example/b/' }]);
    const doc = parser.parse(xml);
    expect(doc.urlset['@_xmlns'] ?? 'http://www.sitemaps.org/schemas/sitemap/0.9').toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.urlset.url).toEqual([{ loc: 'https://thads.example/a/?x=1&y=<2>', lastmod: '2026-01-14T21:05:00+07:00' }, { loc: 'https://thads.example/b/' }]);
  });
});

describe('sitemapFiles', () => {
  const entries = ['c', 'a', 'e', 'b', 'd'].map((s, i) => ({ loc: `${SITE}${s}/`, lastmod: `2026-01-0${i + 1}T00:00:00+07:00` }));

  it('writes one sorted urlset while under the limit', () => {
    const files = sitemapFiles(entries, SITE);
    expect([...files.keys()]).toEqual(['sitemap.xml']);
    expect(parser.parse(files.get('sitemap.xml')!).urlset.url.map((u: { loc: string }) => u.loc)).toEqual(['a', 'b', 'c', 'd', 'e'].map((s) => `${SITE}${s}/`));
  });

  it('splits into an index of files over the limit, each index entry with its latest change', () => {
    const files = sitemapFiles(entries, SITE, 2);
    expect([...files.keys()].sort()).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml']);
    const index = parser.parse(files.get('sitemap.xml')!).sitemapindex.sitemap;
    expect(index.map((s: { loc: string }) => s.loc)).toEqual([1, 2, 3].map((n) => `${SITE}sitemap-${n}.xml`));
    // a (2026-01-02) and b (2026-01-04) are in the first file.
    expect(index[0].lastmod).toBe('2026-01-04T00:00:00+07:00');
    const all = [1, 2, 3].flatMap((n) => parser.parse(files.get(`sitemap-${n}.xml`)!).urlset.url.map((u: { loc: string }) => u.loc));
    expect(all).toHaveLength(5);
  });
});

describe('collectEntries', () => {
  let dir: string | undefined;
  afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('lists indexable pages by canonical URL and leaves out noindex pages and the noindex paths', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitemap-'));
    const write = (rel: string, html: string) => {
      fs.mkdirSync(path.dirname(path.join(dir!, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir!, rel), html);
    };
    write('index.html', page(`<link rel="canonical" href="${SITE}">`));
    write('tin-tuc/a/index.html', page(`<link rel="canonical" href="${SITE}tin-tuc/a/"><meta property="article:modified_time" content="2026-01-14T21:05:00+07:00">`));
    write('bi-mat/index.html', page(`<meta name="robots" content="noindex">`));
    // A page of a noindex path that forgot its meta stays out all the same.
    write('tim-kiem/index.html', page(`<link rel="canonical" href="${SITE}tim-kiem/">`));
    write('404.html', page('<meta name="robots" content="noindex">'));
    write('rss/tin-tuc.xml', '<rss/>');
    expect(collectEntries(dir).sort((a, b) => a.loc.localeCompare(b.loc))).toEqual([
      { loc: SITE, lastmod: undefined },
      { loc: `${SITE}tin-tuc/a/`, lastmod: '2026-01-14T21:05:00+07:00' },
    ]);
  });
});
