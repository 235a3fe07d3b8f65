/**
 * What the media library accepts and where it keeps files, from the environment.
 *  UPLOAD_SIZE_LIMIT     largest file in bytes (default 52428800 = 50 MB); also the multipart parser's limit
 *  UPLOAD_PROVIDER       `local` (default: cms/public/uploads) or `s3` (also chosen when S3_BUCKET is set)
 *  S3_BUCKET             bucket name (required for s3)
 *  S3_REGION             region (default us-east-1; most S3-compatible services accept any)
 *  S3_ENDPOINT           endpoint of an S3-compatible service (https://s3.example.vn); unset for AWS
 *  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY   credentials (unset: the SDK's default chain, e.g. an IAM role)
 *  S3_PUBLIC_URL         public base URL of the files (a CDN, https://media.example.vn); default: the bucket's URL
 *  S3_ROOT_PATH          key prefix inside the bucket (e.g. `thads`)
 *  S3_FORCE_PATH_STYLE   `true` for endpoint/bucket/key URLs (MinIO and most self-hosted services); default
 *                        true when S3_ENDPOINT is set, false on AWS
 *  S3_ACL                canned ACL sent with each object (default public-read); `none` for buckets whose
 *                        ACLs are disabled (AWS "bucket owner enforced", Cloudflare R2)
 *  S3_REQUEST_CHECKSUM   `WHEN_REQUIRED` for services that reject the AWS SDK's default CRC32 checksums
 */
import { DOCUMENT_FORMATS } from '@thads/shared';

type Env = Record<string, string | undefined>;

/** Photos, documents and videos the agency publishes. Never HTML or SVG (scripts run from them: stored XSS). */
export const ALLOWED_UPLOAD_TYPES = [
  'image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif',
  ...DOCUMENT_FORMATS.map((f) => f.mime),
  'video/mp4', 'video/webm',
  // Captions and transcripts of videos (WebVTT): plain text, no markup that runs.
  'text/vtt',
  'application/zip',
] as const;

export const DENIED_UPLOAD_TYPES = [
  'image/svg+xml', 'text/html', 'application/xhtml+xml', 'text/xml', 'application/xml', 'application/javascript', 'text/javascript',
  'application/x-msdownload', 'application/x-sh',
] as const;

/** What an editor is told the library accepts (Vietnamese, shown in refusals). */
export const ALLOWED_UPLOAD_LABEL = 'ảnh JPEG, PNG, WebP, AVIF, GIF; tài liệu PDF, Word, Excel, OpenDocument; video MP4, WebM và phụ đề WebVTT; tệp nén ZIP';

export const DEFAULT_UPLOAD_SIZE_LIMIT = 50 * 1024 * 1024;

export function uploadSizeLimit(env: Env = process.env): number {
  const raw = env.UPLOAD_SIZE_LIMIT;
  if (raw === undefined || raw === '') return DEFAULT_UPLOAD_SIZE_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`UPLOAD_SIZE_LIMIT must be a positive number of bytes, got "${raw}"`);
  return n;
}

/** "50 MB", "1,5 MB" (Vietnamese decimal comma). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} MB`;
}

export type S3Settings = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  publicUrl?: string;
  rootPath?: string;
  forcePathStyle: boolean;
  acl?: string;
  requestChecksum?: 'WHEN_SUPPORTED' | 'WHEN_REQUIRED';
};

const trimSlashes = (s: string) => s.replace(/^\/+|\/+$/g, '');

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  return value.replace(/\/+$/, '');
}

/** The S3 settings when uploads go to object storage, or null for the local folder. */
export function s3Settings(env: Env = process.env): S3Settings | null {
  const provider = (env.UPLOAD_PROVIDER || (env.S3_BUCKET ? 's3' : 'local')).toLowerCase();
  if (provider === 'local') return null;
  if (provider !== 's3' && provider !== 'aws-s3') throw new Error(`UPLOAD_PROVIDER must be "local" or "s3", got "${env.UPLOAD_PROVIDER}"`);
  if (!env.S3_BUCKET) throw new Error('UPLOAD_PROVIDER=s3 needs S3_BUCKET');
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  const checksum = env.S3_REQUEST_CHECKSUM?.toUpperCase();
  if (checksum && checksum !== 'WHEN_SUPPORTED' && checksum !== 'WHEN_REQUIRED') throw new Error(`S3_REQUEST_CHECKSUM must be WHEN_SUPPORTED or WHEN_REQUIRED, got "${env.S3_REQUEST_CHECKSUM}"`);
  const endpoint = env.S3_ENDPOINT ? httpUrl('S3_ENDPOINT', env.S3_ENDPOINT) : undefined;
  const acl = env.S3_ACL ?? 'public-read';
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION || 'us-east-1',
    ...(endpoint ? { endpoint } : {}),
    ...(env.S3_ACCESS_KEY_ID ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : {}),
    ...(env.S3_PUBLIC_URL ? { publicUrl: httpUrl('S3_PUBLIC_URL', env.S3_PUBLIC_URL) } : {}),
    ...(env.S3_ROOT_PATH && trimSlashes(env.S3_ROOT_PATH) ? { rootPath: trimSlashes(env.S3_ROOT_PATH) } : {}),
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' : Boolean(endpoint),
    ...(acl && acl !== 'none' ? { acl } : {}),
    ...(checksum ? { requestChecksum: checksum as S3Settings['requestChecksum'] } : {}),
  };
}

/** Options of the AWS SDK's S3Client for these settings (used by Strapi's provider and by the backup). */
export function s3ClientOptions(s: S3Settings) {
  return {
    region: s.region,
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    forcePathStyle: s.forcePathStyle,
    ...(s.accessKeyId ? { credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey! } } : {}),
    ...(s.requestChecksum ? { requestChecksumCalculation: s.requestChecksum, responseChecksumValidation: s.requestChecksum } : {}),
  };
}

/** The base URL the files are read from by browsers: the CDN, else the bucket's own URL. */
export function s3PublicBase(s: S3Settings): string {
  if (s.publicUrl) return s.publicUrl;
  if (s.endpoint) {
    const url = new URL(s.endpoint);
    return s.forcePathStyle ? `${url.origin}/${s.bucket}` : `${url.protocol}//${s.bucket}.${url.host}`;
  }
  return `https://${s.bucket}.s3.${s.region}.amazonaws.com`;
}

/** Origins that serve media to browsers (for the admin's Content-Security-Policy): none when files are local. */
export function mediaOrigins(env: Env = process.env): string[] {
  const s = s3Settings(env);
  if (!s) return [];
  const origins = new Set([new URL(s3PublicBase(s)).origin]);
  // Without a public URL the provider keeps the URL S3 returns, which on AWS may use the global host name.
  if (!s.publicUrl && !s.endpoint) origins.add(`https://${s.bucket}.s3.amazonaws.com`);
  return [...origins];
}

/** The `upload` entry of config/plugins.ts. */
export function uploadPluginConfig(env: Env = process.env) {
  const s = s3Settings(env);
  return {
    sizeLimit: uploadSizeLimit(env),
    security: { allowedTypes: [...ALLOWED_UPLOAD_TYPES], deniedTypes: [...DENIED_UPLOAD_TYPES] },
    ...(s
      ? {
          provider: 'aws-s3',
          providerOptions: {
            // Stored file URLs start with the CDN when there is one, else the bucket's URL on the endpoint
            // (on AWS without a CDN, the provider keeps the URL S3 returns). Keys start with S3_ROOT_PATH.
            ...(s.publicUrl || s.endpoint ? { baseUrl: s3PublicBase(s) } : {}),
            ...(s.rootPath ? { rootPath: s.rootPath } : {}),
            s3Options: {
              ...s3ClientOptions(s),
              params: { Bucket: s.bucket, ...(s.acl ? { ACL: s.acl } : {}) },
            },
          },
        }
      : {
          // Local disk: Strapi names every stored file with a hash, so a file at a URL never changes. Saying so
          // (a year, immutable) lets the site's build reuse its image derivatives instead of downloading and
          // re-encoding every photo at every publish (Astro revalidates remote images past their max-age).
          providerOptions: { localServer: { maxage: 365 * 24 * 3600 * 1000 } },
        }),
  };
}
