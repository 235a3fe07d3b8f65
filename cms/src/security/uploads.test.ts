import { describe, expect, it } from 'vitest';
import { formatMegabytes, mediaOrigins, s3Settings, uploadPluginConfig, uploadSizeLimit } from './uploads';

describe('uploadSizeLimit', () => {
  it('is 50 MB by default and reads UPLOAD_SIZE_LIMIT in bytes', () => {
    expect(uploadSizeLimit({})).toBe(52_428_800);
    expect(uploadSizeLimit({ UPLOAD_SIZE_LIMIT: '1048576' })).toBe(1_048_576);
  });

  it('refuses a limit that is not a positive whole number of bytes', () => {
    expect(() => uploadSizeLimit({ UPLOAD_SIZE_LIMIT: '50MB' })).toThrow(/UPLOAD_SIZE_LIMIT/);
    expect(() => uploadSizeLimit({ UPLOAD_SIZE_LIMIT: '-1' })).toThrow(/UPLOAD_SIZE_LIMIT/);
  });
});

describe('formatMegabytes', () => {
  it('writes megabytes with a Vietnamese decimal comma', () => {
    expect(formatMegabytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatMegabytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
  });
});

describe('s3Settings', () => {
  it('keeps uploads on local disk unless S3 is asked for', () => {
    expect(s3Settings({})).toBeNull();
    expect(s3Settings({ UPLOAD_PROVIDER: 'local', S3_BUCKET: 'b' })).toBeNull();
  });

  it('turns S3 on when S3_BUCKET is set, path-style on a custom endpoint', () => {
    expect(s3Settings({ S3_BUCKET: 'media', S3_ENDPOINT: 'https://s3.example.vn/', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' })).toEqual({
      bucket: 'media', region: 'us-east-1', endpoint: 'https://s3.example.vn', accessKeyId: 'k', secretAccessKey: 's', forcePathStyle: true, acl: 'public-read',
    });
  });

  it('reads the CDN, root path, ACL switch and checksum mode', () => {
    const s = s3Settings({ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'media', S3_REGION: 'ap-southeast-1', S3_PUBLIC_URL: 'https://cdn.example.vn/', S3_ROOT_PATH: '/thads/', S3_ACL: 'none', S3_REQUEST_CHECKSUM: 'when_required', S3_FORCE_PATH_STYLE: 'false' });
    expect(s).toEqual({ bucket: 'media', region: 'ap-southeast-1', publicUrl: 'https://cdn.example.vn', rootPath: 'thads', forcePathStyle: false, requestChecksum: 'WHEN_REQUIRED' });
  });

  it('says what is wrong with an incomplete or invalid configuration', () => {
    expect(() => s3Settings({ UPLOAD_PROVIDER: 's3' })).toThrow('UPLOAD_PROVIDER=s3 needs S3_BUCKET');
    expect(() => s3Settings({ UPLOAD_PROVIDER: 'ftp' })).toThrow(/"local" or "s3"/);
    expect(() => s3Settings({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow(/go together/);
    expect(() => s3Settings({ S3_BUCKET: 'b', S3_ENDPOINT: 's3.example.vn' })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
    expect(() => s3Settings({ S3_BUCKET: 'b', S3_REQUEST_CHECKSUM: 'NEVER' })).toThrow(/S3_REQUEST_CHECKSUM/);
  });
});

describe('uploadPluginConfig', () => {
  it('allows photos, documents, videos and captions, and denies SVG and HTML', () => {
    const { security, sizeLimit } = uploadPluginConfig({});
    expect(sizeLimit).toBe(52_428_800);
    for (const type of ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.oasis.opendocument.text', 'video/mp4', 'video/webm', 'text/vtt']) expect(security.allowedTypes).toContain(type);
    for (const type of ['image/svg+xml', 'text/html', 'application/xhtml+xml']) {
      expect(security.deniedTypes).toContain(type);
      expect(security.allowedTypes).not.toContain(type);
    }
  });

  it("configures Strapi's aws-s3 provider from the environment", () => {
    const config = uploadPluginConfig({ S3_BUCKET: 'media', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_ROOT_PATH: 'cms' }) as any;
    expect(config.provider).toBe('aws-s3');
    expect(config.providerOptions).toEqual({
      baseUrl: 'http://127.0.0.1:9000/media',
      rootPath: 'cms',
      s3Options: { region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true, credentials: { accessKeyId: 'k', secretAccessKey: 's' }, params: { Bucket: 'media', ACL: 'public-read' } },
    });
  });

  it('stores CDN URLs when S3_PUBLIC_URL is set, and leaves the URL to AWS otherwise', () => {
    expect((uploadPluginConfig({ S3_BUCKET: 'media', S3_PUBLIC_URL: 'https://cdn.example.vn' }) as any).providerOptions.baseUrl).toBe('https://cdn.example.vn');
    expect((uploadPluginConfig({ S3_BUCKET: 'media', S3_REGION: 'ap-southeast-1' }) as any).providerOptions.baseUrl).toBeUndefined();
  });
});

describe('mediaOrigins', () => {
  it('is empty for local uploads and names the bucket or CDN origin otherwise', () => {
    expect(mediaOrigins({})).toEqual([]);
    expect(mediaOrigins({ S3_BUCKET: 'media', S3_PUBLIC_URL: 'https://cdn.example.vn/anh' })).toEqual(['https://cdn.example.vn']);
    expect(mediaOrigins({ S3_BUCKET: 'media', S3_ENDPOINT: 'https://s3.example.vn', S3_FORCE_PATH_STYLE: 'false' })).toEqual(['https://media.s3.example.vn']);
    expect(mediaOrigins({ S3_BUCKET: 'media', S3_REGION: 'ap-southeast-1' })).toEqual(['https://media.s3.ap-southeast-1.amazonaws.com', 'https://media.s3.amazonaws.com']);
  });
});
