import type { StrapiApp } from '@strapi/strapi/admin';
import { vi } from './translations/vi';
import { ErasePersonalDataAction, ToLegalQaAction } from './actions/inbox-actions';
import { addDeadlineColumn } from './actions/deadline-column';
import { Earth, Mail } from '@strapi/icons';
import { FileXls } from '@strapi/icons';
import { ChartPie, NumberList } from '@strapi/icons';
import { CheckCircle, ClockCounterClockwise } from '@strapi/icons';
import { ThumbUp } from '@strapi/icons';
import { Bell } from '@strapi/icons';
import { enumTranslations } from '@thads/shared';
import { labelEnumColumns } from './enum-labels/list-column';
import { ReviewPanel, withSubmitForReview } from './review/ReviewActions';
import { ToCorrectionAction } from './press/ToCorrectionAction';
import { Feather } from '@strapi/icons';
import { translateRemainingEnglish } from './vietnamese/remaining-english';

export default {
  config: {
    locales: ['vi'],
    translations: { vi: { ...vi, ...enumTranslations() } },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // Project statistics (webhooks, API tokens, admins…) are for whoever administers the site, not the editors.
    app.widgets.register((widgets: any[]) => widgets.map((w) => (w.id === 'key-statistics' ? { ...w, permissions: [{ action: 'admin::webhooks.read' }] } : w)));
    app.widgets.register({
      id: 'inbox-summary',
      icon: Mail,
      title: { id: 'thads.widget.inbox.title', defaultMessage: 'Hộp thư cần xử lý' },
      component: async () => (await import('./widgets/InboxWidget')).InboxWidget,
    });
    app.widgets.register({
      id: 'publish-status',
      icon: Earth,
      title: { id: 'thads.widget.publish.title', defaultMessage: 'Xuất bản trang công khai' },
      component: async () => (await import('./widgets/PublishWidget')).PublishWidget,
    });
    // The import of the units' lists of debtors without means (editors and Super Admin: those who may publish them).
    app.addMenuLink({
      to: 'nhap-danh-sach-chua-co-dieu-kien-thi-hanh',
      icon: FileXls,
      intlLabel: { id: 'thads.debtors.import.menu', defaultMessage: 'Nhập danh sách chưa có điều kiện THA' },
      permissions: [{ action: 'plugin::content-manager.explorer.publish', subject: 'api::debtor-listing.debtor-listing' }],
      Component: () => import('./debtors/ImportPage'),
    });
    // Change history (CE stand-in for Enterprise audit logs): editors and Super Admin.
    app.addMenuLink({
      to: 'lich-su-thay-doi',
      icon: ClockCounterClockwise,
      intlLabel: { id: 'thads.history.menu', defaultMessage: 'Lịch sử thay đổi' },
      permissions: [{ action: 'api::thads.history.read', subject: null }],
      Component: () => import('./history/HistoryPage'),
    });
    // Reports of what the units published, and the communications plan's progress (editors and Super Admin).
    app.addMenuLink({
      to: 'bao-cao',
      icon: ChartPie,
      intlLabel: { id: 'thads.reports.menu', defaultMessage: 'Báo cáo' },
      permissions: [{ action: 'api::thads.reports.read', subject: null }],
      Component: () => import('./reports/ReportsPage'),
    });
    app.addMenuLink({
      to: 'ke-hoach-truyen-thong',
      icon: NumberList,
      intlLabel: { id: 'thads.plan.menu', defaultMessage: 'Kế hoạch truyền thông' },
      permissions: [{ action: 'api::thads.reports.read', subject: null }],
      Component: () => import('./plan/PlanPage'),
    });
    // Review queue (CE stand-in for Enterprise review workflows): editors decide, reporters follow their drafts.
    app.addMenuLink({
      to: 'hang-cho-duyet',
      icon: CheckCircle,
      intlLabel: { id: 'thads.review.menu', defaultMessage: 'Hàng chờ duyệt' },
      permissions: [
        { action: 'api::thads.review.decide', subject: null },
        { action: 'api::thads.review.submit', subject: null },
      ],
      Component: () => import('./review/QueuePage'),
    });
    // Press monitoring: the daily digest, its exports and the import from the outlets' feeds (editors).
    app.addMenuLink({
      to: 'diem-bao-hang-ngay',
      icon: Feather,
      intlLabel: { id: 'thads.press.digest.menu', defaultMessage: 'Điểm báo hằng ngày' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::press-clipping.press-clipping' }],
      Component: () => import('./press/DigestPage'),
    });
    // Email alerts: subscribers per followed key, batches sent, failures, erasure on request (editors and Super Admin).
    app.addMenuLink({
      to: 'thong-bao-qua-thu',
      icon: Bell,
      intlLabel: { id: 'thads.alerts.menu', defaultMessage: 'Thông báo qua thư' },
      permissions: [{ action: 'api::thads.alerts.read', subject: null }],
      Component: () => import('./alerts/AlertsPage'),
    });
    // Readers' "Trang này có hữu ích không?" per page (editors and Super Admin: who may read page feedback).
    app.addMenuLink({
      to: 'phan-hoi-trang',
      icon: ThumbUp,
      intlLabel: { id: 'thads.feedback.menu', defaultMessage: 'Phản hồi trang' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::page-feedback.page-feedback' }],
      Component: () => import('./feedback/FeedbackPage'),
    });
  },
  bootstrap(app: StrapiApp) {
    (app.getPlugin('content-manager').apis as any).addDocumentAction((actions: unknown[]) => [...actions, ToLegalQaAction, ErasePersonalDataAction]);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addDeadlineColumn);
    (app.getPlugin('content-manager').apis as any).addDocumentAction((actions: any[]) => actions.map((a) => (a.type === 'publish' ? withSubmitForReview(a) : a)));
    (app.getPlugin('content-manager').apis as any).addEditViewSidePanel((panels: unknown[]) => [...panels, ReviewPanel]);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', labelEnumColumns);
    (app.getPlugin('content-manager').apis as any).addDocumentAction((actions: unknown[]) => [...actions, ToCorrectionAction]);
    // Strings of the admin that have no translation key (design system, drag and drop, tab titles).
    translateRemainingEnglish();
    // The editorial board reads Vietnamese: make it the admin's language unless a user chose another.
    try {
      if (!window.localStorage.getItem('strapi-admin-language')) window.localStorage.setItem('strapi-admin-language', 'vi');
      // Strapi's banner about its new media library links to an English blog post on strapi.io: news about
      // the software, not for the editorial board. It is dismissed before it shows (the key is scoped by the
      // project's uuid, which is false with telemetry off, undefined until the admin's init answers).
      for (const legacy of [true, false]) for (const scope of ['false', 'undefined']) window.localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${scope}`, 'true');
    } catch {
      /* storage unavailable: the browser's language applies */
    }
  },
};
