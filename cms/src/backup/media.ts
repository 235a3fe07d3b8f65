/**
 * The media side of backups: where the uploaded files live, as the CMS is configured — the uploads
 * folder (PUBLIC_DIR/uploads) or the S3 bucket (under S3_ROOT_PATH) — listed, read and written by path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { env } from '@strapi/utils';
import { DOCUMENT_CONTENT_TYPES } from '@thads/shared';
import { s3ClientOptions, s3Settings, type S3Settings } from '../security/uploads';

export type MediaFile = { path: string; size: number };
export type MediaStore = {
  kind: 'local' | 's3';
  /** Where, for messages: a folder, or s3://bucket/prefix. */
  location: string;
  list: () => Promise<MediaFile[]>;
  /** Copies one file out of the store into `dest`. */
  download: (file: string, dest: string) => Promise<void>;
  /** Puts the local file `src` into the store at `file`. */
  upload: (file: string, src: string) => Promise<void>;
};

/** Content types of what the media library accepts (see security/uploads.ts), for objects put back into S3. */
const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.avif': 'image/avif', '.gif': 'image/gif',
  ...DOCUMENT_CONTENT_TYPES,
  '.mp4': 'video/mp4', '.webm': 'video/webm', '.vtt': 'text/vtt', '.zip': 'application/zip',
};
export const contentType = (file: string) => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The uploads folder of the CMS in `distDir` (server.dirs.public, relative to cms/). */
export function localUploadsDir(appDir: string, distDir: string): string {
  const configure = require(path.join(distDir, 'config', 'server.js'));
  const server = (configure.default ?? configure)({ env });
  return path.resolve(appDir, server.dirs?.public ?? './public', 'uploads');
}

function localStore(root: string): MediaStore {
  const walk = (dir: string, rel = ''): MediaFile[] =>
    !fs.existsSync(dir)
      ? []
      : fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => {
          const relPath = rel ? `${rel}/${e.name}` : e.name;
          if (e.isDirectory()) return walk(path.join(dir, e.name), relPath);
          return e.isFile() ? [{ path: relPath, size: fs.statSync(path.join(dir, e.name)).size }] : [];
        });
  return {
    kind: 'local',
    location: root,
    list: async () => walk(root),
    download: async (file, dest) => {
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(path.join(root, file), dest);
    },
    upload: async (file, src) => {
      const target = path.join(root, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(src, target);
    },
  };
}

function s3Store(settings: S3Settings): MediaStore {
  // Loaded only when S3 is configured (the SDK is large).
  const sdk = require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
  const client = new sdk.S3Client(s3ClientOptions(settings));
  const prefix = settings.rootPath ? `${settings.rootPath}/` : '';
  return {
    kind: 's3',
    location: `s3://${settings.bucket}/${prefix}`,
    list: async () => {
      const files: MediaFile[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new sdk.ListObjectsV2Command({ Bucket: settings.bucket, Prefix: prefix, ContinuationToken: token }));
        for (const o of page.Contents ?? []) if (o.Key && !o.Key.endsWith('/')) files.push({ path: o.Key.slice(prefix.length), size: o.Size ?? 0 });
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return files.sort((a, b) => a.path.localeCompare(b.path));
    },
    download: async (file, dest) => {
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const object = await client.send(new sdk.GetObjectCommand({ Bucket: settings.bucket, Key: prefix + file }));
      await pipeline(object.Body as Readable, fs.createWriteStream(dest));
    },
    upload: async (file, src) => {
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: settings.bucket,
          Key: prefix + file,
          // A buffer, not a stream: the SDK would send a stream in aws-chunked encoding, which some
          // S3-compatible services store as is (files are at most UPLOAD_SIZE_LIMIT, 50 MB by default).
          Body: fs.readFileSync(src),
          ContentType: contentType(file),
          ...(settings.acl ? { ACL: settings.acl as import('@aws-sdk/client-s3').ObjectCannedACL } : {}),
        }),
      );
    },
  };
}

/** The media store the CMS is configured for (environment as Strapi reads it). */
export function openMediaStore(appDir: string, distDir: string): MediaStore {
  const s3 = s3Settings(process.env);
  return s3 ? s3Store(s3) : localStore(localUploadsDir(appDir, distDir));
}
