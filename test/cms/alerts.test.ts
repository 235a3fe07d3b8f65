/**
 * Email alerts on a real Strapi with a real SMTP exchange (a local SMTP server counts what it accepted):
 * sign-up → confirmation mail → confirm → publish in the followed topic → one alert with the right links;
 * nothing before confirmation, for drafts, for a publish undone within the debounce window, for an embargoed
 * release before its time; the daily digest gathers the day's items; unsubscribe by link and by
 * List-Unsubscribe-Post; the manage page; bad inputs refused in Vietnamese; addresses never readable through
 * the public API; unconfirmed sign-ups erased after 7 days; a refused recipient recorded as failed; bounces
 * reported later by the relay (DSNs built as Postfix writes them, posted to the bounce intake as a mail pipe
 * would) recorded, and a subscription no longer mailed after repeated hard bounces.
 * On PostgreSQL with TEST_REDIS_URL the queue is BullMQ in Redis.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, fromCms, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { mailboxEnv, startMailbox, type Mailbox, type Received } from '../helpers/alert-mailbox.ts';
import { buildDsn } from '../helpers/dsn.ts';

let cms: TestStrapi;
let box: Mailbox;
const SITE = 'https://thads-hungyen.example';
const BOUNCE_SECRET = 'khoa-thu-bao-loi-chi-dung-khi-thu-0123456789';
const ENV = { ALERTS_BOUNCE_ADDRESS: 'bounce@thads-hungyen.example', ALERTS_BOUNCE_SECRET: BOUNCE_SECRET, ALERTS_BOUNCE_LIMIT: '2', ALERTS_TICK_SECONDS: '0', ALERTS_SITE_URL: SITE, ALERTS_BACKOFF_SECONDS: '0', ALERTS_MAX_ATTEMPTS: '2', ALERTS_SUBSCRIBE_LIMIT: '1000/600', ALERTS_CONFIRM_LIMIT: '1000/600', INTAKE_LOOKUP_LIMIT: '1000/600' };

let batches: any;
let alerts: any;
let settings: any;
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);
/** What the tick does, at a chosen time (the debounce window and embargoes are minutes long), then the queue emptied. */
const settleAt = async (when: Date) => {
  await batches.dispatchDue(cms.strapi, settings, when);
  await alerts.alertsSettle();
};

let address = 0;
const post = (path: string, json: unknown) => api(cms.url, path, { method: 'POST', json, headers: { 'x-forwarded-for': `10.9.${Math.floor(++address / 250)}.${address % 250}` } });

/** A header as sent (mailparser folds the List-* headers into one structure). */
const header = (mail: Received, name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(mail.raw.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim() ?? '';

const linkIn = (mail: Received, action: 'confirm' | 'unsubscribe' | 'manage') => {
  const m = new RegExp(`https?://[^\\s"<>]+/api/alerts/${action}\\?s=([a-z0-9]+)&t=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!m) throw new Error(`no ${action} link in: ${mail.text}`);
  return { url: `/api/alerts/${action}?s=${m[1]}&t=${m[2]}`, s: m[1]!, t: m[2]! };
};

async function subscribe(email: string, follows: string[], frequency = 'immediate') {
  const before = box.to(email).length;
  const res = await post('/api/alerts/subscribe', { email, follows, frequency, consent: true, website: '' });
  expect(res.status, res.text).toBe(202);
  await box.until(`the confirmation to ${email}`, () => box.to(email).length > before);
  return box.to(email).at(-1)!;
}

async function confirmFrom(mail: Received) {
  const link = linkIn(mail, 'confirm');
  const res = await post('/api/alerts/confirm', { s: link.s, t: link.t });
  expect(res.status, res.text).toBe(200);
  return res;
}

const blocks = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
let topic: { documentId: string; slug: string; name: string };

async function publishQa(title: string) {
  const docs = cms.strapi.documents('api::legal-qa.legal-qa');
  const draft = await docs.create({ data: { title, question: `${title}?`, answer: blocks('Trả lời.'), topic: topic.documentId } as any });
  await docs.publish({ documentId: draft.documentId });
  return (await docs.findOne({ documentId: draft.documentId, status: 'published' })) as any;
}

beforeAll(async () => {
  box = await startMailbox({ reject: (to) => (to.startsWith('khong-ton-tai@') ? { code: 550, message: '5.1.1 Không có hộp thư này' } : null) });
  process.env.IS_PROXIED = 'true';
  Object.assign(process.env, mailboxEnv(box), ENV);
  cms = await startStrapi({ seed: true });
  batches = fromCms('alerts/batches');
  alerts = fromCms('alerts/index');
  settings = fromCms('alerts/settings').alertSettings();
  topic = (await cms.strapi.documents('api::topic.topic').findFirst({ status: 'published', filters: { slug: 'cap-duong' } })) as any;
});
afterAll(async () => {
  await cms?.stop();
  for (const k of [...Object.keys(ENV), 'SMTP_HOST', 'SMTP_PORT', 'SMTP_IGNORE_TLS', 'SMTP_FROM', 'IS_PROXIED']) delete process.env[k];
  await box?.close();
});

describe('signing up', () => {
  it.each([
    ['no address', { email: '' }, 'email', 'Thư điện tử: không được để trống.'],
    ['a malformed address', { email: 'ban-doc@@x' }, 'email', 'Thư điện tử: không đúng định dạng (ví dụ ten@example.com).'],
    ['a topic that does not exist', { follows: ['topic:khong-co-linh-vuc-nay'] }, 'follows', 'Nội dung theo dõi: mục "topic:khong-co-linh-vuc-nay" không có trong danh sách.'],
    ['a district that does not exist', { follows: ['district:ha-noi'] }, 'follows', 'Nội dung theo dõi: mục "district:ha-noi" không có trong danh sách.'],
    ['an unknown kind', { follows: ['type:citizen-question'] }, 'follows', 'Nội dung theo dõi: mục "type:citizen-question" không có trong danh sách.'],
    ['another frequency', { frequency: 'hourly' }, 'frequency', 'Tần suất nhận thư: chỉ chọn "Ngay khi có tin mới", "Hằng ngày" hoặc "Hằng tuần".'],
    ['no consent', { consent: false }, 'consent', 'Đồng ý nhận thư: cần đánh dấu ô đồng ý để đăng ký.'],
    ['a state chosen by the sender', { state: 'confirmed' }, 'state', 'Không được gửi trường do cơ quan quản lý: state.'],
    ['a forged proof of work', { altcha: 'eyJjaGFsbGVuZ2UiOnt9fQ==AAAAAAAA' }, 'altcha', 'Xác minh chống thư rác: không hợp lệ, vui lòng tải lại trang và gửi lại.'],
  ])('refuses %s with a 400 in Vietnamese, storing nothing', async (_name, change, field, message) => {
    const before = await cms.strapi.db.query('api::alert-subscription.alert-subscription').count();
    const res = await post('/api/alerts/subscribe', { email: 'ban-doc@example.com', follows: ['type:article'], frequency: 'daily', consent: true, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.find((e: any) => e.path[0] === field)?.message).toBe(message);
    expect(await cms.strapi.db.query('api::alert-subscription.alert-subscription').count()).toBe(before);
  });

  it('answers a plain HTML form (no JavaScript) with a page', async () => {
    const res = await api(cms.url, '/api/alerts/subscribe', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.8.0.1' }, body: 'email=form%40example.com&follows=type%3Apress-release&frequency=weekly&consent=on&website=' });
    expect(res.status).toBe(202);
    expect(res.text).toContain('<html lang="vi">');
    expect(res.text).toContain('Vui lòng mở thư chúng tôi vừa gửi');
  });

  it('keeps addresses out of every public route', async () => {
    await subscribe('rieng-tu@example.com', ['type:article']);
    for (const path of ['/api/alert-subscriptions', '/api/alert-deliveries', '/api/alert-batches', '/api/alert-subscriptions?populate=*', '/API/alert-subscriptions']) {
      const res = await api(cms.url, path);
      expect([403, 404], path).toContain(res.status);
      expect(res.text).not.toContain('rieng-tu@example.com');
    }
    const editor = (await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } })).body.data.token;
    const cm = await api(cms.url, '/content-manager/collection-types/api::alert-subscription.alert-subscription', { token: editor });
    expect(cm.status).toBe(403);
    expect(cm.text).not.toContain('rieng-tu@example.com');
  });
});

describe('immediate alerts', () => {
  const reader = 'nguoi-doc@example.com';
  const waiting = 'chua-xac-nhan@example.com';

  it('mails a confirmation in Vietnamese; the link confirms with one button (a GET changes nothing)', async () => {
    expect(fromCms('alerts/queue').queueMode()).toBe(cms.db === 'postgres' && process.env.TEST_REDIS_URL ? 'redis' : 'database');
    const mail = await subscribe(reader, [`topic:${topic.slug}`]);
    expect(mail.subject).toContain('Xác nhận đăng ký nhận thông báo');
    expect(mail.text).toContain(`Lĩnh vực hỏi đáp: ${topic.name}`);
    expect(mail.html).toContain('Xác nhận đăng ký');
    const link = linkIn(mail, 'confirm');
    const page = await api(cms.url, link.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post"');
    const sub = await cms.strapi.db.query('api::alert-subscription.alert-subscription').findOne({ where: { email: reader } });
    expect(sub.state).toBe('pending');
    await confirmFrom(mail);
    expect((await cms.strapi.db.query('api::alert-subscription.alert-subscription').findOne({ where: { email: reader } })).state).toBe('confirmed');
    expect((await post('/api/alerts/confirm', { s: link.s, t: 'A'.repeat(32) })).status).toBe(404);
    await subscribe(waiting, [`topic:${topic.slug}`]);
  });

  it('sends one alert per publish in the followed topic, with the right links, to confirmed subscribers only', async () => {
    const qa = await publishQa('Thủ tục yêu cầu thi hành án cấp dưỡng khi người phải thi hành án ở tỉnh khác');
    await settleAt(later(settings.debounceSeconds + 1));
    const alertsTo = box.to(reader).filter((m) => !m.subject.includes('Xác nhận'));
    expect(alertsTo).toHaveLength(1);
    const mail = alertsTo[0]!;
    expect(mail.subject).toBe(`Giải đáp pháp luật: ${qa.title}`);
    expect(mail.text).toContain(`${SITE}/hoi-dap/${qa.slug}/`);
    expect(mail.html).toContain(`href="${SITE}/hoi-dap/${qa.slug}/"`);
    expect(header(mail, 'List-Unsubscribe')).toMatch(/^<https?:\/\/[^>]+\/api\/alerts\/unsubscribe\?s=[a-z0-9]+&t=[A-Za-z0-9_-]+>$/);
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // Links to our own site and CMS only: no tracking, no images.
    const hosts = new Set([...mail.html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => new URL(m[1]!).host));
    expect([...hosts].sort()).toEqual([new URL(SITE).host, 'localhost:1337'].sort());
    expect(mail.html).not.toContain('<img');
    expect(box.to(waiting).filter((m) => !m.subject.includes('Xác nhận'))).toHaveLength(0);

    // Nothing twice: another pass, a republish of the same item.
    await cms.strapi.documents('api::legal-qa.legal-qa').update({ documentId: qa.documentId, data: { question: 'Câu hỏi đã sửa?' } as any });
    await cms.strapi.documents('api::legal-qa.legal-qa').publish({ documentId: qa.documentId });
    await settleAt(later(settings.debounceSeconds + 1));
    expect(box.to(reader).filter((m) => !m.subject.includes('Xác nhận'))).toHaveLength(1);
  });

  it('sends nothing for a draft, nor for a publish undone within the debounce window', async () => {
    const docs = cms.strapi.documents('api::legal-qa.legal-qa');
    const before = box.mails.length;
    await docs.create({ data: { title: 'Bản nháp chưa xuất bản về cấp dưỡng', question: 'Nháp?', answer: blocks('Nháp.'), topic: topic.documentId } as any });
    const qa = await publishQa('Đăng nhầm rồi gỡ ngay trong mấy giây');
    await docs.unpublish({ documentId: qa.documentId });
    const deleted = await publishQa('Đăng nhầm rồi xoá hẳn');
    await docs.delete({ documentId: deleted.documentId });
    await settleAt(later(settings.debounceSeconds + 1));
    expect(box.mails.length).toBe(before);
    const batch = await cms.strapi.db.query('api::alert-batch.alert-batch').findOne({ where: { itemDocumentId: qa.documentId } });
    expect(batch.state).toBe('cancelled');
  });

  it('sends an embargoed press release only once its embargo is over', async () => {
    const journalist = 'phong-vien@bao.example';
    await confirmFrom(await subscribe(journalist, ['type:press-release']));
    const docs = cms.strapi.documents('api::press-release.press-release');
    const until = later(3600);
    const release = await docs.create({ data: { title: 'Thông cáo cấm đăng trước giờ G về đợt cưỡng chế', body: blocks('Nội dung.'), embargoUntil: until.toISOString() } as any });
    await docs.publish({ documentId: release.documentId });
    await settleAt(later(settings.debounceSeconds + 1));
    expect(box.to(journalist).filter((m) => !m.subject.includes('Xác nhận'))).toHaveLength(0);
    await settleAt(new Date(until.getTime() + 1000));
    const sent = box.to(journalist).filter((m) => !m.subject.includes('Xác nhận'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('Thông cáo báo chí: Thông cáo cấm đăng trước giờ G về đợt cưỡng chế');
  });

  it('records a publish made inside a transaction once it commits, and none when it rolls back', async () => {
    const docs = cms.strapi.documents('api::legal-qa.legal-qa');
    const batchOf = (documentId: string) => cms.strapi.db.query('api::alert-batch.alert-batch').findOne({ where: { itemDocumentId: documentId } });
    const make = async (title: string) => {
      const d = await docs.create({ data: { title, question: `${title}?`, answer: blocks('Trả lời.'), topic: topic.documentId } as any });
      await docs.publish({ documentId: d.documentId });
      return d.documentId as string;
    };
    const kept = await cms.strapi.db.transaction(() => make('Xuất bản trong một giao dịch'));
    for (let i = 0; i < 100 && !(await batchOf(kept)); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await batchOf(kept)).toMatchObject({ state: 'scheduled' });
    let undone = '';
    await cms.strapi.db
      .transaction(async () => {
        undone = await make('Xuất bản trong một giao dịch bị huỷ');
        throw new Error('rollback');
      })
      .catch(() => {});
    // A rollback runs no commit callback: nothing was or will be recorded.
    expect(await batchOf(undone)).toBeNull();
    await docs.unpublish({ documentId: kept });
    expect(await batchOf(kept)).toMatchObject({ state: 'cancelled' });
  });

  it('records a recipient the relay refuses for good as a failure, without retrying', async () => {
    const bad = 'khong-ton-tai@example.com';
    const res = await post('/api/alerts/subscribe', { email: bad, follows: ['type:article'], frequency: 'daily', consent: true });
    expect(res.status).toBe(202);
    await alerts.alertsSettle();
    const sub = await cms.strapi.db.query('api::alert-subscription.alert-subscription').findOne({ where: { email: bad } });
    const delivery = await cms.strapi.db.query('api::alert-delivery.alert-delivery').findOne({ where: { subscriptionId: sub.id } });
    expect(delivery).toMatchObject({ state: 'failed', attempts: 1 });
    expect(delivery.error).toContain('550');
    expect(box.to(bad)).toHaveLength(0);
    // A hard bounce of the subscription (one of ALERTS_BOUNCE_LIMIT), recorded once.
    expect(delivery.bouncedAt).not.toBeNull();
    expect((await cms.strapi.db.query('api::alert-subscription.alert-subscription').findOne({ where: { email: bad } })).hardBounces).toBe(1);
  });
});

describe('digests', () => {
  it('gathers the day\'s items a daily subscriber follows in one mail', async () => {
    const daily = 'ban-tin@example.com';
    await confirmFrom(await subscribe(daily, [`topic:${topic.slug}`, 'type:press-release'], 'daily'));
    const one = await publishQa('Hỏi đáp thứ nhất trong ngày về cấp dưỡng');
    const two = await publishQa('Hỏi đáp thứ hai trong ngày về cấp dưỡng');
    await settleAt(later(settings.debounceSeconds + 1));
    expect(box.to(daily).filter((m) => !m.subject.includes('Xác nhận'))).toHaveLength(0);
    const digest = await batches.createDigest(cms.strapi, settings, 'daily', later(settings.debounceSeconds + 2));
    expect(digest.created).toBe(true);
    await settleAt(later(settings.debounceSeconds + 3));
    const mails = box.to(daily).filter((m) => !m.subject.includes('Xác nhận'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Bản tin hằng ngày ngày \d\d\/\d\d\/\d{4}: \d+ tin mới/);
    for (const qa of [one, two]) expect(mails[0]!.text).toContain(`${SITE}/hoi-dap/${qa.slug}/`);
    // the release of the embargo test is still under embargo at the digest's time; unpublished and draft items are not in it
    expect(mails[0]!.text).not.toContain('Thông cáo cấm đăng trước giờ G');
    expect(mails[0]!.text).not.toContain('Đăng nhầm');
    expect(mails[0]!.text).not.toContain('Bản nháp chưa xuất bản');
    // the same day again: nothing more
    expect((await batches.createDigest(cms.strapi, settings, 'daily', later(settings.debounceSeconds + 4))).created).toBe(false);
  });

  it("gathers in the next day's digest only that day's items, and the week's items in the weekly digest", async () => {
    const daily = 'ban-tin@example.com';
    const weekly = 'ban-tin-tuan@example.com';
    await confirmFrom(await subscribe(weekly, [`topic:${topic.slug}`, 'type:press-release'], 'weekly'));
    const dailyBefore = box.to(daily).length;
    // Two days on: one more Q&A, alerted then.
    const third = await publishQa('Hỏi đáp của hai ngày sau về cấp dưỡng');
    await settleAt(later(2 * 86400));
    expect((await batches.createDigest(cms.strapi, settings, 'daily', later(2 * 86400 + 60))).created).toBe(true);
    await settleAt(later(2 * 86400 + 61));
    const next = box.to(daily).slice(dailyBefore);
    expect(next).toHaveLength(1);
    expect(next[0]!.subject).toMatch(/^Bản tin hằng ngày ngày \d\d\/\d\d\/\d{4}: 1 tin mới/);
    expect(next[0]!.text).toContain(`${SITE}/hoi-dap/${third.slug}/`);
    expect(next[0]!.text).not.toContain('Hỏi đáp thứ nhất trong ngày');
    expect(box.to(weekly).filter((m) => !m.subject.includes('Xác nhận'))).toHaveLength(0);

    // The weekly digest: everything alerted in the seven days, the release whose embargo ended included.
    expect((await batches.createDigest(cms.strapi, settings, 'weekly', later(2 * 86400 + 120))).created).toBe(true);
    await settleAt(later(2 * 86400 + 121));
    const week = box.to(weekly).filter((m) => !m.subject.includes('Xác nhận'));
    expect(week).toHaveLength(1);
    expect(week[0]!.subject).toMatch(/^Bản tin hằng tuần từ \d\d\/\d\d\/\d{4} đến \d\d\/\d\d\/\d{4}: \d+ tin mới/);
    for (const title of ['Hỏi đáp thứ nhất trong ngày về cấp dưỡng', 'Hỏi đáp thứ hai trong ngày về cấp dưỡng', 'Hỏi đáp của hai ngày sau về cấp dưỡng', 'Thông cáo cấm đăng trước giờ G về đợt cưỡng chế']) expect(week[0]!.text).toContain(title);
    expect(week[0]!.text).not.toContain('Đăng nhầm');
    // Daily subscribers get no weekly digest; the same week again: nothing more.
    expect(box.to(daily).slice(dailyBefore)).toHaveLength(1);
    expect((await batches.createDigest(cms.strapi, settings, 'weekly', later(2 * 86400 + 180))).created).toBe(false);
  });
});

describe('unsubscribe and manage', () => {
  it('unsubscribes in one click (List-Unsubscribe-Post) and erases the address', async () => {
    const reader = 'mot-cham@example.com';
    await confirmFrom(await subscribe(reader, [`topic:${topic.slug}`]));
    await publishQa('Một câu hỏi để có thư có tiêu đề huỷ một chạm');
    await settleAt(later(settings.debounceSeconds + 1));
    const mail = box.to(reader).at(-1)!;
    const url = new URL(/<([^>]+)>/.exec(header(mail, 'List-Unsubscribe'))![1]!);
    const res = await api(cms.url, url.pathname + url.search, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status, res.text).toBe(200);
    expect(await cms.strapi.db.query('api::alert-subscription.alert-subscription').findOne({ where: { email: reader } })).toBeNull();
    // again: still fine (already gone)
    expect((await api(cms.url, url.pathname + url.search, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })).status).toBe(200);
  });

  it('unsubscribes from the link in the mail: a page, then its button', async () => {
    const reader = 'nguoi-doc@example.com';
    const mail = box.to(reader).at(-1)!;
    const link = linkIn(mail, 'unsubscribe');
    const page = await api(cms.url, link.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Huỷ đăng ký');
    expect(await cms.strapi.db.query('api::alert-subscription.alert-subscription').findOne({ where: { email: reader } })).not.toBeNull();
    const res = await api(cms.url, '/api/alerts/unsubscribe', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `s=${link.s}&t=${link.t}` });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Đã huỷ đăng ký');
    expect(await cms.strapi.db.query('api::alert-subscription.alert-subscription').findOne({ where: { email: reader } })).toBeNull();
  });

  it('changes what one follows from the mail, without an account; bad input is refused', async () => {
    const reader = 'ban-tin@example.com';
    const link = linkIn(box.to(reader).at(-1)!, 'manage');
    const view = await api(cms.url, link.url, { headers: { accept: 'application/json' } });
    expect(view.status).toBe(200);
    expect(view.body.data).toEqual({ email: 'b***@example.com', follows: [`topic:${topic.slug}`, 'type:press-release'].sort(), frequency: 'daily' });
    const form = await api(cms.url, link.url, { headers: { accept: 'text/html' } });
    expect(form.text).toContain(`value="topic:${topic.slug}" checked`);
    const changed = await post('/api/alerts/manage', { s: link.s, t: link.t, follows: ['type:story'], frequency: 'weekly' });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.data).toMatchObject({ follows: ['type:story'], frequency: 'weekly' });
    const bad = await post('/api/alerts/manage', { s: link.s, t: link.t, follows: [], frequency: 'weekly' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('Nội dung theo dõi: hãy chọn ít nhất một mục.');
    expect((await post('/api/alerts/manage', { s: link.s, t: 'x'.repeat(32), follows: ['type:story'], frequency: 'weekly' })).status).toBe(404);
  });

  it('erases sign-ups not confirmed within 7 days', async () => {
    const subs = cms.strapi.db.query('api::alert-subscription.alert-subscription');
    expect(await subs.findOne({ where: { email: 'chua-xac-nhan@example.com' } })).not.toBeNull();
    const erase = fromCms('alerts/subscriptions').eraseUnconfirmed;
    expect(await erase(cms.strapi, later(6 * 86400))).toBe(0);
    expect(await erase(cms.strapi, later(8 * 86400))).toBeGreaterThan(0);
    expect(await subs.findOne({ where: { email: 'chua-xac-nhan@example.com' } })).toBeNull();
    expect(await subs.count({ where: { state: 'pending' } })).toBe(0);
    expect(await subs.findOne({ where: { email: 'phong-vien@bao.example' } })).not.toBeNull();
  });
});

describe('bounces reported later by the relay', () => {
  const bounce = (body: string | object, o: { type?: string; secret?: string | null; query?: string } = {}) =>
    api(cms.url, `/api/alerts/bounces${o.query ?? ''}`, {
      method: 'POST',
      headers: { 'content-type': o.type ?? (typeof body === 'string' ? 'message/rfc822' : 'application/json'), ...(o.secret === null ? {} : { authorization: `Bearer ${o.secret ?? BOUNCE_SECRET}` }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const subs = () => cms.strapi.db.query('api::alert-subscription.alert-subscription');
  const deliveryOf = (mail: Received) => cms.strapi.db.query('api::alert-delivery.alert-delivery').findOne({ where: { id: Number(/\+d(\d+)-/.exec(mail.mailFrom)![1]) } });
  const VERP = /^bounce\+d(\d+)-[0-9a-f]{20}@thads-hungyen\.example$/;

  it('sends every mail from its own signed return path (VERP), naming the mail', async () => {
    expect(box.mails.length).toBeGreaterThan(5);
    for (const mail of box.mails) {
      expect(mail.mailFrom).toMatch(VERP);
      expect(mail.messageId).toBe(`<alert-${VERP.exec(mail.mailFrom)![1]}@thads-hungyen.example>`);
      expect(header(mail, 'From')).toBe('thong-bao@thads-hungyen.example');
    }
    expect(new Set(box.mails.map((m) => m.mailFrom)).size).toBe(box.mails.length);
  });

  it('marks a mail failed when a DSN reports it bounced, and stops mailing after repeated hard bounces', async () => {
    const gone = 'hop-thu-da-xoa@example.com';
    await confirmFrom(await subscribe(gone, [`topic:${topic.slug}`]));
    const alertsTo = () => box.to(gone).filter((m) => !m.subject.includes('Xác nhận'));
    await publishQa('Hỏi đáp để thử thư bị trả lại lần một');
    await settleAt(later(settings.debounceSeconds + 1));
    const first = alertsTo()[0]!;
    expect((await deliveryOf(first)).state).toBe('sent');

    // The relay accepted it, then the recipient's server said no: the DSN comes back to the return path and a
    // mail pipe posts it, raw, with the envelope recipient.
    const dsn = buildDsn({ to: first.mailFrom, recipient: gone, original: first.raw, noTo: true });
    const res = await bounce(dsn, { query: `?recipient=${encodeURIComponent(first.mailFrom)}` });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toEqual({ recorded: true, kind: 'hard', stopped: false, action: 'failed', status: '5.1.1' });
    const failed = await deliveryOf(first);
    expect(failed).toMatchObject({ state: 'failed' });
    expect(failed.error).toContain('Thư bị trả lại: 5.1.1');
    expect(failed.error).toContain('User unknown');
    expect(failed.bouncedAt).not.toBeNull();
    expect(await subs().findOne({ where: { email: gone } })).toMatchObject({ state: 'confirmed', hardBounces: 1 });
    // The same DSN again (a pipe that retried): counted once.
    const again = await bounce(dsn, { query: `?recipient=${encodeURIComponent(first.mailFrom)}` });
    expect(again.body.data).toMatchObject({ recorded: false, duplicate: true });
    expect((await subs().findOne({ where: { email: gone } })).hardBounces).toBe(1);

    // A second hard bounce, posted as JSON by a relay's webhook (the token read from the DSN's To): the limit.
    await publishQa('Hỏi đáp để thử thư bị trả lại lần hai');
    await settleAt(later(settings.debounceSeconds + 1));
    const second = alertsTo()[1]!;
    const res2 = await bounce({ message: buildDsn({ to: second.mailFrom, recipient: gone, original: second.raw, status: '5.2.1', diagnostic: 'smtp; 550 5.2.1 The email account that you tried to reach is disabled' }) });
    expect(res2.status, res2.text).toBe(200);
    expect(res2.body.data).toMatchObject({ recorded: true, kind: 'hard', stopped: true });
    expect(await subs().findOne({ where: { email: gone } })).toMatchObject({ state: 'bounced', hardBounces: 2 });

    // No longer mailed.
    await publishQa('Hỏi đáp sau khi hộp thư đã bị ngừng gửi');
    await settleAt(later(settings.debounceSeconds + 1));
    expect(alertsTo()).toHaveLength(2);

    // Editors see it, without the address the relay quoted.
    const editor = (await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } })).body.data.token;
    const summary = await api(cms.url, '/thads/alerts/summary', { token: editor });
    expect(summary.body.data.subscribers.bounced).toBe(1);
    expect(summary.body.data.failures.find((f: any) => f.bounced && f.error.includes('5.1.1'))?.error).toMatch(/^Thư bị trả lại: 5\.1\.1 550 5\.1\.1 <\*\*\*>: Recipient address rejected/);
    expect(summary.text).not.toContain(gone);

    // Signing up again starts over: a new confirmation, and once confirmed the bounces no longer count.
    const confirmation = await subscribe(gone, [`topic:${topic.slug}`]);
    expect(await subs().findOne({ where: { email: gone } })).toMatchObject({ state: 'pending' });
    await confirmFrom(confirmation);
    expect(await subs().findOne({ where: { email: gone } })).toMatchObject({ state: 'confirmed', hardBounces: 0 });
  });

  it('changes nothing for a delay report, and records a temporary failure the relay gave up on without counting it', async () => {
    const slow = 'hop-thu-day@example.com';
    const confirmation = await subscribe(slow, ['type:article']);
    await alerts.alertsSettle(); // its record written
    const delayed = await bounce(buildDsn({ to: confirmation.mailFrom, recipient: slow, original: confirmation.raw, action: 'delayed', status: '4.4.7', diagnostic: 'smtp; 452 4.2.2 Mailbox full' }));
    expect(delayed.status, delayed.text).toBe(200);
    expect(delayed.body.data).toEqual({ recorded: false, kind: null, action: 'delayed', status: '4.4.7' });
    expect((await deliveryOf(confirmation)).state).toBe('sent');
    const gaveUp = await bounce(buildDsn({ to: confirmation.mailFrom, recipient: slow, original: confirmation.raw, status: '4.2.2', diagnostic: 'smtp; 452 4.2.2 Mailbox full' }));
    expect(gaveUp.body.data).toMatchObject({ recorded: true, kind: 'soft', stopped: false });
    expect((await deliveryOf(confirmation)).error).toContain('lỗi tạm thời');
    expect(await subs().findOne({ where: { email: slow } })).toMatchObject({ state: 'pending', hardBounces: 0 });
  });

  it('takes DSNs from the mail pipe a bounce mailbox runs (cms/scripts/bounce-pipe.js)', async () => {
    const pipe = (recipient: string, input: string, secret = BOUNCE_SECRET) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, [path.resolve(import.meta.dirname, '../../cms/scripts/bounce-pipe.js'), recipient], { env: { ...process.env, ALERTS_BOUNCE_URL: cms.url, ALERTS_BOUNCE_SECRET: secret } });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('close', (code) => resolve({ code, out, err }));
        child.stdin.end(input);
      });
    const gone = 'hop-thu-khong-con@example.com';
    const confirmation = await subscribe(gone, ['type:article']);
    await alerts.alertsSettle();
    const dsn = buildDsn({ to: confirmation.mailFrom, recipient: gone, original: confirmation.raw, noTo: true });
    // A wrong secret: the MTA is told to keep the message and try again (EX_TEMPFAIL), nothing recorded.
    expect((await pipe(confirmation.mailFrom, dsn, 'sai-khoa')).code).toBe(75);
    expect((await deliveryOf(confirmation)).state).toBe('sent');
    const done = await pipe(confirmation.mailFrom, dsn);
    expect(done.code, done.err).toBe(0);
    expect(JSON.parse(done.out).data).toMatchObject({ recorded: true, kind: 'hard' });
    expect(await deliveryOf(confirmation)).toMatchObject({ state: 'failed' });
    expect((await subs().findOne({ where: { email: gone } })).hardBounces).toBe(1);
    // Not a DSN of ours: nothing to keep (exit 0, the refusal on stderr); nothing at all on stdin: 66.
    const other = await pipe('bounce@thads-hungyen.example', 'From: a@example.com\r\nSubject: Tôi đang nghỉ phép\r\n\r\nXin chào.\r\n');
    expect(other.code).toBe(0);
    expect(other.err).toContain('422');
    expect((await pipe('', '')).code).toBe(66);
  });

  it('refuses bad inputs with a 4xx in Vietnamese, never a 500', async () => {
    const mail = box.to('hop-thu-day@example.com')[0]!;
    const dsn = buildDsn({ to: mail.mailFrom, recipient: 'hop-thu-day@example.com', original: mail.raw });
    const forged = buildDsn({ to: mail.mailFrom.replace(/-[0-9a-f]{20}@/, `-${'0'.repeat(20)}@`), recipient: 'x@example.com', original: 'Subject: x\r\n\r\n' });
    const unknownMail = buildDsn({ to: fromCms('alerts/bounces').returnPath(settings, 987654321), recipient: 'x@example.com' });
    const cases: [string, Promise<{ status: number; body: any; text: string }>, number, RegExp][] = [
      ['no secret', bounce(dsn, { secret: null }), 401, /^Thiếu hoặc sai khoá tiếp nhận thư báo lỗi gửi\.$/],
      ['a wrong secret', bounce(dsn, { secret: 'doan-bua' }), 401, /^Thiếu hoặc sai khoá/],
      ['a form post', bounce('message=x', { type: 'application/x-www-form-urlencoded' }), 415, /^Chỉ nhận thư báo lỗi gửi dạng message\/rfc822/],
      ['text that is no mail', bounce({ message: 'không phải một lá thư' }), 400, /^Thư báo lỗi gửi: cần nội dung thư nguyên bản/],
      ['a number', bounce({ message: 42 }), 400, /^Thư báo lỗi gửi: cần nội dung thư nguyên bản/],
      ['an unknown field', bounce({ message: dsn, state: 'failed' }), 400, /^Không được gửi trường do cơ quan quản lý: state\.$/],
      ['a message over the limit', bounce({ message: `Subject: x\r\n\r\n${'a'.repeat(600 * 1024)}` }), 400, /^Thư báo lỗi gửi: tối đa 512 KB\.$/],
      ['bytes that are no mail', bounce('\u0000\u0001\u0002 rác', {}), 400, /^Thư báo lỗi gửi: cần nội dung thư nguyên bản/],
      ['an ordinary mail', bounce('From: a@example.com\r\nTo: bounce@thads-hungyen.example\r\nSubject: Tôi đang nghỉ phép\r\n\r\nXin chào.\r\n'), 422, /^Thư gửi đến không phải báo cáo trạng thái gửi thư/],
      ['a forged token', bounce(forged), 422, /^Không tìm thấy mã thư hợp lệ/],
      ['invalid JSON', bounce('{"message": ', { type: 'application/json' }), 400, /JSON/],
    ];
    for (const [name, pending, status, message] of cases) {
      const res = await pending;
      expect(res.status, `${name}: ${res.text}`).toBe(status);
      expect(res.body.error.message, name).toMatch(message);
    }
    // A signed token of a mail that no longer exists (erased with its subscriber): accepted, nothing to record.
    const gone = await bounce(unknownMail);
    expect(gone.status, gone.text).toBe(200);
    expect(gone.body.data.recorded).toBe(false);
  });
});

describe('what editors see', () => {
  const login = async (email: string, password: string) => (await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } })).body.data.token as string;

  it('shows editors confirmed subscribers per followed topic and the batches sent with their failures, never an address', async () => {
    const editor = await login('bientap@thads-hungyen.example', 'BienTap@2026');
    const res = await api(cms.url, '/thads/alerts/summary', { token: editor });
    expect(res.status, res.text).toBe(200);
    const data = res.body.data;
    // the journalist and the weekly digest's reader
    expect(data.follows).toContainEqual({ key: 'type:press-release', label: 'Thông cáo báo chí', confirmed: 2 });
    expect(data.subscribers.confirmed).toBeGreaterThan(0);
    const release = data.batches.find((b: any) => b.title === 'Thông cáo cấm đăng trước giờ G về đợt cưỡng chế');
    expect(release).toMatchObject({ kind: 'immediate', state: 'dispatched', recipients: 1, sent: 1, failed: 0 });
    expect(data.failures.some((f: any) => /550/.test(f.error))).toBe(true);
    expect(res.text).not.toMatch(/[a-z0-9.-]+@(example\.com|bao\.example)/);
  });

  it('shows reporters nothing', async () => {
    const reporter = await login('phongvien@thads-hungyen.example', 'PhongVien@2026');
    expect((await api(cms.url, '/thads/alerts/summary', { token: reporter })).status).toBe(403);
    expect((await api(cms.url, '/thads/alerts/erase', { method: 'POST', json: { email: 'phong-vien@bao.example' }, token: reporter })).status).toBe(403);
  });

  it('lets an editor erase an address on request without reading any', async () => {
    const editor = await login('bientap@thads-hungyen.example', 'BienTap@2026');
    const bad = await api(cms.url, '/thads/alerts/erase', { method: 'POST', json: { email: 'khong-phai-dia-chi' }, token: editor });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('Thư điện tử: không đúng định dạng (ví dụ ten@example.com).');
    const res = await api(cms.url, '/thads/alerts/erase', { method: 'POST', json: { email: 'Phong-Vien@bao.example' }, token: editor });
    expect(res.body.data).toEqual({ erased: 1 });
    expect(await cms.strapi.db.query('api::alert-subscription.alert-subscription').findOne({ where: { email: 'phong-vien@bao.example' } })).toBeNull();
  });
});
