/**
 * Seeding is idempotent; slugs come from Vietnamese titles; every field has a Vietnamese label in the admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromCms, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

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
