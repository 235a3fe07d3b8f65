/**
 * The bytes of a gallery's downloads, made at build time (see gallery.ts for the names).
 *
 * A photo's public "original" is the CMS's file at full size, re-encoded by sharp without its metadata:
 * no EXIF (GPS position, camera, serial numbers), XMP or IPTC. The EXIF orientation is applied to the
 * pixels first and the ICC colour profile kept. (The CMS strips metadata at upload too: this also covers
 * files stored before that, or on object storage.) Results are cached on disk (CACHE_DIR),
 * keyed by the file's URL, update time and size, so a rebuild does not re-encode unchanged photos.
 *
 * The ZIP is made by fflate: photos and documents stored as they are (JPEG, DOCX and most PDFs do not
 * compress further), the credits file deflated; every entry dated with the gallery's date, so the same gallery
 * always gives the same ZIP. Documents are the CMS's files byte for byte, in the folder tai-lieu/.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Media } from '@thads/shared';
import { mediaUrl } from './strapi.ts';
import { CREDITS_FILE, DOCUMENTS_FOLDER, creditsText, galleryDownloads, originalFormat, zipSizeEstimate, type CreditsInput } from '../lib/gallery.ts';

const CACHE_VERSION = 1;
/**
 * Beside Astro's own cache when SITE_CACHE_DIR names it; else in the system's temporary folder (the build may
 * run from another working directory than site/, so a relative path would not be stable).
 */
const CACHE_DIR = path.join(process.env.SITE_CACHE_DIR ? path.resolve(process.env.SITE_CACHE_DIR) : os.tmpdir(), 'thads-originals');

export type PublicImage = { file: string; width: number; height: number; bytes: number; mime: 'image/jpeg' | 'image/png' };

/** Downloads a media file of the CMS (build time only), with a message that says which file failed. */
export async function fetchMedia(media: Media): Promise<Buffer> {
  const url = mediaUrl(media.url);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  } catch (error) {
    throw new Error(`Không tải được tệp "${media.name}" từ CMS (${url}): ${(error as Error).message}. / Cannot download media file ${url}.`, { cause: error });
  }
  if (!response.ok) throw new Error(`CMS trả lỗi HTTP ${response.status} cho tệp "${media.name}" (${url}). / HTTP ${response.status} for media file ${url}.`);
  return Buffer.from(await response.arrayBuffer());
}

/** Re-encodes an image without metadata: orientation applied, ICC profile kept, PNG stays PNG, the rest JPEG. */
export async function stripImage(input: Buffer, format: 'png' | 'jpg'): Promise<{ data: Buffer; width: number; height: number }> {
  const meta = await sharp(input, { failOn: 'none' }).metadata();
  let image = sharp(input, { failOn: 'none' }).autoOrient();
  if (meta.icc) image = image.keepIccProfile();
  image = format === 'png' ? image.png({ compressionLevel: 9 }) : image.flatten({ background: '#ffffff' }).jpeg({ quality: 92 });
  const { data, info } = await image.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const pending = new Map<string, Promise<PublicImage>>();

/** The public original of an image: made once per build, reused across builds while the file is unchanged. */
export function publicOriginal(media: Media): Promise<PublicImage> {
  const format = originalFormat(media);
  const key = createHash('sha256').update(`${CACHE_VERSION}|${media.url}|${media.updatedAt ?? ''}|${media.size ?? ''}|${format}`).digest('hex').slice(0, 32);
  let job = pending.get(key);
  if (!job) {
    job = (async () => {
      const file = path.join(CACHE_DIR, `${key}.${format}`);
      const metaFile = `${file}.json`;
      try {
        const cached = JSON.parse(await fs.readFile(metaFile, 'utf8')) as PublicImage;
        await fs.access(file);
        return { ...cached, file };
      } catch {
        // not cached yet
      }
      const { data, width, height } = await stripImage(await fetchMedia(media), format);
      const result: PublicImage = { file, width, height, bytes: data.length, mime: format === 'png' ? 'image/png' : 'image/jpeg' };
      await fs.mkdir(CACHE_DIR, { recursive: true });
      // Written under temporary names and renamed: a concurrent build never reads half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, data);
      await fs.rename(tmp, file);
      await fs.writeFile(`${metaFile}.${process.pid}.tmp`, JSON.stringify(result));
      await fs.rename(`${metaFile}.${process.pid}.tmp`, metaFile);
      return result;
    })();
    pending.set(key, job);
    job.catch(() => pending.delete(key));
  }
  return job;
}

type ZipGallery = Parameters<typeof galleryDownloads>[0] & { date: string };

/** The gallery's ZIP: every public original, the documents (tai-lieu/) and THONG-TIN-ANH.txt. */
export async function galleryZip(gallery: ZipGallery, info: Omit<CreditsInput, 'photos' | 'documents' | 'title' | 'date'>): Promise<Uint8Array> {
  const { photos, documents } = galleryDownloads(gallery);
  const originals = await Promise.all(photos.map((p) => publicOriginal(p.photo.image)));
  const documentBytes = await Promise.all(documents.map((d) => fetchMedia(d.media)));
  // A ZIP stores local times (fflate reads the Date's local fields): the gallery's date as a clock in Vietnam reads it.
  const vn = new Date(Math.max(Date.parse(gallery.date), Date.parse('1980-01-02T00:00:00Z')) + 7 * 3600_000);
  const mtime = new Date(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate(), vn.getUTCHours(), vn.getUTCMinutes(), vn.getUTCSeconds());
  const files: Zippable = {};
  for (const [i, p] of photos.entries()) files[p.name] = [await fs.readFile(originals[i]!.file), { level: 0, mtime }];
  for (const [i, d] of documents.entries()) files[`${DOCUMENTS_FOLDER}${d.name}`] = [documentBytes[i]!, { level: 0, mtime }];
  const credits = creditsText({
    ...info,
    title: gallery.title,
    date: gallery.date,
    photos: photos.map((p, i) => ({ name: p.name, photo: p.photo, width: originals[i]!.width, height: originals[i]!.height })),
    documents: documents.map((d, i) => ({ ...d, bytes: documentBytes[i]!.length })),
  });
  files[CREDITS_FILE] = [strToU8(credits), { level: 6, mtime }];
  return zipSync(files);
}

/** About how large the gallery's ZIP is (what its download links say), from the public originals and the documents' sizes. */
export async function galleryZipSize(gallery: Parameters<typeof galleryDownloads>[0]): Promise<number> {
  const { photos, documents } = galleryDownloads(gallery);
  const originals = await Promise.all(photos.map((p) => publicOriginal(p.photo.image)));
  return zipSizeEstimate([
    ...photos.map((p, i) => ({ name: p.name, bytes: originals[i]!.bytes })),
    ...documents.map((d) => ({ name: `${DOCUMENTS_FOLDER}${d.name}`, bytes: d.bytes })),
  ]);
}
