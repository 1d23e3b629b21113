// `npm run bench:import`: a generated 200,000-row 家庭成员台账 (the monitoring module's member ledger, as a
// county's staff would import it) through the validated pipeline — stream-read, parse every cell, check
// every row against the database (its household in scope, the person in no other household), encrypt
// ID numbers and health data, dry run, commit set-based in one transaction with audit entries — against
// a raw multi-row INSERT of the same rows, already in stored form (ciphertexts computed beforehand), into
// the same database in the same run. The 50,000 households (with their heads) exist beforehand, with
// the indicator triggers the app installs. Prints rows/s of each, their ratio (goal ≥ 0.3), peak RSS
// (goal ≤ 400 MB) and the longest wait of a `select 1` issued every 20 ms while the import runs (how
// long any other request would stall), on PGlite and — when DATABASE_URL or TEST_DATABASE_URL is set —
// on PostgreSQL (BENCH_ENGINES=postgres or pglite runs one only; BENCH_DATABASE_URL names a database of its own to
// empty and use instead of a scratch one; --rows=N or BENCH_ROWS changes the size; --ledger=households or
// employments measures that ledger instead of the members; visits or measures, the ledgers of a household's
// records, applied from the staging table in slices like the others; lifted, the 脱贫人口名册 (staged too); roster,
// the one-sheet 监测对象信息表, a ledger written through its module's code (write()), in journaled slices on PGlite; --slice=N sets LEDGER_APPLY_SLICE; --refuse times the refusal of a file over the row limit; --readers compares the
// ledger reader with the bare yauzl + saxes it is built on, bench/readers.ts). The workbook is generated, and each engine's data set prepared, in child processes of
// their own; the import runs in a fresh one, as in a server restarted with its data, so memory the
// preparation left behind is not counted as the import's.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idNumberCheckChar, maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { catalogues } from '@xiezuo/shared/i18n/index';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { loadConfig } from '../packages/server/src/config';
import { modules } from '../packages/server/src/modules';
import { installTriggers, wiredSources } from '../packages/server/src/modules/indicators/engine/refresh';
import { employmentLedger } from '../packages/server/src/modules/labour/ledgers/employments';
import { rosterLedger as liftedRosterLedger } from '../packages/server/src/modules/labour/ledgers/roster';
import { householdLedger } from '../packages/server/src/modules/monitoring/ledgers/households';
import { measureLedger } from '../packages/server/src/modules/monitoring/ledgers/measures';
import { memberLedger } from '../packages/server/src/modules/monitoring/ledgers/members';
import { rosterLedger as monitoringRosterLedger } from '../packages/server/src/modules/monitoring/ledgers/roster';
import { visitLedger } from '../packages/server/src/modules/monitoring/ledgers/visits';
import { servicesFor } from '../packages/server/src/platform/bootstrap';
import type { AuthUser } from '../packages/server/src/platform/context';
import { generateKeySpec, PersonalDataCipher, parseKeySpec } from '../packages/server/src/platform/crypto/personalData';
import { type Database, type Db, openDatabase, type Tx } from '../packages/server/src/platform/db/client';
import { migrate } from '../packages/server/src/platform/db/migrate';
import { type SQL, sql } from '../packages/server/src/platform/db/sql';
import { translator } from '../packages/server/src/platform/i18n';
import { applyHooks } from '../packages/server/src/platform/ledgers/apply';
import { commitImport } from '../packages/server/src/platform/ledgers/commit';
import { dryRun } from '../packages/server/src/platform/ledgers/dryRun';
import { checkZip, sniffFile } from '../packages/server/src/platform/ledgers/read/sniff';
import { loadImport, makeImportDir } from '../packages/server/src/platform/ledgers/store';
import { ledgerImports } from '../packages/server/src/platform/ledgers/tables';
import type { LedgerDefinition } from '../packages/server/src/platform/ledgers/types';
import { factsOf } from '../packages/server/src/platform/module';
import type { Scope } from '../packages/server/src/platform/scope';
import { createScratchDatabase } from '../packages/server/src/testing/database';
import { compareReaders, readerChild } from './readers';

// options: --rows=N (or BENCH_ROWS), --ledger=members|households|employments (or BENCH_LEDGER; default members);
// set in the environment so the child processes see them too
for (const a of process.argv.slice(2)) {
  const m = /^--(rows|ledger|engines|slice)=(.+)$/.exec(a);
  if (m) process.env[`BENCH_${m[1].toUpperCase()}`] = m[2];
  if (a === '--refuse') process.env.BENCH_REFUSE = '1';
  if (a === '--readers') process.env.BENCH_READERS = '1';
}
const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const LEDGER =
  ({ member: 'members', household: 'households', employment: 'employments' } as Record<string, string>)[process.env.BENCH_LEDGER ?? ''] ??
  process.env.BENCH_LEDGER ??
  'members'; // the singular names too
const PER_HOUSEHOLD = 4; // members besides the head
const HOUSEHOLDS = Math.ceil(ROWS / PER_HOUSEHOLD);
const COUNTY = '441426'; // 平远县: the importer is the county's staff
const zh = catalogues['zh-CN'].monitoring;
const zhLabour = catalogues['zh-CN'].labour;
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
/** Village k of the county's 600 (20 towns of 30 villages). */
const village = (k: number) => `${COUNTY}${100 + (k % 20)}${200 + (Math.floor(k / 20) % 30)}`;

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

/** Household k of the household ledger (new: its head is nobody's member yet). */
function household(k: number) {
  return {
    village: village(k),
    headName: `户主${k}`,
    headIdNumber: head(k),
    category: (['unstable', 'marginal', 'sudden'] as const)[k % 3],
    entryDoor: (['self_apply', 'cadre_check', 'dept_alert'] as const)[k % 3],
    dibao: k % 5 === 0,
    incomePerHead: String(5000 + (k % 3000)),
  };
}

/** Visit i of the visit ledger: each household visited in turn. */
function visit(i: number) {
  const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / HOUSEHOLDS) * 86_400_000).toISOString().slice(0, 10);
  return { household: i % HOUSEHOLDS, visitedOn: day, visitors: '驻镇工作队、村干部', findings: `走访记录${i}：家庭收入稳定` };
}

/** Measure i of the measure ledger: each household given one in turn, a day later each round. */
function measure(i: number) {
  const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / HOUSEHOLDS) * 86_400_000).toISOString().slice(0, 10);
  return { household: i % HOUSEHOLDS, kind: 'education', startOn: day, description: `雨露计划助学补助${i}`, amount: 3000 };
}

const EMPLOYERS = ['佛山市顺德区某电器有限公司', '东莞市某电子厂', '深圳市某物流有限公司', '广州市某服装厂', '本县某农业合作社'];
const WORK_PLACES = ['440606000000', '441900000000', '440300000000', '440100000000', '441426000000'];
/** Job i of the employment ledger: one person a job, the person's home village in the county. */
function job(i: number) {
  const { id } = idNumber(i % 25_000, Math.floor(i / 25_000));
  return {
    name: `务工人员${i}`,
    idNumber: id,
    divisionCode: village(i),
    employer: EMPLOYERS[i % 5],
    workDivisionCode: WORK_PLACES[i % 5],
    startDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-01`,
    monthlyWage: String(3000 + (i % 40) * 100),
    channel: i % 3 ? 'self' : 'organised',
    station: i % 3 ? null : '平远驻佛山劳务工作站',
  } as const;
}

/** Person i of the 监测对象信息表: households of five (the head first), each in a village of the county. */
function rosterPerson(i: number) {
  const household = Math.floor(i / 5);
  const r = i % 5;
  const idNumber = r ? member(household * 4 + r - 1).idNumber : head(household);
  return {
    household,
    village: village(household),
    householdNo: `PY${String(household).padStart(7, '0')}`,
    name: r ? `成员${i}` : `户主${household}`,
    idNumber,
    relation: ['户主', '配偶', '之子', '之女', '之孙子'][r],
  };
}

/** Person i of the 脱贫人口名册: a household of four a village, lifted between 2016 and 2020. */
function liftedPerson(i: number) {
  const { id } = idNumber(i % 25_000, Math.floor(i / 25_000));
  const k = Math.floor(i / 4);
  return { name: `脱贫人口${i}`, idNumber: id, divisionCode: village(k), householdHead: `户主${k}`, liftedYear: 2016 + (k % 5) };
}

/** A workbook as Excel and LibreOffice save it: every text in the shared string table (with CSV.on, the same rows as CSV). */
async function writeSheet(path: string, title: string, headers: string[], cells: (i: number) => unknown[]) {
  if (CSV.on) return writeCsvRows(path, headers, cells);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path), useSharedStrings: true });
  const ws = wb.addWorksheet('台账');
  ws.addRow([title]).commit();
  ws.addRow(headers).commit();
  for (let i = 0; i < ROWS; i++) ws.addRow(cells(i)).commit();
  ws.commit();
  await wb.commit();
}

const CSV = { on: false };
async function writeCsvRows(path: string, headers: string[], cells: (i: number) => unknown[]) {
  const out = createWriteStream(path);
  const line = (values: unknown[]) => `${values.map((v) => (v == null ? '' : String(v))).join(',')}\n`;
  out.write(line(headers));
  for (let i = 0; i < ROWS; i++) if (!out.write(line(cells(i)))) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}
/** The ledger's rows as a CSV file (for --refuse). */
async function writeCsv(path: string) {
  CSV.on = true;
  await writeWorkbook(path);
}

/** The ledger's workbook (members: ~475,000 shared strings at 200,000 rows). */
async function writeWorkbook(path: string) {
  if (LEDGER === 'households')
    return writeSheet(
      path,
      '平远县2025年防返贫监测户台账',
      ['所在村区划代码', '户主姓名', '户主身份证号', '监测类别', '纳入途径', '是否低保户', '人均年纯收入'],
      (k) => {
        const h = household(k);
        return [
          h.village,
          h.headName,
          h.headIdNumber,
          zh.categories[h.category],
          zh.entryDoors[h.entryDoor],
          h.dibao ? '是' : '否',
          Number(h.incomePerHead),
        ];
      },
    );
  if (LEDGER === 'visits')
    return writeSheet(path, '平远县2025年防返贫监测户走访台账', ['户主身份证号', '走访日期', '走访人员', '走访情况'], (i) => {
      const v = visit(i);
      return [head(v.household), v.visitedOn, v.visitors, v.findings];
    });
  if (LEDGER === 'measures')
    return writeSheet(
      path,
      '平远县2025年防返贫监测户帮扶措施台账',
      ['户主身份证号', '措施类型', '措施内容', '金额（元）', '开始日期'],
      (i) => {
        const m = measure(i);
        return [head(m.household), '教育帮扶/雨露计划', m.description, m.amount, m.startOn];
      },
    );
  if (LEDGER === 'roster')
    return writeSheet(
      path,
      '平远县防返贫监测对象信息表',
      [
        '行政村',
        '户编号',
        '姓名',
        '证件号码',
        '与户主关系',
        '监测对象类别',
        '识别时间',
        '家庭年人均纯收入（元）',
        '健康状况',
        '在校生状况',
        '监测状态',
      ],
      (i) => {
        const p = rosterPerson(i);
        return [
          p.village,
          p.householdNo,
          p.name,
          p.idNumber,
          p.relation,
          '边缘易致贫户',
          '2025-03-01',
          6000 + (p.household % 3000),
          '健康',
          '非在校生',
          '监测中',
        ];
      },
    );
  if (LEDGER === 'lifted')
    return writeSheet(path, '平远县脱贫人口名册', ['姓名', '身份证号', '所在村', '户主姓名', '脱贫年度'], (i) => {
      const p = liftedPerson(i);
      return [p.name, p.idNumber, p.divisionCode, p.householdHead, p.liftedYear];
    });
  if (LEDGER === 'employments')
    return writeSheet(
      path,
      '平远县2025年务工就业台账',
      ['姓名', '身份证号', '户籍所在村', '就业单位', '就业地区划代码', '就业开始日期', '月工资', '就业方式', '劳务工作站'],
      (i) => {
        const j = job(i);
        return [
          j.name,
          j.idNumber,
          j.divisionCode,
          j.employer,
          j.workDivisionCode,
          j.startDate,
          Number(j.monthlyWage),
          zhLabour.channels[j.channel],
          j.station,
        ];
      },
    );
  return writeSheet(
    path,
    '平远县2025年防返贫监测户家庭成员台账',
    ['户主身份证号', '姓名', '与户主关系', '性别', '出生日期', '身份证号', '健康状况', '残疾情况', '在校情况', '务工情况'],
    (i) => {
      const m = member(i);
      return [
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
      ];
    },
  );
}

/** Rows of `make(i)` for i in [0, n), inserted `size` at a time as one multi-row INSERT each; returns the ms spent in the INSERTs. */
async function insertRows(db: Db | Tx, table: string, columns: string[], n: number, make: (i: number) => unknown[], size = 1000) {
  let spent = 0;
  for (let i = 0; i < n; i += size) {
    const tuples: SQL[] = [];
    for (let j = i; j < Math.min(n, i + size); j++)
      tuples.push(
        sql`(${sql.join(
          make(j).map((v) => sql`${v}`),
          sql`, `,
        )})`,
      );
    const t = performance.now();
    await db.execute(sql`insert into ${sql.raw(table)} (${sql.raw(columns.join(', '))}) values ${sql.join(tuples, sql`, `)}`);
    spent += performance.now() - t;
  }
  return spent;
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
const HOUSEHOLD_COLUMNS = ['id', 'division_code', 'head_name', 'entry_door', 'category', 'status'];

/** A household's head as the app stores it. */
function headRow(cipher: PersonalDataCipher, k: number) {
  const id = head(k);
  const healthy = JSON.stringify({ health: 'healthy', healthNote: null, disability: 'none' });
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
}

/** The county, its 20 towns and 600 villages in the division registry (the household ledger checks a village is registered). */
/** The baseline of a household-record ledger: its table emptied, then the same rows in one multi-row INSERT. */
function rawInto(table: string, columns: string[], row: (i: number) => unknown[]) {
  return async (database: Database) => {
    await database.query(`delete from ${table}`);
    return database.db.transaction((tx) => insertRows(tx, table, columns, ROWS, row));
  };
}

async function seedDivisions(database: Database) {
  await database.query(
    `insert into divisions (code, name, level, parent_code) values ('${COUNTY}000000', '平远县', 'county', null) on conflict do nothing`,
  );
  await insertRows(database.db, 'divisions', ['code', 'name', 'level', 'parent_code'], 20, (t) => [
    `${COUNTY}${100 + t}000`,
    `第${t + 1}镇`,
    'town',
    `${COUNTY}000000`,
  ]);
  await insertRows(database.db, 'divisions', ['code', 'name', 'level', 'parent_code'], 600, (k) => [
    village(k),
    `第${k + 1}村`,
    'village',
    `${village(k).slice(0, 9)}000`,
  ]);
}

/** 50,000 households of the county (at 200,000 members), each with its head, as the app stores them. */
async function seedHouseholds(database: Database, cipher: PersonalDataCipher) {
  await insertRows(database.db, 'monitoring_households', HOUSEHOLD_COLUMNS, HOUSEHOLDS, (k) => [
    k + 1,
    village(k),
    `户主${k}`,
    'cadre_check',
    'marginal',
    'monitored',
  ]);
  await database.query(`select setval(pg_get_serial_sequence('monitoring_households', 'id'), ${HOUSEHOLDS})`);
  await insertRows(database.db, 'monitoring_members', MEMBER_COLUMNS, HOUSEHOLDS, (k) => headRow(cipher, k));
  await database.query('analyze');
}

/** The ledger the run measures, and the raw multi-row INSERT of the same rows in stored form it is compared with. */
const ledgers = {
  members: {
    def: () => memberLedger as unknown as LedgerDefinition,
    seed: seedHouseholds,
    /** the rows the import wrote are removed first; returns the ms spent in the INSERTs */
    async raw(database: Database, c: PersonalDataCipher) {
      await database.query(`delete from monitoring_members where relation <> 'head'`);
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
      const ms = await database.db.transaction((tx) => insertRows(tx, 'monitoring_members', MEMBER_COLUMNS, ROWS, (i) => stored[i]));
      const [{ n }] = await database.query<{ n: number }>(`select count(*)::int as n from monitoring_members where relation <> 'head'`);
      if (Number(n) !== ROWS) throw new Error(`baseline inserted ${n}`);
      return ms;
    },
  },
  households: {
    def: () => householdLedger as unknown as LedgerDefinition,
    seed: seedDivisions,
    async raw(database: Database, c: PersonalDataCipher) {
      await database.query('delete from monitoring_steps');
      await database.query('delete from monitoring_members');
      await database.query('delete from monitoring_households');
      return database.db.transaction(async (tx) => {
        const h = await insertRows(tx, 'monitoring_households', HOUSEHOLD_COLUMNS, ROWS, (k) => {
          const x = household(k);
          return [k + 1, x.village, x.headName, x.entryDoor, x.category, 'identifying'];
        });
        return h + (await insertRows(tx, 'monitoring_members', MEMBER_COLUMNS, ROWS, (k) => headRow(c, k)));
      });
    },
  },
  visits: {
    def: () => visitLedger as unknown as LedgerDefinition,
    seed: seedHouseholds,
    raw: rawInto('monitoring_visits', ['household_id', 'visited_on', 'visitors', 'findings'], (i) => {
      const v = visit(i);
      return [v.household + 1, v.visitedOn, v.visitors, v.findings];
    }),
  },
  measures: {
    def: () => measureLedger as unknown as LedgerDefinition,
    seed: seedHouseholds,
    raw: rawInto('monitoring_measures', ['household_id', 'kind', 'description', 'amount', 'start_on'], (i) => {
      const m = measure(i);
      return [m.household + 1, m.kind, m.description, m.amount, m.startOn];
    }),
  },
  // a ledger committed through write() (the module's own code: households, members, steps, audit entries), on
  // PGlite in journaled slices of whole households (platform/ledgers/journal.ts)
  roster: {
    def: () => monitoringRosterLedger as unknown as LedgerDefinition,
    seed: seedDivisions,
    async raw(database: Database, c: PersonalDataCipher) {
      await database.query('delete from monitoring_steps');
      await database.query('delete from monitoring_members');
      await database.query('delete from monitoring_households');
      const households = Math.ceil(ROWS / 5);
      return database.db.transaction(async (tx) => {
        const h = await insertRows(tx, 'monitoring_households', HOUSEHOLD_COLUMNS, households, (k) => [
          k + 1,
          village(k),
          `户主${k}`,
          'cadre_check',
          'marginal',
          'monitored',
        ]);
        return (
          h +
          (await insertRows(tx, 'monitoring_members', MEMBER_COLUMNS, ROWS, (i) => {
            const p = rosterPerson(i);
            const health = JSON.stringify({ health: 'healthy', healthNote: null, disability: 'none' });
            const birth = `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`;
            return [
              p.household + 1,
              p.name,
              i % 5 ? 'child' : 'head',
              'male',
              birth,
              c.encrypt(p.idNumber),
              c.hash(p.idNumber),
              maskIdNumber(p.idNumber),
              c.encrypt(health),
              'not_in_school',
              'none',
            ];
          }))
        );
      });
    },
  },
  lifted: {
    def: () => liftedRosterLedger as unknown as LedgerDefinition,
    seed: seedDivisions,
    async raw(database: Database, c: PersonalDataCipher) {
      await database.query('delete from labour_roster');
      const columns = ['name', 'id_cipher', 'id_hash', 'id_masked', 'division_code', 'household_head', 'lifted_year'];
      const stored = Array.from({ length: ROWS }, (_, i) => {
        const p = liftedPerson(i);
        return [p.name, c.encrypt(p.idNumber), c.hash(p.idNumber), maskIdNumber(p.idNumber), p.divisionCode, p.householdHead, p.liftedYear];
      });
      return database.db.transaction((tx) => insertRows(tx, 'labour_roster', columns, ROWS, (i) => stored[i]));
    },
  },
  employments: {
    def: () => employmentLedger as unknown as LedgerDefinition,
    // home villages and places of work are written as codes (nothing to look up); the station the
    // organised jobs name must be registered (劳务工作站台账)
    async seed(database: Database) {
      await database.query(
        `insert into labour_stations (name, division_code, served_codes) values ('平远驻佛山劳务工作站', '440606000000', array['${COUNTY}000000'])`,
      );
    },
    async raw(database: Database, c: PersonalDataCipher) {
      await database.query('delete from labour_employments');
      const columns = [
        'name',
        'id_cipher',
        'id_hash',
        'id_masked',
        'division_code',
        'employer',
        'work_division_code',
        'start_date',
        'monthly_wage',
        'channel',
        'station',
      ];
      // in stored form a chunk at a time (740,000 rows at once would not fit the heap); only the INSERTs are timed
      return database.db.transaction(async (tx) => {
        let ms = 0;
        for (let from = 0; from < ROWS; from += 10_000) {
          const n = Math.min(10_000, ROWS - from);
          const stored = Array.from({ length: n }, (_, k) => {
            const j = job(from + k);
            return [
              j.name,
              c.encrypt(j.idNumber),
              c.hash(j.idNumber),
              maskIdNumber(j.idNumber),
              j.divisionCode,
              j.employer,
              j.workDivisionCode,
              j.startDate,
              j.monthlyWage,
              j.channel,
              j.station,
            ];
          });
          ms += await insertRows(tx, 'labour_employments', columns, n, (k) => stored[k]);
        }
        return ms;
      });
    },
  },
} as const;
const bench = ledgers[LEDGER as keyof typeof ledgers];
if (!bench) throw new Error(`--ledger=${LEDGER}: members, households, employments, visits, measures, lifted or roster`);

let peak = 0;
let heapPeak = 0;
/** The embedded database's WebAssembly memory (PGlite: its page cache and work memory live in this process). */
let wasmBytes = () => 0;
/**
 * How much of it is resident (Linux): V8 maps a WebAssembly memory's accessible part (its byteLength) as
 * one read-write mapping inside a reservation of several GB; its touched pages are what it costs.
 */
let smapsRead = { at: 0, value: 0 };
function wasmResident(): number {
  if (!wasmBytes()) return 0;
  // reading /proc/self/smaps takes ~5 ms here; the sampler asks at every new peak, so at most every 500 ms
  // (it cost the import about 1 s of a 30 s run when read at each one)
  if (performance.now() - smapsRead.at < 500) return smapsRead.value;
  smapsRead = { at: performance.now(), value: readWasmResident() };
  return smapsRead.value;
}

function readWasmResident(): number {
  try {
    let total = 0;
    let big = false;
    for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
      const range = /^([0-9a-f]+)-([0-9a-f]+) rw/.exec(line);
      if (range || /^[0-9a-f]+-[0-9a-f]+ /.test(line))
        big = !!range && Number.parseInt(range[2], 16) - Number.parseInt(range[1], 16) === wasmBytes();
      else if (big && line.startsWith('Rss:')) total += Number(/\d+/.exec(line)![0]) * 1024;
    }
    return total;
  } catch {
    return 0; // not Linux
  }
}
type Breakdown = { heap: number; buffers: number; wasm: number; wasmRss: number; rss: number };
const breakdown = (m = process.memoryUsage()): Breakdown => ({
  heap: m.heapTotal,
  buffers: m.arrayBuffers,
  wasm: wasmBytes(),
  wasmRss: wasmResident(),
  rss: m.rss,
});
let atPeak = breakdown();
/** The peak of the phase under way (dry run, staging, the slices, what follows them): where the memory was then. */
let phase = { rss: 0, at: atPeak };
const endPhase = () => {
  const at = phase.at;
  phase = { rss: 0, at: breakdown() };
  return at;
};
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > peak) atPeak = breakdown(m);
  if (m.rss > phase.rss) phase = { rss: m.rss, at: m.rss === peak && atPeak.rss === m.rss ? atPeak : breakdown(m) };
  peak = Math.max(peak, m.rss);
  heapPeak = Math.max(heapPeak, m.heapUsed);
}, 50);
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
/** Where the process's memory is: the JS heap (reserved), array buffers (shared strings, seen keys, I/O), the database's WebAssembly memory. */
const parts = (b: Breakdown) => {
  const pglite = b.wasmRss || b.wasm;
  const wasm = b.wasm ? `, PGlite memory ${b.wasmRss ? `${mb(b.wasmRss)} resident of ${mb(b.wasm)}` : mb(b.wasm)}` : '';
  return `RSS ${mb(b.rss)}: JS heap ${mb(b.heap)}, array buffers ${mb(b.buffers)}${wasm}, rest ${mb(b.rss - b.heap - b.buffers - pglite)}`;
};

/**
 * Issues `select 1` 50 ms after the previous one answered, until stopped; each wait is what another request
 * (/api/health) would have seen. Counted from when the query was due, not from when the timer fired:
 * PGlite runs statements synchronously on this thread, so a long one delays the timer itself too.
 */
function stallProbe(database: Database) {
  const waits: number[] = [];
  let stop = false;
  const done = (async () => {
    while (!stop) {
      const due = performance.now() + 50;
      await new Promise((r) => setTimeout(r, 50));
      await database.query('select 1');
      waits.push(performance.now() - due);
    }
  })();
  return async () => {
    stop = true;
    await done;
    const sorted = [...waits].sort((x, y) => x - y);
    return { max: sorted.at(-1) ?? 0, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0, count: waits.length };
  };
}

const cipher = () => new PersonalDataCipher(parseKeySpec(process.env.BENCH_DATA_KEY!));

/** The database as the county's server would find it: migrated, its triggers installed, the households in. */
async function seed(database: Database) {
  await migrate(database);
  await installTriggers(database, await wiredSources(database, factsOf(modules)));
  await bench.seed(database, cipher());
}

async function run(label: string, database: Database, file: string, dataDir: string) {
  const defaults = loadConfig({});
  // --slice=N: rows per transaction of a staged commit's apply on PGlite (LEDGER_APPLY_SLICE)
  const applySlice = Number(process.env.BENCH_SLICE) || defaults.ledgers.applySlice;
  const config = { ...defaults, dataDir, seedDemo: false, ledgers: { ...defaults.ledgers, applySlice } };
  const services = servicesFor(config, database, cipher(), modules);
  await installTriggers(database, await wiredSources(database, factsOf(modules))); // as the app does at start
  const ctx = countyContext(services);

  // validated import: the same steps as POST /imports and POST /commit, without HTTP
  const def = bench.def();
  const startRss = process.memoryUsage().rss;
  peak = startRss;
  const atStart = breakdown();
  atPeak = atStart;
  phase = { rss: 0, at: atStart };
  const startHeap = process.memoryUsage().heapUsed;
  heapPeak = startHeap;
  const t0 = performance.now();
  const id = randomUUID();
  const dir = await makeImportDir(services, id);
  const size = statSync(file).size;
  const kind = await sniffFile(file, 'bench.xlsx', size);
  await checkZip(file, { maxUncompressedBytes: config.ledgers.maxUncompressedBytes, maxRatio: 200, maxEntries: 10_000 });
  await database.db
    .insert(ledgerImports)
    .values({ id, ledgerKey: def.key, userId: 1, fileName: 'bench.xlsx', fileBytes: size, sha256: '-', status: 'reading' });
  const copy = join(dir, 'upload'); // dryRun deletes the upload it is given
  await copyFile(file, copy);
  const t1 = performance.now();
  const dryProbe = stallProbe(database);
  await dryRun(services, id, def, ctx, copy, kind, dir);
  const dryStall = await dryProbe();
  const dryPeak = peak;
  const atDryPeak = atPeak;
  const dryPhase = endPhase();
  const t2 = performance.now();
  const imp = (await loadImport(services, id))!;
  if (imp.status !== 'ready' || imp.valid !== ROWS)
    throw new Error(
      `dry run: ${imp.status} valid=${imp.valid} rejected=${imp.rejected} ${JSON.stringify(imp.error ?? (imp.problems as unknown[]).slice(0, 3))}`,
    );
  const commitProbe = stallProbe(database);
  // each slice's transaction (PGlite), timed from the previous slice's end: how long one holds the others
  const sliceEnds: number[] = [];
  // the peaks by phase: staging (to the first slice's end), the slices (to the last one's end), what follows
  let stagePhase: Breakdown | null = null;
  let slicesPhase: Breakdown | null = null;
  applyHooks.afterSlice = () => {
    sliceEnds.push(performance.now());
    if (!stagePhase) stagePhase = endPhase();
    else if (phase.rss > (slicesPhase?.rss ?? 0)) slicesPhase = phase.at;
    phase = { rss: 0, at: phase.at }; // what follows the last slice starts here
  };
  const commitStart = performance.now();
  const result = await commitImport(services, imp, def, ctx, 'all-or-nothing', dir);
  const commitStall = await commitProbe();
  const t3 = performance.now();
  applyHooks.afterSlice = undefined;
  if (result?.inserted !== ROWS)
    throw new Error(`commit inserted ${result?.inserted}: ${JSON.stringify((await loadImport(services, id))?.error)}`);
  const importPeak = peak;
  const atImportPeak = atPeak;
  const tailPhase = endPhase();
  const importHeapPeak = heapPeak;
  const importSeconds = (t3 - t0) / 1000;

  // said now too: at 740,000 rows on a loaded machine the baseline takes a quarter of an hour more
  console.log(
    `\n${label}: import done at ${new Date().toISOString().slice(11, 19)} UTC in ${importSeconds.toFixed(1)} s, peak RSS ${mb(importPeak)}; now the raw INSERT baseline`,
  );
  // baseline: the same rows in stored form (encrypted beforehand), multi-row INSERT in one transaction
  const rawMs = await bench.raw(database, services.cipher);

  const ours = ROWS / importSeconds;
  const raw = ROWS / (rawMs / 1000);
  console.log(`\n${label}: ${def.title}, ${ROWS.toLocaleString()} rows`);
  console.log(
    `  validated import: ${Math.round(ours).toLocaleString()} rows/s  (${importSeconds.toFixed(1)} s: dry run ${((t2 - t1) / 1000).toFixed(1)} s, commit ${((t3 - t2) / 1000).toFixed(1)} s)`,
  );
  console.log(`  raw bulk INSERT:  ${Math.round(raw).toLocaleString()} rows/s  (${(rawMs / 1000).toFixed(1)} s)`);
  console.log(`  ratio:            ${(ours / raw).toFixed(2)}  (goal ≥ 0.3) ${ours / raw >= 0.3 ? 'OK' : 'BELOW GOAL'}`);
  console.log(
    `  peak RSS during import: ${mb(importPeak)}  (goal ≤ 400 MB) ${importPeak <= 400 * 1024 * 1024 ? 'OK' : 'ABOVE GOAL'}; ${mb(startRss)} before it, +${mb(importPeak - startRss)} for the import (+${mb(dryPeak - startRss)} by the end of the dry run) (JS heap: +${mb(importHeapPeak - startHeap)} at most)`,
  );
  if (sliceEnds.length) {
    const spans = sliceEnds.map((end, i) => end - (i ? sliceEnds[i - 1] : commitStart));
    console.log(
      `  apply in ${sliceEnds.length} slices of ${applySlice} rows: longest ${Math.round(Math.max(...spans.slice(1), 0))} ms between two slices' ends (the first, with staging, ${Math.round(spans[0])} ms); after the last slice ${Math.round(t3 - sliceEnds.at(-1)!)} ms`,
    );
  }
  console.log(`    before the import: ${parts(atStart)}`);
  console.log(`    at the dry run's peak: ${parts(dryPhase)}`);
  if (stagePhase) console.log(`    at the staging's peak (to the first slice's end): ${parts(stagePhase)}`);
  if (slicesPhase) console.log(`    at the slices' peak: ${parts(slicesPhase)}`);
  console.log(`    at the peak of what follows (${stagePhase ? 'after the last slice' : 'the commit'}): ${parts(tailPhase)}`);
  console.log(`    → the import's peak (${atImportPeak === atDryPeak ? 'in the dry run' : 'in the commit'}): ${parts(atImportPeak)}`);
  console.log(
    `  wait of a concurrent \`select 1\` (every 50 ms): dry run max ${Math.round(dryStall.max)} ms, p95 ${Math.round(dryStall.p95)} ms; commit max ${Math.round(commitStall.max)} ms, p95 ${Math.round(commitStall.p95)} ms (${dryStall.count + commitStall.count} probes) ${Math.max(dryStall.max, commitStall.max) <= 1000 ? 'OK' : 'ABOVE 1 s'}`,
  );
}

/** The county's staff importing: the context a request of theirs would have. */
function countyContext(services: ReturnType<typeof servicesFor>) {
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
  return { services, user, actor: { id: 1, name: 'bench', ip: null }, lang: 'zh-CN' as const, t: translator('zh-CN') };
}

/**
 * `--refuse`: a file of ROWS rows (1,000,000) against the ledger's row limit — how long until it is refused, from
 * the start of the dry run (as the queue runs it) to its 'failed' status, on a fresh PGlite database.
 */
async function refuse(files: string[], dataDir: string) {
  const database = await openDatabase({ dataDir: join(dataDir, 'db') });
  try {
    await migrate(database);
    const config = { ...loadConfig({}), dataDir, seedDemo: false };
    const services = servicesFor(config, database, cipher(), modules);
    const def = bench.def();
    for (const file of files) {
      const id = randomUUID();
      const dir = await makeImportDir(services, id);
      const size = statSync(file).size;
      const name = file.endsWith('.csv') ? 'bench.csv' : 'bench.xlsx';
      const kind = await sniffFile(file, name, size);
      await database.db
        .insert(ledgerImports)
        .values({ id, ledgerKey: def.key, userId: 1, fileName: name, fileBytes: size, sha256: '-', status: 'reading' });
      await copyFile(file, join(dir, 'upload'));
      const t0 = performance.now();
      await dryRun(services, id, def, countyContext(services), join(dir, 'upload'), kind, dir);
      const seconds = (performance.now() - t0) / 1000;
      const imp = (await loadImport(services, id))!;
      const detail = (imp.error as { details?: { key: string; params?: Record<string, unknown> }[] } | null)?.details?.[0];
      console.log(
        `  ${ROWS.toLocaleString()}-row ${kind} (${mb(size)}), limit ${(def.maxRows ?? config.ledgers.maxRows).toLocaleString()}: ${imp.status} in ${seconds.toFixed(1)} s, rows checked ${imp.rowsRead}${detail ? ` — 「${translator('zh-CN')(detail.key, detail.params)}」` : ''}`,
      );
    }
  } finally {
    await database.close();
  }
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
  const file = join(work, `${LEDGER}.xlsx`);
  process.env.BENCH_DATA_KEY = generateKeySpec();
  try {
    const g0 = performance.now();
    await child('--write-workbook', file);
    console.log(
      `generated ${ROWS.toLocaleString()} rows: ${mb(statSync(file).size)} .xlsx in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
    );
    if (process.env.BENCH_READERS) {
      await compareReaders(file, process.argv[1]);
      return;
    }
    if (process.env.BENCH_REFUSE) {
      const csv = join(work, `${LEDGER}.csv`);
      await child('--write-csv', csv);
      console.log(`\nRefusal of a file over the row limit (PGlite, ${LEDGER}):`);
      await child('--refuse-files', join(work, 'lite'), file, csv);
      return;
    }
    // each engine: the data set prepared by one process, the import measured in a fresh one (a server restarted with its data)
    const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
    const engines = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',');
    const own = process.env.BENCH_DATABASE_URL; // a database of its own: emptied (schemas public and drizzle dropped) and used as it is
    if (own && engines.includes('postgres')) {
      const c = new pg.Client({ connectionString: own });
      await c.connect();
      await c.query('drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public');
      await c.end();
      await child('--seed', 'postgres', own);
      await child('--import', 'postgres', own, file, join(work, 'pg'));
    } else if (url && engines.includes('postgres')) {
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
if (process.env.BENCH_READER) await readerChild(process.env.BENCH_READER, process.env.BENCH_READER_FILE!);
else if (mode === '--write-workbook') await writeWorkbook(args[0]);
else if (mode === '--write-csv') await writeCsv(args[0]);
else if (mode === '--refuse-files') await refuse(args.slice(1), args[0]);
else if (mode === '--seed' || mode === '--import') {
  const [engine, where, file, dataDir] = args;
  const database = await open(engine, where);
  const wasm = (database.pglite as unknown as { mod?: { wasmMemory?: WebAssembly.Memory } } | undefined)?.mod?.wasmMemory;
  if (wasm) wasmBytes = () => wasm.buffer.byteLength;
  try {
    if (mode === '--seed') await seed(database);
    else await run(engine === 'postgres' ? `PostgreSQL (${new URL(where).host})` : 'PGlite (on disk)', database, file, dataDir);
  } finally {
    clearInterval(sampler);
    await database.close();
  }
} else await main();
