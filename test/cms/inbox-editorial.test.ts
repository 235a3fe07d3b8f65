/**
 * Editors handling the inboxes through the admin: an answered question becomes a draft legal Q&A with
 * the asker anonymised and linked back; publishing it moves the question to "published"; personal data
 * is erased on request and after the retention period, while the public answer stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, fromCms, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
const QUESTION = 'api::citizen-question.citizen-question';
const PRESS = 'api::press-request.press-request';
const tokens: Record<string, string> = {};

const login = async (email: string, password: string) => (await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } })).body.data.token as string;

async function answeredQuestion(trackingCode: string) {
  const [topic] = await cms.strapi.documents('api::topic.topic').findMany({ status: 'published', limit: 1 });
  const [unit] = await cms.strapi.documents('api::unit.unit').findMany({ status: 'published', limit: 1 });
  return cms.strapi.documents(QUESTION).create({
    data: {
      trackingCode,
      name: 'Phạm Văn Khải',
      phone: '0987000111',
      email: 'khai@example.com',
      locality: 'xã Hưng Hà',
      question: 'Tôi được tòa tuyên cho nhận tiền bồi thường nhưng người kia không trả. Tôi phải nộp đơn ở đâu để được thi hành án?',
      topic: topic.documentId,
      assignedUnit: unit.documentId,
      answer: 'Ông nộp đơn yêu cầu thi hành án tại cơ quan thi hành án dân sự nơi người phải thi hành án cư trú.\n\nThời hiệu yêu cầu là 05 năm.',
      state: 'answered',
    },
  });
}

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
  tokens.editor = await login('bientap@thads-hungyen.example', 'BienTap@2026');
  tokens.reporter = await login('phongvien@thads-hungyen.example', 'PhongVien@2026');
});
afterAll(async () => {
  await cms?.stop();
});

describe('an answered question becomes a draft Q&A', () => {
  let questionId: string;
  let qaId: string;

  it('creates the draft with the asker anonymised and links it back', async () => {
    questionId = (await answeredQuestion('HD-EDIT-0001')).documentId;
    const res = await api(cms.url, `/thads/citizen-questions/${questionId}/to-legal-qa`, { method: 'POST', token: tokens.editor });
    expect(res.status, res.text).toBe(200);
    qaId = res.body.data.documentId;
    const qa = await cms.strapi.documents('api::legal-qa.legal-qa').findOne({ documentId: qaId, populate: ['topic', 'unit'] });
    expect(qa.publishedAt).toBeNull();
    expect(qa.askerLabel).toBe('Bạn đọc ở xã Hưng Hà');
    expect(qa.title).toBe('Tôi được tòa tuyên cho nhận tiền bồi thường nhưng người kia không trả?');
    expect(JSON.stringify(qa)).not.toMatch(/Phạm Văn Khải|0987000111|khai@example.com/);
    expect(qa.topic).toBeTruthy();
    const q = await cms.strapi.documents(QUESTION).findOne({ documentId: questionId, populate: ['publishedQa'] });
    expect(q.publishedQa.documentId).toBe(qaId);
    expect((await api(cms.url, `/api/legal-qas/${qaId}`)).status).toBe(404);
  });

  it('does not make a second draft when asked twice', async () => {
    const res = await api(cms.url, `/thads/citizen-questions/${questionId}/to-legal-qa`, { method: 'POST', token: tokens.editor });
    expect(res.body.data).toEqual({ documentId: qaId, created: false });
  });

  it('refuses a question without an answer, in Vietnamese', async () => {
    const q = await cms.strapi.documents(QUESTION).create({ data: { trackingCode: 'HD-EDIT-0002', name: 'A', question: 'Câu hỏi chưa trả lời?', state: 'received' } });
    const res = await api(cms.url, `/thads/citizen-questions/${q.documentId}/to-legal-qa`, { method: 'POST', token: tokens.editor });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/chưa có nội dung trả lời/);
  });

  it('is refused to a unit reporter and to anyone not logged in', async () => {
    expect((await api(cms.url, `/thads/citizen-questions/${questionId}/to-legal-qa`, { method: 'POST', token: tokens.reporter })).status).toBe(403);
    expect((await api(cms.url, `/thads/citizen-questions/${questionId}/to-legal-qa`, { method: 'POST' })).status).toBe(401);
  });

  it('moves the question to "published" when the editor publishes the Q&A', async () => {
    const res = await api(cms.url, `/content-manager/collection-types/api::legal-qa.legal-qa/${qaId}/actions/publish`, { method: 'POST', token: tokens.editor, json: {} });
    expect(res.status, res.text).toBe(200);
    const q = await cms.strapi.documents(QUESTION).findOne({ documentId: questionId });
    expect(q.state).toBe('published');
    const status = await api(cms.url, '/api/citizen-questions/status', { method: 'POST', json: { code: 'HD-EDIT-0001', contact: 'khai@example.com' } });
    expect(status.body.data.answerUrl).toMatch(/^\/hoi-dap\/toi-duoc-toa-tuyen/);
  });

  it('erases the personal data on request and keeps the public answer', async () => {
    const res = await api(cms.url, `/thads/citizen-questions/${questionId}/erase`, { method: 'POST', token: tokens.editor });
    expect(res.status).toBe(200);
    const q = await cms.strapi.db.query(QUESTION).findOne({ where: { documentId: questionId } });
    expect(q.phone).toBeNull();
    expect(q.email).toBeNull();
    expect(q.name).not.toContain('Khải');
    expect(q.question).not.toContain('bồi thường');
    expect(q.erasedAt).toBeTruthy();
    expect((await api(cms.url, `/api/legal-qas/${qaId}`)).status).toBe(200);
    expect((await api(cms.url, `/thads/citizen-questions/${questionId}/erase`, { method: 'POST', token: tokens.reporter })).status).toBe(403);
  });
});

describe('retention', () => {
  it('erases closed items older than the retention period, and only those', async () => {
    const old = await cms.strapi.documents(PRESS).create({ data: { trackingCode: 'BC-OLD1-0001', journalistName: 'Nhà báo Cũ', outlet: 'Báo A', phone: '0911000222', subject: 'Cũ', questions: 'Câu hỏi cũ', state: 'closed' } });
    const open = await cms.strapi.documents(PRESS).create({ data: { trackingCode: 'BC-NEW1-0001', journalistName: 'Nhà báo Mới', outlet: 'Báo B', phone: '0911000333', subject: 'Mới', questions: 'Câu hỏi mới', state: 'received' } });
    const { eraseExpired } = fromCms('intake/editorial');
    const erased = await eraseExpired(cms.strapi, 90, new Date(Date.now() + 91 * 86400_000));
    expect(erased).toBeGreaterThanOrEqual(1);
    expect((await cms.strapi.db.query(PRESS).findOne({ where: { documentId: old.documentId } })).phone).toBeNull();
    expect((await cms.strapi.db.query(PRESS).findOne({ where: { documentId: open.documentId } })).phone).toBe('0911000333');
    expect(await eraseExpired(cms.strapi, 90, new Date())).toBe(0);
  });
});
