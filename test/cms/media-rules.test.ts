/**
 * Rules for published media and statistics, on a real Strapi through the admin API (as the Content Manager
 * and the Media Library use it) and the Document Service:
 * - no photo is published without alternative text (galleries, articles, stories), with a Vietnamese message;
 * - an uploaded photo loses its GPS position and camera data, with its orientation applied;
 * - videos (MP4, WebM) and WebVTT captions can be uploaded; HTML cannot;
 * - a media kit (gallery of kind "media-kit") takes DOCX and PDF documents, given to the public with its kind;
 * - enforcement statistics are checked (consistent figures, one published entry per year and unit) and
 *   public once published.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enforcementStatSchema } from '@thads/shared';
import { api, cmsRequire, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { CAMERA_MODEL, hasGps, identifyingMetadata, phoneJpeg } from '../helpers/exif.ts';

let cms: TestStrapi;
let token: string;
const CM = '/content-manager/collection-types';
const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung thử nghiệm.' }] }];

async function upload(name: string, data: Buffer, type: string) {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(data)], { type }), name);
  return api(cms.url, '/upload', { method: 'POST', body: form, token });
}

/** An uploaded photo's id. */
async function photoId(): Promise<number> {
  const res = await upload('anh-thu.jpg', await phoneJpeg({ width: 400, height: 300 }), 'image/jpeg');
  expect(res.status, res.text).toBe(201);
  return res.body[0].id;
}

beforeAll(async () => {
  cms = await startStrapi({ seed: false });
  const login = await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } });
  expect(login.status).toBe(200);
  token = login.body.data.token;
});

afterAll(async () => {
  await cms?.stop();
});

describe('alternative text is required to publish a photo', () => {
  it('refuses to publish a gallery from the Content Manager while a photo has no alt, and names the photo', async () => {
    const image = await photoId();
    const GALLERY = 'api::gallery.gallery';
    const created = await api(cms.url, `${CM}/${GALLERY}`, {
      method: 'POST',
      token,
      json: { title: 'Album thiếu mô tả ảnh', items: [{ image, alt: 'Toàn cảnh hội nghị', caption: 'Ảnh 1' }, { image, alt: '  ', caption: 'Ảnh 2' }] },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.data.documentId;

    const refused = await api(cms.url, `${CM}/${GALLERY}/${id}/actions/publish`, { method: 'POST', token, json: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error.name).toBe('ValidationError');
    expect(refused.body.error.message).toBe(
      'Chưa thể xuất bản: ảnh thứ 2 của mục “Ảnh” chưa có mô tả thay thế (alt). Hãy viết một câu mô tả nội dung ảnh cho người không xem được ảnh, rồi xuất bản lại.',
    );
    expect(refused.body.error.details.errors.map((e: any) => e.path)).toEqual([['items', '1', 'alt']]);
    expect((await api(cms.url, `/api/galleries/${id}`)).status).toBe(404);

    // The draft was kept; once the editor writes the text, it publishes.
    const fixed = await api(cms.url, `${CM}/${GALLERY}/${id}`, {
      method: 'PUT',
      token,
      json: { title: 'Album thiếu mô tả ảnh', items: [{ image, alt: 'Toàn cảnh hội nghị' }, { image, alt: 'Cán bộ trao đổi với người dân' }] },
    });
    expect(fixed.status, fixed.text).toBe(200);
    const published = await api(cms.url, `${CM}/${GALLERY}/${id}/actions/publish`, { method: 'POST', token, json: {} });
    expect(published.status, published.text).toBe(200);
    expect((await api(cms.url, `/api/galleries/${id}`)).body.data.items.map((p: any) => p.alt)).toEqual(['Toàn cảnh hội nghị', 'Cán bộ trao đổi với người dân']);
  });

  it('refuses an article whose cover has no alt, whether published later or created published', async () => {
    const image = await photoId();
    const docs = cms.strapi.documents('api::article.article');
    const draft = await docs.create({ data: { title: 'Tin có ảnh đại diện thiếu mô tả', body, format: 'tin', cover: { image, alt: '' } } });
    await expect(docs.publish({ documentId: draft.documentId })).rejects.toThrow('Chưa thể xuất bản: ảnh ở mục “Ảnh đại diện” chưa có mô tả thay thế (alt).');
    await expect(docs.create({ data: { title: 'Tin đăng ngay thiếu mô tả ảnh', body, format: 'tin', cover: { image } }, status: 'published' })).rejects.toThrow(
      'mục “Ảnh đại diện” chưa có mô tả thay thế',
    );
    expect(await cms.strapi.db.query('api::article.article').count({ where: { publishedAt: { $notNull: true } } })).toBe(0);
  });

  it('checks what an update writes when it also publishes (a story’s photos)', async () => {
    const image = await photoId();
    const docs = cms.strapi.documents('api::story.story');
    const story = await docs.create({ data: { title: 'Gương sáng ở khu vực 2', body, subjectName: 'Nguyễn Văn B', subjectKind: 'ca-nhan', cover: { image, alt: 'Chân dung chấp hành viên' } } });
    await expect(
      docs.update({ documentId: story.documentId, data: { photos: [{ image, alt: 'Tại buổi tiếp dân' }, { image, alt: '', caption: 'x' }, { image, alt: '' }] }, status: 'published' }),
    ).rejects.toThrow('Chưa thể xuất bản: ảnh thứ 2 của mục “Ảnh” (và 1 ảnh khác) chưa có mô tả thay thế (alt).');
    const ok = await docs.update({ documentId: story.documentId, data: { photos: [{ image, alt: 'Tại buổi tiếp dân' }] }, status: 'published' });
    expect(ok?.publishedAt).toBeTruthy();
  });

  it('lets a draft be saved without alt text (a reporter finishes it before publication)', async () => {
    const image = await photoId();
    const res = await api(cms.url, `${CM}/api::gallery.gallery`, { method: 'POST', token, json: { title: 'Nháp chưa có mô tả ảnh', items: [{ image }] } });
    expect(res.status, res.text).toBe(201);
  });
});

describe('uploaded photos lose location and camera metadata', () => {
  it('stores the original and every format without EXIF, GPS or camera model, turned upright', async () => {
    const source = await phoneJpeg({ width: 1200, height: 800 });
    const before = await identifyingMetadata(source);
    expect(before).toMatchObject({ exif: true, gps: true, cameraModelInBytes: true, orientation: 6, width: 1200, height: 800 });

    const res = await upload('dien-thoai.jpg', source, 'image/jpeg');
    expect(res.status, res.text).toBe(201);
    const [file] = res.body;
    // Orientation 6 means "turn 90°": the stored photo is upright, 800 × 1200.
    expect([file.width, file.height]).toEqual([800, 1200]);
    const stored = [file.url, ...Object.values<any>(file.formats ?? {}).map((f) => f.url)];
    expect(stored.length).toBeGreaterThanOrEqual(2);
    for (const url of stored) {
      const onDisk = path.join(cms.tmp, 'public', url);
      const after = await identifyingMetadata(fs.readFileSync(onDisk));
      expect(after, url).toMatchObject({ exif: false, gps: false, xmp: false, iptc: false, cameraModelInBytes: false });
      expect(after.height! > after.width!, url).toBe(true);
      // And as anyone downloads it from the CMS.
      const served = Buffer.from(await (await fetch(cms.url + url)).arrayBuffer());
      expect(served.includes(CAMERA_MODEL), url).toBe(false);
      expect(hasGps((await sharp(served).metadata()).exif)).toBe(false);
    }
  });
});

describe('videos', () => {
  it('accepts MP4 and WebM videos and WebVTT captions, and still refuses HTML', async () => {
    // An MP4 begins with an "ftyp" box, a WebM with the EBML header: enough for Strapi to recognise them.
    const mp4 = Buffer.concat([Buffer.from('0000001c6674797069736f6d0000020069736f6d69736f32617663316d703431', 'hex'), Buffer.from('00000008667265650000000866726565', 'hex')]);
    const webm = Buffer.concat([Buffer.from('1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878104428581021853806701', 'hex'), Buffer.alloc(64)]);
    const vtt = Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào quý vị.\n', 'utf8');
    const uploaded = await Promise.all([upload('gioi-thieu.mp4', mp4, 'video/mp4'), upload('gioi-thieu.webm', webm, 'video/webm'), upload('phu-de.vtt', vtt, 'text/vtt')]);
    expect(uploaded.map((r) => r.status), uploaded.map((r) => r.text).join('\n')).toEqual([201, 201, 201]);
    expect(uploaded.map((r) => r.body[0].mime)).toEqual(['video/mp4', 'video/webm', 'text/vtt']);
    const html = await upload('trang.html', Buffer.from('<script>alert(1)</script>'), 'text/html');
    expect(html.status).toBe(400);
  });

  it('adds a video to a gallery with its poster and captions, returned by the public API', async () => {
    const mp4 = Buffer.from('0000001c6674797069736f6d0000020069736f6d69736f32617663316d703431', 'hex');
    const [video] = (await upload('phong-su.mp4', mp4, 'video/mp4')).body;
    const [captions] = (await upload('phong-su.vtt', Buffer.from('WEBVTT\n'), 'text/vtt')).body;
    const poster = await photoId();
    const gallery = await cms.strapi.documents('api::gallery.gallery').create({
      data: { title: 'Album có video', items: [{ image: poster, alt: 'Ảnh đại diện album' }], videos: [{ file: video.id, title: 'Phóng sự cưỡng chế', poster, captions: captions.id }] },
      status: 'published',
    });
    const res = await api(cms.url, `/api/galleries/${gallery.documentId}`);
    expect(res.body.data.videos[0]).toMatchObject({ title: 'Phóng sự cưỡng chế', file: { mime: 'video/mp4' }, captions: { mime: 'text/vtt' }, poster: { mime: 'image/jpeg' } });
  });
});

describe('documents of a media kit', () => {
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

  it('accepts a DOCX and a PDF as documents of a media kit made in the Content Manager, returned by the public API', async () => {
    // A real DOCX (written by the docx package the CMS uses for its reports) and a small valid PDF.
    const { Document, Packer, Paragraph } = cmsRequire('docx');
    const docx: Buffer = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Thông tin giới thiệu cơ quan')] }] }));
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const uploaded = await Promise.all([upload('gioi-thieu-co-quan.docx', docx, DOCX), upload('so-lieu-thi-hanh-an-2025.pdf', pdf, 'application/pdf')]);
    expect(uploaded.map((r) => r.status), uploaded.map((r) => r.text).join('\n')).toEqual([201, 201]);
    expect(uploaded.map((r) => r.body[0].mime)).toEqual([DOCX, 'application/pdf']);

    const image = await photoId();
    const GALLERY = 'api::gallery.gallery';
    const created = await api(cms.url, `${CM}/${GALLERY}`, {
      method: 'POST',
      token,
      json: { title: 'Bộ tư liệu thử nghiệm', kind: 'media-kit', items: [{ image, alt: 'Trụ sở cơ quan' }], documents: uploaded.map((r) => r.body[0].id) },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.data.documentId;
    const published = await api(cms.url, `${CM}/${GALLERY}/${id}/actions/publish`, { method: 'POST', token, json: {} });
    expect(published.status, published.text).toBe(200);

    const res = await api(cms.url, `/api/galleries/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.data.kind).toBe('media-kit');
    expect(res.body.data.documents.map((d: any) => [d.name, d.mime, d.ext])).toEqual([
      ['gioi-thieu-co-quan.docx', DOCX, '.docx'],
      ['so-lieu-thi-hanh-an-2025.pdf', 'application/pdf', '.pdf'],
    ]);
    // The files are served as uploaded.
    const served = Buffer.from(await (await fetch(cms.url + res.body.data.documents[0].url)).arrayBuffer());
    expect(served.equals(docx)).toBe(true);
  });

  it('makes a gallery an album unless told otherwise', async () => {
    const image = await photoId();
    const album = await cms.strapi.documents('api::gallery.gallery').create({ data: { title: 'Album không ghi loại', items: [{ image, alt: 'Hội trường' }] }, status: 'published' });
    const res = await api(cms.url, `/api/galleries/${album.documentId}`);
    expect(res.body.data.kind).toBe('album');
    expect(res.body.data.documents ?? []).toEqual([]);
  });
});

describe('enforcement statistics', () => {
  const STAT = 'api::enforcement-stat.enforcement-stat';
  const figures = { casesTotal: 9726, casesWithConditions: 7818, casesCompleted: 6702, amountTotal: '3187300000000', amountWithConditions: '1905800000000', amountCompleted: '858200000000' };

  it('refuses figures that do not add up, naming the field in Vietnamese', async () => {
    const res = await api(cms.url, `${CM}/${STAT}`, { method: 'POST', token, json: { year: 2024, ...figures, casesCompleted: 8000 } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Số việc đã thi hành xong không được lớn hơn số việc có điều kiện thi hành.');
    expect(res.body.error.details.errors[0].path).toEqual(['casesCompleted']);

    const negative = await api(cms.url, `${CM}/${STAT}`, { method: 'POST', token, json: { year: 2024, ...figures, amountCompleted: '-5' } });
    expect(negative.status).toBe(400);
    expect(negative.body.error.message).toContain('Số tiền đã thi hành xong (đồng)');
  });

  it('publishes one entry per year for the province and per unit, and serves it to the public', async () => {
    const unit = await cms.strapi.documents('api::unit.unit').create({ data: { name: 'Phòng Thi hành án dân sự khu vực 9', kind: 'regional-office', active: true }, status: 'published' });
    const created = await api(cms.url, `${CM}/${STAT}`, { method: 'POST', token, json: { year: 2024, ...figures, source: 'Báo cáo thống kê năm 2024' } });
    expect(created.status, created.text).toBe(201);
    expect((await api(cms.url, `${CM}/${STAT}/${created.body.data.documentId}/actions/publish`, { method: 'POST', token, json: {} })).status).toBe(200);

    // A second province-wide entry for 2024 cannot be published…
    const second = await api(cms.url, `${CM}/${STAT}`, { method: 'POST', token, json: { year: 2024, ...figures } });
    const refused = await api(cms.url, `${CM}/${STAT}/${second.body.data.documentId}/actions/publish`, { method: 'POST', token, json: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('Đã có số liệu năm 2024 toàn tỉnh được xuất bản.');
    // …but a unit's own figures for the same year can.
    const own = await cms.strapi.documents(STAT).create({ data: { year: 2024, unit: unit.documentId, ...figures, casesTotal: 1200, casesWithConditions: 900, casesCompleted: 800 }, status: 'published' });
    expect(own.publishedAt).toBeTruthy();
    await expect(cms.strapi.documents(STAT).create({ data: { year: 2024, unit: unit.documentId, ...figures }, status: 'published' })).rejects.toThrow(
      'Đã có số liệu năm 2024 của Phòng Thi hành án dân sự khu vực 9 được xuất bản.',
    );

    const list = await api(cms.url, '/api/enforcement-stats?sort=id:asc');
    expect(list.status).toBe(200);
    const parsed = list.body.data.map((d: unknown) => enforcementStatSchema.parse(d));
    expect(parsed.map((s: any) => [s.year, s.unit?.name ?? null, s.amountTotal])).toEqual([
      [2024, null, 3187300000000],
      [2024, 'Phòng Thi hành án dân sự khu vực 9', 3187300000000],
    ]);
    // Drafts stay private.
    expect(list.body.data).toHaveLength(2);
  });
});
