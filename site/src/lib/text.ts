/** Shortens `text` to at most `max` characters at a word boundary, with an ellipsis. */
export function excerpt(text: string | null | undefined, max = 160): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * "Ảnh: Hoàng Long" from ("Ảnh", "Hoàng Long"), but an editor's value that already carries its own label
 * ("Ảnh: Hoàng Long", "Chịu trách nhiệm chính: …") is kept as typed.
 */
export function labelled(label: string, value: string): string {
  return /^[^:]{1,40}:\s/.test(value) ? value : `${label}: ${value}`;
}
