import { describe, expect, it } from 'vitest';
import { previewLink, verifyPreviewQuery } from './preview-link.ts';

const secret = 'bi-mat-chung';
const entry = { type: 'articles', id: 'abcdefghij0123456789abcd' };
const query = (link: string) => Object.fromEntries(new URL(link).searchParams);

describe('preview links', () => {
  it('accepts a fresh link signed with the shared secret', async () => {
    const link = await previewLink('http://localhost:4321/', entry, secret);
    expect(link.startsWith('http://localhost:4321/_preview/open?')).toBe(true);
    const check = await verifyPreviewQuery(query(link), secret);
    expect(check).toMatchObject({ ok: true, ticket: entry });
  });
  it('refuses another secret, a changed entry and an expired link', async () => {
    const link = await previewLink('http://x', entry, secret);
    expect(await verifyPreviewQuery(query(link), 'khac')).toMatchObject({ ok: false, status: 403 });
    expect(await verifyPreviewQuery({ ...query(link), id: 'zzzzzzzzzz0123456789abcd' }, secret)).toMatchObject({ ok: false, status: 403 });
    const old = await previewLink('http://x', entry, secret, Date.now() - 3 * 3600_000);
    expect(await verifyPreviewQuery(query(old), secret)).toMatchObject({ ok: false, status: 410, message: expect.stringContaining('hết hạn') });
  });
  it('refuses malformed input with a Vietnamese message', async () => {
    const check = await verifyPreviewQuery({ type: '../etc', id: 'x', iat: 'a', exp: '1', sig: 'no' }, secret);
    expect(check).toMatchObject({ ok: false, status: 400 });
    if (!check.ok) expect(check.message).toMatch(/không hợp lệ/);
  });
});
