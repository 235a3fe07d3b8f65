/**
 * The list of debtors without means to execute, grouped once per build: per unit (in the units' own
 * order), each unit's entries by name in Vietnamese order; and the small JSON the search box reads.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { DEBTOR_KIND_LABELS, DEBTOR_LEGAL_BASIS, DEBTOR_REASON_LABELS, DEBTOR_REASON_POINTS, formatDate } from '@thads/shared';
import { getUnits } from './content.ts';

export type DebtorListing = CollectionEntry<'debtorListings'>['data'];
export type DebtorUnit = { slug: string; name: string; items: DebtorListing[] };

export const DEBTORS_URL = '/danh-sach-chua-co-dieu-kien-thi-hanh/';
export const debtorUnitUrl = (slug: string) => `${DEBTORS_URL}${slug}/`;
export const DEBTORS_JSON_URL = `${DEBTORS_URL}tra-cuu.json`;
export const DEBTORS_PAGE_SIZE = 50;

let cached: Promise<DebtorUnit[]> | undefined;

/** Units that have entries, in the order of the units' page; entries by name. */
export function getDebtorUnits(): Promise<DebtorUnit[]> {
  return (cached ??= (async () => {
    const items = (await getCollection('debtorListings')).map((e) => e.data as DebtorListing);
    const { list } = await getUnits();
    const order = new Map(list.map((u, i) => [u.slug, i]));
    const groups = new Map<string, DebtorUnit>();
    for (const item of items) {
      const group = groups.get(item.unit.slug) ?? { slug: item.unit.slug, name: item.unit.name, items: [] };
      group.items.push(item);
      groups.set(item.unit.slug, group);
    }
    const byName = new Intl.Collator('vi');
    for (const g of groups.values()) g.items.sort((a, b) => byName.compare(a.name, b.name) || a.decisionNumber.localeCompare(b.decisionNumber));
    return [...groups.values()].sort((a, b) => (order.get(a.slug) ?? 1e9) - (order.get(b.slug) ?? 1e9) || byName.compare(a.name, b.name));
  })());
}

/** What an entry shows, as the pages and the search box write it. */
export function describeDebtor(item: DebtorListing) {
  return {
    name: item.name,
    kind: DEBTOR_KIND_LABELS[item.kind],
    address: item.address,
    judgment: `Số ${item.judgmentNumber} ngày ${formatDate(item.judgmentDate)} của ${item.court}`,
    obligation: item.obligation,
    reason: `${DEBTOR_REASON_LABELS[item.reason]} (điểm ${DEBTOR_REASON_POINTS[item.reason]} khoản 1 ${DEBTOR_LEGAL_BASIS}).`,
    decision: `Số ${item.decisionNumber} ngày ${formatDate(item.decisionDate)}`,
  };
}
export type DebtorView = ReturnType<typeof describeDebtor>;

/** The search box's data: units, and each entry as shown, with the index of its unit. */
export type DebtorSearchData = { units: { slug: string; name: string }[]; items: (DebtorView & { unit: number })[] };

export async function debtorSearchData(): Promise<DebtorSearchData> {
  const units = await getDebtorUnits();
  return {
    units: units.map((u) => ({ slug: u.slug, name: u.name })),
    items: units.flatMap((u, i) => u.items.map((item) => ({ ...describeDebtor(item), unit: i }))),
  };
}
