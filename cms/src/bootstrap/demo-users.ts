import type { Core } from '@strapi/strapi';
import { EDITOR_ROLE, REPORTER_ROLE } from './editorial-roles';

/** Demo accounts, for the demo only: created when no admin user exists, never in production. */
export const DEMO_USERS = [
  { email: 'quantri@thads-hungyen.example', password: 'QuanTri@2026', firstname: 'Quản trị', lastname: 'Hệ thống', role: 'super-admin' },
  { email: 'bientap@thads-hungyen.example', password: 'BienTap@2026', firstname: 'Biên tập', lastname: 'Tổ', role: EDITOR_ROLE.code },
  { email: 'phongvien@thads-hungyen.example', password: 'PhongVien@2026', firstname: 'Phóng viên', lastname: 'Khu vực 1', role: REPORTER_ROLE.code },
] as const;

export async function ensureDemoUsers(strapi: Core.Strapi): Promise<boolean> {
  const users = strapi.service('admin::user') as any;
  const roles = strapi.service('admin::role') as any;
  if (await users.exists()) return false;
  for (const u of DEMO_USERS) {
    const role = u.role === 'super-admin' ? await roles.getSuperAdmin() : await roles.findOne({ code: u.role });
    await users.create({ email: u.email, password: u.password, firstname: u.firstname, lastname: u.lastname, isActive: true, roles: [role.id], registrationToken: null, preferedLanguage: 'vi' });
  }
  return true;
}

export function printDemoCredentials(strapi: Core.Strapi) {
  const lines = DEMO_USERS.map((u) => `    ${u.email.padEnd(34)} ${u.password.padEnd(16)} ${u.role === 'super-admin' ? 'Quản trị cao nhất' : u.role === EDITOR_ROLE.code ? EDITOR_ROLE.name : REPORTER_ROLE.name}`);
  strapi.log.info(`Tài khoản dùng thử (chỉ cho bản demo):\n${lines.join('\n')}`);
}
