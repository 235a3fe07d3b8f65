/**
 * "Tạo cải chính": from a clipping that needs a response (or is negative), a draft correction pre-filled
 * with what was claimed, where and when it appeared (the clipping's outlet and every other outlet that
 * carried it), linked to the clipping. The editor writes the response and publishes. Asked again, it
 * returns the correction already linked instead of making a second one.
 */
import type { Core } from '@strapi/strapi';
import { CLIPPING } from './import';
import { clip } from './match';

const CORRECTION = 'api::correction.correction';

export class PressError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export async function clippingToCorrection(strapi: Core.Strapi, documentId: string): Promise<{ documentId: string; created: boolean }> {
  const c = (await strapi.documents(CLIPPING as any).findOne({ documentId, populate: { alsoIn: true, corrections: { fields: ['title'] } } } as any)) as any;
  if (!c) throw new PressError('Không tìm thấy tin báo chí.', 404);
  const linked = (c.corrections ?? [])[0];
  if (linked?.documentId) return { documentId: linked.documentId, created: false };
  if (!c.needsResponse && c.tone !== 'tieu-cuc') throw new PressError('Chỉ tạo cải chính từ tin tiêu cực hoặc tin được đánh dấu “Cần phản hồi”.');
  const appearanceUrl = (url: string | null | undefined) => (url && url.length <= 500 ? url : null);
  const appearances = [
    { outlet: c.outlet, url: appearanceUrl(c.url), date: c.date ?? null },
    ...(c.alsoIn ?? []).map((a: any) => ({ outlet: a.outlet, url: appearanceUrl(a.url), date: a.date ?? null })),
  ];
  const claim = c.summary?.trim() ? `${c.title}\n\n${c.summary.trim()}` : c.title;
  const correction = await strapi.documents(CORRECTION as any).create({
    data: {
      title: clip(`Cải chính thông tin: ${c.title}`, 200),
      falseClaim: claim.length > 3000 ? clip(claim, 3000) : claim,
      appearances,
      clippings: [c.documentId],
    },
  } as any);
  return { documentId: correction.documentId, created: true };
}
