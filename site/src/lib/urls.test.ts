import { describe, expect, it } from 'vitest';
import { pageUrl, urls } from './urls.ts';

describe('pageUrl', () => {
  it('returns the list itself for page 1 and …/trang/N/ for the others', () => {
    expect(pageUrl(urls.news, 1)).toBe('/tin-tuc/');
    expect(pageUrl(urls.news, 2)).toBe('/tin-tuc/trang/2/');
    expect(pageUrl(urls.category('tin-hoat-dong'), 3)).toBe('/chuyen-muc/tin-hoat-dong/trang/3/');
  });
});

describe('urls', () => {
  it('ends every page URL with a slash', () => {
    expect(urls.qa('a')).toBe('/hoi-dap/a/');
    expect(urls.pressRelease('b')).toBe('/bao-chi/thong-cao/b/');
    expect(urls.document('26-2008-qh12')).toBe('/van-ban/26-2008-qh12/');
  });
});
