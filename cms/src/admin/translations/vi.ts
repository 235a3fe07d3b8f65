/**
 * Vietnamese strings that Strapi's own `vi` files lack (keys are the packages' `en` keys).
 * test/cms/admin-translations.test.ts measures the coverage against the installed packages.
 */
export const vi: Record<string, string> = {
  'Auth.form.welcome.title': 'Chào mừng đến với hệ thống quản trị nội dung',
  'Auth.form.welcome.subtitle': 'Đăng nhập vào tài khoản của bạn',
};
