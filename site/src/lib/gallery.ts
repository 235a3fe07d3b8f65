/**
 * What a gallery offers for download, written at build time next to its page:
 *   /thu-vien-anh/<slug>/<slug>-01.jpg …   each photo at full size (the "original"), metadata stripped
 *   /thu-vien-anh/<slug>/<slug>.zip        all of them and THONG-TIN-ANH.txt (caption, credit, licence, date)
 *   /thu-vien-anh/<slug>/<slug>-video-1.mp4 (.webm, .vtt)   the gallery's videos and their captions
 * Names and the credits text are pure functions (tested in gallery.test.ts); the files are made in
 * gallery-files.ts.
 */
import type { Media, Photo, Video } from '@thads/shared';
import { formatDate } from '@thads/shared';
import { labelled } from '../utils/text.ts';

export const CREDITS_FILE = 'THONG-TIN-ANH.txt';

type GalleryLike = { slug: string; title: string; items?: Photo[] | null; videos?: Video[] | null };

export const isRasterImage = (media: Media | null | undefined): media is Media =>
  !!media?.url && media.mime.startsWith('image/') && media.mime !== 'image/svg+xml';

/** A photo's public original keeps PNG lossless (graphics, scans); everything else is published as JPEG. */
export const originalFormat = (media: Media): 'png' | 'jpg' => (media.mime === 'image/png' ? 'png' : 'jpg');

const VIDEO_EXT: Record<string, string> = { 'video/mp4': 'mp4', 'video/webm': 'webm' };
export const videoExtension = (media: Media | null | undefined): string | undefined => (media ? VIDEO_EXT[media.mime] : undefined);
const isCaptions = (media: Media | null | undefined): media is Media => !!media?.url && (media.mime === 'text/vtt' || /\.vtt$/i.test(media.name) || media.ext === '.vtt');

export type PhotoDownload = { name: string; photo: Photo & { image: Media } };
export type VideoDownload = { name: string; video: Video & { file: Media }; captions?: { name: string; media: Media } };
export type GalleryDownloads = { photos: PhotoDownload[]; videos: VideoDownload[]; zip: string };

const pad = (n: number, total: number) => String(n).padStart(Math.max(2, String(total).length), '0');

/** The file names of a gallery's downloads: "<slug>-01.jpg", "<slug>-video-1.mp4", "<slug>.zip". */
export function galleryDownloads(gallery: GalleryLike): GalleryDownloads {
  const photos = (gallery.items ?? []).filter((p): p is PhotoDownload['photo'] => isRasterImage(p.image));
  const videos = (gallery.videos ?? []).filter((v): v is VideoDownload['video'] => !!videoExtension(v.file) && !!v.file?.url);
  return {
    photos: photos.map((photo, i) => ({ name: `${gallery.slug}-${pad(i + 1, photos.length)}.${originalFormat(photo.image)}`, photo })),
    videos: videos.map((video, i) => {
      const base = `${gallery.slug}-video-${i + 1}`;
      return { name: `${base}.${videoExtension(video.file)}`, video, ...(isCaptions(video.captions) ? { captions: { name: `${base}.vtt`, media: video.captions } } : {}) };
    }),
    zip: `${gallery.slug}.zip`,
  };
}

export type CreditsInput = {
  title: string;
  pageUrl: string;
  agency: string;
  date: string;
  photos: { name: string; photo: Photo; width: number; height: number }[];
};

/**
 * THONG-TIN-ANH.txt: for each file of the ZIP its caption, alternative text, credit, licence and date.
 * CRLF line ends and a byte order mark, so that Notepad on any Windows shows the Vietnamese correctly.
 */
export function creditsText({ title, pageUrl, agency, date, photos }: CreditsInput): string {
  const lines = [
    `THÔNG TIN ẢNH – ${title}`,
    `Nguồn: ${agency} – ${pageUrl}`,
    `Ngày: ${formatDate(date)}`,
    `Số ảnh: ${photos.length}`,
    '',
    'Khi sử dụng ảnh, xin ghi rõ tác giả và nguồn, theo giấy phép của từng ảnh dưới đây.',
  ];
  photos.forEach(({ name, photo, width, height }, i) => {
    lines.push('', `${i + 1}. ${name}`);
    if (photo.caption) lines.push(`   Chú thích: ${photo.caption}`);
    lines.push(`   Mô tả ảnh: ${photo.alt}`);
    lines.push(`   ${photo.credit ? labelled('Tác giả', photo.credit) : 'Tác giả: không ghi'}`);
    lines.push(`   Giấy phép: ${photo.licence || 'không ghi (liên hệ cơ quan trước khi sử dụng)'}`);
    lines.push(`   Ngày: ${formatDate(date)}`);
    lines.push(`   Kích thước: ${width} × ${height} px`);
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** "245 KB", "3,4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1000 * 1000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  return `${(bytes / 1000 / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
