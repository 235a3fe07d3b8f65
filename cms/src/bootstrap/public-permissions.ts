import type { Core } from '@strapi/strapi';
import { PUBLIC_COLLECTIONS, PUBLIC_SINGLES } from '../content-types';

/** Exactly what the Public role may do: read published public content. Nothing else (no sign-up, no uploads). */
export function publicActions(): string[] {
  return [
    ...PUBLIC_COLLECTIONS.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
    ...PUBLIC_SINGLES.map((uid) => `${uid}.find`),
  ];
}

/**
 * Syncs the users-permissions roles idempotently: Public gets exactly `publicActions()`;
 * Authenticated gets nothing (the portal has no end-user accounts).
 */
export async function syncPublicPermissions(strapi: Core.Strapi): Promise<void> {
  const roles = await strapi.db.query('plugin::users-permissions.role').findMany({ where: { type: { $in: ['public', 'authenticated'] } } });
  for (const role of roles) {
    const wanted = new Set(role.type === 'public' ? publicActions() : []);
    const existing = await strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } });
    const stale = existing.filter((p: { action: string }) => !wanted.has(p.action));
    if (stale.length) {
      await strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { id: { $in: stale.map((p: { id: number }) => p.id) } } });
    }
    const have = new Set(existing.map((p: { action: string }) => p.action));
    for (const action of wanted) {
      if (!have.has(action)) await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  }
}
