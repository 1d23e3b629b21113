// `npm run bench:import`: a generated 200,000-row household-member ledger (.xlsx) imported through the
// validated pipeline (stream-read, parse every cell, validate, dry run against the table, commit in one
// transaction with audit), against a raw multi-row INSERT of the same rows into the same database in the
// same run. Prints rows/s of each, their ratio (goal ≥ 0.3), peak RSS (goal ≤ 400 MB) and the longest
// wait of a `select 1` issued every 20 ms while the import runs (how long any other request would
// stall), on PGlite and — when DATABASE_URL or TEST_DATABASE_URL is set — on PostgreSQL.
// The workbook is generated in a child process, so the generator's heap does not count as the import's.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import { sql } from '../packages/server/src/platform/db/sql';
import ExcelJS from 'exceljs';
import { loadConfig } from '../packages/server/src/config';
import type { AuthUser, Services } from '../packages/server/src/platform/context';
import { generateKeySpec, PersonalDataCipher, parseKeySpec } from '../packages/server/src/platform/crypto/personalData';
import { type Database, openDatabase } from '../packages/server/src/platform/db/client';
import { migrate } from '../packages/server/src/platform/db/migrate';
import { commitImport } from '../packages/server/src/platform/ledgers/commit';
import { dryRun } from '../packages/server/src/platform/ledgers/dryRun';
import { checkZip, sniffFile } from '../packages/server/src/platform/ledgers/read/sniff';
import { loadImport, makeImportDir } from '../packages/server/src/platform/ledgers/store';
import { ledgerImports } from '../packages/server/src/platform/ledgers/tables';
import { createExampleTable, exampleLedger, insertMembers } from '../packages/server/src/platform/ledgers/testing/exampleLedger';
import type { LedgerRow } from '../packages/server/src/platform/ledgers/types';
import { EVERYTHING } from '../packages/server/src/platform/scope';
import { openTestDatabase } from '../packages/server/src/testing/database';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const RELATIONS = ['户主', '配偶', '子女', '其他'];
const RELATION_VALUES = ['head', 'spouse', 'child', 'other'];

/** Row i of the ledger, deterministic: the same values feed the file and the raw insert. */
function member(i: number) {
  const birth = new Date(Date.UTC(1940, 0, 1) + (i % 25_000) * 86_400_000).toISOString().slice(0, 10);
  const first17 = `441426${birth.replace(/-/g, '')}${String(i % 1000).padStart(3, '0')}`;
  const household = Math.floor(i / 4);
  return {
    name: `成员${i}`,
    idNumber: first17 + idNumberCheckChar(first17),
    year: 2020 + Math.floor(i / 25_000), // (birth date, sequence, year) keeps every natural key unique
    divisionCode: `441426${String(100 + (household % 20)).padStart(3, '0')}${String(household % 300).padStart(3, '0')}`,
    relation: i % 4,
    birthDate: birth,
    income: ((i * 7919) % 5_000_000) / 100,
    phone: `138${String(i).padStart(8, '0')}`,
    disabled: i % 17 === 0,
  };
}

async function writeWorkbook(path: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path), useSharedStrings: false });
  const ws = wb.addWorksheet('台账');
  ws.addRow(['2025年家庭成员台账']).commit();
  ws.addRow(['姓名', '身份证号', '年度', '行政区划代码', '与户主关系', '出生日期', '年收入', '联系电话', '是否残疾']).commit();
  for (let i = 0; i < ROWS; i++) {
    const m = member(i);
    ws.addRow([m.name, m.idNumber, m.year, m.divisionCode, RELATIONS[m.relation], m.birthDate, m.income, m.phone, m.disabled ? '是' : '否']).commit();
  }
  ws.commit();
  await wb.commit();
}

function rawRow(i: number): LedgerRow {
  const m = member(i);
  return { ...m, relation: RELATION_VALUES[m.relation], income: m.income.toFixed(2) };
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

async function run(label: string, database: Database, file: string, dataDir: string) {
  const config = { ...loadConfig({}), dataDir, seedDemo: false };
  const services: Services = { config, database, db: database.db, cipher: new PersonalDataCipher(parseKeySpec(generateKeySpec())) };
  await createExampleTable(database.db);
  const user = { id: 1, username: 'bench', displayName: 'bench', role: 'admin', permissions: [], mustChangePassword: false, scope: EVERYTHING, sessionId: '', csrfToken: '' } as unknown as AuthUser;
  const ctx = { services, user, actor: { id: 1, name: 'bench', ip: null } };

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
  await database.db.insert(ledgerImports).values({ id, ledgerKey: exampleLedger.key, userId: 1, fileName: 'bench.xlsx', fileBytes: size, sha256: '-', status: 'reading' });
  // dryRun deletes the upload it is given: hand it a copy
  const copy = join(dir, 'upload');
  await import('node:fs/promises').then((fs) => fs.copyFile(file, copy));
  const t1 = performance.now();
  const dryProbe = stallProbe(database);
  await dryRun(services, id, exampleLedger, ctx, copy, kind, dir);
  const dryStall = await dryProbe();
  const dryPeak = peak;
  const t2 = performance.now();
  const imp = (await loadImport(services, id))!;
  if (imp.status !== 'ready' || imp.valid !== ROWS) throw new Error(`dry run: ${imp.status} valid=${imp.valid} rejected=${imp.rejected} ${JSON.stringify(imp.error ?? (imp.problems as unknown[]).slice(0, 3))}`);
  const commitProbe = stallProbe(database);
  // BENCH_COMMIT=write: the commit through write() in one long transaction, as ledgers without applyStaged do
  const def = process.env.BENCH_COMMIT === 'write' ? { ...exampleLedger, applyStaged: undefined } : exampleLedger;
  const result = await commitImport(services, imp, def, ctx, 'all-or-nothing', dir);
  const commitStall = await commitProbe();
  const t3 = performance.now();
  if (result?.inserted !== ROWS) throw new Error(`commit inserted ${result?.inserted}`);
  const importPeak = peak;
  const importHeapPeak = heapPeak;
  const importSeconds = (t3 - t0) / 1000;

  // baseline: the same rows, already in memory form, multi-row INSERT in one transaction
  await database.db.execute(sql`truncate ledger_example_members`);
  const b0 = performance.now();
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < ROWS; i += 10_000) {
      const batch: LedgerRow[] = [];
      for (let j = i; j < Math.min(ROWS, i + 10_000); j++) batch.push(rawRow(j));
      await insertMembers(tx, batch);
    }
  });
  const b1 = performance.now();
  const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from ledger_example_members');
  if (Number(n) !== ROWS) throw new Error(`baseline inserted ${n}`);

  const ours = ROWS / importSeconds;
  const raw = ROWS / ((b1 - b0) / 1000);
  console.log(`\n${label}${process.env.BENCH_COMMIT === 'write' ? ', commit through write()' : ''}`);
  console.log(`  validated import: ${Math.round(ours).toLocaleString()} rows/s  (${importSeconds.toFixed(1)} s: dry run ${((t2 - t1) / 1000).toFixed(1)} s, commit ${((t3 - t2) / 1000).toFixed(1)} s)`);
  console.log(`  raw bulk INSERT:  ${Math.round(raw).toLocaleString()} rows/s  (${((b1 - b0) / 1000).toFixed(1)} s)`);
  console.log(`  ratio:            ${(ours / raw).toFixed(2)}  (goal ≥ 0.3) ${ours / raw >= 0.3 ? 'OK' : 'BELOW GOAL'}`);
  console.log(`  peak RSS during import: ${mb(importPeak)}  (goal ≤ 400 MB) ${importPeak <= 400 * 1024 * 1024 ? 'OK' : 'ABOVE GOAL'}; ${mb(startRss)} before it, +${mb(importPeak - startRss)} for the import (+${mb(dryPeak - startRss)} by the end of the dry run) (JS heap: +${mb(importHeapPeak - startHeap)} at most)`);
  console.log(`  longest wait of a concurrent \`select 1\`: ${Math.round(dryStall.max)} ms during the dry run, ${Math.round(commitStall.max)} ms during the commit (${dryStall.count + commitStall.count} probes)`);
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'xz-bench-'));
  const file = join(work, 'members.xlsx');
  const g0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], '--write-workbook', file], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`workbook generator exited with ${code}`))));
  });
  console.log(`generated ${ROWS.toLocaleString()} rows: ${mb(statSync(file).size)} .xlsx in ${((performance.now() - g0) / 1000).toFixed(1)} s`);
  try {
    const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
    // PostgreSQL first: PGlite's WebAssembly heap (~400 MB) is not given back once opened, and would
    // otherwise count against the PostgreSQL run's peak RSS
    if (url) {
      process.env.TEST_DATABASE_URL = url;
      const pg = await openTestDatabase();
      try {
        await run(`PostgreSQL (${new URL(url).host})`, pg, file, join(work, 'pg'));
      } finally {
        await pg.close();
      }
    } else console.log('\nPostgreSQL: skipped (set DATABASE_URL or TEST_DATABASE_URL)');
    // PGlite on disk, as `npm start` runs it (XIEZUO_DATA_DIR)
    const lite = await openDatabase({ dataDir: join(work, 'lite') });
    await migrate(lite);
    try {
      await run('PGlite (on disk)', lite, file, join(work, 'lite'));
    } finally {
      await lite.close();
    }
  } finally {
    clearInterval(sampler);
    if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
    else console.log(work);
  }
}

if (process.argv[2] === '--write-workbook') {
  clearInterval(sampler);
  await writeWorkbook(process.argv[3]);
} else await main();
