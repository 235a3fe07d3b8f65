/** Photos for link previews (Open Graph): a 1200 px JPEG made at build time, as an absolute URL. */
import { getImage } from 'astro:assets';
import type { Photo } from '@thads/shared';
import { mediaUrl } from '../data/strapi.ts';

export async function shareImageUrl(photo: Photo | null | undefined, site: URL | undefined): Promise<string | undefined> {
  const image = photo?.image;
  if (!image?.url || !image.width || !image.height || !image.mime.startsWith('image/') || image.mime === 'image/svg+xml') return undefined;
  const width = Math.min(1200, image.width);
  const result = await getImage({ src: mediaUrl(image.url), width, height: Math.round((width * image.height) / image.width), format: 'jpg' });
  return new URL(result.src, site).href;
}

/** The photo at its full size as a JPEG made at build time, for download (journalists), with its size. */
export async function downloadableImage(photo: Photo | null | undefined): Promise<{ href: string; width: number; height: number } | undefined> {
  const image = photo?.image;
  if (!image?.url || !image.width || !image.height || !image.mime.startsWith('image/') || image.mime === 'image/svg+xml') return undefined;
  const result = await getImage({ src: mediaUrl(image.url), width: image.width, height: image.height, format: 'jpg', quality: 90 });
  return { href: result.src, width: image.width, height: image.height };
}

