import { describe, expect, it } from 'vitest';
import type { Media } from '@thads/shared';
import { creditsText, formatBytes, galleryDownloads, zipSizeEstimate } from './gallery.ts';

const media = (name: string, mime: string): Media => ({ id: 1, name, url: `/uploads/${name}`, mime, width: 1600, height: 900 });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const file = (name: string, mime: string, extra: Partial<Media> = {}): Media => ({ id: 2, name, url: `/uploads/${name}`, mime, size: 12.34, ...extra });

describe('galleryDownloads', () => {
  it('names every photo after the gallery, keeps PNG as PNG, skips SVG and names the ZIP and videos', () => {
    const d = galleryDownloads({
      slug: 'le-cong-bo',
      title: 'Lễ công bố',
      items: [
        { alt: 'a', image: media('a.jpg', 'image/jpeg') },
        { alt: 'b', image: media('b.png', 'image/png') },
        { alt: 'c', image: media('c.svg', 'image/svg+xml') },
        { alt: 'd', image: media('d.webp', 'image/webp') },
        { alt: 'e', image: null },
      ],
      videos: [
        { title: 'Phóng sự', file: media('v.mp4', 'video/mp4'), captions: media('v.vtt', 'text/vtt') },
        { title: 'Không phát được', file: media('v.mov', 'video/quicktime') },
        { title: 'WebM', file: media('w.webm', 'video/webm') },
      ],
    });
    expect(d.photos.map((p) => p.name)).toEqual(['le-cong-bo-01.jpg', 'le-cong-bo-02.png', 'le-cong-bo-03.jpg']);
    expect(d.zip).toBe('le-cong-bo.zip');
    expect(d.videos.map((v) => [v.name, v.captions?.name])).toEqual([
      ['le-cong-bo-video-1.mp4', 'le-cong-bo-video-1.vtt'],
      ['le-cong-bo-video-2.webm', undefined],
    ]);
  });
});

describe('galleryDownloads: documents', () => {
  it('names each document after its title (caption, else file name), keeps office formats only and never names two alike', () => {
    const d = galleryDownloads({
      slug: 'bo-tu-lieu',
      title: 'Bộ tư liệu',
      documents: [
        file('gioi-thieu_v3.docx', DOCX, { caption: 'Thông tin giới thiệu cơ quan' }),
        file('Số liệu năm 2025.pdf', 'application/pdf'),
        file('Thông tin giới thiệu cơ quan.pdf', 'application/pdf', { caption: 'Thông tin giới thiệu cơ quan' }),
        file('Thông tin giới thiệu cơ quan.docx', DOCX, { caption: 'Thông tin giới thiệu cơ quan' }),
        file('trang.html', 'text/html'),
        file('anh.zip', 'application/zip'),
        file('bang.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', { caption: '  ' }),
      ],
    });
    expect(d.documents.map((x) => [x.name, x.title, x.format, x.bytes])).toEqual([
      ['thong-tin-gioi-thieu-co-quan.docx', 'Thông tin giới thiệu cơ quan', 'DOCX', 12_340],
      ['so-lieu-nam-2025.pdf', 'Số liệu năm 2025', 'PDF', 12_340],
      ['thong-tin-gioi-thieu-co-quan.pdf', 'Thông tin giới thiệu cơ quan', 'PDF', 12_340],
      ['thong-tin-gioi-thieu-co-quan-2.docx', 'Thông tin giới thiệu cơ quan', 'DOCX', 12_340],
      ['bang.xlsx', 'bang', 'XLSX', 12_340],
    ]);
    expect(galleryDownloads({ slug: 'a', title: 'A' }).documents).toEqual([]);
  });
});

describe('zipSizeEstimate', () => {
  it('adds each stored entry with its headers and about 2 KB for the credits file', () => {
    expect(zipSizeEstimate([])).toBe(2_000);
    expect(zipSizeEstimate([{ name: 'a-01.jpg', bytes: 1000 }, { name: 'tai-lieu/b.pdf', bytes: 500 }])).toBe(2_000 + 1000 + 16 + 76 + 500 + 28 + 76);
  });
});

describe('creditsText', () => {
  it('lists each file with caption, alt, credit, licence, date and size, for Notepad (BOM, CRLF)', () => {
    const text = creditsText({
      title: 'Lễ công bố',
      pageUrl: 'https://thads.example/thu-vien-anh/le-cong-bo/',
      agency: 'Thi hành án dân sự tỉnh Hưng Yên',
      date: '2025-07-01T03:00:00.000Z',
      photos: [
        { name: 'le-cong-bo-01.jpg', width: 1600, height: 900, photo: { alt: 'Hội trường', caption: 'Toàn cảnh', credit: 'Ảnh: Văn phòng', licence: 'CC BY 4.0' } },
        { name: 'le-cong-bo-02.jpg', width: 900, height: 1600, photo: { alt: 'Trao quyết định', credit: 'Thu Hà' } },
      ],
    });
    expect(text.startsWith('\uFEFFTHÔNG TIN ẢNH – Lễ công bố\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain('Nguồn: Thi hành án dân sự tỉnh Hưng Yên – https://thads.example/thu-vien-anh/le-cong-bo/');
    expect(lines).toContain('Ngày: 01/07/2025');
    const first = lines.slice(lines.indexOf('1. le-cong-bo-01.jpg'), lines.indexOf('2. le-cong-bo-02.jpg'));
    expect(first).toEqual(['1. le-cong-bo-01.jpg', '   Chú thích: Toàn cảnh', '   Mô tả ảnh: Hội trường', '   Ảnh: Văn phòng', '   Giấy phép: CC BY 4.0', '   Ngày: 01/07/2025', '   Kích thước: 1600 × 900 px', '']);
    expect(lines).toContain('   Tác giả: Thu Hà');
    expect(lines).toContain('   Giấy phép: không ghi (liên hệ cơ quan trước khi sử dụng)');
  });
});

describe('creditsText of a media kit', () => {
  it('lists the documents of the folder tai-lieu/ after the photos, with title, format and size', () => {
    const text = creditsText({
      title: 'Bộ tư liệu báo chí',
      pageUrl: 'https://thads.example/thu-vien-anh/bo-tu-lieu/',
      agency: 'Thi hành án dân sự tỉnh Hưng Yên',
      date: '2026-11-16T02:00:00.000Z',
      photos: [{ name: 'bo-tu-lieu-01.jpg', width: 1600, height: 900, photo: { alt: 'Trụ sở', credit: 'Ảnh: Văn phòng', licence: 'CC BY 4.0' } }],
      documents: [{ name: 'thong-tin-gioi-thieu-co-quan.docx', title: 'Thông tin giới thiệu cơ quan', format: 'DOCX', bytes: 12_340 }],
    });
    expect(text.startsWith('\uFEFFTHÔNG TIN ẢNH VÀ TÀI LIỆU – Bộ tư liệu báo chí\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain('Số tài liệu: 1 (thư mục tai-lieu/)');
    expect(lines.slice(lines.indexOf('TÀI LIỆU'))).toEqual([
      'TÀI LIỆU',
      '',
      '1. tai-lieu/thong-tin-gioi-thieu-co-quan.docx',
      '   Tên tài liệu: Thông tin giới thiệu cơ quan',
      '   Định dạng: DOCX, 12 KB',
      '',
    ]);
  });
});

describe('formatBytes', () => {
  it('writes kilobytes and megabytes the Vietnamese way', () => {
    expect(formatBytes(245_300)).toBe('245 KB');
    expect(formatBytes(3_412_000)).toBe('3,4 MB');
  });
});
