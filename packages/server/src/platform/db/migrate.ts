// Applies the migrations in packages/server/drizzle at start-up, on either engine; safe to run again.

import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { serverFile } from '../paths';
import type { Database } from './client';

export const MIGRATIONS_DIR = serverFile('drizzle');
const LOCK_KEY = 7_020_301; // advisory lock so two app instances never migrate at once

export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.engine === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: driver-specific migrator
    await migratePglite(database.db as any, config);
    await attachImportJournal(database);
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    // biome-ignore lint/suspicious/noExplicitAny: driver-specific migrator
    await migratePg(database.db as any, config);
    await attachImportJournal(database);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    client.release();
  }
}

/**
 * The import journal's row trigger on every table that lacks it (platform/ledgers/journal.ts; migration
 * import_journal), the tables of every migration included — at start, so a ledger's first commit does not pay
 * for it (each commit checks again, for tables made since).
 */
async function attachImportJournal(database: Database) {
  await database.query('select xz_import_journal_attach()');
}
