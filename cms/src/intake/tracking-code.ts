import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read over the phone. 31^8 ≈ 8.5·10^11 codes per prefix. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** "HD-7K3M-P9QX" (questions), "BC-…" (press requests) or "YC-…" (information requests). */
export function trackingCode(prefix: 'HD' | 'BC' | 'YC'): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${prefix}-${part()}-${part()}`;
}
