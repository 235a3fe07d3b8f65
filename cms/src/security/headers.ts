/**
 * Configuration of Strapi's `strapi::security` middleware (helmet) for the admin panel and the API.
 *  - Content-Security-Policy that works offline: nothing but this server (and, when uploads go to S3, the
 *    bucket or CDN for images and video); no Strapi marketplace or analytics hosts, no `https:` wildcard.
 *  - HSTS only when served over TLS (PUBLIC_URL starts with https://, or HSTS=true); it is useless on
 *    plain HTTP and would lock a machine out of a local http:// admin.
 *  - Frames: the admin may be framed by itself only; it frames the public site's origins (CORS_ORIGINS,
 *    for the preview of drafts) and nothing else.
 *  - Referrer-Policy no-referrer, X-Content-Type-Options nosniff (helmet's defaults), no X-Powered-By.
 * Strapi merges this configuration into its defaults with lodash `defaultsDeep`, which fills arrays by index
 * from its own lists (bringing back their hosts): the directives its defaults hold (connect-src, img-src,
 * media-src) are given as strings. The others stay arrays, so that Strapi's draft preview can add the
 * preview origin (admin.preview.config.allowedOrigins) to frame-src.
 */
import { mediaOrigins } from './uploads';

type Env = Record<string, string | undefined>;

const list = (value: string | undefined, fallback: string[]) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : fallback);

/** Whether the admin is served over TLS (directly or by the proxy in front of it). */
export function servedOverTls(env: Env = process.env): boolean {
  if (env.HSTS) return env.HSTS === 'true';
  return (env.PUBLIC_URL ?? '').startsWith('https://');
}

export function contentSecurityDirectives(env: Env = process.env): Record<string, string[] | null> {
  const media = mediaOrigins(env);
  const siteOrigins = list(env.CORS_ORIGINS, ['http://localhost:4321', 'http://127.0.0.1:4321']).map((o) => new URL(o).origin);
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'", ...media],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
    'frame-src': ["'self'", ...siteOrigins],
    'img-src': ["'self'", 'data:', 'blob:', ...media],
    'manifest-src': ["'self'"],
    'media-src': ["'self'", 'data:', 'blob:', ...media],
    'object-src': ["'none'"],
    // The built admin panel loads its scripts from files; no inline script, no eval.
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // The admin's styled-components insert <style> elements at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    'worker-src': ["'self'", 'blob:'],
    // Camel case: Strapi's own defaults name it so, and helmet refuses the same directive twice.
    upgradeInsecureRequests: servedOverTls(env) ? [] : null,
  };
}

/** Directives that Strapi's own defaults hold: given as strings so that its lists do not creep back in. */
const DIRECTIVES_IN_STRAPI_DEFAULTS = new Set(['connect-src', 'img-src', 'media-src']);

/** The `config` of `strapi::security` in config/middlewares.ts. */
export function securityMiddlewareConfig(env: Env = process.env) {
  const tls = servedOverTls(env);
  return {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: Object.fromEntries(Object.entries(contentSecurityDirectives(env)).map(([name, values]) => [name, values && DIRECTIVES_IN_STRAPI_DEFAULTS.has(name) ? values.join(' ') : values])),
    },
    hsts: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'sameorigin' },
    referrerPolicy: { policy: 'no-referrer' },
    noSniff: true,
    xPoweredBy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // Uploaded files are read by the site build and hot-linked by editors' tools from other origins.
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
  };
}
