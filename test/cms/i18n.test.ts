/**
 * Units and site settings in Vietnamese (the default locale) and English on a real Strapi with the demo
 * content: reads without a locale stay Vietnamese, `locale=en` gives the English text, contacts are shared by
 * both versions (so the English pages stay in step), and no draft of either locale reaches the public API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, fromCms, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
const UNIT = 'api::unit.unit';
const AGENCY = 'thads-tinh-hung-yen';

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
});
afterAll(async () => {
  await cms?.stop();
});

const units = () => cms.strapi.documents(UNIT);
async function agencyId(): Promise<string> {
  const found = await units().findFirst({ filters: { slug: AGENCY }, fields: ['documentId'] });
  return found!.documentId;
}

describe('locales', () => {
  it('has Vietnamese as the default and English beside it', async () => {
    const service = cms.strapi.plugin('i18n').service('locales');
    expect(await service.getDefaultLocale()).toBe('vi');
    expect((await service.find()).map((l: any) => l.code).sort()).toEqual(['en', 'vi']);
  });

  it('stays so when the boot step runs again (idempotent)', async () => {
    const { ensureLocales } = fromCms('bootstrap/locales');
    await ensureLocales(cms.strapi);
    await ensureLocales(cms.strapi);
    const service = cms.strapi.plugin('i18n').service('locales');
    expect(await service.getDefaultLocale()).toBe('vi');
    expect(await service.count()).toBe(2);
  });
});

describe('units in two languages', () => {
  it('Document Service without a locale returns the Vietnamese unit, with locale en the English one', async () => {
    const documentId = await agencyId();
    const vi = await units().findOne({ documentId, status: 'published' });
    const en = await units().findOne({ documentId, locale: 'en', status: 'published' });
    expect(vi!.locale).toBe('vi');
    expect(vi!.name).toBe('Thi hành án dân sự tỉnh Hưng Yên');
    expect(en!.locale).toBe('en');
    expect(en!.name).toBe('Civil Judgment Enforcement Department of Hung Yen Province');
    expect(en!.slug).toBe(vi!.slug);
  });

  it('REST without a locale lists Vietnamese units; ?locale=en the English ones', async () => {
    const vi = await api(cms.url, `/api/units?filters[slug][$eq]=${AGENCY}`);
    expect(vi.status).toBe(200);
    expect(vi.body.data).toHaveLength(1);
    expect(vi.body.data[0].name).toBe('Thi hành án dân sự tỉnh Hưng Yên');
    const en = await api(cms.url, `/api/units?locale=en&filters[slug][$eq]=${AGENCY}`);
    expect(en.status).toBe(200);
    expect(en.body.data).toHaveLength(1);
    expect(en.body.data[0].name).toBe('Civil Judgment Enforcement Department of Hung Yen Province');
    expect(en.body.data[0].headTitle).toBe('Director');
    // The same contacts and head in both.
    for (const field of ['phone', 'email', 'address', 'head', 'kind', 'order', 'active']) expect(en.body.data[0][field]).toEqual(vi.body.data[0][field]);
  });

  it('has an English version of every active demo unit and none of the merged former offices', async () => {
    const all = await api(cms.url, '/api/units?pagination[pageSize]=100&fields[0]=slug&fields[1]=active');
    const en = await api(cms.url, '/api/units?locale=en&pagination[pageSize]=100&fields[0]=slug');
    const active = all.body.data.filter((u: any) => u.active !== false).map((u: any) => u.slug).sort();
    expect(en.body.data.map((u: any) => u.slug).sort()).toEqual(active);
    expect(all.body.data.length).toBeGreaterThan(active.length);
  });

  it('shares the contacts: a new phone on the Vietnamese version shows on the English one', async () => {
    const documentId = await agencyId();
    await units().update({ documentId, data: { phone: '0221 3999 001', email: 'moi@thads-hungyen.gov.vn' }, status: 'published' });
    const en = await api(cms.url, `/api/units?locale=en&filters[slug][$eq]=${AGENCY}`);
    expect(en.body.data[0].phone).toBe('0221 3999 001');
    expect(en.body.data[0].email).toBe('moi@thads-hungyen.gov.vn');
    // …and the English text stays English.
    expect(en.body.data[0].name).toBe('Civil Judgment Enforcement Department of Hung Yen Province');
    const vi = await api(cms.url, `/api/units?filters[slug][$eq]=${AGENCY}`);
    expect(vi.body.data[0].name).toBe('Thi hành án dân sự tỉnh Hưng Yên');
  });

  it('a unit created without a locale is Vietnamese; its English version can be added later', async () => {
    const created = await units().create({ data: { name: 'Phòng Thi hành án dân sự khu vực 7', kind: 'regional-office', phone: '0221 3000 777' }, status: 'published' });
    expect(created.locale).toBe('vi');
    expect(created.slug).toBe('phong-thi-hanh-an-dan-su-khu-vuc-7');
    const en = await units().update({ documentId: created.documentId, locale: 'en', data: { name: 'Regional Civil Judgment Enforcement Office No. 7', slug: created.slug }, status: 'published' });
    expect(en.locale).toBe('en');
    expect(en.phone).toBe('0221 3000 777');
    expect(en.kind).toBe('regional-office');
    await units().delete({ documentId: created.documentId, locale: '*' });
  });
});

describe('site settings in two languages', () => {
  it('REST without a locale is Vietnamese, ?locale=en English, with the same contacts', async () => {
    const vi = await api(cms.url, '/api/site-setting');
    const en = await api(cms.url, '/api/site-setting?locale=en');
    expect(vi.status).toBe(200);
    expect(en.status).toBe(200);
    expect(vi.body.data.agencyName).toBe('Thi hành án dân sự tỉnh Hưng Yên');
    expect(en.body.data.agencyName).toBe('Civil Judgment Enforcement Department of Hung Yen Province');
    expect(en.body.data.parentAgency).toBe('Ministry of Finance');
    for (const field of ['address', 'phone', 'fax', 'email']) expect(en.body.data[field]).toBe(vi.body.data[field]);
  });
});

describe('editors in the admin', () => {
  async function login(email: string, password: string) {
    const res = await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data.token as string;
  }

  it('the editor reads and edits both versions of a unit; the reporter reads both', async () => {
    const editor = await login('bientap@thads-hungyen.example', 'BienTap@2026');
    const reporter = await login('phongvien@thads-hungyen.example', 'PhongVien@2026');
    const office = await units().findFirst({ filters: { slug: 'van-phong' }, fields: ['documentId'] });
    const path = `/content-manager/collection-types/${UNIT}/${office!.documentId}`;
    const en = await api(cms.url, `${path}?locale=en`, { token: editor });
    expect(en.status, JSON.stringify(en.body)).toBe(200);
    expect(en.body.data.name).toBe('Office of the Department');
    const edited = await api(cms.url, `${path}?locale=en`, { method: 'PUT', token: editor, json: { name: en.body.data.name, shortName: 'The Office' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await units().findOne({ documentId: office!.documentId, locale: 'en' }))!.shortName).toBe('The Office');
    expect((await units().findOne({ documentId: office!.documentId }))!.shortName).toBe('Văn phòng');
    for (const locale of ['vi', 'en']) expect((await api(cms.url, `${path}?locale=${locale}`, { token: reporter })).status).toBe(200);
  });
});

describe('drafts never leak, in either locale', () => {
  const DRAFT_NAME = 'Draft division that must not be public';
  const EDITED = 'Edited English description, not published';
  let draftSlug: string;

  beforeAll(async () => {
    // A unit whose English version is a draft only, and a published English unit whose draft was edited.
    const created = await units().create({ data: { name: 'Phòng thử nghiệm bản nháp tiếng Anh', kind: 'division' }, status: 'published' });
    draftSlug = created.slug;
    await units().update({ documentId: created.documentId, locale: 'en', data: { name: DRAFT_NAME, slug: created.slug } });
    const documentId = await agencyId();
    await units().update({ documentId, locale: 'en', data: { description: EDITED } });
  });

  const queries = ['', '&status=draft', '&status=DRAFT', '&status[$eq]=draft', '&publicationState=preview', '&filters[publishedAt][$null]=true', '&hasPublishedVersion=false'];

  it.each(queries)('GET /api/units?locale=en%s shows no English draft', async (query) => {
    const res = await api(cms.url, `/api/units?locale=en${query}&pagination[pageSize]=100`);
    expect(res.status === 200 || res.status === 400).toBe(true);
    if (res.status !== 200) return;
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(DRAFT_NAME);
    expect(text).not.toContain(EDITED);
    for (const item of res.body.data) expect(item.publishedAt).toBeTruthy();
  });

  it.each(['', '?locale=*', '?locale=en&status=draft'])('GET /api/units%s never returns the draft-only English unit', async (query) => {
    const res = await api(cms.url, `/api/units${query}${query ? '&' : '?'}filters[slug][$eq]=${draftSlug}`);
    expect(JSON.stringify(res.body)).not.toContain(DRAFT_NAME);
  });

  it('GET /api/site-setting?locale=en&status=draft shows the published English settings only', async () => {
    const settings = cms.strapi.documents('api::site-setting.site-setting');
    const vi = await settings.findFirst({ fields: ['id'] });
    await settings.update({ documentId: vi!.documentId, locale: 'en', data: { tagline: 'Unpublished English tagline' } });
    const res = await api(cms.url, '/api/site-setting?locale=en&status=draft');
    expect(res.status).toBe(200);
    expect(res.body.data.tagline).not.toBe('Unpublished English tagline');
    expect(res.body.data.publishedAt).toBeTruthy();
  });
});
