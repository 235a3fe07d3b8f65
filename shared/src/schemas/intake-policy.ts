import { z } from 'zod';

/**
 * The CMS's real retention and rate-limit settings (GET /api/intake/policy, from cms/src/intake/settings.ts),
 * which the site's privacy notice states: what it says is what the CMS does.
 */
export const intakePolicySchema = z.object({
  /** Personal data of closed questions and requests is erased this many days after closing. */
  retentionDays: z.number().int().min(0),
  /** Page feedback (nothing personal) is deleted after this many days; 0: kept. */
  feedbackRetentionDays: z.number().int().min(0),
  /** The longest window during which a sender's network address is held in memory to count submissions. */
  rateLimitMinutes: z.number().int().min(0),
  pressResponseWorkingDays: z.number().int().min(0),
});
export type IntakePolicy = z.infer<typeof intakePolicySchema>;
