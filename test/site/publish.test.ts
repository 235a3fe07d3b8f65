/**
 * Automatic publishing end to end: a real seeded Strapi whose webhook (set up at boot from PUBLISHER_URL /
 * PUBLISHER_SECRET) calls the publisher (site/publisher/server.ts) running here on 127.0.0.1:0 with a
 * temporary site folder. An editor's publish through the Content Manager API makes the page appear on the
 * served site by itself; an unpublish removes it (and from the search index); a failing build keeps the
 * previous site and the status says why; the hook wants the secret; a burst of events gives one build.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublisher, type Publisher, type PublisherStatus } from '../../site/publisher/server.ts';
import { loadPagefind, resultUrls } from '../helpers/pagefind.ts';
import { SITE_DIR } from '../helpers/site.ts';
import { api, fromCms, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

const SECRET = crypto.randomBytes(24).toString('base64url');
const CM = '/content-manager/collection-types/api::article.article';
const body = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
// A word no demo page has, to find the test article in the search index.
const MARK = 'Kiemthuxuatbantudong';

let cms: TestStrapi;
let publisher: Publisher;
let site: string;
let out: string;
let token: string;
const buildEnv: Record<string, string | undefined> = {};
const logs: string[] = [];
const latencies: number[] = [];

const hook = (payload: unknown, secret: string | null = SECRET) =>
  fetch(`${site}/_publisher/hooks/strapi`, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-publisher-secret': secret }) }, body: JSON.stringify(payload) });
const status = async (): Promise<PublisherStatus> => (await fetch(`${site}/_publisher/status`, { headers: { 'x-publisher-secret': SECRET } })).json() as Promise<PublisherStatus>;
const pageStatus = async (p: string) => (await fetch(site + p)).status;

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await check()) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; publisher log:\n${logs.slice(-20).join('\n')}\n${JSON.stringify(await status(), null, 1)}`);
}

async function searchUrls(term: string): Promise<string[]> {
  return resultUrls(await loadPagefind(out), term.toLowerCase());
}

async function createAndPublish(title: string): Promise<{ id: string; url: string; ms: number }> {
  const created = await api(cms.url, CM, { method: 'POST', token, json: { title, body: body(`${title}. ${MARK} nội dung thử.`), format: 'tin' } });
  expect(created.status, created.text).toBe(201);
  const id = created.body.data.documentId;
  const url = `/tin-tuc/${created.body.data.slug}/`;
  expect(await pageStatus(url)).toBe(404);
  const t0 = performance.now();
  const published = await api(cms.url, `${CM}/${id}/actions/publish`, { method: 'POST', token, json: {} });
  expect(published.status, published.text).toBe(200);
  await until(`${url} to appear`, async () => (await pageStatus(url)) === 200);
  return { id, url, ms: performance.now() - t0 };
}

beforeAll(async () => {
  // Inside site/, as in production: the public build and a preview build running at once then keep their
  // prerender bundles apart (see site/scripts/build.ts).
  fs.mkdirSync(path.join(SITE_DIR, '.test-builds'), { recursive: true });
  out = path.join(fs.mkdtempSync(path.join(SITE_DIR, '.test-builds', 'publish-')), 'dist');
  publisher = createPublisher({ outDir: out, secret: SECRET, buildEnv, quietMs: 1000, maxWaitMs: 10_000, retryMs: 3000, log: (m) => logs.push(m) });
  site = await publisher.listen(0, '127.0.0.1');
  process.env.PUBLISHER_URL = site;
  process.env.PUBLISHER_SECRET = SECRET;
  cms = await startStrapi({ seed: true });
  buildEnv.STRAPI_URL = cms.url;
  // Its own Astro cache, whose optimised images the test builds share (test/helpers/shared-image-cache.ts).
  buildEnv.SITE_CACHE_DIR = `${out}.astro-cache`;
  const first = await publisher.buildNow('test: first build');
  expect(first.state, JSON.stringify(first.lastError)).toBe('idle');
  token = (await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } })).body.data.token;
});

afterAll(async () => {
  await publisher?.close();
  await cms?.stop();
  delete process.env.PUBLISHER_URL;
  delete process.env.PUBLISHER_SECRET;
  if (out) fs.rmSync(path.dirname(out), { recursive: true, force: true });
  if (latencies.length) console.log(`publish-to-live (ms): ${latencies.map(Math.round).join(', ')}`);
});

describe('the Strapi webhook', () => {
  it('exists exactly once, with the secret header and the events, however often Strapi boots', async () => {
    const { ensurePublisherWebhook, PUBLISHER_WEBHOOK_NAME } = fromCms('bootstrap/publisher-webhook');
    expect(await ensurePublisherWebhook(cms.strapi)).toBe('unchanged');
    const store = cms.strapi.get('webhookStore');
    // A duplicate and a wrong URL are corrected.
    const dup = await store.createWebhook({ name: PUBLISHER_WEBHOOK_NAME, url: 'http://127.0.0.1:9/x', headers: {}, events: ['entry.create'] });
    await store.updateWebhook((await store.findWebhooks())[0].id, { ...(await store.findWebhooks())[0], url: 'http://127.0.0.1:9/y' });
    expect(await ensurePublisherWebhook(cms.strapi)).toBe('updated');
    const mine = (await store.findWebhooks()).filter((w: any) => w.name === PUBLISHER_WEBHOOK_NAME);
    expect(mine).toHaveLength(1);
    expect(mine[0].id).not.toBe(dup.id);
    expect(mine[0]).toMatchObject({ url: `${site}/_publisher/hooks/strapi`, headers: { 'X-Publisher-Secret': SECRET }, isEnabled: true });
    expect([...mine[0].events].sort()).toEqual(['entry.delete', 'entry.publish', 'entry.unpublish', 'entry.update', 'media.delete', 'media.update']);
  });
});

describe('the publisher endpoints', () => {
  it('refuse a webhook or a status request without the right secret (401)', async () => {
    expect((await hook({ event: 'entry.publish', uid: 'api::article.article' }, null)).status).toBe(401);
    expect((await hook({ event: 'entry.publish', uid: 'api::article.article' }, 'wrong')).status).toBe(401);
    expect((await fetch(`${site}/_publisher/status`)).status).toBe(401);
    expect((await status()).queue.pending).toBe(false);
  });

  it('serve the built site with its headers', async () => {
    const res = await fetch(`${site}/`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect((await fetch(`${site}/khong-co-trang-nay/`)).status).toBe(404);
  });
});

describe('publishing', () => {
  let article: { id: string; url: string; ms: number };

  it('puts a newly published article on the served site by itself', async () => {
    const before = (await status()).builds.started;
    article = await createAndPublish(`Tin xuất bản tự động ${MARK}`);
    latencies.push(article.ms);
    await publisher.scheduler.idle();
    const html = await (await fetch(site + article.url)).text();
    expect(html).toContain(`Tin xuất bản tự động ${MARK}`);
    expect(await searchUrls(MARK)).toContain(article.url);
    const s = await status();
    expect(s.state).toBe('idle');
    expect(s.lastSuccessAt).toBeTruthy();
    // The draft's creation and its publish come as a burst: one build.
    expect(s.builds.started - before).toBe(1);
  });

  it('takes an unpublished article off the site and out of the search', async () => {
    const res = await api(cms.url, `${CM}/${article.id}/actions/unpublish`, { method: 'POST', token, json: {} });
    expect(res.status, res.text).toBe(200);
    await until(`${article.url} to disappear`, async () => (await pageStatus(article.url)) === 404);
    await publisher.scheduler.idle();
    expect(await searchUrls(MARK)).not.toContain(article.url);
    expect(fs.existsSync(path.join(out, article.url, 'index.html'))).toBe(false);
  });

  it('shows an edit of a published article, and a renamed category on the pages of its articles', async () => {
    await publisher.scheduler.idle();
    const found = await api(cms.url, '/api/articles?populate=category&sort=date:desc&pagination[pageSize]=1&filters[category][slug][$notNull]=true');
    const demo = found.body.data[0];
    const url = `/tin-tuc/${demo.slug}/`;
    // An edit of the article alone: only articles are read again (src/build/changes.ts), and the page changes.
    let res = await api(cms.url, `${CM}/${demo.documentId}`, { method: 'PUT', token, json: { title: `${demo.title} (đã sửa ${MARK})` } });
    expect(res.status, res.text).toBe(200);
    res = await api(cms.url, `${CM}/${demo.documentId}/actions/publish`, { method: 'POST', token, json: {} });
    expect(res.status, res.text).toBe(200);
    await until('the edited title', async () => (await (await fetch(site + url)).text()).includes(`(đã sửa ${MARK})`));
    // A category shown inside every article of it: its rename makes a full read, and the article page shows it.
    const CAT = '/content-manager/collection-types/api::category.category';
    res = await api(cms.url, `${CAT}/${demo.category.documentId}`, { method: 'PUT', token, json: { name: `Chuyên mục đổi tên ${MARK}` } });
    expect(res.status, res.text).toBe(200);
    res = await api(cms.url, `${CAT}/${demo.category.documentId}/actions/publish`, { method: 'POST', token, json: {} });
    expect(res.status, res.text).toBe(200);
    await until('the renamed category on the article page', async () => (await (await fetch(site + url)).text()).includes(`Chuyên mục đổi tên ${MARK}`));
    await publisher.scheduler.idle();
  });

  it("keeps a renamed article's old address answering, leading to its new one", async () => {
    await publisher.scheduler.idle();
    const demo = (await api(cms.url, '/api/articles?sort=date:asc&pagination[pageSize]=1')).body.data[0];
    const from = `/tin-tuc/${demo.slug}/`;
    const to = `/tin-tuc/${demo.slug}-dia-chi-moi/`;
    let res = await api(cms.url, `${CM}/${demo.documentId}`, { method: 'PUT', token, json: { slug: `${demo.slug}-dia-chi-moi` } });
    expect(res.status, res.text).toBe(200);
    res = await api(cms.url, `${CM}/${demo.documentId}/actions/publish`, { method: 'POST', token, json: {} });
    expect(res.status, res.text).toBe(200);
    await until('the new address', async () => (await pageStatus(to)) === 200);
    const old = await fetch(site + from);
    expect(old.status).toBe(200);
    expect(await old.text()).toContain(`<meta http-equiv="refresh" content="0; url=${to}">`);
    await publisher.scheduler.idle();
  });

  it('folds a burst of events into one build', async () => {
    await publisher.scheduler.idle();
    const before = (await status()).builds.started;
    for (let i = 0; i < 6; i++) {
      const res = await hook({ event: 'entry.publish', uid: 'api::article.article', model: 'article', entry: { documentId: `burst${i}` } });
      expect(res.status).toBe(202);
      expect((await res.json()).accepted).toBe(true);
    }
    expect((await hook({ event: 'entry.publish', uid: 'api::citizen-question.citizen-question' })).status).toBe(202);
    expect((await status()).queue).toMatchObject({ pending: true, events: 6 });
    await until('the burst build', async () => (await status()).builds.started > before, 30_000);
    await publisher.scheduler.idle();
    const s = await status();
    expect(s.builds.started - before).toBe(1);
    expect(s.lastBuild?.reasons).toHaveLength(6);
  });

  it('keeps the previous site when a build fails, says so, and recovers by itself', async () => {
    await publisher.scheduler.idle();
    const live = (await fetch(`${site}/`)).headers.get('etag');
    const cmsUrl = buildEnv.STRAPI_URL;
    buildEnv.STRAPI_URL = 'http://127.0.0.1:9'; // nothing listens there
    try {
      expect((await hook({ event: 'entry.publish', uid: 'api::article.article' })).status).toBe(202);
      await until('the failed build', async () => (await status()).state === 'failed', 120_000);
    } finally {
      buildEnv.STRAPI_URL = cmsUrl;
    }
    const s = await status();
    expect(s.lastError?.message).toMatch(/Dựng trang thất bại.*giữ nguyên bản trước/);
    expect(s.retryAt).toBeTruthy();
    expect(s.lastError?.tail.join('\n')).toMatch(/127\.0\.0\.1:9/);
    // The same site is still served.
    const home = await fetch(`${site}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('etag')).toBe(live);
    expect(await pageStatus('/tin-tuc/')).toBe(200);

    // Editors see it in the admin (the widget's route).
    const relayed = await api(cms.url, '/thads/publish-status', { token });
    expect(relayed.status).toBe(200);
    expect(relayed.body.data).toMatchObject({ configured: true, reachable: true, status: { state: 'failed' } });
    expect((await api(cms.url, '/thads/publish-status')).status).toBe(401);

    // No event needed: the timed retry rebuilds once the CMS answers again, and clears the error.
    const before = (await status()).builds.started;
    await until('the recovery', async () => {
      const t = await status();
      return t.state === 'idle' && !t.queue.pending;
    }, 120_000);
    const after = await status();
    expect(after.lastError).toBeNull();
    expect(after.retryAt).toBeNull();
    expect(after.builds.started).toBeGreaterThan(before);
    expect(after.lastBuild?.reasons).toContain('tự thử lại sau lỗi');
  });
});

describe('draft preview', () => {
  const previewUrl = async (documentId: string) => {
    const res = await api(cms.url, `/content-manager/preview/url/api::article.article?documentId=${documentId}&status=draft`, { token });
    expect(res.status, res.text).toBe(200);
    return res.body.data.url as string;
  };
  /** Follows the waiting page (it reloads itself) until the preview answers for good. */
  const openPreview = async (url: string) => {
    let res!: Response;
    let html = '';
    await until('the preview', async () => {
      res = await fetch(url);
      html = await res.text();
      return !html.includes('Đang chuẩn bị bản xem trước');
    }, 180_000);
    return { res, html };
  };
  let draft: { id: string; slug: string };

  it('shows an editor the draft as the site will show it, and nobody else', async () => {
    const title = `Bản nháp xem trước ${MARK}`;
    const created = await api(cms.url, CM, { method: 'POST', token, json: { title, body: body('Đoạn nội dung chỉ có trong bản nháp.'), format: 'tin' } });
    expect(created.status, created.text).toBe(201);
    draft = { id: created.body.data.documentId, slug: created.body.data.slug };
    const link = await previewUrl(draft.id);
    expect(link.startsWith(`${site}/_preview/open?type=articles&id=${draft.id}&`)).toBe(true);

    const first = await fetch(link);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const { res, html } = await openPreview(link);
    expect(res.status, html.slice(0, 2000)).toBe(200);
    expect(html).toContain(title);
    expect(html).toContain('Đoạn nội dung chỉ có trong bản nháp.');
    expect(html).toContain('BẢN XEM TRƯỚC');
    expect(html).toMatch(/<html lang="vi"/);
    expect(res.headers.get('x-robots-tag')).toMatch(/noindex/);
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    // Its styles come from the preview's own folder and load.
    const css = /href="(\/_preview\/articles-[^"]+\.css)"/.exec(html)?.[1];
    expect(css).toBeTruthy();
    expect((await fetch(site + css)).status).toBe(200);
    // The page itself is only reachable through the link; the public site and API know nothing of it.
    expect((await fetch(`${site}/_preview/articles-${draft.id}/tin-tuc/${draft.slug}/`)).status).toBe(404);
    expect(await pageStatus(`/tin-tuc/${draft.slug}/`)).toBe(404);
    expect((await api(cms.url, `/api/articles/${draft.id}`)).status).toBe(404);
  });

  it('shows the draft as it is now when the editor opens a new link after editing', async () => {
    const res = await api(cms.url, `${CM}/${draft.id}`, { method: 'PUT', token, json: { title: `Bản nháp đã sửa ${MARK}`, body: body('Nội dung sau khi sửa.') } });
    expect(res.status, res.text).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const { html } = await openPreview(await previewUrl(draft.id));
    expect(html).toContain(`Bản nháp đã sửa ${MARK}`);
    expect(html).toContain('Nội dung sau khi sửa.');
  });

  it('refuses a forged, altered or malformed link, and the draft route without the secret', async () => {
    const link = new URL(await previewUrl(draft.id));
    const forged = new URL(link);
    forged.searchParams.set('sig', '0'.repeat(64));
    const forgedRes = await fetch(forged);
    expect(forgedRes.status).toBe(403);
    expect(await forgedRes.text()).toContain('không đúng chữ ký');
    const other = new URL(link);
    other.searchParams.set('id', 'a'.repeat(24));
    expect((await fetch(other)).status).toBe(403);
    expect((await fetch(`${site}/_preview/open?type=articles`)).status).toBe(400);
    expect((await api(cms.url, `/api/thads-preview/articles/${draft.id}`)).status).toBe(401);
    expect((await api(cms.url, `/api/thads-preview/articles/${draft.id}`, { headers: { 'x-publisher-secret': 'sai' } })).status).toBe(401);
    const withSecret = await api(cms.url, `/api/thads-preview/articles/${draft.id}`, { headers: { 'x-publisher-secret': SECRET } });
    expect(withSecret.status).toBe(200);
    expect(withSecret.body.data).toMatchObject({ documentId: draft.id, publishedAt: null });
    expect(withSecret.body.data.createdBy).toBeUndefined();
  });
});
