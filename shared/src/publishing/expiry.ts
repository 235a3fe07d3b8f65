/**
 * Notices that expire by themselves (enforcement notices, auction notices): an entry is current until its
 * `publishedUntil` moment, then it moves to the past list. The CMS asks the publisher for a rebuild at that
 * moment (cms/src/publishing/timed-rebuilds.ts); the site decides with the build's own clock.
 */
export type Expiring = { publishedUntil?: string | null | undefined };

/** Whether the notice is still current at `now` (no expiry: always current). */
export function isCurrentAt(notice: Expiring, now: number | Date): boolean {
  if (!notice.publishedUntil) return true;
  const until = Date.parse(notice.publishedUntil);
  return Number.isNaN(until) || until > (typeof now === 'number' ? now : now.getTime());
}

/** Splits notices into current and past at `now`, keeping their order. */
export function splitByExpiry<T extends Expiring>(notices: readonly T[], now: number | Date): { current: T[]; past: T[] } {
  const current: T[] = [];
  const past: T[] = [];
  for (const n of notices) (isCurrentAt(n, now) ? current : past).push(n);
  return { current, past };
}
