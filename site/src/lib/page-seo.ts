/**
 * The structured data and feeds a page gets from where it is, computed once per build from the content:
 * the agency (GovernmentOrganization, and WebSite on the home page) on "/" and "/gioi-thieu/", a unit on
 * "/don-vi/<slug>/", the feeds announced in every head (src/lib/feeds.ts). Used by BaseLayout; the pure
 * builders are in seo.ts.
 */
import { getImage } from 'astro:assets';
import { getCategories, getSiteSetting, getSpokesperson, getUnits, type Unit } from '../data/content.ts';
import { feedsForPath, type FeedLink } from './feeds.ts';
import { spokespersonContacts } from './press.ts';
import { absoluteUrl, governmentOrganizationLd, webSiteLd, type JsonLd, type OrgRef } from './seo.ts';
import { mediaUrl } from '../data/strapi.ts';
import { splitPhones } from './contact.ts';
import { urls } from './urls.ts';

let logo: Promise<string | undefined> | undefined;

/** The agency's logo as a PNG on the site (Strapi's file is not public to search engines), when it has one. */
function logoUrl(site: URL): Promise<string | undefined> {
  return (logo ??= (async () => {
    const media = (await getSiteSetting()).logo;
    if (!media?.url || !media.width || !media.height || !media.mime.startsWith('image/') || media.mime === 'image/svg+xml') return undefined;
    const width = Math.min(600, media.width);
    const image = await getImage({ src: mediaUrl(media.url), width, height: Math.round((width * media.height) / media.width), format: 'png' });
    return absoluteUrl(image.src, site);
  })());
}

/** The agency as author or publisher of a page. */
export async function agencyRef(site: URL): Promise<OrgRef> {
  const setting = await getSiteSetting();
  return { name: setting.agencyName, url: absoluteUrl('/', site), logo: await logoUrl(site) };
}

/** A unit as author of a page (the agency when there is none). */
export async function unitRef(unit: { name: string; slug: string } | null | undefined, site: URL): Promise<OrgRef> {
  return unit ? { name: unit.name, url: absoluteUrl(urls.unit(unit.slug), site) } : agencyRef(site);
}

async function agencyLd(site: URL): Promise<JsonLd> {
  const setting = await getSiteSetting();
  const units = await getUnits();
  const spokesperson = await getSpokesperson();
  return governmentOrganizationLd({
    ...(await agencyRef(site)),
    alternateName: setting.agencyShortName,
    description: setting.description,
    address: setting.address,
    telephone: splitPhones(setting.phone),
    faxNumber: setting.fax,
    email: setting.email,
    parentOrganization: setting.parentAgency,
    subOrganizations: units.active.filter((u) => u.kind !== 'agency').map((u) => ({ name: u.name, url: absoluteUrl(urls.unit(u.slug), site) })),
    contactPoints: spokesperson
      ? spokespersonContacts(spokesperson).map(({ person, role }) => ({ contactType: role, name: person.name, telephone: splitPhones(person.phone)[0], email: person.email }))
      : [],
  });
}

async function unitLd(unit: Unit, site: URL): Promise<JsonLd> {
  const setting = await getSiteSetting();
  const agency = await agencyRef(site);
  return governmentOrganizationLd({
    name: unit.name,
    url: absoluteUrl(urls.unit(unit.slug), site),
    alternateName: unit.shortName,
    description: unit.description,
    address: unit.address,
    telephone: splitPhones(unit.phone),
    email: unit.email,
    // The agency's own unit belongs to the ministry; the others to the agency.
    parentOrganization: unit.kind === 'agency' ? setting.parentAgency : agency,
  });
}

/** Structured data that comes with the page's place on the site. */
export async function structuredDataForPath(pathname: string, site: URL): Promise<JsonLd[]> {
  if (pathname === urls.home) {
    const setting = await getSiteSetting();
    return [webSiteLd({ name: setting.portalName || setting.agencyName, alternateName: setting.agencyShortName, url: absoluteUrl('/', site) }), await agencyLd(site)];
  }
  if (pathname === urls.about) return [await agencyLd(site)];
  const unitSlug = /^\/don-vi\/([^/]+)\/$/.exec(pathname)?.[1];
  const unit = unitSlug ? (await getUnits()).bySlug.get(unitSlug) : undefined;
  return unit ? [await unitLd(unit, site)] : [];
}

/** The RSS feeds a page announces in its head. */
export async function feedsFor(pathname: string): Promise<FeedLink[]> {
  const setting = await getSiteSetting();
  return feedsForPath(pathname, await getCategories(), setting.agencyShortName || setting.agencyName);
}
