import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineHashes } from './csp.ts';

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
