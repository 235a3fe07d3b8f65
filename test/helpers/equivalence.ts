/**
 * Equivalence of a site kept by targeted builds and a full build (issue 20): random editors' changes made
 * through Strapi's Document Service, and a file-by-file comparison of two built sites. Used by
 * test/site/targeted-build.test.ts (a short sequence) and test/bench/build-scale.ts (`--equivalence N`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from './site.ts';

/** Words that the demo content and the changes made here hold, for comparing search results. */
export const SEARCH_QUERIES = ['thi hành án', 'cưỡng chế', 'đấu giá', 'chấp hành viên', 'hoàn thi hành', 'kiemtradongbo', 'tin kiểm tra', 'hỏi đáp kiểm tra'];

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const ARTICLE = 'api::article.article';
const QA = 'api::legal-qa.legal-qa';

/**
 * Makes `count` random changes to articles and Q&A (publish a new one, edit the title or category of a published
 * one, unpublish, delete) and returns the webhook reasons the publisher would pass to the build
 * ("entry.publish api::article.article <documentId>").
 */
export async function randomChanges(strapi: any, random: () => number, count: number, tag: string): Promise<string[]> {
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
  const categories: { documentId: string }[] = await strapi.documents('api::category.category').findMany({ status: 'published', fields: ['documentId'] });
  const topics: { documentId: string }[] = await strapi.documents('api::topic.topic').findMany({ status: 'published', fields: ['documentId'] });
  // A date somewhere in the last three years: the item lands in the middle of its lists, not always on top.
  const someDate = () => new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 2.9 * 365 * 86_400_000)).toISOString();
  const reasons: string[] = [];
  for (let i = 0; i < count; i++) {
    const uid = random() < 0.6 ? ARTICLE : QA;
    const docs = strapi.documents(uid);
    const published = await docs.findMany({ status: 'published', fields: ['documentId', 'title'], limit: 1000 });
    const target = pick(published) as { documentId: string; title: string } | undefined;
    const op = !target ? 'create' : pick(['create', 'create', 'edit', 'edit', 'unpublish', 'delete'])!;
    const label = `${tag}-${i}`;
    if (op === 'create') {
      const data =
        uid === ARTICLE
          ? { title: `Tin kiểm tra đồng bộ ${label}`, body: paragraph(`Kiemtradongbo ${label}: nội dung tin kiểm tra.`), format: 'tin', date: someDate(), ...(random() < 0.8 && categories.length ? { category: pick(categories)!.documentId } : {}) }
          : { title: `Hỏi đáp kiểm tra đồng bộ ${label}`, question: `Câu hỏi kiểm tra ${label} về thi hành án?`, answer: paragraph(`Kiemtradongbo ${label}: câu trả lời.`), date: someDate(), ...(topics.length ? { topic: pick(topics)!.documentId } : {}) };
      const created = await docs.create({ data });
      await docs.publish({ documentId: created.documentId });
      reasons.push(`entry.publish ${uid} ${created.documentId}`);
    } else if (op === 'edit') {
      const change: Record<string, unknown> = { title: `${target!.title.replace(/ \(sửa [^)]*\)$/, '')} (sửa ${label})` };
      if (uid === ARTICLE && random() < 0.5 && categories.length) change.category = pick(categories)!.documentId;
      if (uid === QA && random() < 0.5 && topics.length) change.topic = pick(topics)!.documentId;
      await docs.update({ documentId: target!.documentId, data: change });
      await docs.publish({ documentId: target!.documentId });
      reasons.push(`entry.publish ${uid} ${target!.documentId}`);
    } else if (op === 'unpublish') {
      await docs.unpublish({ documentId: target!.documentId });
      reasons.push(`entry.unpublish ${uid} ${target!.documentId}`);
    } else {
      await docs.delete({ documentId: target!.documentId });
      reasons.push(`entry.delete ${uid} ${target!.documentId}`);
    }
  }
  return reasons;
}

/**
 * Build timestamps, the only thing allowed to differ: the notice lists say when they were last built ("Cập nhật
 * lúc …", data/notices.ts BUILD_TIME), which for a kept site is its last targeted build.
 */
const BUILD_STAMPS = [/Cập nhật lúc <time datetime="[^"]*">[^<]*<\/time>/g];
const withoutStamps = (html: string) => BUILD_STAMPS.reduce((text, stamp) => text.replace(stamp, 'Cập nhật lúc <time></time>'), html);

function sameFile(a: string, b: string): boolean {
  const x = fs.readFileSync(a);
  const y = fs.readFileSync(b);
  if (x.equals(y)) return true;
  return a.endsWith('.html') && withoutStamps(x.toString('utf8')) === withoutStamps(y.toString('utf8'));
}

export type SiteDiff = { compared: number; missing: string[]; different: string[]; extra: string[]; orphanImages: number };

/**
 * Compares a kept site with a full build, byte for byte apart from build timestamps, search index aside (compared
 * by its results). The kept
 * site may hold image derivatives no page uses any more (of an item since removed): those are counted, not
 * listed; the next full build drops them.
 */
export function compareSites(kept: string, full: string): SiteDiff {
  const skip = (f: string) => f.startsWith('pagefind/');
  const a = new Set(listFiles(kept).filter((f) => !skip(f)));
  const b = listFiles(full).filter((f) => !skip(f));
  const diff: SiteDiff = { compared: 0, missing: [], different: [], extra: [], orphanImages: 0 };
  for (const f of b) {
    if (!a.has(f)) {
      diff.missing.push(f);
      continue;
    }
    diff.compared++;
    if (!sameFile(path.join(kept, f), path.join(full, f))) diff.different.push(f);
  }
  const inFull = new Set(b);
  for (const f of a) {
    if (inFull.has(f)) continue;
    if (/^_astro\/.+\.(webp|jpe?g|png|avif|gif)$/.test(f)) diff.orphanImages++;
    else diff.extra.push(f);
  }
  return diff;
}
