import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS, contentSecurityPolicy, inlineHashes, nginxSecurityHeaders } from './csp.ts';

const h = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('inlineHashes', () => {
  it('hashes inline scripts and styles, not external or data scripts', () => {
    const html = '<style>a{b:c}</style><script>x()</script><script type="module">y()</script><script src="/a.js"></script><script type="application/ld+json">{"a":1}</script>';
    const { scripts, styles } = inlineHashes(html);
    expect([...scripts].sort()).toEqual([h('x()'), h('y()')].sort());
    expect([...styles]).toEqual([h('a{b:c}')]);
    const csp = contentSecurityPolicy({ scripts, styles });
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('nginx serving config (site/deploy/nginx.conf)', () => {
  const snippet = nginxSecurityHeaders(inlineHashes('<script>x()</script><style>a{b:c}</style>'), { connect: ['https://cms.example'] });
  const lines = snippet.split('\n').filter((l) => l.startsWith('add_header'));

  it('gets every security header of the publisher, HSTS included, and the policy with the hashes, from one generated file', () => {
    const sent = new Map(lines.map((l) => {
      const m = /^add_header ([\w-]+) "([^"]*)" always;$/.exec(l);
      expect(m, l).not.toBeNull();
      return [m![1]!.toLowerCase(), m![2]!] as const;
    }));
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(sent.get(name), name).toBe(value);
    expect(sent.get('strict-transport-security')).toMatch(/max-age=\d{8,}/);
    const csp = sent.get('content-security-policy')!;
    expect(csp).toContain(h('x()'));
    expect(csp).toContain(h('a{b:c}'));
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('connect-src \'self\' https://cms.example');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('includes that file at the server level and again in every location that sets headers of its own', () => {
    const conf = fs.readFileSync(path.resolve(import.meta.dirname, '../deploy/nginx.conf'), 'utf8').replace(/#.*$/gm, '');
    const include = 'include /etc/nginx/snippets/thads-security-headers.conf;';
    const server = conf.slice(conf.indexOf('server {'));
    const beforeLocations = server.slice(0, server.indexOf('location'));
    expect(beforeLocations).toContain(include);
    const locations = [...server.matchAll(/location [^{]+\{([^}]*)\}/g)];
    expect(locations.length).toBeGreaterThan(3);
    for (const [whole, body] of locations) if (body!.includes('add_header')) expect(body, whole.split('{')[0]).toContain(include);
    // The security headers are written nowhere else: only the generated file holds them.
    for (const name of ['Content-Security-Policy', ...Object.keys(SECURITY_HEADERS)]) expect(conf.toLowerCase()).not.toContain(`add_header ${name.toLowerCase()}`);
  });
});
