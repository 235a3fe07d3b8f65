/**
 * Information requests under the Law on Access to Information, on a real Strapi: the public endpoint refuses
 * bad input in Vietnamese and stores nothing, accepts a valid request with a tracking code and its deadline
 * in working days from the seeded public holidays; editors' marks (complex, extension) and the editable
 * holiday list drive the deadlines; overdue requests are counted for the editors; the public reads nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, todayVn, VN_PUBLIC_HOLIDAYS, workCalendarOf } from '@thads/shared';
import { api, cmsRequire, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
const INFO = 'api::information-request.information-request';
const HOLIDAY = 'api::public-holiday.public-holiday';
const { solveChallenge } = cmsRequire('altcha-lib');
const { deriveKey } = cmsRequire('altcha-lib/algorithms/pbkdf2');

async function solved(): Promise<string> {
  const res = await api(cms.url, '/api/intake/challenge', { headers: { 'x-forwarded-for': '10.50.0.1' } });
  expect(res.status).toBe(200);
  const solution = await solveChallenge({ challenge: res.body, deriveKey });
  return Buffer.from(JSON.stringify({ challenge: res.body, solution })).toString('base64');
}

let address = 0;
const post = (path: string, json: unknown) => api(cms.url, path, { method: 'POST', json, headers: { 'x-forwarded-for': `10.60.${Math.floor(++address / 250)}.${address % 250}` } });

const request = async (change: Record<string, unknown> = {}) => ({
  fullName: 'Đỗ Thị Ngọc Ánh',
  address: 'Thôn Bình Minh, xã Văn Giang, tỉnh Hưng Yên',
  idNumber: '033 188 004 211',
  phone: '0913 222 456',
  email: 'ngocanh@example.com',
  information: 'Quyết định thi hành án số 301/QĐ-THADS và biên bản xác minh điều kiện thi hành án của người phải thi hành án.',
  purpose: 'Để biết tiến độ thi hành bản án mà tôi là người được thi hành án.',
  delivery: 'email',
  consent: true,
  website: '',
  altcha: await solved(),
  ...change,
});

const count = (uid: string) => cms.strapi.db.query(uid).count();
const create = (data: Record<string, unknown>) =>
  cms.strapi.documents(INFO).create({ data: { trackingCode: `YC-T${String(++address).padStart(3, '0')}-TEST`, fullName: 'Người thử', information: 'Thông tin thử nghiệm cần cung cấp.', state: 'received', ...data } });
const login = async (email: string, password: string) => (await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } })).body.data.token as string;

beforeAll(async () => {
  process.env.IS_PROXIED = 'true';
  cms = await startStrapi({ seed: true });
});
afterAll(async () => {
  await cms?.stop();
});

describe('the public holidays', () => {
  it('are seeded on first start with Vietnam’s holidays of 2025–2027, editable data with their source', async () => {
    const rows = await cms.strapi.db.query(HOLIDAY).findMany({ orderBy: { date: 'asc' } });
    expect(rows.map((r: any) => String(r.date).slice(0, 10))).toEqual(VN_PUBLIC_HOLIDAYS.map((h) => h.date));
    const mung1 = rows.find((r: any) => String(r.date).startsWith('2026-02-17'));
    expect(mung1).toMatchObject({ name: 'Tết Nguyên đán Bính Ngọ (mùng 1)', kind: 'holiday', provisional: false });
    expect(mung1.source).toMatch(/Bộ luật Lao động/);
    expect(rows.find((r: any) => String(r.date).startsWith('2027-02-06')).provisional).toBe(true);
  });

  it('are edited by editors in the admin and not by reporters', async () => {
    const editor = await login('bientap@thads-hungyen.example', 'BienTap@2026');
    const reporter = await login('phongvien@thads-hungyen.example', 'PhongVien@2026');
    const list = `/content-manager/collection-types/${HOLIDAY}?page=1&pageSize=5`;
    expect((await api(cms.url, list, { token: editor })).status).toBe(200);
    expect((await api(cms.url, list, { token: reporter })).status).toBe(403);
    expect((await api(cms.url, `/content-manager/collection-types/${INFO}?page=1&pageSize=5`, { token: reporter })).status).toBe(403);
  });
});

describe('a citizen sends an information request', () => {
  let code: string;

  it('is stored with a tracking code and the answer deadline in working days', async () => {
    const res = await post('/api/information-requests/submit', await request());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    code = res.body.data.trackingCode;
    expect(code).toMatch(/^YC-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const calendar = workCalendarOf(VN_PUBLIC_HOLIDAYS);
    expect(res.body.data).toEqual({ trackingCode: code, receivedOn: todayVn(), noticeDue: null, deadline: addWorkingDays(todayVn(), 5, calendar) });
    const stored = await cms.strapi.db.query(INFO).findOne({ where: { trackingCode: code } });
    expect(stored).toMatchObject({ fullName: 'Đỗ Thị Ngọc Ánh', idNumber: '033188004211', phone: '0913222456', delivery: 'email', state: 'received', complex: false, extended: false });
    expect(stored.consentText).toMatch(/đồng ý/);
    expect(stored.consentAt).toBeTruthy();
  });

  it('shows the status and deadline to whoever has the code and the contact, and nothing else', async () => {
    const res = await post('/api/information-requests/status', { code: code.toLowerCase(), contact: 'NgocAnh@example.com' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ code, state: 'received', label: 'Đã tiếp nhận', complex: false, noticeDue: null, deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(res.text).not.toContain('Ánh');
    expect(res.text).not.toContain('033188004211');
    const wrong = await post('/api/information-requests/status', { code, contact: '0987654321' });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toBe('Không tìm thấy yêu cầu với mã tra cứu và thông tin liên hệ này.');
    const question = await post('/api/information-requests/status', { code: 'HD-7K3M-P9QX', contact: '0913222456' });
    expect(question.status).toBe(400);
    expect(question.body.error.message).toBe('Mã tra cứu: không đúng định dạng (ví dụ YC-7K3M-P9QX).');
  });
});

describe('bad input is refused in Vietnamese and stores nothing', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a missing ID number', { idNumber: undefined }, 'Số CMND, căn cước hoặc hộ chiếu: không được để trống.'],
    ['a malformed ID number', { idNumber: '12-34' }, 'Số CMND, căn cước hoặc hộ chiếu: không đúng định dạng (12 số căn cước, 9 số CMND hoặc số hộ chiếu như C1234567).'],
    ['a missing address', { address: '' }, 'Nơi cư trú, địa chỉ: cần ít nhất 5 ký tự.'],
    ['an unknown form of delivery', { delivery: 'fax' }, 'Hình thức nhận thông tin: hãy chọn một hình thức.'],
    ['delivery by email without an email', { email: '' }, 'Thư điện tử: cần có để nhận thông tin qua thư điện tử.'],
    ['HTML', { information: 'Cho tôi xin <a href="x">quyết định</a> thi hành án số 301' }, 'Thông tin yêu cầu cung cấp: không được chứa mã HTML hay mã lệnh.'],
    ['a deadline set by the sender', { deadline: '2030-01-01' }, 'Không được gửi trường do cơ quan quản lý: deadline.'],
    ['the complex mark set by the sender', { complex: true }, 'Không được gửi trường do cơ quan quản lý: complex.'],
    ['no consent', { consent: false }, 'Đồng ý xử lý dữ liệu cá nhân: cần đánh dấu ô đồng ý để gửi.'],
    ['no challenge', { altcha: undefined }, 'Xác minh chống thư rác: chưa hoàn tất, vui lòng thử lại.'],
  ];

  it.each(cases)('refuses %s', async (_name, change, message) => {
    const before = await count(INFO);
    const res = await post('/api/information-requests/submit', await request(change));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
    expect(await count(INFO)).toBe(before);
  });

  it('refuses a replayed challenge, a body that is not JSON and the generic create route, without a 500', async () => {
    const altcha = await solved();
    expect((await post('/api/information-requests/submit', await request({ altcha }))).status).toBe(201);
    const before = await count(INFO);
    const replay = await post('/api/information-requests/submit', await request({ altcha }));
    expect(replay.status).toBe(400);
    expect(replay.body.error.message).toBe('Xác minh chống thư rác: mã này đã được dùng, vui lòng gửi lại.');
    const notJson = await api(cms.url, '/api/information-requests/submit', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.61.0.1' }, body: '{"fullName":' });
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
    expect((await post('/api/information-requests', { data: { trackingCode: 'YC-AAAA-AAAA', fullName: 'x', information: 'y' } })).status).toBe(403);
    expect(await count(INFO)).toBe(before);
  });
});

describe('deadlines in working days', () => {
  it('are computed with the seeded holidays across Tết and a weekend', async () => {
    // Friday 13/02/2026: weekend, Tết 16–20/02, weekend → Monday 23 … Friday 27/02.
    const doc = await create({ receivedOn: '2026-02-13' });
    expect(doc).toMatchObject({ noticeDue: null, deadline: '2026-02-27' });
  });

  it('follow the complex mark and the extension set by an editor', async () => {
    const doc = await create({ receivedOn: '2026-02-13' });
    const complex = await cms.strapi.documents(INFO).update({ documentId: doc.documentId, data: { complex: true } });
    expect(complex).toMatchObject({ noticeDue: '2026-02-25', deadline: '2026-03-13' });
    const extended = await cms.strapi.documents(INFO).update({ documentId: doc.documentId, data: { state: 'extended', noticeSentOn: '2026-02-24' } });
    expect(extended).toMatchObject({ extended: true, noticeDue: '2026-02-25', deadline: '2026-04-03' });
    // An edit of another field keeps the marks; the computed dates cannot be set by hand.
    const edited = await cms.strapi.documents(INFO).update({ documentId: doc.documentId, data: { state: 'answered', deadline: '2030-01-01', response: 'Đã cung cấp.' } });
    expect(edited).toMatchObject({ state: 'answered', extended: true, deadline: '2026-04-03' });
  });

  it('change for a new computation when an editor edits the holiday list', async () => {
    // Thursday 19/11/2026 + 5 working days → Thursday 26/11.
    expect((await create({ receivedOn: '2026-11-19' })).deadline).toBe('2026-11-26');
    const added = await cms.strapi.documents(HOLIDAY).create({ data: { date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam', kind: 'holiday' } });
    expect((await create({ receivedOn: '2026-11-19' })).deadline).toBe('2026-11-27');
    // A Saturday decreed a working day counts.
    const saturday = await cms.strapi.documents(HOLIDAY).create({ data: { date: '2026-11-21', name: 'Làm việc bù', kind: 'working-weekend' } });
    expect((await create({ receivedOn: '2026-11-19' })).deadline).toBe('2026-11-26');
    await cms.strapi.documents(HOLIDAY).delete({ documentId: added.documentId });
    await cms.strapi.documents(HOLIDAY).delete({ documentId: saturday.documentId });
    expect((await create({ receivedOn: '2026-11-19' })).deadline).toBe('2026-11-26');
  });
});

describe('overdue requests stand out for the editors', () => {
  it('counts the late answers and late notices of open requests, for editors only', async () => {
    const editor = await login('bientap@thads-hungyen.example', 'BienTap@2026');
    const summary = async () => (await api(cms.url, '/thads/inbox-summary', { token: editor })).body.data;
    const before = await summary();
    // The demo content holds one request past its deadline.
    expect(before.infoOverdue).toBeGreaterThanOrEqual(1);
    const late = await create({ receivedOn: '2026-01-05' });
    const lateNotice = await create({ receivedOn: todayVn(), complex: true });
    await cms.strapi.db.query(INFO).update({ where: { documentId: lateNotice.documentId }, data: { noticeDue: '2026-01-02' } });
    const refused = await create({ receivedOn: '2026-01-05', state: 'refused' });
    const after = await summary();
    expect(after.infoOverdue).toBe(before.infoOverdue + 2);
    expect(after.infoWaiting).toBe(before.infoWaiting + 2);
    for (const doc of [late, lateNotice, refused]) await cms.strapi.documents(INFO).delete({ documentId: doc.documentId });
    const reporter = await login('phongvien@thads-hungyen.example', 'PhongVien@2026');
    const hidden = (await api(cms.url, '/thads/inbox-summary', { token: reporter })).body.data;
    expect(hidden.infoOverdue).toBeNull();
    expect(hidden.infoWaiting).toBeNull();
  });

  it('erases the personal data of a request on an editor’s demand', async () => {
    const editor = await login('bientap@thads-hungyen.example', 'BienTap@2026');
    const doc = await create({ receivedOn: '2026-03-02', idNumber: '033188004211', address: 'Xã Văn Giang', phone: '0913222456', state: 'closed' });
    const res = await api(cms.url, `/thads/information-requests/${doc.documentId}/erase`, { method: 'POST', token: editor });
    expect(res.status, res.text).toBe(200);
    const stored = await cms.strapi.db.query(INFO).findOne({ where: { documentId: doc.documentId } });
    expect(stored).toMatchObject({ idNumber: null, address: null, phone: null, fullName: 'Đã xoá theo quy định bảo vệ dữ liệu cá nhân' });
    expect(stored.erasedAt).toBeTruthy();
  });
});

describe('the public reads nothing', () => {
  it.each(['information-requests', 'public-holidays'])('every generic route of %s is closed', async (path) => {
    const uid = path === 'information-requests' ? INFO : HOLIDAY;
    const [doc] = await cms.strapi.documents(uid).findMany({ limit: 1 });
    for (const [method, url] of [['GET', `/api/${path}`], ['GET', `/api/${path}/${doc.documentId}`], ['GET', `/api/${path}?populate=*`], ['PUT', `/api/${path}/${doc.documentId}`], ['DELETE', `/api/${path}/${doc.documentId}`]]) {
      const res = await api(cms.url, url!, { method, json: method === 'PUT' ? { data: {} } : undefined });
      expect([401, 403, 404, 405], `${method} ${url}`).toContain(res.status);
      if (doc.trackingCode) expect(res.text).not.toContain(doc.trackingCode);
    }
  });
});
