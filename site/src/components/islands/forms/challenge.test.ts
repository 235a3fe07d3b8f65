import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { ChallengeError, encodeProof, prove, stillValid } from './challenge.ts';

const SECRET = 'test-secret';
const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));

afterEach(() => vi.unstubAllGlobals());

describe('encodeProof', () => {
  it('is base64 of the UTF-8 JSON the server decodes', () => {
    expect(decode(encodeProof({ a: 'ư' }, { counter: 3 }))).toEqual({ challenge: { a: 'ư' }, solution: { counter: 3 } });
  });
});

describe('prove', () => {
  it('solves a challenge of the CMS so that the CMS verifies it', async () => {
    const challenge = await createChallenge({ algorithm: 'PBKDF2/SHA-256', cost: 10, counter: 40, deriveKey, expiresAt: new Date(Date.now() + 600_000), hmacSignatureSecret: SECRET });
    const fetch = vi.fn(async () => new Response(JSON.stringify(challenge), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const proof = await prove('http://cms.test');
    expect(fetch).toHaveBeenCalledWith('http://cms.test/api/intake/challenge', expect.anything());
    const sent = decode(proof.payload);
    expect((await verifySolution({ challenge: sent.challenge, solution: sent.solution, deriveKey, hmacSignatureSecret: SECRET })).verified).toBe(true);
    expect(stillValid(proof)).toBe(true);
  });

  it('fails with the CMS’s message when it refuses a challenge (rate limit)', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ data: null, error: { status: 429, message: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau 10 phút.', details: { errors: [] } } }), { status: 429 }));
    await expect(prove('http://cms.test')).rejects.toEqual(new ChallengeError('Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau 10 phút.'));
  });

  it('fails with a Vietnamese message when the CMS cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(prove('http://cms.test')).rejects.toThrow(/Không kết nối được/);
  });
});

describe('stillValid', () => {
  it('wants a proof good for at least another minute', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(stillValid({ payload: '', expiresAt: now / 1000 + 120 }, now)).toBe(true);
    expect(stillValid({ payload: '', expiresAt: now / 1000 + 30 }, now)).toBe(false);
    expect(stillValid({ payload: '', expiresAt: undefined }, now)).toBe(true);
  });
});
