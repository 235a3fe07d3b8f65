/**
 * Demo information requests (invented people and data, cms/data/demo/information-requests.json): received a few working days before the day of
 * seeding, so that the admin list shows one on time, one complex request in progress, one overdue and one
 * answered. Matched on the tracking code: seeding again creates nothing.
 */
import type { Core } from '@strapi/strapi';
import { INFORMATION_CONSENT_TEXT, addWorkingDays, todayVn, type SeedInformationRequest, type WorkCalendar } from '@thads/shared';
import { INFORMATION_REQUEST } from './index';
import { workCalendar } from './calendar';

/** The day `days` working days before `to` (so that addWorkingDays(result, days) is `to` or the day before it). */
function workingDaysBefore(to: string, days: number, calendar: WorkCalendar): string {
  const date = new Date(`${to}T00:00:00Z`);
  for (;;) {
    date.setUTCDate(date.getUTCDate() - 1);
    const day = date.toISOString().slice(0, 10);
    if (addWorkingDays(day, days, calendar) <= to) return day;
  }
}


export async function seedInformationRequests(strapi: Core.Strapi, demo: readonly SeedInformationRequest[]): Promise<Record<string, { created: number; existing: number }>> {
  const report = { created: 0, existing: 0 };
  const today = todayVn();
  const calendar = await workCalendar(strapi);
  for (const item of demo) {
    if (await strapi.db.query(INFORMATION_REQUEST as any).findOne({ where: { trackingCode: item.trackingCode }, select: ['id'] })) {
      report.existing++;
      continue;
    }
    const { daysAgo, noticeSent, response, ...fields } = item;
    const receivedOn = workingDaysBefore(today, daysAgo, calendar);
    await strapi.documents(INFORMATION_REQUEST as any).create({
      data: {
        ...fields,
        receivedOn,
        consentAt: `${receivedOn}T02:30:00.000Z`,
        consentText: INFORMATION_CONSENT_TEXT,
        noticeSentOn: noticeSent ? addWorkingDays(receivedOn, 2, calendar) : null,
        response: response ?? null,
        respondedOn: item.state === 'answered' ? addWorkingDays(receivedOn, 3, calendar) : null,
      },
    } as any);
    report.created++;
  }
  return { [INFORMATION_REQUEST]: report };
}
