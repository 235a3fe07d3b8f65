/**
 * Every enumeration the Content Manager shows (content types and components of ours) has a Vietnamese label
 * for every value in @thads/shared, so that editors never read a code such as `con-hieu-luc`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENUM_LABELS, enumTranslations } from '@thads/shared';

const SRC = path.resolve(import.meta.dirname, '../..');

function schemas(): { uid: string; schema: any }[] {
  const out: { uid: string; schema: any }[] = [];
  for (const api of fs.readdirSync(path.join(SRC, 'api'))) {
    const dir = path.join(SRC, 'api', api, 'content-types');
    if (!fs.existsSync(dir)) continue;
    for (const ct of fs.readdirSync(dir))
      out.push({
        uid: `api::${api}.${ct}`,
        schema: JSON.parse(fs.readFileSync(path.join(dir, ct, 'schema.json'), 'utf8')),
      });
  }
  for (const category of fs.readdirSync(path.join(SRC, 'components'))) {
    for (const file of fs.readdirSync(path.join(SRC, 'components', category))) {
      if (file.endsWith('.json'))
        out.push({
          uid: `${category}.${file.replace(/\.json$/, '')}`,
          schema: JSON.parse(fs.readFileSync(path.join(SRC, 'components', category, file), 'utf8')),
        });
    }
  }
  return out;
}

describe('labels of enumeration values', () => {
  it('cover every value of every enumeration shown in the Content Manager', () => {
    const missing: string[] = [];
    for (const { uid, schema } of schemas()) {
      if (schema.pluginOptions?.['content-manager']?.visible === false) continue;
      for (const [field, attribute] of Object.entries<any>(schema.attributes)) {
        if (attribute.type !== 'enumeration') continue;
        for (const value of attribute.enum) if (!ENUM_LABELS[uid]?.[field]?.[value]) missing.push(`${uid}.${field}: ${value}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('name no value twice with different words (the admin looks labels up by value)', () => {
    expect(() => enumTranslations()).not.toThrow();
  });
});
