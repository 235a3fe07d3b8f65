/**
 * Public intake endpoints (no authentication; the generic create routes of the inboxes stay closed):
 *   GET  /api/intake/challenge           a proof-of-work challenge for a form
 *   POST /api/citizen-questions/submit   a citizen's question   → 201 { trackingCode }
 *   POST /api/citizen-questions/status   code + phone or email  → 200 { state, label, answerUrl }
 *   POST /api/information-requests/submit  a request under the Law on Access to Information → 201 { trackingCode, deadline }
 *   POST /api/information-requests/status  code + phone or email → 200 { state, label, noticeDue, deadline }
 *   POST /api/press-requests/submit      a journalist's request → 201 { trackingCode, spokesperson }
 *   POST /api/page-feedback/submit       "Trang này có hữu ích không?" → 201 (nothing personal stored)
 *   GET  /api/intake/policy              retention and rate-limit settings, for the site's privacy notice
 * Every refusal is a 4xx with a Vietnamese message naming the field; nothing is stored unless all is valid.
 */
import type { Core } from '@strapi/strapi';
import { newChallenge } from '../../../intake/challenge';
import { informationRequestStatus, submitInformationRequest } from '../../../intake/information-request';
import { limited, refuse } from '../../../intake/http';
import { questionStatus, submitPressRequest, submitQuestion, type Outcome } from '../../../intake/service';
import { intakeSettings } from '../../../intake/settings';
import { intakeStores } from '../../../intake/stores';
import { submitPageFeedback } from '../../../intake/feedback';

const settings = intakeSettings();
const getStores = () => intakeStores(settings);


function tooLarge(ctx: any): boolean {
  const length = Number(ctx.request.length ?? ctx.get('content-length') ?? 0);
  if (length > settings.maxBody) {
    refuse(ctx, 413, `Nội dung gửi quá lớn (tối đa ${Math.round(settings.maxBody / 1024)} KB).`);
    return true;
  }
  return false;
}

function send<T>(ctx: any, outcome: Outcome<T>) {
  if (outcome.ok) {
    ctx.status = outcome.status;
    ctx.body = { data: outcome.data };
  } else refuse(ctx, outcome.status, outcome.message, outcome.errors);
  ctx.set('Cache-Control', 'no-store');
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async challenge(ctx: any) {
    if (await limited(ctx, 'challenge', settings.challengeLimit)) return;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await newChallenge(settings);
  },

  async submitQuestion(ctx: any) {
    if (tooLarge(ctx) || (await limited(ctx, 'submit', settings.submitLimit))) return;
    send(ctx, await submitQuestion(strapi, ctx.request.body, settings, getStores()));
  },

  async questionStatus(ctx: any) {
    if (tooLarge(ctx) || (await limited(ctx, 'lookup', settings.lookupLimit))) return;
    send(ctx, await questionStatus(strapi, ctx.request.body));
  },

  async submitInformationRequest(ctx: any) {
    if (tooLarge(ctx) || (await limited(ctx, 'submit', settings.submitLimit))) return;
    send(ctx, await submitInformationRequest(strapi, ctx.request.body, settings, getStores()));
  },

  async informationRequestStatus(ctx: any) {
    if (tooLarge(ctx) || (await limited(ctx, 'lookup', settings.lookupLimit))) return;
    send(ctx, await informationRequestStatus(strapi, ctx.request.body));
  },

  async submitPressRequest(ctx: any) {
    if (tooLarge(ctx) || (await limited(ctx, 'submit', settings.submitLimit))) return;
    send(ctx, await submitPressRequest(strapi, ctx.request.body, settings, getStores()));
  },

  async submitPageFeedback(ctx: any) {
    if (tooLarge(ctx) || (await limited(ctx, 'feedback', settings.feedbackLimit))) return;
    send(ctx, await submitPageFeedback(strapi, ctx.request.body, settings, getStores()));
  },

  /** What the privacy notice (/bao-ve-du-lieu-ca-nhan/) tells readers: the real retention and rate-limit settings. */
  async policy(ctx: any) {
    ctx.body = {
      data: {
        retentionDays: settings.retentionDays,
        feedbackRetentionDays: settings.feedbackRetentionDays,
        rateLimitMinutes: Math.ceil(Math.max(settings.submitLimit.duration, settings.feedbackLimit.duration, settings.lookupLimit.duration) / 60),
        pressResponseWorkingDays: settings.pressResponseWorkingDays,
      },
    };
  },
});
