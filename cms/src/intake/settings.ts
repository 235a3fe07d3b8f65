/**
 * Intake settings from the environment, with defaults that work on one machine.
 *  INTAKE_SUBMIT_LIMIT   submissions per address and window, "5/600" = 5 per 600 s
 *  INTAKE_LOOKUP_LIMIT   status look-ups per address and window, "20/600"
 *  INTAKE_POW_COST       PBKDF2 iterations per attempt of the proof of work (default 200)
 *  INTAKE_POW_MAX        upper bound of the secret counter the browser must find (default 3000)
 *  INTAKE_HMAC_SECRET    signs challenges (default: derived from APP_KEYS)
 *  INTAKE_MAX_BODY       largest request body in bytes (default 32768)
 *  PRESS_RESPONSE_WORKING_DAYS  default deadline of a press request, in working days (default 5)
 *  INTAKE_FEEDBACK_LIMIT "Trang này có hữu ích không?" answers per address and window, "20/600"
 *  RETENTION_DAYS        personal data of closed inbox items is erased that many days after closing (default 90)
 *  FEEDBACK_RETENTION_DAYS  page feedback (no personal data) is deleted after that many days (default 730)
 *  REDIS_URL             when set, counters and spent challenges live in Redis (several instances)
 */
import { createHash } from 'node:crypto';

const pair = (value: string | undefined, fallback: [number, number]): { points: number; duration: number } => {
  const m = /^(\d+)\/(\d+)$/.exec(value ?? '');
  return m ? { points: Number(m[1]), duration: Number(m[2]) } : { points: fallback[0], duration: fallback[1] };
};

export function intakeSettings(env = process.env) {
  const secret = env.INTAKE_HMAC_SECRET || createHash('sha256').update(`intake:${env.APP_KEYS ?? 'dev'}`).digest('hex');
  return {
    submitLimit: pair(env.INTAKE_SUBMIT_LIMIT, [5, 600]),
    lookupLimit: pair(env.INTAKE_LOOKUP_LIMIT, [20, 600]),
    challengeLimit: pair(env.INTAKE_CHALLENGE_LIMIT, [60, 600]),
    feedbackLimit: pair(env.INTAKE_FEEDBACK_LIMIT, [20, 600]),
    powCost: Number(env.INTAKE_POW_COST ?? 200),
    powMax: Number(env.INTAKE_POW_MAX ?? 3000),
    challengeTtlSeconds: 20 * 60,
    hmacSecret: secret,
    maxBody: Number(env.INTAKE_MAX_BODY ?? 32 * 1024),
    pressResponseWorkingDays: Number(env.PRESS_RESPONSE_WORKING_DAYS ?? 5),
    retentionDays: Number(env.RETENTION_DAYS ?? 90),
    feedbackRetentionDays: Number(env.FEEDBACK_RETENTION_DAYS ?? 730),
    redisUrl: env.REDIS_URL || '',
    redisPrefix: env.REDIS_PREFIX || 'thads:',
  };
}
export type IntakeSettings = ReturnType<typeof intakeSettings>;
