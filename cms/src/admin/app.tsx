import type { StrapiApp } from '@strapi/strapi/admin';
import { vi } from './translations/vi';
import { ErasePersonalDataAction, ToLegalQaAction } from './actions/inbox-actions';
import { addDeadlineColumn } from './actions/deadline-column';
import { Earth, Mail } from '@strapi/icons';
import { FileXls } from '@strapi/icons';
import { CheckCircle, ClockCounterClockwise } from '@strapi/icons';
import { enumTranslations } from '@thads/shared';
import { labelEnumColumns } from './enum-labels/list-column';
import { ReviewPanel, withSubmitForReview } from './review/ReviewActions';

export default {
  config: {
    locales: ['vi'],
    translations: { vi: { ...vi, ...enumTranslations() } },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
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
  },
  bootstrap(app: StrapiApp) {
    (app.getPlugin('content-manager').apis as any).addDocumentAction((actions: unknown[]) => [...actions, ToLegalQaAction, ErasePersonalDataAction]);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addDeadlineColumn);
    (app.getPlugin('content-manager').apis as any).addDocumentAction((actions: any[]) => actions.map((a) => (a.type === 'publish' ? withSubmitForReview(a) : a)));
    (app.getPlugin('content-manager').apis as any).addEditViewSidePanel((panels: unknown[]) => [...panels, ReviewPanel]);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', labelEnumColumns);
    // The editorial board reads Vietnamese: make it the admin's language unless a user chose another.
    try {
      if (!window.localStorage.getItem('strapi-admin-language')) window.localStorage.setItem('strapi-admin-language', 'vi');
    } catch {
      /* storage unavailable: the browser's language applies */
    }
  },
};
