/**
 * Synthetic content at scale for benchmarks (`npm run seed -- --articles 10000 --qas 3000`).
 * Deterministic sentences from a Vietnamese phrase bank; slugs carry a "tong-hop-" prefix so that
 * re-running continues the numbering instead of duplicating.
 */
import type { Core } from '@strapi/strapi';
import { markdownLiteToBlocks, ARTICLE_FORMATS } from '@thads/shared';

const SUBJECTS = ['Chấp hành viên', 'Phòng Thi hành án dân sự khu vực', 'Tổ công tác liên ngành', 'Lãnh đạo cơ quan thi hành án', 'Thư ký thi hành án', 'Tổ Biên tập'];
const ACTIONS = ['tổ chức cưỡng chế giao nhà', 'xác minh điều kiện thi hành án', 'vận động đương sự tự nguyện thi hành án', 'bán đấu giá tài sản kê biên', 'trả tiền cho người được thi hành án', 'khấu trừ thu nhập của người phải thi hành án', 'tiếp công dân định kỳ', 'giải quyết khiếu nại về thi hành án', 'thu khoản cấp dưỡng nuôi con', 'phối hợp với tòa án và viện kiểm sát'];
const PLACES = ['xã Tiên Lữ', 'phường Phố Hiến', 'xã Văn Giang', 'phường Thái Bình', 'xã Quỳnh Phụ', 'xã Kiến Xương', 'phường Mỹ Hào', 'xã Hưng Hà', 'xã Khoái Châu', 'xã Tiền Hải'];
const RESULTS = ['đạt kết quả tích cực', 'hoàn thành đúng thời hạn', 'bảo đảm an toàn, đúng pháp luật', 'được nhân dân đồng tình ủng hộ', 'thu hồi số tiền lớn cho Nhà nước'];

function pick<T>(arr: readonly T[], n: number): T {
  return arr[n % arr.length]!;
}

export function syntheticArticle(n: number) {
  const subject = pick(SUBJECTS, n);
  const action = pick(ACTIONS, n * 7 + 3);
  const place = pick(PLACES, n * 3 + 1);
  const title = `${subject} ${action} tại ${place} (bản tin số ${n})`;
  const para = (k: number) => `${pick(SUBJECTS, n + k)} ${pick(ACTIONS, n + k * 5)} tại ${pick(PLACES, n + k * 2)}, ${pick(RESULTS, n + k)}. Việc ${pick(ACTIONS, n + k * 3)} được thực hiện theo quy định của Luật Thi hành án dân sự.`;
  return { title, summary: para(1), body: markdownLiteToBlocks([para(2), para(3), `## Kết quả`, para(4), para(5)].join('\n\n')) };
}

export function syntheticQa(n: number) {
  const action = pick(ACTIONS, n * 5 + 1);
  const place = pick(PLACES, n);
  const title = `Hỏi về việc ${action} ở ${place} (câu hỏi số ${n})`;
  return {
    title,
    askerLabel: `Bạn đọc ở ${place}`,
    question: `Tôi muốn hỏi thủ tục ${action} như thế nào, thời hạn bao lâu và cần giấy tờ gì? Gia đình tôi ở ${place}.`,
    answer: markdownLiteToBlocks(`Về việc ${action}, Luật Thi hành án dân sự quy định cụ thể về trình tự, thủ tục.\n\nBạn đọc liên hệ Phòng Thi hành án dân sự khu vực nơi cư trú để được hướng dẫn.`),
  };
}

export async function generateSynthetic(strapi: Core.Strapi, { articles = 0, qas = 0, log = (_: string) => {} } = {}) {
  const units = await strapi.documents('api::unit.unit').findMany({ fields: ['documentId'], status: 'published', limit: 100 } as any);
  const categories = await strapi.documents('api::category.category').findMany({ fields: ['documentId'], status: 'published', limit: 100 } as any);
  const topics = await strapi.documents('api::topic.topic').findMany({ fields: ['documentId'], status: 'published', limit: 100 } as any);
  if (!units.length || !categories.length || !topics.length) throw new Error('Cần nạp nội dung mẫu trước (đơn vị, chuyên mục, lĩnh vực).');
  const start = async (uid: string) => (await strapi.db.query(uid as any).count({ where: { slug: { $startsWith: 'tong-hop-' }, publishedAt: { $notNull: true } } })) + 1;
  const base = Date.UTC(2026, 10, 20);
  const made = { articles: 0, qas: 0 };
  // Creates in transactions of BATCH documents: one commit (one fsync on SQLite) per batch, not per row.
  const BATCH = 200;
  const inBatches = async (from: number, count: number, create: (n: number) => Promise<unknown>, every: (done: number) => void) => {
    for (let first = from; first < from + count; first += BATCH) {
      const last = Math.min(first + BATCH, from + count);
      await strapi.db.transaction(async () => {
        for (let n = first; n < last; n++) await create(n);
      });
      every(last - from);
    }
  };
  const from = await start('api::article.article');
  await inBatches(
    from,
    articles,
    (n) =>
      strapi.documents('api::article.article').create({
        data: { ...syntheticArticle(n), slug: `tong-hop-${n}`, format: pick(ARTICLE_FORMATS, n), unit: pick(units, n).documentId, category: pick(categories, n).documentId, themes: [{ code: 'no-luc-phuc-vu' }], date: new Date(base - n * 3_600_000).toISOString() } as any,
        status: 'published',
      }),
    (done) => {
      made.articles = done;
      if (done % 1000 === 0) log(`  ${done} tin bài tổng hợp`);
    },
  );
  const fromQa = await start('api::legal-qa.legal-qa');
  await inBatches(
    fromQa,
    qas,
    (n) =>
      strapi.documents('api::legal-qa.legal-qa').create({
        data: { ...syntheticQa(n), slug: `tong-hop-${n}`, unit: pick(units, n).documentId, topic: pick(topics, n).documentId, date: new Date(base - n * 7_200_000).toISOString() } as any,
        status: 'published',
      }),
    (done) => {
      made.qas = done;
      if (done % 1000 === 0) log(`  ${done} hỏi đáp tổng hợp`);
    },
  );
  return made;
}
