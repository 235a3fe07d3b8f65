/** Unicode NFC, the form every stored Vietnamese text is kept in (input may come as NFD from macOS or old keyboards). */
export function toNFC(input: string): string {
  return input.normalize('NFC');
}

/** NFC, control characters removed, runs of spaces collapsed, trimmed. Newlines are kept unless `singleLine`. */
export function cleanText(input: string, { singleLine = false } = {}): string {
  let text = toNFC(input).replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\uFEFF]/g, '');
  if (singleLine) return text.replace(/\s+/g, ' ').trim();
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
