/**
 * The release guard (cms/src/security/release-guard.ts) against a generated attack space, on a real Strapi with
 * the demo content: no draft, unpublished edit, embargoed entry, private field or private inbox reaches a caller
 * Strapi did not authenticate to read it, whatever the route, the Authorization header, the spelling of the path
 * or the query; and nothing answers 5xx.
 *
 * Every content type gets marked documents (the markers are in the text a leak would carry):
 *  - an unpublished edit: a published document whose draft was changed afterwards (ZZLEAK-EDIT);
 *  - a never-published document: a published one edited, then unpublished (ZZLEAK-DRAFT), so that the published
 *    documents that related to it (units, categories, topics, legal documents are everywhere) must drop it;
 *  - private fields of published documents (ZZLEAK-PRIVATE), a private inbox item, an embargoed press release,
 *    and a published article related to a category that was never published (ZZLEAK-REL).
 * The space: every GET route of the Content API that Strapi lists (core routes of every type, plugins', ours)
 * with its ids × Authorization forms × path spellings × draft selectors. All pairs of those four dimensions are
 * covered (a greedy pairwise covering array), and the whole product of forms × selectors on the article list and a draft's findOne.
 * List answers must also count no more than the published documents (meta.pagination.total).
 * Positive controls show the markers are there for a caller allowed to see them (an API token, the admin, the
 * publisher's preview), so the absence asserted below is not vacuous. Removing the guard's registration in
 * cms/src/index.ts makes this file fail (measured: see the note of issue 15).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVATE_COLLECTIONS, PUBLIC_COLLECTIONS, PUBLIC_SINGLES } from '@thads/shared';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
const PUBLISHER_SECRET = crypto.randomBytes(16).toString('hex');
const MARK = 'ZZLEAK';

type Target = { path: string; uid?: string; list: boolean; label: string };
const targets: Target[] = [];
/** Documents a caller may see in a list, by uid (published, released), and in every locale. */
const visible: Record<string, { one: number; all: number }> = {};
const marked: Record<string, { draft: string; edited: string }> = {};
let embargoedId = '';
let relatedArticleId = '';
/** Authorization forms of callers who may not read unreleased content. */
const auth: Record<string, string | undefined> = {};
let validToken = '';

const body = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const pluralOf = (uid: string) => (cms.strapi.getModel(uid).info as { pluralName: string; singularName: string }).pluralName;

/** The text field a leak would show: the title or name, else the first string field that is not a slug. */
function markerField(uid: string): string | null {
  const attributes = cms.strapi.getModel(uid).attributes as Record<string, any>;
  for (const name of ['title', 'name', 'question', 'debtorName', 'number']) if (attributes[name]?.type === 'string' || attributes[name]?.type === 'text') return name;
  return Object.entries(attributes).find(([, a]) => (a.type === 'string' || a.type === 'text') && !a.private)?.[0] ?? null;
}
const privateTextFields = (uid: string) =>
  Object.entries(cms.strapi.getModel(uid).attributes as Record<string, any>)
    .filter(([, a]) => a.private && (a.type === 'string' || a.type === 'text'))
    .map(([name]) => name);

beforeAll(async () => {
  process.env.PUBLISHER_SECRET = PUBLISHER_SECRET;
  cms = await startStrapi({ seed: true });
  const { strapi } = cms;

  // Marked documents of every public draft-and-publish type.
  for (const uid of PUBLIC_COLLECTIONS) {
    const docs = strapi.documents(uid);
    const field = markerField(uid);
    const tag = uid.split('.')[1];
    const published = await docs.findMany({ status: 'published', sort: 'id:asc', limit: 3 });
    expect(published.length, `${uid}: the demo content has published documents`).toBeGreaterThanOrEqual(2);
    const [edited, unpublished, third] = published;
    const secret = privateTextFields(uid);
    if (secret.length && third) {
      await docs.update({ documentId: third.documentId, data: Object.fromEntries(secret.map((f) => [f, `${MARK}-PRIVATE-${tag}`])) });
      await docs.publish({ documentId: third.documentId });
    }
    if (field) {
      await docs.update({ documentId: edited.documentId, data: { [field]: `${MARK}-EDIT-${tag}` } });
      await docs.update({ documentId: unpublished.documentId, data: { [field]: `${MARK}-DRAFT-${tag}` } });
    }
    await docs.unpublish({ documentId: unpublished.documentId });
    marked[uid] = { edited: edited.documentId, draft: unpublished.documentId };
  }
  // Single types: an unpublished edit of one, the other unpublished with its edit.
  const [setting, spokesperson] = PUBLIC_SINGLES as readonly [string, string];
  for (const uid of [setting, spokesperson]) {
    const field = markerField(uid)!;
    const current = await strapi.documents(uid).findFirst({ status: 'published' });
    await strapi.documents(uid).update({ documentId: current.documentId, data: { [field]: `${MARK}-EDIT-${uid.split('.')[1]}` } });
  }
  const sp = await strapi.documents(spokesperson).findFirst({ status: 'published' });
  await strapi.documents(spokesperson).unpublish({ documentId: sp.documentId });

  // An embargoed press release, published a week ahead of its time.
  const releases = strapi.documents('api::press-release.press-release');
  const embargoed = await releases.create({ data: { title: `${MARK}-EMBARGO cấm đăng`, body: body(`${MARK}-EMBARGO nội dung`), embargoUntil: new Date(Date.now() + 7 * 86_400_000).toISOString() } as any });
  await releases.publish({ documentId: embargoed.documentId });
  embargoedId = embargoed.documentId;

  // A published article related to a category that was never published.
  const category = await strapi.documents('api::category.category').create({ data: { name: `${MARK}-REL chuyên mục nháp` } as any });
  const article = await strapi.documents('api::article.article').create({ data: { title: 'Tin công khai liên kết chuyên mục nháp', body: body('Nội dung.'), format: 'tin', category: category.documentId } as any });
  await strapi.documents('api::article.article').publish({ documentId: article.documentId });
  relatedArticleId = article.documentId;

  // A private inbox item.
  const question = await strapi.documents('api::citizen-question.citizen-question').create({ data: { trackingCode: 'HD-LEAK01', name: `${MARK}-PRIVATE công dân`, question: `${MARK}-PRIVATE câu hỏi riêng?`, state: 'received' } as any });

  // What a caller may see: published documents, without the embargoed release (counted outside any request).
  for (const uid of PUBLIC_COLLECTIONS) {
    const filters = uid === 'api::press-release.press-release' ? { $or: [{ embargoUntil: { $null: true } }, { embargoUntil: { $lte: new Date().toISOString() } }] } : {};
    visible[uid] = { one: await strapi.documents(uid).count({ status: 'published', filters }), all: await strapi.documents(uid).count({ status: 'published', filters, locale: '*' } as any) };
  }

  // Authorization forms, including credentials Strapi refuses: expired, revoked, of a deleted user.
  const tokens = strapi.service('admin::api-token');
  const expired = await tokens.create({ name: 'Khoá hết hạn', type: 'read-only', lifespan: 7 * 86_400_000, description: '' });
  await strapi.db.query('admin::api-token').update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 86_400_000) } });
  const revoked = await tokens.create({ name: 'Khoá đã thu hồi', type: 'full-access', lifespan: null, description: '' });
  await tokens.revoke(revoked.id);
  const valid = await tokens.create({ name: 'Khoá xem trước', type: 'read-only', lifespan: null, description: '' });
  validToken = valid.accessKey;
  const editorRole = (await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } })) ?? (await strapi.db.query('admin::role').findOne({ where: {} }));
  const ghost = await strapi.service('admin::user').create({ email: 'da-nghi@thads-hungyen.example', firstname: 'Đã', lastname: 'Nghỉ', password: 'DaNghi@2026x', isActive: true, registrationToken: null, roles: [editorRole.id] });
  const ghostLogin = await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'da-nghi@thads-hungyen.example', password: 'DaNghi@2026x' } });
  expect(ghostLogin.status, ghostLogin.text).toBe(200);
  await strapi.service('admin::user').deleteById(ghost.id);
  const editor = await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } });

  Object.assign(auth, {
    none: undefined,
    empty: '',
    x: 'x',
    basic: `Basic ${Buffer.from('quantri@thads-hungyen.example:QuanTri@2026').toString('base64')}`,
    bearerAlone: 'Bearer',
    bearerTwoWords: 'Bearer a b',
    lowerBearerRandom: `bearer ${crypto.randomBytes(32).toString('hex')}`,
    randomToken: `Bearer ${crypto.randomBytes(128).toString('hex')}`,
    expiredToken: `Bearer ${expired.accessKey}`,
    revokedToken: `Bearer ${revoked.accessKey}`,
    deletedUserJwt: `Bearer ${ghostLogin.body.data.token}`,
    // An admin session is for the admin panel's routes; on the Content API it is no credential.
    editorAdminJwt: `Bearer ${editor.body.data.token}`,
  });

  // Every GET route of the Content API, with its ids.
  const routes: string[] = [...new Set<string>(strapi.server.listRoutes().filter((r: any) => r.methods.includes('GET') && /^\/api\//.test(r.path)).map((r: any) => r.path))];
  const uidByPlural = new Map<string, string>([...PUBLIC_COLLECTIONS, ...PUBLIC_SINGLES, ...PRIVATE_COLLECTIONS].map((uid) => [pluralOf(uid), uid]));
  const singles = new Map<string, string>(PUBLIC_SINGLES.map((uid) => [(strapi.getModel(uid).info as { singularName: string }).singularName, uid]));
  for (const route of routes) {
    const segment = route.split('/')[2] ?? '';
    const uid = uidByPlural.get(segment) ?? singles.get(segment);
    const fill = (id: string) =>
      route
        .replace(/:id\b|:documentId\b/, id)
        .replace(':type', 'articles')
        .replace(':provider', 'local')
        .replace(':uid', 'api::article.article')
        .replace('(.*)', 'local');
    if (!/:\w+|\(\.\*\)/.test(route)) {
      targets.push({ path: route, uid, list: Boolean(uid && !singles.has(segment)), label: route });
      continue;
    }
    const own = uid ? marked[uid] : undefined;
    const ids = uid === 'api::citizen-question.citizen-question' ? [question.documentId as string] : own ? [own.draft, own.edited] : [marked['api::article.article']!.draft];
    if (uid === 'api::press-release.press-release') ids.push(embargoedId);
    if (uid === 'api::article.article') ids.push(relatedArticleId);
    for (const id of ids) targets.push({ path: fill(id), uid, list: false, label: route });
  }
  expect(targets.length).toBeGreaterThan(50);
}, 600_000);

afterAll(async () => {
  await cms?.stop();
});

/** Spellings of one path that Strapi's router may or may not take for the canonical one. */
const PATH_FORMS: Record<string, (p: string) => string> = {
  canonical: (p) => p,
  upper: (p) => p.replace('/api/', '/API/'),
  capital: (p) => p.replace('/api/', '/Api/'),
  mixed: (p) => p.replace('/api/', '/aPi/'),
  leadingDouble: (p) => `/${p}`,
  innerDouble: (p) => p.replace('/api/', '/api//'),
  encodedLetter: (p) => p.replace('/api/', '/%61pi/'),
  encodedSlash: (p) => p.replace('/api/', '/api%2F'),
  encodedUpper: (p) => p.replace('/api/', '/%41PI/'),
  trailingSlash: (p) => `${p}/`,
  dotSegment: (p) => p.replace('/api/', '/api/./'),
};

/** Ways to ask for unpublished content, in every spelling and array form. */
const SELECTORS = [
  '',
  'status=draft',
  'status=DRAFT',
  'status=Draft',
  'status[]=draft',
  'status[0]=draft',
  'status[$eq]=draft',
  'status=published&status=draft',
  'status=draft&status=published',
  'status=%64raft',
  'publicationState=preview',
  'publicationState=draft',
  'filters[publishedAt][$null]=true',
  'filters[$or][0][publishedAt][$null]=true&filters[$or][1][id][$gt]=0',
  'hasPublishedVersion=false',
  'publicationFilter=never-published',
  'publicationFilter=modified',
  'locale=*',
  'locale=all&status=draft',
  'populate=*',
  'status=draft&populate=*',
  'status=draft&locale=*&populate=*&pagination[pageSize]=100',
  `status=draft&filters[embargoUntil][$notNull]=true`,
  'status=draft&pagination[withCount]=true&pagination[pageSize]=1',
];

type Case = { target: Target; auth: string; path: string; selector: string };

/** Greedy pairwise covering array over the four dimensions (every pair of values appears in some case). */
function pairwise(): Case[] {
  const indices = (n: number) => Array.from({ length: n }, (_, i) => i);
  const dims: number[][] = [indices(targets.length), indices(Object.keys(auth).length), indices(Object.keys(PATH_FORMS).length), indices(SELECTORS.length)];
  const values = (d: number) => dims[d]!;
  const authNames = Object.keys(auth);
  const pathNames = Object.keys(PATH_FORMS);
  const uncovered = new Set<string>();
  const key = (a: number, va: number, b: number, vb: number) => `${a}:${va}|${b}:${vb}`;
  for (let a = 0; a < 4; a++) for (let b = a + 1; b < 4; b++) for (const va of values(a)) for (const vb of values(b)) uncovered.add(key(a, va, b, vb));
  const rows: number[][] = [];
  const gain = (row: number[]) => {
    let n = 0;
    for (let a = 0; a < 4; a++) for (let b = a + 1; b < 4; b++) if (uncovered.has(key(a, row[a]!, b, row[b]!))) n++;
    return n;
  };
  const take = (row: number[]) => {
    for (let a = 0; a < 4; a++) for (let b = a + 1; b < 4; b++) uncovered.delete(key(a, row[a]!, b, row[b]!));
    rows.push(row);
  };
  // The two largest dimensions (targets × selectors) drive the rows; the others are chosen for the most new pairs.
  for (const t of values(0))
    for (const s of values(3)) {
      let best = [t, 0, 0, s];
      let bestGain = -1;
      for (const a of values(1))
        for (const p of values(2)) {
          const g = gain([t, a, p, s]);
          if (g > bestGain) [best, bestGain] = [[t, a, p, s], g];
        }
      take(best);
    }
  for (const pair of [...uncovered]) {
    if (!uncovered.has(pair)) continue;
    const row = [0, 0, 0, 0];
    for (const part of pair.split('|')) {
      const [d = 0, v = 0] = part.split(':').map(Number);
      row[d] = v;
    }
    take(row);
  }
  return rows.map(([t = 0, a = 0, p = 0, s = 0]) => ({ target: targets[t]!, auth: authNames[a]!, path: pathNames[p]!, selector: SELECTORS[s]! }));
}

async function request(c: Case) {
  const pathname = PATH_FORMS[c.path]!(c.target.path);
  const sort = c.target.list ? 'sort=updatedAt:desc' : '';
  const query = [c.selector, sort].filter(Boolean).join('&');
  const headers: Record<string, string> = {};
  if (auth[c.auth] !== undefined) headers.authorization = auth[c.auth]!;
  const res = await fetch(`${cms.url}${pathname}${query ? `?${query}` : ''}`, { headers });
  return { status: res.status, text: await res.text(), url: `${pathname}?${query}` };
}

/** What no unauthorised answer may hold or be: a marker, more documents than are released, a 5xx. */
function violations(c: Case, res: { status: number; text: string; url: string }): string[] {
  const found: string[] = [];
  const where = `${c.auth} ${res.url} → ${res.status}`;
  if (res.status >= 500) found.push(`${where}: server error`);
  const leaked = res.text.match(/ZZLEAK-[A-Z]+-?[a-z-]*/g);
  if (leaked) found.push(`${where}: ${[...new Set(leaked)].join(', ')}`);
  if (res.status === 200 && c.target.list && c.target.uid && visible[c.target.uid]) {
    const total = JSON.parse(res.text).meta?.pagination?.total;
    const counts = visible[c.target.uid]!;
    const allowed = /locale=(\*|all)/.test(c.selector) ? counts.all : counts.one;
    if (typeof total === 'number' && total > allowed) found.push(`${where}: ${total} documents listed, ${allowed} released`);
  }
  return found;
}

async function runCases(cases: Case[]) {
  const found: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      found.push(...violations(c, await request(c)));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return found;
}

describe('the generated attack space', () => {
  it('the marked content is there for callers allowed to see it (positive controls)', async () => {
    const token = validToken;
    const drafts = await api(cms.url, '/api/articles?status=draft&sort=updatedAt:desc&pagination[pageSize]=100', { token });
    const has = (text: string, marker: string) => text.includes(`${MARK}-${marker}`);
    expect(has(drafts.text, 'DRAFT-article') && has(drafts.text, 'EDIT-article'), 'an API token lists drafts').toBe(true);
    expect(has((await api(cms.url, `/api/articles/${marked['api::article.article']!.draft}?status=draft`, { token })).text, 'DRAFT-article'), 'an API token reads a draft').toBe(true);
    expect((await api(cms.url, `/api/press-releases/${embargoedId}`, { token })).status).toBe(200);
    const preview = await api(cms.url, `/api/thads-preview/articles/${marked['api::article.article']!.draft}`, { headers: { 'x-publisher-secret': PUBLISHER_SECRET } });
    expect(preview.status).toBe(200);
    expect(has(preview.text, 'DRAFT-article'), 'the preview route reads a draft').toBe(true);
    const editor = await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } });
    const panel = await api(cms.url, `/content-manager/collection-types/api::article.article/${marked['api::article.article']!.draft}?status=draft`, { token: editor.body.data.token });
    expect(panel.status).toBe(200);
    expect(has(panel.text, 'DRAFT-article'), 'the admin reads a draft').toBe(true);
    // Each type's marked documents exist as drafts (every route below is asked about real unpublished content).
    for (const uid of PUBLIC_COLLECTIONS) {
      const draft = await cms.strapi.documents(uid).findOne({ documentId: marked[uid]!.draft, status: 'draft' });
      expect(draft, uid).toBeTruthy();
    }
  });

  it('all pairs of route × Authorization × path form × selector: nothing unreleased, nothing 5xx', async () => {
    const cases = pairwise();
    expect(cases.length).toBeGreaterThan(targets.length * SELECTORS.length - 1);
    const found = await runCases(cases);
    expect(found.slice(0, 40), `${found.length} violations in ${cases.length} cases`).toEqual([]);
  }, 600_000);

  it('the article list and a draft under every Authorization form × selector, and every path form × selector', async () => {
    // The list and a never-published draft's findOne (the edited and related findOne are in the pairwise set).
    const draftId = marked['api::article.article']!.draft;
    const articleTargets = targets.filter((t) => t.uid === 'api::article.article' && (t.list || t.path.endsWith(`/${draftId}`)));
    expect(articleTargets).toHaveLength(2);
    const cases: Case[] = [];
    for (const target of articleTargets)
      for (const selector of SELECTORS) {
        for (const a of Object.keys(auth)) cases.push({ target, auth: a, path: 'canonical', selector });
        for (const p of Object.keys(PATH_FORMS)) cases.push({ target, auth: 'x', path: p, selector });
      }
    const found = await runCases(cases);
    expect(found.slice(0, 40), `${found.length} violations in ${cases.length} cases`).toEqual([]);
  }, 600_000);
});

describe('errors met before our code are Vietnamese and shaped like ours', () => {
  const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
  const POSTS = ['/api/citizen-questions/submit', '/api/press-requests/submit', '/api/page-feedback/submit', '/api/citizen-questions/status', '/API/information-requests/submit'];
  const BODIES: Record<string, string> = {
    'invalid JSON': '{bad',
    'a JSON number': '1',
    'a JSON string': '"câu hỏi"',
    'truncated JSON': '{"name": "Nguyễn',
    '__proto__ key': '{"__proto__": {"admin": true}, "name": "x"}',
    'nested __proto__': '{"data": {"a": {"__proto__": {"x": 1}}}}',
    'constructor.prototype': '{"constructor": {"prototype": {"admin": true}}}',
    'body over the limit': JSON.stringify({ question: 'x'.repeat(3_000_000) }),
  };
  const GETS = [
    '/api/articles?sort=khongco:desc',
    '/api/articles?filters[$khongco]=1',
    '/api/articles?populate[khongco]=true',
    '/api/articles?fields[0]=khongco',
    '/api/khong-co-loai-nay',
    '/api/citizen-questions',
    '/api/articles/khong-co-tai-lieu-nay',
    '/api/articles%2F..%2F..%2Fpackage.json',
    '/khong-co-duong-dan',
    '/api/articles?filters[title][$khongco]=x',
    '/api/articles?pagination[page]=1&pagination[start]=0',
  ];

  const check = (where: string, res: { status: number; body: any; text: string }) => {
    expect(res.status, where).toBeGreaterThanOrEqual(400);
    expect(res.status, where).toBeLessThan(500);
    expect(res.body?.data, `${where}: ${res.text.slice(0, 200)}`).toBeNull();
    expect(res.body?.error?.status, where).toBe(res.status);
    expect(res.body?.error?.message, `${where}: ${res.text.slice(0, 200)}`).toMatch(VIETNAMESE);
  };

  it.each(Object.keys(BODIES))('a body of %s to every public form', async (kind) => {
    for (const path of POSTS) {
      const res = await api(cms.url, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODIES[kind] });
      check(`${kind} → ${path}`, res);
    }
  });

  it.each(GETS)('GET %s', async (path) => {
    check(path, await api(cms.url, path));
  });

  it('methods the public may not use', async () => {
    for (const [method, path] of [['PUT', '/api/articles/x'], ['DELETE', '/api/site-setting'], ['POST', '/api/articles'], ['PATCH', '/api/articles']] as const) {
      check(`${method} ${path}`, await api(cms.url, path, { method, json: { data: {} } }));
    }
  });
});

describe('redirects of the CMS', () => {
  /** A raw request (fetch would normalise the path), never following a redirect. */
  const raw = (p: string) =>
    new Promise<{ status: number; location?: string }>((resolve, reject) => {
      const { hostname, port } = new URL(cms.url);
      http.get({ hostname, port, path: p }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location }));
      }).on('error', reject);
    });

  it('point only at the CMS itself, whatever the spelling of the path', async () => {
    const prefixes = ['/', '//', '///', '/%2F', '/\\', '/%5C', '//evil.example/', '/%2Fevil.example/'];
    const paths = ['', 'admin', 'admin/', 'api', 'api/articles', 'uploads', 'uploads/', 'evil.example', 'evil.example/admin', 'documentation'];
    for (const prefix of prefixes)
      for (const rest of paths) {
        const res = await raw(`${prefix}${rest}`);
        expect(res.status, `${prefix}${rest}`).toBeLessThan(500);
        if (res.location) expect(new URL(res.location, cms.url).origin, `${prefix}${rest} → ${res.location}`).toBe(cms.url);
      }
  });
});
