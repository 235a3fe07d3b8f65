import type { Core } from '@strapi/strapi';
import { PRIVATE_COLLECTIONS, PUBLIC_TYPES, REFERENCE_TYPES, REPORTER_TYPES } from '../content-types';
import { HISTORY_EDITOR_PERMISSIONS } from '../history/permissions';
import { REPORTS_EDITOR_PERMISSIONS } from '../reports/permissions';
import { REVIEW_EDITOR_PERMISSIONS, REVIEW_REPORTER_PERMISSIONS } from '../review/permissions';
import { withAllLocales } from './locales';
import { ALERTS_EDITOR_PERMISSIONS } from '../alerts/admin-routes';
import { PRIVATE_SINGLES } from '@thads/shared';

const CM = 'plugin::content-manager.explorer';
export const EDITOR_ROLE = { code: 'thads-editor', name: 'Biên tập viên', description: 'Tổ Biên tập: soạn, sửa, xuất bản mọi nội dung công khai; xử lý hộp thư câu hỏi, đề nghị báo chí, điểm tin và kế hoạch.' };
export const REPORTER_ROLE = { code: 'thads-reporter', name: 'Phóng viên', description: 'Phóng viên đơn vị: soạn và sửa bản nháp của chính mình, tải ảnh lên; không xuất bản, không xem hộp thư riêng.' };

type Permission = { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] };

const upload = (conditions: string[]): Permission[] => [
  { action: 'plugin::upload.read', conditions },
  { action: 'plugin::upload.configure-view' },
  { action: 'plugin::upload.assets.create' },
  { action: 'plugin::upload.assets.update', conditions },
  { action: 'plugin::upload.assets.download' },
  { action: 'plugin::upload.assets.copy-link' },
];

function contentPermissions(strapi: Core.Strapi, grants: Array<{ actions: string[]; subjects: readonly string[]; conditions?: string[] }>): Permission[] {
  const { actionProvider } = strapi.service('admin::permission') as any;
  const contentType = strapi.service('admin::content-type') as any;
  const out: Permission[] = [];
  for (const grant of grants) {
    const actions = grant.actions.map((id) => {
      const action = actionProvider.get(id);
      if (!action) throw new Error(`Unknown admin action ${id}`);
      return { ...action, subjects: action.subjects.filter((s: string) => grant.subjects.includes(s)) };
    });
    for (const p of contentType.getPermissionsWithNestedFields(actions)) out.push({ ...p, conditions: grant.conditions ?? [] });
  }
  return out;
}

export function editorPermissions(strapi: Core.Strapi): Permission[] {
  return [
    ...contentPermissions(strapi, [
      { actions: [`${CM}.create`, `${CM}.read`, `${CM}.update`, `${CM}.delete`, `${CM}.publish`], subjects: PUBLIC_TYPES },
      { actions: [`${CM}.create`, `${CM}.read`, `${CM}.update`, `${CM}.delete`], subjects: PRIVATE_COLLECTIONS },
      { actions: [`${CM}.create`, `${CM}.read`, `${CM}.update`, `${CM}.delete`], subjects: PRIVATE_SINGLES },
    ]),
    ...upload([]),
    ...HISTORY_EDITOR_PERMISSIONS,
    ...REPORTS_EDITOR_PERMISSIONS,
    ...REVIEW_EDITOR_PERMISSIONS,
    ...ALERTS_EDITOR_PERMISSIONS,
  ];
}

export function reporterPermissions(strapi: Core.Strapi): Permission[] {
  return [
    ...contentPermissions(strapi, [
      { actions: [`${CM}.create`, `${CM}.read`, `${CM}.update`, `${CM}.delete`], subjects: REPORTER_TYPES, conditions: ['admin::is-creator'] },
      { actions: [`${CM}.read`], subjects: REFERENCE_TYPES },
    ]),
    ...upload(['admin::is-creator']),
    ...REVIEW_REPORTER_PERMISSIONS,
  ];
}

/** Creates or updates the two editorial roles and syncs their permissions (a full sync: what is not listed is removed). */
export async function syncEditorialRoles(strapi: Core.Strapi): Promise<{ editor: number; reporter: number }> {
  const roleService = strapi.service('admin::role') as any;
  const ids: Record<string, number> = {};
  for (const [def, perms] of [
    [EDITOR_ROLE, editorPermissions(strapi)],
    [REPORTER_ROLE, reporterPermissions(strapi)],
  ] as const) {
    let role = await roleService.findOne({ code: def.code });
    if (!role) role = await roleService.create(def);
    else if (role.name !== def.name || role.description !== def.description) await roleService.update({ id: role.id }, { name: def.name, description: def.description });
    await roleService.assignPermissions(role.id, await withAllLocales(strapi, perms));
    ids[def.code] = role.id;
  }
  // Strapi's English default roles would confuse the board: remove them while nobody holds them.
  for (const code of ['strapi-editor', 'strapi-author']) {
    const role = await roleService.findOne({ code });
    if (role && (await roleService.getUsersCount(role.id)) === 0) await roleService.deleteByIds([role.id]);
  }
  return { editor: ids[EDITOR_ROLE.code]!, reporter: ids[REPORTER_ROLE.code]! };
}
