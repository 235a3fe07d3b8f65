import { describe, expect, it } from 'vitest';
import { contentSecurityDirectives, securityMiddlewareConfig, servedOverTls } from './headers';

describe('servedOverTls', () => {
  it('follows HSTS when set, else whether PUBLIC_URL is https', () => {
    expect(servedOverTls({})).toBe(false);
    expect(servedOverTls({ PUBLIC_URL: 'https://cms.example.vn' })).toBe(true);
    expect(servedOverTls({ PUBLIC_URL: 'https://cms.example.vn', HSTS: 'false' })).toBe(false);
    expect(servedOverTls({ HSTS: 'true' })).toBe(true);
  });
});

describe('securityMiddlewareConfig', () => {
  it('sends HSTS and upgrades insecure requests only behind TLS', () => {
    expect(securityMiddlewareConfig({}).hsts).toBe(false);
    expect(contentSecurityDirectives({}).upgradeInsecureRequests).toBeNull();
    expect(securityMiddlewareConfig({ PUBLIC_URL: 'https://cms.example.vn' }).hsts).toEqual({ maxAge: 31_536_000, includeSubDomains: true });
    expect(contentSecurityDirectives({ PUBLIC_URL: 'https://cms.example.vn' }).upgradeInsecureRequests).toEqual([]);
  });

  it('names no external host unless media are on S3, and frames only the public site', () => {
    const local = contentSecurityDirectives({ CORS_ORIGINS: 'https://thads.example.vn' });
    expect(Object.values(local).flat().join(' ')).not.toMatch(/strapi\.io|jsdelivr|https:(?!\/\/)/);
    expect(local['frame-src']).toEqual(["'self'", 'https://thads.example.vn']);
    expect(local['script-src']).toEqual(["'self'"]);
    const s3 = contentSecurityDirectives({ S3_BUCKET: 'media', S3_PUBLIC_URL: 'https://cdn.example.vn' });
    expect(s3['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://cdn.example.vn']);
    expect(s3['media-src']).toEqual(["'self'", 'data:', 'blob:', 'https://cdn.example.vn']);
  });

  it("gives the directives Strapi's defaults hold as strings (its defaultsDeep would merge arrays by index)", () => {
    const { directives } = securityMiddlewareConfig({ S3_BUCKET: 'media', S3_PUBLIC_URL: 'https://cdn.example.vn' }).contentSecurityPolicy;
    expect(directives['img-src']).toBe("'self' data: blob: https://cdn.example.vn");
    expect(directives['connect-src']).toBe("'self' https://cdn.example.vn");
    expect(directives['frame-src']).toEqual(["'self'", 'http://localhost:4321', 'http://127.0.0.1:4321']);
  });
});
