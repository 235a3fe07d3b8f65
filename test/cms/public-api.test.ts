/**
 * The public role on a real Strapi with the demo content: it reads published public content,
 * never a draft whatever the query asks, and nothing of the private inboxes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
const DRAFT_TITLE = 'Bản nháp chưa duyệt: không được lộ ra ngoài';
const EDITED_MARKER = 'Đoạn sửa trong bản nháp chưa xuất bản';
let draftId: string;
let publishedId: string;
let publishedSlug: string;

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
  const articles = cms.strapi.documents('api::article.article');
  const draft = await articles.create({ data: { title: DRAFT_TITLE, body: [{ type: 'paragraph', children: [{ type: 'text', text: 'nháp' }] }], format: 'tin' } });
  draftId = draft.documentId;
  // A published article whose draft was edited afterwards: the edit must stay invisible.
  const [first] = await articles.findMany({ status: 'published', limit: 1, sort: 'date:desc' });
  publishedId = first.documentId;
  publishedSlug = first.slug;
  await articles.update({ documentId: publishedId, data: { summary: EDITED_MARKER } });
});

afterAll(async () => {
  await cms?.stop();
});

const PUBLIC_COLLECTIONS = ['articles', 'legal-qas', 'stories', 'press-releases', 'corrections', 'announcements', 'legal-documents', 'galleries', 'units', 'categories', 'topics', 'districts'];

describe('public content', () => {
  it.each(PUBLIC_COLLECTIONS)('lists published %s', async (path) => {
    const res = await api(cms.url, `/api/${path}`);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    for (const item of res.body.data) expect(item.publishedAt).toBeTruthy();
  });

  it.each(['site-setting', 'spokesperson'])('reads the %s single type', async (path) => {
    const res = await api(cms.url, `/api/${path}`);
    expect(res.status).toBe(200);
    expect(res.body.data.publishedAt).toBeTruthy();
  });

  it('populates an article with its unit, category and cover photo by default', async () => {
    const res = await api(cms.url, `/api/articles?filters[slug][$eq]=${publishedSlug}`);
    const [article] = res.body.data;
    expect(article.unit.name).toMatch(/Thi hành án|Phòng|Văn phòng/);
    expect(article.category.slug).toBeTruthy();
    expect(article.cover.image.url).toMatch(/^\/uploads\/.+\.jpg$/);
    expect(article.cover.image.width).toBe(1600);
    expect(article.cover.alt.length).toBeGreaterThan(5);
  });

  it('populates a Q&A with the legal documents it cites', async () => {
    const res = await api(cms.url, '/api/legal-qas?pagination[pageSize]=5');
    const withCitations = res.body.data.filter((q: any) => q.citations.length);
    expect(withCitations.length).toBeGreaterThan(0);
    expect(withCitations[0].citations[0].document.number).toMatch(/\//);
  });
});

describe('drafts never leak', () => {
  const queries = [
    '',
    '?status=draft',
    '?status=DRAFT',
    '?status[$eq]=draft',
    '?status=published&status=draft',
    '?publicationState=preview',
    '?filters[publishedAt][$null]=true',
    '?hasPublishedVersion=false',
    `?status=draft&filters[title][$containsi]=nháp`,
  ];

  // Newest first and a full page, so that the draft would be on the page if it leaked.
  it.each(queries)('GET /api/articles%s shows no draft', async (query) => {
    const res = await api(cms.url, `/api/articles${query}${query ? '&' : '?'}sort=updatedAt:desc&pagination[pageSize]=100`);
    expect(res.status === 200 || res.status === 400).toBe(true);
    expect(res.text).not.toContain(DRAFT_TITLE);
    expect(res.text).not.toContain(EDITED_MARKER);
  });

  it.each(['', '?status=draft'])('GET /api/articles/:documentId%s of a never-published draft is not found', async (query) => {
    const res = await api(cms.url, `/api/articles/${draftId}${query}`);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(DRAFT_TITLE);
  });

  it('GET /api/articles/:documentId?status=draft of an edited article returns the published version', async () => {
    const res = await api(cms.url, `/api/articles/${publishedId}?status=draft`);
    expect(res.status).toBe(200);
    expect(res.body.data.publishedAt).toBeTruthy();
    expect(res.text).not.toContain(EDITED_MARKER);
  });
});

describe('the public role writes nothing and reads no private inbox', () => {
  const PRIVATE = ['citizen-questions', 'press-requests', 'press-clippings', 'plan-tasks'];

  it.each(PRIVATE)('refuses every route of %s', async (path) => {
    const id = 'abc';
    const calls = [
      api(cms.url, `/api/${path}`),
      api(cms.url, `/api/${path}/${id}`),
      api(cms.url, `/api/${path}`, { method: 'POST', json: { data: { title: 'x' } } }),
      api(cms.url, `/api/${path}/${id}`, { method: 'PUT', json: { data: { title: 'x' } } }),
      api(cms.url, `/api/${path}/${id}`, { method: 'DELETE' }),
    ];
    for (const res of await Promise.all(calls)) expect([401, 403, 404]).toContain(res.status);
  });

  it.each(PUBLIC_COLLECTIONS)('refuses to create, update or delete %s', async (path) => {
    const post = await api(cms.url, `/api/${path}`, { method: 'POST', json: { data: { title: 'Tin giả', name: 'Tin giả' } } });
    expect(post.status).toBe(403);
    const list = await api(cms.url, `/api/${path}?pagination[pageSize]=1`);
    const documentId = list.body.data[0].documentId;
    expect((await api(cms.url, `/api/${path}/${documentId}`, { method: 'PUT', json: { data: { title: 'Sửa trái phép' } } })).status).toBe(403);
    expect((await api(cms.url, `/api/${path}/${documentId}`, { method: 'DELETE' })).status).toBe(403);
  });

  it('does not populate the private press clippings of a correction', async () => {
    const clipping = await cms.strapi.documents('api::press-clipping.press-clipping').create({ data: { title: 'Bài báo nội bộ bí mật', outlet: 'Báo X' } });
    const [correction] = await cms.strapi.documents('api::correction.correction').findMany({ status: 'published', limit: 1 });
    await cms.strapi.documents('api::correction.correction').update({ documentId: correction.documentId, data: { clippings: [clipping.documentId] }, status: 'published' });
    await cms.strapi.documents('api::correction.correction').publish({ documentId: correction.documentId });
    const res = await api(cms.url, `/api/corrections/${correction.documentId}?populate=*`);
    expect(res.text).not.toContain('Bài báo nội bộ bí mật');
    const res2 = await api(cms.url, `/api/corrections/${correction.documentId}?populate[clippings]=true`);
    expect(res2.text).not.toContain('Bài báo nội bộ bí mật');
  });

  it('does not let anyone sign up or upload', async () => {
    const register = await api(cms.url, '/api/auth/local/register', { method: 'POST', json: { username: 'x', email: 'x@example.com', password: 'Matkhau123' } });
    expect([403, 404, 405]).toContain(register.status);
    const upload = await api(cms.url, '/api/upload', { method: 'POST', body: new FormData() });
    expect([401, 403, 404]).toContain(upload.status);
    const files = await api(cms.url, '/api/upload/files');
    expect([401, 403, 404]).toContain(files.status);
  });
});
