/**
 * GET /api/thads-preview/:type/:documentId — the draft of one public entry, for the publisher's preview build
 * (site/publisher/preview.ts). `type` is the collection's API name (articles, legal-qas…). Answers only a
 * request carrying the shared secret (header X-Publisher-Secret = PUBLISHER_SECRET, checked by Strapi's
 * authentication with the route's own strategy, ../strategy.ts); the entry is populated
 * and sanitised exactly as the public REST API does for published entries, so the preview shows what the
 * public page will show once published.
 */
import type { Core } from '@strapi/strapi';
import { PUBLIC_COLLECTIONS } from '../../../content-types';
import { defaultPopulate } from '../../../populate';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async draft(ctx: any) {
    const uid = PUBLIC_COLLECTIONS.find((u) => (strapi.getModel(u as any)?.info as { pluralName?: string } | undefined)?.pluralName === ctx.params.type);
    if (!uid) {
      ctx.status = 404;
      ctx.body = { error: { status: 404, name: 'NotFoundError', message: 'Loại nội dung này không có bản xem trước.' } };
      return;
    }
    const entry = await strapi.documents(uid as any).findOne({ documentId: String(ctx.params.documentId), status: 'draft', populate: defaultPopulate[uid] as any });
    if (!entry) {
      ctx.status = 404;
      ctx.body = { error: { status: 404, name: 'NotFoundError', message: 'Không tìm thấy bản nháp này (có thể đã bị xoá).' } };
      return;
    }
    // As the public API: private fields and anything the Public role may not read are removed.
    const data = await strapi.contentAPI.sanitize.output(entry, strapi.getModel(uid as any), { auth: undefined } as any);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data, meta: {} };
  },
});
