/**
 * Reports and the communications plan on a real Strapi with the demo content: a known set of published,
 * draft, unpublished and out-of-period items in the first quarter of 2019 (no demo content is that old)
 * → the report's counts are what was inserted and what a direct SQL count finds; the XLSX and DOCX exports
 * open and hold the same numbers; only editors and the Super Admin get them; the plan's tasks are seeded
 * with their units and evidence, and progress follows what is published.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cmsRequire, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
const tokens: Record<string, string> = {};
const ARTICLE = 'api::article.article';
const QA = 'api::legal-qa.legal-qa';
const STORY = 'api::story.story';
const PRESS = 'api::press-release.press-release';
const NOTICE = 'api::announcement.announcement';
const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung thử nghiệm báo cáo.' }] }];
const units: Record<'u1' | 'u2', { documentId: string; name: string }> = {} as any;
const Q1 = '?period=quy&year=2019&quarter=1';

// read-excel-file reads every sheet with its default export; the DOCX is a zip (jszip comes with docx).
const readXlsx = cmsRequire('read-excel-file/node');
const JSZip = createRequire(cmsRequire.resolve('docx'))('jszip');

const login = async (email: string, password: string) => {
  const res = await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } });
  expect(res.status, res.text).toBe(200);
  return res.body.data.token as string;
};
const get = (path: string, token = tokens.editor) => api(cms.url, path, { token });
async function download(path: string, token = tokens.editor) {
  const res = await fetch(cms.url + path, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return { res, buffer: Buffer.from(await res.arrayBuffer()) };
}

/** Creates (and publishes) an item through the Document Service. */
async function item(uid: string, data: Record<string, unknown>, publish = true) {
  const base = uid === ARTICLE ? { body, format: 'tin' } : uid === QA ? { question: 'Câu hỏi thử nghiệm?', answer: body, askerLabel: 'Bạn đọc ở Hưng Yên' } : uid === STORY ? { body, subjectName: 'Nguyễn Văn A', subjectKind: 'ca-nhan' } : { body };
  return cms.strapi.documents(uid).create({ data: { ...base, ...data }, ...(publish ? { status: 'published' } : {}) });
}

/** Text of every table of a DOCX: tables → rows → cells. */
function docxTables(xml: string): string[][][] {
  const text = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => [...t[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1]!))));
}

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
  tokens.editor = await login('bientap@thads-hungyen.example', 'BienTap@2026');
  tokens.reporter = await login('phongvien@thads-hungyen.example', 'PhongVien@2026');
  tokens.admin = await login('quantri@thads-hungyen.example', 'QuanTri@2026');
  for (const [key, slug] of [['u1', 'phong-thads-khu-vuc-1'], ['u2', 'phong-thads-khu-vuc-2']] as const) {
    const u = await cms.strapi.documents('api::unit.unit').findFirst({ filters: { slug }, status: 'published', fields: ['name'] });
    units[key] = { documentId: u.documentId, name: u.name };
  }
  const { u1, u2 } = units;
  // In the first quarter of 2019 (Vietnam time): 6 items.
  await item(ARTICLE, { title: 'BC tin một', date: '2019-01-05T09:00:00+07:00', unit: u1.documentId, format: 'tin', themes: [{ code: 'chinh-sach-phap-luat' }, { code: 'y-thuc-chap-hanh' }] });
  const a2 = await item(ARTICLE, { title: 'BC phóng sự hai', date: '2019-02-14T08:00:00+07:00', unit: u1.documentId, format: 'phong-su', themes: [{ code: 'chinh-sach-phap-luat' }] });
  // Its draft edited after publishing: still one item.
  await cms.strapi.documents(ARTICLE).update({ documentId: a2.documentId, data: { title: 'BC phóng sự hai (đang sửa)' } });
  // 23:30 on 31 March in Vietnam is 16:30 UTC: inside the quarter.
  await item(ARTICLE, { title: 'BC tin ba', date: '2019-03-31T23:30:00+07:00', unit: u2.documentId, format: 'tin', themes: [{ code: 'guong-dien-hinh' }] });
  await item(QA, { title: 'BC hỏi đáp một', date: '2019-03-10T10:00:00+07:00', unit: u1.documentId });
  // No date: its publication time counts (set to January 2019 on the published version).
  const s1 = await item(STORY, { title: 'BC gương điển hình một', unit: u2.documentId });
  await cms.strapi.db.query(STORY).update({ where: { documentId: s1.documentId, publishedAt: { $notNull: true } }, data: { publishedAt: new Date('2019-01-20T10:00:00+07:00') } });
  await item(NOTICE, { title: 'BC thông báo không đơn vị', date: '2019-02-01T08:00:00+07:00', kind: 'khac', summary: 'Thông báo thử nghiệm.' });
  // Not counted: 00:30 on 1 April in Vietnam (still 31 March in UTC), a draft, an unpublished item, last year.
  await item(ARTICLE, { title: 'BC tin tháng tư', date: '2019-04-01T00:30:00+07:00', unit: u2.documentId });
  await item(ARTICLE, { title: 'BC bản nháp', date: '2019-02-20T08:00:00+07:00', unit: u2.documentId }, false);
  const gone = await item(ARTICLE, { title: 'BC đã gỡ', date: '2019-01-10T08:00:00+07:00', unit: u1.documentId });
  await cms.strapi.documents(ARTICLE).unpublish({ documentId: gone.documentId });
  await item(PRESS, { title: 'BC thông cáo năm trước', date: '2018-12-31T23:00:00+07:00', unit: u1.documentId, summary: 'Thông cáo thử nghiệm.' });
});

afterAll(async () => {
  await cms?.stop();
});

/** A direct SQL count of published rows of `uid` whose date (or publication time) is in [from, to), optionally of one unit. */
async function sqlCount(uid: string, from: string, to: string, unit?: string): Promise<number> {
  const knex = cms.strapi.db.connection;
  const meta = cms.strapi.db.metadata.get(uid);
  const table = meta.tableName;
  const start = new Date(`${from}T00:00:00+07:00`);
  const end = new Date(`${to}T00:00:00+07:00`);
  const q = knex(table).whereNotNull(`${table}.published_at`);
  if (meta.attributes.date) q.whereRaw(`coalesce(??, ??) >= ? and coalesce(??, ??) < ?`, [`${table}.date`, `${table}.published_at`, start, `${table}.date`, `${table}.published_at`, end]);
  else q.where(`${table}.published_at`, '>=', start).where(`${table}.published_at`, '<', end);
  if (unit) {
    const jt = meta.attributes.unit.joinTable;
    q.join(jt.name, `${jt.name}.${jt.joinColumn.name}`, `${table}.id`)
      .join('units', 'units.id', `${jt.name}.${jt.inverseJoinColumn.name}`)
      .where('units.document_id', unit);
  }
  const [{ n }] = await q.countDistinct({ n: `${table}.id` });
  return Number(n);
}

describe('the report of a period', () => {
  it('counts what was published in the quarter, per type, unit, format, theme and month', async () => {
    const res = await get(`/thads/reports${Q1}`);
    expect(res.status, res.text).toBe(200);
    const r = res.body.data;
    expect(r.period).toMatchObject({ kind: 'quy', from: '2019-01-01', to: '2019-03-31', label: 'quý I năm 2019' });
    expect(r.subject).toBe('Kết quả công tác truyền thông quý I năm 2019');
    expect(r.total).toBe(6);
    const types = Object.fromEntries(r.types.map((t: any) => [t.key, t.count]));
    expect(types).toMatchObject({ [ARTICLE]: 3, [QA]: 1, [STORY]: 1, [NOTICE]: 1, [PRESS]: 0 });
    const byUnit = Object.fromEntries(r.units.map((u: any) => [u.label, u.count]));
    expect(byUnit[units.u1.name]).toBe(3);
    expect(byUnit[units.u2.name]).toBe(2);
    expect(byUnit['Chưa ghi đơn vị']).toBe(1);
    // Every active unit has a line, zeros included.
    expect(byUnit['Văn phòng']).toBe(0);
    expect(r.units.find((u: any) => u.label === units.u1.name).byType).toMatchObject({ [ARTICLE]: 2, [QA]: 1 });
    expect(Object.fromEntries(r.formats.map((f: any) => [f.key, f.count]))).toEqual({ tin: 2, 'bai-viet': 0, 'phong-van': 0, 'phong-su': 1, anh: 0, video: 0 });
    expect(Object.fromEntries(r.themes.map((t: any) => [t.key, t.count]))).toEqual({ 'chinh-sach-phap-luat': 2, 'no-luc-phuc-vu': 0, 'y-thuc-chap-hanh': 1, 'guong-dien-hinh': 1, 'van-de-du-luan': 0 });
    expect(r.months.map((m: any) => [m.label, m.count])).toEqual([
      ['Tháng 1/2019', 2],
      ['Tháng 2/2019', 2],
      ['Tháng 3/2019', 2],
    ]);
    expect(r.quarters.map((q: any) => [q.label, q.count])).toEqual([['Quý I/2019', 6]]);
  });

  it('equals a direct count in the database, in total, per type and per unit', async () => {
    const r = (await get(`/thads/reports${Q1}`)).body.data;
    let total = 0;
    for (const t of r.types) {
      const n = await sqlCount(t.key, '2019-01-01', '2019-04-01');
      expect(t.count, t.key).toBe(n);
      total += n;
    }
    expect(r.total).toBe(total);
    for (const u of [units.u1, units.u2]) {
      const line = r.units.find((x: any) => x.key === u.documentId);
      for (const t of r.types) if (cms.strapi.db.metadata.get(t.key).attributes.unit) expect(line.byType[t.key], `${u.name} ${t.key}`).toBe(await sqlCount(t.key, '2019-01-01', '2019-04-01', u.documentId));
    }
  });

  it('narrows to one unit and to one month; a custom range spans years', async () => {
    const one = (await get(`/thads/reports${Q1}&unit=${units.u1.documentId}`)).body.data;
    expect(one.unit).toEqual(units.u1);
    expect(one.total).toBe(3);
    expect(one.units.map((u: any) => [u.label, u.count])).toEqual([[units.u1.name, 3]]);
    expect(one.subject).toBe(`Kết quả công tác truyền thông quý I năm 2019 của ${units.u1.name}`);
    const feb = (await get('/thads/reports?period=thang&year=2019&month=2')).body.data;
    expect(feb.period).toMatchObject({ from: '2019-02-01', to: '2019-02-28', label: 'tháng 2 năm 2019' });
    expect(feb.total).toBe(2);
    const range = (await get('/thads/reports?period=tuy-chon&from=2018-12-01&to=2019-04-30')).body.data;
    expect(range.total).toBe(8);
    expect(range.years.map((y: any) => [y.label, y.count])).toEqual([
      ['Năm 2018', 1],
      ['Năm 2019', 7],
    ]);
  });

  it('refuses a wrong period in Vietnamese (400) and an unknown unit (404)', async () => {
    const noMonth = await get('/thads/reports?period=thang&year=2019');
    expect(noMonth.status).toBe(400);
    expect(noMonth.body.error.message).toBe('Tháng: chọn tháng báo cáo.');
    const reversed = await get('/thads/reports?period=tuy-chon&from=2019-05-01&to=2019-04-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toBe('Đến ngày: phải sau hoặc bằng "Từ ngày".');
    expect((await get('/thads/reports?period=quy&year=2019&quarter=5')).body.error.message).toBe('Quý: từ 1 đến 4.');
    expect((await get('/thads/reports?period=nam&year=2019&limit=5')).status).toBe(400);
    expect((await get('/thads/reports?period=nam&year=2019&unit=khongcodonvinay')).status).toBe(404);
  });
});

describe('exports', () => {
  it('XLSX: one sheet per breakdown with the same numbers', async () => {
    const { res, buffer } = await download(`/thads/reports/export.xlsx${Q1}`);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('bao-cao-truyen-thong-2019-01-01-2019-03-31.xlsx');
    const sheets: Array<{ sheet: string; data: unknown[][] }> = await (readXlsx.default ?? readXlsx)(buffer);
    expect(sheets.map((s) => s.sheet)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Theo hình thức', 'Theo chủ đề', 'Theo tháng', 'Theo quý', 'Theo năm', 'Kế hoạch truyền thông']);
    const sheet = (name: string) => sheets.find((s) => s.sheet === name)!.data;
    const row = (name: string, label: string) => sheet(name).find((r) => r[0] === label);
    expect(sheet('Tổng hợp')[0]![0]).toBe('Báo cáo kết quả công tác truyền thông quý I năm 2019');
    expect(row('Tổng hợp', 'Tin, bài')).toEqual(['Tin, bài', 3]);
    expect(row('Tổng hợp', 'Tổng cộng')).toEqual(['Tổng cộng', 6]);
    const header = sheet('Theo đơn vị')[0]!;
    expect(header[0]).toBe('Đơn vị');
    expect(header.at(-1)).toBe('Tổng số');
    const u1 = row('Theo đơn vị', units.u1.name)!;
    expect(u1[header.indexOf('Tin, bài')]).toBe(2);
    expect(u1[header.indexOf('Giải đáp pháp luật')]).toBe(1);
    expect(u1.at(-1)).toBe(3);
    expect(row('Theo đơn vị', 'Tổng cộng')!.at(-1)).toBe(6);
    expect(row('Theo hình thức', 'Phóng sự')).toEqual(['Phóng sự', 1]);
    expect(row('Theo tháng', 'Tháng 1/2019')!.at(-1)).toBe(2);
    expect(sheet('Kế hoạch truyền thông').slice(1).map((r) => r[0])).toContain('4.2');
  });

  it('DOCX: an administrative report with header, title, tables and signature', async () => {
    const { res, buffer } = await download(`/thads/reports/export.docx${Q1}&number=15`);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(buffer);
    const xml: string = await zip.file('word/document.xml').async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const expected of [
      'BỘ TÀI CHÍNH',
      'THI HÀNH ÁN DÂN SỰ TỈNH HƯNG YÊN',
      'Số: 15/BC-THADS',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Kết quả công tác truyền thông quý I năm 2019',
      'Nơi nhận:',
      '- Lưu: VT, VP.',
      'THỦ TRƯỞNG',
      'Phạm Quang Huy',
    ]) expect(text).toContain(expected);
    expect(text).toMatch(/Hưng Yên, ngày \d{2} tháng \d{2}|Hưng Yên, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    const tables = docxTables(xml);
    const byType = tables.find((t) => t[0]?.join('|') === 'STT|Loại nội dung|Số lượng')!;
    expect(byType).toBeDefined();
    expect(byType).toContainEqual(['1', 'Tin, bài', '3']);
    expect(byType.at(-1)).toEqual(['Tổng cộng', '', '6']);
    const byUnit = tables.find((t) => t[0]?.[1] === 'Đơn vị')!;
    expect(byUnit.find((r) => r[1] === units.u1.name)!.slice(2)).toEqual(['2', '1', '3']);
    expect(tables.find((t) => t[0]?.[1] === 'Hình thức')).toContainEqual(['4', 'Phóng sự', '1']);
    expect(tables.find((t) => t[0]?.[1] === 'Nhiệm vụ')!.map((r) => r[0])).toContain('4.5.b');
    // Times New Roman, A4, the decree's margins (30 mm left = 1701 twips).
    const styles: string = await zip.file('word/styles.xml').async('string');
    expect(styles).toContain('Times New Roman');
    const pgSz = /<w:pgSz [^>]*>/.exec(xml)![0];
    expect(pgSz).toContain('w:w="11906"');
    expect(pgSz).toContain('w:h="16838"');
    expect(/<w:pgMar [^>]*>/.exec(xml)![0]).toContain('w:left="1701"');
  });
});

describe('who may read reports', () => {
  it('editors and the Super Admin; not reporters (403), not anyone logged out (401)', async () => {
    expect((await get(`/thads/reports${Q1}`, tokens.admin)).status).toBe(200);
    for (const path of [`/thads/reports${Q1}`, '/thads/reports/options', `/thads/reports/export.xlsx${Q1}`, `/thads/reports/export.docx${Q1}`, '/thads/plan']) {
      const reporter = await get(path, tokens.reporter);
      expect(reporter.status, path).toBe(403);
      expect(reporter.body.error.message).toBe('Bạn không có quyền xem báo cáo.');
      expect((await api(cms.url, path)).status, path).toBe(401);
    }
    // Nor through the public Content API.
    expect((await api(cms.url, '/api/plan-tasks')).status).toBe(403);
  });

  it('offers the units and the years with content', async () => {
    const res = await get('/thads/reports/options');
    expect(res.status).toBe(200);
    expect(res.body.data.years.at(-1)).toBe(2018);
    expect(res.body.data.units.map((u: any) => u.label)).toContain(units.u1.name);
  });
});

describe('the communications plan', () => {
  it('is seeded from the plan: tasks 4.1–4.5 with units, products, timing and evidence', async () => {
    const res = await get('/thads/plan');
    expect(res.status, res.text).toBe(200);
    const plan = res.body.data;
    expect(plan.tasks.map((t: any) => t.code)).toEqual(['4.1.a', '4.1.b', '4.2', '4.3', '4.4.a', '4.4.b', '4.5.a', '4.5.b', '4.5.c']);
    const t42 = plan.tasks.find((t: any) => t.code === '4.2');
    expect(t42.leadUnit.name).toBe('Phòng Nghiệp vụ và Tổ chức thi hành án');
    expect(t42.coordinatingUnits.map((u: any) => u.name)).toContain('Phòng Kiểm tra và Giải quyết khiếu nại, tố cáo');
    expect(t42.coordinatingUnits).toHaveLength(7);
    expect(t42.timing).toMatch(/^Thường xuyên/);
    expect(t42.evidenceCount).toBe(7);
    expect(new Set(t42.evidence.map((e: any) => e.typeLabel))).toEqual(new Set(['Tin, bài', 'Giải đáp pháp luật', 'Thư viện ảnh']));
    const t45b = plan.tasks.find((t: any) => t.code === '4.5.b');
    expect(t45b.evidence.map((e: any) => e.typeLabel)).toEqual(['Cải chính thông tin', 'Cải chính thông tin']);
    expect(plan.summary).toMatchObject({ total: 9, byStatus: { 'hoan-thanh': 2, 'dang-thuc-hien': 7, 'chua-bat-dau': 0 }, percentDone: 22 });
    expect(plan.summary.evidenceTotal).toBe(plan.tasks.reduce((a: number, t: any) => a + t.evidenceCount, 0));
    // Per unit: the tasks it leads and those it coordinates.
    const office = plan.units.find((u: any) => u.name === 'Văn phòng');
    expect(office.lead.map((t: any) => t.code)).toEqual(['4.1.a', '4.1.b', '4.3', '4.4.a', '4.5.a', '4.5.b', '4.5.c']);
    expect(office.coordinating.map((t: any) => t.code)).toEqual(['4.4.b']);
    expect(office.byStatus).toEqual({ 'chua-bat-dau': 0, 'dang-thuc-hien': 6, 'hoan-thanh': 2 });
    const k1 = plan.units.find((u: any) => u.documentId === units.u1.documentId);
    expect(k1.lead).toEqual([]);
    expect(k1.coordinating).toHaveLength(8);
  });

  it('counts only published evidence, and the evidence of the period', async () => {
    const task = await cms.strapi.db.query('api::plan-task.plan-task').findOne({ where: { code: '4.5.c' }, select: ['documentId'] });
    const a = await item(ARTICLE, { title: 'BC trả lời phỏng vấn', date: '2019-02-02T08:00:00+07:00', unit: units.u1.documentId, format: 'phong-van' });
    const draft = await item(ARTICLE, { title: 'BC phỏng vấn chưa đăng', date: '2019-02-03T08:00:00+07:00', unit: units.u1.documentId }, false);
    const before = (await get('/thads/plan')).body.data.tasks.find((t: any) => t.code === '4.5.c').evidenceCount;
    await cms.strapi.documents('api::plan-task.plan-task').update({ documentId: task.documentId, data: { evidence: { connect: [a.documentId, draft.documentId] }, progress: 'hoan-thanh' } });
    const after = (await get(`/thads/plan${Q1}`)).body.data;
    const row = after.tasks.find((t: any) => t.code === '4.5.c');
    expect(row.evidenceCount).toBe(before + 1);
    expect(row.evidenceInPeriod).toBe(1);
    expect(row.progressLabel).toBe('Hoàn thành');
    expect(after.summary.byStatus['hoan-thanh']).toBe(3);
    // Unpublished: no longer evidence.
    await cms.strapi.documents(ARTICLE).unpublish({ documentId: a.documentId });
    expect((await get('/thads/plan')).body.data.tasks.find((t: any) => t.code === '4.5.c').evidenceCount).toBe(before);
  });
});
