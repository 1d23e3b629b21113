// What backup and restore need of a database connection, the same on both engines: one session (a PGlite
// instance that nobody else uses, or one pg client), the tables to copy, and a per-table checksum that is
// computed the same way at backup and after restore.
import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export interface Session {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements at once (migration files). */
  exec(text: string): Promise<void>;
}

export const pgliteSession = (db: PGlite): Session => ({
  query: async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
  exec: async (text) => {
    await db.exec(text);
  },
});

export const pgSession = (client: pg.ClientBase): Session => ({
  query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
  exec: async (text) => {
    await client.query(text);
  },
});

/**
 * Rows are copied as PostgreSQL's own text form of the whole row (`t::text`): record input reads back
 * exactly what record output wrote, for every column type, on PostgreSQL 15 and PGlite (18) alike —
 * provided the settings that shape that text are the same on both sides. Set inside the transaction.
 */
export async function setTextSettings(s: Session): Promise<void> {
  for (const setting of [
    "set local timezone = 'UTC'",
    "set local datestyle = 'ISO, YMD'",
    "set local intervalstyle = 'postgres'",
    'set local extra_float_digits = 1',
    "set local bytea_output = 'hex'",
  ])
    await s.query(setting);
}

export interface TableInfo {
  /** schema-qualified and quoted, ready for SQL */
  name: string;
  /** as written in the manifest: schema.table */
  key: string;
  columns: { name: string; generated: boolean; identity: boolean }[];
}

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

/**
 * Every permanent table outside the system schemas and drizzle's own bookkeeping (which the restore writes
 * itself, migration by migration). Unlogged tables are left out: they hold ledger imports waiting to be
 * committed (they expire within a day), and PostgreSQL itself empties them after a crash.
 */
export async function listTables(s: Session): Promise<TableInfo[]> {
  const rows = await s.query<{ oid: number; nspname: string; relname: string }>(
    `select c.oid::int as oid, n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and c.relpersistence = 'p'
        and n.nspname not in ('pg_catalog', 'information_schema', 'drizzle') and n.nspname not like 'pg\\_%'
      order by n.nspname, c.relname`,
  );
  const tables: TableInfo[] = [];
  for (const r of rows) {
    const cols = await s.query<{ attname: string; attgenerated: string; attidentity: string }>(
      `select attname, attgenerated::text as attgenerated, attidentity::text as attidentity from pg_attribute
        where attrelid = $1 and attnum > 0 and not attisdropped order by attnum`,
      [r.oid],
    );
    tables.push({
      name: `${q(r.nspname)}.${q(r.relname)}`,
      key: `${r.nspname}.${r.relname}`,
      columns: cols.map((c) => ({ name: c.attname, generated: c.attgenerated !== '', identity: c.attidentity !== '' })),
    });
  }
  return tables;
}

/** Sequences outside the system schemas and drizzle's, with the value each would give next. */
export async function listSequences(s: Session): Promise<{ name: string; key: string }[]> {
  const rows = await s.query<{ nspname: string; relname: string }>(
    `select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'S' and n.nspname not in ('pg_catalog', 'information_schema', 'drizzle') and n.nspname not like 'pg\\_%'
      order by n.nspname, c.relname`,
  );
  return rows.map((r) => ({ name: `${q(r.nspname)}.${q(r.relname)}`, key: `${r.nspname}.${r.relname}` }));
}

/**
 * A table's checksum, independent of row order (the two engines need not share a collation): the sum,
 * modulo 2^128, of the first 128 bits of each row text's SHA-256, with the row count beside it.
 */
export class TableChecksum {
  private sum = 0n;
  rows = 0;
  add(rowText: string): void {
    this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(rowText).digest('hex').slice(0, 32)}`)) & ((1n << 128n) - 1n);
    this.rows++;
  }
  get hex(): string {
    return this.sum.toString(16).padStart(32, '0');
  }
}

const BATCH = 2000;

/** Streams a table's rows (as row text) through a cursor; the session must be inside a transaction. */
export async function* tableRows(s: Session, table: TableInfo): AsyncGenerator<string[]> {
  await s.query(`declare backup_rows no scroll cursor for select t::text as r from ${table.name} t`);
  try {
    for (;;) {
      const rows = await s.query<{ r: string }>(`fetch ${BATCH} from backup_rows`);
      if (rows.length === 0) return;
      yield rows.map((r) => r.r);
    }
  } finally {
    await s.query('close backup_rows');
  }
}

/** Checksums of every table, as the manifest records them (the session must be inside a transaction). */
export async function checksumTables(s: Session, tables: TableInfo[]): Promise<Record<string, { rows: number; checksum: string }>> {
  const out: Record<string, { rows: number; checksum: string }> = {};
  for (const table of tables) {
    const sum = new TableChecksum();
    for await (const batch of tableRows(s, table)) for (const r of batch) sum.add(r);
    out[table.key] = { rows: sum.rows, checksum: sum.hex };
  }
  return out;
}

export const quoteIdent = q;
