import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../text/slug.ts';
import { SEARCH_META, SEARCH_TYPE_LABELS } from './contract.ts';
import { searchKey } from './normalize.ts';
import { analyzeQuery, highlightKeys, searchSite, type PagefindLike, type SearchHit } from './query.ts';

/**
 * A small Pagefind stand-in with Pagefind's matching: every query word must be on the page (as a prefix of a
 * folded word), scored by how many times the words occur, title words counting more.
 */
function fakePagefind(pages: { url: string; title: string; text: string; type?: string }[]): PagefindLike<SearchHit> {
  const words = (s: string) => searchKey(s).match(/[\p{L}\p{N}]+/gu) ?? [];
  const docs = pages.map((p, i) => ({ ...p, id: String(i), titleWords: words(p.title), textWords: words(`${p.title} ${p.text}`) }));
  return {
    async search(term) {
      const q = words(term ?? '');
      const results = docs
        .filter((d) => q.every((w) => d.textWords.some((x) => x.startsWith(w))))
        .map((d) => ({
          id: d.id,
          score: q.reduce((s, w) => s + d.textWords.filter((x) => x.startsWith(w)).length + 5 * d.titleWords.filter((x) => x.startsWith(w)).length, 0),
          data: async () => ({ url: d.url, content: `${d.title}. ${d.text}`, meta: { [SEARCH_META.title]: d.title, [SEARCH_META.type]: d.type ?? SEARCH_TYPE_LABELS.article } }),
        }))
        .sort((a, b) => b.score - a.score);
      return { results };
    },
    async filters() {
      return { loai: { [SEARCH_TYPE_LABELS.article]: docs.length } };
    },
  };
}

const urls = async (pagefind: PagefindLike<SearchHit>, q: string) => Promise.all((await searchSite(pagefind, q)).results.map(async (r) => (await r.data()).url));

describe('analyzeQuery', () => {
  it('finds the question frame and keeps what the question is about', () => {
    const a = analyzeQuery('Tài sản đấu giá không ai mua thì xử lý thế nào?');
    expect(a.question).toBe(true);
    expect(a.words.filter((w) => !w.frame).map((w) => w.key)).toEqual(['tai', 'san', 'dau', 'gia', 'ai', 'mua']);
    expect(analyzeQuery('xe máy có được kê biên không').question).toBe(true);
    expect(analyzeQuery('kê biên xe máy').question).toBe(false);
  });

  it('keeps an unaccented syllable that is also a content word', () => {
    // "toi da" is "tối đa", "thi" is the "thi" of "thi hành án": not the frame words "tôi", "thì".
    expect(analyzeQuery('bi tru luong toi da bao nhieu').words.find((w) => w.key === 'toi')!.frame).toBe(false);
    expect(analyzeQuery('thi hanh an').words.every((w) => !w.frame)).toBe(true);
    expect(analyzeQuery('tôi bị trừ lương').words.find((w) => w.key === 'toi')!.frame).toBe(true);
  });

  it('highlights the words a question is about, not its frame', () => {
    expect(highlightKeys('có được hoãn thi hành án không')).toEqual(['hoan', 'thi', 'hanh', 'an']);
    expect(highlightKeys('thế nào')).toEqual(['the', 'nao']);
  });
});

describe('searchSite', () => {
  const pages = [
    { url: '/hoi-dap/dinh-gia-lai/', title: 'Yêu cầu định giá lại tài sản kê biên thì ai chịu chi phí', text: 'Chi phí định giá lại tài sản do người yêu cầu chịu.', type: SEARCH_TYPE_LABELS['legal-qa'] },
    { url: '/tin-tuc/dinh-lang/', title: 'Tu bổ đình làng', text: 'Giá vật liệu tăng, ngôi đình được sửa lại, tài sản của làng được giữ gìn; tai nạn không xảy ra; lại san nền.' },
    { url: '/hoi-dap/tu-nguyen/', title: 'Có bao nhiêu ngày để tự nguyện thi hành án', text: 'Người phải thi hành án có 10 ngày để tự nguyện thi hành.', type: SEARCH_TYPE_LABELS['legal-qa'] },
    { url: '/tin-tuc/tu-nguyen/', title: 'Tự nguyện thi hành án ở khu vực 2', text: 'Nhiều người tự nguyện thi hành án trong bao lâu nay, bao lâu cũng được.' },
    { url: '/tin-tuc/dau-gia/', title: 'Đấu giá thành công lô đất', text: 'Tài sản không ai mua sau hai lần được giảm giá rồi bán đấu giá thành công; thế nào cũng xử lý.' },
    { url: '/hoi-dap/dau-gia/', title: 'Tài sản đấu giá nhiều lần không ai mua', text: 'Người được thi hành án được nhận tài sản để trừ nợ; cơ quan thi hành án xử lý theo luật.', type: SEARCH_TYPE_LABELS['legal-qa'] },
  ];
  const pagefind = fakePagefind(pages);

  it('lets neighbouring syllables decide the reading of an unaccented query', async () => {
    const q = 'dinh gia lai tai san';
    expect(foldDiacritics(q)).toBe(q);
    const found = await urls(pagefind, q);
    // Both pages hold every syllable; only one holds them side by side.
    expect(found).toContain('/tin-tuc/dinh-lang/');
    expect(found[0]).toBe('/hoi-dap/dinh-gia-lai/');
  });

  it('finds a page that lacks one word of the query (relaxed pass)', async () => {
    const q = 'tự nguyện thi hành án có 10 ngày không';
    expect((await pagefind.search(analyzeQuery(q).text)).results).toEqual([]);
    expect((await urls(pagefind, q)).slice(0, 3)).toContain('/hoi-dap/tu-nguyen/');
  });

  it('puts an answer before news that shares the words of a question', async () => {
    const q = 'tài sản đấu giá không ai mua thì xử lý thế nào';
    const found = await urls(pagefind, q);
    expect(found.indexOf('/hoi-dap/dau-gia/')).toBeLessThan(found.indexOf('/tin-tuc/dau-gia/') >>> 0);
    expect(found[0]).toBe('/hoi-dap/dau-gia/');
  });

  it('ranks a query the same with and without diacritics', async () => {
    for (const q of ['định giá lại tài sản', 'tự nguyện thi hành án 10 ngày', 'tài sản đấu giá không ai mua']) {
      expect(await urls(pagefind, foldDiacritics(q)), q).toEqual(await urls(pagefind, q));
    }
  });

  it('finds nothing for an empty query or words the site does not hold', async () => {
    expect(await urls(pagefind, '   ')).toEqual([]);
    expect(await urls(pagefind, 'xyzw qwerty')).toEqual([]);
  });
});
