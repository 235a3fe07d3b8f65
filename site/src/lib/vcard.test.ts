import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, vcard, vcards, vietnameseNameParts } from './vcard.ts';

const huong = {
  name: 'Nguyễn Thị Thanh Hương',
  title: 'Phó Thủ trưởng Thi hành án dân sự tỉnh Hưng Yên',
  role: 'Người phát ngôn',
  organization: 'Thi hành án dân sự tỉnh Hưng Yên',
  phones: ['0912 486 357', '0221 3862 415'],
  email: 'huongntt@thads-hungyen.gov.vn',
  url: 'https://thads.example/bao-chi/',
  uid: 'abc-nguoi-phat-ngon',
  revision: '2026-11-23T18:13:55.123Z',
};

/** The cards of a .vcf text as a vCard reader sees them (ical.js, RFC 6350/2426 parser). */
function parse(text: string): ICAL.Component[] {
  const parsed = ICAL.parse(text) as unknown;
  // One card parses to one jCard, several to a list of them.
  const list = (Array.isArray(parsed) && parsed[0] === 'vcard' ? [parsed] : parsed) as unknown[];
  return list.map((jcard) => new ICAL.Component(jcard as any));
}

describe('vietnameseNameParts', () => {
  it('takes the family name first, the given name last and the middle names between', () => {
    expect(vietnameseNameParts('Nguyễn Thị Thanh Hương')).toEqual({ family: 'Nguyễn', given: 'Hương', additional: 'Thị Thanh' });
    expect(vietnameseNameParts(' Đỗ  Long ')).toEqual({ family: 'Đỗ', given: 'Long', additional: '' });
    expect(vietnameseNameParts('Hương')).toEqual({ family: '', given: 'Hương', additional: '' });
  });
});

describe('escapeText', () => {
  it('escapes backslashes, commas and new lines, and semicolons in a component of a structured value', () => {
    expect(escapeText('a\\b, c; d\ne')).toBe('a\\\\b\\, c; d\\ne');
    expect(escapeText('a; b', { component: true })).toBe('a\\; b');
  });
});

describe('foldLine', () => {
  it('keeps every physical line within 75 octets without cutting a Vietnamese letter', () => {
    const line = `NOTE:${'Người phát ngôn Thi hành án dân sự tỉnh Hưng Yên, '.repeat(6)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const p of physical) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(physical.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });
});

describe('vcard', () => {
  it('writes a vCard 3.0 with CRLF line ends that a vCard parser reads back with its Vietnamese names', () => {
    const text = vcard(huong);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const [card] = parse(text);
    expect(card!.getFirstPropertyValue('version')).toBe('3.0');
    expect(card!.getFirstPropertyValue('fn')).toBe('Nguyễn Thị Thanh Hương');
    expect(card!.getFirstPropertyValue('n')).toEqual(['Nguyễn', 'Hương', 'Thị Thanh', '', '']);
    expect(card!.getFirstPropertyValue('org')).toBe('Thi hành án dân sự tỉnh Hưng Yên');
    expect(card!.getFirstPropertyValue('title')).toBe('Phó Thủ trưởng Thi hành án dân sự tỉnh Hưng Yên');
    expect(card!.getFirstPropertyValue('role')).toBe('Người phát ngôn');
    expect(card!.getFirstPropertyValue('email')).toBe('huongntt@thads-hungyen.gov.vn');
    expect(card!.getFirstPropertyValue('url')).toBe('https://thads.example/bao-chi/');
    const tels = card!.getAllProperties('tel');
    expect(tels.map((t) => t.getFirstValue())).toEqual(['+84912486357', '+842213862415']);
    expect(tels.map((t) => t.getParameter('type'))).toEqual([['CELL', 'VOICE'], ['WORK', 'VOICE']]);
  });

  it('keeps commas and semicolons of values as text', () => {
    const [card] = parse(vcard({ name: 'Lê Văn A', title: 'Trưởng phòng; kiêm nhiệm, phụ trách', organization: 'Sở A; Phòng B', note: 'Dòng 1\nDòng 2' }));
    expect(card!.getFirstPropertyValue('title')).toBe('Trưởng phòng; kiêm nhiệm, phụ trách');
    expect(card!.getFirstPropertyValue('org')).toBe('Sở A; Phòng B');
    expect(card!.getFirstPropertyValue('note')).toBe('Dòng 1\nDòng 2');
  });

  it('leaves out what is missing and skips numbers that are not numbers', () => {
    const text = vcard({ name: 'Lê Văn A', phones: ['không có'] });
    expect(text).not.toMatch(/^(TEL|EMAIL|ORG|TITLE|URL|REV)/m);
    expect(parse(text)[0]!.getFirstPropertyValue('fn')).toBe('Lê Văn A');
  });
});

describe('vcards', () => {
  it('puts several contacts in one file, each read back', () => {
    const cards = parse(vcards([huong, { name: 'Đỗ Đức Long', role: 'Người được giao nhiệm vụ phát ngôn', phones: ['0983 215 740'], email: 'longdd@thads-hungyen.gov.vn' }]));
    expect(cards.map((c) => c.getFirstPropertyValue('fn'))).toEqual(['Nguyễn Thị Thanh Hương', 'Đỗ Đức Long']);
    expect(cards[1]!.getFirstPropertyValue('tel')).toBe('+84983215740');
  });
});
