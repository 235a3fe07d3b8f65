/**
 * The media library accepts only what the agency publishes, under a size limit, and refuses SVG and
 * HTML with a Vietnamese message; the admin and API answer with the production security headers.
 * Through the admin API, as the Media Library uses it, on a real Strapi with a 1 MB limit.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';

let cms: TestStrapi;
let token: string;
const LIMIT = 1024 * 1024;

// Draft preview on (the publisher's origin, as editors' browsers reach it): Strapi adds it to frame-src.
const PREVIEW_ORIGIN = 'http://127.0.0.1:4399';

beforeAll(async () => {
  Object.assign(process.env, { UPLOAD_SIZE_LIMIT: String(LIMIT), PREVIEW_URL: PREVIEW_ORIGIN, PUBLISHER_SECRET: 'bi-mat-thu-nghiem' });
  cms = await startStrapi({ seed: false });
  const res = await api(cms.url, '/admin/login', { method: 'POST', json: { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026' } });
  expect(res.status, res.text).toBe(200);
  token = res.body.data.token;
});

afterAll(async () => {
  for (const v of ['UPLOAD_SIZE_LIMIT', 'PREVIEW_URL', 'PUBLISHER_SECRET']) delete process.env[v];
  await cms?.stop();
});

function upload(bytes: Uint8Array | Buffer, name: string, type: string) {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
  return api(cms.url, '/upload', { method: 'POST', token, body: form });
}

const uploadsDir = () => path.join(cms.tmp, 'public', 'uploads');
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>');
/** A small valid PDF, padded with a comment to `size` bytes. */
const pdf = (size = 0) => {
  const head = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return Buffer.concat([Buffer.from(head), Buffer.alloc(Math.max(0, size - head.length), '%')]);
};

describe('refused uploads', () => {
  it('refuses an SVG (scripts run from it) with a Vietnamese message', async () => {
    const before = fs.readdirSync(uploadsDir()).length;
    const res = await upload(svg, 'bieu-do.svg', 'image/svg+xml');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Không nhận loại tệp này \(image\/svg\+xml\)\. Thư viện chỉ nhận ảnh JPEG/);
    expect(fs.readdirSync(uploadsDir()).length).toBe(before);
  });

  it('refuses an SVG sent without a type, and an HTML page', async () => {
    const bare = await upload(svg, 'bieu-do.svg', '');
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toMatch(/^Không nhận loại tệp này/);
    const html = await upload(Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'), 'trang.html', 'text/html');
    expect(html.status).toBe(400);
    expect(html.body.error.message).toMatch(/^Không nhận loại tệp này \(text\/html\)/);
  });

  it('refuses an executable disguised as a PDF (the content decides, not the name)', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(400, 0x90)]);
    exe.write('PE\0\0', 128);
    exe.writeUInt32LE(128, 0x3c);
    const res = await upload(exe, 'cong-van.pdf', 'application/pdf');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Không nhận loại tệp này/);
  });

  it('refuses a file over the size limit (413) and keeps nothing of it', async () => {
    const before = fs.readdirSync(uploadsDir()).length;
    const res = await upload(pdf(LIMIT + 200 * 1024), 'bao-cao-lon.pdf', 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe('Tệp quá lớn: mỗi tệp tối đa 1 MB.');
    expect(fs.readdirSync(uploadsDir()).length).toBe(before);
  });
});

describe('accepted uploads', () => {
  it('accepts a PDF document and stores it as application/pdf', async () => {
    const bytes = pdf(20_000);
    const res = await upload(bytes, 'ke-hoach-2026.pdf', 'application/pdf');
    expect(res.status, res.text).toBe(201);
    const [file] = res.body;
    expect(file.mime).toBe('application/pdf');
    expect(fs.readFileSync(path.join(cms.tmp, 'public', file.url))).toEqual(bytes);
  });

  it('accepts a JPEG photo just under the limit', async () => {
    const jpeg = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#2a9d8f' } }).jpeg().toBuffer();
    const res = await upload(jpeg, 'hoi-nghi.jpg', 'image/jpeg');
    expect(res.status, res.text).toBe(201);
    expect(res.body[0].mime).toBe('image/jpeg');
    expect(res.body[0].url).toMatch(/^\/uploads\/hoi_nghi_[0-9a-f]+\.jpg$/);
  });

  it('accepts the office formats and a video', async () => {
    // A DOCX is a ZIP: Strapi trusts the extension when the content is a ZIP and the extension is allowed.
    const zipHeader = Buffer.from('504b0304140000000800', 'hex');
    const docx = await upload(Buffer.concat([zipHeader, Buffer.alloc(200)]), 'to-trinh.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.status, docx.text).toBe(201);
    const webm = Buffer.from('1a45dfa3a34286810142f7810142f2810442f381084282847765626d4287810442858102', 'hex');
    const video = await upload(webm, 'phong-su.webm', 'video/webm');
    expect(video.status, video.text).toBe(201);
    expect(video.body[0].mime).toBe('video/webm');
  });
});

describe('security headers of the admin and the API', () => {
  it('sends a Content-Security-Policy without external hosts, frame and referrer rules, no X-Powered-By', async () => {
    const res = await fetch(`${cms.url}/api/articles`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'self'"]);
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives['connect-src']).toEqual(["'self'"]);
    // The admin frames itself, the public site and the draft preview, nothing else.
    expect(directives['frame-src']).toEqual(["'self'", 'http://localhost:4321', 'http://127.0.0.1:4321', PREVIEW_ORIGIN]);
    // Offline: no host of Strapi's marketplace or a CDN, no scheme wildcard.
    expect(csp).not.toMatch(/strapi\.io|jsdelivr|https:(?!\/\/)|http:(?!\/\/)/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // Plain HTTP here (no PUBLIC_URL with https://): no HSTS, which would lock browsers out of http://.
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('serves uploaded files with the same headers, so a file cannot run scripts in the admin origin', async () => {
    const list = await api(cms.url, '/upload/files', { token });
    const file = list.body.results.find((f: any) => f.mime === 'application/pdf');
    const res = await fetch(cms.url + file.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
