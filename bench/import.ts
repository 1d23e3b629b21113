// `npm run bench:import`: a generated 200,000-row 家庭成员台账 (the monitoring module's member ledger, as a
// county's staff would import it) through the validated pipeline — stream-read, parse every cell, check
// every row against the database (its household in scope, the person in no other household), encrypt
// ID numbers and health data, dry run, commit set-based in one transaction with audit entries — against
// a raw multi-row INSERT of the same rows, already in stored form (ciphertexts computed beforehand), into
// the same database in the same run. The 50,000 households (with their heads) exist beforehand, with
// the indicator triggers the app installs. Prints rows/s of each, their ratio (goal ≥ 0.3), peak RSS
// (goal ≤ 400 MB) and the longest wait of a `select 1` issued every 20 ms while the import runs (how
// long any other request would stall), on PGlite and — when DATABASE_URL or TEST_DATABASE_URL is set —
// on PostgreSQL (BENCH_ENGINES=postgres or pglite runs one only; BENCH_ROWS changes the size). The workbook is generated, and each engine's data set prepared, in child processes of
// their own; the import runs in a fresh one, as in a server restarted with its data, so memory the
// preparation left behind is not counted as the import's.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idNumberCheckChar, maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { catalogues } from '@xiezuo/shared/i18n/index';
import ExcelJS from 'exceljs';
import { loadConfig } from '../packages/server/src/config';
import { modules } from '../packages/server/src/modules';
import { installTriggers, wiredSources } from '../packages/server/src/modules/indicators/engine/refresh';
import { memberLedger } from '../packages/server/src/modules/monitoring/ledgers/members';
import { servicesFor } from '../packages/server/src/platform/bootstrap';
import type { AuthUser } from '../packages/server/src/platform/context';
import { generateKeySpec, PersonalDataCipher, parseKeySpec } from '../packages/server/src/platform/crypto/personalData';
import { type Database, type Db, openDatabase, type Tx } from '../packages/server/src/platform/db/client';
import { migrate } from '../packages/server/src/platform/db/migrate';
import { type SQL, sql } from '../packages/server/src/platform/db/sql';
import { translator } from '../packages/server/src/platform/i18n';
import { commitImport } from '../packages/server/src/platform/ledgers/commit';
import { dryRun } from '../packages/server/src/platform/ledgers/dryRun';
import { checkZip, sniffFile } from '../packages/server/src/platform/ledgers/read/sniff';
import { loadImport, makeImportDir } from '../packages/server/src/platform/ledgers/store';
import { ledgerImports } from '../packages/server/src/platform/ledgers/tables';
import { factsOf } from '../packages/server/src/platform/module';
import type { Scope } from '../packages/server/src/platform/scope';
import { createScratchDatabase } from '../packages/server/src/testing/database';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const PER_HOUSEHOLD = 4; // members besides the head
const HOUSEHOLDS = Math.ceil(ROWS / PER_HOUSEHOLD);
const COUNTY = '441426'; // 平远县: the importer is the county's staff
const zh = catalogues['zh-CN'].monitoring;
const RELATIONS = ['spouse', 'child', 'grandchild', 'parent'] as const;
const SCHOOLING = ['not_in_school', 'primary', 'junior', 'not_in_school'] as const;
const WORK = ['local_work', 'none', 'none', 'farming'] as const;

/** An ID number born on day `day` after 1940-01-01 with sequence `seq` (odd: male). */
function idNumber(day: number, seq: number) {
  const birth = new Date(Date.UTC(1940, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const first17 = `${COUNTY}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return { id: first17 + idNumberCheckChar(first17), birth };
}
const head = (k: number) => idNumber(k % 25_000, 500 + Math.floor(k / 25_000)).id;

/** Member i of the ledger, deterministic: the same values feed the file and the raw insert. */
function member(i: number) {
  const { id, birth } = idNumber(i % 25_000, Math.floor(i / 25_000));
  const r = i % PER_HOUSEHOLD;
  return {
    household: Math.floor(i / PER_HOUSEHOLD),
    name: `成员${i}`,
    relation: RELATIONS[r],
    gender: Math.floor(i / 25_000) % 2 ? 'male' : 'female',
    birthDate: birth,
    idNumber: id,
    health: i % 11 === 0 ? 'chronic' : 'healthy',
    disability: i % 17 === 0 ? 'grade3' : 'none',
    schooling: SCHOOLING[r],
    work: WORK[r],
  } as const;
}

/** The ledger as Excel and LibreOffice save it: every text in the shared string table (~475,000 of them). */
async function writeWorkbook(path: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path), useSharedStrings: true });
  const ws = wb.addWorksheet('台账');
  ws.addRow(['平远县2025年防返贫监测户家庭成员台账']).commit();
  ws.addRow([
    '户主身份证号',
    '姓名',
    '与户主关系',
    '性别',
    '出生日期',
    '身份证号',
    '健康状况',
    '残疾情况',
    '在校情况',
    '务工情况',
  ]).commit();
  for (let i = 0; i < ROWS; i++) {
    const m = member(i);
    ws.addRow([
      head(m.household),
      m.name,
      zh.relations[m.relation],
      zh.genders[m.gender],
      m.birthDate,
      m.idNumber,
      zh.health[m.health],
      zh.disability[m.disability],
      zh.schooling[m.schooling],
      zh.work[m.work],
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** Rows of `make(i)` for i in [0, n), inserted `size` at a time as one multi-row INSERT each. */
async function insertRows(db: Db | Tx, table: string, columns: string[], n: number, make: (i: number) => unknown[], size = 1000) {
  for (let i = 0; i < n; i += size) {
    const tuples: SQL[] = [];
    for (let j = i; j < Math.min(n, i + size); j++)
      tuples.push(
        sql`(${sql.join(
          make(j).map((v) => sql`${v}`),
          sql`, `,
        )})`,
      );
    await db.execute(sql`insert into ${sql.raw(table)} (${sql.raw(columns.join(', '))}) values ${sql.join(tuples, sql`, `)}`);
  }
}

const MEMBER_COLUMNS = [
  'household_id',
  'name',
  'relation',
  'gender',
  'birth_date',
  'id_cipher',
  'id_hash',
  'id_masked',
  'health_cipher',
  'schooling',
  'work',
];

/** 50,000 households of the county, each with its head, as the app stores them. */
async function seedHouseholds(database: Database, cipher: PersonalDataCipher) {
  await insertRows(
    database.db,
    'monitoring_households',
    ['id', 'division_code', 'head_name', 'entry_door', 'category', 'status'],
    HOUSEHOLDS,
    (k) => [
      k + 1,
      `${COUNTY}${String(100 + (k % 20)).padStart(3, '0')}${String(200 + (k % 30)).padStart(3, '0')}`,
      `户主${k}`,
      'cadre_check',
      'marginal',
      'monitored',
    ],
  );
  await database.query(`select setval(pg_get_serial_sequence('monitoring_households', 'id'), ${HOUSEHOLDS})`);
  const healthy = JSON.stringify({ health: 'healthy', healthNote: null, disability: 'none' });
  await insertRows(database.db, 'monitoring_members', MEMBER_COLUMNS, HOUSEHOLDS, (k) => {
    const id = head(k);
    return [
      k + 1,
      `户主${k}`,
      'head',
      'male',
      `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      cipher.encrypt(id),
      cipher.hash(id),
      maskIdNumber(id),
      cipher.encrypt(healthy),
      'not_in_school',
      'farming',
    ];
  });
  await database.query('analyze');
}

let peak = 0;
let heapPeak = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  heapPeak = Math.max(heapPeak, m.heapUsed);
}, 50);
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Issues `select 1` 20 ms after the previous one answered, until stopped; the longest wait is what any
 * other request would have seen. Counted from when the query was due, not from when the timer fired:
 * PGlite runs statements synchronously on this thread, so a long one delays the timer itself too.
 */
function stallProbe(database: Database) {
  let max = 0;
  let count = 0;
  let stop = false;
  const done = (async () => {
    while (!stop) {
      const due = performance.now() + 20;
      await new Promise((r) => setTimeout(r, 20));
      await database.query('select 1');
      max = Math.max(max, performance.now() - due);
      count++;
    }
  })();
  return async () => {
    stop = true;
    await done;
    return { max, count };
  };
}

const cipher = () => new PersonalDataCipher(parseKeySpec(process.env.BENCH_DATA_KEY!));

/** The database as the county's server would find it: migrated, its triggers installed, the households in. */
async function seed(database: Database) {
  await migrate(database);
  await installTriggers(database, await wiredSources(database, factsOf(modules)));
  await seedHouseholds(database, cipher());
}

async function run(label: string, database: Database, file: string, dataDir: string) {
  const config = { ...loadConfig({}), dataDir, seedDemo: false };
  const services = servicesFor(config, database, cipher(), modules);
  await installTriggers(database, await wiredSources(database, factsOf(modules))); // as the app does at start
  const scope: Scope = { all: false, divisionCodes: [`${COUNTY}000000`], divisionPrefixes: [COUNTY], teamIds: [] };
  const user = {
    id: 1,
    username: 'bench',
    displayName: 'bench',
    role: 'county_staff',
    permissions: [],
    mustChangePassword: false,
    scope,
    sessionId: '',
    csrfToken: '',
  } as unknown as AuthUser;
  const ctx = { services, user, actor: { id: 1, name: 'bench', ip: null }, lang: 'zh-CN' as const, t: translator('zh-CN') };

  // validated import: the same steps as POST /imports and POST /commit, without HTTP
  const startRss = process.memoryUsage().rss;
  peak = startRss;
  const startHeap = process.memoryUsage().heapUsed;
  heapPeak = startHeap;
  const t0 = performance.now();
  const id = randomUUID();
  const dir = await makeImportDir(services, id);
  const size = statSync(file).size;
  const kind = await sniffFile(file, 'bench.xlsx', size);
  await checkZip(file, size, { maxUncompressedBytes: config.ledgers.maxUncompressedBytes, maxRatio: 200, maxEntries: 10_000 });
  await database.db
    .insert(ledgerImports)
    .values({ id, ledgerKey: memberLedger.key, userId: 1, fileName: 'bench.xlsx', fileBytes: size, sha256: '-', status: 'reading' });
  const copy = join(dir, 'upload'); // dryRun deletes the upload it is given
  await copyFile(file, copy);
  const t1 = performance.now();
  const dryProbe = stallProbe(database);
  await dryRun(services, id, memberLedger, ctx, copy, kind, dir);
  const dryStall = await dryProbe();
  const dryPeak = peak;
  const t2 = performance.now();
  const imp = (await loadImport(services, id))!;
  if (imp.status !== 'ready' || imp.valid !== ROWS)
    throw new Error(
      `dry run: ${imp.status} valid=${imp.valid} rejected=${imp.rejected} ${JSON.stringify(imp.error ?? (imp.problems as unknown[]).slice(0, 3))}`,
    );
  const commitProbe = stallProbe(database);
  const result = await commitImport(services, imp, memberLedger, ctx, 'all-or-nothing', dir);
  const commitStall = await commitProbe();
  const t3 = performance.now();
  if (result?.inserted !== ROWS)
    throw new Error(`commit inserted ${result?.inserted}: ${JSON.stringify((await loadImport(services, id))?.error)}`);
  const importPeak = peak;
  const importHeapPeak = heapPeak;
  const importSeconds = (t3 - t0) / 1000;

  // baseline: the same rows in stored form (encrypted beforehand), multi-row INSERT in one transaction
  await database.query(`delete from monitoring_members where relation <> 'head'`);
  const { cipher: c } = services;
  const stored = Array.from({ length: ROWS }, (_, i) => {
    const m = member(i);
    const health = JSON.stringify({ health: m.health, healthNote: null, disability: m.disability });
    return [
      m.household + 1,
      m.name,
      m.relation,
      m.gender,
      m.birthDate,
      c.encrypt(m.idNumber),
      c.hash(m.idNumber),
      maskIdNumber(m.idNumber),
      c.encrypt(health),
      m.schooling,
      m.work,
    ];
  });
  const b0 = performance.now();
  await database.db.transaction((tx) => insertRows(tx, 'monitoring_members', MEMBER_COLUMNS, ROWS, (i) => stored[i]));
  const b1 = performance.now();
  const [{ n }] = await database.query<{ n: number }>(`select count(*)::int as n from monitoring_members where relation <> 'head'`);
  if (Number(n) !== ROWS) throw new Error(`baseline inserted ${n}`);

  const ours = ROWS / importSeconds;
  const raw = ROWS / ((b1 - b0) / 1000);
  console.log(`\n${label}`);
  console.log(
    `  validated import: ${Math.round(ours).toLocaleString()} rows/s  (${importSeconds.toFixed(1)} s: dry run ${((t2 - t1) / 1000).toFixed(1)} s, commit ${((t3 - t2) / 1000).toFixed(1)} s)`,
  );
  console.log(`  raw bulk INSERT:  ${Math.round(raw).toLocaleString()} rows/s  (${((b1 - b0) / 1000).toFixed(1)} s)`);
  console.log(`  ratio:            ${(ours / raw).toFixed(2)}  (goal ≥ 0.3) ${ours / raw >= 0.3 ? 'OK' : 'BELOW GOAL'}`);
  console.log(
    `  peak RSS during import: ${mb(importPeak)}  (goal ≤ 400 MB) ${importPeak <= 400 * 1024 * 1024 ? 'OK' : 'ABOVE GOAL'}; ${mb(startRss)} before it, +${mb(importPeak - startRss)} for the import (+${mb(dryPeak - startRss)} by the end of the dry run) (JS heap: +${mb(importHeapPeak - startHeap)} at most)`,
  );
  console.log(
    `  longest wait of a concurrent \`select 1\`: ${Math.round(dryStall.max)} ms during the dry run, ${Math.round(commitStall.max)} ms during the commit (${dryStall.count + commitStall.count} probes)`,
  );
}

/** Runs this script again in a child process with the given arguments (same Node flags). */
function child(...args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, process.argv[1], ...args], { stdio: 'inherit' });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]} exited with ${code}`))));
  });
}

async function main() {
  clearInterval(sampler);
  const work = mkdtempSync(join(tmpdir(), 'xz-bench-'));
  const file = join(work, 'members.xlsx');
  process.env.BENCH_DATA_KEY = generateKeySpec();
  try {
    const g0 = performance.now();
    await child('--write-workbook', file);
    console.log(
      `generated ${ROWS.toLocaleString()} rows: ${mb(statSync(file).size)} .xlsx in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
    );
    // each engine: the data set prepared by one process, the import measured in a fresh one (a server restarted with its data)
    const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
    const engines = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',');
    if (url && engines.includes('postgres')) {
      const scratch = await createScratchDatabase(url);
      try {
        await child('--seed', 'postgres', scratch.url);
        await child('--import', 'postgres', scratch.url, file, join(work, 'pg'));
      } finally {
        await scratch.drop();
      }
    } else console.log('\nPostgreSQL: skipped (set DATABASE_URL or TEST_DATABASE_URL)');
    // PGlite on disk, as `npm start` runs it
    if (engines.includes('pglite')) {
      await child('--seed', 'pglite', join(work, 'lite'));
      await child('--import', 'pglite', join(work, 'lite'), file, join(work, 'lite'));
    }
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
    else console.log(work);
  }
}

const open = (engine: string, where: string) => openDatabase(engine === 'postgres' ? { url: where } : { dataDir: where });

const [mode, ...args] = process.argv.slice(2);
if (mode !== '--import') clearInterval(sampler);
if (mode === '--write-workbook') await writeWorkbook(args[0]);
else if (mode === '--seed' || mode === '--import') {
  const [engine, where, file, dataDir] = args;
  const database = await open(engine, where);
  try {
    if (mode === '--seed') await seed(database);
    else await run(engine === 'postgres' ? `PostgreSQL (${new URL(where).host})` : 'PGlite (on disk)', database, file, dataDir);
  } finally {
    clearInterval(sampler);
    await database.close();
  }
} else await main();
