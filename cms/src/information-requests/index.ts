/**
 * Information requests under the Law on Access to Information (issue 10): the deadlines of every request,
 * computed in working days whenever a request is created or edited (in the admin or through the public form),
 * from its date of receipt, the editor's "complex" and "extended" marks and the editable holiday list.
 * Editors cannot set the computed dates by hand: they are overwritten. The public endpoints are in
 * src/intake/information-request.ts; the list's overdue badges in src/admin/actions/deadline-column.tsx.
 */
import type { Core } from '@strapi/strapi';
import { informationRequestDeadlines, todayVn } from '@thads/shared';
import { workCalendar } from './calendar';

export { ensurePublicHolidays, workCalendar } from './calendar';

export const INFORMATION_REQUEST = 'api::information-request.information-request';

const dateOnly = (value: unknown): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value instanceof Date ? value.toISOString().slice(0, 10) : null);

/** Fills `noticeDue` and `deadline` of the data being written, from the stored request and the change. */
export async function withDeadlines(strapi: Core.Strapi, data: Record<string, any>, documentId?: string): Promise<Record<string, any>> {
  const current = documentId ? ((await strapi.db.query(INFORMATION_REQUEST as any).findOne({ where: { documentId }, select: ['receivedOn', 'complex', 'extended'] })) as any) : null;
  if (data.state === 'extended') data.extended = true;
  if (!documentId && !data.receivedOn) data.receivedOn = todayVn();
  const receivedOn = dateOnly('receivedOn' in data ? data.receivedOn : current?.receivedOn);
  if (!receivedOn) return data;
  const pick = (field: 'complex' | 'extended') => Boolean(field in data ? data[field] : current?.[field]);
  const due = informationRequestDeadlines({ receivedOn, complex: pick('complex'), extended: pick('extended') }, await workCalendar(strapi, receivedOn));
  data.noticeDue = due.noticeDue;
  data.deadline = due.deadline;
  return data;
}

export function registerInformationRequests(strapi: Core.Strapi) {
  strapi.documents.use(async (context: any, next: () => Promise<any>) => {
    if (context.uid === INFORMATION_REQUEST && (context.action === 'create' || context.action === 'update') && context.params?.data) {
      await withDeadlines(strapi, context.params.data, context.action === 'update' ? context.params.documentId : undefined);
    }
    return next();
  });
}
