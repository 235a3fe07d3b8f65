/**
 * Pure rules of press monitoring: which feed items concern the agency (keywords, compared without
 * diacritics and case), and when two items are the same story (same canonical address, or the same title
 * on the same day in Vietnam).
 */
import { foldDiacritics, todayVn, toNFC } from '@thads/shared';

/** Lower-case ASCII words joined by single spaces: "Thi hành án – Đấu giá!" → "thi hanh an dau gia". */
export function foldKey(text: string | null | undefined): string {
  return foldDiacritics(toNFC(text ?? ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A test of a text against keywords: the first keyword found as whole words ("an" does not match "ban"),
 * with or without diacritics, or null.
 */
export function keywordMatcher(keywords: readonly string[]): (text: string) => string | null {
  const folded = keywords.map((k) => [k, foldKey(k)] as const).filter(([, f]) => f);
  return (text) => {
    const haystack = ` ${foldKey(text)} `;
    for (const [keyword, key] of folded) if (haystack.includes(` ${key} `)) return keyword;
    return null;
  };
}

/** Query parameters that only say where a reader came from. */
const TRACKING = /^(utm_[a-z_]*|fbclid|gclid|zarsrc|zacc|_gl)$/i;

function parse(url: string): URL | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** The address to store and show: tracking parameters and the fragment removed, otherwise as given. */
export function cleanUrl(url: string | null | undefined): string | null {
  if (!url?.trim()) return null;
  const parsed = parse(url);
  if (!parsed) return null;
  for (const name of [...parsed.searchParams.keys()]) if (TRACKING.test(name)) parsed.searchParams.delete(name);
  parsed.hash = '';
  return parsed.toString();
}

/**
 * The address to compare: no scheme (http and https are the same story), no "www.", no tracking parameters,
 * other parameters sorted, no fragment, no trailing slash. "https://www.Bao.vn/a/?utm_source=x#top" → "bao.vn/a".
 */
export function canonicalUrl(url: string | null | undefined): string | null {
  const parsed = url ? parse(url) : null;
  if (!parsed) return null;
  const params = [...parsed.searchParams.entries()].filter(([name]) => !TRACKING.test(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '') + (parsed.port ? `:${parsed.port}` : '');
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${host}${path}${query}`;
}

/** The calendar day in Vietnam of a moment, "YYYY-MM-DD". */
export function vnDay(date: string | Date): string {
  return todayVn(typeof date === 'string' ? new Date(date) : date);
}

/** [start, end) of a day in Vietnam as ISO instants. */
export function vnDayRange(day: string): { start: string; end: string } {
  const start = new Date(`${day}T00:00:00+07:00`);
  return { start: start.toISOString(), end: new Date(start.getTime() + 86400_000).toISOString() };
}

/** Shortens a text to `max` characters at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  return `${clean.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
