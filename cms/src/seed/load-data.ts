import fs from 'node:fs';
import path from 'node:path';
import { formatIssues, seedFiles, type SeedData } from '@thads/shared';

export const DEMO_DATA_DIR = path.resolve(__dirname, '..', '..', '..', 'data', 'demo');

/** Reads and validates every demo data file; throws one error listing every problem with file, item and field. */
export function loadSeedData(dir = DEMO_DATA_DIR): SeedData {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [file, schema] of Object.entries(seedFiles)) {
    const full = path.join(dir, file);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (error) {
      problems.push(`${file}: không đọc được (${(error as Error).message})`);
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) out[file.replace(/\.json$/, '')] = parsed.data;
    else problems.push(formatIssues(file, parsed.error));
  }
  if (problems.length) throw new Error(`Dữ liệu mẫu không hợp lệ (${dir}):\n${problems.join('\n')}`);
  return out as SeedData;
}
