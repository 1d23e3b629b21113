// Which migration a database is at, and applying the code's migrations up to a given one inside the
// caller's transaction — exactly as drizzle's migrator records them (drizzle.__drizzle_migrations), so the
// app's own migrate() at start-up carries on from there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_DIR } from '../db/migrate';
import type { Session } from './session';

export interface MigrationRef {
  tag: string;
  /** the journal's `when`, which drizzle stores as created_at */
  when: number;
  hash: string;
}

interface CodeMigration extends MigrationRef {
  sql: string[];
}

export function codeMigrations(folder = MIGRATIONS_DIR): CodeMigration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  const files = readMigrationFiles({ migrationsFolder: folder });
  return journal.entries.map((e, i) => ({ tag: e.tag, when: e.when, hash: files[i].hash, sql: files[i].sql }));
}

/** The last migration applied to a database (null when none: an empty database). */
export async function appliedMigration(s: Session): Promise<MigrationRef | null> {
  const [exists] = await s.query<{ t: string | null }>(`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!exists?.t) return null;
  const [last] = await s.query<{ hash: string; created_at: string }>(
    'select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
  );
  if (!last) return null;
  const when = Number(last.created_at);
  const known = codeMigrations().find((m) => m.when === when);
  return { tag: known?.tag ?? `@${when}`, when, hash: last.hash };
}

/** Applies the code's migrations up to and including `upTo` (by its `when`), in the caller's transaction. */
export async function applyMigrationsUpTo(s: Session, upTo: number): Promise<void> {
  await s.query('create schema if not exists drizzle');
  await s.query('create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)');
  for (const m of codeMigrations()) {
    if (m.when > upTo) break;
    for (const stmt of m.sql) if (stmt.trim()) await s.exec(stmt);
    await s.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [m.hash, m.when]);
  }
}
