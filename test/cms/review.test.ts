/**
 * The review queue on a real Strapi, through the admin API as the admin pages use it: a reporter sends a
 * draft; editors see it in the queue, send it back with a comment; the reporter reads the comment, edits,
 * sends it again; an editor publishes it and it leaves the queue. Every step is checked against the
 * permissions of each role and recorded in the history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
const CM = '/content-manager/collection-types';
const ARTICLE = 'api::article.article';
const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung bản tin của đơn vị.' }] }];
const tokens: Record<string, string> = {};
const users: Record<string, { id: number; name: string }> = {};
let unitId: string;

async function login(key: string, email: string, password: string) {
  const res = await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } });
  expect(res.status, res.text).toBe(200);
  tokens[key] = res.body.data.token;
  users[key] = { id: res.body.data.user.id, name: `${res.body.data.user.firstname ?? ''} ${res.body.data.user.lastname ?? ''}`.trim() };
}

const as = (who: string, path: string, init: { method?: string; json?: unknown } = {}) => api(cms.url, path, { ...init, token: tokens[who] });
const queue = (who: string, query = '') => as(who, `/thads/review/items${query}`);
const reviewOf = (who: string, documentId: string) => as(who, `/thads/review/documents/${ARTICLE}/${documentId}`);

async function reporterDraft(title: string) {
  const res = await as('reporter', `${CM}/${ARTICLE}`, { method: 'POST', json: { title, body, format: 'tin', unit: { connect: [unitId] } } });
  expect(res.status, res.text).toBe(201);
  return res.body.data.documentId as string;
}

beforeAll(async () => {
  cms = await startStrapi({ seed: false });
  await login('editor', 'bientap@thads-hungyen.example', 'BienTap@2026');
  await login('reporter', 'phongvien@thads-hungyen.example', 'PhongVien@2026');
  const unit = await cms.strapi.documents('api::unit.unit').create({ data: { name: 'Phòng Thi hành án dân sự khu vực 1', kind: 'regional-office' }, status: 'published' });
  unitId = unit.documentId;
});

afterAll(async () => {
  await cms?.stop();
});

describe('a reporter submits, an editor returns, the reporter resubmits, an editor publishes', () => {
  let draftId: string;
  let itemId: number;

  it('offers "Gửi duyệt" to the reporter, who cannot publish, and not to the editor, who can', async () => {
    draftId = await reporterDraft('Hội nghị triển khai công tác năm 2027');
    const mine = await reviewOf('reporter', draftId);
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.data).toEqual({ reviewable: true, canSubmit: true, canDecide: false, items: [] });
    const editor = await reviewOf('editor', draftId);
    expect(editor.body.data).toMatchObject({ canSubmit: false, canDecide: true });
  });

  it('puts the submitted draft in the editors\' queue with type, title, author, time and unit', async () => {
    const res = await as('reporter', '/thads/review/submit', { method: 'POST', json: { uid: ARTICLE, documentId: draftId, comment: 'Nhờ anh chị duyệt giúp.' } });
    expect(res.status, res.text).toBe(201);
    itemId = res.body.data.id;
    const list = await queue('editor', '?state=submitted');
    expect(list.status).toBe(200);
    const item = list.body.data.find((i: any) => i.id === itemId);
    expect(item).toMatchObject({
      kind: 'submission',
      state: 'submitted',
      typeLabel: 'Tin, bài',
      title: 'Hội nghị triển khai công tác năm 2027',
      submittedByName: users.reporter!.name,
      unitName: 'Phòng Thi hành án dân sự khu vực 1',
    });
    expect(Date.now() - Date.parse(item.submittedAt)).toBeLessThan(10 * 60_000);
    expect(item.comments).toEqual([expect.objectContaining({ event: 'submit', authorName: users.reporter!.name, text: 'Nhờ anh chị duyệt giúp.' })]);
  });

  it('refuses a second submission while the first waits', async () => {
    const res = await as('reporter', '/thads/review/submit', { method: 'POST', json: { uid: ARTICLE, documentId: draftId } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('Bài này đã được gửi duyệt và đang chờ biên tập viên.');
  });

  it('does not let the reporter decide', async () => {
    expect((await as('reporter', `/thads/review/items/${itemId}/publish`, { method: 'POST', json: {} })).status).toBe(403);
    expect((await as('reporter', `/thads/review/items/${itemId}/return`, { method: 'POST', json: { comment: 'Tự trả lại' } })).status).toBe(403);
    expect((await api(cms.url, `/api/articles/${draftId}`)).status).toBe(404);
  });

  it('needs a comment to send it back', async () => {
    const empty = await as('editor', `/thads/review/items/${itemId}/return`, { method: 'POST', json: { comment: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('Nội dung trả lại: cần ít nhất 3 ký tự.');
    const missing = await as('editor', `/thads/review/items/${itemId}/return`, { method: 'POST', json: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('Nội dung trả lại: không được để trống.');
  });

  it('returns it with the comment, which the reporter then reads in their list and on the item', async () => {
    const res = await as('editor', `/thads/review/items/${itemId}/return`, { method: 'POST', json: { comment: 'Bổ sung ảnh và tên người phát biểu.' } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.state).toBe('returned');
    expect((await queue('editor', '?state=submitted')).body.data.map((i: any) => i.id)).not.toContain(itemId);

    const mine = await queue('reporter');
    expect(mine.status).toBe(200);
    const item = mine.body.data.find((i: any) => i.id === itemId);
    expect(item.state).toBe('returned');
    expect(item.comments.at(-1)).toMatchObject({ event: 'return', authorName: users.editor!.name, text: 'Bổ sung ảnh và tên người phát biểu.' });
    const panel = await reviewOf('reporter', draftId);
    expect(panel.body.data.items[0].comments.at(-1).text).toBe('Bổ sung ảnh và tên người phát biểu.');
    expect(panel.body.data.canSubmit).toBe(true);
  });

  it('takes the edited draft back into the queue', async () => {
    const edited = await as('reporter', `${CM}/${ARTICLE}/${draftId}`, { method: 'PUT', json: { title: 'Hội nghị triển khai công tác năm 2027 (đã bổ sung)', body, format: 'tin' } });
    expect(edited.status, edited.text).toBe(200);
    const res = await as('reporter', '/thads/review/submit', { method: 'POST', json: { uid: ARTICLE, documentId: draftId, comment: 'Đã bổ sung.' } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data).toMatchObject({ id: itemId, state: 'submitted', title: 'Hội nghị triển khai công tác năm 2027 (đã bổ sung)' });
    expect(res.body.data.comments.map((c: any) => c.event)).toEqual(['submit', 'return', 'resubmit']);
    expect((await queue('editor', '?state=submitted')).body.data.map((i: any) => i.id)).toContain(itemId);
  });

  it('publishes it from the queue: the article is public and the item leaves the queue', async () => {
    const res = await as('editor', `/thads/review/items/${itemId}/publish`, { method: 'POST', json: { comment: 'Đạt yêu cầu.' } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'approved', decidedByName: users.editor!.name });
    expect(res.body.data.comments.at(-1)).toMatchObject({ event: 'publish', text: 'Đạt yêu cầu.' });
    const pub = await api(cms.url, `/api/articles/${draftId}`);
    expect(pub.status).toBe(200);
    expect(pub.body.data.title).toBe('Hội nghị triển khai công tác năm 2027 (đã bổ sung)');
    expect((await queue('editor', '?state=submitted')).body.data.map((i: any) => i.id)).not.toContain(itemId);
    const again = await as('editor', `/thads/review/items/${itemId}/publish`, { method: 'POST', json: {} });
    expect(again.status).toBe(409);
  });

  it('leaves every step in the history, with who did it', async () => {
    const rows = await cms.strapi.db.query('api::history-entry.history-entry').findMany({ where: { targetDocumentId: draftId }, orderBy: [{ id: 'asc' }] });
    expect(rows.map((r: any) => [r.action, r.actorName])).toEqual([
      ['create', users.reporter!.name],
      ['submit', users.reporter!.name],
      ['return', users.editor!.name],
      ['update', users.reporter!.name],
      ['submit', users.reporter!.name],
      ['publish', users.editor!.name],
    ]);
    expect(rows[2].note).toBe('Bổ sung ảnh và tên người phát biểu.');
  });
});

describe('the queue follows what happens to the documents', () => {
  it('closes a submission when an editor publishes the draft in the Content Manager', async () => {
    const id = await reporterDraft('Tin gửi duyệt, xuất bản từ màn hình soạn thảo');
    const submitted = await as('reporter', '/thads/review/submit', { method: 'POST', json: { uid: ARTICLE, documentId: id } });
    expect((await as('editor', `${CM}/${ARTICLE}/${id}/actions/publish`, { method: 'POST', json: {} })).status).toBe(200);
    const item = await cms.strapi.db.query('api::review-item.review-item').findOne({ where: { id: submitted.body.data.id } });
    expect(item).toMatchObject({ state: 'approved', decidedByName: users.editor!.name });
  });

  it('withdraws a submission whose draft is deleted', async () => {
    const id = await reporterDraft('Tin gửi duyệt rồi bị xoá');
    const submitted = await as('reporter', '/thads/review/submit', { method: 'POST', json: { uid: ARTICLE, documentId: id } });
    expect((await as('reporter', `${CM}/${ARTICLE}/${id}`, { method: 'DELETE' })).status).toBe(200);
    const item = await cms.strapi.db.query('api::review-item.review-item').findOne({ where: { id: submitted.body.data.id } });
    expect(item.state).toBe('withdrawn');
  });
});

describe('what each role may do', () => {
  it("refuses to send someone else's draft", async () => {
    const other = await as('editor', `${CM}/${ARTICLE}`, { method: 'POST', json: { title: 'Bài của biên tập viên', body, format: 'tin' } });
    const res = await as('reporter', '/thads/review/submit', { method: 'POST', json: { uid: ARTICLE, documentId: other.body.data.documentId } });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Bạn chỉ gửi duyệt được bài mình được phép sửa.');
  });

  it('shows a reporter only their own items, never the whole queue', async () => {
    const flagged = await cms.strapi.db.query('api::review-item.review-item').create({
      data: { kind: 'legal-basis', state: 'submitted', targetUid: 'api::legal-qa.legal-qa', targetDocumentId: 'abc', title: 'Giải đáp khác', submittedByName: 'Hệ thống', comments: [] },
    });
    const mine = await queue('reporter');
    expect(mine.body.data.length).toBeGreaterThan(0);
    expect(mine.body.data.every((i: any) => i.submittedById === users.reporter!.id && i.kind === 'submission')).toBe(true);
    expect((await queue('editor')).body.data.map((i: any) => i.id)).toContain(flagged.id);
  });

  it('refuses bad input with a Vietnamese message and a 4xx', async () => {
    const cases: [unknown, number, string][] = [
      [{ uid: 'api::x', documentId: 'abc' }, 400, 'Loại nội dung: không hợp lệ.'],
      [{ uid: ARTICLE }, 400, 'Mã tài liệu: không được để trống.'],
      [{ uid: ARTICLE, documentId: 'khongco' }, 404, 'Không tìm thấy bản nháp để gửi duyệt.'],
      [{ uid: 'api::unit.unit', documentId: unitId }, 400, 'Loại nội dung này không gửi duyệt được.'],
      [{ uid: ARTICLE, documentId: 'abc', state: 'approved' }, 400, 'Không được gửi trường do cơ quan quản lý: state.'],
      [{ uid: ARTICLE, documentId: 'abc', comment: '<script>x</script>' }, 400, 'Lời nhắn cho biên tập viên: không được chứa mã HTML hay mã lệnh.'],
    ];
    for (const [json, status, message] of cases) {
      const res = await as('reporter', '/thads/review/submit', { method: 'POST', json });
      expect(res.status, JSON.stringify(json)).toBe(status);
      expect(res.body.error.message, JSON.stringify(json)).toBe(message);
    }
    expect((await as('editor', '/thads/review/items/abc/return', { method: 'POST', json: { comment: 'Không rõ' } })).status).toBe(404);
    expect((await as('editor', '/thads/review/items?state=xong')).body.error.message).toBe('Trạng thái: không hợp lệ.');
    expect((await api(cms.url, '/thads/review/items')).status).toBe(401);
  });
});
