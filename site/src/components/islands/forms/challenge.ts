/**
 * The proof of work against spam (ALTCHA v2, PBKDF2), done in the browser with Web Crypto: fetch a
 * challenge from the CMS (GET /api/intake/challenge), find the number it hides, and hand the form the
 * base64 JSON { challenge, solution } it sends as `altcha`. Nothing is fetched from any other host.
 * The solver (altcha-lib) is a chunk of its own, loaded by `prove()`: only once the person starts filling
 * the form (useProof's first focus or input), at the same time as the challenge.
 */
import type { Challenge } from 'altcha-lib';
import { CONNECTION_PROBLEM, readAnswer } from './form-logic.ts';

/** The solver's code, fetched once, beside the challenge. */
const loadSolver = () => Promise.all([import('altcha-lib'), import('altcha-lib/algorithms/web/pbkdf2')]).then(([lib, pbkdf2]) => ({ solveChallenge: lib.solveChallenge, deriveKey: pbkdf2.deriveKey }));

export type Proof = { payload: string; expiresAt: number | undefined };

/** A failure whose message can be shown to the person as it is (Vietnamese). */
export class ChallengeError extends Error {}

/** base64 of the UTF-8 JSON, as the server decodes it (Buffer.from(payload, 'base64')). */
export function encodeProof(challenge: unknown, solution: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ challenge, solution }));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** A proof still good for a minute or more (challenges expire; a spent one is refused anyway). */
export function stillValid(proof: Proof, now = Date.now()): boolean {
  return proof.expiresAt === undefined || proof.expiresAt * 1000 - now > 60_000;
}

export async function prove(cmsUrl: string): Promise<Proof> {
  if (!globalThis.crypto?.subtle) {
    throw new ChallengeError('Trình duyệt này không thực hiện được bước xác minh chống thư rác (cần kết nối an toàn HTTPS và trình duyệt còn được cập nhật). Bạn có thể gửi qua thư, điện thoại hoặc thư điện tử ở cuối trang.');
  }
  const solver = loadSolver();
  // A failed load is reported with the challenge's own error (or as a connection problem), never unhandled.
  solver.catch(() => {});
  let res: Response;
  try {
    res = await fetch(`${cmsUrl}/api/intake/challenge`, { headers: { accept: 'application/json' }, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ChallengeError(CONNECTION_PROBLEM);
  }
  if (!res.ok) {
    // 429: too many challenges from this address; the CMS says how long to wait.
    const answer = await readAnswer(res);
    throw new ChallengeError(answer.ok ? CONNECTION_PROBLEM : answer.message);
  }
  const challenge = (await res.json()) as Challenge;
  let solve: Awaited<ReturnType<typeof loadSolver>>;
  try {
    solve = await solver;
  } catch {
    throw new ChallengeError(CONNECTION_PROBLEM);
  }
  const solution = await solve.solveChallenge({ challenge, deriveKey: solve.deriveKey, timeout: 120_000 });
  if (!solution) throw new ChallengeError('Xác minh chống thư rác: chưa hoàn tất, vui lòng gửi lại.');
  return { payload: encodeProof(challenge, solution), expiresAt: challenge.parameters.expiresAt };
}

