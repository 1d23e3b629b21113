// Backup and restore end to end: a seeded embedded database (file-backed, as `npm start` runs it) is
// backed up while requests run, restored into a new data directory and — when TEST_DATABASE_URL is set —
// into a fresh PostgreSQL database, and every table compared; the personal data decrypts with the key and
// not with another; a tampered, a cut-short, a newer or a killed archive is refused.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { isValidIdNumber } from '@xiezuo/shared/codes/idNumber';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { modules } from '../../modules';
import { seedTeamsDemo } from '../../modules/teams/demo';
import { TEST_PASSWORD, TestClient } from '../../testing/app';
import { createScratchDatabase } from '../../testing/database';
import { createUser } from '../auth/service';
import { users } from '../auth/tables';
import { servicesFor } from '../bootstrap';
import { generateKeySpec, PersonalDataCipher, parseKeySpec } from '../crypto/personalData';
import { type Database, openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { type App, buildApp } from '../http/app';
import { ARCHIVE_SUFFIX } from './archive';
import { type BackupResult, backupDatabase } from './backup';
import { BackupError } from './messages';
import { checkCiphers } from './personalData';
import { restoreArchive } from './restore';
import { checksumTables, listTables, pgliteSession, pgSession, type Session, setTextSettings } from './session';

const KEY = generateKeySpec();
const cipher = new PersonalDataCipher(parseKeySpec(KEY));
const root = mkdtempSync(join(tmpdir(), 'xiezuo-backup-'));
const out = join(root, 'backups');
let source: Database;
let app: App;
let backup: BackupResult;
let sourceSums: Awaited<ReturnType<typeof checksumTables>>;
let sourceIds: Map<number, string>;

async function sums(s: Session) {
  await s.query('begin isolation level repeatable read read only');
  await setTextSettings(s);
  const r = await checksumTables(s, await listTables(s));
  await s.query('commit');
  return r;
}

async function cadreIds(query: Database['query']) {
  const rows = await query<{ id: number; c: string }>('select id, id_number_cipher as c from cadres order by id');
  return new Map(rows.map((r) => [r.id, r.c]));
}

/** Expects `fn` to be refused with the given code. */
async function refused(fn: () => Promise<unknown>, code: string) {
  const err = await fn().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected the refusal ${code}`).toBeInstanceOf(BackupError);
  expect((err as BackupError).code).toBe(code);
  return err as BackupError;
}

beforeAll(async () => {
  source = await openDatabase({ dataDir: join(root, 'source') });
  await migrate(source);
  const config = { ...loadConfig({}), scryptCost: 10, seedDemo: false, webDist: '/nonexistent', dataDir: join(root, 'source') };
  const services = servicesFor(config, source, cipher, modules);
  await seedTeamsDemo(services);
  const { user } = await createUser(
    source.db,
    config,
    { username: 'hq', displayName: 'hq', role: 'hq', scopeAll: true, scopeDivisions: [], scopeTeams: [] },
    { id: null, name: 'test', ip: null },
    TEST_PASSWORD,
  );
  await source.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
  app = await buildApp(services, modules);
  await app.ready();
  const client = new TestClient(app);
  await client.login('hq', TEST_PASSWORD);

  // requests keep coming while the backup runs; none may wait long
  let running = true;
  let slowest = 0;
  let served = 0;
  const load = (async () => {
    while (running) {
      const started = performance.now();
      const res = await client.request('GET', '/api/teams/cadres?page=1&pageSize=20');
      expect(res.statusCode).toBe(200);
      slowest = Math.max(slowest, performance.now() - started);
      served++;
      // app.inject and PGlite resolve without touching the event loop; real requests arrive as I/O
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  backup = await backupDatabase({ kind: 'live', database: source }, out);
  running = false;
  await load;
  expect(served).toBeGreaterThan(0);
  expect(slowest).toBeLessThan(1000);
  expect(backup.heldMs).toBeLessThan(1000);

  sourceSums = await sums(pgliteSession(source.pglite!));
  sourceIds = await cadreIds(source.query);
}, 400_000);

afterAll(async () => {
  await app?.close();
  await source?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes one complete archive with a manifest of every table, and never the key', async () => {
    const name = basename(backup.file);
    expect(readdirSync(out).sort()).toEqual([name, `${name}.sha256`]);
    expect(backup.file.endsWith(ARCHIVE_SUFFIX)).toBe(true);
    const m = backup.manifest;
    expect(m.engine).toBe('pglite');
    expect(m.migration.tag).toMatch(/^\d{4}_/);
    expect(m.tables['public.cadres'].rows).toBeGreaterThan(0);
    expect(m.tables['public.users'].rows).toBe(1);
    // the manifest is what the database held (the requests meanwhile touched only their session's last-seen time)
    const { 'public.sessions': _, ...rest } = sourceSums;
    const { 'public.sessions': __, ...manifestRest } = m.tables;
    expect(manifestRest).toEqual(rest);
    expect(m.tables['public.sessions'].rows).toBe(sourceSums['public.sessions'].rows);
    const text = gunzipSync(readFileSync(backup.file)).toString('utf8');
    for (const part of KEY.split(',')) expect(text).not.toContain(part.split(':')[1]);
    // ID numbers are in the archive only as ciphertext
    const plain = cipher.decrypt([...sourceIds.values()][0]);
    expect(text).not.toContain(plain);
  });
});

describe('restore into a new data directory', () => {
  const dataDir = join(root, 'restored');
  let restored: Database;
  afterAll(() => restored?.close());

  it('restores every table identically, and the ID numbers decrypt with the key (and not with another)', async () => {
    const result = await restoreArchive(backup.file, { kind: 'pglite', dataDir }, { key: KEY });
    expect(result.personalData?.checked).toBeGreaterThan(0);
    expect(result.personalData?.failed).toBe(0);
    restored = await openDatabase({ dataDir });
    expect(await sums(pgliteSession(restored.pglite!))).toEqual(backup.manifest.tables);
    const ids = await cadreIds(restored.query);
    expect(ids).toEqual(sourceIds);
    for (const c of ids.values()) expect(isValidIdNumber(cipher.decrypt(c))).toBe(true);
    const other = new PersonalDataCipher(parseKeySpec(generateKeySpec()));
    for (const c of ids.values()) expect(() => other.decrypt(c)).toThrow();
    const check = await checkCiphers(restored.query, other);
    expect(check.failed).toBe(check.checked);
    // sequences go on after the restored ids
    const [{ n }] = await restored.query<{ n: number }>("select nextval('cadres_id_seq')::int as n");
    expect(n).toBeGreaterThan(Math.max(...ids.keys()));
  }, 120_000);

  it('refuses a target that is not empty', async () => {
    await refused(() => restoreArchive(backup.file, { kind: 'pglite', dataDir }), 'notEmpty');
  });
});

describe('refusals', () => {
  it('refuses a restore with the wrong key and leaves the directory empty', async () => {
    const dataDir = join(root, 'wrong-key');
    await refused(() => restoreArchive(backup.file, { kind: 'pglite', dataDir }, { key: generateKeySpec() }), 'wrongKey');
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
  }, 120_000);

  it('refuses a tampered archive', async () => {
    const lines = gunzipSync(readFileSync(backup.file)).toString('utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('R') && l.includes('演示'));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at].replace('演示', '演习');
    const tampered = join(root, `tampered${ARCHIVE_SUFFIX}`);
    writeFileSync(tampered, gzipSync(lines.join('\n')));
    const dataDir = join(root, 'tampered');
    await refused(() => restoreArchive(tampered, { kind: 'pglite', dataDir }), 'badChecksum');
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
    // the same file with the original's .sha256 beside it is refused before anything is opened
    writeFileSync(`${tampered}.sha256`, readFileSync(`${backup.file}.sha256`));
    await refused(() => restoreArchive(tampered, { kind: 'pglite', dataDir }), 'badChecksum');
  }, 120_000);

  it('refuses an archive cut short, and one from a newer schema', async () => {
    const whole = readFileSync(backup.file);
    const cut = join(root, `cut${ARCHIVE_SUFFIX}`);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await refused(() => restoreArchive(cut, { kind: 'pglite', dataDir: join(root, 'cut') }), 'notArchive');
    const lines = gunzipSync(whole).toString('utf8').split('\n');
    const header = JSON.parse(lines[0].slice(1));
    header.migration = { tag: '9999_future', when: 9_999_999_999_999, hash: 'x' };
    lines[0] = `H${JSON.stringify(header)}`;
    const newer = join(root, `newer${ARCHIVE_SUFFIX}`);
    writeFileSync(newer, gzipSync(lines.join('\n')));
    const err = await refused(() => restoreArchive(newer, { kind: 'pglite', dataDir: join(root, 'newer') }), 'newerSchema');
    expect(err.message).toContain('较新版本');
  }, 120_000);

  it('a backup killed mid-way (kill -9) leaves no archive that looks complete', async () => {
    // a database big enough that the backup is still writing when it is killed
    const dir = join(root, 'big');
    const big = await openDatabase({ dataDir: dir });
    await migrate(big);
    await big.query(
      `insert into audit_log (action, entity, entity_id, after)
       select 'create', 'test', g::text, jsonb_build_object('n', g, 'text', repeat('协作', 40)) from generate_series(1, 150000) g`,
    );
    await big.close();
    const killedOut = join(root, 'killed');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'testing', 'backupChild.ts'), join(dir, 'pglite'), killedOut],
      {
        stdio: 'ignore',
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // kill it as soon as it has started writing
    for (let i = 0; i < 600 && !(existsSync(killedOut) && readdirSync(killedOut).length > 0); i++)
      await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const left = readdirSync(killedOut);
    expect(left.length).toBe(1);
    expect(left[0]).toMatch(/^\..*\.partial$/);
    expect(left.filter((f) => f.endsWith(ARCHIVE_SUFFIX))).toEqual([]);
    await refused(() => restoreArchive(join(killedOut, left[0]), { kind: 'pglite', dataDir: join(root, 'killed-restore') }), 'notArchive');
  }, 180_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('restore into a fresh PostgreSQL database (moving up)', () => {
  it('restores every table identically, and the ID numbers decrypt with the key', async () => {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
    try {
      const result = await restoreArchive(backup.file, { kind: 'postgres', url: scratch.url }, { key: KEY });
      expect(result.personalData?.failed).toBe(0);
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        expect(await sums(pgSession(client))).toEqual(backup.manifest.tables);
        const rows = (await client.query('select id, id_number_cipher as c from cadres order by id')).rows as { id: number; c: string }[];
        expect(new Map(rows.map((r) => [r.id, r.c]))).toEqual(sourceIds);
        for (const r of rows) expect(isValidIdNumber(cipher.decrypt(r.c))).toBe(true);
      } finally {
        await client.end();
      }
      await refused(() => restoreArchive(backup.file, { kind: 'postgres', url: scratch.url }), 'notEmpty');
    } finally {
      await scratch.drop();
    }
  }, 120_000);
});
