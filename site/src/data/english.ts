/**
 * The English pages (/en/, Decree 42/2022 art. 7): the agency's functions, leaders, structure and contacts.
 *
 * They are built from the same units as the Vietnamese pages: the list, the structure (parent, kind, order,
 * active, merged into), the slugs and the contacts always come from the Vietnamese (default-locale) data;
 * only the text (name, short name, head's title, description, area, reception schedule) comes from the
 * English version when there is one. In Strapi the contacts are not localized, so both versions hold the
 * same ones anyway. A unit without an English version keeps its Vietnamese name, marked "(Vietnamese only)".
 */
import { getCollection, getEntry } from 'astro:content';
import { getSiteSetting, getSpokesperson, getUnits, type SiteSetting, type Unit } from './content.ts';
import { urls } from '../lib/urls.ts';

/** Runs `load` once per build and shares its promise. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (cached ??= load());
}

/** A unit as the English pages show it. `english`: whether its text is in English (else Vietnamese only). */
export type EnglishUnit = Unit & { english: boolean; children: EnglishUnit[] };

export const getEnglishUnits = once(async () => {
  const { list } = await getUnits();
  const en = new Map((await getCollection('unitsEn')).map((e) => [e.data.documentId, e.data as Unit]));
  const units: EnglishUnit[] = list.map((vi) => {
    const t = en.get(vi.documentId);
    return {
      ...vi,
      english: Boolean(t),
      // Text from the English version; structure, slug and contacts always from the Vietnamese one.
      name: t?.name ?? vi.name,
      shortName: t ? (t.shortName ?? null) : vi.shortName,
      headTitle: t ? (t.headTitle ?? null) : vi.headTitle,
      description: t ? (t.description ?? null) : vi.description,
      area: t ? (t.area ?? null) : vi.area,
      // A reception schedule is shown in English only; a Vietnamese one would be unreadable here.
      receptionSchedule: t?.receptionSchedule ?? null,
      mergedInto: vi.mergedInto ? { ...vi.mergedInto, name: en.get(vi.mergedInto.documentId)?.name ?? vi.mergedInto.name } : null,
      children: [],
    };
  });
  const byDocumentId = new Map(units.map((u) => [u.documentId, u]));
  const active = units.filter((u) => u.active !== false);
  const roots: EnglishUnit[] = [];
  for (const u of active) {
    const parent = u.parent ? byDocumentId.get(u.parent.documentId) : undefined;
    if (parent && parent !== u && parent.active !== false) parent.children.push(u);
    else roots.push(u);
  }
  return {
    list: units,
    active,
    /** Active units nested by parent (the agency, then its divisions and regional offices), in the Vietnamese order. */
    roots,
    merged: units.filter((u) => u.active === false),
    bySlug: new Map(units.map((u) => [u.slug, u])),
    agency: active.find((u) => u.kind === 'agency'),
  };
});

/** The site settings in English where translated; `english` false when there is no English version at all. */
/** The English site settings, or the Vietnamese ones (`english: false`) where none are published. */
export type EnglishSetting = SiteSetting & { english: boolean };

export const getEnglishSetting = once(async (): Promise<EnglishSetting> => {
  const vi = await getSiteSetting();
  const en = (await getEntry('siteSettingEn', 'main'))?.data as SiteSetting | undefined;
  if (!en) return { ...vi, english: false };
  return {
    // Contacts, logo and the rest from the Vietnamese version: they are shared (not localized) in Strapi.
    ...vi,
    english: true,
    agencyName: en.agencyName,
    agencyShortName: en.agencyShortName ?? null,
    parentAgency: en.parentAgency ?? null,
    portalName: en.portalName ?? null,
    tagline: en.tagline ?? null,
    workingHours: en.workingHours ?? null,
    about: en.about ?? null,
    description: en.description ?? null,
  };
});

export { getSpokesperson };
