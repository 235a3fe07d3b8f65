/**
 * Vietnamese-aware slugs: "Đấu giá tài sản thi hành án" → "dau-gia-tai-san-thi-hanh-an".
 * "đ"/"Đ" is a letter of its own (not "d" plus a mark), so it is folded explicitly.
 */
export function foldDiacritics(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

export function slugify(input: string, maxLength = 96): string {
  const slug = foldDiacritics(input)
    .toLowerCase()
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, '');
}

/** Returns `base`, or `base-2`, `base-3`… the first that `taken` does not hold. */
export async function uniqueSlug(base: string, taken: (candidate: string) => boolean | Promise<boolean>): Promise<string> {
  const root = base || 'bai-viet';
  if (!(await taken(root))) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
