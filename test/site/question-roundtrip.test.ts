/**
 * The whole way of a citizen's question: sent through the public endpoint, answered by an editor in the
 * admin, turned into a Q&A and published; after a rebuild the site shows the answer and nothing of who
 * asked; the status look-up links to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, cmsRequire, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { buildSite } from '../helpers/site.ts';

let cms: TestStrapi;
const { solveChallenge } = cmsRequire('altcha-lib');
const { deriveKey } = cmsRequire('altcha-lib/algorithms/pbkdf2');
const PERSON = { name: 'Đỗ Thị Mai Phương', phone: '0966555444', email: 'maiphuong@example.com' };

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
});
afterAll(async () => {
  await cms?.stop();
});

it('goes from the form to a published answer without personal data', async () => {
  const challenge = (await api(cms.url, '/api/intake/challenge')).body;
  const altcha = Buffer.from(JSON.stringify({ challenge, solution: await solveChallenge({ challenge, deriveKey }) })).toString('base64');
  const sent = await api(cms.url, '/api/citizen-questions/submit', {
    method: 'POST',
    json: { ...PERSON, locality: 'phường Mỹ Hào', topic: 'khau-tru-thu-nhap', question: 'Công ty tôi nhận quyết định khấu trừ lương của một nhân viên để thi hành án. Mỗi tháng được trừ tối đa bao nhiêu?', consent: true, website: '', altcha },
  });
  expect(sent.status, sent.text).toBe(201);
  const code = sent.body.data.trackingCode;

  const token = (await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } })).body.data.token;
  const question = await cms.strapi.db.query('api::citizen-question.citizen-question').findOne({ where: { trackingCode: code } });
  const CM = '/content-manager/collection-types/api::citizen-question.citizen-question';
  const answered = await api(cms.url, `${CM}/${question.documentId}`, {
    method: 'PUT',
    token,
    json: { answer: 'Theo Điều 78 Luật Thi hành án dân sự, mức khấu trừ cao nhất là 30% tổng số tiền lương, tiền công hằng tháng, trừ trường hợp đương sự có thỏa thuận khác.', state: 'answered' },
  });
  expect(answered.status, answered.text).toBe(200);
  const made = await api(cms.url, `/thads/citizen-questions/${question.documentId}/to-legal-qa`, { method: 'POST', token });
  expect(made.status, made.text).toBe(200);
  const qaId = made.body.data.documentId;
  const published = await api(cms.url, `/content-manager/collection-types/api::legal-qa.legal-qa/${qaId}/actions/publish`, { method: 'POST', token, json: {} });
  expect(published.status, published.text).toBe(200);

  const status = await api(cms.url, '/api/citizen-questions/status', { method: 'POST', json: { code, contact: PERSON.email } });
  expect(status.body.data.state).toBe('published');
  const url: string = status.body.data.answerUrl;
  expect(url).toMatch(/^\/hoi-dap\/.+\/$/);

  const out = path.join(cms.tmp, 'site');
  const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out });
  expect(build.code, build.output.slice(-2000)).toBe(0);
  const html = fs.readFileSync(path.join(out, url.slice(1), 'index.html'), 'utf8');
  expect(html).toContain('30% tổng số tiền lương');
  expect(html).toContain('Bạn đọc ở phường Mỹ Hào');
  const everything = fs.readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')).map((f) => fs.readFileSync(path.join(out, String(f)), 'utf8')).join('\n');
  for (const value of Object.values(PERSON)) expect(everything).not.toContain(value);
  expect(everything).not.toContain(code);
});
