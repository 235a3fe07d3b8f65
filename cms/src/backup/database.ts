/**
 * The database side of backups: a knex connection made from the CMS's own database configuration
 * (config/database.ts, so SQLite and PostgreSQL alike), the tables as they are in the database, and the
 * conversion of their values to a portable form and back.
 *
 * Values are written portable, so an archive made on SQLite restores on PostgreSQL and the other way:
 * booleans as true/false, date-times as ISO 8601 strings, JSON columns as their JSON text, binary as base64.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Knex } from 'knex';
import { env } from '@strapi/utils';

export type Dialect = 'sqlite' | 'postgres';
export type ColumnType = 'integer' | 'bigint' | 'number' | 'boolean' | 'datetime' | 'date' | 'time' | 'json' | 'binary' | 'text';
export type Column = { name: string; type: ColumnType };
export type Table = { name: string; columns: Column[]; references: string[]; selfReferences: string[] };
export type Db = { knex: Knex; dialect: Dialect; schema?: string; close: () => Promise<void> };

/**
 * Tables that describe the database rather than hold data: Strapi rebuilds them when it starts on the
 * target, from the code it runs. Admin sessions are left out too: after a restore, editors log in again.
 */
export const SKIPPED_TABLES = new Set(['strapi_database_schema', 'strapi_migrations', 'strapi_migrations_internal', 'strapi_sessions']);


/** Opens the database that the CMS in `distDir` (its compiled config/database.js) is configured for. */
export async function openDatabase(distDir: string): Promise<Db> {
  // Strapi's own knex and pg, whatever versions it pins.
  const strapiRequire = createRequire(require.resolve('@strapi/database'));
  const configure = require(path.join(distDir, 'config', 'database.js'));
  const { connection } = (configure.default ?? configure)({ env });
  const dialect: Dialect = connection.client === 'postgres' ? 'postgres' : 'sqlite';
  const knexFactory = strapiRequire('knex');
  let schema: string | undefined;
  let knex: Knex;
  if (dialect === 'postgres') {
    // The same parsers as Strapi's: DATE and JSON as the text PostgreSQL sends.
    const { types } = strapiRequire('pg');
    types.setTypeParser(types.builtins.DATE, 'text', (v: string) => v);
    types.setTypeParser(types.builtins.JSON, 'text', (v: string) => v);
    types.setTypeParser(types.builtins.JSONB, 'text', (v: string) => v);
    schema = connection.connection.schema || 'public';
    knex = knexFactory({ client: 'pg', connection: connection.connection, searchPath: [schema], pool: { min: 0, max: 2 } });
  } else {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: connection.connection,
      useNullAsDefault: true,
      pool: {
        afterCreate: (conn: any, done: (err: Error | null, conn: any) => void) => {
          conn.pragma('foreign_keys = ON');
          done(null, conn);
        },
      },
    });
  }
  return { knex, dialect, schema, close: () => knex.destroy() };
}

function sqliteColumnType(declared: string): ColumnType {
  const t = declared.toLowerCase();
  if (t === 'boolean') return 'boolean';
  if (t === 'datetime' || t.startsWith('timestamp')) return 'datetime';
  if (t === 'date') return 'date';
  if (t === 'time') return 'time';
  if (t === 'json' || t === 'jsonb') return 'json';
  if (t === 'bigint') return 'bigint';
  if (t.includes('int')) return 'integer';
  if (/float|real|double|decimal|numeric/.test(t)) return 'number';
  if (t === 'blob') return 'binary';
  return 'text';
}

function postgresColumnType(dataType: string): ColumnType {
  if (dataType === 'boolean') return 'boolean';
  if (dataType.startsWith('timestamp')) return 'datetime';
  if (dataType === 'date') return 'date';
  if (dataType.startsWith('time')) return 'time';
  if (dataType === 'json' || dataType === 'jsonb') return 'json';
  if (dataType === 'bigint') return 'bigint';
  if (dataType === 'integer' || dataType === 'smallint') return 'integer';
  if (dataType === 'real' || dataType === 'double precision' || dataType === 'numeric') return 'number';
  if (dataType === 'bytea') return 'binary';
  return 'text';
}

/** Every data table with its columns and the tables its foreign keys point to (Strapi's own tables included). */
export async function listTables(db: Db): Promise<Table[]> {
  const { knex } = db;
  const found = new Map<string, Table>();
  if (db.dialect === 'sqlite') {
    const names: { name: string }[] = await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    for (const { name } of names) {
      const columns: { name: string; type: string }[] = await knex.raw(`PRAGMA table_info(${quote(name)})`);
      const keys: { table: string; from: string }[] = await knex.raw(`PRAGMA foreign_key_list(${quote(name)})`);
      found.set(name, table(name, columns.map((c) => ({ name: c.name, type: sqliteColumnType(c.type) })), keys.map((k) => ({ column: k.from, table: k.table }))));
    }
  } else {
    const columns = (await knex.raw('SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name WHERE c.table_schema = ? AND t.table_type = ? ORDER BY c.table_name, c.ordinal_position', [db.schema, 'BASE TABLE'])).rows as { table_name: string; column_name: string; data_type: string }[];
    const keys = (await knex.raw(
      `SELECT tc.relname AS "table", a.attname AS "column", rc.relname AS "ref"
         FROM pg_constraint c
         JOIN pg_class tc ON tc.oid = c.conrelid
         JOIN pg_class rc ON rc.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = tc.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.contype = 'f' AND n.nspname = ?`,
      [db.schema],
    )).rows as { table: string; column: string; ref: string }[];
    const byTable = new Map<string, Column[]>();
    for (const c of columns) (byTable.get(c.table_name) ?? byTable.set(c.table_name, []).get(c.table_name)!).push({ name: c.column_name, type: postgresColumnType(c.data_type) });
    for (const [name, cols] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
      found.set(name, table(name, cols, keys.filter((k) => k.table === name).map((k) => ({ column: k.column, table: k.ref }))));
    }
  }
  return [...found.values()].filter((t) => !SKIPPED_TABLES.has(t.name));
}

function table(name: string, columns: Column[], keys: { column: string; table: string }[]): Table {
  return {
    name,
    columns,
    references: [...new Set(keys.filter((k) => k.table !== name).map((k) => k.table))].sort(),
    selfReferences: [...new Set(keys.filter((k) => k.table === name).map((k) => k.column))].sort(),
  };
}

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Tables in an order where each comes after the tables its foreign keys point to (parents first).
 * Columns that point to their own table (admin_users.created_by_id) are filled in after the rows.
 */
export function insertionOrder<T extends { name: string; references: string[] }>(tables: T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: T[] = [];
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length) {
    const ready = remaining.filter((t) => t.references.every((r) => done.has(r) || !byName.has(r)));
    if (!ready.length) throw new Error(`Circular foreign keys between tables: ${remaining.map((t) => t.name).join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      done.add(t.name);
    }
    remaining = remaining.filter((t) => !done.has(t.name));
  }
  return ordered;
}

/** A date-time from SQLite (milliseconds, or text Strapi or SQL wrote) or PostgreSQL (Date) as ISO 8601. */
function isoDateTime(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+$/.test(value))) return new Date(Number(value)).toISOString();
  const text = String(value);
  // "2026-11-23 10:00:00" (SQL's CURRENT_TIMESTAMP) is UTC.
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`;
  const date = new Date(withZone);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date-time: ${text}`);
  return date.toISOString();
}

/** A database value as it is stored in the archive. */
export function toPortable(type: ColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : Boolean(Number(value));
    case 'datetime':
      return isoDateTime(value);
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    case 'json':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'binary':
      return Buffer.isBuffer(value) ? value.toString('base64') : Buffer.from(String(value)).toString('base64');
    case 'bigint':
      return typeof value === 'bigint' ? value.toString() : value;
    default:
      return value;
  }
}

/** An archive value as the target database stores it (Strapi's SQLite keeps date-times as milliseconds). */
export function fromPortable(type: ColumnType, value: unknown, dialect: Dialect): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'boolean':
      return dialect === 'sqlite' ? (value ? 1 : 0) : Boolean(value);
    case 'datetime':
      return dialect === 'sqlite' ? new Date(String(value)).getTime() : String(value);
    case 'binary':
      return Buffer.from(String(value), 'base64');
    default:
      return value;
  }
}
