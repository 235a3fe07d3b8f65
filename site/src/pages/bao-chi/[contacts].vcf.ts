/**
 * /bao-chi/nguoi-phat-ngon.vcf: the spokesperson and the deputy as vCards (src/lib/vcard.ts), from the
 * `spokesperson` single type, for journalists to save in one tap. Not built while that entry is missing.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteSetting, getSpokesperson } from '../../data/content.ts';
import { spokespersonContacts, SPOKESPERSON_VCARD } from '../../lib/press.ts';
import { vcards } from '../../lib/vcard.ts';
import { splitPhones } from '../../lib/contact.ts';

export const getStaticPaths = (async () => ((await getSpokesperson()) ? [{ params: { contacts: SPOKESPERSON_VCARD.name } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  const spokesperson = (await getSpokesperson())!;
  const setting = await getSiteSetting();
  const page = new URL('/bao-chi/', site).href;
  const cards = spokespersonContacts(spokesperson).map(({ person, role, key }) => ({
    name: person.name,
    title: person.title,
    role,
    organization: setting.agencyName,
    phones: splitPhones(person.phone),
    email: person.email,
    url: page,
    uid: `${spokesperson.documentId}-${key}`,
    revision: spokesperson.updatedAt,
  }));
  return new Response(vcards(cards), { headers: { 'Content-Type': 'text/vcard; charset=utf-8' } });
};
