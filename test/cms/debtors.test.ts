/**
 * The list of debtors without means to execute on a real Strapi with the demo content: the spreadsheet
 * import through the admin routes (preview, confirm, same file twice, bad rows, CSV, permissions), the
 * checks of every save, and resolution: a resolved entry leaves the public API at once while its history
 * stays in the admin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEBTOR_HEADER, debtorRow, debtorXlsx } from '../helpers/debtor-sheet.ts';
import { api, CMS_DIR, cmsRequire, fromCms, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

const UID = 'api::debtor-listing.debtor-listing';
const CM = `/content-manager/collection-types/${UID}`;
let cms: TestStrapi;
const tokens: Record<string, string> = {};
let kv3: string;

const { readSheet } = cmsRequire('read-excel-file/node');
const xlsx = debtorXlsx;

const login = async (email: string, password: string) => (await api(cms.url, '/admin/login', { method: 'POST', json: { email, password } })).body.data.token as string;

function upload(route: 'preview' | 'confirm', file: Buffer, name: string, { unit, token = tokens.editor }: { unit?: string; token?: string } = {}) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  if (unit) form.append('unit', unit);
  return api(cms.url, `/thads/debtor-listings/import/${route}`, { method: 'POST', body: form, token });
}

const HEADER = DEBTOR_HEADER;
const row = debtorRow;

const publicList = async (query = '') => (await api(cms.url, `/api/debtor-listings?pagination[pageSize]=100${query}`)).body;
const isPublic = async (name: string) => (await publicList(`&filters[name][$eq]=${encodeURIComponent(name)}`)).data.length > 0;
const count = () => cms.strapi.db.query(UID).count();
const job = async () => (await api(cms.url, '/thads/debtor-listings/import/job', { token: tokens.editor })).body.data;

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
  tokens.editor = await login('bientap@thads-hungyen.example', 'BienTap@2026');
  tokens.reporter = await login('phongvien@thads-hungyen.example', 'PhongVien@2026');
  const units = await api(cms.url, '/thads/debtor-listings/import/units', { token: tokens.editor });
  kv3 = units.body.data.find((u: any) => u.slug === 'phong-thads-khu-vuc-3').documentId;
});
afterAll(async () => {
  await cms?.stop();
});

describe('the demo list', () => {
  it('publishes the listed entries and keeps the resolved ones private', async () => {
    expect(await cms.strapi.db.query(UID).count({ where: { publishedAt: null } })).toBe(33);
    const body = await publicList();
    expect(body.meta.pagination.total).toBe(30);
    expect(body.data.map((d: any) => d.name)).not.toContain('Ngô Văn Sơn (giả định)');
    const resolved = await cms.strapi.documents(UID).findFirst({ filters: { name: 'Ngô Văn Sơn (giả định)' }, populate: ['history'] });
    expect(resolved.state).toBe('da-giai-quyet');
    expect(resolved.history.map((h: any) => h.event)).toEqual(['dua-vao', 'giai-quyet']);
  });

  it('shows only public fields and the unit, whatever the query asks', async () => {
    const asked = await api(cms.url, '/api/debtor-listings?fields[0]=importKey&fields[1]=state&populate[history]=true');
    expect(asked.status === 400 || asked.body.data.every((d: any) => !('importKey' in d) && !('state' in d) && !('history' in d))).toBe(true);
    const [first] = (await publicList('&populate=*')).data;
    expect(Object.keys(first).sort()).toEqual(
      ['id', 'documentId', 'name', 'kind', 'address', 'judgmentNumber', 'judgmentDate', 'court', 'obligation', 'reason', 'decisionNumber', 'decisionDate', 'createdAt', 'updatedAt', 'publishedAt', 'unit'].sort(),
    );
    expect(first.unit).toEqual({ id: expect.any(Number), documentId: expect.any(String), name: expect.any(String), slug: expect.any(String), shortName: expect.anything() });
  });

  it('never returns a resolved entry, even asked for by id, as a draft or through a filter', async () => {
    const resolved = await cms.strapi.db.query(UID).findOne({ where: { name: 'Ngô Văn Sơn (giả định)' } });
    expect((await api(cms.url, `/api/debtor-listings/${resolved.documentId}`)).status).toBe(404);
    expect((await api(cms.url, `/api/debtor-listings/${resolved.documentId}?status=draft`)).status).toBe(404);
    expect((await publicList('&status=draft')).data.map((d: any) => d.name)).not.toContain('Ngô Văn Sơn (giả định)');
    const filtered = await api(cms.url, '/api/debtor-listings?filters[state][$eq]=da-giai-quyet');
    expect(filtered.status === 400 || filtered.body.data.every((d: any) => d.name !== 'Ngô Văn Sơn (giả định)')).toBe(true);
    const byName = await api(cms.url, `/api/debtor-listings?filters[name][$eq]=${encodeURIComponent('Ngô Văn Sơn (giả định)')}`);
    expect(byName.body.data).toEqual([]);
  });

  it('cannot be written through the public API', async () => {
    const res = await api(cms.url, '/api/debtor-listings', { method: 'POST', json: { data: { name: 'x' } } });
    expect([403, 404, 405]).toContain(res.status);
  });
});

describe('import of a spreadsheet', () => {
  let file: Buffer;

  it('previews a valid file: every row new, nothing stored yet', async () => {
    file = await xlsx([['DANH SÁCH NGƯỜI PHẢI THI HÀNH ÁN CHƯA CÓ ĐIỀU KIỆN THI HÀNH'], HEADER, ...[1, 2, 3, 4, 5].map((n) => row(n)), row(6, { name: 'Công ty TNHH Vận tải Như Quỳnh (giả định)', kind: '' })]);
    const before = await count();
    const res = await upload('preview', file, 'khu-vuc-3.xlsx', { unit: kv3 });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.errors).toEqual([]);
    expect(res.body.data.summary).toEqual({ rows: 6, 'them-moi': 6, 'cap-nhat': 0, 'khong-doi': 0, 'da-giai-quyet': 0 });
    expect(res.body.data.rows[0]).toEqual({ row: 3, name: 'Người giả định số 1', unitName: 'Phòng Thi hành án dân sự khu vực 3', decisionNumber: '1/QĐ-CCTHADS', action: 'them-moi', changes: [] });
    expect(await count()).toBe(before);
  });

  it('stores the rows, published, on confirmation; they are on the public API', async () => {
    const res = await upload('confirm', file, 'khu-vuc-3.xlsx', { unit: kv3 });
    expect(res.status, res.text).toBe(201);
    for (const n of [1, 2, 3, 4, 5]) expect(await isPublic(`Người giả định số ${n}`)).toBe(true);
    const company = (await publicList(`&filters[name][$eq]=${encodeURIComponent('Công ty TNHH Vận tải Như Quỳnh (giả định)')}`)).data[0];
    expect(company).toMatchObject({ kind: 'to-chuc', judgmentDate: '2023-04-12', decisionDate: '2024-02-20', reason: 'khong-co-tai-san-thu-nhap', unit: { slug: 'phong-thads-khu-vuc-3' } });
    const stored = await cms.strapi.documents(UID).findFirst({ filters: { name: 'Người giả định số 1' }, populate: ['history'] });
    expect(stored.history).toEqual([expect.objectContaining({ event: 'dua-vao', by: expect.stringContaining('bientap@thads-hungyen.example'), note: 'Nhập từ tệp "khu-vuc-3.xlsx".' })]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const snapshot = async () => (await cms.strapi.db.query(UID).findMany({ select: ['documentId', 'updatedAt', 'publishedAt'], orderBy: { id: 'asc' } })).map((e: any) => JSON.stringify(e));
    const before = await snapshot();
    const preview = await upload('preview', file, 'khu-vuc-3.xlsx', { unit: kv3 });
    expect(preview.body.data.summary).toEqual({ rows: 6, 'them-moi': 0, 'cap-nhat': 0, 'khong-doi': 6, 'da-giai-quyet': 0 });
    expect((await upload('confirm', file, 'khu-vuc-3.xlsx', { unit: kv3 })).status).toBe(201);
    expect(await snapshot()).toEqual(before);
  });

  it('updates a changed row and records what changed', async () => {
    const changed = await xlsx([HEADER, row(1, { address: 'Thôn Mới, xã Như Quỳnh, tỉnh Hưng Yên' }), row(2)]);
    const preview = await upload('preview', changed, 'khu-vuc-3-sua.xlsx', { unit: kv3 });
    expect(preview.body.data.rows.map((r: any) => [r.action, r.changes])).toEqual([
      ['cap-nhat', ['Địa chỉ']],
      ['khong-doi', []],
    ]);
    expect((await upload('confirm', changed, 'khu-vuc-3-sua.xlsx', { unit: kv3 })).status).toBe(201);
    const entry = (await publicList(`&filters[name][$eq]=${encodeURIComponent('Người giả định số 1')}`)).data[0];
    expect(entry.address).toBe('Thôn Mới, xã Như Quỳnh, tỉnh Hưng Yên');
    const stored = await cms.strapi.documents(UID).findFirst({ filters: { name: 'Người giả định số 1' }, populate: ['history'] });
    expect(stored.history.map((h: any) => [h.event, h.note])).toEqual([
      ['dua-vao', 'Nhập từ tệp "khu-vuc-3.xlsx".'],
      ['cap-nhat', 'Sửa: Địa chỉ. Nhập từ tệp "khu-vuc-3-sua.xlsx".'],
    ]);
  });

  it('stores nothing from a file with bad rows and lists every error', async () => {
    const bad = await xlsx([
      HEADER,
      row(20),
      row(21, { name: '', judgmentDate: '31/02/2023' }),
      row(22, { reason: 'bỏ trốn', decisionDate: '01/01/2020' }),
      row(23, { unit: 'Phòng khu vực 99' }),
      row(20),
    ]);
    const before = await count();
    const preview = await upload('preview', bad, 'loi.xlsx', { unit: kv3 });
    expect(preview.body.data.errors).toEqual([
      { row: 3, column: 'Tên người phải thi hành án', message: 'Không được để trống.' },
      { row: 3, column: 'Ngày bản án, quyết định', message: 'Không phải ngày hợp lệ (ví dụ 14/05/2024).' },
      { row: 4, column: 'Lý do chưa có điều kiện thi hành', message: expect.stringMatching(/^Chọn một trong: Không có thu nhập, tài sản/) },
      { row: 5, column: 'Đơn vị', message: 'Không có đơn vị "Phòng khu vực 99". Ghi đúng tên đơn vị như trên trang "Đơn vị – liên hệ".' },
      { row: 6, column: 'Tên người phải thi hành án', message: 'Trùng với dòng 2: cùng đơn vị, số quyết định và tên người phải thi hành án.' },
    ]);
    const confirm = await upload('confirm', bad, 'loi.xlsx', { unit: kv3 });
    expect(confirm.status).toBe(422);
    expect(confirm.body.error.message).toBe('Tệp có 5 lỗi; chưa lưu dòng nào.');
    expect(confirm.body.error.details.errors).toHaveLength(5);
    expect(await count()).toBe(before);
    expect(await isPublic('Người giả định số 20')).toBe(false);
  });

  it('reads a CSV file saved by Excel (UTF-8 with BOM, semicolons), and refuses one that is not UTF-8', async () => {
    const csv = (rows: unknown[][]) => rows.map((r) => r.map((c) => `"${String(c instanceof Date ? '20/02/2024' : (c ?? '')).replace(/"/g, '""')}"`).join(';')).join('\r\n');
    const text = `\uFEFF${csv([HEADER, row(30, { name: 'Đào Thị "Bé" Hồng (giả định)' })])}`;
    const res = await upload('confirm', Buffer.from(text, 'utf8'), 'danh-sach.csv', { unit: kv3 });
    expect(res.status, res.text).toBe(201);
    expect(await isPublic('Đào Thị "Bé" Hồng (giả định)')).toBe(true);
    const latin = Buffer.from(csv([HEADER, row(31)]), 'latin1');
    const refused = await upload('preview', latin, 'windows.csv', { unit: kv3 });
    expect(refused.body.data.errors[0].message).toMatch(/^Tệp CSV không ở mã UTF-8/);
  });

  it('refuses what is not a spreadsheet, and a missing file', async () => {
    const fake = await upload('preview', Buffer.from('PK\u0003\u0004 not really a zip'), 'x.xlsx', { unit: kv3 });
    expect(fake.body.data.errors[0].message).toMatch(/^Không đọc được tệp Excel/);
    const none = await api(cms.url, '/thads/debtor-listings/import/preview', { method: 'POST', body: new FormData(), token: tokens.editor });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe('Chưa chọn tệp để nhập (XLSX hoặc CSV).');
  });

  it('is for editors only: a reporter and an anonymous visitor are refused', async () => {
    const reporter = await upload('confirm', file, 'khu-vuc-3.xlsx', { unit: kv3, token: tokens.reporter });
    expect(reporter.status).toBe(403);
    expect(reporter.body.error.message).toBe('Bạn không có quyền nhập danh sách người chưa có điều kiện thi hành án.');
    expect((await api(cms.url, '/thads/debtor-listings/import/units', { token: tokens.reporter })).status).toBe(403);
    const anonymous = await upload('preview', file, 'khu-vuc-3.xlsx', { unit: kv3, token: '' });
    expect(anonymous.status).toBe(401);
  });

  it('writes a large file in the background and reports its progress', async () => {
    const big = await xlsx([HEADER, ...Array.from({ length: 250 }, (_, i) => row(1000 + i))]);
    const before = await count();
    // What Strapi's webhook sends the publisher: one event for the whole file, naming the type, not 500.
    const events: any[] = [];
    const listen = (event: string) => (payload: any) => payload?.uid === UID && events.push({ event, ...payload });
    const stop = ['entry.create', 'entry.publish', 'entry.update'].map((e) => cms.strapi.eventHub.on(e, listen(e)));
    const res = await upload('confirm', big, 'lon.xlsx', { unit: kv3 });
    expect(res.status, res.text).toBe(202);
    expect(res.body.data.job).toMatchObject({ total: 250, fileName: 'lon.xlsx' });
    await expect.poll(async () => (await job()).state, { timeout: 110_000, interval: 200 }).toBe('xong');
    expect(await job()).toMatchObject({ written: 250, total: 250, error: null });
    expect(await count()).toBe(before + 500);
    for (const off of stop) off?.();
    expect(events).toEqual([expect.objectContaining({ event: 'entry.publish', uid: UID, entry: null })]);
    const stored = await cms.strapi.documents(UID).findFirst({ filters: { name: 'Người giả định số 1000' }, populate: ['history', 'unit'] });
    expect(stored).toMatchObject({ state: 'dang-cong-khai', unit: { slug: 'phong-thads-khu-vuc-3' }, history: [{ event: 'dua-vao', note: 'Nhập từ tệp "lon.xlsx".', by: expect.stringContaining('bientap@thads-hungyen.example') }] });
  });

  it('runs one import at a time: another file is refused while one is being written', async () => {
    // A job of the running CMS (the module Strapi loaded), held before its first write until the test lets it go.
    const { planImport } = fromCms('debtors/import.js');
    const { runImport } = fromCms('debtors/jobs.js');
    const big = await xlsx([HEADER, ...Array.from({ length: 210 }, (_, i) => row(2000 + i))]);
    const plan = await planImport(cms.strapi, { buffer: big, name: 'giu.xlsx' }, kv3);
    let release!: () => void;
    await runImport(cms.strapi, plan, 'Kiểm thử', { kind: 'system', id: null, name: 'Kiểm thử' }, (start: () => void) => (release = start));
    expect(await job()).toMatchObject({ state: 'dang-ghi', total: 210, written: 0, fileName: 'giu.xlsx' });
    const busy = await upload('confirm', file, 'khu-vuc-3.xlsx', { unit: kv3 });
    expect(busy.status).toBe(409);
    expect(busy.body.error.message).toBe('Đang có một lần nhập khác chạy; vui lòng chờ xong rồi nhập tiếp.');
    release();
    await expect.poll(async () => (await job()).state, { timeout: 110_000, interval: 200 }).toBe('xong');
    expect(await job()).toMatchObject({ written: 210, total: 210, error: null });
    expect((await upload('confirm', file, 'khu-vuc-3.xlsx', { unit: kv3 })).status).toBe(201);
  });

  it('records one change-history event for a whole import, naming the file and who imported it', async () => {
    const events = await cms.strapi.db.query('api::history-entry.history-entry').findMany({ where: { targetUid: UID, action: 'import' }, orderBy: { id: 'asc' } });
    const lon = events.find((e: any) => e.title === 'Tệp "lon.xlsx"');
    expect(lon).toMatchObject({ actorKind: 'admin', actorName: expect.any(String), note: 'Nhập từ tệp "lon.xlsx". Thêm mới 250, cập nhật 0.' });
    expect(await cms.strapi.db.query('api::history-entry.history-entry').count({ where: { targetUid: UID, action: { $in: ['create', 'publish'] }, createdAt: { $gte: lon.createdAt } } })).toBe(0);
  });

  it('leaves every version with its own history and unit, and no history row without its entry', async () => {
    const knex = cms.strapi.db.connection;
    const orphans = await knex('components_debtor_status_events as c').whereNotExists(knex('debtor_listings_cmps as l').whereRaw('l.cmp_id = c.id').andWhere('l.component_type', 'debtor.status-event')).count({ n: '*' });
    expect(Number(orphans[0].n)).toBe(0);
    const shared = await knex('debtor_listings_cmps').where('component_type', 'debtor.status-event').groupBy('cmp_id').having(knex.raw('count(*) > 1')).select('cmp_id');
    expect(shared).toEqual([]);
    const versions = await knex('debtor_listings as d').leftJoin('debtor_listings_unit_lnk as l', 'l.debtor_listing_id', 'd.id').leftJoin('units as u', 'u.id', 'l.unit_id').select('d.published_at as debtorPublished', 'u.published_at as unitPublished', 'u.id as unit');
    expect(versions.filter((v: any) => v.unit === null)).toEqual([]);
    expect(versions.filter((v: any) => (v.debtorPublished === null) !== (v.unitPublished === null))).toEqual([]);
  });

  it('offers a template whose headers are the importer\'s, like the CSV template shipped in cms/data/templates', async () => {
    const res = await fetch(`${cms.url}/thads/debtor-listings/import/template`, { headers: { authorization: `Bearer ${tokens.editor}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.xlsx');
    const sheet = await readSheet(Buffer.from(await res.arrayBuffer()));
    expect(sheet[0]).toEqual(HEADER);
    const csv = fs.readFileSync(path.join(CMS_DIR, 'data', 'templates', 'mau-danh-sach-chua-co-dieu-kien-thi-hanh.csv'), 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(HEADER.map((h) => `"${h}"`).join(','));
  });
});

describe('saving in the admin', () => {
  let documentId: string;

  it('refuses invalid data with the field named in Vietnamese', async () => {
    const res = await api(cms.url, CM, {
      method: 'POST',
      token: tokens.editor,
      json: { name: 'Nguyễn Văn Thử (giả định)', kind: 'ca-nhan', address: 'Xã Yên Mỹ', judgmentNumber: '1/2024/DS-ST', judgmentDate: '2024-05-10', court: 'Tòa án nhân dân huyện Yên Mỹ', obligation: 'Trả nợ.', reason: 'chua-xac-dinh-dia-chi', decisionNumber: '9/QĐ-THADS', decisionDate: '2024-01-02', unit: kv3 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Ngày quyết định chưa có điều kiện thi hành: không được trước ngày bản án, quyết định.');
    expect(res.body.error.details.errors[0].path).toEqual(['decisionDate']);
  });

  it('refuses a second entry with the same unit, decision number and name', async () => {
    const existing = await cms.strapi.db.query(UID).findOne({ where: { name: 'Người giả định số 2', publishedAt: null } });
    const res = await api(cms.url, CM, {
      method: 'POST',
      token: tokens.editor,
      json: { name: 'người giả định  số 2', kind: 'ca-nhan', address: 'Xã Yên Mỹ', judgmentNumber: '1/2024/DS-ST', judgmentDate: '2024-05-10', court: 'TAND', obligation: 'Trả nợ.', reason: 'khong-co-tai-san-thu-nhap', decisionNumber: existing.decisionNumber, decisionDate: '2024-06-02', unit: kv3 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Đã có mục cùng đơn vị, số quyết định và tên người phải thi hành án.');
  });

  it('takes an entry off the public list as soon as it is marked resolved, and keeps its history', async () => {
    documentId = (await cms.strapi.db.query(UID).findOne({ where: { name: 'Người giả định số 3' } })).documentId;
    const missing = await api(cms.url, `${CM}/${documentId}`, { method: 'PUT', token: tokens.editor, json: { state: 'da-giai-quyet' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.errors.map((e: any) => e.path[0])).toEqual(['resolutionKind', 'resolutionDate']);
    expect(await isPublic('Người giả định số 3')).toBe(true);

    const res = await api(cms.url, `${CM}/${documentId}`, { method: 'PUT', token: tokens.editor, json: { state: 'da-giai-quyet', resolutionKind: 'thi-hanh-xong', resolutionDate: '2026-11-02', resolutionNote: 'Đã nộp đủ tiền.' } });
    expect(res.status, res.text).toBe(200);
    expect(await isPublic('Người giả định số 3')).toBe(false);
    expect((await api(cms.url, `/api/debtor-listings/${documentId}`)).status).toBe(404);

    const inAdmin = await api(cms.url, `${CM}/${documentId}?populate=*`, { token: tokens.editor });
    expect(inAdmin.status).toBe(200);
    expect(inAdmin.body.data).toMatchObject({ name: 'Người giả định số 3', state: 'da-giai-quyet', resolutionKind: 'thi-hanh-xong', status: 'draft' });
    expect(inAdmin.body.data.history.map((h: any) => h.event)).toEqual(['dua-vao', 'giai-quyet']);
    expect(inAdmin.body.data.history[1]).toMatchObject({ by: expect.stringContaining('bientap@thads-hungyen.example'), note: 'Đã thi hành xong, ngày 02/11/2026. Đã nộp đủ tiền.' });
  });

  it('refuses to publish a resolved entry', async () => {
    const res = await api(cms.url, `${CM}/${documentId}/actions/publish`, { method: 'POST', token: tokens.editor, json: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Mục này đã được đánh dấu "Đã giải quyết" nên không được công bố/);
    expect(await isPublic('Người giả định số 3')).toBe(false);
  });

  it('leaves a resolved entry alone when a file lists it again', async () => {
    const again = await xlsx([HEADER, row(3)]);
    const preview = await upload('preview', again, 'lai.xlsx', { unit: kv3 });
    expect(preview.body.data.rows.map((r: any) => r.action)).toEqual(['da-giai-quyet']);
    await upload('confirm', again, 'lai.xlsx', { unit: kv3 });
    expect(await isPublic('Người giả định số 3')).toBe(false);
  });

  it('lists an entry again once an editor sets it back and publishes it', async () => {
    expect((await api(cms.url, `${CM}/${documentId}`, { method: 'PUT', token: tokens.editor, json: { state: 'dang-cong-khai' } })).status).toBe(200);
    const res = await api(cms.url, `${CM}/${documentId}/actions/publish`, { method: 'POST', token: tokens.editor, json: {} });
    expect(res.status, res.text).toBe(200);
    expect(await isPublic('Người giả định số 3')).toBe(true);
    const stored = await cms.strapi.documents(UID).findOne({ documentId, populate: ['history'] });
    expect(stored.history.map((h: any) => h.event)).toEqual(['dua-vao', 'giai-quyet', 'dua-lai']);
  });
});
