/**
 * Press monitoring (điểm tin báo chí, cms/src/press-monitoring): the outlets' feed addresses and keywords,
 * the inputs of its admin routes, the shapes the admin page reads, and the demo data file.
 */
import { z } from 'zod';
import { CLIPPING_TONE_LABELS } from '../taxonomy.ts';
import { toNFC } from '../text/normalize.ts';
import { foldDiacritics } from '../text/slug.ts';

export type ClippingTone = keyof typeof CLIPPING_TONE_LABELS;

/** The order of the digest's sections: what may need an answer first. */
export const PRESS_TONE_ORDER = ['tieu-cuc', 'trung-tinh', 'tich-cuc'] as const satisfies readonly ClippingTone[];

/** A feed or homepage address: http or https only. */
export function webAddress(label: string) {
  return z
    .string({ error: `${label}: phải là văn bản.` })
    .trim()
    .max(1000, { error: `${label}: tối đa 1000 ký tự.` })
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
        } catch {
          return false;
        }
      },
      { error: `${label}: phải là địa chỉ http:// hoặc https:// đầy đủ (ví dụ https://baodiaphuong.vn/rss/phap-luat.rss).` },
    );
}

/**
 * Keywords as editors type them: one per line (commas and semicolons also separate). Trimmed, NFC, single
 * spaces; the same keyword written with or without diacritics is kept once.
 */
export function parseKeywords(text: string | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of toNFC(text ?? '').split(/[\n\r,;]+/)) {
    const keyword = raw.replace(/\s+/g, ' ').trim();
    const key = foldDiacritics(keyword).toLowerCase();
    if (!keyword || seen.has(key)) continue;
    seen.add(key);
    out.push(keyword);
  }
  return out;
}

/** Query of the digest routes: a calendar date in Vietnam; today when absent. */
export const pressDigestQuery = z.object({
  date: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date({ error: 'Ngày không hợp lệ: chọn một ngày (dạng YYYY-MM-DD).' }).optional()),
});

export type PressDigestItem = {
  documentId: string;
  title: string;
  outlet: string;
  url: string | null;
  date: string | null;
  summary: string | null;
  tone: ClippingTone;
  needsResponse: boolean;
  alsoIn: { outlet: string; url: string | null; date: string | null }[];
  corrections: { documentId: string; title: string }[];
};

export type PressDigest = {
  date: string;
  /** "Thứ Hai, 14/05/2024" */
  dateLabel: string;
  total: number;
  needsResponse: number;
  groups: { tone: ClippingTone; label: string; items: PressDigestItem[] }[];
  /** The latest day before or on `date` that has clippings, to offer when this one has none. */
  latestDate: string | null;
};

/** What one import did for one outlet. */
export type PressOutletImport = {
  documentId: string;
  outlet: string;
  ok: boolean;
  /** Items in the feed, items matching a keyword, then what became of the matching ones. */
  items: number;
  matched: number;
  created: number;
  merged: number;
  skipped: number;
  error: string | null;
  /** The Vietnamese sentence stored on the outlet and shown in the admin. */
  message: string;
};

export type PressImportReport = {
  startedAt: string;
  finishedAt: string;
  outlets: PressOutletImport[];
  totals: { created: number; merged: number; skipped: number; errors: number };
};

const text = z.string().trim().min(1);
const dateTime = z.iso.datetime({ offset: true });

/** cms/data/demo/press-monitoring.json */
export const seedPressMonitoringSchema = z.object({
  keywords: z.array(text),
  outlets: z.array(
    z.object({
      name: text.max(200),
      homepage: webAddress('Trang chủ').optional(),
      feedUrl: webAddress('Địa chỉ nguồn tin (RSS/Atom)').optional(),
      active: z.boolean(),
      keywords: z.array(text).default([]),
    }),
  ),
  clippings: z.array(
    z.object({
      title: text.max(300),
      outlet: text.max(200),
      url: webAddress('Đường dẫn').optional(),
      date: dateTime,
      summary: z.string().max(3000).optional(),
      tone: z.enum(Object.keys(CLIPPING_TONE_LABELS) as [ClippingTone, ...ClippingTone[]]),
      needsResponse: z.boolean(),
      alsoIn: z.array(z.object({ outlet: text.max(200), url: webAddress('Đường dẫn').optional(), date: dateTime.optional() })).default([]),
    }),
  ),
});
export type SeedPressMonitoring = z.infer<typeof seedPressMonitoringSchema>;
