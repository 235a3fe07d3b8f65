/**
 * The search index of a targeted build takes the fragments of unchanged pages from the live index
 * (scripts/search-index.ts, `reuseFrom`): it must come out the same, file for file, as an index written from
 * nothing, and a fragment name that a changed page takes over must not carry the old page's content.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, htmlFiles, indexPages, SearchIndexSession, type SearchRecords } from '../../scripts/search-index.ts';

let tmp: string;
let site: string;

const page = (title: string, text: string) =>
  `<!doctype html><html lang="vi"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

function writePage(rel: string, html: string): void {
  const file = path.join(site, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, html);
}

/** Every file of an index folder, relative, with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name)));
  }
  return out;
}

function expectSameIndex(a: string, b: string): void {
  const x = filesOf(a);
  const y = filesOf(b);
  expect([...x.keys()].sort()).toEqual([...y.keys()].sort());
  for (const [name, bytes] of x) expect(bytes.equals(y.get(name)!), name).toBe(true);
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-'));
  site = path.join(tmp, 'site');
  for (let i = 0; i < 40; i++) writePage(`tin-tuc/tin-${String(i).padStart(2, '0')}/index.html`, page(`Tin số ${i}`, `Nội dung cưỡng chế thi hành án, bản tin ${i}.`));
  writePage('index.html', '<!doctype html><html lang="vi"><body><h1>Trang chủ</h1></body></html>');
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('search index with the fragments of unchanged pages taken from the live index', () => {
  it('writes only the changed pages and gives the same index as one written from nothing', async () => {
    const records = path.join(tmp, 'records.json');
    const live = path.join(tmp, 'live');
    const first = await buildSearchIndex(site, {}, live, { recordsFile: records });
    expect(first.reused).toBe(0);
    expect(first.pages).toBe(40);
    const kept = JSON.parse(fs.readFileSync(records, 'utf8')) as SearchRecords;
    // Each page's record knows its fragment, in the order of the index's pages.
    expect(indexPages(live)).toEqual(Object.keys(kept).filter((rel) => kept[rel]!.content !== null).sort().map((rel) => kept[rel]!.fragment));

    // A targeted build: one page edited (rewritten by rename: a new file), one new, one gone.
    const edited = 'tin-tuc/tin-07/index.html';
    fs.rmSync(path.join(site, edited));
    writePage(edited, page('Tin số 7 (đã sửa)', 'Nội dung đấu giá tài sản.'));
    writePage('tin-tuc/tin-40/index.html', page('Tin số 40', 'Một bản tin mới về kê biên.'));
    fs.rmSync(path.join(site, 'tin-tuc/tin-12'), { recursive: true });
    const next = path.join(tmp, 'next');
    const second = await buildSearchIndex(site, {}, next, { recordsFile: records, reuseFrom: live });
    expect(second.prepared).toBe(2);
    expect(second.reused).toBe(38);
    const fresh = path.join(tmp, 'fresh');
    await buildSearchIndex(site, {}, fresh);
    expectSameIndex(next, fresh);
    // The reused fragments are the live ones (hard links), not copies.
    const linkedOne = (kept['tin-tuc/tin-00/index.html']!.fragment as string) + '.pf_fragment';
    expect(fs.statSync(path.join(next, 'fragment', linkedOne)).ino).toBe(fs.statSync(path.join(live, 'fragment', linkedOne)).ino);
  });

  it('writes the index again without reuse when a fragment name was linked for another page', async () => {
    const records = path.join(tmp, 'records-collision.json');
    const live = path.join(tmp, 'live-collision');
    await buildSearchIndex(site, {}, live, { recordsFile: records });
    const kept = JSON.parse(fs.readFileSync(records, 'utf8')) as SearchRecords;
    const a = 'tin-tuc/tin-03/index.html';
    const b = 'tin-tuc/tin-04/index.html';
    const [fragmentA, fragmentB] = [kept[a]!.fragment!, kept[b]!.fragment!];
    // A collision of short hashes across builds, made by hand: the unchanged page a's fragment is kept under the
    // name that the changed page b's fragment gets in this build, and holds a's content.
    kept[a]!.fragment = fragmentB;
    fs.writeFileSync(records, JSON.stringify(kept));
    fs.rmSync(path.join(live, 'fragment', `${fragmentB}.pf_fragment`));
    fs.copyFileSync(path.join(live, 'fragment', `${fragmentA}.pf_fragment`), path.join(live, 'fragment', `${fragmentB}.pf_fragment`));
    // b rewritten (a new file, the same page): read again, and Pagefind names its fragment fragmentB.
    const html = fs.readFileSync(path.join(site, b));
    fs.rmSync(path.join(site, b));
    fs.writeFileSync(path.join(site, b), html);
    const next = path.join(tmp, 'next-collision');
    const result = await buildSearchIndex(site, {}, next, { recordsFile: records, reuseFrom: live });
    expect(result.reused).toBe(0);
    const fresh = path.join(tmp, 'fresh-collision');
    await buildSearchIndex(site, {}, fresh);
    expectSameIndex(next, fresh);
  });

  it('adds the pages while the build renders, the rendered ones as placeholders replaced in place, and gives the same index', async () => {
    const records = path.join(tmp, 'records-session.json');
    const live = path.join(tmp, 'live-session');
    await buildSearchIndex(site, {}, live, { recordsFile: records });
    // The plan of a targeted build: one page edited, one new page in the middle of the order, one gone, and a
    // list page (nothing to index) rewritten.
    const edited = 'tin-tuc/tin-20/index.html';
    const added = 'tin-tuc/tin-05a/index.html';
    const gone = 'tin-tuc/tin-30/index.html';
    const list = 'index.html';
    const order = [...htmlFiles(site).filter((rel) => rel !== gone), added].sort();
    const session = await SearchIndexSession.open(site, {}, path.join(tmp, 'next-session'), { recordsFile: records, reuseFrom: live });
    // While the folder still holds the live site (the new page is not there yet).
    await session.add(order, new Set([edited, added, list]));
    fs.rmSync(path.join(site, edited));
    writePage(edited, page('Tin số 20 (đã sửa)', 'Nội dung về tiền án phí.'));
    writePage(added, page('Tin số 5a', 'Bản tin chen giữa về thi hành án hành chính.'));
    fs.rmSync(path.join(site, 'tin-tuc/tin-30'), { recursive: true });
    fs.rmSync(path.join(site, list));
    writePage(list, '<!doctype html><html lang="vi"><body><h1>Trang chủ mới</h1></body></html>');
    await session.replace([edited, added, list]);
    const result = await session.finish();
    expect(result.pages).toBe(htmlFiles(site).length - 1);
    expect(result.reused).toBeGreaterThan(30);
    const fresh = path.join(tmp, 'fresh-session');
    await buildSearchIndex(site, {}, fresh);
    expectSameIndex(path.join(tmp, 'next-session'), fresh);
  });
});
