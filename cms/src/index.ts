import type { Core } from '@strapi/strapi';
import { scheduleTimedRebuilds } from './publishing/timed-rebuilds';
import { toNFC } from '@thads/shared';
import { slugMiddleware } from './publishing/slugs';
import { syncPublicPermissions } from './bootstrap/public-permissions';
import { ensureLocales } from './bootstrap/locales';
import { linkUpgradedDistricts } from './bootstrap/district-upgrade';
import { syncEditorialRoles } from './bootstrap/editorial-roles';
import { applyFieldLabels } from './bootstrap/field-labels';
import { ensurePublisherWebhook, registerPublisherAdminRoutes } from './bootstrap/publisher-webhook';
import { ensureDemoUsers, printDemoCredentials } from './bootstrap/demo-users';
import { ensurePublicHolidays, registerInformationRequests } from './information-requests';
import { isContentEmpty, seedDemo } from './seed';
import { closeIntakeStores } from './intake/stores';
import { registerInboxAdminRoutes } from './intake/admin-routes';
import { eraseExpired, markQuestionPublished } from './intake/editorial';
import { registerDebtorListings } from './debtors';
import { registerReports } from './reports';
import { registerPageFeedback } from './intake/feedback';
import { intakeSettings } from './intake/settings';
import { registerMediaRules } from './media';
import { registerEnforcementStatRules } from './api/enforcement-stat/rules';
import { registerHistory } from './history';
import { reconcileLegalBasis, registerReview } from './review';
import { registerPressMonitoring, schedulePressImport } from './press-monitoring';

import { registerNoticeRules } from './notices/rules';
import { registerCurrentEntries } from './bootstrap/current-entries';
import { releaseGuard } from './security/release-guard';
import { bootstrapAlerts, destroyAlerts, registerAlerts } from './alerts';

/** NFC-normalises every string in a document's data (Vietnamese typed on some systems arrives decomposed). */
function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return toNFC(value);
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeStrings(v)]));
  }
  return value;
}

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Drafts and embargoed entries only for callers Strapi authenticated to read them (every read, every route).
    strapi.documents.use(releaseGuard(strapi) as any);
    strapi.documents.use(async (context: any, next: () => Promise<any>) => {
      if ((context.action === 'create' || context.action === 'update') && context.uid.startsWith('api::') && context.params?.data) {
        context.params.data = normalizeStrings(context.params.data) as Record<string, any>;
      }
      const result = await next();
      if (context.uid === 'api::legal-qa.legal-qa' && context.action === 'publish' && context.params?.documentId) {
        await markQuestionPublished(strapi, context.params.documentId);
      }
      return result;
    });
    // Addresses from titles: a draft's slug follows its title until first publication (publishing/slugs.ts).
    strapi.documents.use(slugMiddleware(strapi) as any);
    registerInboxAdminRoutes(strapi);
    registerCurrentEntries(strapi);
    registerPublisherAdminRoutes(strapi);
    registerInformationRequests(strapi);
    registerDebtorListings(strapi);
    registerMediaRules(strapi);
    registerReports(strapi);
    registerEnforcementStatRules(strapi);
    registerNoticeRules(strapi);
    registerHistory(strapi);
    registerPageFeedback(strapi, intakeSettings());
    registerReview(strapi);
    registerPressMonitoring(strapi);
    registerAlerts(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Vietnamese is the default content locale (Strapi's is English), before anything reads or seeds content.
    await ensureLocales(strapi);
    // After an upgrade from districts as an enumeration: auction notices linked to the district type.
    await linkUpgradedDistricts(strapi);
    await syncPublicPermissions(strapi);
    await syncEditorialRoles(strapi);
    await applyFieldLabels(strapi);
    // Vietnam's public holidays 2025–2027 on first start (deadlines in working days); editors keep the list after.
    await ensurePublicHolidays(strapi);

    const production = process.env.NODE_ENV === 'production';
    const autoSeed = process.env.SEED_ON_EMPTY ? process.env.SEED_ON_EMPTY === 'true' : !production;
    if (autoSeed && (await isContentEmpty(strapi))) {
      strapi.log.info('Cơ sở dữ liệu trống: đang nạp nội dung mẫu…');
      const started = Date.now();
      await seedDemo(strapi, { log: (m) => strapi.log.info(m) });
      strapi.log.info(`Đã nạp nội dung mẫu trong ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
    // After the seed, so that loading the demo content does not send hundreds of events to the publisher.
    await ensurePublisherWebhook(strapi);
    scheduleTimedRebuilds(strapi);
    await reconcileLegalBasis(strapi);
    // Clippings from the active outlets' feeds every PRESS_IMPORT_MINUTES (default 60; off in tests unless set).
    schedulePressImport(strapi);
    // Personal data of closed inbox items is erased after RETENTION_DAYS (default 90), every night at 03:00.
    const { retentionDays } = intakeSettings();
    if (retentionDays > 0) {
      strapi.cron.add({
        eraseExpiredPersonalData: {
          task: async () => {
            const n = await eraseExpired(strapi, retentionDays);
            if (n) strapi.log.info(`Đã xoá dữ liệu cá nhân của ${n} mục hết thời hạn lưu trữ (${retentionDays} ngày).`);
          },
          options: { rule: '0 3 * * *', tz: 'Asia/Ho_Chi_Minh' },
        },
      });
    }

    // Email alerts: publishes from here on are mailed to subscribers (src/alerts).
    await bootstrapAlerts(strapi);

    const demoUsers = process.env.DEMO_USERS ? process.env.DEMO_USERS === 'true' : !production;
    if (demoUsers) {
      await ensureDemoUsers(strapi);
      printDemoCredentials(strapi);
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await destroyAlerts(strapi);
    await closeIntakeStores();
  },
};
