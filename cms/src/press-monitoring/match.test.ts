import { describe, expect, it } from 'vitest';
import { canonicalUrl, cleanUrl, clip, foldKey, keywordMatcher, vnDay, vnDayRange } from './match';
import { parseFeed } from './feed';
import { parseKeywords } from '@thads/shared';

describe('foldKey', () => {
  it('folds diacritics, "đ", case and punctuation', () => {
    expect(foldKey('Thi hành án – ĐẤU GIÁ tài sản, Hưng Yên!')).toBe('thi hanh an dau gia tai san hung yen');
  });
});

describe('keywordMatcher', () => {
  const matches = keywordMatcher(['thi hành án', 'Đấu giá']);
  it('finds a keyword typed with or without diacritics, in any case', () => {
    expect(matches('Cục THI HANH AN tỉnh tổ chức hội nghị')).toBe('thi hành án');
    expect(matches('Phiên dau gia quyền sử dụng đất')).toBe('Đấu giá');
  });
  it('matches whole words only', () => {
    expect(keywordMatcher(['an'])('Ban chỉ đạo họp')).toBeNull();
    expect(matches('Thi hành lệnh ánh sáng')).toBeNull();
  });
  it('never matches with no keyword', () => {
    expect(keywordMatcher([])('thi hành án')).toBeNull();
  });
});

describe('parseKeywords', () => {
  it('splits lines, commas and semicolons and keeps one of each folded form', () => {
    expect(parseKeywords(' thi hành án \nThi hanh an; Hưng  Yên,\n\n')).toEqual(['thi hành án', 'Hưng Yên']);
  });
});

describe('canonicalUrl', () => {
  it('ignores scheme, www, tracking parameters, fragment and trailing slash', () => {
    const a = canonicalUrl('https://www.Bao.vn/phap-luat/bai-1/?utm_source=rss&utm_medium=feed#binh-luan');
    expect(a).toBe('bao.vn/phap-luat/bai-1');
    expect(canonicalUrl('http://bao.vn/phap-luat/bai-1')).toBe(a);
  });
  it('keeps and sorts other parameters', () => {
    expect(canonicalUrl('https://bao.vn/tin?id=5&cat=2&fbclid=x')).toBe('bao.vn/tin?cat=2&id=5');
  });
  it('refuses what is not a web address', () => {
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('khong phai dia chi')).toBeNull();
  });
});

describe('cleanUrl', () => {
  it('drops tracking parameters and the fragment, keeps the rest', () => {
    expect(cleanUrl('http://bao.vn/a/?utm_campaign=x&p=2#top')).toBe('http://bao.vn/a/?p=2');
  });
});

describe('days in Vietnam', () => {
  it('puts 23:30 UTC on the next day', () => {
    expect(vnDay('2026-11-19T23:30:00Z')).toBe('2026-11-20');
    expect(vnDayRange('2026-11-20')).toEqual({ start: '2026-11-19T17:00:00.000Z', end: '2026-11-20T17:00:00.000Z' });
  });
});

describe('clip', () => {
  it('cuts at a word with an ellipsis', () => {
    expect(clip('một hai ba bốn năm', 10)).toBe('một hai…');
  });
});

describe('parseFeed', () => {
  it('reads RSS 2.0 items with title, link, summary without markup and date', async () => {
    const items = await parseFeed(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo</title>
      <item><title>Thi hành án &amp; đấu giá</title><link>https://bao.vn/a</link><description><![CDATA[<p>Tóm <b>tắt</b></p>]]></description><pubDate>Fri, 20 Nov 2026 01:00:00 GMT</pubDate></item>
      <item><description>không có tiêu đề</description></item></channel></rss>`);
    expect(items).toEqual([{ title: 'Thi hành án & đấu giá', link: 'https://bao.vn/a', summary: 'Tóm tắt', date: '2026-11-20T01:00:00.000Z' }]);
  });
  it('reads Atom entries', async () => {
    const items = await parseFeed(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><title>Tin Atom</title><link href="https://bao.vn/b"/><summary>Tóm tắt Atom</summary><updated>2026-11-20T08:00:00+07:00</updated></entry></feed>`);
    expect(items).toEqual([{ title: 'Tin Atom', link: 'https://bao.vn/b', summary: 'Tóm tắt Atom', date: '2026-11-20T01:00:00.000Z' }]);
  });
  it('refuses a page that is not a feed, in Vietnamese', async () => {
    await expect(parseFeed('<html><body>Trang chủ</body></html>')).rejects.toThrow(/không phải nguồn tin RSS hoặc Atom/);
  });
});
