/**
 * "Trang này có hữu ích không?" on a real Strapi: an answer is stored with the page, the answer and the
 * comment and nothing personal (no address, no browser); bad input is refused like the other forms, with a
 * Vietnamese 4xx and nothing stored; the proof of work and the rate limit apply; the public cannot read the
 * answers; editors read per-page counts with the unhelpful pages first, reporters cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cmsRequire, fromCms, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
const FEEDBACK = 'api::page-feedback.page-feedback';
const { solveChallenge } = cmsRequire('altcha-lib');
const { deriveKey } = cmsRequire('altcha-lib/algorithms/pbkdf2');
const tokens: Record<string, string> = {};

async function solved(): Promise<string> {
  const res = await api(cms.url, '/api/intake/challenge', { headers: { 'x-forwarded-for': '10.50.0.1' } });
  expect(res.status).toBe(200);
  const solution = await solveChallenge({ challenge: res.body, deriveKey });
  return Buffer.from(JSON.stringify({ challenge: res.body, solution })).toString('base64');
}

let address = 0;
const BROWSER = 'Mozilla/5.0 (Linux; Android 14) TestBrowser/123.45';
const post = (json: unknown, from = `10.60.${Math.floor(++address / 250)}.${address % 250}`) =>
  api(cms.url, '/api/page-feedback/submit', { method: 'POST', json, headers: { 'x-forwarded-for': from, 'user-agent': BROWSER } });

const answer = async (change: Record<string, unknown> = {}) => ({
  path: '/hoi-dap/thoi-hieu-yeu-cau-thi-hanh-an-la-bao-lau/',
  title: 'Thời hiệu yêu cầu thi hành án là bao lâu?',
  helpful: 'no',
  comment: 'Cần thêm ví dụ về cách tính thời hiệu.',
  website: '',
  altcha: await solved(),
  ...change,
});

const count = () => cms.strapi.db.query(FEEDBACK).count();

async function login(key: string, email: string, password: string) {
  const res = await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } });
  expect(res.status, res.text).toBe(200);
  tokens[key] = res.body.data.token;
}

beforeAll(async () => {
  process.env.IS_PROXIED = 'true';
  process.env.INTAKE_FEEDBACK_LIMIT = '3/600';
  process.env.FEEDBACK_RETENTION_DAYS = '400';
  process.env.RETENTION_DAYS = '60';
  cms = await startStrapi({ seed: false });
  await login('editor', 'bientap@thads-hungyen.example', 'BienTap@2026');
  await login('reporter', 'phongvien@thads-hungyen.example', 'PhongVien@2026');
});
afterAll(async () => {
  await cms?.stop();
  for (const k of ['INTAKE_FEEDBACK_LIMIT', 'FEEDBACK_RETENTION_DAYS', 'RETENTION_DAYS']) delete process.env[k];
});

describe('a reader answers', () => {
  it('is stored with the page, the answer and the comment, and nothing personal', async () => {
    const from = '10.77.1.23';
    const res = await post(await answer({ comment: '  Cần thêm   ví dụ. '.normalize('NFD') }), from);
    expect(res.status, res.text).toBe(201);
    expect(res.body.data).toEqual({ received: true });
    const rows = await cms.strapi.db.query(FEEDBACK).findMany({});
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({ path: '/hoi-dap/thoi-hieu-yeu-cau-thi-hanh-an-la-bao-lau/', pageTitle: 'Thời hiệu yêu cầu thi hành án là bao lâu?', helpful: false, comment: 'Cần thêm ví dụ.' });
    expect(row.createdAt).toBeTruthy();
    // The model has no place for anything else, and nothing of the request ended up in what is stored.
    const own = Object.keys(cms.strapi.contentType(FEEDBACK).attributes).filter((a) => !['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(a));
    expect(own.sort()).toEqual(['comment', 'helpful', 'pageTitle', 'path']);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(from);
    expect(stored).not.toContain('TestBrowser');
    // The change history is not filled with readers' answers either.
    expect(await cms.strapi.db.query('api::history-entry.history-entry').count({ where: { targetUid: FEEDBACK } })).toBe(0);
  });

  it('accepts "yes" without a comment', async () => {
    const res = await post(await answer({ helpful: 'yes', comment: '' }));
    expect(res.status, res.text).toBe(201);
    const row = await cms.strapi.db.query(FEEDBACK).findOne({ where: { helpful: true } });
    expect(row.comment).toBeNull();
  });
});

describe('bad input is refused and stores nothing', () => {
  const PERSONAL = 'Góp ý: vui lòng không ghi số điện thoại, thư điện tử hay số giấy tờ tùy thân (phản hồi này không lưu thông tin cá nhân).';
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a page of another site', { path: 'https://example.com/phishing/' }, 'Địa chỉ trang: không phải một trang của trang thông tin này.'],
    ['a path with a query string', { path: '/tin-tuc/?utm=x' }, 'Địa chỉ trang: không phải một trang của trang thông tin này.'],
    ['no answer', { helpful: undefined }, 'Trang có hữu ích không: hãy chọn Có hoặc Không.'],
    ['an answer that is neither yes nor no', { helpful: 'maybe' }, 'Trang có hữu ích không: chỉ nhận Có hoặc Không.'],
    ['a comment too long', { comment: 'Ý kiến '.repeat(200) }, 'Góp ý: tối đa 1000 ký tự.'],
    ['HTML in the comment', { comment: '<script>alert(1)</script>' }, 'Góp ý: không được chứa mã HTML hay mã lệnh.'],
    ['a phone number in the comment', { comment: 'Gọi cho tôi số 0912.345.678 nhé' }, PERSONAL],
    ['an email address in the comment', { comment: 'Trả lời vào binh.tran@example.vn' }, PERSONAL],
    ['an identity number in the comment', { comment: 'CCCD của tôi là 034095001234' }, PERSONAL],
    ['a field nobody may send', { ip: '1.2.3.4' }, 'Trường không được phép: ip.'],
    ['the honeypot filled', { website: 'http://spam.example' }, 'Biểu mẫu không hợp lệ.'],
    ['no proof of work', { altcha: undefined }, 'Xác minh chống thư rác: chưa hoàn tất, vui lòng thử lại.'],
    ['a forged proof of work', { altcha: Buffer.from(JSON.stringify({ challenge: { parameters: {}, signature: 'x' }, solution: { counter: 1 } })).toString('base64') }, 'Xác minh chống thư rác: không hợp lệ, vui lòng tải lại trang và gửi lại.'],
  ];

  it.each(cases)('refuses %s with a Vietnamese 400', async (_name, change, message) => {
    const before = await count();
    const res = await post(await answer(change));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
    expect(await count()).toBe(before);
  });

  it('refuses a body that is not JSON or far too large, without a 500', async () => {
    const before = await count();
    const notJson = await api(cms.url, '/api/page-feedback/submit', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.61.0.1' }, body: '{"path": ' });
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
    const huge = await post({ ...(await answer()), comment: 'x'.repeat(40_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/quá lớn/);
    expect(await count()).toBe(before);
  });
});

describe('spam protection', () => {
  it('refuses a proof of work used twice', async () => {
    const altcha = await solved();
    expect((await post(await answer({ altcha }))).status).toBe(201);
    const before = await count();
    const replay = await post(await answer({ altcha }));
    expect(replay.status).toBe(400);
    expect(replay.body.error.message).toBe('Xác minh chống thư rác: mã này đã được dùng, vui lòng gửi lại.');
    expect(await count()).toBe(before);
  });

  it('stops a flood from one address with a 429', async () => {
    const from = '10.99.0.9';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(await answer({ helpful: 'yes' }), from)).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const res = await post(await answer(), from);
    expect(res.body.error.message).toMatch(/quá nhiều yêu cầu/);
  });
});

describe('the answers stay private', () => {
  it('no public route reads, writes or deletes them', async () => {
    const [row] = await cms.strapi.db.query(FEEDBACK).findMany({ limit: 1 });
    const before = await count();
    for (const [method, url] of [
      ['GET', '/api/page-feedbacks'],
      ['GET', `/api/page-feedbacks/${row.documentId}`],
      ['POST', '/api/page-feedbacks'],
      ['PUT', `/api/page-feedbacks/${row.documentId}`],
      ['DELETE', `/api/page-feedbacks/${row.documentId}`],
    ] as const) {
      const res = await api(cms.url, url, { method, json: method === 'POST' || method === 'PUT' ? { data: { path: '/x/', pageTitle: 'x', helpful: true } } : undefined });
      expect([401, 403, 404, 405], `${method} ${url}`).toContain(res.status);
      expect(res.text).not.toContain('ví dụ');
    }
    expect(await count()).toBe(before);
  });
});

describe('the editors’ summary', () => {
  beforeAll(async () => {
    // Five answers on another page, four of them "no"; one "yes" on a third page.
    for (const helpful of ['no', 'no', 'yes', 'no', 'no']) {
      expect((await post(await answer({ path: '/don-vi/phong-thads-khu-vuc-2/', title: 'Phòng Thi hành án dân sự khu vực 2', helpful, comment: helpful === 'no' ? 'Thiếu giờ tiếp công dân buổi chiều.' : '' }))).status).toBe(201);
    }
    expect((await post(await answer({ path: '/tin-tuc/', title: 'Tin tức', helpful: 'yes', comment: '' }))).status).toBe(201);
  });

  it('counts per page, with the pages many find unhelpful first and marked', async () => {
    const res = await api(cms.url, '/thads/page-feedback/summary?days=30', { token: tokens.editor });
    expect(res.status, res.text).toBe(200);
    const { pages, totals } = res.body.data;
    expect(pages[0]).toMatchObject({ path: '/don-vi/phong-thads-khu-vuc-2/', title: 'Phòng Thi hành án dân sự khu vực 2', yes: 1, no: 4, total: 5, noShare: 0.8, flagged: true });
    expect(pages[0].comments[0]).toMatchObject({ helpful: false, comment: 'Thiếu giờ tiếp công dân buổi chiều.' });
    const qa = pages.find((p: any) => p.path === '/hoi-dap/thoi-hieu-yeu-cau-thi-hanh-an-la-bao-lau/');
    expect(qa.total).toBe(qa.yes + qa.no);
    expect(qa.total).toBeGreaterThanOrEqual(5);
    expect(pages.find((p: any) => p.path === '/tin-tuc/')).toMatchObject({ yes: 1, no: 0, flagged: false });
    expect(totals.flagged).toBe(pages.filter((p: any) => p.flagged).length);
    expect(totals.answers).toBe(await count());
    expect(res.body.meta.retentionDays).toBe(400);
  });

  it('refuses reporters, anonymous callers and an unknown period', async () => {
    expect((await api(cms.url, '/thads/page-feedback/summary', { token: tokens.reporter })).status).toBe(403);
    expect((await api(cms.url, '/thads/page-feedback/summary')).status).toBe(401);
    const bad = await api(cms.url, '/thads/page-feedback/summary?days=7', { token: tokens.editor });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Khoảng thời gian/);
  });
});

describe('retention', () => {
  it('tells the site the real retention settings for its privacy notice', async () => {
    const res = await api(cms.url, '/api/intake/policy');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ retentionDays: 60, feedbackRetentionDays: 400, rateLimitMinutes: 10, pressResponseWorkingDays: 5 });
  });

  it('deletes answers older than the retention period, and only those', async () => {
    const { deleteExpiredFeedback } = fromCms('intake/feedback.js');
    const old = new Date(Date.now() - 401 * 86400_000).toISOString();
    await cms.strapi.db.query(FEEDBACK).create({ data: { path: '/tin-tuc/', pageTitle: 'Tin tức', helpful: true, createdAt: old, updatedAt: old } });
    const before = await count();
    expect(await deleteExpiredFeedback(cms.strapi, 400)).toBe(1);
    expect(await count()).toBe(before - 1);
  });
});
