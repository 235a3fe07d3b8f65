/**
 * Content-Security-Policy of the public site, with no 'unsafe-inline'.
 *
 * What the built pages need (checked on the demo build, Astro 7.3): every page carries two inline scripts
 * (Astro's island loader and our `client:focus` directive), pages with a form one or two more, and an inline
 * `<style>` (astro-island{display:contents}); no style attributes, no inline event handlers, no image or
 * script from another host. The search runs Pagefind's WebAssembly ('wasm-unsafe-eval') in a worker loaded
 * from /pagefind/ ('self'); the forms fetch the CMS (connect-src). So the policy allows 'self' plus the
 * sha256 hashes of the inline scripts and styles, computed here from the HTML being served (a page's own
 * hashes) or over the whole built folder (one policy for a web server such as nginx):
 *   node site/publisher/csp.ts site/dist           → prints the policy for the whole folder
 *   node site/publisher/csp.ts --nginx site/dist   → prints nginx's include file of every security header
 *                                                    (site/deploy/nginx.conf includes it)
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type InlineHashes = { scripts: Set<string>; styles: Set<string> };

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The CSP source expressions ('sha256-…') of the inline <script> (without src, JavaScript only) and <style> elements of a page. */
export function inlineHashes(html: string, into: InlineHashes = { scripts: new Set(), styles: new Set() }): InlineHashes {
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    // JSON data blocks (application/json, ld+json) are not executed: CSP does not apply to them.
    if (type && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
    into.scripts.add(sha256(m[2] ?? ''));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) into.styles.add(sha256(m[1] ?? ''));
  return into;
}

/**
 * The headers every response of the public site carries besides its Content-Security-Policy. HSTS is sent
 * on plain HTTP too: browsers ignore it there (RFC 6797 §8.1), and behind TLS it is what production needs.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export type CspOptions = {
  /** Origins the browser may fetch besides the site (the CMS, for the forms). */
  connect?: string[];
};

/** The policy for a response; `hashes` are the page's inline scripts and styles (none for non-HTML files). */
export function contentSecurityPolicy(hashes: InlineHashes | null, options: CspOptions = {}): string {
  const scripts = [...(hashes?.scripts ?? [])].sort();
  const styles = [...(hashes?.styles ?? [])].sort();
  const connect = [...new Set(options.connect ?? [])];
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scripts].join(' '),
    ["style-src 'self'", ...styles].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...connect].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Origin of a URL ("http://localhost:1337/x" → "http://localhost:1337"); null when it is not one. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The union of the inline hashes of every HTML file under `dir` (for a server that sends one policy for all pages). */
export function folderHashes(dir: string): InlineHashes {
  const into: InlineHashes = { scripts: new Set(), styles: new Set() };
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    if (String(rel).endsWith('.html')) inlineHashes(fs.readFileSync(path.join(dir, String(rel)), 'utf8'), into);
  }
  return into;
}

/** nginx's include file: every security header and the one policy of the whole built folder, sent on every response ("always"). */
export function nginxSecurityHeaders(hashes: InlineHashes, options: CspOptions = {}): string {
  const name = (h: string) => h.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
  const headers: Record<string, string> = { 'content-security-policy': contentSecurityPolicy(hashes, options), ...SECURITY_HEADERS };
  return [
    '# Generated by `node site/publisher/csp.ts --nginx <built site>`: re-run after deploying a new site version',
    '# (the hashes of the inline scripts change only when Astro or our client directive changes).',
    ...Object.entries(headers).map(([h, v]) => `add_header ${name(h)} "${v}" always;`),
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const nginx = args.includes('--nginx');
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(import.meta.dirname, '..', 'dist'));
  const cms = originOf(process.env.PUBLIC_CMS_URL ?? 'http://localhost:1337');
  const options = { connect: cms ? [cms] : [] };
  process.stdout.write(nginx ? nginxSecurityHeaders(folderHashes(dir), options) : contentSecurityPolicy(folderHashes(dir), options) + '\n');
}
