import type { StrapiApp } from '@strapi/strapi/admin';
import { vi } from './translations/vi';
import { ErasePersonalDataAction, ToLegalQaAction } from './actions/inbox-actions';
import { addDeadlineColumn } from './actions/deadline-column';
import { Earth, Mail } from '@strapi/icons';

export default {
  config: {
    locales: ['vi'],
    translations: { vi },
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
  },
  bootstrap(app: StrapiApp) {
    (app.getPlugin('content-manager').apis as any).addDocumentAction((actions: unknown[]) => [...actions, ToLegalQaAction, ErasePersonalDataAction]);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addDeadlineColumn);
    // The editorial board reads Vietnamese: make it the admin's language unless a user chose another.
    try {
      if (!window.localStorage.getItem('strapi-admin-language')) window.localStorage.setItem('strapi-admin-language', 'vi');
    } catch {
      /* storage unavailable: the browser's language applies */
    }
  },
};
