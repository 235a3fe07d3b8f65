/**
 * What a gallery offers for download, written at build time next to its page:
 *   /thu-vien-anh/<slug>/<slug>-01.jpg …   each photo at full size (the "original"), metadata stripped
 *   /thu-vien-anh/<slug>/<slug>.zip        all of them, the documents (folder tai-lieu/) and THONG-TIN-ANH.txt
 *                                          (caption, credit, licence, date of each photo; the documents)
 *   /thu-vien-anh/<slug>/<slug>-video-1.mp4 (.webm, .vtt)   the gallery's videos and their captions
 *   /thu-vien-anh/<slug>/<title>.docx (.pdf …)   the documents of a media kit, named after their titles
 * Names and the credits text are pure functions (tested in gallery.test.ts); the files are made in
 * gallery-files.ts.
 */
import type { Media, Photo, Video } from '@thads/shared';
import { DOCUMENT_FORMATS, formatDate, slugify } from '@thads/shared';
import { labelled } from './text.ts';

export const CREDITS_FILE = 'THONG-TIN-ANH.txt';
/** The folder of the documents inside the ZIP. */
export const DOCUMENTS_FOLDER = 'tai-lieu/';

type GalleryLike = { slug: string; title: string; items?: Photo[] | null; videos?: Video[] | null; documents?: Media[] | null };

export const isRasterImage = (media: Media | null | undefined): media is Media =>
  !!media?.url && media.mime.startsWith('image/') && media.mime !== 'image/svg+xml';

/** A photo's public original keeps PNG lossless (graphics, scans); everything else is published as JPEG. */
export const originalFormat = (media: Media): 'png' | 'jpg' => (media.mime === 'image/png' ? 'png' : 'jpg');

const VIDEO_EXT: Record<string, string> = { 'video/mp4': 'mp4', 'video/webm': 'webm' };
export const videoExtension = (media: Media | null | undefined): string | undefined => (media ? VIDEO_EXT[media.mime] : undefined);
const isCaptions = (media: Media | null | undefined): media is Media => !!media?.url && (media.mime === 'text/vtt' || /\.vtt$/i.test(media.name) || media.ext === '.vtt');

/** Document formats the site copies and offers (the office formats the CMS accepts): extension and the label readers see. */
export const documentFormat = (media: Media | null | undefined) => (media?.url ? DOCUMENT_FORMATS.find((f) => f.mime === media.mime) : undefined);

/** A document's name for readers: its caption in the Media Library, else its file name without the extension. */
export const documentTitle = (media: Media): string => media.caption?.trim() || media.name.replace(/\.[a-z0-9]{1,5}$/i, '').trim() || 'Tài liệu';

export type PhotoDownload = { name: string; photo: Photo & { image: Media } };
export type VideoDownload = { name: string; video: Video & { file: Media }; captions?: { name: string; media: Media } };
/** `format`: "PDF", "DOCX"…; `bytes`: the size the CMS gives (it stores kilobytes). */
export type DocumentDownload = { name: string; title: string; format: string; bytes: number; media: Media };
export type GalleryDownloads = { photos: PhotoDownload[]; videos: VideoDownload[]; documents: DocumentDownload[]; zip: string };

const pad = (n: number, total: number) => String(n).padStart(Math.max(2, String(total).length), '0');

/**
 * The file names of a gallery's downloads: "<slug>-01.jpg", "<slug>-video-1.mp4", "<slug>.zip", and each
 * document after its title ("thong-tin-gioi-thieu-co-quan.docx"; "-2", "-3"… when two titles are the same).
 */
export function galleryDownloads(gallery: GalleryLike): GalleryDownloads {
  const photos = (gallery.items ?? []).filter((p): p is PhotoDownload['photo'] => isRasterImage(p.image));
  const videos = (gallery.videos ?? []).filter((v): v is VideoDownload['video'] => !!videoExtension(v.file) && !!v.file?.url);
  const taken = new Set<string>();
  const documents = (gallery.documents ?? []).flatMap((media): DocumentDownload[] => {
    const format = documentFormat(media);
    if (!format) return [];
    const title = documentTitle(media);
    const base = slugify(title, 80) || 'tai-lieu';
    let name = `${base}.${format.ext}`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}.${format.ext}`;
    taken.add(name);
    return [{ name, title, format: format.label, bytes: Math.round((media.size ?? 0) * 1000), media }];
  });
  return {
    photos: photos.map((photo, i) => ({ name: `${gallery.slug}-${pad(i + 1, photos.length)}.${originalFormat(photo.image)}`, photo })),
    videos: videos.map((video, i) => {
      const base = `${gallery.slug}-video-${i + 1}`;
      return { name: `${base}.${videoExtension(video.file)}`, video, ...(isCaptions(video.captions) ? { captions: { name: `${base}.vtt`, media: video.captions } } : {}) };
    }),
    documents,
    zip: `${gallery.slug}.zip`,
  };
}

/**
 * The size of a ZIP of stored (uncompressed) entries, to within a few hundred bytes: each entry with its
 * local and central headers (76 bytes and the name twice), and about 2 KB for the deflated credits file.
 */
export function zipSizeEstimate(entries: { name: string; bytes: number }[]): number {
  return entries.reduce((sum, e) => sum + e.bytes + 2 * e.name.length + 76, 2_000);
}

export type CreditsInput = {
  title: string;
  pageUrl: string;
  agency: string;
  date: string;
  photos: { name: string; photo: Photo; width: number; height: number }[];
  /** The documents of the ZIP (folder tai-lieu/), when there are any. */
  documents?: { name: string; title: string; format: string; bytes: number }[];
};

/**
 * THONG-TIN-ANH.txt: for each photo of the ZIP its caption, alternative text, credit, licence and date; then
 * each document with its title, format and size. CRLF line ends and a byte order mark, so that Notepad on
 * any Windows shows the Vietnamese correctly.
 */
export function creditsText({ title, pageUrl, agency, date, photos, documents = [] }: CreditsInput): string {
  const lines = [
    `${documents.length ? 'THÔNG TIN ẢNH VÀ TÀI LIỆU' : 'THÔNG TIN ẢNH'} – ${title}`,
    `Nguồn: ${agency} – ${pageUrl}`,
    `Ngày: ${formatDate(date)}`,
    `Số ảnh: ${photos.length}`,
    ...(documents.length ? [`Số tài liệu: ${documents.length} (thư mục ${DOCUMENTS_FOLDER})`] : []),
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
  if (documents.length) {
    lines.push('', 'TÀI LIỆU');
    documents.forEach((d, i) => {
      lines.push('', `${i + 1}. ${DOCUMENTS_FOLDER}${d.name}`);
      lines.push(`   Tên tài liệu: ${d.title}`);
      lines.push(`   Định dạng: ${d.format}, ${formatBytes(d.bytes)}`);
    });
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** "245 KB", "3,4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1000 * 1000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  return `${(bytes / 1000 / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
