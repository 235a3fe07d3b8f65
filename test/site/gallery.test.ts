/**
 * Galleries on a real build from a real seeded Strapi: every photo with caption, credit and licence, a
 * download of each original and of the whole gallery as a ZIP with its credits file; no public copy of a
 * photo keeps its GPS position or camera data; a video plays from the site itself in the browser's own player.
 * The demo media kit (photos and a DOCX fact sheet the seed generates): its page lists the document, served
 * by the site byte for byte as uploaded; its ZIP holds the originals, the document and the credits naming it;
 * the press room lists it with a working link to that ZIP, apart from the photo albums.
 *
 * The test photo is a phone JPEG with GPS EXIF, stored sideways (orientation 6). The CMS strips metadata at
 * upload (test/cms/media-rules.test.ts), so to check the site's own stripping the stored file is then
 * replaced with the original bytes: a file uploaded before that rule, or kept on object storage.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '@thads/shared';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import sharp from 'sharp';
import { buildSite, SITE_DIR } from '../helpers/site.ts';
import { CAMERA_MODEL, identifyingMetadata, phoneJpeg } from '../helpers/exif.ts';

let cms: TestStrapi;
let out: string;
let html: string;
const TITLE = 'Ảnh thử nghiệm xoá siêu dữ liệu';
const SLUG = 'anh-thu-nghiem-xoa-sieu-du-lieu';
const PAGE = `thu-vien-anh/${SLUG}/`;
const MP4 = Buffer.concat([Buffer.from('0000001c6674797069736f6d0000020069736f6d69736f32617663316d703431', 'hex'), Buffer.from('0000000866726565', 'hex')]);
const VTT = Buffer.from('WEBVTT\n\n00:00.000 --> 00:03.000\nChấp hành viên đọc quyết định cưỡng chế.\n', 'utf8');
const read = (rel: string) => fs.readFileSync(path.join(out, rel));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A document's name on the site and (under tai-lieu/) in the ZIP: its title (caption, else file name) as a slug. */
const documentName = (d: { caption?: string | null; name: string; ext: string }) => `${slugify(d.caption || d.name.replace(/\.\w+$/, ''), 80)}${d.ext}`;
/** The bytes of a file as the CMS serves it. */
const fromCmsFile = async (url: string) => Buffer.from(await (await fetch(cms.url + url)).arrayBuffer());

async function upload(name: string, data: Buffer, mimetype: string, fileInfo: Record<string, unknown> = {}) {
  const filepath = path.join(cms.tmp, name);
  fs.writeFileSync(filepath, data);
  const [file] = await cms.strapi.plugin('upload').service('upload').upload({ data: { fileInfo: { name, ...fileInfo } }, files: { filepath, originalFilename: name, mimetype, size: data.length } });
  return file;
}

/** Local files a page points at (img src/srcset, poster, links, og:image), as paths under the output folder. */
function referencedFiles(page: string): string[] {
  const urls = new Set<string>();
  for (const [, value] of page.matchAll(/(?:src|href|poster|content)="([^"]+)"/g)) urls.add(value!);
  for (const [, value] of page.matchAll(/srcset="([^"]+)"/g)) for (const part of value!.split(',')) urls.add(part.trim().split(/\s+/)[0]!);
  return [...urls]
    .map((u) => u.replace(/^https:\/\/thads\.example/, '').replace(/&amp;/g, '&'))
    .filter((u) => u.startsWith('/') && /\.(jpe?g|png|webp|avif|gif)$/i.test(u))
    .map((u) => u.slice(1));
}

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
  const phone = await phoneJpeg({ width: 1200, height: 800, color: '#2a6' });
  const jpeg = await upload('hien-truong.jpg', phone, 'image/jpeg');
  // Put the sideways GPS original back in the CMS's uploads (see above).
  fs.writeFileSync(path.join(cms.tmp, 'public', jpeg.url), phone);
  const png = await upload(
    'so-do.png',
    await sharp({ create: { width: 300, height: 200, channels: 4, background: '#3a3' } }).png().withExifMerge({ IFD0: { Model: CAMERA_MODEL } }).toBuffer(),
    'image/png',
  );
  const video = await upload('phong-su.mp4', MP4, 'video/mp4');
  const captions = await upload('phong-su.vtt', VTT, 'text/vtt');
  const poster = await upload('ap-phich.jpg', await phoneJpeg({ width: 640, height: 360 }), 'image/jpeg');
  await cms.strapi.documents('api::gallery.gallery').create({
    data: {
      title: TITLE,
      date: '2025-09-12T08:30:00+07:00',
      description: 'Album dùng để kiểm tra việc xoá thông tin vị trí khỏi ảnh công khai.',
      items: [
        { image: jpeg.id, alt: 'Chấp hành viên đọc quyết định tại hiện trường', caption: 'Buổi cưỡng chế tại xã Tân Hưng.', credit: 'Ảnh: Minh Anh', licence: 'CC BY 4.0' },
        { image: png.id, alt: 'Sơ đồ quy trình thi hành án', caption: 'Sơ đồ quy trình.', credit: 'Văn phòng THADS tỉnh', licence: 'Bản quyền thuộc Thi hành án dân sự tỉnh Hưng Yên' },
      ],
      videos: [{ file: video.id, title: 'Phóng sự: một ngày của chấp hành viên', caption: 'Phóng sự ngắn.', credit: 'Video: Văn phòng', licence: 'CC BY 4.0', poster: poster.id, captions: captions.id }],
    },
    status: 'published',
  });
  // Inside site/, as production builds are: concurrent builds then keep their prerender bundles apart (site/scripts/build.ts).
  fs.mkdirSync(path.join(SITE_DIR, '.test-builds'), { recursive: true });
  out = path.join(fs.mkdtempSync(path.join(SITE_DIR, '.test-builds', 'gallery-')), 'dist');
  const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out, SITE_URL: 'https://thads.example' });
  if (build.code !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
  html = read(`${PAGE}index.html`).toString('utf8');
});

afterAll(async () => {
  await cms?.stop();
  if (out) fs.rmSync(path.dirname(out), { recursive: true, force: true });
});

describe('a gallery page', () => {
  it('shows every photo with its caption, credit and licence, and a download of its original', () => {
    expect(html).toContain('Buổi cưỡng chế tại xã Tân Hưng.');
    expect(html).toContain('Ảnh: Minh Anh');
    expect(html).toContain('Giấy phép: CC BY 4.0');
    expect(html).toContain('Ảnh: Văn phòng THADS tỉnh');
    expect(html).toMatch(new RegExp(`href="/${PAGE}${SLUG}-01\\.jpg" download>\\s*Tải ảnh gốc<span class="visually-hidden"> “Chấp hành viên đọc quyết định tại hiện trường”</span> \\(JPEG, 800 × 1200 px, \\d+ KB\\)`));
    expect(html).toMatch(new RegExp(`href="/${PAGE}${SLUG}-02\\.png" download>\\s*Tải ảnh gốc.*\\(PNG, 300 × 200 px, \\d+ KB\\)`));
    expect(html).toMatch(new RegExp(`href="/${PAGE}${SLUG}\\.zip" download><strong>Tải cả album</strong> \\(tệp ZIP: 2 ảnh gốc, khoảng \\d+ KB\\)`));
  });

  it('offers the original and a ZIP of every demo gallery too', async () => {
    const galleries = (await api(cms.url, '/api/galleries?pagination[pageSize]=100')).body.data as any[];
    expect(galleries.length).toBeGreaterThanOrEqual(4);
    for (const g of galleries) {
      const zip = unzipSync(new Uint8Array(read(`thu-vien-anh/${g.slug}/${g.slug}.zip`)));
      expect(Object.keys(zip).sort(), g.slug).toEqual(
        [
          ...g.items.map((_: unknown, i: number) => `${g.slug}-${String(i + 1).padStart(2, '0')}.${g.items[i].image.mime === 'image/png' ? 'png' : 'jpg'}`),
          ...(g.documents ?? []).map((d: any) => `tai-lieu/${documentName(d)}`),
          'THONG-TIN-ANH.txt',
        ].sort(),
      );
    }
  });
});

describe('public copies of photos', () => {
  it('keep no GPS position or camera data in any derivative, share image or original, and are upright', async () => {
    const files = referencedFiles(html);
    // <picture> WebP and JPEG widths, the Open Graph image, the two originals.
    expect(files.filter((f) => f.startsWith('_astro/')).length).toBeGreaterThanOrEqual(4);
    expect(files).toContain(`${PAGE}${SLUG}-01.jpg`);
    for (const f of files) {
      const meta = await identifyingMetadata(read(f));
      expect(meta, f).toMatchObject({ exif: false, gps: false, xmp: false, iptc: false, cameraModelInBytes: false });
      if (meta.width !== 300) expect(meta.height! > meta.width!, `${f} is upright`).toBe(true);
    }
    // The original is the full photo, turned upright.
    expect(await identifyingMetadata(read(`${PAGE}${SLUG}-01.jpg`))).toMatchObject({ width: 800, height: 1200, orientation: undefined });
    expect((await sharp(read(`${PAGE}${SLUG}-02.png`)).metadata()).format).toBe('png');
  });

  it('holds no camera model anywhere in the built site', () => {
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const leaking = walk(out).filter((f) => fs.readFileSync(f).includes(CAMERA_MODEL));
    expect(leaking).toEqual([]);
  });
});

describe('the gallery ZIP', () => {
  it('contains the originals, byte for byte the single downloads, and a credits file', async () => {
    const zip = unzipSync(new Uint8Array(read(`${PAGE}${SLUG}.zip`)));
    expect(Object.keys(zip).sort()).toEqual([`${SLUG}-01.jpg`, `${SLUG}-02.png`, 'THONG-TIN-ANH.txt'].sort());
    expect(Buffer.from(zip[`${SLUG}-01.jpg`]!).equals(read(`${PAGE}${SLUG}-01.jpg`))).toBe(true);
    expect(Buffer.from(zip[`${SLUG}-02.png`]!).equals(read(`${PAGE}${SLUG}-02.png`))).toBe(true);
    expect(await identifyingMetadata(Buffer.from(zip[`${SLUG}-01.jpg`]!))).toMatchObject({ exif: false, gps: false, width: 800, height: 1200 });

    // (Buffer, not TextDecoder: the decoder would swallow the byte order mark.)
    const credits = Buffer.from(zip['THONG-TIN-ANH.txt']!).toString('utf8');
    expect(credits.startsWith('\uFEFFTHÔNG TIN ẢNH – Ảnh thử nghiệm xoá siêu dữ liệu\r\n')).toBe(true);
    const lines = credits.slice(1).split('\r\n');
    expect(lines).toContain(`Nguồn: Thi hành án dân sự tỉnh Hưng Yên – https://thads.example/${PAGE}`);
    const first = lines.slice(lines.indexOf(`1. ${SLUG}-01.jpg`), lines.indexOf(`2. ${SLUG}-02.png`));
    expect(first).toEqual([
      `1. ${SLUG}-01.jpg`,
      '   Chú thích: Buổi cưỡng chế tại xã Tân Hưng.',
      '   Mô tả ảnh: Chấp hành viên đọc quyết định tại hiện trường',
      '   Ảnh: Minh Anh',
      '   Giấy phép: CC BY 4.0',
      '   Ngày: 12/09/2025',
      '   Kích thước: 800 × 1200 px',
      '',
    ]);
    expect(lines).toContain('   Tác giả: Văn phòng THADS tỉnh');
    expect(lines).toContain('   Giấy phép: Bản quyền thuộc Thi hành án dân sự tỉnh Hưng Yên');
  });

  it('is the same file when the gallery has not changed (entries dated with the gallery, not the build)', async () => {
    // A second output beside the first, sharing its cache (so the public originals come from the cache).
    const again = path.join(path.dirname(out), 'dist-2');
    const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: again, SITE_URL: 'https://thads.example', SITE_CACHE_DIR: `${out}.astro-cache` });
    expect(build.code, build.output.slice(-2000)).toBe(0);
    expect(fs.readFileSync(path.join(again, `${PAGE}${SLUG}.zip`)).equals(read(`${PAGE}${SLUG}.zip`))).toBe(true);
  });
});

describe('videos', () => {
  it('play in the browser’s own player, from the site itself, with poster and Vietnamese captions', () => {
    const video = html.match(/<video\b[^>]*>[\s\S]*?<\/video>/)?.[0] ?? '';
    expect(video).toMatch(/<video\b(?=[^>]*\bcontrols\b)(?=[^>]*\bpreload="none")(?=[^>]*\bposter="\/_astro\/[^"]+\.webp")/);
    expect(video).toMatch(new RegExp(`<source src="/${PAGE}${SLUG}-video-1\\.mp4" type="video/mp4"[ >]`));
    expect(video).toMatch(new RegExp(`<track kind="captions" src="/${PAGE}${SLUG}-video-1\\.vtt" srclang="vi" label="Tiếng Việt" default[ >]`));
    expect(read(`${PAGE}${SLUG}-video-1.mp4`).equals(MP4)).toBe(true);
    expect(read(`${PAGE}${SLUG}-video-1.vtt`).equals(VTT)).toBe(true);
    expect(html).toContain('Phóng sự: một ngày của chấp hành viên');
    // No third-party player or host: no iframe, nothing loaded from another origin.
    expect(html).not.toMatch(/<iframe/);
    expect(html).not.toMatch(/(?:src|poster)="(?:https?:)?\/\//);
  });
});

describe('a media kit', () => {
  let kit: any;
  let kitPage: string;
  let kitHtml: string;
  let doc: any;
  beforeAll(async () => {
    const kits = (await api(cms.url, '/api/galleries?filters[kind][$eq]=media-kit')).body.data as any[];
    expect(kits.map((k) => k.title)).toEqual(['Bộ tư liệu báo chí về Thi hành án dân sự tỉnh Hưng Yên']);
    kit = kits[0];
    [doc] = kit.documents;
    kitPage = `thu-vien-anh/${kit.slug}/`;
    kitHtml = read(`${kitPage}index.html`).toString('utf8');
  });

  it('is seeded with captioned, credited and licensed photos and a DOCX fact sheet', () => {
    expect(kit.items.length).toBeGreaterThanOrEqual(2);
    for (const p of kit.items) expect([p.caption, p.credit, p.licence].every(Boolean), p.alt).toBe(true);
    expect(kit.documents).toHaveLength(1);
    expect(doc).toMatchObject({ caption: 'Thông tin giới thiệu cơ quan', mime: DOCX, ext: '.docx' });
  });

  it('says on its page that it is a media kit and lists its document with name, format and size', () => {
    expect(kitHtml).toMatch(/<p class="meta"[^>]*>\s*<strong>Bộ tư liệu báo chí<\/strong>/);
    expect(kitHtml).toContain('<h2 id="tai-lieu-heading">Tài liệu</h2>');
    expect(kitHtml).toMatch(new RegExp(`<a href="/${kitPage}thong-tin-gioi-thieu-co-quan\\.docx" download type="${DOCX.replace(/\./g, '\\.')}">\\s*Thông tin giới thiệu cơ quan \\(DOCX, \\d+ KB\\)\\s*</a>`));
    expect(kitHtml).toMatch(
      new RegExp(`href="/${kitPage}${kit.slug}\\.zip" download><strong>Tải trọn bộ tư liệu</strong> \\(tệp ZIP: ${kit.items.length} ảnh gốc, 1 tài liệu, khoảng [\\d,]+ (KB|MB)\\)`),
    );
    // The photos follow under their own heading, after the documents.
    expect(kitHtml.indexOf('<h2 id="anh-heading">Ảnh</h2>')).toBeGreaterThan(kitHtml.indexOf('id="tai-lieu-heading"'));
  });

  it('serves the document from the site, byte for byte the file uploaded to the CMS: the agency’s fact sheet', async () => {
    const served = read(`${kitPage}thong-tin-gioi-thieu-co-quan.docx`);
    expect(served.equals(await fromCmsFile(doc.url))).toBe(true);
    // A DOCX the seed wrote from the demo data: agency, address, functions, the spokespeople.
    const xml = Buffer.from(unzipSync(new Uint8Array(served))['word/document.xml']!).toString('utf8');
    const setting = (await api(cms.url, '/api/site-setting')).body.data;
    const { spokesperson, deputy } = (await api(cms.url, '/api/spokesperson')).body.data;
    for (const text of ['THÔNG TIN GIỚI THIỆU CƠ QUAN', setting.agencyName, setting.address, 'CHỨC NĂNG, NHIỆM VỤ', spokesperson.name, spokesperson.phone, spokesperson.email, deputy.name]) {
      expect(xml, text).toContain(text);
    }
  });

  it('has a ZIP with the photos’ originals, the document in tai-lieu/ and a credits file naming it', async () => {
    const zip = unzipSync(new Uint8Array(read(`${kitPage}${kit.slug}.zip`)));
    const photos = kit.items.map((_: unknown, i: number) => `${kit.slug}-${String(i + 1).padStart(2, '0')}.jpg`);
    expect(Object.keys(zip).sort()).toEqual([...photos, 'tai-lieu/thong-tin-gioi-thieu-co-quan.docx', 'THONG-TIN-ANH.txt'].sort());
    for (const name of photos) expect(Buffer.from(zip[name]!).equals(read(`${kitPage}${name}`)), name).toBe(true);
    expect(Buffer.from(zip['tai-lieu/thong-tin-gioi-thieu-co-quan.docx']!).equals(await fromCmsFile(doc.url))).toBe(true);

    const credits = Buffer.from(zip['THONG-TIN-ANH.txt']!).toString('utf8');
    expect(credits.startsWith(`\uFEFFTHÔNG TIN ẢNH VÀ TÀI LIỆU – ${kit.title}\r\n`)).toBe(true);
    const lines = credits.slice(1).split('\r\n');
    expect(lines).toContain(`Số ảnh: ${photos.length}`);
    expect(lines).toContain('Số tài liệu: 1 (thư mục tai-lieu/)');
    const documents = lines.slice(lines.indexOf('TÀI LIỆU'));
    expect(documents.slice(0, 5)).toEqual(['TÀI LIỆU', '', '1. tai-lieu/thong-tin-gioi-thieu-co-quan.docx', '   Tên tài liệu: Thông tin giới thiệu cơ quan', documents[4]]);
    expect(documents[4]).toMatch(/^ {3}Định dạng: DOCX, \d+ KB$/);
    for (const p of kit.items) expect(lines).toContain(`   Chú thích: ${p.caption}`);
  });

  it('is listed in the gallery index, marked as a media kit', () => {
    const index = read('thu-vien-anh/index.html').toString('utf8');
    const card = index.slice(index.indexOf(`href="/${kitPage}"`));
    expect(card.slice(0, card.indexOf('</li>'))).toMatch(/<strong>Bộ tư liệu báo chí<\/strong>[\s\S]*1 tài liệu/);
  });
});

describe('the press room', () => {
  it('lists the media kit with a working link to its whole ZIP (with its size), apart from the photo albums', async () => {
    const press = read('bao-chi/index.html').toString('utf8');
    expect(press).toContain('<a href="#bo-tu-lieu">Bộ tư liệu báo chí</a>');
    const kits = press.slice(press.indexOf('<h2 id="bo-tu-lieu">Bộ tư liệu báo chí</h2>'), press.indexOf('id="anh-tu-lieu"'));
    const albums = press.slice(press.indexOf('<h2 id="anh-tu-lieu">'), press.indexOf('id="rss"'));
    expect(kits.length).toBeGreaterThan(100);
    const [kit] = (await api(cms.url, '/api/galleries?filters[kind][$eq]=media-kit')).body.data as any[];
    expect(kits).toContain(`<a href="/thu-vien-anh/${kit.slug}/">${kit.title}</a>`);
    const link = new RegExp(`<a href="/thu-vien-anh/${kit.slug}/${kit.slug}\\.zip" download>\\s*<strong>Tải trọn bộ tư liệu</strong><span class="visually-hidden"> “${kit.title}”</span> \\(ZIP, khoảng ([\\d,]+) (KB|MB)\\)</a>`).exec(kits);
    expect(link, 'the ZIP link').not.toBeNull();
    const zipFile = read(`thu-vien-anh/${kit.slug}/${kit.slug}.zip`);
    expect(Object.keys(unzipSync(new Uint8Array(zipFile)))).toContain('tai-lieu/thong-tin-gioi-thieu-co-quan.docx');
    // The size it states is the file's, to within 5 %.
    const stated = Number(link![1]!.replace(',', '.')) * (link![2] === 'MB' ? 1000 * 1000 : 1000);
    expect(Math.abs(stated - zipFile.length) / zipFile.length).toBeLessThan(0.05);
    // Its document is offered directly too.
    expect(kits).toMatch(new RegExp(`<a href="/thu-vien-anh/${kit.slug}/thong-tin-gioi-thieu-co-quan\\.docx" download type="[^"]+">\\s*Thông tin giới thiệu cơ quan \\(DOCX, \\d+ KB\\)`));
    // The albums' section keeps the albums, not the kit.
    expect(albums).not.toContain(`/thu-vien-anh/${kit.slug}/`);
    expect(albums).toMatch(/<h3>\s*<a href="\/thu-vien-anh\/[a-z0-9-]+\/">/);
  });
});

describe('page weight', () => {
  it('keeps a gallery page and a media kit page small: HTML, CSS and JavaScript under 20 KB gzip', () => {
    const kitPage = fs.readdirSync(path.join(out, 'thu-vien-anh')).find((d) => d.startsWith('bo-tu-lieu-bao-chi'));
    expect(kitPage).toBeDefined();
    for (const page of [PAGE, `thu-vien-anh/${kitPage}/`]) {
      const text = read(`${page}index.html`).toString('utf8');
      const cssFiles = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(([, href]) => read(href!.slice(1)));
      const scripts = [...text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map(([, src]) => read(src!.slice(1)));
      const gz = (b: Buffer | string) => zlib.gzipSync(b).length;
      const sizes = { html: gz(text), css: cssFiles.reduce((n, b) => n + gz(b), 0), js: scripts.reduce((n, b) => n + gz(b), 0) };
      const total = sizes.html + sizes.css + sizes.js;
      console.log(`gallery page ${page}: HTML ${sizes.html} B, CSS ${sizes.css} B, JS ${sizes.js} B gzip; total ${(total / 1024).toFixed(1)} KB`);
      expect(total, page).toBeLessThan(20 * 1024);
    }
  });
});
