/**
 * The office documents the agency publishes (attachments, media kits' fact sheets): file extension, MIME type
 * and the label readers see. One list for the CMS's upload rules and backups, the site's downloads and the
 * publisher's Content-Type.
 */
export const DOCUMENT_FORMATS = [
  { ext: 'pdf', mime: 'application/pdf', label: 'PDF' },
  { ext: 'doc', mime: 'application/msword', label: 'DOC' },
  { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'DOCX' },
  { ext: 'xls', mime: 'application/vnd.ms-excel', label: 'XLS' },
  { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX' },
  { ext: 'odt', mime: 'application/vnd.oasis.opendocument.text', label: 'ODT' },
  { ext: 'ods', mime: 'application/vnd.oasis.opendocument.spreadsheet', label: 'ODS' },
] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** ".pdf" → "application/pdf", for servers and archives. */
export const DOCUMENT_CONTENT_TYPES: Readonly<Record<string, string>> = Object.fromEntries(DOCUMENT_FORMATS.map((f) => [`.${f.ext}`, f.mime]));
