// `npm run restore -- <archive>`: into an empty PGlite data directory or an empty PostgreSQL database.
// Everything happens in one transaction on the target — the schema up to the archive's migration, the
// rows, the sequences, then every table's count and checksum compared with the manifest — and is
// committed only when all of it matches; a PGlite directory is also built beside the real one and renamed
// into place at the end. Migrations newer than the archive then run as at any start-up.
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PersonalDataCipher, parseKeySpec } from '../crypto/personalData';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { checkSidecar, type Manifest, readArchive } from './archive';
import { BackupError } from './messages';
import { type CipherCheck, checkCiphers } from './personalData';
import { applyMigrationsUpTo, codeMigrations } from './schema';
import { checksumTables, listTables, pgliteSession, pgSession, quoteIdent, type Session, setTextSettings, type TableInfo } from './session';

export type RestoreTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface RestoreOptions {
  /** the personal-data key setting (XIEZUO_DATA_KEY's format): when given, a restore it cannot decrypt is refused */
  key?: string;
}

export interface RestoreResult {
  manifest: Manifest;
  /** the sampled personal data the key decrypted (undefined without a key) */
  personalData?: CipherCheck;
  /** migrations run after the archive's (it came from an older version) */
  migratedAfter: string[];
}

const BATCH = 1000;

export async function restoreArchive(file: string, target: RestoreTarget, opts: RestoreOptions = {}): Promise<RestoreResult> {
  if (!existsSync(file)) throw new BackupError('notArchive', { file, what: '文件不存在 / no such file' });
  await checkSidecar(file);
  await checkArchive(file);
  if (target.kind === 'postgres') return restoreToPostgres(file, target.url, opts);
  return restoreToPglite(file, target.dataDir, opts);
}

async function restoreToPostgres(file: string, url: string, opts: RestoreOptions): Promise<RestoreResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let loaded: Loaded;
  try {
    const s = pgSession(client);
    const [{ n }] = await s.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v', 'm', 'S') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`,
    );
    if (n > 0) throw new BackupError('notEmpty', { target: redact(url) });
    loaded = await load(s, file, opts);
  } finally {
    await client.end();
  }
  const database = await openDatabase({ url });
  try {
    return { ...loaded, migratedAfter: await migrateRest(database, loaded.manifest) };
  } finally {
    await database.close();
  }
}

async function restoreToPglite(file: string, dataDir: string, opts: RestoreOptions): Promise<RestoreResult> {
  const dir = join(dataDir, 'pglite');
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new BackupError('notEmpty', { target: dir });
  // a restore killed earlier leaves only its scratch directory: clear those
  if (existsSync(dataDir))
    for (const f of readdirSync(dataDir)) if (f.startsWith('.restore-')) rmSync(join(dataDir, f), { recursive: true, force: true });
  const scratch = join(dataDir, `.restore-${process.pid}`);
  let loaded: Loaded;
  try {
    const database = await openDatabase({ dataDir: scratch });
    try {
      loaded = await load(pgliteSession(database.pglite!), file, opts);
    } finally {
      await database.close();
    }
    if (existsSync(dir)) rmSync(dir, { recursive: true });
    renameSync(join(scratch, 'pglite'), dir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const database = await openDatabase({ dataDir });
  try {
    return { ...loaded, migratedAfter: await migrateRest(database, loaded.manifest) };
  } finally {
    await database.close();
  }
}

async function migrateRest(database: Awaited<ReturnType<typeof openDatabase>>, manifest: Manifest): Promise<string[]> {
  const pending = codeMigrations()
    .filter((m) => m.when > manifest.migration.when)
    .map((m) => m.tag);
  await migrate(database);
  return pending;
}

/** Loads the archive into an empty database through `s`, in one transaction; throws (rolled back) on any mismatch. */
type Loaded = Pick<RestoreResult, 'manifest' | 'personalData'>;

async function load(s: Session, file: string, opts: RestoreOptions): Promise<Loaded> {
  await s.query('begin');
  try {
    await setTextSettings(s);
    const manifest = await loadLines(s, file);
    let personalData: CipherCheck | undefined;
    if (opts.key) {
      personalData = await checkCiphers(s.query, new PersonalDataCipher(parseKeySpec(opts.key)));
      if (personalData.failed > 0)
        throw new BackupError('wrongKey', { failed: personalData.failed, checked: personalData.checked, where: personalData.where });
    }
    await s.query('commit');
    return { manifest, personalData };
  } catch (err) {
    await s.query('rollback').catch(() => {});
    throw err;
  }
}

async function loadLines(s: Session, file: string): Promise<Manifest> {
  let tables = new Map<string, TableInfo>();
  let table: TableInfo | undefined;
  let insert = '';
  let batch: string[] = [];
  const counts = new Map<string, number>();
  let disabled: TableInfo[] = [];
  const flush = async () => {
    if (batch.length) await s.query(insert, [batch]);
    batch = [];
  };
  for await (const line of readArchive(file)) {
    if (line.kind === 'H') {
      checkSchema(line.header.migration);
      await applyMigrationsUpTo(s, line.header.migration.when);
      tables = new Map((await listTables(s)).map((t) => [t.key, t]));
      disabled = await switchOffTriggers(s, [...tables.values()]);
    } else if (line.kind === 'T') {
      await flush();
      table = tables.get(line.table);
      if (!table)
        throw new BackupError('verifyFailed', { table: line.table, what: '在本程序的数据库结构中不存在 / does not exist in the schema' });
      const same = table.columns.length === line.columns.length && table.columns.every((c, i) => c.name === line.columns[i]);
      if (!same)
        throw new BackupError('verifyFailed', { table: line.table, what: '列与数据库结构不一致 / columns differ from the schema' });
      insert = insertSql(table);
      counts.set(table.key, 0);
    } else if (line.kind === 'R') {
      if (!table) throw new BackupError('notArchive', { file, what: '行数据不属于任何表 / a row outside any table' });
      batch.push(line.row);
      counts.set(table.key, (counts.get(table.key) ?? 0) + 1);
      if (batch.length >= BATCH) await flush();
    } else if (line.kind === 'S') {
      await flush();
      const [schema, name] = line.sequence.split('.');
      await s.query('select setval($1::regclass, $2::bigint, $3)', [`${quoteIdent(schema)}.${quoteIdent(name)}`, line.value, line.called]);
    } else {
      await flush();
      if (line.manifest.contentSha256 !== line.computedSha256) throw new BackupError('badChecksum', { what: 'contentSha256' });
      for (const t of disabled) await s.query(`alter table ${t.name} enable trigger user`);
      await verify(s, line.manifest, [...tables.values()], counts);
      return line.manifest;
    }
  }
  throw new Error('unreachable: readArchive ends with the manifest');
}

/** Reads the whole archive once before the target is touched: complete, unaltered, of a schema this build knows. */
export async function checkArchive(file: string): Promise<Manifest> {
  for await (const line of readArchive(file)) {
    if (line.kind === 'H') checkSchema(line.header.migration);
    else if (line.kind === 'M') {
      if (line.manifest.contentSha256 !== line.computedSha256) throw new BackupError('badChecksum', { what: 'contentSha256' });
      return line.manifest;
    }
  }
  throw new Error('unreachable: readArchive ends with the manifest');
}

function checkSchema(archive: Manifest['migration']): void {
  const code = codeMigrations();
  const known = code.find((m) => m.when === archive.when);
  const latest = code[code.length - 1];
  if (!known && archive.when > latest.when) throw new BackupError('newerSchema', { archive: archive.tag, code: latest.tag });
  if (!known || known.hash !== archive.hash) throw new BackupError('unknownSchema', { archive: archive.tag });
}

/**
 * Rows go in as they were: no trigger may add to them (the indicator aggregates are restored too) and no
 * foreign-key check may trip over a row whose parent comes later. As a superuser (PGlite always, the usual
 * PostgreSQL owner) that is session_replication_role = replica; otherwise the tables' own triggers are
 * disabled for the transaction and the tables load parents first (the archive is written in that order).
 */
async function switchOffTriggers(s: Session, tables: TableInfo[]): Promise<TableInfo[]> {
  await s.query('savepoint replica');
  try {
    await s.query("set local session_replication_role = 'replica'");
    await s.query('release savepoint replica');
    return [];
  } catch {
    await s.query('rollback to savepoint replica');
    for (const t of tables) await s.query(`alter table ${t.name} disable trigger user`);
    return tables; // switched on again before the checks and the commit
  }
}

function insertSql(t: TableInfo): string {
  const cols = t.columns.filter((c) => !c.generated);
  const names = cols.map((c) => quoteIdent(c.name)).join(', ');
  const values = cols.map((c) => `(r).${quoteIdent(c.name)}`).join(', ');
  const overriding = cols.some((c) => c.identity) ? ' overriding system value' : '';
  return `insert into ${t.name} (${names})${overriding} select ${values} from (select x::${t.name} as r from unnest($1::text[]) as x) rows`;
}

async function verify(s: Session, manifest: Manifest, tables: TableInfo[], counts: Map<string, number>): Promise<void> {
  for (const [key, m] of Object.entries(manifest.tables)) {
    if (!counts.has(key)) throw new BackupError('verifyFailed', { table: key, what: '备份中缺少该表的数据 / missing from the archive' });
    if (counts.get(key) !== m.rows) throw new BackupError('badChecksum', { what: `${key}: ${counts.get(key)} ≠ ${m.rows}` });
  }
  const restored = await checksumTables(
    s,
    tables.filter((t) => manifest.tables[t.key]),
  );
  for (const [key, m] of Object.entries(manifest.tables)) {
    const r = restored[key];
    if (r.rows !== m.rows) throw new BackupError('verifyFailed', { table: key, what: `行数 ${r.rows} ≠ ${m.rows} / rows` });
    if (r.checksum !== m.checksum)
      throw new BackupError('verifyFailed', { table: key, what: `校验和不符 / checksum ${r.checksum} ≠ ${m.checksum}` });
  }
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
