/**
 * The daily digest ("Điểm báo hằng ngày"): the clippings of one day in Vietnam (their date, or the day they
 * were recorded when they have none), in sections by tone — negative first — and, in each section, those that
 * need a response first, then by time.
 */
import type { Core } from '@strapi/strapi';
import { CLIPPING_TONE_LABELS, formatDateLong, PRESS_TONE_ORDER, type ClippingTone, type PressDigest, type PressDigestItem } from '@thads/shared';
import { CLIPPING } from './import';
import { vnDay, vnDayRange } from './match';

export async function buildDigest(strapi: Core.Strapi, day: string): Promise<PressDigest> {
  const { start, end } = vnDayRange(day);
  const rows = (await strapi.documents(CLIPPING as any).findMany({
    filters: { $or: [{ date: { $gte: start, $lt: end } }, { date: { $null: true }, createdAt: { $gte: start, $lt: end } }] },
    populate: { alsoIn: true, corrections: { fields: ['title'] } },
    sort: ['date:asc', 'id:asc'],
    limit: 2000,
  } as any)) as any[];

  const items: PressDigestItem[] = rows.map((r) => {
    const corrections = new Map<string, string>();
    for (const c of r.corrections ?? []) corrections.set(c.documentId, c.title);
    return {
      documentId: r.documentId,
      title: r.title,
      outlet: r.outlet,
      url: r.url ?? null,
      date: r.date ?? r.createdAt ?? null,
      summary: r.summary ?? null,
      tone: (r.tone ?? 'trung-tinh') as ClippingTone,
      needsResponse: Boolean(r.needsResponse),
      alsoIn: (r.alsoIn ?? []).map((a: any) => ({ outlet: a.outlet, url: a.url ?? null, date: a.date ?? null })),
      corrections: [...corrections].map(([documentId, title]) => ({ documentId, title })),
    };
  });
  const time = (i: PressDigestItem) => (i.date ? Date.parse(i.date) : 0);
  const groups = PRESS_TONE_ORDER.map((tone) => ({
    tone,
    label: CLIPPING_TONE_LABELS[tone],
    items: items.filter((i) => i.tone === tone).sort((a, b) => Number(b.needsResponse) - Number(a.needsResponse) || time(a) - time(b)),
  })).filter((g) => g.items.length);

  let latestDate: string | null = day;
  if (!items.length) {
    const latest = (await strapi.db.query(CLIPPING as any).findOne({ where: { date: { $lt: end } }, select: ['date'], orderBy: { date: 'desc' } })) as { date?: string } | null;
    latestDate = latest?.date ? vnDay(latest.date) : null;
  }
  return {
    date: day,
    dateLabel: formatDateLong(`${day}T12:00:00+07:00`),
    total: items.length,
    needsResponse: items.filter((i) => i.needsResponse).length,
    groups,
    latestDate,
  };
}
