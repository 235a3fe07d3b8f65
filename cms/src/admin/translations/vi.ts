/**
 * Vietnamese for the admin: what Strapi's own `vi` files lack, per package (keys are the packages'
 * `en` keys, prefixed by plugin id), plus the project's own wording. The Content-Type Builder is
 * left out on purpose: it is a developer tool, disabled in production.
 * test/cms/admin-translations.test.ts measures the coverage against the installed packages.
 */
import admin from './admin';
import contentManager from './content-manager';
import contentReleases from './content-releases';
import email from './email';
import i18n from './i18n';
import reviewWorkflows from './review-workflows';
import upload from './upload';
import usersPermissions from './users-permissions';

/** Ids the admin's code formats with only a default English message (no entry in any en.json). */
export const CODE_ONLY_KEYS: Record<string, string> = {
  'search.placeholder': 'Tìm kiếm',
  'content-manager.plugin.name': 'Trình quản lý nội dung',
  'content-manager.components.Blocks.expand': 'Mở rộng',
  'content-manager.containers.list.displayedFields': 'Trường hiển thị',
  'thads.widget.inbox.title': 'Hộp thư cần xử lý',
  'thads.widget.publish.title': 'Xuất bản trang công khai',
};

export const vi: Record<string, string> = {
  ...CODE_ONLY_KEYS,
  ...admin,
  ...contentManager,
  ...upload,
  ...usersPermissions,
  ...email,
  ...i18n,
  ...contentReleases,
  ...reviewWorkflows,
  'Auth.form.welcome.title': 'Trang quản trị nội dung',
  'Auth.form.welcome.subtitle': 'Đăng nhập bằng tài khoản được Tổ Biên tập cấp',
};
