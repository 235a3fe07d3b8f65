/**
 * The change history on a real Strapi, through the admin API as the Content Manager uses it: every create,
 * update (with the fields really changed), publish, unpublish and delete is recorded with the right person
 * (editor, reporter, citizen through a public form, the system); editors read it filtered and paged;
 * reporters cannot; nobody can change it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cmsRequire, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
const CM = '/content-manager/collection-types';
const ARTICLE = 'api::article.article';
const HISTORY = 'api::history-entry.history-entry';
const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung thử nghiệm.' }] }];
const tokens: Record<string, string> = {};
const users: Record<string, { id: number; name: string }> = {};

async function login(email: string, password: string) {
  const res = await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } });
  expect(res.status, res.text).toBe(200);
  const { user, token } = res.body.data;
  return { token: token as string, id: user.id as number, name: `${user.firstname ?? ''} ${user.lastname ?? ''}`.trim() };
}

/** The history rows of one document, oldest first, straight from the database. */
const rowsOf = async (documentId: string) => cms.strapi.db.query(HISTORY).findMany({ where: { targetDocumentId: documentId }, orderBy: [{ id: 'asc' }] });

beforeAll(async () => {
  cms = await startStrapi({ seed: false });
  for (const [key, email, password] of [
    ['editor', 'bientap@thads-hungyen.example', 'BienTap@2026'],
    ['reporter', 'phongvien@thads-hungyen.example', 'PhongVien@2026'],
    ['admin', 'quantri@thads-hungyen.example', 'QuanTri@2026'],
  ] as const) {
    const { token, id, name } = await login(email, password);
    tokens[key] = token;
    users[key] = { id, name };
  }
});

afterAll(async () => {
  await cms?.stop();
});

describe('every action is recorded with who did it', () => {
  let articleId: string;

  it('records an editor creating, editing, publishing, unpublishing and deleting an article', async () => {
    const created = await api(cms.url, `${CM}/${ARTICLE}`, { method: 'POST', token: tokens.editor, json: { title: 'Tin lịch sử', body, format: 'tin' } });
    expect(created.status, created.text).toBe(201);
    articleId = created.body.data.documentId;

    // The Content Manager sends the whole form back: only the field really changed is reported.
    const form = (await api(cms.url, `${CM}/${ARTICLE}/${articleId}`, { token: tokens.editor })).body.data;
    const { id: _id, documentId: _d, createdAt: _c, updatedAt: _u, publishedAt: _p, createdBy: _cb, updatedBy: _ub, localizations: _l, locale: _lo, status: _s, ...rest } = form;
    // As the admin does: relations (read back as counts) are sent as empty connect/disconnect lists.
    const sent = Object.fromEntries(Object.entries(rest).map(([k, v]: [string, any]) => [k, v && typeof v === 'object' && 'count' in v ? { connect: [], disconnect: [] } : v]));
    const updated = await api(cms.url, `${CM}/${ARTICLE}/${articleId}`, { method: 'PUT', token: tokens.editor, json: { ...sent, summary: 'Tóm tắt mới của tin.' } });
    expect(updated.status, updated.text).toBe(200);

    expect((await api(cms.url, `${CM}/${ARTICLE}/${articleId}/actions/publish`, { method: 'POST', token: tokens.editor, json: {} })).status).toBe(200);
    expect((await api(cms.url, `${CM}/${ARTICLE}/${articleId}/actions/unpublish`, { method: 'POST', token: tokens.editor, json: {} })).status).toBe(200);
    expect((await api(cms.url, `${CM}/${ARTICLE}/${articleId}`, { method: 'DELETE', token: tokens.editor })).status).toBe(200);

    const rows = await rowsOf(articleId);
    expect(rows.map((r: any) => r.action)).toEqual(['create', 'update', 'publish', 'unpublish', 'delete']);
    for (const r of rows) {
      expect(r).toMatchObject({ actorKind: 'admin', actorId: users.editor!.id, actorName: users.editor!.name, targetUid: ARTICLE, title: 'Tin lịch sử' });
    }
    expect(rows[1].changedFields).toEqual(['summary']);
  });

  it('records the reporter as the author of their own draft and its edits', async () => {
    const created = await api(cms.url, `${CM}/${ARTICLE}`, { method: 'POST', token: tokens.reporter, json: { title: 'Bản tin đơn vị', body, format: 'tin' } });
    expect(created.status, created.text).toBe(201);
    const id = created.body.data.documentId;
    const edited = await api(cms.url, `${CM}/${ARTICLE}/${id}`, { method: 'PUT', token: tokens.reporter, json: { title: 'Bản tin đơn vị (sửa)', body, format: 'phong-van' } });
    expect(edited.status, edited.text).toBe(200);
    const rows = await rowsOf(id);
    expect(rows.map((r: any) => [r.action, r.actorId, r.actorName])).toEqual([
      ['create', users.reporter!.id, users.reporter!.name],
      ['update', users.reporter!.id, users.reporter!.name],
    ]);
    // The draft was never published: its address followed its new title.
    expect(rows[1].changedFields).toEqual(['title', 'slug', 'format']);
    expect(rows[1].title).toBe('Bản tin đơn vị (sửa)');
  });

  it('records a citizen question sent through the public form as "Công dân"', async () => {
    const { solveChallenge } = cmsRequire('altcha-lib');
    const { deriveKey } = cmsRequire('altcha-lib/algorithms/pbkdf2');
    const challenge = await api(cms.url, '/api/intake/challenge');
    const solution = await solveChallenge({ challenge: challenge.body, deriveKey });
    const res = await api(cms.url, '/api/citizen-questions/submit', {
      method: 'POST',
      json: {
        name: 'Lê Văn Công',
        phone: '0912 345 678',
        question: 'Tôi muốn hỏi thủ tục yêu cầu thi hành án đối với bản án dân sự đã có hiệu lực pháp luật?',
        consent: true,
        website: '',
        altcha: Buffer.from(JSON.stringify({ challenge: challenge.body, solution })).toString('base64'),
      },
    });
    expect(res.status, res.text).toBe(201);
    const q = await cms.strapi.db.query('api::citizen-question.citizen-question').findOne({ where: { trackingCode: res.body.trackingCode ?? res.body.data?.trackingCode } });
    const rows = await rowsOf(q.documentId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', actorKind: 'public', actorId: null, actorName: 'Công dân (biểu mẫu công khai)', title: q.trackingCode });
    // Named by the tracking code: the history, kept for good, holds no one's name.
    expect(JSON.stringify(rows)).not.toContain('Lê Văn Công');
  });

  it('records work done outside any request (seed, schedules) as "Hệ thống", including a publish on create', async () => {
    const doc = await cms.strapi.documents(ARTICLE).create({ data: { title: 'Tin do hệ thống tạo', body, format: 'tin' }, status: 'published' });
    const rows = await rowsOf(doc.documentId);
    expect(rows.map((r: any) => [r.action, r.actorKind, r.actorName])).toEqual([
      ['create', 'system', 'Hệ thống'],
      ['publish', 'system', 'Hệ thống'],
    ]);
  });

  it('records nothing for an update that changes nothing', async () => {
    const doc = await cms.strapi.documents(ARTICLE).create({ data: { title: 'Tin không đổi', body, format: 'tin' } });
    await cms.strapi.documents(ARTICLE).update({ documentId: doc.documentId, data: { title: 'Tin không đổi', format: 'tin' } });
    expect((await rowsOf(doc.documentId)).map((r: any) => r.action)).toEqual(['create']);
  });
});

describe('editors read the history', () => {
  const history = (query: string, token = tokens.editor) => api(cms.url, `/thads/history${query}`, { token });

  it('lists the newest first, with Vietnamese labels of the changed fields', async () => {
    const res = await history('?type=api::article.article&action=update&user=admin:' + users.reporter!.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ title: 'Bản tin đơn vị (sửa)', typeLabel: 'Tin, bài', actorName: users.reporter!.name, changedFields: ['title', 'slug', 'format'], changedFieldLabels: ['Tiêu đề', 'Đường dẫn (slug)', 'Thể loại'], exists: true });
    const deleted = await history(`?type=api::article.article&action=delete`);
    expect(res.body.data[0].editPath).toBe(`/content-manager/collection-types/api::article.article/${res.body.data[0].targetDocumentId}`);
    expect(deleted.body.data[0]).toMatchObject({ title: 'Tin lịch sử', exists: false, editPath: null });
  });

  it('filters by person, by date range in Vietnam time, and pages', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const all = await history(`?user=admin:${users.editor!.id}&from=${today}&to=${today}&pageSize=2`);
    expect(all.body.meta.pagination).toEqual({ page: 1, pageSize: 2, total: 5, pageCount: 3 });
    const last = await history(`?user=admin:${users.editor!.id}&from=${today}&to=${today}&pageSize=2&page=3`);
    expect(last.body.data.map((r: any) => r.action)).toEqual(['create']);
    const before = await history(`?user=admin:${users.editor!.id}&to=2020-01-01`);
    expect(before.body.meta.pagination.total).toBe(0);
    const system = await history('?user=system&type=api::article.article');
    expect(system.body.data.every((r: any) => r.actorName === 'Hệ thống')).toBe(true);
    expect(system.body.data.length).toBeGreaterThanOrEqual(2);
  });

  it('offers the filters: types of ours, people, actions, in Vietnamese', async () => {
    const res = await history('/options');
    expect(res.status).toBe(200);
    expect(res.body.data.types).toContainEqual({ value: ARTICLE, label: 'Tin, bài' });
    expect(res.body.data.types.map((t: any) => t.value)).not.toContain(HISTORY);
    expect(res.body.data.users).toContainEqual({ value: `admin:${users.reporter!.id}`, label: users.reporter!.name });
    expect(res.body.data.actions).toContainEqual({ value: 'unpublish', label: 'Gỡ xuất bản' });
  });

  it('refuses bad filters with a Vietnamese message and a 400', async () => {
    for (const [query, message] of [
      ['?pageSize=500', 'Số dòng mỗi trang: từ 1 đến 100.'],
      ['?from=2026-02-01&to=2026-01-01', 'Đến ngày: phải sau hoặc bằng "Từ ngày".'],
      ['?from=hôm-qua', 'Từ ngày: không đúng định dạng ngày (YYYY-MM-DD).'],
      ['?user=bob', 'Người thực hiện: không hợp lệ.'],
      ['?action=hack', 'Thao tác: không hợp lệ.'],
      ['?sort=id', 'Trường không được phép: sort.'],
    ]) {
      const res = await history(query!);
      expect(res.status, query).toBe(400);
      expect(res.body.error.message, query).toBe(message);
    }
  });

  it('is shown to the Super Admin too', async () => {
    expect((await history('', tokens.admin)).status).toBe(200);
  });

  it('is refused to a reporter (403) and to anyone not logged in (401)', async () => {
    const res = await history('', tokens.reporter);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Bạn không có quyền xem lịch sử thay đổi.');
    expect((await history('/options', tokens.reporter)).status).toBe(403);
    expect((await api(cms.url, '/thads/history')).status).toBe(401);
  });
});

describe('nobody can change the history', () => {
  it('has no public API, and the Content Manager refuses every write, even the Super Admin\'s', async () => {
    expect((await api(cms.url, '/api/history-entries')).status).toBe(404);
    const [row] = await cms.strapi.db.query(HISTORY).findMany({ limit: 1 });
    const cm = `${CM}/${HISTORY}`;
    const put = await api(cms.url, `${cm}/${row.documentId}`, { method: 'PUT', token: tokens.admin, json: { actorName: 'Người khác' } });
    expect(put.status).toBe(403);
    expect((await api(cms.url, `${cm}/${row.documentId}`, { method: 'DELETE', token: tokens.admin })).status).toBe(403);
    expect((await api(cms.url, cm, { method: 'POST', token: tokens.admin, json: { action: 'create', targetUid: ARTICLE, targetDocumentId: 'x', actorKind: 'system', actorName: 'Giả' } })).status).toBe(403);
    expect((await api(cms.url, cm, { token: tokens.editor })).status).toBe(403);
    expect(await cms.strapi.db.query(HISTORY).findOne({ where: { id: row.id } })).toEqual(row);
  });

  it('refuses writes through the Document Service, in Vietnamese', async () => {
    const [row] = await cms.strapi.db.query(HISTORY).findMany({ limit: 1 });
    const docs = cms.strapi.documents(HISTORY);
    await expect(docs.update({ documentId: row.documentId, data: { actorName: 'Người khác' } })).rejects.toThrow('Lịch sử thay đổi chỉ được ghi tự động, không ai sửa hay xoá được.');
    await expect(docs.delete({ documentId: row.documentId })).rejects.toThrow(/không ai sửa hay xoá được/);
    await expect(docs.create({ data: { action: 'create', targetUid: ARTICLE, targetDocumentId: 'x', actorKind: 'system', actorName: 'Giả' } })).rejects.toThrow(/không ai sửa hay xoá được/);
    expect(await cms.strapi.db.query(HISTORY).findOne({ where: { id: row.id } })).toEqual(row);
  });
});
