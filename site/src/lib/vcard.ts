/**
 * vCards (RFC 2426, version 3.0: the version every phone and mail client imports) of named contacts such as
 * the spokesperson, so that a journalist saves them in one tap. UTF-8 throughout (the file is served and
 * saved as UTF-8; 3.0 has no charset parameter), CRLF line ends, lines folded at 75 octets without splitting
 * a character, text values escaped.
 */
import { internationalPhone } from './seo.ts';

export type VCardContact = {
  /** Full name as written in Vietnamese, family name first ("Nguyễn Thị Thanh Hương"). */
  name: string;
  /** Position ("Phó Thủ trưởng …"). */
  title?: string | null | undefined;
  /** What the person is to the reader ("Người phát ngôn"). */
  role?: string | null | undefined;
  organization?: string | null | undefined;
  /** One or several numbers as editors type them. */
  phones?: string[] | undefined;
  email?: string | null | undefined;
  /** The page where the contact is published. */
  url?: string | null | undefined;
  note?: string | null | undefined;
  /** A stable identifier, so that importing the card again updates the contact instead of adding one. */
  uid?: string | null | undefined;
  /** When the data last changed (ISO date). */
  revision?: string | null | undefined;
};

/**
 * Escapes a text value: backslash, comma and newline, and the semicolon only in a component of a structured
 * value (N, ORG), where it separates components. Readers of RFC 6350 (ical.js among them) do not unescape
 * "\;" in a plain text value, so a plain value keeps its semicolons as they are.
 */
export function escapeText(value: string, { component = false } = {}): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,');
  return component ? escaped.replace(/;/g, '\\;') : escaped;
}

/**
 * The structured name (N: family; given; additional; prefixes; suffixes) of a Vietnamese full name: the first
 * word is the family name, the last the given name, the words between are middle names
 * ("Nguyễn Thị Thanh Hương" → Nguyễn; Hương; Thị Thanh). FN keeps the name as written.
 */
export function vietnameseNameParts(name: string): { family: string; given: string; additional: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { family: '', given: words[0] ?? '', additional: '' };
  return { family: words[0]!, given: words[words.length - 1]!, additional: words.slice(1, -1).join(' ') };
}

/** Folds a content line at 75 octets (RFC 2426 §2.6), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Vietnamese mobile numbers have ten digits and start with 03, 05, 07, 08 or 09; 02… are landlines. */
const isMobile = (international: string) => /^\+84[35789]\d{8}$/.test(international);

/** One vCard 3.0 (BEGIN … END, CRLF line ends, ending with CRLF). */
export function vcard(contact: VCardContact): string {
  const n = vietnameseNameParts(contact.name);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${[n.family, n.given, n.additional, '', ''].map((part) => escapeText(part, { component: true })).join(';')}`,
    `FN:${escapeText(contact.name.trim())}`,
  ];
  if (contact.organization) lines.push(`ORG:${escapeText(contact.organization, { component: true })}`);
  if (contact.title) lines.push(`TITLE:${escapeText(contact.title)}`);
  if (contact.role) lines.push(`ROLE:${escapeText(contact.role)}`);
  for (const phone of contact.phones ?? []) {
    const number = internationalPhone(phone);
    if (number) lines.push(`TEL;TYPE=${isMobile(number) ? 'CELL' : 'WORK'},VOICE:${number}`);
  }
  if (contact.email) lines.push(`EMAIL;TYPE=INTERNET,WORK:${contact.email.trim()}`);
  if (contact.url) lines.push(`URL:${contact.url}`);
  if (contact.note) lines.push(`NOTE:${escapeText(contact.note)}`);
  if (contact.uid) lines.push(`UID:${escapeText(contact.uid)}`);
  if (contact.revision && !Number.isNaN(Date.parse(contact.revision))) lines.push(`REV:${new Date(contact.revision).toISOString().replace(/\.\d{3}Z$/, 'Z')}`);
  lines.push('END:VCARD');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** Several contacts in one .vcf file (phones and mail clients import them all). */
export function vcards(contacts: VCardContact[]): string {
  return contacts.map(vcard).join('');
}
