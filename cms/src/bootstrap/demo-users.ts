import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { demoAccountsSchema, type DemoAccount } from '@thads/shared';
import { DEMO_DATA_DIR } from '../seed/load-data';
import { EDITOR_ROLE, REPORTER_ROLE } from './editorial-roles';

/**
 * Demo accounts, for the demo only (created when no admin user exists, never in production): the demo data's
 * cms/data/demo/accounts.json, whose addresses are the demo agency's, not code's.
 */
const ROLE_CODES = { editor: EDITOR_ROLE.code, reporter: REPORTER_ROLE.code } as const;
const ROLE_NAMES = { 'super-admin': 'Quản trị cao nhất', editor: EDITOR_ROLE.name, reporter: REPORTER_ROLE.name } as const;

export function demoAccounts(dir = DEMO_DATA_DIR): DemoAccount[] {
  return demoAccountsSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'accounts.json'), 'utf8')));
}

export async function ensureDemoUsers(strapi: Core.Strapi): Promise<boolean> {
  const users = strapi.service('admin::user') as any;
  const roles = strapi.service('admin::role') as any;
  if (await users.exists()) return false;
  for (const u of demoAccounts()) {
    const role = u.role === 'super-admin' ? await roles.getSuperAdmin() : await roles.findOne({ code: ROLE_CODES[u.role] });
    await users.create({ email: u.email, password: u.password, firstname: u.firstname, lastname: u.lastname, isActive: true, roles: [role.id], registrationToken: null, preferedLanguage: 'vi' });
  }
  return true;
}

export function printDemoCredentials(strapi: Core.Strapi) {
  const lines = demoAccounts().map((u) => `    ${u.email.padEnd(34)} ${u.password.padEnd(16)} ${ROLE_NAMES[u.role]}`);
  strapi.log.info(`Tài khoản dùng thử (chỉ cho bản demo):\n${lines.join('\n')}`);
}
