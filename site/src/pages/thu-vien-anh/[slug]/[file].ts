/**
 * A gallery's downloads, written into the static site at build time (names: src/lib/gallery.ts):
 * each photo's public original (metadata stripped), the whole gallery as a ZIP with its documents and
 * credits file, and its videos with their captions and its documents (a media kit's fact sheet…), copied
 * from the CMS so that the site serves them itself.
 */
import fs from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Media } from '@thads/shared';
import { getGalleries, getSiteSetting, itemDate, type Gallery } from '../../../data/content.ts';
import { galleryDownloads } from '../../../lib/gallery.ts';
import { fetchMedia, galleryZip, publicOriginal } from '../../../data/gallery-files.ts';
import { urls } from '../../../lib/urls.ts';

type Props = { kind: 'photo'; media: Media } | { kind: 'zip'; gallery: Gallery } | { kind: 'copy'; media: Media; type: string };

export const getStaticPaths = (async () =>
  (await getGalleries()).flatMap((gallery) => {
    const { photos, videos, documents, zip } = galleryDownloads(gallery);
    const path = (file: string, props: Props) => ({ params: { slug: gallery.slug, file }, props });
    return [
      ...photos.map((p) => path(p.name, { kind: 'photo', media: p.photo.image })),
      ...(photos.length || documents.length ? [path(zip, { kind: 'zip', gallery })] : []),
      ...videos.flatMap((v) => [
        path(v.name, { kind: 'copy', media: v.video.file, type: v.video.file.mime }),
        ...(v.captions ? [path(v.captions.name, { kind: 'copy', media: v.captions.media, type: 'text/vtt; charset=utf-8' })] : []),
      ]),
      ...documents.map((d) => path(d.name, { kind: 'copy', media: d.media, type: d.media.mime })),
    ];
  })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const p = props as Props;
  if (p.kind === 'photo') {
    const original = await publicOriginal(p.media);
    return new Response(new Uint8Array(await fs.readFile(original.file)), { headers: { 'Content-Type': original.mime } });
  }
  if (p.kind === 'zip') {
    const setting = await getSiteSetting();
    const zip = await galleryZip(
      { ...p.gallery, date: itemDate(p.gallery) },
      { agency: setting.agencyName, pageUrl: new URL(urls.gallery(p.gallery.slug), site).href },
    );
    return new Response(zip as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/zip' } });
  }
  return new Response(new Uint8Array(await fetchMedia(p.media)), { headers: { 'Content-Type': p.type } });
};
