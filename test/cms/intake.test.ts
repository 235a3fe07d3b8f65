/**
 * The public forms' endpoints on a real Strapi: a valid question or press request is stored with a
 * tracking code; every class of bad input is refused with a 4xx and a Vietnamese message naming the
 * field, and stores nothing; challenges cannot be replayed; addresses are rate-limited; status look-ups
 * show the status and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cmsRequire, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
const QUESTIONS = 'api::citizen-question.citizen-question';
const PRESS = 'api::press-request.press-request';
const { solveChallenge } = cmsRequire('altcha-lib');
const { deriveKey } = cmsRequire('altcha-lib/algorithms/pbkdf2');

/** What the browser does: fetch a challenge, find the number, encode the payload. */
async function solved(from = '10.0.0.1'): Promise<string> {
  const res = await api(cms.url, '/api/intake/challenge', { headers: { 'x-forwarded-for': from } });
  expect(res.status).toBe(200);
  const solution = await solveChallenge({ challenge: res.body, deriveKey });
  return Buffer.from(JSON.stringify({ challenge: res.body, solution })).toString('base64');
}

let address = 0;
/** Each call comes from a new address unless told otherwise, so that rate limits only bite where tested. */
const post = (path: string, json: unknown, from = `10.1.${Math.floor(++address / 250)}.${address % 250}`) =>
  api(cms.url, path, { method: 'POST', json, headers: { 'x-forwarded-for': from } });

const question = async (change: Record<string, unknown> = {}) => ({
  name: 'Trần Thị Bình',
  phone: '0912 345 678',
  locality: 'phường Phố Hiến',
  topic: 'cap-duong',
  question: 'Chồng cũ của tôi không trả tiền nuôi con theo bản án đã có hiệu lực. Tôi cần làm gì để được thi hành án?',
  consent: true,
  website: '',
  altcha: await solved(),
  ...change,
});

const count = (uid: string) => cms.strapi.db.query(uid).count();

beforeAll(async () => {
  process.env.IS_PROXIED = 'true';
  process.env.INTAKE_SUBMIT_LIMIT = '3/600';
  process.env.INTAKE_LOOKUP_LIMIT = '5/600';
  cms = await startStrapi({ seed: true });
});
afterAll(async () => {
  await cms?.stop();
});

describe('a citizen sends a question', () => {
  let code: string;

  it('is stored with a tracking code, as plain NFC text, with the consent given', async () => {
    const res = await post('/api/citizen-questions/submit', await question({ name: '  Trần   Thị Bình '.normalize('NFD') }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    code = res.body.data.trackingCode;
    expect(code).toMatch(/^HD-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const stored = await cms.strapi.db.query(QUESTIONS).findOne({ where: { trackingCode: code }, populate: ['topic'] });
    expect(stored.name).toBe('Trần Thị Bình');
    expect(stored.phone).toBe('0912345678');
    expect(stored.state).toBe('received');
    expect(stored.topic.slug).toBe('cap-duong');
    expect(stored.consentText).toMatch(/đồng ý/);
    expect(stored.consentAt).toBeTruthy();
  });

  it('shows the status to whoever has the code and the phone, and nothing else', async () => {
    const res = await post('/api/citizen-questions/status', { code: code.toLowerCase(), contact: '0912.345.678' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ code, state: 'received', label: 'Đã tiếp nhận', receivedAt: expect.any(String), answerUrl: null });
    expect(res.text).not.toContain('Trần');
    expect(res.text).not.toContain('nuôi con');
  });

  it('does not confirm a code with the wrong contact', async () => {
    const res = await post('/api/citizen-questions/status', { code, contact: '0987654321' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Không tìm thấy câu hỏi với mã tra cứu và thông tin liên hệ này.');
  });

  it('links the published answer once the question is published', async () => {
    const stored = await cms.strapi.db.query(QUESTIONS).findOne({ where: { trackingCode: code } });
    const [qa] = await cms.strapi.documents('api::legal-qa.legal-qa').findMany({ status: 'published', limit: 1 });
    await cms.strapi.documents(QUESTIONS).update({ documentId: stored.documentId, data: { state: 'published', publishedQa: qa.documentId } });
    const res = await post('/api/citizen-questions/status', { code, contact: '0912345678' });
    expect(res.body.data.state).toBe('published');
    expect(res.body.data.answerUrl).toBe(`/hoi-dap/${qa.slug}/`);
  });
});

describe('bad input is refused and stores nothing', () => {
  const cases: Array<[string, Record<string, unknown>, number, string]> = [
    ['a missing field', { name: undefined }, 400, 'Họ và tên: không được để trống.'],
    ['a wrong type', { question: ['mảng'] }, 400, 'Nội dung câu hỏi: phải là văn bản.'],
    ['a field too long', { question: 'Xin hỏi '.repeat(1000) }, 400, 'Nội dung câu hỏi: tối đa 5000 ký tự.'],
    ['control characters', { name: 'Trần\u0007Bình' }, 400, 'Họ và tên: có ký tự điều khiển không hợp lệ.'],
    ['HTML', { question: 'Xin hỏi <img src=x onerror=alert(1)> về thời hiệu thi hành án dân sự' }, 400, 'Nội dung câu hỏi: không được chứa mã HTML hay mã lệnh.'],
    ['a script', { locality: '<script>alert(1)</script>' }, 400, 'Địa phương: không được chứa mã HTML hay mã lệnh.'],
    ['a privileged field', { state: 'published' }, 400, 'Không được gửi trường do cơ quan quản lý: state.'],
    ['another privileged field', { answer: 'Đã trả lời' }, 400, 'Không được gửi trường do cơ quan quản lý: answer.'],
    ['no consent', { consent: false }, 400, 'Đồng ý xử lý dữ liệu cá nhân: cần đánh dấu ô đồng ý để gửi.'],
    ['the honeypot filled', { website: 'http://spam.example' }, 400, 'Biểu mẫu không hợp lệ.'],
    ['no challenge', { altcha: undefined }, 400, 'Xác minh chống thư rác: chưa hoàn tất, vui lòng thử lại.'],
    ['a forged challenge', { altcha: Buffer.from(JSON.stringify({ challenge: { parameters: {}, signature: 'x' }, solution: { counter: 1 } })).toString('base64') }, 400, 'Xác minh chống thư rác: không hợp lệ, vui lòng tải lại trang và gửi lại.'],
    ['an unknown topic', { topic: 'khong-co' }, 400, 'Lĩnh vực: không có trong danh sách.'],
  ];

  it.each(cases)('refuses %s', async (_name, change, status, message) => {
    const before = await count(QUESTIONS);
    const res = await post('/api/citizen-questions/submit', await question(change));
    expect(res.status).toBe(status);
    expect(res.body.error.message).toBe(message);
    expect(res.body.error.details.errors[0].path.length).toBe(1);
    expect(await count(QUESTIONS)).toBe(before);
  });

  it('refuses a body that is not JSON or far too large, without a 500', async () => {
    const before = await count(QUESTIONS);
    const notJson = await api(cms.url, '/api/citizen-questions/submit', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.0.1' }, body: '{"name": "x",' });
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
    const huge = await post('/api/citizen-questions/submit', { ...(await question()), question: 'x'.repeat(40_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/quá lớn/);
    expect(await count(QUESTIONS)).toBe(before);
  });

  it('refuses a challenge used twice', async () => {
    const altcha = await solved();
    const first = await post('/api/citizen-questions/submit', await question({ altcha }));
    expect(first.status).toBe(201);
    const before = await count(QUESTIONS);
    const replay = await post('/api/citizen-questions/submit', await question({ altcha }));
    expect(replay.status).toBe(400);
    expect(replay.body.error.message).toBe('Xác minh chống thư rác: mã này đã được dùng, vui lòng gửi lại.');
    expect(await count(QUESTIONS)).toBe(before);
  });

  it('keeps the generic create routes closed', async () => {
    const before = await count(QUESTIONS);
    const res = await post('/api/citizen-questions', { data: { name: 'x', question: 'y', trackingCode: 'HD-AAAA-AAAA' } });
    expect(res.status).toBe(403);
    expect(await count(QUESTIONS)).toBe(before);
  });
});

describe('rate limits', () => {
  it('stops a flood of submissions from one address with a 429', async () => {
    const from = '10.200.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post('/api/citizen-questions/submit', await question(), from)).status);
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const res = await post('/api/citizen-questions/submit', await question(), from);
    expect(res.body.error.message).toMatch(/quá nhiều yêu cầu/);
    expect(Number((await post('/api/citizen-questions/submit', await question(), from)).status)).toBe(429);
  });

  it('stops enumerating tracking codes', async () => {
    const from = '10.200.0.2';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post('/api/citizen-questions/status', { code: `HD-AAAA-AAA${i + 2}`, contact: '0912345678' }, from)).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
  });
});

describe('a journalist sends a request', () => {
  const request = async (change: Record<string, unknown> = {}) => ({
    journalistName: 'Lê Minh Quân',
    outlet: 'Báo Pháp luật Việt Nam',
    pressCard: 'HN-12345',
    email: 'quan@example.com',
    subject: 'Kết quả thi hành án dân sự năm 2026',
    questions: 'Đề nghị cung cấp số liệu thi hành án về việc và về tiền năm 2026, và bố trí phỏng vấn lãnh đạo cơ quan.',
    wishedDeadline: new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10),
    consent: true,
    website: '',
    altcha: await solved(),
    ...change,
  });

  it('is stored and answered with a tracking code and the spokesperson contact', async () => {
    const res = await post('/api/press-requests/submit', await request());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.trackingCode).toMatch(/^BC-/);
    expect(res.body.data.spokesperson.name).toBeTruthy();
    expect(res.body.data.spokesperson.phone).toBeTruthy();
    const stored = await cms.strapi.db.query(PRESS).findOne({ where: { trackingCode: res.body.data.trackingCode } });
    expect(stored.outlet).toBe('Báo Pháp luật Việt Nam');
    expect(stored.state).toBe('received');
    // the legal deadline by default: 5 working days from today, public holidays of the seeded list excluded
    const { addWorkingDays, todayVn, VN_PUBLIC_HOLIDAYS, workCalendarOf } = await import('@thads/shared');
    expect(stored.deadline).toBe(addWorkingDays(todayVn(), 5, workCalendarOf(VN_PUBLIC_HOLIDAYS)));
  });

  it.each([
    ['a date in the past', { wishedDeadline: '2020-01-01' }, 'Thời hạn mong muốn: phải từ hôm nay đến tối đa một năm tới.'],
    ['a missing outlet', { outlet: '' }, 'Cơ quan báo chí: cần ít nhất 2 ký tự.'],
    ['a privileged field', { deadline: '2030-01-01' }, 'Không được gửi trường do cơ quan quản lý: deadline.'],
  ])('refuses %s', async (_n, change, message) => {
    const before = await count(PRESS);
    const res = await post('/api/press-requests/submit', await request(change));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
    expect(await count(PRESS)).toBe(before);
  });
});

describe('the inboxes stay private', () => {
  it.each(['citizen-questions', 'press-requests'])('no public route of %s reveals anything', async (path) => {
    const [doc] = await cms.strapi.documents(path === 'citizen-questions' ? QUESTIONS : PRESS).findMany({ limit: 1 });
    for (const [method, url] of [['GET', `/api/${path}`], ['GET', `/api/${path}/${doc.documentId}`], ['GET', `/api/${path}?populate=*`], ['PUT', `/api/${path}/${doc.documentId}`], ['DELETE', `/api/${path}/${doc.documentId}`]]) {
      const res = await api(cms.url, url!, { method, json: method === 'PUT' ? { data: {} } : undefined });
      expect([401, 403, 404, 405], `${method} ${url}`).toContain(res.status);
      expect(res.text).not.toContain(doc.trackingCode);
    }
  });
});

describe('CORS', () => {
  it('allows the site origin and no other', async () => {
    const ok = await api(cms.url, '/api/intake/challenge', { headers: { origin: 'http://localhost:4321' } });
    expect(ok.status).toBe(200);
    const res = await fetch(`${cms.url}/api/intake/challenge`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    const good = await fetch(`${cms.url}/api/intake/challenge`, { headers: { origin: 'http://localhost:4321' } });
    expect(good.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
  });
});
