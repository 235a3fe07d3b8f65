/**
 * The import of clippings from the active outlets' feeds. For each outlet: read its feed (feed.ts), keep the
 * items whose title or summary holds a keyword (the global ones of "Cài đặt điểm tin báo chí" and the
 * outlet's own), and store each kept item once:
 *  - same canonical address as a known clipping (or as one of its other sources) → already known;
 *  - same title (without diacritics) on the same day in Vietnam → the same story: the clipping records the
 *    other outlet in "Cũng đăng trên" (merged), or nothing when that outlet is already recorded;
 *  - otherwise a new clipping (tone "trung tính", to be assessed by an editor).
 * An outlet whose feed fails is reported with the reason and does not stop the others. One import runs at a
 * time: asking while one runs waits for it.
 */
import type { Core } from '@strapi/strapi';
import { parseKeywords, type PressImportReport, type PressOutletImport } from '@thads/shared';
import { FeedError, feedLimits, readFeed, type FeedItem, type FeedLimits } from './feed';
import { canonicalUrl, cleanUrl, foldKey, keywordMatcher, vnDay, vnDayRange } from './match';

export const CLIPPING = 'api::press-clipping.press-clipping';
export const OUTLET = 'api::press-outlet.press-outlet';
export const SETTING = 'api::press-monitoring-setting.press-monitoring-setting';

type Outcome = 'created' | 'merged' | 'skipped';
type Source = { outlet: string; url: string | null; date: string | null };
type Known = { id: number; documentId: string; outlet: string; canonicalUrl: string | null; alsoIn: Source[] | null };

/** The appearance component keeps addresses up to 500 characters. */
const appearanceUrl = (url: string | null) => (url && url.length <= 500 ? url : null);

export async function globalKeywords(strapi: Core.Strapi): Promise<string[]> {
  const setting = (await strapi.db.query(SETTING as any).findOne({ select: ['keywords'] })) as { keywords?: string | null } | null;
  return parseKeywords(setting?.keywords);
}

async function findKnown(strapi: Core.Strapi, item: FeedItem, day: string): Promise<Known | null> {
  const q = strapi.db.query(CLIPPING as any);
  const populate = { alsoIn: true };
  const select = ['id', 'documentId', 'outlet', 'canonicalUrl'];
  const canon = canonicalUrl(item.link);
  if (canon) {
    const byUrl = await q.findOne({ where: { canonicalUrl: canon }, select, populate, orderBy: { id: 'asc' } });
    if (byUrl) return byUrl as Known;
    const clean = cleanUrl(item.link)!;
    const variants = [clean, clean.replace(/^https:/, 'http:'), clean.replace(/^http:/, 'https:')];
    const bySource = await q.findOne({ where: { alsoIn: { url: { $in: variants } } }, select, populate, orderBy: { id: 'asc' } });
    if (bySource) return bySource as Known;
  }
  const titleKey = foldKey(item.title).slice(0, 300);
  const { start, end } = vnDayRange(day);
  const byTitle = await q.findOne({ where: { titleKey, date: { $gte: start, $lt: end } }, select, populate, orderBy: { id: 'asc' } });
  return (byTitle as Known | null) ?? null;
}

async function storeItem(strapi: Core.Strapi, outlet: string, item: FeedItem, now: Date): Promise<Outcome> {
  const date = item.date ?? now.toISOString();
  const known = await findKnown(strapi, item, vnDay(date));
  const url = cleanUrl(item.link);
  if (!known) {
    await strapi.documents(CLIPPING as any).create({
      data: { title: item.title, outlet, url: url && url.length <= 1000 ? url : null, date, summary: item.summary, tone: 'trung-tinh', needsResponse: false },
    } as any);
    return 'created';
  }
  const canon = canonicalUrl(item.link);
  const sources: Source[] = [{ outlet: known.outlet, url: null, date: null }, ...(known.alsoIn ?? [])];
  const sameOutlet = (s: Source) => foldKey(s.outlet) === foldKey(outlet);
  if (sources.some(sameOutlet) || (canon && (known.alsoIn ?? []).some((s) => canonicalUrl(s.url) === canon))) return 'skipped';
  const alsoIn = [...(known.alsoIn ?? []).map(({ outlet: o, url: u, date: d }) => ({ outlet: o, url: u, date: d })), { outlet, url: appearanceUrl(url), date }];
  await strapi.documents(CLIPPING as any).update({ documentId: known.documentId, data: { alsoIn } } as any);
  return 'merged';
}

function outletMessage(r: Omit<PressOutletImport, 'message'>): string {
  if (!r.ok) return `Lỗi: ${r.error}`;
  if (!r.items) return 'Nguồn tin không có bài nào.';
  return `${r.items} bài trong nguồn tin, ${r.matched} bài có từ khoá: ${r.created} tin mới, ${r.merged} tin gộp với tin đã có, ${r.skipped} tin đã có.`;
}

async function importOutlet(strapi: Core.Strapi, outlet: any, keywords: string[], limits: FeedLimits, now: Date): Promise<PressOutletImport> {
  const result: Omit<PressOutletImport, 'message'> = { documentId: outlet.documentId, outlet: outlet.name, ok: true, items: 0, matched: 0, created: 0, merged: 0, skipped: 0, error: null };
  const all = [...new Set([...keywords, ...parseKeywords(outlet.keywords)])];
  try {
    if (!outlet.feedUrl?.trim()) throw new FeedError('Chưa khai báo địa chỉ nguồn tin (RSS/Atom).');
    if (!all.length) throw new FeedError('Chưa có từ khoá nào (từ khoá chung hoặc của nguồn tin), nên không lấy tin nào.');
    const items = await readFeed(outlet.feedUrl.trim(), limits);
    const matches = keywordMatcher(all);
    result.items = items.length;
    for (const item of items) {
      if (!matches(`${item.title}\n${item.summary ?? ''}`)) continue;
      result.matched++;
      result[await storeItem(strapi, outlet.name, item, now)]++;
    }
  } catch (error) {
    result.ok = false;
    if (error instanceof FeedError) result.error = error.message;
    else {
      strapi.log.error(`Điểm tin báo chí: lỗi khi nhập từ "${outlet.name}": ${(error as Error).stack ?? error}`);
      result.error = `Lỗi hệ thống khi lưu tin (${(error as Error).message}).`;
    }
  }
  const report = { ...result, message: outletMessage(result) };
  await strapi.db.query(OUTLET as any).update({ where: { id: outlet.id }, data: { lastImportAt: now.toISOString(), lastImportOk: report.ok, lastImportResult: report.message.slice(0, 1000) } });
  return report;
}

async function importAll(strapi: Core.Strapi, limits: FeedLimits): Promise<PressImportReport> {
  const startedAt = new Date();
  const keywords = await globalKeywords(strapi);
  const outlets = await strapi.db.query(OUTLET as any).findMany({ where: { active: true }, orderBy: { name: 'asc' } });
  const reports: PressOutletImport[] = [];
  for (const outlet of outlets) reports.push(await importOutlet(strapi, outlet, keywords, limits, new Date()));
  const sum = (k: 'created' | 'merged' | 'skipped') => reports.reduce((n, r) => n + r[k], 0);
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    outlets: reports,
    totals: { created: sum('created'), merged: sum('merged'), skipped: sum('skipped'), errors: reports.filter((r) => !r.ok).length },
  };
}

let running: Promise<PressImportReport> | null = null;

/** Imports from every active outlet; while an import runs, a second call gets the same result. */
export function importPressClippings(strapi: Core.Strapi, limits = feedLimits()): Promise<PressImportReport> {
  running ??= importAll(strapi, limits).finally(() => {
    running = null;
  });
  return running;
}

/** One line for the log: "Điểm tin báo chí: 3 tin mới, 1 tin gộp, 5 tin đã có, 1 nguồn lỗi." */
export function importSummary(report: PressImportReport): string {
  const t = report.totals;
  return `Điểm tin báo chí: ${t.created} tin mới, ${t.merged} tin gộp, ${t.skipped} tin đã có${t.errors ? `, ${t.errors} nguồn tin lỗi` : ''} (${report.outlets.length} nguồn tin).`;
}

/**
 * The scheduled import: every PRESS_IMPORT_MINUTES minutes (default 60; 0 turns it off; off when
 * NODE_ENV=test unless the variable is set). The task wakes every minute and runs when due, so any number
 * of minutes works (cron steps cannot express 90).
 */
export function schedulePressImport(strapi: Core.Strapi, env = process.env): number {
  const raw = env.PRESS_IMPORT_MINUTES ?? (env.NODE_ENV === 'test' ? '0' : '60');
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  let last = 0;
  strapi.cron.add({
    importPressClippings: {
      task: async () => {
        if (Date.now() - last < minutes * 60_000 - 5_000) return;
        last = Date.now();
        const active = await strapi.db.query(OUTLET as any).count({ where: { active: true } });
        if (!active) return;
        const report = await importPressClippings(strapi);
        strapi.log.info(importSummary(report));
      },
      options: { rule: '* * * * *' },
    },
  });
  return minutes;
}
