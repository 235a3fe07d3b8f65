/**
 * Demo information requests (invented people and data): received a few working days before the day of
 * seeding, so that the admin list shows one on time, one complex request in progress, one overdue and one
 * answered. Matched on the tracking code: seeding again creates nothing.
 */
import type { Core } from '@strapi/strapi';
import { INFORMATION_CONSENT_TEXT, addWorkingDays, todayVn, type WorkCalendar } from '@thads/shared';
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

const DEMO = [
  {
    trackingCode: 'YC-MAU2-K7PQ',
    fullName: 'Nguyễn Văn Hùng',
    address: 'Thôn Đông Kết, xã Khoái Châu, tỉnh Hưng Yên',
    idNumber: '033085004512',
    phone: '0912458731',
    email: null,
    information: 'Quyết định thi hành án số 215/QĐ-THADS đối với bản án dân sự phúc thẩm số 48/2026/DS-PT mà tôi là người được thi hành án.',
    purpose: 'Để theo dõi việc thi hành án của gia đình.',
    delivery: 'post',
    state: 'received',
    daysAgo: 2,
  },
  {
    trackingCode: 'YC-MAU3-R4WX',
    fullName: 'Trần Thị Mai',
    address: 'Số 12 phố Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên',
    idNumber: '033190007781',
    phone: null,
    email: 'tranmai.hy@example.com',
    information: 'Số liệu thi hành án dân sự về việc và về tiền của các Phòng Thi hành án dân sự khu vực năm 2025, theo từng đơn vị.',
    purpose: 'Phục vụ luận văn thạc sĩ luật về thi hành án dân sự.',
    delivery: 'email',
    state: 'processing',
    complex: true,
    noticeSent: true,
    daysAgo: 6,
  },
  {
    trackingCode: 'YC-MAU4-B8NZ',
    fullName: 'Lê Quang Thắng',
    address: 'Xóm 3, xã Tiên Lữ, tỉnh Hưng Yên',
    idNumber: '033078003349',
    phone: '0987120456',
    email: null,
    information: 'Biên bản xác minh điều kiện thi hành án lần gần nhất trong vụ việc tôi là người phải thi hành án (Quyết định thi hành án số 97/QĐ-THADS).',
    purpose: 'Để chuẩn bị hồ sơ đề nghị xét miễn, giảm nghĩa vụ thi hành án.',
    delivery: 'in-person',
    state: 'received',
    daysAgo: 8,
  },
  {
    trackingCode: 'YC-MAU5-H3TD',
    fullName: 'Phạm Thu Hà',
    address: 'Khu phố 5, phường Mỹ Hào, tỉnh Hưng Yên',
    idNumber: '033195001268',
    phone: '0904336712',
    email: 'phamthuha@example.com',
    information: 'Thông báo bán đấu giá tài sản kê biên và kết quả đấu giá quyền sử dụng đất tại thửa số 214, tờ bản đồ số 9, phường Mỹ Hào.',
    purpose: 'Để tìm hiểu thủ tục tham gia đấu giá.',
    delivery: 'email',
    state: 'answered',
    daysAgo: 12,
    response: 'Đã gửi bản sao thông báo bán đấu giá và biên bản kết quả đấu giá qua thư điện tử.',
  },
] as const;

export async function seedInformationRequests(strapi: Core.Strapi): Promise<Record<string, { created: number; existing: number }>> {
  const report = { created: 0, existing: 0 };
  const today = todayVn();
  const calendar = await workCalendar(strapi);
  for (const item of DEMO) {
    if (await strapi.db.query(INFORMATION_REQUEST as any).findOne({ where: { trackingCode: item.trackingCode }, select: ['id'] })) {
      report.existing++;
      continue;
    }
    const { daysAgo, noticeSent, response, ...fields } = item as typeof item & { noticeSent?: boolean; response?: string };
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
