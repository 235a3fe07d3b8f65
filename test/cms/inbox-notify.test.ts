/**
 * Editors hear of new items: by email through a real SMTP exchange (a local SMTP server stands in for
 * the agency's), and on the admin home page through the inbox summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { api, cmsRequire, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
let smtp: SMTPServer;
const mails: string[] = [];
const { solveChallenge } = cmsRequire('altcha-lib');
const { deriveKey } = cmsRequire('altcha-lib/algorithms/pbkdf2');

async function solved() {
  const challenge = (await api(cms.url, '/api/intake/challenge')).body;
  return Buffer.from(JSON.stringify({ challenge, solution: await solveChallenge({ challenge, deriveKey }) })).toString('base64');
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      let raw = '';
      stream.on('data', (c) => (raw += c));
      stream.on('end', () => {
        mails.push(raw);
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  Object.assign(process.env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
    SMTP_IGNORE_TLS: 'true',
    SMTP_FROM: 'cong-thong-tin@thads.example',
    NOTIFY_EMAILS: 'bientap@thads-hungyen.example',
  });
  cms = await startStrapi({ seed: true });
});
afterAll(async () => {
  await cms?.stop();
  for (const k of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_IGNORE_TLS', 'SMTP_FROM', 'NOTIFY_EMAILS']) delete process.env[k];
  await new Promise<void>((r) => smtp.close(() => r()));
});

const waitForMail = async (n: number) => {
  for (let i = 0; i < 100 && mails.length < n; i++) await new Promise((r) => setTimeout(r, 50));
};

describe('notifications', () => {
  it('emails the editors about a new question, without the citizen\'s contact details', async () => {
    const res = await api(cms.url, '/api/citizen-questions/submit', {
      method: 'POST',
      json: { name: 'Võ Thị Lan', phone: '0977123456', email: 'lan@example.com', topic: 'cap-duong', question: 'Xin hỏi thủ tục yêu cầu thi hành án cấp dưỡng nuôi con như thế nào ạ?', consent: true, website: '', altcha: await solved() },
    });
    expect(res.status, res.text).toBe(201);
    await waitForMail(1);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toContain('bientap@thads-hungyen.example');
    expect(mail).toContain(res.body.data.trackingCode);
    expect(mail).not.toContain('0977123456');
    expect(mail).not.toContain('lan@example.com');
  });

  it('counts what waits for the editors on the admin home page', async () => {
    const token = (await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } })).body.data.token;
    await cms.strapi.documents('api::press-request.press-request').create({ data: { trackingCode: 'BC-LATE-TEST', journalistName: 'A', outlet: 'B', subject: 'Quá hạn', questions: 'x', deadline: '2020-01-02', state: 'received' } });
    const res = await api(cms.url, '/thads/inbox-summary', { token });
    expect(res.status).toBe(200);
    expect(res.body.data.newQuestions).toBe(1);
    expect(res.body.data.pressOverdue).toBe(1);
    const reporter = (await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'phongvien@thads-hungyen.example', password: 'PhongVien@2026' } })).body.data.token;
    const hidden = await api(cms.url, '/thads/inbox-summary', { token: reporter });
    expect(hidden.body.data).toEqual({ newQuestions: null, questionsInProgress: null, answeredNotPublished: null, pressWaiting: null, pressOverdue: null, infoWaiting: null, infoOverdue: null });
  });
});
