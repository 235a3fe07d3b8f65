/**
 * The working-day calendar of deadlines, read from the editable list of public holidays
 * (api::public-holiday) at each computation: an editor's change applies to the next deadline computed,
 * on every instance, with no cache to invalidate (the list holds a few dozen rows).
 */
import type { Core } from '@strapi/strapi';
import { VN_PUBLIC_HOLIDAYS, workCalendarOf, type WorkCalendar } from '@thads/shared';

export const HOLIDAY = 'api::public-holiday.public-holiday';

/** Days off and weekend days worked from `from` (a "YYYY-MM-DD" date) on. */
export async function workCalendar(strapi: Core.Strapi, from?: string): Promise<WorkCalendar> {
  const rows = await strapi.db.query(HOLIDAY as any).findMany({ where: from ? { date: { $gte: from } } : {}, select: ['date', 'kind'] });
  return workCalendarOf(rows as Array<{ date: string; kind: string }>);
}

const SOURCE: Record<string, string> = {
  '2025': 'Bộ luật Lao động 2019, điều 112; Công văn 8726/VPCP-KGVX, Thông báo 6150/TB-BLĐTBXH (2024).',
  '2026': 'Bộ luật Lao động 2019, điều 112; Công văn 12729/VPCP-KGVX (25/12/2025); phương án nghỉ Tết và Quốc khánh 2026 được Thủ tướng đồng ý (10/2025).',
  '2027': 'Dự kiến theo Bộ luật Lao động 2019, điều 112 (ngày âm lịch tính theo giờ Việt Nam): cập nhật khi Chính phủ công bố lịch nghỉ.',
};

/**
 * On first start (the list is empty), loads Vietnam's public holidays of 2025–2027 (shared/src/calendar/
 * public-holidays.ts). Never again afterwards: the list is the editors' from then on.
 */
export async function ensurePublicHolidays(strapi: Core.Strapi): Promise<number> {
  if ((await strapi.db.query(HOLIDAY as any).count()) > 0) return 0;
  for (const h of VN_PUBLIC_HOLIDAYS) {
    await strapi.documents(HOLIDAY as any).create({ data: { date: h.date, name: h.name, kind: h.kind, provisional: Boolean(h.provisional), source: SOURCE[h.date.slice(0, 4)] ?? null } } as any);
  }
  return VN_PUBLIC_HOLIDAYS.length;
}
