// `npm run backup` and the scheduled backup: one consistent archive of the whole database.
//  - PostgreSQL: one REPEATABLE READ READ ONLY transaction — a snapshot that writers never wait for.
//  - PGlite in this process (the running app, the tests): PGlite serves one query at a time, so a long
//    read transaction would hold every request. Instead its data directory is copied as it stands between
//    two queries (snapshot.ts: only the files that changed meanwhile are copied under PGlite's lock, the
//    only moment requests wait) and the copy is
//    opened as a second, private PGlite and read at leisure, then removed.
//  - PGlite data directory that no server has open (the CLI): opened and read in one transaction.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import type { Database } from '../db/client';
import { serverFile } from '../paths';
import { type ArchiveHeader, ArchiveWriter, FORMAT, FORMAT_VERSION, type Manifest } from './archive';
import { appliedMigration } from './schema';
import { listSequences, listTables, pgliteSession, pgSession, type Session, setTextSettings, TableChecksum, tableRows } from './session';
import { snapshotDir } from './snapshot';

export type BackupSource = { kind: 'postgres'; url: string } | { kind: 'pglite-dir'; dir: string } | { kind: 'live'; database: Database };

export interface BackupResult {
  file: string;
  fileSha256: string;
  manifest: Manifest;
  /** how long requests to an embedded database were held (the data directory copy), ms */
  heldMs: number;
}

export const appVersion = (): string => (JSON.parse(readFileSync(serverFile('package.json'), 'utf8')) as { version: string }).version;

export async function backupDatabase(source: BackupSource, outDir: string): Promise<BackupResult> {
  mkdirSync(outDir, { recursive: true });
  if (source.kind === 'postgres') {
    const client = new pg.Client({ connectionString: source.url });
    await client.connect();
    try {
      return { ...(await inSnapshot(pgSession(client), 'postgres', outDir)), heldMs: 0 };
    } finally {
      await client.end();
    }
  }
  if (source.kind === 'live' && source.database.engine === 'postgres') {
    const client = await source.database.pool!.connect();
    try {
      return { ...(await inSnapshot(pgSession(client), 'postgres', outDir)), heldMs: 0 };
    } finally {
      client.release();
    }
  }
  let heldMs = 0;
  let db: PGlite;
  if (source.kind === 'live') {
    const live = source.database.pglite!;
    const dir = (live as { dataDir?: string }).dataDir;
    const started = performance.now();
    if (dir && existsSync(join(dir, 'PG_VERSION'))) {
      // between two queries the files on disk are what a crash at that moment would leave: a copy of them
      // opens (after PostgreSQL's own crash recovery) as the database at that instant. It is opened and read
      // in a child process: starting a PGlite (WebAssembly, crash recovery) blocks its thread for seconds.
      const copyDir = `${dir}.backup-${process.pid}-${Date.now()}`;
      try {
        heldMs = (await snapshotDir(dir, copyDir, (fn) => live.runExclusive(fn))).heldMs;
        return { ...(await backupInChild(copyDir, outDir)), heldMs };
      } finally {
        await rm(copyDir, { recursive: true, force: true });
      }
    } else {
      // an in-memory database (tests): its files, as a tar, into a second in-memory instance
      const copy = await live.dumpDataDir('none');
      heldMs = performance.now() - started;
      db = await PGlite.create({ loadDataDir: copy, extensions: { pg_trgm } });
    }
  } else {
    db = await PGlite.create(source.dir, { extensions: { pg_trgm } });
  }
  try {
    return { ...(await inSnapshot(pgliteSession(db), 'pglite', outDir)), heldMs };
  } finally {
    await db.close();
  }
}

/** `cli.ts backup-copy <dir> <out>` in a child process: the bundle beside this one, or the sources under tsx. */
async function backupInChild(dir: string, outDir: string): Promise<Omit<BackupResult, 'heldMs'>> {
  const here = fileURLToPath(import.meta.url);
  const args = here.endsWith('.ts') ? ['--import', 'tsx', join(dirname(here), 'cli.ts')] : [join(dirname(here), 'backup.js')];
  const child = spawn(process.execPath, [...args, 'backup-copy', dir, outDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (status !== 0) throw new Error(`backup of the copy failed (exit ${status}): ${stderr.trim().slice(-2000)}`);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Omit<BackupResult, 'heldMs'>;
}

async function inSnapshot(s: Session, engine: 'pglite' | 'postgres', outDir: string): Promise<Omit<BackupResult, 'heldMs'>> {
  await s.query('begin isolation level repeatable read read only');
  try {
    await setTextSettings(s);
    const result = await writeArchive(s, engine, outDir);
    await s.query('commit');
    return result;
  } catch (err) {
    await s.query('rollback').catch(() => {});
    throw err;
  }
}

async function writeArchive(s: Session, engine: 'pglite' | 'postgres', outDir: string): Promise<Omit<BackupResult, 'heldMs'>> {
  const migration = await appliedMigration(s);
  if (!migration) throw new Error('the database has no migrations applied: nothing to back up');
  const [{ v }] = await s.query<{ v: string }>("select current_setting('server_version') as v");
  const header: ArchiveHeader = {
    format: FORMAT,
    version: FORMAT_VERSION,
    appVersion: appVersion(),
    engine,
    serverVersion: v,
    migration,
    createdAt: new Date().toISOString(),
  };
  const tables = await sortByForeignKeys(s, await listTables(s));
  const w = new ArchiveWriter(outDir);
  try {
    await w.line(`H${JSON.stringify(header)}`);
    const counts: Manifest['tables'] = {};
    for (const table of tables) {
      await w.line(`T${JSON.stringify({ table: table.key, columns: table.columns.map((c) => c.name) })}`);
      const sum = new TableChecksum();
      for await (const batch of tableRows(s, table)) {
        for (const row of batch) {
          sum.add(row);
          await w.line(`R${JSON.stringify(row)}`);
        }
      }
      counts[table.key] = { rows: sum.rows, checksum: sum.hex };
    }
    const sequences = await listSequences(s);
    for (const seq of sequences) {
      const [{ last_value, is_called }] = await s.query<{ last_value: string; is_called: boolean }>(
        `select last_value::text as last_value, is_called from ${seq.name}`,
      );
      await w.line(`S${JSON.stringify({ sequence: seq.key, value: last_value, called: is_called })}`);
    }
    const manifest: Manifest = { ...header, tables: counts, sequences: sequences.length, contentSha256: w.contentSha256() };
    await w.line(`M${JSON.stringify(manifest)}`, false);
    const fileSha256 = await w.finish();
    return { file: w.file, fileSha256, manifest };
  } catch (err) {
    await w.abort();
    throw err;
  }
}

/** Tables that others reference come first, so a restore that cannot switch off foreign-key checks still loads. */
async function sortByForeignKeys<T extends { key: string }>(s: Session, tables: T[]): Promise<T[]> {
  const edges = await s.query<{ child: string; parent: string }>(
    `select cn.nspname || '.' || cc.relname as child, pn.nspname || '.' || pc.relname as parent
       from pg_constraint k
       join pg_class cc on cc.oid = k.conrelid join pg_namespace cn on cn.oid = cc.relnamespace
       join pg_class pc on pc.oid = k.confrelid join pg_namespace pn on pn.oid = pc.relnamespace
      where k.contype = 'f'`,
  );
  const parents = new Map<string, Set<string>>();
  for (const e of edges) if (e.child !== e.parent) (parents.get(e.child) ?? parents.set(e.child, new Set()).get(e.child)!).add(e.parent);
  const byKey = new Map(tables.map((t) => [t.key, t]));
  const out: T[] = [];
  const seen = new Set<string>();
  const visit = (key: string, path: Set<string>) => {
    if (seen.has(key) || path.has(key)) return;
    path.add(key);
    for (const p of parents.get(key) ?? []) visit(p, path);
    seen.add(key);
    const t = byKey.get(key);
    if (t) out.push(t);
  };
  for (const t of tables) visit(t.key, new Set());
  return out;
}
