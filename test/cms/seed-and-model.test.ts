/**
 * Seeding is idempotent; slugs come from Vietnamese titles; every field has a Vietnamese label in the admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '@thads/shared';
import { api, fromCms, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
});
afterAll(async () => {
  await cms?.stop();
});

const counted = ['api::article.article', 'api::legal-qa.legal-qa', 'api::story.story', 'api::press-release.press-release', 'api::correction.correction', 'api::legal-document.legal-document', 'api::gallery.gallery', 'api::unit.unit', 'plugin::upload.file'];
const counts = async () => Object.fromEntries(await Promise.all(counted.map(async (uid) => [uid, await cms.strapi.db.query(uid).count()])));

describe('demo content', () => {
  it('holds what the issue asks for', async () => {
    const published = async (uid: string) => cms.strapi.db.query(uid).count({ where: { publishedAt: { $notNull: true } } });
    expect(await published('api::article.article')).toBeGreaterThanOrEqual(30);
    expect(await published('api::legal-qa.legal-qa')).toBe(40);
    expect(await published('api::story.story')).toBe(8);
    expect(await published('api::press-release.press-release')).toBe(5);
    expect(await published('api::correction.correction')).toBe(2);
    expect(await published('api::legal-document.legal-document')).toBe(12);
    // A media kit for the press: photos and the agency's fact sheet (a DOCX generated at seed time).
    const kits = await cms.strapi.documents('api::gallery.gallery').findMany({ filters: { kind: 'media-kit' }, status: 'published', populate: { items: true, documents: true } });
    expect(kits).toHaveLength(1);
    expect(kits[0].items.length).toBeGreaterThanOrEqual(2);
    expect(kits[0].documents.map((d: any) => [d.name, d.caption, d.mime])).toEqual([
      ['thong-tin-gioi-thieu-co-quan.docx', 'Thông tin giới thiệu cơ quan', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
  });

  it('creates nothing twice when seeded again', async () => {
    const before = await counts();
    const { seedDemo } = fromCms('seed');
    const report = await seedDemo(cms.strapi);
    const created = Object.values(report as Record<string, { created: number }>).reduce((n, r) => n + r.created, 0);
    expect(created).toBe(0);
    expect(await counts()).toEqual(before);
  });
});

describe('synthetic content for benchmarks', () => {
  it('adds the requested number of published items and continues the numbering when run again', async () => {
    const { generateSynthetic } = fromCms('seed/synthetic');
    const count = (uid: string) => cms.strapi.db.query(uid).count({ where: { slug: { $startsWith: 'tong-hop-' }, publishedAt: { $notNull: true } } });
    expect(await generateSynthetic(cms.strapi, { articles: 5, qas: 3 })).toEqual({ articles: 5, qas: 3 });
    await generateSynthetic(cms.strapi, { articles: 2 });
    expect(await count('api::article.article')).toBe(7);
    expect(await count('api::legal-qa.legal-qa')).toBe(3);
    const slugs = (await cms.strapi.db.query('api::article.article').findMany({ where: { slug: { $startsWith: 'tong-hop-' }, publishedAt: { $notNull: true } }, select: ['slug'] })).map((a: any) => a.slug);
    expect(new Set(slugs).size).toBe(7);
  });
});

describe('slugs', () => {
  it('are generated from Vietnamese titles, with đ folded to d, and kept unique', async () => {
    const docs = cms.strapi.documents('api::article.article');
    const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }];
    const a = await docs.create({ data: { title: 'Đấu giá quyền sử dụng đất ở Đông Hưng', body, format: 'tin' } });
    const b = await docs.create({ data: { title: 'Đấu giá quyền sử dụng đất ở Đông Hưng', body, format: 'tin' } });
    expect(a.slug).toBe('dau-gia-quyen-su-dung-dat-o-dong-hung');
    expect(b.slug).toBe('dau-gia-quyen-su-dung-dat-o-dong-hung-2');
  });

  it('stores text NFC-normalised', async () => {
    const decomposed = 'Thi hành án'.normalize('NFD');
    const doc = await cms.strapi.documents('api::category.category').create({ data: { name: decomposed } });
    expect(doc.name).toBe('Thi hành án'.normalize('NFC'));
    expect(doc.slug).toBe('thi-hanh-an');
  });
});

describe('slugs of items made in the admin (through the routes its forms call)', () => {
  const CM = '/content-manager/collection-types';
  let token = '';
  const cm = (path: string, method = 'GET', json?: unknown) => api(cms.url, `${CM}/${path}`, { method, json, token });
  /** What the edit form sends back: the fields, without the document's metadata. */
  const form = ({ id, documentId, status, createdAt, updatedAt, publishedAt, createdBy, updatedBy, locale, localizations, ...fields }: Record<string, unknown>) => fields;
  const slugged = () =>
    Object.values(cms.strapi.contentTypes as Record<string, any>)
      .filter((ct) => ct.uid.startsWith('api::') && ct.attributes.slug?.type === 'uid')
      .map((ct) => ({ uid: ct.uid as string, source: (ct.uid === 'api::legal-document.legal-document' ? 'number' : ct.attributes.slug.targetField ?? 'title') as string, name: ct.info.singularName as string }));

  beforeAll(async () => {
    token = (await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } })).body.data.token;
  });

  it('are optional in every form, so the admin does not fill in the type name', () => {
    const required = slugged().filter(({ uid }) => cms.strapi.contentTypes[uid].attributes.slug.required);
    expect(required.map((t) => t.uid)).toEqual([]);
    expect(slugged().length).toBeGreaterThanOrEqual(13);
  });

  it('come from the typed title for every type, with or without the admin placeholder', async () => {
    const wrong: string[] = [];
    for (const { uid, source, name } of slugged()) {
      const title = source === 'number' ? `12/2026/QĐ-ĐXL ${name}` : `Đoàn kiểm tra đến Phù Cừ ${name}`;
      for (const placeholder of [undefined, '', name, `${name}-1`]) {
        const res = await cm(uid, 'POST', { [source]: title, ...(placeholder === undefined ? {} : { slug: placeholder }) });
        const slug = res.body?.data?.slug as string | undefined;
        if (res.status !== 201 && res.status !== 200) wrong.push(`${uid} ${res.status} ${res.text.slice(0, 120)}`);
        else if (!slug || !new RegExp(`^${slugify(title)}(-\\d+)?$`).test(slug)) wrong.push(`${uid} [${placeholder}] → ${slug}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('are never made for an item saved without its title: the save is refused, in Vietnamese, on that field', async () => {
    const before = await cms.strapi.db.query('api::article.article').count();
    for (const title of [undefined, '', '   ']) {
      const res = await cm('api::article.article', 'POST', title === undefined ? {} : { title });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('Nhập tiêu đề trước khi lưu.');
      expect(res.body.error.details.errors[0].path).toEqual(['title']);
    }
    expect(await cms.strapi.db.query('api::article.article').count()).toBe(before);
    const unit = await cm('api::unit.unit', 'POST', { name: '' });
    expect(unit.body.error.message).toBe('Nhập tên trước khi lưu.');
    const created = (await cm('api::story.story', 'POST', { title: 'Gương sáng' })).body.data;
    const blanked = await cm(`api::story.story/${created.documentId}`, 'PUT', { ...form(created), title: '' });
    expect(blanked.status).toBe(400);
  });

  it("follow a draft's title until it is first published, then never change by themselves", async () => {
    const uid = 'api::article.article';
    const created = (await cm(uid, 'POST', { title: 'Tin nháp ban đầu' })).body.data;
    expect(created.slug).toBe('tin-nhap-ban-dau');
    // The form sends every field back: the title changed, the slug as it was.
    const edited = (await cm(`${uid}/${created.documentId}`, 'PUT', { ...form(created), title: 'Đoàn công tác làm việc tại Đông Hưng' })).body.data;
    expect(edited.slug).toBe('doan-cong-tac-lam-viec-tai-dong-hung');
    const published = await cm(`${uid}/${created.documentId}/actions/publish`, 'POST', { ...form(edited), body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung.' }] }], format: 'tin' });
    expect(published.status, published.text.slice(0, 200)).toBe(200);
    const retitled = (await cm(`${uid}/${created.documentId}`, 'PUT', { ...form(published.body.data), title: 'Tiêu đề sửa sau khi đăng' })).body.data;
    expect(retitled.slug).toBe('doan-cong-tac-lam-viec-tai-dong-hung');
    // An editor may still change a published item's address, by writing it.
    const movedRes = await cm(`${uid}/${created.documentId}`, 'PUT', { ...form(retitled), slug: 'dia-chi-moi' });
    const moved = movedRes.body.data;
    expect(movedRes.status, movedRes.text.slice(0, 300)).toBe(200);
    expect(moved.slug).toBe('dia-chi-moi');
  });

  it("keep a published item's former address answering: listed with the new one, reserved, dropped when it comes back", async () => {
    const uid = 'api::article.article';
    const formers = async () => (await api(cms.url, '/api/thads/former-addresses')).body.data as { type: string; locale: string | null; from: string; to: string }[];
    const mine = async (documentId: string) => {
      const now = await cms.strapi.db.query(uid).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['slug'] });
      return (await formers()).filter((f) => f.type === uid && f.to === now?.slug);
    };
    const created = (await cm(uid, 'POST', { title: 'Hội nghị sơ kết công tác thi hành án quý III', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung.' }] }], format: 'tin' })).body.data;
    expect((await cm(`${uid}/${created.documentId}/actions/publish`, 'POST', form(created))).status).toBe(200);
    expect(await mine(created.documentId)).toEqual([]);
    // The editor writes a new address and publishes: the old one is listed with the new one.
    const edited = (await cm(`${uid}/${created.documentId}`, 'PUT', { ...form(created), slug: 'so-ket-quy-3' })).body.data;
    expect(await mine(created.documentId)).toEqual([]); // a saved draft changes no public address
    expect((await cm(`${uid}/${created.documentId}/actions/publish`, 'POST', form(edited))).status).toBe(200);
    expect(await mine(created.documentId)).toEqual([{ type: uid, locale: null, from: 'hoi-nghi-so-ket-cong-tac-thi-hanh-an-quy-iii', to: 'so-ket-quy-3' }]);
    // Renamed again: both former addresses lead to the current one (no chain).
    const again = (await cm(`${uid}/${created.documentId}`, 'PUT', { ...form(edited), slug: 'so-ket-quy-ba' })).body.data;
    expect((await cm(`${uid}/${created.documentId}/actions/publish`, 'POST', form(again))).status).toBe(200);
    expect((await mine(created.documentId)).map((f) => [f.from, f.to])).toEqual([
      ['hoi-nghi-so-ket-cong-tac-thi-hanh-an-quy-iii', 'so-ket-quy-ba'],
      ['so-ket-quy-3', 'so-ket-quy-ba'],
    ]);
    // A new item with the same title does not take the old address.
    const twin = (await cm(uid, 'POST', { title: 'Hội nghị sơ kết công tác thi hành án quý III' })).body.data;
    expect(twin.slug).toBe('hoi-nghi-so-ket-cong-tac-thi-hanh-an-quy-iii-2');
    // Back at a former address: that one is the page again.
    const back = (await cm(`${uid}/${created.documentId}`, 'PUT', { ...form(again), slug: 'so-ket-quy-3' })).body.data;
    expect((await cm(`${uid}/${created.documentId}/actions/publish`, 'POST', form(back))).status).toBe(200);
    expect((await mine(created.documentId)).map((f) => [f.from, f.to])).toEqual([
      ['hoi-nghi-so-ket-cong-tac-thi-hanh-an-quy-iii', 'so-ket-quy-3'],
      ['so-ket-quy-ba', 'so-ket-quy-3'],
    ]);
    // Unpublished: its former addresses are no longer listed (nothing to lead to).
    expect((await cm(`${uid}/${created.documentId}/actions/unpublish`, 'POST', {})).status).toBe(200);
    expect((await formers()).filter((f) => ['so-ket-quy-ba', 'hoi-nghi-so-ket-cong-tac-thi-hanh-an-quy-iii'].includes(f.from))).toEqual([]);
  });

  it('list no former address of an embargoed press release before its time', async () => {
    const uid = 'api::press-release.press-release';
    const docs = cms.strapi.documents(uid);
    const release = await docs.create({ data: { title: 'Thông cáo về đợt cao điểm thi hành án', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }] } as any, status: 'published' });
    await docs.update({ documentId: release.documentId, data: { slug: 'thong-cao-cao-diem', embargoUntil: new Date(Date.now() + 86_400_000).toISOString() } as any, status: 'published' });
    const listed = (await api(cms.url, '/api/thads/former-addresses')).body.data.filter((f: any) => f.type === uid && f.to === 'thong-cao-cao-diem');
    expect(listed).toEqual([]);
    await docs.update({ documentId: release.documentId, data: { embargoUntil: null } as any, status: 'published' });
    const after = (await api(cms.url, '/api/thads/former-addresses')).body.data.filter((f: any) => f.type === uid && f.to === 'thong-cao-cao-diem');
    expect(after).toEqual([{ type: uid, locale: null, from: 'thong-cao-ve-dot-cao-diem-thi-hanh-an', to: 'thong-cao-cao-diem' }]);
  });

  it('keep an address an editor wrote by hand on a draft', async () => {
    const uid = 'api::story.story';
    const created = (await cm(uid, 'POST', { title: 'Gương sáng ở cơ sở', slug: 'guong-sang-tu-chon' })).body.data;
    expect(created.slug).toBe('guong-sang-tu-chon');
    const edited = (await cm(`${uid}/${created.documentId}`, 'PUT', { ...form(created), title: 'Gương sáng ở cơ sở (sửa)' })).body.data;
    expect(edited.slug).toBe('guong-sang-tu-chon');
  });

  it('are made when a draft without one is published', async () => {
    const docs = cms.strapi.documents('api::announcement.announcement');
    const draft = await docs.create({ data: { title: 'Thông báo lịch tiếp công dân tháng Giêng', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }] } as any });
    await cms.strapi.db.query('api::announcement.announcement').update({ where: { id: draft.id }, data: { slug: null } });
    await docs.publish({ documentId: draft.documentId });
    const live = await docs.findOne({ documentId: draft.documentId, status: 'published' });
    expect(live.slug).toBe('thong-bao-lich-tiep-cong-dan-thang-gieng');
  });
});

describe('admin in Vietnamese', () => {
  it('gives every field of every type and component a Vietnamese label', async () => {
    const cm = cms.strapi.plugin('content-manager');
    const missing: string[] = [];
    const check = (uid: string, conf: any, attributes: Record<string, any>) => {
      for (const field of Object.keys(attributes)) {
        const label = conf.metadatas?.[field]?.edit?.label;
        if (!label || label === field) missing.push(`${uid}.${field}`);
      }
    };
    for (const uid of Object.keys(cms.strapi.contentTypes).filter((u) => u.startsWith('api::'))) {
      const ct = cm.service('content-types').findContentType(uid);
      const conf = await cm.service('content-types').findConfiguration(ct);
      const { createdAt, updatedAt, publishedAt, createdBy, updatedBy, locale, localizations, ...attrs } = cms.strapi.contentTypes[uid].attributes;
      check(uid, conf, attrs);
    }
    for (const uid of Object.keys(cms.strapi.components).filter((u) => u.startsWith('shared.'))) {
      const comp = cm.service('components').findComponent(uid);
      check(uid, await cm.service('components').findConfiguration(comp), cms.strapi.components[uid].attributes);
    }
    expect(missing).toEqual([]);
  });

  it('lists articles by title, category, unit and date', async () => {
    const cm = cms.strapi.plugin('content-manager');
    const conf = await cm.service('content-types').findConfiguration(cm.service('content-types').findContentType('api::article.article'));
    expect(conf.layouts.list).toEqual(['title', 'category', 'unit', 'date', 'format']);
    expect(conf.metadatas.category.list.label).toBe('Chuyên mục');
  });

  it('names every content type in Vietnamese', () => {
    const names = Object.values(cms.strapi.contentTypes as Record<string, any>).filter((ct) => ct.uid.startsWith('api::')).map((ct) => ct.info.displayName);
    for (const name of names) expect(name).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
  });
});
