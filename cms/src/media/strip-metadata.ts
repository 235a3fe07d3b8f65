/**
 * Photos lose their location and camera metadata (EXIF, XMP, IPTC) when they are uploaded. The CMS's
 * uploads are public (the REST API gives their URLs), so a phone photo's GPS position must not survive in
 * the stored original either. The image is re-encoded by sharp without `withMetadata()`: the EXIF
 * orientation is applied to the pixels first, and the ICC colour profile is kept so colours do not shift.
 *
 * Strapi's own optimisation is not enough: it re-encodes only when "size optimisation" or "auto orientation"
 * is on, keeps the untouched original whenever its re-encoded file comes out larger, and with size
 * optimisation alone it drops the orientation tag without turning the pixels (a phone's portrait photo ends
 * up sideways). So this runs first, on the file as uploaded, and Strapi's step then works on a clean,
 * upright image. Thumbnails and responsive formats are made from the result.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { Core } from '@strapi/strapi';

type UploadFile = {
  hash: string;
  filepath?: string;
  tmpWorkingDirectory?: string;
  getStream?: () => NodeJS.ReadableStream;
  width?: number | null;
  height?: number | null;
  size?: number;
  sizeInBytes?: number;
  [key: string]: unknown;
};

const REENCODE: Record<string, (image: Sharp) => Sharp> = {
  jpeg: (image) => image.jpeg({ quality: 92 }),
  png: (image) => image.png(),
  webp: (image) => image.webp({ quality: 90 }),
  avif: (image) => image.avif({ quality: 70 }),
  tiff: (image) => image.tiff(),
};

/** Whether an image file carries metadata that can say where or with what it was taken. */
export async function hasIdentifyingMetadata(file: string | Buffer): Promise<boolean> {
  const meta = await sharp(file).metadata();
  return Boolean(meta.exif || meta.xmp || meta.iptc || meta.tifftagPhotoshop);
}

/** Re-encodes `file` without metadata (orientation applied, ICC profile kept) when it has any; else returns it. */
export async function stripMetadata(file: UploadFile): Promise<UploadFile> {
  const input = file.filepath;
  if (!input) return file;
  const meta = await sharp(input).metadata();
  const encode = meta.format ? REENCODE[meta.format] : undefined;
  if (!encode || !(meta.exif || meta.xmp || meta.iptc || meta.tifftagPhotoshop)) return file;
  const output = path.join(file.tmpWorkingDirectory ?? path.dirname(input), `clean-${file.hash}`);
  let image = sharp(input, { animated: (meta.pages ?? 1) > 1 });
  if ((meta.orientation ?? 1) > 1) image = image.autoOrient();
  if (meta.icc) image = image.keepIccProfile();
  const info = await encode(image).toFile(output);
  return {
    ...file,
    filepath: output,
    getStream: () => fs.createReadStream(output),
    width: info.width,
    height: (info as { pageHeight?: number }).pageHeight ?? info.height,
    size: Math.round((info.size / 1000) * 100) / 100,
    sizeInBytes: info.size,
  };
}

/** Runs before the upload plugin's optimisation step (called for every uploaded JPEG, PNG, WebP, TIFF, AVIF). */
export function registerStripMetadata(strapi: Core.Strapi): void {
  const service = strapi.plugin('upload').service('image-manipulation') as { optimize: (file: UploadFile) => Promise<UploadFile> };
  const optimize = service.optimize;
  service.optimize = async (file: UploadFile) => optimize(await stripMetadata(file));
}
