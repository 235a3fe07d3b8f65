/**
 * Benchmark fixtures at scale: a seeded SQLite database (demo content + synthetic articles and Q&A) with its
 * uploads, built once into .cache/bench/ (ignored by git) and copied for each run, so that benchmarks at
 * 10,000 or 30,000 articles do not spend minutes re-creating the same content.
 */
import fs from 'node:fs';
import path from 'node:path';
import compileCms from '../helpers/global-setup.ts';
import { hashPaths } from '../helpers/snapshot.ts';
import { cmsRequire, fromCms, startStrapi } from '../helpers/strapi.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type Fixture = { dir: string; articles: number; qas: number; createdSeconds: number | null };

/**
 * Fixtures are named by what they were made from: the content types (cms/src/api, components), the seed and
 * this file. A fixture made before a schema change (say, a relation made required: auction notices' district)
 * would otherwise be reused and fail the build, or measure content the CMS can no longer hold.
 */
let made: string | undefined;
const madeFrom = () =>
  (made ??= hashPaths(['cms/src/api', 'cms/src/components', 'cms/src/seed', 'test/bench/scale-fixture.ts'].map((p) => path.join(ROOT, p)))
    .digest('hex')
    .slice(0, 10));
const fixtureDir = (articles: number, qas: number) => path.join(ROOT, '.cache', 'bench', `scale-a${articles}-q${qas}-${madeFrom()}`);

/**
 * Copies the synthetic articles and Q&A of a fixture `copies - 1` more times, in SQL (seconds instead of the
 * Document Service's hour at 30,000): new document ids, slugs and numbers continuing the sequence, dates
 * further back, the same category, unit and topic links; draft and published rows alike. The copies carry
 * no "theme" components (optional). The source may itself hold copies (10,000 = 2 × 5,000 = 2 × 5 × 1,000):
 * every synthetic row present before this call is copied, and each copy's document id carries the size being
 * made and the copy's number, so ids never repeat across levels.
 */
function multiplySynthetic(dbFile: string, copies: number, base: { articles: number; qas: number }): void {
  const Database = cmsRequire('better-sqlite3');
  const db = new Database(dbFile);
  const clone = (table: string, owner: string, count: number, textCol: string, label: string, links: { table: string; column: string; extra: string[] }[]) => {
    const cols = (db.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
    const source = `slug LIKE 'tong-hop-%' AND id <= ${(db.prepare(`SELECT max(id) AS m FROM ${table}`).get() as { m: number }).m}`;
    for (let k = 1; k < copies; k++) {
      const prefix = `K${count * copies}-${k}-`;
      const shift = k * count;
      const value = (c: string) =>
        c === 'document_id'
          ? `'${prefix}' || document_id`
          : c === 'slug'
            ? `'tong-hop-' || (CAST(substr(slug, 10) AS INTEGER) + ${shift})`
            : c === textCol
              ? `replace(${textCol}, '(${label} số ', '(${label} số ${shift} + ')`
              : c === 'date'
                ? `date - ${shift} * ${table === 'articles' ? 3_600_000 : 7_200_000}`
                : c;
      db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.map(value).join(', ')} FROM ${table} WHERE ${source} ORDER BY id`).run();
      // Old row → new row: same document (renamed) and same state (draft or published).
      db.exec(`CREATE TEMP TABLE map AS SELECT o.id AS old_id, n.id AS new_id FROM ${table} o JOIN ${table} n ON n.document_id = '${prefix}' || o.document_id AND n.published_at IS o.published_at WHERE o.${source.replaceAll(' AND id', ' AND o.id')}`);
      for (const link of links) {
        db.prepare(`INSERT INTO ${link.table} (${owner}, ${link.column}${link.extra.map((e) => `, ${e}`).join('')}) SELECT map.new_id, l.${link.column}${link.extra.map((e) => `, l.${e}`).join('')} FROM ${link.table} l JOIN map ON l.${owner} = map.old_id`).run();
      }
      db.exec('DROP TABLE map');
    }
  };
  db.transaction(() => {
    clone('articles', 'article_id', base.articles, 'title', 'bản tin', [
      { table: 'articles_category_lnk', column: 'category_id', extra: ['article_ord'] },
      { table: 'articles_unit_lnk', column: 'unit_id', extra: [] },
    ]);
    clone('legal_qas', 'legal_qa_id', base.qas, 'title', 'câu hỏi', [
      { table: 'legal_qas_topic_lnk', column: 'topic_id', extra: ['legal_qa_ord'] },
      { table: 'legal_qas_unit_lnk', column: 'unit_id', extra: [] },
    ]);
  })();
  db.close();
}

/** The folder of a fixture with `articles` synthetic articles and `qas` Q&A, created when missing. */
export async function scaleFixture(articles: number, qas: number, log = (line: string) => console.log(line)): Promise<Fixture> {
  await compileCms();
  const dir = fixtureDir(articles, qas);
  if (fs.existsSync(path.join(dir, 'ready'))) return { dir, articles, qas, createdSeconds: null };
  // 30,000 = 3 × 10,000: copy the smaller fixture's rows in SQL rather than create them one by one.
  const smaller = [10_000, 5_000, 1_000].find((n) => n < articles && articles % n === 0 && qas % (articles / n) === 0);
  if (smaller) {
    const copies = articles / smaller;
    const base = await scaleFixture(smaller, qas / copies, log);
    const started = performance.now();
    const building = `${dir}.building`;
    fs.rmSync(building, { recursive: true, force: true });
    fs.cpSync(base.dir, building, { recursive: true });
    fs.rmSync(path.join(building, 'ready'));
    log(`Nhân ${copies} lần dữ liệu mẫu ${smaller} tin bài… / Copying the ${smaller}-article fixture ${copies} times…`);
    multiplySynthetic(path.join(building, 'data.db'), copies, { articles: smaller, qas: qas / copies });
    const createdSeconds = +((performance.now() - started) / 1000).toFixed(1);
    fs.writeFileSync(path.join(building, 'ready'), JSON.stringify({ articles, qas, createdSeconds, from: base.dir, date: new Date().toISOString() }));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(building, dir);
    return { dir, articles, qas, createdSeconds };
  }
  const building = `${dir}.building`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  log(`Tạo dữ liệu mẫu ${articles} tin bài + ${qas} hỏi đáp… / Creating ${articles} articles + ${qas} Q&A…`);
  const started = performance.now();
  const cms = await startStrapi({ seed: true, dir: building });
  try {
    await fromCms('seed/synthetic').generateSynthetic(cms.strapi, { articles, qas, log });
  } finally {
    await cms.stop();
  }
  const createdSeconds = +((performance.now() - started) / 1000).toFixed(1);
  fs.writeFileSync(path.join(building, 'ready'), JSON.stringify({ articles, qas, createdSeconds, date: new Date().toISOString() }));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
  return { dir, articles, qas, createdSeconds };
}
