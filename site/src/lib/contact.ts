/** `tel:` target of a Vietnamese phone number as editors type it ("0221 3862 415", "(0221) 3.862.415"). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits}`;
}

/** Several numbers typed in one field ("0221 3862 415; 0912 345 678") as separate numbers. */
export function splitPhones(phone: string | null | undefined): string[] {
  return (phone ?? '')
    .split(/[;,/]| - /)
    .map((p) => p.trim())
    .filter((p) => /\d{3}/.test(p));
}
