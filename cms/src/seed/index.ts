/**
 * Loads the demo content into Strapi through the Document Service. Re-runnable: an item whose
 * slug (or document number) already exists is left as it is, so seeding twice creates nothing twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { seedInformationRequests } from '../information-requests/seed';
import { markdownLiteToBlocks, slugify, type SeedData, type SeedDocument, type SeedPhoto } from '@thads/shared';
import { agencyFactSheet } from './fact-sheet';
import { generatePhoto } from './images';
import { seedPlanTasks } from '../reports/plan-seed';
import { loadSeedData } from './load-data';
import { seedDebtorListings } from '../debtors/seed';
import { seedEnglish } from './english';
import { seedPressMonitoring } from '../press-monitoring/seed';
import { seedNotices } from '../notices/seed';
import { seedPageFeedback } from '../intake/feedback';

type Log = (msg: string) => void;
export type SeedReport = Record<string, { created: number; existing: number }>;

export async function isContentEmpty(strapi: Core.Strapi): Promise<boolean> {
  return (await strapi.db.query('api::unit.unit').count()) === 0 && (await strapi.db.query('api::article.article').count()) === 0;
}

export async function seedDemo(strapi: Core.Strapi, { data = loadSeedData(), log = () => {} }: { data?: SeedData; log?: Log } = {}): Promise<SeedReport> {
  const report: SeedReport = {};
  const tally = (uid: string, created: boolean) => {
    const r = (report[uid] ??= { created: 0, existing: 0 });
    if (created) r.created++;
    else r.existing++;
  };

  /** documentId of the item with `value` in `field`, creating (and publishing) it from `build()` when absent. */
  async function ensure(uid: string, field: string, value: string, build: () => Promise<Record<string, unknown>> | Record<string, unknown>): Promise<string> {
    const docs = strapi.documents(uid as any) as any;
    const found = await docs.findFirst({ filters: { [field]: value }, fields: ['documentId'] });
    if (found) {
      tally(uid, false);
      return found.documentId;
    }
    const hasDraftAndPublish = strapi.contentType(uid as any)?.options?.draftAndPublish !== false;
    const created = await docs.create({ data: { [field]: value, ...(await build()) }, ...(hasDraftAndPublish ? { status: 'published' } : {}) });
    tally(uid, true);
    return created.documentId;
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-seed-'));
  async function photo(p: SeedPhoto, key: string) {
    const img = await generatePhoto(p.scene, key);
    let file = await strapi.db.query('plugin::upload.file').findOne({ where: { name: img.name } });
    if (!file) {
      const filepath = path.join(tmp, img.name);
      fs.writeFileSync(filepath, img.buffer);
      const [uploaded] = await strapi.plugin('upload').service('upload').upload({
        data: { fileInfo: { name: img.name, alternativeText: p.alt, caption: p.caption ?? null } },
        files: { filepath, originalFilename: img.name, mimetype: 'image/jpeg', size: img.buffer.length },
      });
      file = uploaded;
    }
    return { image: file.id, alt: p.alt, caption: p.caption ?? null, credit: p.credit ?? null, licence: p.licence ?? null };
  }

  /** Demo documents by `content` (SEED_DOCUMENTS): each a DOCX generated from the demo data. */
  const DOCUMENTS: Record<SeedDocument['content'], (date: string) => Promise<Buffer>> = {
    'gioi-thieu-co-quan': (date) => agencyFactSheet(data, date),
  };
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  /** A media kit's document, generated and uploaded once: found again by its file name, as photos are. */
  async function kitDocument(d: SeedDocument, date: string): Promise<number> {
    const name = `${slugify(d.title)}.docx`;
    let file = await strapi.db.query('plugin::upload.file').findOne({ where: { name } });
    if (!file) {
      const buffer = await DOCUMENTS[d.content](date);
      const filepath = path.join(tmp, name);
      fs.writeFileSync(filepath, buffer);
      const [uploaded] = await strapi.plugin('upload').service('upload').upload({
        data: { fileInfo: { name, caption: d.title } },
        files: { filepath, originalFilename: name, mimetype: DOCX, size: buffer.length },
      });
      file = uploaded;
    }
    return file.id;
  }

  try {
    // Reference data first: units (two passes for mergedInto), categories, topics, legal documents.
    const unitIds = new Map<string, string>();
    for (const u of data.units) {
      const { mergedInto: _m, parent: _parent, receptionSchedule, slug, ...fields } = u;
      unitIds.set(slug, await ensure('api::unit.unit', 'slug', slug, () => ({ ...fields, receptionSchedule: receptionSchedule ? markdownLiteToBlocks(receptionSchedule) : null })));
    }
    for (const u of data.units.filter((x) => x.mergedInto)) {
      const target = unitIds.get(u.mergedInto!);
      if (!target) throw new Error(`units.json: ${u.slug} › mergedInto: không có đơn vị "${u.mergedInto}"`);
      const docs = strapi.documents('api::unit.unit') as any;
      const current = await docs.findOne({ documentId: unitIds.get(u.slug)!, populate: { mergedInto: { fields: ['documentId'] } } });
      if (!current?.mergedInto) await docs.update({ documentId: unitIds.get(u.slug)!, data: { mergedInto: target }, status: 'published' });
    }
    // The organisation chart: each division and regional office under the provincial agency.
    for (const u of data.units.filter((x) => x.parent)) {
      const target = unitIds.get(u.parent!);
      if (!target) throw new Error(`units.json: ${u.slug} › parent: không có đơn vị "${u.parent}"`);
      const docs = strapi.documents('api::unit.unit') as any;
      const current = await docs.findOne({ documentId: unitIds.get(u.slug)!, populate: { parent: { fields: ['documentId'] } } });
      if (!current?.parent) await docs.update({ documentId: unitIds.get(u.slug)!, data: { parent: target }, status: 'published' });
    }
    const ref = (map: Map<string, string>, kind: string, slug: string, where: string) => {
      const id = map.get(slug);
      if (!id) throw new Error(`${where}: không có ${kind} "${slug}"`);
      return id;
    };
    const unit = (slug: string, where: string) => ref(unitIds, 'đơn vị', slug, where);

    const categoryIds = new Map<string, string>();
    for (const c of data.categories) categoryIds.set(c.slug, await ensure('api::category.category', 'slug', c.slug, () => ({ name: c.name, description: c.description, order: c.order })));
    const topicIds = new Map<string, string>();
    for (const t of data.topics) topicIds.set(t.slug, await ensure('api::topic.topic', 'slug', t.slug, () => ({ name: t.name, description: t.description, order: t.order })));
    const districtIds = new Map<string, string>();
    for (const d of data.districts) districtIds.set(d.slug, await ensure('api::district.district', 'slug', d.slug, () => ({ name: d.name, order: d.order })));

    const docIds = new Map<string, string>();
    for (const d of data['legal-documents']) {
      const { amendedBy: _a, number, ...fields } = d;
      docIds.set(number, await ensure('api::legal-document.legal-document', 'number', number, () => ({ ...fields, slug: slugify(number) })));
    }
    for (const d of data['legal-documents'].filter((x) => x.amendedBy?.length)) {
      const docs = strapi.documents('api::legal-document.legal-document') as any;
      const current = await docs.findOne({ documentId: docIds.get(d.number)!, populate: { amendedBy: { fields: ['documentId'] } } });
      if (!current?.amendedBy?.length) {
        const targets = d.amendedBy!.map((n) => ref(docIds, 'văn bản', n, `legal-documents.json: ${d.number} › amendedBy`));
        await docs.update({ documentId: docIds.get(d.number)!, data: { amendedBy: targets }, status: 'published' });
      }
    }

    for (const [i, a] of data.articles.entries()) {
      const where = `articles.json [${i}]`;
      await ensure('api::article.article', 'slug', slugify(a.title), async () => ({
        title: a.title,
        summary: a.summary,
        body: markdownLiteToBlocks(a.body),
        category: ref(categoryIds, 'chuyên mục', a.category, where),
        themes: a.themes.map((code) => ({ code })),
        unit: unit(a.unit, where),
        byline: a.byline,
        format: a.format,
        featured: a.featured,
        date: a.date,
        cover: await photo(a.cover, `article:${a.title}`),
        changeNotes: a.changeNotes ?? [],
      }));
    }

    for (const [i, q] of data['legal-qas'].entries()) {
      const where = `legal-qas.json [${i}]`;
      await ensure('api::legal-qa.legal-qa', 'slug', slugify(q.title), () => ({
        title: q.title,
        askerLabel: q.askerLabel,
        question: q.question,
        answer: markdownLiteToBlocks(q.answer),
        citations: q.citations.map((c) => ({ document: ref(docIds, 'văn bản', c.document, where), article: c.article, clause: c.clause })),
        topic: ref(topicIds, 'lĩnh vực', q.topic, where),
        unit: unit(q.unit, where),
        date: q.date,
      }));
    }

    for (const [i, s] of data.stories.entries()) {
      const where = `stories.json [${i}]`;
      await ensure('api::story.story', 'slug', slugify(s.title), async () => ({
        title: s.title,
        summary: s.summary,
        body: markdownLiteToBlocks(s.body),
        subjectName: s.subjectName,
        subjectKind: s.subjectKind,
        unit: unit(s.unit, where),
        movement: s.movement,
        award: s.award,
        date: s.date,
        cover: await photo(s.cover, `story:${s.title}`),
        photos: await Promise.all((s.photos ?? []).map((p, n) => photo(p, `story:${s.title}:${n}`))),
      }));
    }

    for (const [i, p] of data['press-releases'].entries()) {
      await ensure('api::press-release.press-release', 'slug', slugify(p.title), () => ({
        title: p.title, number: p.number, summary: p.summary, body: markdownLiteToBlocks(p.body), date: p.date, unit: unit(p.unit, `press-releases.json [${i}]`),
      }));
    }

    for (const c of data.corrections) {
      await ensure('api::correction.correction', 'slug', slugify(c.title), () => ({
        title: c.title, falseClaim: c.falseClaim, appearances: c.appearances, response: markdownLiteToBlocks(c.response), evidence: c.evidence ?? [], date: c.date,
        unit: unitIds.get('van-phong') ?? null,
      }));
    }

    for (const [i, a] of data.announcements.entries()) {
      await ensure('api::announcement.announcement', 'slug', slugify(a.title), () => ({
        title: a.title, kind: a.kind, summary: a.summary, body: markdownLiteToBlocks(a.body), validFrom: a.validFrom, validUntil: a.validUntil, date: a.date, unit: unit(a.unit, `announcements.json [${i}]`),
      }));
    }

    for (const [i, g] of data.galleries.entries()) {
      await ensure('api::gallery.gallery', 'slug', slugify(g.title), async () => ({
        title: g.title, kind: g.kind, description: g.description, date: g.date, unit: unit(g.unit, `galleries.json [${i}]`),
        items: await Promise.all(g.items.map((p, n) => photo(p, `gallery:${g.title}:${n}`))),
        documents: await Promise.all((g.documents ?? []).map((d) => kitDocument(d, g.date))),
      }));
    }

    // Enforcement statistics: one entry per year for the province (no unit) and per unit; matched on year and unit.
    for (const [i, e] of data['enforcement-stats'].entries()) {
      const unitId = e.unit ? unit(e.unit, `enforcement-stats.json [${i}]`) : null;
      const docs = strapi.documents('api::enforcement-stat.enforcement-stat') as any;
      const sameYear: any[] = await docs.findMany({ filters: { year: e.year }, populate: { unit: { fields: ['documentId'] } }, limit: 1000 });
      if (sameYear.some((d) => (d.unit?.documentId ?? null) === unitId)) {
        tally('api::enforcement-stat.enforcement-stat', false);
        continue;
      }
      await docs.create({ data: { ...e, unit: unitId }, status: 'published' });
      tally('api::enforcement-stat.enforcement-stat', true);
    }

    await seedNotices(ensure, data, unit, (slug, where) => ref(districtIds, 'địa bàn', slug, where));

    Object.assign(report, await seedDebtorListings(strapi, data['debtor-listings'], unitIds));
    Object.assign(report, await seedPressMonitoring(strapi, data['press-monitoring']));
    Object.assign(report, await seedPageFeedback(strapi, data['page-feedback'] ?? []));

    await ensureSingle(strapi, 'api::site-setting.site-setting', () => ({ ...data['site-setting'], about: data['site-setting'].about ? markdownLiteToBlocks(data['site-setting'].about) : null }), tally);
    Object.assign(report, await seedInformationRequests(strapi, data['information-requests']));
    await ensureSingle(strapi, 'api::spokesperson.spokesperson', () => data.spokesperson, tally);
    // The communications plan last: its tasks cite the items above as evidence.
    Object.assign(report, await seedPlanTasks(strapi, data['plan-tasks'], unitIds));
    // English versions (locale "en") of the units and site settings, for the English pages.
    await seedEnglish(strapi, data.english, unitIds, tally);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  for (const [uid, r] of Object.entries(report)) log(`  ${uid}: ${r.created} mới, ${r.existing} đã có`);
  return report;
}

async function ensureSingle(strapi: Core.Strapi, uid: string, build: () => Record<string, unknown>, tally: (uid: string, created: boolean) => void) {
  const docs = strapi.documents(uid as any) as any;
  const existing = await docs.findFirst({});
  if (existing) return tally(uid, false);
  await docs.create({ data: build(), status: 'published' });
  tally(uid, true);
}
