/**
 * A self-hosted proof of work (ALTCHA, PBKDF2): the browser spends about a second finding a number the
 * server signed; a robot sending thousands of forms must spend that for each. Nothing leaves our servers.
 */
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { IntakeSettings } from './settings';

export async function newChallenge(settings: IntakeSettings): Promise<Challenge> {
  return createChallenge({
    algorithm: 'PBKDF2/SHA-256',
    cost: settings.powCost,
    counter: randomInt(Math.floor(settings.powMax / 2), settings.powMax),
    deriveKey,
    expiresAt: new Date(Date.now() + settings.challengeTtlSeconds * 1000),
    hmacSignatureSecret: settings.hmacSecret,
  });
}

export type ChallengeCheck = { ok: true; id: string } | { ok: false; message: string };

/** Checks a base64 JSON payload { challenge, solution } from the browser. */
export async function checkSolution(payload: string, settings: IntakeSettings): Promise<ChallengeCheck> {
  let parsed: any;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return { ok: false, message: 'Xác minh chống thư rác: không hợp lệ, vui lòng tải lại trang và gửi lại.' };
  }
  if (!parsed?.challenge?.parameters || !parsed?.solution || typeof parsed.challenge.signature !== 'string') {
    return { ok: false, message: 'Xác minh chống thư rác: không hợp lệ, vui lòng tải lại trang và gửi lại.' };
  }
  try {
    const result = await verifySolution({ challenge: parsed.challenge, solution: parsed.solution, deriveKey, hmacSignatureSecret: settings.hmacSecret });
    if (result.expired) return { ok: false, message: 'Xác minh chống thư rác: đã hết hạn, vui lòng gửi lại.' };
    if (!result.verified) return { ok: false, message: 'Xác minh chống thư rác: không hợp lệ, vui lòng tải lại trang và gửi lại.' };
  } catch {
    return { ok: false, message: 'Xác minh chống thư rác: không hợp lệ, vui lòng tải lại trang và gửi lại.' };
  }
  return { ok: true, id: parsed.challenge.signature };
}
