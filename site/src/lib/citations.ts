/**
 * Where in a document a citation points, in the usual Vietnamese order ("khoản 1 Điều 44a"), whether
 * editors typed "44a" or "Điều 44a", "1" or "khoản 1".
 */
export function citationPlace(article: string | null | undefined, clause: string | null | undefined): string {
  const a = article?.trim();
  const c = clause?.trim();
  return [c ? (/^\d/.test(c) ? `khoản ${c}` : c) : '', a ? (/^\d/.test(a) ? `Điều ${a}` : a) : ''].filter(Boolean).join(' ');
}
