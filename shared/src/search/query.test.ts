import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../text/slug.ts';
import { SEARCH_FILTERS, SEARCH_META, SEARCH_TYPE_LABELS } from './contract.ts';
import { searchKey } from './normalize.ts';
import { analyzeQuery, highlightKeys, pairPhrases, searchSite, type PagefindLike, type SearchHit } from './query.ts';

/**
 * A small Pagefind stand-in with Pagefind's matching: every query word must be on the page (as a prefix of a
 * folded word), scored by how many times the words occur, title words counting more; a quoted phrase matches
 * its words exactly and side by side.
 */
function fakePagefind(pages: { url: string; title: string; text: string; type?: string }[]): PagefindLike<SearchHit> {
  const words = (s: string) => searchKey(s).match(/[\p{L}\p{N}]+/gu) ?? [];
  const docs = pages.map((p, i) => ({ ...p, id: String(i), titleWords: words(p.title), textWords: words(`${p.title} ${p.text}`) }));
  return {
    async search(term) {
      const q = words(term ?? '');
      const phrase = /^\s*".+"\s*$/.test(term ?? '');
      const holds = (d: (typeof docs)[number]) =>
        phrase ? d.textWords.some((_, i) => q.every((w, j) => d.textWords[i + j] === w)) : q.every((w) => d.textWords.some((x) => x.startsWith(w)));
      const results = docs
        .filter(holds)
        .map((d) => ({
          id: d.id,
          score: q.reduce((s, w) => s + d.textWords.filter((x) => x.startsWith(w)).length + 5 * d.titleWords.filter((x) => x.startsWith(w)).length, 0),
          data: async () => ({ url: d.url, content: `${d.title}. ${d.text}`, meta: { [SEARCH_META.title]: d.title }, filters: { [SEARCH_FILTERS.type]: [d.type ?? SEARCH_TYPE_LABELS.article] } }),
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
    expect(a.words.filter((w) => !w.frame).map((w) => w.key)).toEqual(['tai', 'san', 'dau', 'gia', 'mua']);
    expect(analyzeQuery('xe máy có được kê biên không').question).toBe(true);
    expect(analyzeQuery('kê biên xe máy').question).toBe(false);
  });

  it('keeps an unaccented syllable that is also a content word', () => {
    // "toi da" is "tối đa", "thi" is the "thi" of "thi hành án": not the frame words "tôi", "thì".
    expect(analyzeQuery('bi tru luong toi da bao nhieu').words.find((w) => w.key === 'toi')!.frame).toBe(false);
    expect(analyzeQuery('thi hanh an').words.every((w) => !w.frame)).toBe(true);
    expect(analyzeQuery('tôi bị trừ lương').words.find((w) => w.key === 'toi')!.frame).toBe(true);
  });

  it('keeps a word of a legal term that also frames questions, with and without diacritics', () => {
    // "thế" frames "thế nào", "như thế"; "thế chấp" (mortgage) is what is asked about.
    for (const q of ['tài sản thế chấp ngân hàng có bị kê biên không', 'tai san the chap ngan hang co bi ke bien khong']) {
      const a = analyzeQuery(q);
      expect(a.question, q).toBe(true);
      expect(a.words.filter((w) => ['the', 'chap'].includes(w.key)).map((w) => w.frame), q).toEqual([false, false]);
      expect(a.core, q).toMatch(/\bth[eế] ch[aấ]p\b/);
    }
    expect(analyzeQuery('kê biên như thế có đúng không').words.filter((w) => !w.frame).map((w) => w.key)).toEqual(['ke', 'bien', 'dung']);
  });

  it('reads interrogatives and phone shorthand as the frame of a question', () => {
    const content = (q: string) => analyzeQuery(q).words.filter((w) => !w.frame).map((w) => w.key);
    // "ai" asks who; the answer names someone ("được giao cho … bảo quản"), it does not say "ai".
    expect(content('tài sản kê biên giao cho ai bảo quản')).toEqual(['tai', 'san', 'ke', 'bien', 'giao', 'cho', 'bao', 'quan']);
    expect(analyzeQuery('kế toán trừ lương chuyển tiền cho ai').question).toBe(true);
    expect(content('nộp đơn ở đâu')).toEqual(['nop', 'don']);
    expect(content('thoi han khieu nai la bao lau')).toEqual(['thoi', 'han', 'khieu', 'nai', 'la']);
    // "may" before a unit is "mấy" (how many), never "máy"; "xe may" stays a motorbike.
    expect(analyzeQuery('nguoi o tu thi may nam xac minh lai').question).toBe(true);
    expect(content('nguoi o tu thi may nam xac minh lai')).not.toContain('may');
    expect(content('xe may co bi ke bien')).toContain('may');
    const shorthand = analyzeQuery('nha duy nhat co bi ke bien ko');
    expect(shorthand.question).toBe(true);
    expect(shorthand.words.filter((w) => !w.frame).map((w) => w.key)).toEqual(['nha', 'duy', 'nhat', 'co', 'bi', 'ke', 'bien']);
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

  it('keeps in the relaxed pass a page holding most words over one holding the rarest word alone', async () => {
    const site = fakePagefind([
      { url: '/hoi-dap/bao-quan/', title: 'Tài sản kê biên giao cho người khác bảo quản', text: 'Tài sản kê biên được giao cho người thân bảo quản.', type: SEARCH_TYPE_LABELS['legal-qa'] },
      ...Array.from({ length: 6 }, (_, i) => ({ url: `/tin-tuc/${i}/`, title: `Tin ${i}`, text: 'Người dân giao tài sản cho cơ quan; kê biên, bảo quản đúng luật.' })),
      { url: '/tin-tuc/dem/', title: 'Đem theo giấy tờ', text: 'Đem tài sản đi bảo quản.' },
    ]);
    // Nine words on most pages, each weighing little; "đem" on one page, weighing more than the nine together.
    const q = 'tai san ke bien giao cho nguoi bao quan dem';
    expect((await urls(site, q))[0]).toBe('/hoi-dap/bao-quan/');
  });

  it('finds by a pair of syllables side by side a page whose syllables alone are on every page', async () => {
    // Ten news pages hold all four syllables apart (the strict pass finds them all, the reranking reads only
    // the first eight); the answer lacks "cưỡng chế" and holds the rare pair "giao con".
    const site = fakePagefind([
      ...Array.from({ length: 10 }, (_, i) => ({
        url: `/tin-tuc/${i}/`,
        title: `Cưỡng chế giao nhà ở khu vực ${i}`,
        text: 'Cơ quan thi hành án cưỡng chế giao nhà, đất cho người mua trúng đấu giá; gia đình còn con nhỏ.',
      })),
      { url: '/hoi-dap/giao-con/', title: 'Bên kia không chịu giao con theo bản án ly hôn', text: 'Người được giao nuôi con yêu cầu thi hành án.', type: SEARCH_TYPE_LABELS['legal-qa'] },
    ]);
    for (const q of ['cuong che giao con', 'cưỡng chế giao con']) {
      expect((await site.search(analyzeQuery(q).text)).results.map((r) => r.id), q).not.toContain('10');
      expect((await urls(site, q)).slice(0, 3), q).toContain('/hoi-dap/giao-con/');
    }
  });

  it('searches neighbouring words as phrases, with "đ" for a word starting with "d", never two frame words', () => {
    const pairs = pairPhrases(analyzeQuery('don yeu cau co duoc khong').words);
    expect(pairs.map((p) => p.pair)).toEqual(['don yeu', 'yeu cau', 'cau co']);
    expect(pairs[0]!.phrases).toEqual(['"don yeu"', '"đon yeu"']);
    expect(pairs[1]!.phrases).toEqual(['"yeu cau"']);
  });

  it('meets a zero-padded number of the page in the syllable pairs of the query', async () => {
    const site = fakePagefind([
      { url: '/hoi-dap/thoi-hieu/', title: 'Thời hiệu yêu cầu', text: 'Thời hiệu là 05 năm kể từ ngày bản án có hiệu lực.', type: SEARCH_TYPE_LABELS['legal-qa'] },
      { url: '/tin-tuc/nam/', title: 'Tổng kết năm', text: 'Sau 5 tháng, năm nay có yêu cầu mới: 5 việc trong năm.' },
      { url: '/tin-tuc/muoi/', title: 'Mười ngày cao điểm', text: 'Trong mười ngày, các yêu cầu được giải quyết.' },
    ]);
    expect((await urls(site, '5 năm yêu cầu'))[0]).toBe('/hoi-dap/thoi-hieu/');
    // … and a number written in words: "10 ngày" meets "mười ngày" side by side.
    expect((await urls(site, 'yêu cầu 10 ngày cao điểm'))[0]).toBe('/tin-tuc/muoi/');
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
