/**
 * Embargoed press releases (cms/src/publishing/embargo.ts): published ahead, absent from the public API until
 * their time, whatever the query; at that time they appear and the publisher is told to rebuild, by itself.
 * The publisher here is a small HTTP receiver recording what the CMS sends (the real publisher's handling of
 * such an event is tested in test/site/publish.test.ts).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPublisherReceiver, type PublisherReceiver } from '../helpers/publisher-receiver.ts';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

const SECRET = crypto.randomBytes(16).toString('hex');
const UID = 'api::press-release.press-release';
const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung thông cáo.' }] }];
let cms: TestStrapi;
let publisher: PublisherReceiver;

beforeAll(async () => {
  publisher = await startPublisherReceiver(SECRET);
  cms = await startStrapi({ seed: true });
});

afterAll(async () => {
  await cms?.stop();
  await publisher?.stop();
});

const publicSlugs = async (query = '') => ((await api(cms.url, `/api/press-releases?pagination[pageSize]=100${query}`)).body.data as { slug: string }[]).map((p) => p.slug);

describe('an embargoed press release', () => {
  it('stays out of the public API until its time, then appears and the publisher is told', async () => {
    const until = new Date(Date.now() + 8000);
    const docs = cms.strapi.documents(UID);
    const created = await docs.create({ data: { title: 'Thông cáo cấm đăng trước giờ G', body, embargoUntil: until.toISOString() } as any });
    await docs.publish({ documentId: created.documentId });
    const now = await docs.create({ data: { title: 'Thông cáo đăng ngay', body } as any });
    await docs.publish({ documentId: now.documentId });

    // Before: absent from lists, by id, and whatever filters or status a client asks for.
    expect(await publicSlugs()).toContain(now.slug);
    expect(await publicSlugs()).not.toContain(created.slug);
    expect(await publicSlugs(`&filters[embargoUntil][$notNull]=true`)).toEqual([]);
    expect(await publicSlugs(`&filters[$or][0][slug][$eq]=${created.slug}`)).toEqual([]);
    expect(await publicSlugs(`&status=draft`)).not.toContain(created.slug);
    expect((await api(cms.url, `/api/press-releases/${created.documentId}`)).status).toBe(404);
    expect(publisher.received.some((r) => r.payload.reason === 'embargo')).toBe(false);

    // At its time: public, and one "publish" event for it reached the publisher with the secret.
    const started = Date.now();
    while (!(await publicSlugs()).includes(created.slug)) {
      expect(Date.now() - started).toBeLessThan(60_000);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(Date.now()).toBeGreaterThanOrEqual(until.getTime());
    expect((await api(cms.url, `/api/press-releases/${created.documentId}`)).status).toBe(200);
    const deadline = Date.now() + 15_000;
    while (!publisher.received.some((r) => r.payload.reason === 'embargo') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const told = publisher.received.filter((r) => r.payload.reason === 'embargo');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ secret: SECRET, payload: { event: 'entry.publish', uid: UID, entry: { documentId: created.documentId, slug: created.slug } } });
  });
});
