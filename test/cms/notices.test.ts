/**
 * Enforcement notices and auction notices (cms/src/notices, cms/src/api/{enforcement,auction}-notice):
 * structured public types that the public reads published only; unit reporters write their own drafts;
 * an auction notice is checked on save and expires at the auction unless told otherwise; at a notice's
 * expiry the CMS tells the publisher to rebuild, by itself (cms/src/publishing/timed-rebuilds.ts). The
 * publisher here is a stand-in recording what the CMS sends (test/helpers/publisher-receiver.ts).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auctionNoticeSchema, enforcementNoticeSchema, isCurrentAt } from '@thads/shared';
import { startPublisherReceiver, type PublisherReceiver } from '../helpers/publisher-receiver.ts';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

const SECRET = crypto.randomBytes(16).toString('hex');
const ENFORCEMENT = 'api::enforcement-notice.enforcement-notice';
const AUCTION = 'api::auction-notice.auction-notice';
const CM = '/content-manager/collection-types';
let cms: TestStrapi;
let publisher: PublisherReceiver;
/** documentId of the demo district "yen-my" (content type district). */
let yenMy: string;

const auction = (over: Record<string, unknown> = {}) => ({
  title: `Thông báo đấu giá thử nghiệm ${crypto.randomBytes(3).toString('hex')}`,
  assetDescription: 'Quyền sử dụng 100 m² đất ở.',
  assetType: 'bat-dong-san',
  district: yenMy,
  location: 'Thôn Tân Phú, xã Yên Mỹ',
  startingPrice: 2_145_000_000,
  deposit: 429_000_000,
  organization: { name: 'Công ty Đấu giá hợp danh Thử nghiệm', phone: '0221 0000 000' },
  auctionAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
  auctionPlace: 'Trụ sở công ty đấu giá',
  ...over,
});

async function login(email: string, password: string) {
  const res = await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.token as string;
}

beforeAll(async () => {
  publisher = await startPublisherReceiver(SECRET);
  cms = await startStrapi({ seed: true });
  yenMy = (await cms.strapi.documents('api::district.district').findFirst({ filters: { slug: 'yen-my' }, status: 'published' } as any))!.documentId;
});

afterAll(async () => {
  await cms?.stop();
  await publisher?.stop();
});

const publicList = async (path: string, query = '') => (await api(cms.url, `/api/${path}?pagination[pageSize]=100${query}`)).body.data as any[];

describe('the demo notices', () => {
  it('are structured, parse with the shared schemas, and hold current and expired ones of each type', async () => {
    const now = Date.now();
    const notices = (await publicList('enforcement-notices')).map((n) => enforcementNoticeSchema.parse(n));
    const auctions = (await publicList('auction-notices')).map((n) => auctionNoticeSchema.parse(n));
    for (const list of [notices, auctions]) {
      expect(list.some((n) => isCurrentAt(n, now))).toBe(true);
      expect(list.some((n) => !isCurrentAt(n, now))).toBe(true);
      for (const n of list) expect(n.publishedUntil, n.title).toBeTruthy();
    }
    expect(new Set(notices.map((n) => n.kind))).toEqual(new Set(['tim-duong-su', 'nhan-tien-tai-san', 'cuong-che']));
    const withParties = notices.find((n) => n.kind === 'nhan-tien-tai-san')!;
    expect(withParties.parties!.length).toBeGreaterThan(1);
    expect(withParties.parties!.some((p) => typeof p.amount === 'number' && p.amount > 0)).toBe(true);
    expect(withParties.unit?.name).toMatch(/khu vực/);
    const boat = auctions.find((a) => a.assetType === 'phuong-tien')!;
    expect(boat.startingPrice).toBe(1_250_000_000);
    expect(boat.organization?.name).toBeTruthy();
    expect(boat.district).toEqual({ name: 'Huyện Thái Thụy (cũ)', slug: 'thai-thuy' });
  });
});

describe('the public API', () => {
  it('shows published notices only, whatever the query asks', async () => {
    const draft = await cms.strapi.documents(AUCTION).create({ data: auction({ title: 'Thông báo đấu giá chưa xuất bản' }) as any });
    const draftNotice = await cms.strapi.documents(ENFORCEMENT).create({
      data: { title: 'Thông báo tìm đương sự chưa xuất bản', kind: 'tim-duong-su', subject: 'Tìm ông A.', publishedUntil: new Date(Date.now() + 86400_000).toISOString() } as any,
    });
    for (const [path, doc] of [['auction-notices', draft], ['enforcement-notices', draftNotice]] as const) {
      for (const query of ['', '&status=draft', '&status=draft&filters[publishedAt][$null]=true']) {
        const items = await publicList(path, query);
        expect(items.map((i) => i.documentId), `${path}${query}`).not.toContain(doc.documentId);
        for (const item of items) expect(item.publishedAt).toBeTruthy();
      }
      expect((await api(cms.url, `/api/${path}/${doc.documentId}`)).status).toBe(404);
      expect((await api(cms.url, `/api/${path}`, { method: 'POST', json: { data: { title: 'x' } } })).status).toBe(403);
    }
  });
});

describe('an auction notice', () => {
  it('expires when the auction opens unless an editor sets another time', async () => {
    const a = auction();
    const created = await cms.strapi.documents(AUCTION).create({ data: a as any });
    expect(Date.parse(created.publishedUntil)).toBe(Date.parse(a.auctionAt));
    const until = new Date(Date.parse(a.auctionAt) - 86400_000).toISOString();
    const other = await cms.strapi.documents(AUCTION).create({ data: auction({ publishedUntil: until }) as any });
    expect(Date.parse(other.publishedUntil)).toBe(Date.parse(until));
  });

  it('refuses a deposit above the starting price, or viewing after the auction, in Vietnamese', async () => {
    await expect(cms.strapi.documents(AUCTION).create({ data: auction({ deposit: 3_000_000_000 }) as any })).rejects.toThrow(/Tiền đặt trước không được lớn hơn giá khởi điểm/);
    const ok = await cms.strapi.documents(AUCTION).create({ data: auction() as any });
    const late = new Date(Date.now() + 40 * 86400_000).toISOString();
    await expect(
      cms.strapi.documents(AUCTION).update({ documentId: ok.documentId, data: { viewingFrom: new Date().toISOString(), viewingUntil: late } as any }),
    ).rejects.toThrow(/Thời gian xem tài sản phải kết thúc trước thời gian tổ chức đấu giá/);
  });
});

describe('unit reporters', () => {
  it('write their own notice drafts but cannot publish them; editors publish', async () => {
    const reporter = await login('phongvien@thads-hungyen.example', 'PhongVien@2026');
    const editor = await login('bientap@thads-hungyen.example', 'BienTap@2026');
    const created = await api(cms.url, `${CM}/${AUCTION}`, { method: 'POST', token: reporter, json: auction({ title: 'Thông báo đấu giá do phóng viên soạn' }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId;
    const notice = await api(cms.url, `${CM}/${ENFORCEMENT}`, {
      method: 'POST',
      token: reporter,
      json: { title: 'Thông báo nhận tiền do phóng viên soạn', kind: 'nhan-tien-tai-san', subject: 'Nhận tiền thi hành án.', publishedUntil: new Date(Date.now() + 86400_000).toISOString() },
    });
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    expect((await api(cms.url, `${CM}/${AUCTION}/${id}/actions/publish`, { method: 'POST', token: reporter, json: {} })).status).toBe(403);
    const published = await api(cms.url, `${CM}/${AUCTION}/${id}/actions/publish`, { method: 'POST', token: editor, json: {} });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect((await api(cms.url, `/api/auction-notices/${id}`)).body.data.title).toBe('Thông báo đấu giá do phóng viên soạn');
  });
});

describe('a notice reaching its expiry', () => {
  it('makes the CMS tell the publisher to rebuild, at that time and by itself', async () => {
    const until = new Date(Date.now() + 6000);
    const docs = cms.strapi.documents(ENFORCEMENT);
    const created = await docs.create({
      data: { title: 'Thông báo cưỡng chế sắp hết hạn', kind: 'cuong-che', subject: 'Cưỡng chế giao nhà.', publishedUntil: until.toISOString() } as any,
    });
    await docs.publish({ documentId: created.documentId });
    const auctionUntil = new Date(Date.now() + 7000);
    const auctionDoc = await cms.strapi.documents(AUCTION).create({ data: auction({ publishedUntil: auctionUntil.toISOString() }) as any });
    await cms.strapi.documents(AUCTION).publish({ documentId: auctionDoc.documentId });

    const expiries = () => publisher.received.filter((r) => r.payload.reason === 'expiry');
    expect(expiries()).toEqual([]);
    const started = Date.now();
    while (expiries().length < 2) {
      expect(Date.now() - started, 'no expiry event reached the publisher').toBeLessThan(60_000);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(Date.now()).toBeGreaterThanOrEqual(auctionUntil.getTime());
    const told = expiries();
    expect(told).toHaveLength(2);
    expect(told[0]).toMatchObject({ secret: SECRET, payload: { event: 'entry.update', uid: ENFORCEMENT, entry: { documentId: created.documentId, slug: created.slug } } });
    expect(told[0]!.payload.entry.publishedAt).toBeTruthy();
    expect(told[1]).toMatchObject({ secret: SECRET, payload: { event: 'entry.update', uid: AUCTION, entry: { documentId: auctionDoc.documentId } } });
    // Still public (in the past list of the site), only no longer current.
    const still = (await api(cms.url, `/api/enforcement-notices/${created.documentId}`)).body.data;
    expect(isCurrentAt(enforcementNoticeSchema.parse(still), Date.now())).toBe(false);
  });
});
