/**
 * Press monitoring on a real Strapi with the demo content. A local HTTP server (node:http on 127.0.0.1)
 * stands in for the outlets on the internet: an RSS 2.0 and an Atom feed with matching, non-matching and
 * duplicate items, and feeds that fail in each way. Checked: the import keeps exactly the matching items once
 * (same address with tracking parameters, same title in two outlets the same day → merged), a second import
 * adds nothing, a failing feed is reported per outlet without stopping the others, the demo outlets stay
 * untouched (inactive); the "start a correction" action; the daily digest and its HTML and DOCX exports;
 * permissions.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cmsRequire, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

const CLIPPING = 'api::press-clipping.press-clipping';
const OUTLET = 'api::press-outlet.press-outlet';
const CORRECTION = 'api::correction.correction';
const A = 'Báo Kiểm thử A';
const B = 'Báo Kiểm thử B';
const DAY = '2026-11-18';

let cms: TestStrapi;
let feeds: http.Server;
let base: string;
const hits: Record<string, number> = {};
const tokens: Record<string, string> = {};
const login = async (email: string, password: string) => (await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } })).body.data.token as string;

const rssItem = (title: string, link: string, date: string, description = '') =>
  `<item><title>${title}</title><link>${link}</link><description><![CDATA[${description}]]></description><pubDate>${new Date(date).toUTCString()}</pubDate></item>`;
const atomEntry = (title: string, link: string, date: string, summary = '') =>
  `<entry><title>${title}</title><link rel="alternate" href="${link}"/><id>${link}</id><updated>${date}</updated><summary>${summary}</summary></entry>`;

const RSS_A = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Báo Kiểm thử A</title><link>https://bao-a.example</link><description>Pháp luật</description>
${rssItem('Thi hành án tỉnh Hưng Yên thu hồi 50 tỷ đồng', 'https://bao-a.example/tin/1?utm_source=rss&amp;utm_medium=feed', `${DAY}T09:00:00+07:00`, '<p>Kết quả <b>10 tháng</b> năm 2026.</p>')}
${rssItem('Giá vàng hôm nay tăng mạnh', 'https://bao-a.example/tin/2', `${DAY}T09:30:00+07:00`, 'Thị trường')}
${rssItem('Phiên dau gia quyen su dung dat tai xa Doan Dao', 'https://bao-a.example/tin/3', `${DAY}T10:00:00+07:00`, 'Tài sản kê biên')}
${rssItem('Thi hành án tỉnh Hưng Yên thu hồi 50 tỷ đồng', 'http://www.bao-a.example/tin/1/#binh-luan', `${DAY}T09:00:00+07:00`, 'Bản lặp')}
${rssItem('Cưỡng chế nhà ở xã Tân Lập – người dân phản ánh', 'https://bao-a.example/tin/5', `${DAY}T11:00:00+07:00`, 'Người dân phản ánh việc cưỡng chế.')}
${rssItem('Chấp hành viên được khen thưởng', 'https://bao-a.example/tin/6', `${DAY}T12:00:00+07:00`, 'Đã ghi tay trước đó')}
</channel></rss>`;

const ATOM_B = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Báo Kiểm thử B</title><id>urn:bao-b</id><updated>${DAY}T12:00:00+07:00</updated>
${atomEntry('Cưỡng chế nhà ở xã Tân Lập: người dân phản ánh', 'https://bao-b.example/phap-luat/tan-lap', `${DAY}T15:00:00+07:00`, 'Cùng sự việc')}
${atomEntry('Hưng Yên thu hồi hàng chục tỷ đồng tiền thi hành án', 'https://bao-a.example/tin/1?utm_campaign=lai', `${DAY}T16:00:00+07:00`, 'Dẫn lại tin của báo A')}
${atomEntry('Thời tiết cuối tuần', 'https://bao-b.example/thoi-tiet', `${DAY}T16:30:00+07:00`, 'Nắng')}
${atomEntry('Thi hành án tỉnh Hưng Yên thu hồi 50 tỷ đồng', 'https://bao-b.example/phap-luat/thu-hoi-50-ty', '2026-11-21T08:00:00+07:00', 'Ba ngày sau')}
</feed>`;

function serveFeeds(req: http.IncomingMessage, res: http.ServerResponse) {
  const path = req.url ?? '/';
  hits[path] = (hits[path] ?? 0) + 1;
  switch (path) {
    case '/a.rss':
      return res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(RSS_A);
    case '/b.atom':
      return res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM_B);
    case '/inactive.rss':
      return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS_A);
    case '/error.rss':
      return res.writeHead(500).end('Lỗi máy chủ');
    case '/page.html':
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html><body><p>Trang chủ, không phải nguồn tin</p></body></html>');
    case '/huge.rss':
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(`<rss version="2.0"><channel>${'<item><title>thi hành án</title></item>'.repeat(20_000)}</channel></rss>`);
    case '/slow.rss':
      return; // never answers
    default:
      return res.writeHead(404).end();
  }
}

async function createOutlet(name: string, feedPath: string | null, active = true, keywords: string | null = null) {
  return cms.strapi.documents(OUTLET).create({ data: { name, feedUrl: feedPath ? (feedPath.startsWith('http') ? feedPath : `${base}${feedPath}`) : null, active, keywords } });
}

const importNow = (token = tokens.editor) => api(cms.url, '/thads/press/import', { method: 'POST', token });
const ours = () => cms.strapi.documents(CLIPPING).findMany({ filters: { outlet: { $in: [A, B] } }, populate: ['alsoIn'], sort: ['id:asc'], limit: 100 });
const byOutlet = (report: any, name: string) => report.outlets.find((o: any) => o.outlet === name);

beforeAll(async () => {
  feeds = http.createServer(serveFeeds);
  await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
  process.env.PRESS_FEED_TIMEOUT_MS = '1500';
  process.env.PRESS_FEED_MAX_BYTES = '200000';
  cms = await startStrapi({ seed: true });
  tokens.editor = await login('bientap@thads-hungyen.example', 'BienTap@2026');
  tokens.reporter = await login('phongvien@thads-hungyen.example', 'PhongVien@2026');
});
afterAll(async () => {
  await cms?.stop();
  feeds?.closeAllConnections();
  await new Promise((resolve) => feeds?.close(resolve));
  delete process.env.PRESS_FEED_TIMEOUT_MS;
  delete process.env.PRESS_FEED_MAX_BYTES;
});

describe('demo content', () => {
  it('has global keywords and outlets that are all inactive, so that a start fetches nothing', async () => {
    const setting = await cms.strapi.documents('api::press-monitoring-setting.press-monitoring-setting').findFirst({});
    expect(setting.keywords).toContain('thi hành án');
    const outlets = await cms.strapi.documents(OUTLET).findMany({ limit: 100 });
    expect(outlets.length).toBeGreaterThanOrEqual(3);
    expect(outlets.every((o: any) => o.active === false)).toBe(true);
  });
});

describe('outlets', () => {
  it('refuses a feed address that is not http(s), in Vietnamese', async () => {
    const res = await api(cms.url, `/content-manager/collection-types/${OUTLET}`, { method: 'POST', token: tokens.editor, json: { name: 'Báo địa chỉ sai', feedUrl: 'ftp://bao.example/rss' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Địa chỉ nguồn tin \(RSS\/Atom\): phải là địa chỉ http/);
  });
});

describe('import from the outlets feeds', () => {
  let first: any;

  beforeAll(async () => {
    await createOutlet(A, '/a.rss', true, 'đấu giá');
    await createOutlet(B, '/b.atom');
    await createOutlet('Báo trả lỗi', '/error.rss');
    await createOutlet('Báo không kết nối được', 'http://127.0.0.1:1/rss');
    await createOutlet('Báo gửi trang web', '/page.html');
    await createOutlet('Báo quá lớn', '/huge.rss');
    await createOutlet('Báo quá chậm', '/slow.rss');
    await createOutlet('Báo chưa có nguồn', null);
    await createOutlet('Báo tạm ngừng theo dõi', '/inactive.rss', false);
    // Recorded by hand before the import: the feed's copy must not duplicate it.
    await cms.strapi.documents(CLIPPING).create({ data: { title: 'Chấp hành viên được khen thưởng', outlet: A, url: 'https://bao-a.example/tin/6', date: `${DAY}T12:00:00+07:00`, tone: 'tich-cuc' } });
    const res = await importNow();
    expect(res.status, res.text).toBe(200);
    first = res.body.data;
  });

  it('stores the matching items once, merging the same story from another outlet', async () => {
    const clippings = await ours();
    expect(clippings.map((c: any) => [c.outlet, c.title]).sort()).toEqual(
      [
        [A, 'Chấp hành viên được khen thưởng'],
        [A, 'Cưỡng chế nhà ở xã Tân Lập – người dân phản ánh'],
        [A, 'Phiên dau gia quyen su dung dat tai xa Doan Dao'],
        [A, 'Thi hành án tỉnh Hưng Yên thu hồi 50 tỷ đồng'],
        [B, 'Thi hành án tỉnh Hưng Yên thu hồi 50 tỷ đồng'],
      ].sort(),
    );
    const recovered = clippings.find((c: any) => c.outlet === A && c.title.startsWith('Thi hành án'));
    expect(recovered.url).toBe('https://bao-a.example/tin/1');
    expect(recovered.summary).toBe('Kết quả 10 tháng năm 2026.');
    expect(recovered.tone).toBe('trung-tinh');
    expect(recovered.alsoIn.map((s: any) => [s.outlet, s.url])).toEqual([[B, 'https://bao-a.example/tin/1']]);
    const coercion = clippings.find((c: any) => c.title.startsWith('Cưỡng chế'));
    expect(coercion.alsoIn.map((s: any) => [s.outlet, s.url])).toEqual([[B, 'https://bao-b.example/phap-luat/tan-lap']]);
    // The same title three days later is another clipping.
    expect(clippings.find((c: any) => c.outlet === B).date).toBe('2026-11-21T01:00:00.000Z');
  });

  it('reports what it did per outlet', () => {
    expect(byOutlet(first, A)).toMatchObject({ ok: true, items: 6, matched: 5, created: 3, merged: 0, skipped: 2 });
    expect(byOutlet(first, B)).toMatchObject({ ok: true, items: 4, matched: 3, created: 1, merged: 2, skipped: 0 });
    expect(byOutlet(first, A).message).toBe('6 bài trong nguồn tin, 5 bài có từ khoá: 3 tin mới, 0 tin gộp với tin đã có, 2 tin đã có.');
    expect(first.totals).toEqual({ created: 4, merged: 2, skipped: 2, errors: 6 });
  });

  it('reports each failing feed with its reason, in Vietnamese, without stopping the others', async () => {
    expect(byOutlet(first, 'Báo trả lỗi')).toMatchObject({ ok: false, error: 'Nguồn tin trả lời lỗi HTTP 500.' });
    expect(byOutlet(first, 'Báo không kết nối được').error).toMatch(/^Không kết nối được tới nguồn tin/);
    expect(byOutlet(first, 'Báo gửi trang web').error).toBe('Nội dung tải về không phải nguồn tin RSS hoặc Atom hợp lệ.');
    expect(byOutlet(first, 'Báo quá lớn').error).toMatch(/^Nguồn tin quá lớn/);
    expect(byOutlet(first, 'Báo quá chậm').error).toMatch(/^Quá thời gian chờ/);
    expect(byOutlet(first, 'Báo chưa có nguồn').error).toMatch(/^Chưa khai báo địa chỉ nguồn tin/);
    const failed = await cms.strapi.db.query(OUTLET).findOne({ where: { name: 'Báo trả lỗi' } });
    expect(failed.lastImportOk).toBe(false);
    expect(failed.lastImportResult).toBe('Lỗi: Nguồn tin trả lời lỗi HTTP 500.');
    expect(failed.lastImportAt).toBeTruthy();
  });

  it('leaves inactive outlets alone, the demo ones included', () => {
    expect(hits['/inactive.rss']).toBeUndefined();
    expect(first.outlets.map((o: any) => o.outlet)).not.toContain('Báo tạm ngừng theo dõi');
    expect(first.outlets.map((o: any) => o.outlet)).not.toContain('Báo Hưng Yên');
  });

  it('adds nothing when run again', async () => {
    const before = await cms.strapi.db.query(CLIPPING).count();
    // Without its title key, the story merged from B is still known by B's address among its other sources.
    const coercion = (await ours()).find((c: any) => c.title.startsWith('Cưỡng chế'));
    await cms.strapi.db.query(CLIPPING).update({ where: { id: coercion.id }, data: { titleKey: 'tieu de da doi' } });
    const again = (await importNow()).body.data;
    expect(await cms.strapi.db.query(CLIPPING).count()).toBe(before);
    expect(byOutlet(again, A)).toMatchObject({ created: 0, merged: 0, skipped: 5 });
    expect(byOutlet(again, B)).toMatchObject({ created: 0, merged: 0, skipped: 3 });
    const recovered = (await ours()).find((c: any) => c.outlet === A && c.title.startsWith('Thi hành án'));
    expect(recovered.alsoIn).toHaveLength(1);
  });

  it('is refused to a unit reporter and to anyone not logged in', async () => {
    expect((await importNow(tokens.reporter)).status).toBe(403);
    expect((await api(cms.url, '/thads/press/import', { method: 'POST' })).status).toBe(401);
  });
});

describe('a correction from a clipping', () => {
  let clippingId: string;
  let correctionId: string;

  it('creates a draft correction pre-filled from the clipping and linked to it', async () => {
    const coercion = (await ours()).find((c: any) => c.title.startsWith('Cưỡng chế'));
    clippingId = coercion.documentId;
    await cms.strapi.documents(CLIPPING).update({ documentId: clippingId, data: { tone: 'tieu-cuc', needsResponse: true } });
    const res = await api(cms.url, `/thads/press/clippings/${clippingId}/to-correction`, { method: 'POST', token: tokens.editor });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.created).toBe(true);
    correctionId = res.body.data.documentId;
    const correction = await cms.strapi.documents(CORRECTION).findOne({ documentId: correctionId, populate: ['appearances', 'clippings'] });
    expect(correction.publishedAt).toBeNull();
    expect(correction.title).toBe('Cải chính thông tin: Cưỡng chế nhà ở xã Tân Lập – người dân phản ánh');
    expect(correction.falseClaim).toContain('Người dân phản ánh việc cưỡng chế.');
    expect(correction.appearances.map((a: any) => [a.outlet, a.url])).toEqual([
      [A, 'https://bao-a.example/tin/5'],
      [B, 'https://bao-b.example/phap-luat/tan-lap'],
    ]);
    expect(correction.clippings.map((c: any) => c.documentId)).toEqual([clippingId]);
    expect((await api(cms.url, `/api/corrections/${correctionId}`)).status).toBe(404);
  });

  it('opens the same correction when asked again', async () => {
    const res = await api(cms.url, `/thads/press/clippings/${clippingId}/to-correction`, { method: 'POST', token: tokens.editor });
    expect(res.body.data).toEqual({ documentId: correctionId, created: false });
  });

  it('refuses a positive clipping that needs no response, in Vietnamese', async () => {
    const praised = (await ours()).find((c: any) => c.title === 'Chấp hành viên được khen thưởng');
    const res = await api(cms.url, `/thads/press/clippings/${praised.documentId}/to-correction`, { method: 'POST', token: tokens.editor });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Chỉ tạo cải chính từ tin tiêu cực/);
  });

  it('is refused to a unit reporter and to anyone not logged in', async () => {
    expect((await api(cms.url, `/thads/press/clippings/${clippingId}/to-correction`, { method: 'POST', token: tokens.reporter })).status).toBe(403);
    expect((await api(cms.url, `/thads/press/clippings/${clippingId}/to-correction`, { method: 'POST' })).status).toBe(401);
  });
});

describe('the daily digest', () => {
  it('lists the day’s clippings by tone, negative first, those needing a response first', async () => {
    const res = await api(cms.url, `/thads/press/digest?date=${DAY}`, { token: tokens.editor });
    expect(res.status, res.text).toBe(200);
    const digest = res.body.data;
    expect(digest.date).toBe(DAY);
    expect(digest.dateLabel).toBe('Thứ Tư, 18/11/2026');
    expect(digest.total).toBe(4);
    expect(digest.needsResponse).toBe(1);
    expect(digest.groups.map((g: any) => [g.tone, g.label, g.items.length])).toEqual([
      ['tieu-cuc', 'Tiêu cực', 1],
      ['trung-tinh', 'Trung tính', 2],
      ['tich-cuc', 'Tích cực', 1],
    ]);
    const negative = digest.groups[0].items[0];
    expect(negative).toMatchObject({ title: 'Cưỡng chế nhà ở xã Tân Lập – người dân phản ánh', outlet: A, needsResponse: true, url: 'https://bao-a.example/tin/5' });
    expect(negative.alsoIn[0].outlet).toBe(B);
    expect(negative.corrections).toHaveLength(1);
  });

  it('offers the latest day with clippings when the day asked has none', async () => {
    const res = await api(cms.url, '/thads/press/digest?date=2026-11-19', { token: tokens.editor });
    expect(res.body.data.total).toBe(0);
    expect(res.body.data.latestDate).toBe(DAY);
  });

  it('refuses a date that is not one, in Vietnamese', async () => {
    const res = await api(cms.url, '/thads/press/digest?date=18-11-2026', { token: tokens.editor });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Ngày không hợp lệ/);
  });

  it('exports a standalone printable HTML page holding the clippings', async () => {
    const res = await fetch(`${cms.url}/thads/press/digest/export/html?date=${DAY}`, { headers: { authorization: `Bearer ${tokens.editor}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="diem-bao-${DAY}.html"`);
    const html = await res.text();
    expect(html).toContain('ĐIỂM BÁO NGÀY 18/11/2026');
    expect(html).toContain('THI HÀNH ÁN DÂN SỰ TỈNH HƯNG YÊN');
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    for (const title of ['Cưỡng chế nhà ở xã Tân Lập – người dân phản ánh', 'Thi hành án tỉnh Hưng Yên thu hồi 50 tỷ đồng', 'Chấp hành viên được khen thưởng']) expect(html).toContain(title);
    expect(html.indexOf('Tin tiêu cực')).toBeGreaterThan(0);
    expect(html.indexOf('Tin tiêu cực')).toBeLessThan(html.indexOf('Tin tích cực'));
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
  });

  it('exports a DOCX report with the administrative header and the clippings', async () => {
    const res = await fetch(`${cms.url}/thads/press/digest/export/docx?date=${DAY}`, { headers: { authorization: `Bearer ${tokens.editor}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const JSZip = cmsRequire('jszip');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml: string = await zip.file('word/document.xml').async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('ĐIỂM BÁO NGÀY 18/11/2026');
    expect(text).toContain('THI HÀNH ÁN DÂN SỰ TỈNH HƯNG YÊN');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('I. TIN TIÊU CỰC (1)');
    for (const title of ['Cưỡng chế nhà ở xã Tân Lập – người dân phản ánh', 'Thi hành án tỉnh Hưng Yên thu hồi 50 tỷ đồng', 'Phiên dau gia quyen su dung dat tai xa Doan Dao']) expect(text).toContain(title);
    expect(text).toContain('(Cần phản hồi)');
  });

  it('is refused to a unit reporter and to anyone not logged in', async () => {
    expect((await api(cms.url, `/thads/press/digest?date=${DAY}`, { token: tokens.reporter })).status).toBe(403);
    expect((await api(cms.url, `/thads/press/digest/export/docx?date=${DAY}`, { token: tokens.reporter })).status).toBe(403);
    expect((await api(cms.url, `/thads/press/digest?date=${DAY}`)).status).toBe(401);
  });
});

describe('privacy', () => {
  it.each(['press-clippings', 'press-outlets', 'press-monitoring-setting'])('the public cannot read or write %s', async (path) => {
    const calls = [
      api(cms.url, `/api/${path}`),
      api(cms.url, `/api/${path}/abc`),
      api(cms.url, `/api/${path}`, { method: 'POST', json: { data: { name: 'x', title: 'x' } } }),
      api(cms.url, `/api/${path}`, { method: 'PUT', json: { data: { keywords: 'x' } } }),
    ];
    for (const res of await Promise.all(calls)) expect([401, 403, 404, 405]).toContain(res.status);
  });

  it('keeps outlets and clippings from unit reporters in the admin', async () => {
    expect((await api(cms.url, `/content-manager/collection-types/${OUTLET}`, { token: tokens.reporter })).status).toBe(403);
    expect((await api(cms.url, `/content-manager/collection-types/${CLIPPING}`, { token: tokens.reporter })).status).toBe(403);
    expect((await api(cms.url, '/thads/press/outlets', { token: tokens.reporter })).status).toBe(403);
    const outlets = await api(cms.url, '/thads/press/outlets', { token: tokens.editor });
    expect(outlets.body.data.find((o: any) => o.name === 'Báo trả lỗi')).toMatchObject({ active: true, lastImportOk: false });
  });
});
