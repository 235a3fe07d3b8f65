/**
 * The archive: one gzipped tar file
 *   manifest.json          what is inside (this schema)
 *   db/<table>.jsonl       one JSON array of portable values per row, columns in manifest order
 *   media/<path>           the uploaded files, as they sit in the uploads folder or the bucket
 */
import { z } from '@strapi/utils';

export const BACKUP_FORMAT = 'thads-backup';
export const BACKUP_VERSION = 1;

const columnSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['integer', 'bigint', 'number', 'boolean', 'datetime', 'date', 'time', 'json', 'binary', 'text']),
});

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  strapiVersion: z.string(),
  database: z.object({ dialect: z.enum(['sqlite', 'postgres']) }),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[A-Za-z0-9_]+$/),
      columns: z.array(columnSchema).min(1),
      references: z.array(z.string()),
      selfReferences: z.array(z.string()),
      rows: z.number().int().nonnegative(),
    }),
  ),
  media: z.object({
    storage: z.enum(['local', 's3']),
    files: z.array(
      z.object({
        // Relative, forward slashes, never climbing out of the media folder.
        path: z.string().min(1).refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'đường dẫn tệp không hợp lệ'),
        size: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    ),
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestTable = Manifest['tables'][number];
