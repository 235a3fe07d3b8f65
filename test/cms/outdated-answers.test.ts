/**
 * Outdated answers on a real Strapi: an editor marks a legal document amended or repealed in the admin,
 * and every Q&A citing it (published or draft) joins the review queue as "Căn cứ pháp lý đã thay đổi";
 * the document coming back into force withdraws them; an editor confirms one ("Đã rà soát") or updates
 * and republishes it. The public API gives the site the cited document's validity for its notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, fromCms, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
const CM = '/content-manager/collection-types';
const DOC = 'api::legal-document.legal-document';
const QA = 'api::legal-qa.legal-qa';
const ITEM = 'api::review-item.review-item';
const tokens: Record<string, string> = {};
const answer = [{ type: 'paragraph', children: [{ type: 'text', text: 'Theo quy định hiện hành, đương sự có quyền yêu cầu thi hành án trong thời hạn 05 năm.' }] }];
let law: string;
let decree: string;
const qa: Record<'published' | 'draft' | 'unrelated', string> = { published: '', draft: '', unrelated: '' };

const as = (path: string, init: { method?: string; json?: unknown; token?: string } = {}) => api(cms.url, path, { token: tokens.editor, ...init });

/** What the editor does in the admin: change the validity in the draft, then publish. */
async function setValidity(documentId: string, validity: string) {
  const put = await as(`${CM}/${DOC}/${documentId}`, { method: 'PUT', json: { validity } });
  expect(put.status, put.text).toBe(200);
  const pub = await as(`${CM}/${DOC}/${documentId}/actions/publish`, { method: 'POST', json: {} });
  expect(pub.status, pub.text).toBe(200);
}

/** The open (submitted or returned) legal-basis items, by Q&A documentId. */
async function openFlags(): Promise<Record<string, any>> {
  const items = await cms.strapi.db.query(ITEM).findMany({ where: { kind: 'legal-basis', state: { $in: ['submitted', 'returned'] } } });
  return Object.fromEntries(items.map((i: any) => [i.targetDocumentId, i]));
}

async function createQa(title: string, citations: string[], published: boolean) {
  const doc = await cms.strapi.documents(QA).create({
    data: { title, question: `${title} Xin được giải đáp.`, answer, citations: citations.map((d, i) => ({ document: d, article: `Điều ${30 + i}` })) },
    ...(published ? { status: 'published' } : {}),
  });
  return doc.documentId as string;
}

beforeAll(async () => {
  cms = await startStrapi({ seed: false });
  for (const [key, email, password] of [
    ['editor', 'bientap@thads-hungyen.example', 'BienTap@2026'],
    ['reporter', 'phongvien@thads-hungyen.example', 'PhongVien@2026'],
  ]) {
    tokens[key!] = (await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } })).body.data.token;
  }
  const docs = cms.strapi.documents(DOC);
  law = (await docs.create({ data: { title: 'Luật Thi hành án dân sự', number: '26/2008/QH12', docType: 'luat', validity: 'con-hieu-luc' }, status: 'published' })).documentId;
  decree = (await docs.create({ data: { title: 'Nghị định quy định chi tiết Luật Thi hành án dân sự', number: '62/2015/NĐ-CP', docType: 'nghi-dinh', validity: 'con-hieu-luc' }, status: 'published' })).documentId;
  qa.published = await createQa('Thời hiệu yêu cầu thi hành án là bao lâu?', [law], true);
  qa.draft = await createQa('Ai phải chịu chi phí cưỡng chế?', [law, decree], false);
  qa.unrelated = await createQa('Nộp đơn yêu cầu thi hành án ở đâu?', [decree], true);
});

afterAll(async () => {
  await cms?.stop();
});

describe('a cited document leaves force', () => {
  it('puts every Q&A citing it in the queue, published or draft, and no other', async () => {
    expect(await openFlags()).toEqual({});
    await setValidity(law, 'het-hieu-luc');
    const flags = await openFlags();
    expect(Object.keys(flags).sort()).toEqual([qa.published, qa.draft].sort());
    expect(flags[qa.published]).toMatchObject({ state: 'submitted', title: 'Thời hiệu yêu cầu thi hành án là bao lâu?' });
    expect(flags[qa.published].legalDocuments).toEqual([{ documentId: law, number: '26/2008/QH12', title: 'Luật Thi hành án dân sự', validity: 'het-hieu-luc' }]);
    expect(flags[qa.published].comments[0].text).toBe('Văn bản 26/2008/QH12 chuyển sang "Hết hiệu lực": cần rà soát nội dung giải đáp dẫn chiếu văn bản này.');
  });

  it('shows them to editors in the queue as "Căn cứ pháp lý đã thay đổi", not to reporters', async () => {
    const list = await as('/thads/review/items?kind=legal-basis&state=submitted');
    expect(list.status).toBe(200);
    expect(list.body.data.map((i: any) => i.targetDocumentId).sort()).toEqual([qa.published, qa.draft].sort());
    expect(list.body.data[0].typeLabel).toBe('Giải đáp pháp luật');
    const reporter = await as('/thads/review/items?kind=legal-basis', { token: tokens.reporter });
    expect(reporter.body.data).toEqual([]);
  });

  it('gives the public page what it needs for its notice: the cited document and its validity', async () => {
    const res = await api(cms.url, `/api/legal-qas/${qa.published}`);
    expect(res.status).toBe(200);
    expect(res.body.data.citations[0].document).toMatchObject({ number: '26/2008/QH12', validity: 'het-hieu-luc' });
  });

  it('does not flag again for a change that keeps the document out of force, but records the new status', async () => {
    await setValidity(law, 'da-sua-doi');
    const flags = await openFlags();
    expect(Object.keys(flags).sort()).toEqual([qa.published, qa.draft].sort());
    expect(flags[qa.published].legalDocuments[0].validity).toBe('da-sua-doi');
    expect(await cms.strapi.db.query(ITEM).count({ where: { kind: 'legal-basis' } })).toBe(2);
  });

  it('leaves the queue alone while the change is only saved as a draft, not published', async () => {
    const put = await as(`${CM}/${DOC}/${decree}`, { method: 'PUT', json: { validity: 'het-hieu-luc' } });
    expect(put.status).toBe(200);
    expect((await openFlags())[qa.draft].legalDocuments.map((d: any) => d.documentId)).toEqual([law]);
    expect((await openFlags())[qa.unrelated]).toBeUndefined();
  });
});

describe('the document comes back into force', () => {
  it('takes it out of the flags; a Q&A with another changed document stays', async () => {
    await setValidity(decree, 'het-hieu-luc');
    let flags = await openFlags();
    expect(flags[qa.draft].legalDocuments.map((d: any) => d.documentId)).toEqual([law, decree]);
    expect(flags[qa.unrelated]).toBeDefined();

    await setValidity(law, 'con-hieu-luc');
    flags = await openFlags();
    expect(Object.keys(flags).sort()).toEqual([qa.draft, qa.unrelated].sort());
    expect(flags[qa.draft].legalDocuments.map((d: any) => d.documentId)).toEqual([decree]);
    const withdrawn = await cms.strapi.db.query(ITEM).findOne({ where: { targetDocumentId: qa.published, kind: 'legal-basis' } });
    expect(withdrawn.state).toBe('withdrawn');
    expect(withdrawn.comments.at(-1).text).toBe('Văn bản 26/2008/QH12 có hiệu lực trở lại.');

    await setValidity(decree, 'con-hieu-luc');
    expect(await openFlags()).toEqual({});
  });
});

describe('an editor clears a flag', () => {
  it('by confirming the answer ("Đã rà soát")', async () => {
    await setValidity(law, 'het-hieu-luc');
    const item = (await openFlags())[qa.draft];
    expect((await as(`/thads/review/items/${item.id}/reviewed`, { method: 'POST', json: {}, token: tokens.reporter })).status).toBe(403);
    const res = await as(`/thads/review/items/${item.id}/reviewed`, { method: 'POST', json: { comment: 'Nội dung vẫn đúng với luật mới.' } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.state).toBe('approved');
    expect(res.body.data.comments.at(-1)).toMatchObject({ event: 'reviewed', text: 'Nội dung vẫn đúng với luật mới.' });
    expect((await openFlags())[qa.draft]).toBeUndefined();
    const history = await cms.strapi.db.query('api::history-entry.history-entry').findOne({ where: { targetDocumentId: qa.draft, action: 'approve' } });
    expect(history.note).toBe('Nội dung vẫn đúng với luật mới.');
    // A flag cannot be "returned": it is confirmed or the answer is updated.
    expect((await as(`/thads/review/items/${item.id}/return`, { method: 'POST', json: { comment: 'Trả lại' } })).status).toBe(400);
  });

  it('by updating and republishing the Q&A', async () => {
    const item = (await openFlags())[qa.published];
    expect(item).toBeDefined();
    const put = await as(`${CM}/${QA}/${qa.published}`, { method: 'PUT', json: { question: 'Thời hiệu yêu cầu thi hành án theo luật sửa đổi là bao lâu?' } });
    expect(put.status, put.text).toBe(200);
    expect((await openFlags())[qa.published]).toBeDefined();
    const pub = await as(`${CM}/${QA}/${qa.published}/actions/publish`, { method: 'POST', json: {} });
    expect(pub.status, pub.text).toBe(200);
    expect((await openFlags())[qa.published]).toBeUndefined();
    const closed = await cms.strapi.db.query(ITEM).findOne({ where: { id: item.id } });
    expect(closed.state).toBe('approved');
    expect(closed.comments.at(-1).event).toBe('publish');
  });
});

describe('content that arrives already out of date (demo content, import, restore)', () => {
  it('is put in the queue at start, once, and stays cleared once an editor confirmed it', async () => {
    const { reconcileLegalBasis } = fromCms('review');
    const old = (await cms.strapi.documents(DOC).create({ data: { title: 'Luật Khiếu nại', number: '02/2011/QH13', docType: 'luat', validity: 'da-sua-doi' }, status: 'published' })).documentId;
    const cites = await createQa('Khiếu nại quyết định cưỡng chế thế nào?', [old], true);
    expect((await openFlags())[cites]).toBeUndefined();

    expect(await reconcileLegalBasis(cms.strapi)).toBe(1);
    const item = (await openFlags())[cites];
    expect(item.legalDocuments.map((d: any) => d.number)).toEqual(['02/2011/QH13']);
    expect(item.comments[0]).toMatchObject({ authorName: 'Hệ thống', text: 'Văn bản 02/2011/QH13 đang ở tình trạng "Đã được sửa đổi, bổ sung": cần rà soát nội dung giải đáp dẫn chiếu văn bản này.' });
    expect(await reconcileLegalBasis(cms.strapi)).toBe(0);

    expect((await as(`/thads/review/items/${item.id}/reviewed`, { method: 'POST', json: {} })).status).toBe(200);
    expect(await reconcileLegalBasis(cms.strapi)).toBe(0);
    expect((await openFlags())[cites]).toBeUndefined();
  });
});
