// One database handle for both engines: embedded PGlite (default) or a PostgreSQL server (DATABASE_URL).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
// biome-ignore lint/suspicious/noExplicitAny: both drivers' result kinds
export type Db = PgDatabase<PgQueryResultHKT & any>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Rows of a raw query, on either engine. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
}

// PostgreSQL returns bigint/numeric as strings; keep numeric exact (money) but count(*) as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

// The server ended an idle connection (restart, failover, a dropped test database): the pool opens a new
// one on next use, so this is no reason to crash the process.
const ADMIN_SHUTDOWN = '57P01';

export async function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  onIdleError?: (err: Error) => void;
  /** An in-memory PGlite starts from this dump of a data directory (PGlite's dumpDataDir) instead of an initdb. */
  loadDataDir?: Blob;
}): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // without a listener an idle client's error is thrown as an uncaught exception
    pool.on('error', (err) => {
      if ((err as { code?: string }).code !== ADMIN_SHUTDOWN) opts.onIdleError?.(err);
    });
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      pool,
      query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
      close: () => pool.end(),
    };
  }
  let dir: string | undefined;
  if (opts.dataDir) {
    // owner-only: the database files (and the data key beside them) are nobody else's to read, whatever the umask
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(opts.dataDir, 0o700);
    dir = join(opts.dataDir, 'pglite');
    await initDataDir(dir);
    chmodSync(dir, 0o700);
  }
  const pglite = await PGlite.create(dir, {
    loadDataDir: dir ? undefined : opts.loadDataDir,
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((s) => ['-c', s])],
  });
  const db = drizzlePglite(pglite) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite,
    query: async <T>(text: string, params?: unknown[]) => (await pglite.query<T>(text, params as unknown[])).rows,
    close: () => pglite.close(),
  };
}

// PGlite's page cache lives in this process and is all touched at start (128 MB by default); the OS
// file cache keeps the rest of the database files warm. It serves one session, so it needs no slots for
// 100 connections either. Measured: 350 → 250 MB resident after opening, imports no slower.
const PGLITE_SETTINGS = ['shared_buffers=32MB', 'max_connections=5'];

/**
 * A new data directory is created (initdb) in a child process: PGlite's initdb keeps ~500 MB of this
 * process's memory until it exits, so a server started on an empty directory would carry it for life.
 * It is made beside the real one and renamed into place, so a directory is either complete or absent
 * (an initdb killed halfway leaves only the scratch one, cleared at the next start).
 */
async function initDataDir(dir: string): Promise<void> {
  if (existsSync(join(dir, 'PG_VERSION'))) return;
  const scratch = `${dir}.init-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const code = `process.umask(0o077); require(${JSON.stringify(entry)}).PGlite.create(${JSON.stringify(scratch)}).then((db) => db.close())`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (status) =>
      status === 0 ? resolve() : reject(new Error(`creating the PGlite data directory ${dir} failed (exit ${status})`)),
    );
  });
  try {
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    renameSync(scratch, dir);
  } catch (err) {
    // another process starting on the same directory got there first: use theirs
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(join(dir, 'PG_VERSION'))) throw err;
  }
}
