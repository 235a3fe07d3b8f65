/**
 * Vietnam's public holidays as the CMS seeds them into its editable list (api::public-holiday) on first
 * start. Editors keep the list current in the admin (the Government fixes each year's Tết, swapped and
 * compensating days in the autumn before); deadlines read the list from the database, not from here.
 *
 * kinds:
 *  - holiday          a public holiday of the Labour Code 2019, art. 112 (1/1, 5 days of Tết, Giỗ Tổ Hùng Vương
 *                     10/3 lunar, 30/4, 1/5, 2/9 and one adjacent day), or a day of the Tết break as decreed;
 *  - day-off          a weekday off in compensation (a holiday on a weekend, art. 112(3)) or swapped with a
 *                     Saturday worked;
 *  - working-weekend  a Saturday or Sunday decreed a working day (the other side of a swap).
 *
 * Sources (checked November 2026):
 *  2025: Công văn 8726/VPCP-KGVX (2024) and Thông báo 6150/TB-BLĐTBXH (2024): Tết 25/01–02/02/2025;
 *        30/4–1/5: off 30/4–04/5, Friday 02/5 swapped with Saturday 26/4; Quốc khánh 30/8–02/9/2025.
 *  2026: Công văn 12729/VPCP-KGVX (25/12/2025): 1/1–4/1/2026, Friday 02/01 swapped with Saturday 10/01;
 *        Thủ tướng đồng ý phương án Bộ Nội vụ (10/2025): Tết 14/02–22/02/2026, Quốc khánh 29/8–02/9/2026 with
 *        Monday 31/8 swapped with Saturday 22/8; Giỗ Tổ 10/3 Bính Ngọ = Sunday 26/4 → compensating Monday 27/4.
 *  2027: no decree yet. Statutory days with compensating days by art. 112(3); lunar dates computed from new
 *        moons at UTC+7 (Tết Đinh Mùi = Saturday 06/02/2027, 10/3 Đinh Mùi = Friday 16/4/2027). Marked
 *        `provisional`: editors replace them with the Government's decision when it is published.
 * Not included: 24/11 "Ngày Văn hóa Việt Nam", announced as a paid holiday (Nghị quyết 80-NQ/TW) but, at the
 * time of writing, still awaiting the amendment of the Labour Code; add it in the admin once in force.
 */

export const PUBLIC_HOLIDAY_KIND_LABELS = {
  holiday: 'Ngày lễ, Tết',
  'day-off': 'Ngày nghỉ bù, nghỉ hoán đổi',
  'working-weekend': 'Ngày làm việc bù (thứ Bảy, Chủ nhật)',
} as const;
export type PublicHolidayKind = keyof typeof PUBLIC_HOLIDAY_KIND_LABELS;

export type PublicHoliday = { date: string; name: string; kind: PublicHolidayKind; provisional?: boolean };

const h = (date: string, name: string, kind: PublicHolidayKind = 'holiday', provisional = false): PublicHoliday => ({ date, name, kind, ...(provisional ? { provisional } : {}) });
const p = (date: string, name: string, kind: PublicHolidayKind = 'holiday') => h(date, name, kind, true);

export const VN_PUBLIC_HOLIDAYS: readonly PublicHoliday[] = [
  // 2025
  h('2025-01-01', 'Tết Dương lịch'),
  h('2025-01-27', 'Tết Nguyên đán Ất Tỵ'),
  h('2025-01-28', 'Tết Nguyên đán Ất Tỵ'),
  h('2025-01-29', 'Tết Nguyên đán Ất Tỵ (mùng 1)'),
  h('2025-01-30', 'Tết Nguyên đán Ất Tỵ'),
  h('2025-01-31', 'Tết Nguyên đán Ất Tỵ'),
  h('2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  h('2025-04-26', 'Làm việc bù cho thứ Sáu 02/5/2025', 'working-weekend'),
  h('2025-04-30', 'Ngày Chiến thắng (30/4)'),
  h('2025-05-01', 'Ngày Quốc tế Lao động (1/5)'),
  h('2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', 'day-off'),
  h('2025-09-01', 'Quốc khánh (ngày liền kề)'),
  h('2025-09-02', 'Quốc khánh (2/9)'),
  // 2026
  h('2026-01-01', 'Tết Dương lịch'),
  h('2026-01-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)', 'day-off'),
  h('2026-01-10', 'Làm việc bù cho thứ Sáu 02/01/2026', 'working-weekend'),
  h('2026-02-16', 'Tết Nguyên đán Bính Ngọ'),
  h('2026-02-17', 'Tết Nguyên đán Bính Ngọ (mùng 1)'),
  h('2026-02-18', 'Tết Nguyên đán Bính Ngọ'),
  h('2026-02-19', 'Tết Nguyên đán Bính Ngọ'),
  h('2026-02-20', 'Tết Nguyên đán Bính Ngọ'),
  h('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  h('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)', 'day-off'),
  h('2026-04-30', 'Ngày Chiến thắng (30/4)'),
  h('2026-05-01', 'Ngày Quốc tế Lao động (1/5)'),
  h('2026-08-22', 'Làm việc bù cho thứ Hai 31/8/2026', 'working-weekend'),
  h('2026-08-31', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)', 'day-off'),
  h('2026-09-01', 'Quốc khánh (ngày liền kề)'),
  h('2026-09-02', 'Quốc khánh (2/9)'),
  // 2027 (provisional until the Government decides)
  p('2027-01-01', 'Tết Dương lịch'),
  p('2027-02-05', 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)'),
  p('2027-02-06', 'Tết Nguyên đán Đinh Mùi (mùng 1)'),
  p('2027-02-07', 'Tết Nguyên đán Đinh Mùi'),
  p('2027-02-08', 'Tết Nguyên đán Đinh Mùi'),
  p('2027-02-09', 'Tết Nguyên đán Đinh Mùi'),
  p('2027-02-10', 'Nghỉ bù Tết (trùng thứ Bảy 06/02)', 'day-off'),
  p('2027-02-11', 'Nghỉ bù Tết (trùng Chủ nhật 07/02)', 'day-off'),
  p('2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  p('2027-04-30', 'Ngày Chiến thắng (30/4)'),
  p('2027-05-01', 'Ngày Quốc tế Lao động (1/5)'),
  p('2027-05-03', 'Nghỉ bù Quốc tế Lao động (trùng thứ Bảy)', 'day-off'),
  p('2027-09-02', 'Quốc khánh (2/9)'),
  p('2027-09-03', 'Quốc khánh (ngày liền kề)'),
];

/** The working-day calendar of a list of holidays (rows of the CMS type or the list above). */
export function workCalendarOf(rows: ReadonlyArray<{ date: string; kind?: string | null }>) {
  const daysOff: string[] = [];
  const workingWeekends: string[] = [];
  for (const row of rows) {
    const date = String(row.date).slice(0, 10);
    if (row.kind === 'working-weekend') workingWeekends.push(date);
    else daysOff.push(date);
  }
  return { daysOff, workingWeekends };
}
