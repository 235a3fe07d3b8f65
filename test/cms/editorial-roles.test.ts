/**
 * The two editorial roles through the admin API, as the Content Manager uses it:
 * "Biên tập viên" publishes and handles the private inboxes; "Phóng viên" writes own drafts only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, fromCms, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
const tokens: Record<string, string> = {};
const CM = '/content-manager/collection-types';
const ARTICLE = 'api::article.article';
const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung thử nghiệm.' }] }];

async function login(email: string, password: string) {
  const res = await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.token as string;
}

beforeAll(async () => {
  cms = await startStrapi({ seed: false });
  tokens.editor = await login('bientap@thads-hungyen.example', 'BienTap@2026');
  tokens.reporter = await login('phongvien@thads-hungyen.example', 'PhongVien@2026');
});

afterAll(async () => {
  await cms?.stop();
});

describe('roles are set up in code', () => {
  it('creates the two Vietnamese roles once, however often Strapi boots', async () => {
    const { syncEditorialRoles } = fromCms('bootstrap/editorial-roles');
    await syncEditorialRoles(cms.strapi);
    const roles = await cms.strapi.db.query('admin::role').findMany({ where: { code: { $in: ['thads-editor', 'thads-reporter'] } } });
    expect(roles.map((r: any) => r.name).sort()).toEqual(['Biên tập viên', 'Phóng viên']);
  });
});

describe('Biên tập viên (editor)', () => {
  it('creates, edits and publishes public content', async () => {
    const created = await api(cms.url, `${CM}/${ARTICLE}`, { method: 'POST', token: tokens.editor, json: { title: 'Tin của biên tập viên', body, format: 'tin' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId;
    expect(created.body.data.slug).toBe('tin-cua-bien-tap-vien');
    const updated = await api(cms.url, `${CM}/${ARTICLE}/${id}`, { method: 'PUT', token: tokens.editor, json: { title: 'Tin của biên tập viên (đã sửa)', body, format: 'tin' } });
    expect(updated.status).toBe(200);
    const published = await api(cms.url, `${CM}/${ARTICLE}/${id}/actions/publish`, { method: 'POST', token: tokens.editor, json: {} });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const pub = await api(cms.url, `/api/articles/${id}`);
    expect(pub.body.data.title).toBe('Tin của biên tập viên (đã sửa)');
  });

  it.each(['api::citizen-question.citizen-question', 'api::press-request.press-request', 'api::press-clipping.press-clipping', 'api::plan-task.plan-task'])('reads the private inbox %s', async (uid) => {
    const res = await api(cms.url, `${CM}/${uid}`, { token: tokens.editor });
    expect(res.status).toBe(200);
  });

  it('edits a citizen question (assigns it)', async () => {
    const q = await cms.strapi.documents('api::citizen-question.citizen-question').create({ data: { trackingCode: 'HD-TEST01', name: 'Nguyễn Văn A', question: 'Xin hỏi thời hiệu?', state: 'received' } });
    const res = await api(cms.url, `${CM}/api::citizen-question.citizen-question/${q.documentId}`, { method: 'PUT', token: tokens.editor, json: { state: 'assigned' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.state).toBe('assigned');
  });
});

describe('Phóng viên (unit reporter)', () => {
  let ownId: string;

  it('creates and edits a draft of their own', async () => {
    const created = await api(cms.url, `${CM}/${ARTICLE}`, { method: 'POST', token: tokens.reporter, json: { title: 'Bản tin của phóng viên đơn vị', body, format: 'tin' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ownId = created.body.data.documentId;
    const updated = await api(cms.url, `${CM}/${ARTICLE}/${ownId}`, { method: 'PUT', token: tokens.reporter, json: { title: 'Bản tin của phóng viên đơn vị (sửa)', body, format: 'tin' } });
    expect(updated.status).toBe(200);
  });

  it('cannot publish, not even their own draft', async () => {
    const res = await api(cms.url, `${CM}/${ARTICLE}/${ownId}/actions/publish`, { method: 'POST', token: tokens.reporter, json: {} });
    expect(res.status).toBe(403);
    expect((await api(cms.url, `/api/articles/${ownId}`)).status).toBe(404);
  });

  it("cannot edit someone else's article", async () => {
    const other = await api(cms.url, `${CM}/${ARTICLE}`, { method: 'POST', token: tokens.editor, json: { title: 'Bài của người khác', body, format: 'tin' } });
    const res = await api(cms.url, `${CM}/${ARTICLE}/${other.body.data.documentId}`, { method: 'PUT', token: tokens.reporter, json: { title: 'Sửa trộm', body, format: 'tin' } });
    expect(res.status).toBe(403);
  });

  it.each(['api::citizen-question.citizen-question', 'api::press-request.press-request', 'api::press-clipping.press-clipping', 'api::plan-task.plan-task'])('has no access to the private inbox %s', async (uid) => {
    expect((await api(cms.url, `${CM}/${uid}`, { token: tokens.reporter })).status).toBe(403);
    expect((await api(cms.url, `${CM}/${uid}`, { method: 'POST', token: tokens.reporter, json: { title: 'x' } })).status).toBe(403);
  });

  it('cannot change site settings or units', async () => {
    const res = await api(cms.url, `${CM}/api::unit.unit`, { method: 'POST', token: tokens.reporter, json: { name: 'Đơn vị giả', kind: 'division' } });
    expect(res.status).toBe(403);
    const settings = await api(cms.url, '/content-manager/single-types/api::site-setting.site-setting', { method: 'PUT', token: tokens.reporter, json: { agencyName: 'Giả mạo' } });
    expect(settings.status).toBe(403);
  });

  it('uploads a photo to the media library', async () => {
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'anh-thu.png');
    const res = await api(cms.url, '/upload', { method: 'POST', token: tokens.reporter, body: form });
    expect(res.status, res.text).toBe(201);
  });
});
