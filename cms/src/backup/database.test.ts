import { describe, expect, it } from 'vitest';
import { fromPortable, insertionOrder, toPortable } from './database';

describe('insertionOrder', () => {
  it('puts every table after the tables its foreign keys point to', () => {
    const t = (name: string, references: string[] = []) => ({ name, references });
    const order = insertionOrder([t('articles_unit_lnk', ['articles', 'units']), t('articles', ['admin_users']), t('units', ['admin_users']), t('admin_users')]).map((x) => x.name);
    expect(order.indexOf('admin_users')).toBe(0);
    expect(order.indexOf('articles_unit_lnk')).toBe(3);
  });

  it('ignores references to tables it is not given, and says which tables form a cycle', () => {
    expect(insertionOrder([{ name: 'a', references: ['gone'] }]).map((x) => x.name)).toEqual(['a']);
    expect(() => insertionOrder([{ name: 'a', references: ['b'] }, { name: 'b', references: ['a'] }])).toThrow('Circular foreign keys between tables: a, b');
  });
});

describe('toPortable / fromPortable', () => {
  it("reads SQLite's values (0/1, milliseconds, JSON text) and PostgreSQL's (booleans, Dates) alike", () => {
    expect(toPortable('boolean', 1)).toBe(true);
    expect(toPortable('boolean', false)).toBe(false);
    expect(toPortable('datetime', 1795457617500)).toBe('2026-11-23T18:13:37.500Z');
    expect(toPortable('datetime', new Date('2026-11-23T18:13:37.500Z'))).toBe('2026-11-23T18:13:37.500Z');
    expect(toPortable('datetime', '2026-11-23 18:13:37')).toBe('2026-11-23T18:13:37.000Z');
    expect(toPortable('json', '{"a":[1,"đ"]}')).toBe('{"a":[1,"đ"]}');
    expect(toPortable('json', null)).toBeNull();
    expect(toPortable('binary', Buffer.from('xin chào'))).toBe(Buffer.from('xin chào').toString('base64'));
  });

  it('writes date-times as milliseconds and booleans as 0/1 on SQLite, as text and booleans on PostgreSQL', () => {
    expect(fromPortable('datetime', '2026-11-23T18:13:37.500Z', 'sqlite')).toBe(1795457617500);
    expect(fromPortable('datetime', '2026-11-23T18:13:37.500Z', 'postgres')).toBe('2026-11-23T18:13:37.500Z');
    expect(fromPortable('boolean', true, 'sqlite')).toBe(1);
    expect(fromPortable('boolean', true, 'postgres')).toBe(true);
    expect(fromPortable('json', '{"a":1}', 'postgres')).toBe('{"a":1}');
    expect(fromPortable('text', null, 'sqlite')).toBeNull();
  });
});
