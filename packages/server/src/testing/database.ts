// A fresh, migrated database per test file: in-memory PGlite, or — when TEST_DATABASE_URL is set — a
// new database on that PostgreSQL server, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../platform/db/client';
import { migrate } from '../platform/db/migrate';

export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openMigratedPglite();
  const scratch = await createScratchDatabase(url);
  const database = await openDatabase({ url: scratch.url });
  await migrate(database);
  const close = database.close;
  database.close = async () => {
    await close();
    await scratch.drop();
  };
  return database;
}

/** A new, empty database on the server at `serverUrl`, and a way to drop it. */
export async function createScratchDatabase(serverUrl: string) {
  const name = `xz_test_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/**
 * An in-memory PGlite, migrated. Within a test run (XZ_PGLITE_TEMPLATES, set by testing/globalSetup.ts) the first
 * file to need one dumps its freshly migrated database there and the others load that dump: PGlite's initdb and the
 * migrations were most of a test file's set-up (initdb ≈ 21 s, loading a dump ≈ 4 s on a busy machine).
 */
async function openMigratedPglite(): Promise<Database> {
  const dir = process.env.XZ_PGLITE_TEMPLATES;
  const dump = dir && join(dir, 'migrated.tar');
  if (dump && existsSync(dump)) {
    const database = await openDatabase({ loadDataDir: new Blob([readFileSync(dump)]) });
    await migrate(database); // nothing to do: it proves the dump is current
    return database;
  }
  const database = await openDatabase({});
  await migrate(database);
  if (dump) {
    const blob = await database.pglite!.dumpDataDir('none');
    const scratch = `${dump}.${process.pid}`;
    writeFileSync(scratch, Buffer.from(await blob.arrayBuffer()));
    renameSync(scratch, dump); // whole or absent, if two files make it at once
  }
  return database;
}
