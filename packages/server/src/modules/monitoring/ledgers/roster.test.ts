// The one-sheet 监测对象信息表 of a whole town, as a clerk keeps it (testing/townRoster.ts, not the app's
// template): 42 households and 121 persons go in with zero errors as the town's staff, re-importing changes
// nothing, the GB18030 CSV of the same data imports identically, four planted errors are reported in
// their cells and nothing is written, and the dashboard's 监测户/监测对象 rise by 42/121.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from '../../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/app';
import { refresherOf } from '../../indicators/service';
import { GANGPING, insertVillages, testIdNumber } from '../testing/builders';
import { ROSTER_HEADERS, rosterCsv, rosterXlsx, TOWN_VILLAGES, townRoster } from '../testing/townRoster';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

process.env.XZ_TODAY = '2025-10-08';

let t: TestApp;
let town: TestClient, hq: TestClient;
const KEY = 'monitoring-roster';

beforeAll(async () => {
  t = await createTestApp();
  await insertVillages(t.services, TOWN_VILLAGES);
  town = await t.userClient('gpstaff', 'town_staff', { divisions: [GANGPING] });
  hq = await t.userClient('hq', 'hq', { all: true });
}, 60_000);
afterAll(() => t.close());

const count = async (q: ReturnType<typeof sql>) => ((await t.services.db.execute(q)).rows[0] as { n: number }).n;
const households = () => count(sql`select count(*)::int as n from monitoring_households`);
const persons = () => count(sql`select count(*)::int as n from monitoring_members where active`);
const dashboard = async () => {
  await refresherOf(t.services).runOnce();
  const res = await hq.get('/api/indicators/dashboard?node=d:441224109&period=Y2025');
  expect(res.statusCode, res.body).toBe(200);
  const figures = res.json().figures as { code: string; breakdown: string; value: number | null }[];
  const fig = (code: string) => figures.find((f) => f.code === code && f.breakdown === '')?.value ?? 0;
  return { households: fig('monitoring.households'), persons: fig('monitoring.persons') };
};

describe('监测对象信息表 (one row per person)', () => {
  const roster = townRoster();

  it('reports exactly the four planted cells and writes nothing', async () => {
    // a bad check digit, a category that is not a monitoring one, a negative income, an impossible date
    const at = (h: number, k: number) => roster.slice(0, h).reduce((n, x) => n + x.members.length, 0) + k; // data index; sheet row = +4
    const planted = { id: at(1, 2), category: at(4, 0), income: at(9, 0), date: at(20, 0) };
    const file = await rosterXlsx(roster, (data) => {
      const id = roster[1].members[2].idNumber;
      data[planted.id][6] = `${id.slice(0, 17)}${id[17] === '3' ? '4' : '3'}`; // G
      data[planted.category][9] = '一般户'; // J, over a household's merged rows
      data[planted.income][11] = -800; // L
      data[planted.date][10] = '2025年13月40日'; // K, over a household's merged rows
    });
    const [G, J, L, K] = [`G${planted.id + 4}`, `J${planted.category + 4}`, `L${planted.income + 4}`, `K${planted.date + 4}`];
    const { status } = await uploadAndCheck(town, KEY, '岗坪镇监测对象（有误）.xlsx', file);
    expect(status.status, JSON.stringify(status.error)).toBe('ready');
    const cells = status.problems
      .filter((p: { col: string | null }) => p.col)
      .map((p: { row: number; col: string; message: string }) => `${p.col}${p.row}`);
    expect(cells.sort()).toEqual([G, J, K, L].sort());
    const say = (cell: string) => status.problems.find((p: { row: number; col: string }) => `${p.col}${p.row}` === cell).message;
    expect(say(G)).toContain('校验位');
    expect(say(J)).toContain('「一般户」');
    expect(say(L)).toContain('负数');
    expect(say(K)).toContain('没有这一天');
    // the other rows of those households are held back with them, said so by row
    expect(
      status.problems
        .filter((p: { col: string | null }) => !p.col)
        .every((p: { message: string }) => /本户各行都未导入|合并单元格/.test(p.message)),
    ).toBe(true);
    const res = await town.post(`/api/ledgers/imports/${status.id}/commit`, { mode: 'all-or-nothing' });
    expect(res.statusCode).toBe(400);
    expect(await households()).toBe(0);

    // the problem workbook is the clerk's own file, the four cells marked where they were
    const errors = await town.get(`/api/ledgers/imports/${status.id}/errors.xlsx`);
    expect(errors.statusCode).toBe(200);
    const check = async (buf: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as never);
      const ws = wb.getWorksheet('监测对象信息表')!;
      expect(ws.getCell('A1').text).toBe('岗坪镇防返贫监测对象信息表');
      expect(ws.getCell('A3').text).toBe('序号');
      expect(ws.getCell(3, ROSTER_HEADERS.length + 1).text).toBe('问题说明');
      expect(ws.getCell(`A${4 + 121}`).text).toBe('合计');
      const red = (addr: string) => (ws.getCell(addr).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
      const noteOf = (addr: string) => {
        const n = ws.getCell(addr).note as unknown;
        return typeof n === 'string' ? n : JSON.stringify(n);
      };
      for (const [addr, word] of [
        [G, '校验位'],
        [J, '一般户'],
        [L, '负数'],
        [K, '没有这一天'],
      ]) {
        expect(red(addr), addr).toBe('FFFF9C9C');
        expect(noteOf(addr)).toContain(word);
      }
      expect(red('G5')).toBeUndefined();
      expect(ws.getCell(planted.id + 4, ROSTER_HEADERS.length + 1).text).toContain('校验位');
      return ws;
    };
    await check(errors.rawPayload);
    if (hasSoffice) {
      // LibreOffice opens it and, saved again, the marks are where they were
      const dir = mkdtempSync(join(tmpdir(), 'xz-roster-'));
      writeFileSync(join(dir, 'marked.xlsx'), errors.rawPayload);
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          join(dir, 'out'),
          join(dir, 'marked.xlsx'),
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      await check(readFileSync(join(dir, 'out', 'marked.xlsx')));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('imports 42 households and 121 persons with zero errors, says what it ignored and defaulted, and the dashboard rises by 42/121', async () => {
    const before = await dashboard();
    const { status } = await uploadAndCheck(town, KEY, '岗坪镇监测对象信息表.xlsx', await rosterXlsx(roster));
    expect(status.status, JSON.stringify(status.error)).toBe('ready');
    expect(status.problems).toEqual([]);
    expect(status).toMatchObject({ rowsRead: 121, valid: 121, rejected: 0, toInsert: 121, skipped: 1 });
    expect(status.ignoredColumns).toEqual(['序号', '县(市、区)', '乡镇', '人数', '备注']);
    expect(status.missingColumns).toEqual(
      expect.arrayContaining(['户主身份证号', '性别', '出生日期', '务工情况', '纳入途径', '风险消除时间']),
    );
    expect(status.defaults).toEqual(
      expect.arrayContaining([
        { header: '务工情况', value: '未说明' },
        { header: '纳入途径', value: '干部排查' },
      ]),
    );
    const done = (await commitAndWait(town, status.id, 'all-or-nothing')).status;
    expect(done).toMatchObject({ status: 'committed', inserted: 121 });
    expect(await households()).toBe(42);
    expect(await persons()).toBe(121);
    // confirmed households, with their history: monitored since their identification date, migrated by the clerk
    const [h] = (
      await t.services.db.execute(
        sql`select h.status, h.identified_on::text, h.category, h.division_code, h.income_per_head::text from monitoring_households h order by h.id limit 1`,
      )
    ).rows as Record<string, string>[];
    expect(h).toEqual({
      status: 'monitored',
      identified_on: roster[0].identifiedOn,
      category: 'unstable',
      division_code: roster[0].village,
      income_per_head: roster[0].income,
    });
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'transition' and entity = 'monitoring_household' and (after->>'migration')::boolean`,
      ),
    ).toBe(42);
    expect(await count(sql`select count(distinct division_code)::int as n from monitoring_households`)).toBe(13);
    // gender and birth date from the ID number; relations as the national system writes them
    const [m] = (
      await t.services.db.execute(
        sql`select gender, birth_date::text as birth, relation, work from monitoring_members where name = ${roster[1].members[2].name}`,
      )
    ).rows as Record<string, string>[];
    expect(m).toEqual({
      gender: 'male',
      birth: `${roster[1].members[2].idNumber.slice(6, 10)}-${roster[1].members[2].idNumber.slice(10, 12)}-${roster[1].members[2].idNumber.slice(12, 14)}`,
      relation: 'child',
      work: 'unknown',
    });
    // 风险类型 became each household's open risks: 因病 / 因学致贫 / 因病、因学 / 缺劳力 in turn (11 + 11 + 10 + 10)
    const risks = (
      await t.services.db.execute(
        sql`select kind, count(*)::int as n from monitoring_risks where closed_on is null group by kind order by kind`,
      )
    ).rows;
    expect(risks).toEqual([
      { kind: 'illness', n: 21 },
      { kind: 'no_labour', n: 10 },
      { kind: 'schooling', n: 21 },
    ]);
    const after = await dashboard();
    expect(after.households - before.households).toBe(42);
    expect(after.persons - before.persons).toBe(121);
  }, 60_000);

  it('re-imports the same file, and its GB18030 CSV, without a change', async () => {
    for (const [name, file] of [
      ['again.xlsx', await rosterXlsx(roster)],
      ['岗坪镇.csv', rosterCsv(roster)],
    ] as const) {
      const { status } = await uploadAndCheck(town, KEY, name, file);
      expect(status.status, JSON.stringify(status.error)).toBe('ready');
      expect(status.problems).toEqual([]);
      expect(status).toMatchObject({ rowsRead: 121, valid: 121, toInsert: 0, toUpdate: 0, unchanged: 121 });
    }
    expect(await households()).toBe(42);
  });

  it('re-imports its own masked export unchanged, and an edit in it updates just that person', async () => {
    const res = await town.get(`/api/ledgers/${KEY}/export`);
    expect(res.statusCode).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    const header = sheet[1] as string[];
    expect(header.at(-1)).toBe('记录标识');
    const data = sheet.slice(3).filter((r) => r?.length);
    expect(data).toHaveLength(121);
    const idCol = header.indexOf('*身份证号');
    expect(String(data[0][idCol])).toMatch(/^4412\*{10}[\dX]{4}$/);
    const again = (await uploadAndCheck(town, KEY, 'export.xlsx', res.rawPayload)).status;
    expect(again.problems).toEqual([]);
    expect(again).toMatchObject({ rowsRead: 121, valid: 121, toInsert: 0, toUpdate: 0, unchanged: 121 });
    // a clerk corrects one name in the masked export
    const nameCol = header.indexOf('*姓名');
    const edited = await xlsx(sheet.map((r, i) => (i === 5 ? r.map((v, j) => (j === nameCol ? '改过的名字（化名）' : v)) : r)));
    const upd = (await uploadAndCheck(town, KEY, 'edited.xlsx', edited)).status;
    expect(upd.problems).toEqual([]);
    expect(upd).toMatchObject({ toUpdate: 1, unchanged: 120 });
    expect((await commitAndWait(town, upd.id, 'all-or-nothing')).status).toMatchObject({ status: 'committed', updated: 1 });
    expect(await count(sql`select count(*)::int as n from monitoring_members where name = '改过的名字（化名）' and active`)).toBe(1);
    // the same export again is now stale for that person: said so, not overwritten
    const stale = (await uploadAndCheck(town, KEY, 'export.xlsx', res.rawPayload)).status;
    expect(stale.problems.map((p: { message: string }) => p.message).join()).toContain('导出之后已被修改');
  });
});

describe('the roster’s words, villages and history', () => {
  const head = testIdNumber('1966-04-04');
  const wife = testIdNumber('1969-05-05');
  const HEAD = [
    '所在村',
    '户主身份证号',
    '姓名',
    '身份证号',
    '与户主关系',
    '性别',
    '出生日期',
    '健康状况',
    '监测对象类别',
    '识别时间',
    '监测状态',
    '风险消除时间',
  ];

  it('names an unknown village and a value it does not know, and checks gender and birth date against the ID number', async () => {
    const file = await xlsx([
      HEAD,
      ['火星村', head, '甲（化名）', head, '户主', '男', null, '健康', '边缘户', '2024-01-01', '已纳入监测', null],
      ['兴义村', head, '乙（化名）', wife, '表姑', '女', null, '很好', '边缘户', '2024-01-01', '已纳入监测', null],
      [
        '兴义村',
        head,
        '丙（化名）',
        testIdNumber('1990-01-02'),
        '之女',
        '男',
        '1990-01-03',
        '健康',
        '边缘户',
        '2024-01-01',
        '已纳入监测',
        null,
      ],
    ]);
    const { status } = await uploadAndCheck(town, KEY, 'w.xlsx', file);
    const said = Object.fromEntries(
      status.problems
        .filter((p: { col: string | null }) => p.col)
        .map((p: { row: number; col: string; message: string }) => [`${p.col}${p.row}`, p.message]),
    );
    expect(said.A2).toContain('找不到「火星村」');
    expect(said.E3).toContain('「表姑」');
    expect(said.F4).toContain('应为 女');
    expect(said.G4).toContain('1990-01-02');
    expect(said.H3).toContain('「很好」');
  });

  it('reads 风险类型 as clerks write them, naming a word it does not know', async () => {
    const a = testIdNumber('1957-07-07');
    const file = await xlsx([
      [...HEAD, '风险类型'],
      ['兴义村', a, '己（化名）', a, '户主', null, null, '健康', '边缘户', '2024-01-01', '已纳入监测', null, '因病致贫；因懒'],
    ]);
    const { status } = await uploadAndCheck(town, KEY, 'r.xlsx', file);
    const said = status.problems.map((p: { row: number; col: string | null; message: string }) => `${p.col}${p.row} ${p.message}`);
    expect(said).toEqual([expect.stringMatching(/^M2 .*不是风险类型：「因懒」/)]); // 因病致贫 is read
  });

  it('resolves a village by name within the user’s scope: ambiguous in the county unless the town is written', async () => {
    await t.services.db.execute(
      sql`insert into divisions (code, name, level, parent_code) values ('441224110000', '冷坑镇', 'town', '441224000000'), ('441224110201', '兴义村委会', 'village', '441224110000') on conflict do nothing`,
    );
    const county = await t.userClient('huaiji', 'town_staff', { divisions: ['441224000000'] });
    const a = testIdNumber('1958-03-03');
    const b = testIdNumber('1959-03-03');
    const file = await xlsx([
      HEAD,
      ['兴义村', a, '丁（化名）', a, '户主', null, null, '健康', '边缘户', '2024-01-01', '已纳入监测', null],
      ['冷坑镇兴义村', b, '戊（化名）', b, '户主', null, null, '健康', '边缘户', '2024-01-01', '已纳入监测', null],
    ]);
    const { status } = await uploadAndCheck(county, KEY, 'v.xlsx', file);
    const said = status.problems.map((p: { row: number; col: string | null; message: string }) => `${p.col}${p.row} ${p.message}`);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^A2 .*「兴义村」不止一个.*岗坪镇兴义村委会（441224109202）.*冷坑镇兴义村委会（441224110201）/);
    // the town's staff see one 兴义 only
    const mine = (
      await uploadAndCheck(
        town,
        KEY,
        'v.xlsx',
        await xlsx([HEAD, ['兴义', a, '丁（化名）', a, '户主', null, null, '健康', '边缘户', '2024-01-01', '已纳入监测', null]]),
      )
    ).status;
    expect(mine.problems).toEqual([]);
  });

  it('brings a household in with its history: 风险已消除 with its dates, 识别中 still to be confirmed', async () => {
    const other = testIdNumber('1971-06-06');
    const file = await xlsx([
      HEAD,
      ['岗坪镇曾村', head, '甲（化名）', head, '02', null, null, '患有大病', '突发严重困难户', '2023年5月6日', '风险已消除', '2024/12/20'],
      ['曾村', head, '乙（化名）', wife, '10', null, null, '健康', '突发严重困难户', '2023年5月6日', '风险已消除', '2024/12/20'],
      ['441224109202', other, '丙（化名）', other, '户主', null, null, '残疾', '脱贫不稳定户', '20250801', '识别中', null],
    ]);
    const { status } = await uploadAndCheck(town, KEY, 'h.xlsx', file);
    expect(status.problems).toEqual([]);
    expect(status.defaults.map((d: { header: string }) => d.header)).toEqual(expect.arrayContaining(['在校情况', '务工情况']));
    expect((await commitAndWait(town, status.id, 'all-or-nothing')).status.status).toBe('committed');
    const rows = (
      await t.services.db.execute(sql`select h.status, h.stage, h.identified_on::text as identified, h.eliminated_on::text as eliminated, h.procedure_started_on::text as started
      from monitoring_households h join monitoring_members m on m.household_id = h.id and m.relation = 'head' where m.id_hash in (${t.services.cipher.hash(head)}, ${t.services.cipher.hash(other)}) order by h.id`)
    ).rows;
    expect(rows).toEqual([
      { status: 'eliminated', stage: null, identified: '2023-05-06', eliminated: '2024-12-20', started: null },
      { status: 'identifying', stage: 'verify', identified: null, eliminated: null, started: '2025-08-01' },
    ]);
  });
});
