/**
 * The statistics page (/so-lieu/) on a real build from a real Strapi seeded with the demo figures: every
 * published year in accessible SVG charts drawn at build time (title, description with the numbers) and in
 * tables; the CSV download holds exactly the published figures, in UTF-8 with a byte order mark; drafts stay out.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionRate } from '@thads/shared';
import { api, startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { buildSite, SITE_DIR } from '../helpers/site.ts';

let cms: TestStrapi;
let out: string;
let html: string;
let published: any[];
const read = (rel: string) => fs.readFileSync(path.join(out, rel));
const vi = (n: number, digits = 0) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && csv[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
  // A draft for the next year must not appear anywhere.
  await cms.strapi.documents('api::enforcement-stat.enforcement-stat').create({
    data: { year: 2026, casesTotal: 1, casesWithConditions: 1, casesCompleted: 1, amountTotal: 1, amountWithConditions: 1, amountCompleted: 1, note: 'BẢN NHÁP KHÔNG CÔNG BỐ' },
  });
  published = (await api(cms.url, '/api/enforcement-stats?pagination[pageSize]=100&sort=year:asc')).body.data;
  // Inside site/, as production builds are: concurrent builds then keep their prerender bundles apart (site/scripts/build.ts).
  fs.mkdirSync(path.join(SITE_DIR, '.test-builds'), { recursive: true });
  out = path.join(fs.mkdtempSync(path.join(SITE_DIR, '.test-builds', 'statistics-')), 'dist');
  const build = await buildSite({ STRAPI_URL: cms.url, SITE_OUT_DIR: out, SITE_URL: 'https://thads.example' });
  if (build.code !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
  html = read('so-lieu/index.html').toString('utf8');
});

afterAll(async () => {
  await cms?.stop();
  if (out) fs.rmSync(path.dirname(out), { recursive: true, force: true });
});

describe('the demo figures', () => {
  it('are published for 2021–2025, province-wide, and for the six regional offices in 2025', () => {
    expect(published.filter((s) => !s.unit).map((s) => s.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(published.filter((s) => s.unit && s.year === 2025)).toHaveLength(6);
    expect(published.every((s) => /Số liệu mẫu/.test(s.source))).toBe(true);
  });
});

describe('/so-lieu/', () => {
  it('draws three charts as SVG at build time, each with a title and a description holding the numbers', () => {
    const svgs = [...html.matchAll(/<svg\b[^>]*role="img"[^>]*>[\s\S]*?<\/svg>/g)].map(([s]) => s);
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      const labelledBy = svg.match(/aria-labelledby="([^"]+)"/)![1];
      const describedBy = svg.match(/aria-describedby="([^"]+)"/)![1];
      expect(svg).toContain(`<title id="${labelledBy}">`);
      expect(svg).toContain(`<desc id="${describedBy}">`);
    }
    const province = published.filter((s) => !s.unit);
    const [rates, cases, amounts] = svgs.map((s) => text(s.match(/<desc[^>]*>([\s\S]*?)<\/desc>/)![1]!));
    for (const s of province) {
      const casesRate = vi(completionRate(s.casesCompleted, s.casesWithConditions)!, 1);
      const amountRate = vi(completionRate(Number(s.amountCompleted), Number(s.amountWithConditions))!, 1);
      expect(rates).toContain(`Năm ${s.year}: về việc ${casesRate}%, về tiền ${amountRate}%.`);
      expect(cases).toContain(`Năm ${s.year}: phải thi hành ${vi(s.casesTotal)} việc, có điều kiện ${vi(s.casesWithConditions)} việc, đã thi hành xong ${vi(s.casesCompleted)} việc.`);
      expect(amounts).toContain(`đã thi hành xong ${vi(Math.round(Number(s.amountCompleted) / 1e8) / 10, 1)} tỷ đồng`);
    }
    // Five years × three series of bars in each bar chart, taller for larger values.
    const bars = (svg: string) => [...svg.matchAll(/<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g)].map(([, , h]) => Number(h));
    const caseBars = bars(svgs[1]!);
    expect(caseBars).toHaveLength(15);
    // 2025's "completed" bar (last) is taller than 2021's (third), as its number is larger.
    expect(caseBars[14]! > caseBars[2]!).toBe(true);
  });

  it('gives the same numbers in tables with row and column headers', () => {
    const tables = [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].map(([t]) => t);
    expect(tables).toHaveLength(2);
    expect(text(tables[0]!.match(/<caption>([\s\S]*?)<\/caption>/)![1]!)).toBe('Kết quả thi hành án dân sự toàn tỉnh theo năm');
    for (const s of published.filter((s) => !s.unit)) {
      const row = tables[0]!.match(new RegExp(`<tr><th scope="row">${s.year}</th>([\\s\\S]*?)</tr>`))?.[1];
      expect(row, String(s.year)).toBeDefined();
      const cells = [...row!.matchAll(/<td>([^<]*)<\/td>/g)].map(([, c]) => c);
      expect(cells.slice(0, 3)).toEqual([vi(s.casesTotal), vi(s.casesWithConditions), vi(s.casesCompleted)]);
      expect(cells[4]).toBe(vi(Math.round(Number(s.amountTotal) / 1e8) / 10, 1));
    }
    expect(text(tables[1]!.match(/<caption>([\s\S]*?)<\/caption>/)![1]!)).toBe('Kết quả thi hành án dân sự theo đơn vị, năm 2025');
    expect([...tables[1]!.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map(([, n]) => n)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Phòng Thi hành án dân sự khu vực ${n}`));
    expect(tables[0]).toContain('<th scope="colgroup" colspan="4">Về việc</th>');
  });

  it('says where the figures come from, and leaves drafts out', () => {
    expect(html).toContain('Nguồn: Số liệu mẫu để trình diễn, không phải số liệu chính thức của cơ quan.');
    expect(html).not.toContain('>2026<');
    expect(html).not.toContain('Năm 2026');
    expect(html).not.toContain('BẢN NHÁP');
  });

  it('runs no JavaScript of its own and is linked from every page’s footer', () => {
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(read('index.html').toString()).toContain('<a href="/so-lieu/">Số liệu</a>');
  });

  it('weighs little: HTML, CSS and JavaScript under 20 KB gzip', () => {
    const gz = (b: Buffer | string) => zlib.gzipSync(b).length;
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].reduce((n, [, href]) => n + gz(read(href!.slice(1))), 0);
    const inlineJs = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map(([, body]) => body).join('\n');
    const total = gz(html) + css;
    console.log(`/so-lieu/: HTML ${gz(html)} B, CSS ${css} B gzip (inline JS ${gz(inlineJs)} B, in the HTML); total ${(total / 1024).toFixed(1)} KB`);
    expect(total).toBeLessThan(20 * 1024);
  });
});

describe('the CSV download', () => {
  it('holds every published figure exactly, in UTF-8 with a byte order mark, for Excel', () => {
    const href = html.match(/href="(\/so-lieu\/[^"]+\.csv)" download/)![1]!;
    const bytes = read(href.slice(1));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual([
      'Năm thống kê',
      'Đơn vị',
      'Tổng số việc phải thi hành',
      'Số việc có điều kiện thi hành',
      'Số việc đã thi hành xong',
      'Tỷ lệ thi hành xong về việc (%)',
      'Tổng số tiền phải thi hành (đồng)',
      'Số tiền có điều kiện thi hành (đồng)',
      'Số tiền đã thi hành xong (đồng)',
      'Tỷ lệ thi hành xong về tiền (%)',
      'Nguồn số liệu',
      'Ghi chú',
    ]);
    const data = rows.slice(1);
    expect(data).toHaveLength(published.length);
    for (const s of published) {
      const row = data.find((r) => r[0] === String(s.year) && r[1] === (s.unit?.name ?? 'Toàn tỉnh'));
      expect(row, `${s.year} ${s.unit?.name}`).toBeDefined();
      expect(row!.slice(2, 5)).toEqual([String(s.casesTotal), String(s.casesWithConditions), String(s.casesCompleted)]);
      expect(row!.slice(6, 9)).toEqual([String(s.amountTotal), String(s.amountWithConditions), String(s.amountCompleted)]);
      expect(Number(row![5])).toBeCloseTo(completionRate(s.casesCompleted, s.casesWithConditions)!, 2);
      expect(row![11]).toBe(s.note ?? '');
    }
    expect(data.map((r) => r[0])).not.toContain('2026');
  });
});
