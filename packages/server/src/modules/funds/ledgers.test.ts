// The funds ledgers with files as clerks keep them (a merged title row, Chinese headers, amounts as written,
// a 合计 row): bad money, an unknown project code and a disbursement over budget are cell errors and an
// all-or-nothing commit writes nothing; transfers split a batch within it; an export imports back unchanged.
// The 协作计划/结对关系 of a batch and the 受益村/结对关系 of a project are read as clerks write them (中山-六盘水,
// 南龙村、车陂村委会，441403106209), an unknown one is a cell error saying what is wrong, and both exports round-trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from '../../platform/ledgers/testing/helpers';
import type { TestApp, TestClient } from '../../testing/app';
import { NANKOU } from './demoData';
import { fundsTestApp } from './testing/fixture';

process.env.XZ_TODAY = '2026-09-30';

let t: TestApp;
let hq: TestClient;
let nankou: TestClient;

beforeAll(async () => {
  t = await fundsTestApp();
  hq = await t.userClient('hq_funds', 'hq', { all: true });
  nankou = await t.userClient('staff_nankou', 'town_staff', { divisions: [NANKOU] });
}, 180_000);
afterAll(() => t.close());

const count = async (table: string) => (await t.services.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

/** A clerk's sheet: a merged title over the columns, the header row, the rows, a 合计 row. */
const clerkFile = (title: string, header: string[], rows: unknown[][], total: unknown[]) =>
  xlsx([[title], header, ...rows, total], (ws) => ws.mergeCells(1, 1, 1, header.length));

describe('资金拨付台账', () => {
  it('reads 1.2万元 and 1,234.00; refuses 壹万元, a negative amount, an unknown code and over budget by cell; writes nothing', async () => {
    const before = await count('funds_flows');
    const header = ['项目编号', '资金流向', '资金性质', '日期', '金额（元）', '凭证号', '备注'];
    const file = await clerkFile(
      '南口镇道路亮化工程资金拨付台账',
      header,
      [
        ['NK-LD-09', '拨付', '社会帮扶资金', '2026年9月10日', '1.2万元', 'PZ-001', null],
        ['NK-LD-10', '拨付', '社会帮扶资金', '2026/9/12', '1,234.00', 'PZ-002', null],
        ['NK-LD-10', '支出', '社会帮扶资金', '2026-09-15', '壹万元', 'PZ-003', null],
        ['NK-LD-10', '支出', '社会帮扶资金', '2026-09-16', '-500', 'PZ-004', null],
        ['NK-XX-99', '拨付', '社会帮扶资金', '2026-09-16', '5000', 'PZ-005', null],
        ['NK-LD-01', '拨付', '社会帮扶资金', '2026-09-17', '12.5万元', 'PZ-006', '超预算'],
      ],
      ['合计', null, null, null, 148734, null, null],
    );
    const { res, status } = await uploadAndCheck(nankou, 'funds-flows', '拨付台账.xlsx', file);
    expect(res.statusCode, res.body).toBe(202);
    expect(status).toMatchObject({ status: 'ready', valid: 2, rejected: 4 });
    const cells = status.problems.map((p: { row: number; col: string }) => `${p.row}${p.col}`);
    expect(cells).toEqual(['5E', '6E', '7A', '8E']);
    const messages = status.problems.map((p: { message: string }) => p.message).join('\n');
    expect(messages).toContain('找不到该项目');
    expect(messages).toContain('超出项目该资金性质的预算（剩余 0.00 元）');
    const commit = await nankou.post(`/api/ledgers/imports/${status.id}/commit`, { mode: 'all-or-nothing' });
    expect(commit.statusCode).toBe(400);
    expect(await count('funds_flows')).toBe(before);
    // the valid rows alone: written through the service, audited
    const done = await commitAndWait(nankou, status.id, 'valid-rows');
    expect(done.status).toMatchObject({ status: 'committed' });
    expect(await count('funds_flows')).toBe(before + 2);
    const p = (await nankou.get('/api/funds/projects?q=NK-LD-10')).json().items[0];
    expect(p.money.disbursement).toBe(String((45000 * 0.5 + 1234).toFixed(2)));
  });
});

describe('资金下达台账', () => {
  it('imports a batch and its transfers to the counties from one file; a transfer over what is left is a cell error', async () => {
    const header = ['资金性质', '拨付方区划代码', '接收方区划代码', '文号', '来源文号', '年度', '下达日期', '金额', '备注'];
    const file = await clerkFile(
      '2026年中山市财政援助资金下达明细表',
      header,
      [
        ['财政援助资金', '442000000000', '520200000000', '中协办〔2026〕9号', null, 2026, '2026-09-20', '1000万元', '追加'],
        ['财政援助资金', '520200000000', '520204000000', '六财农〔2026〕30号', '中协办〔2026〕9号', 2026, '2026-09-25', '600万元', null],
        ['财政援助资金', '520200000000', '520281000000', '六财农〔2026〕31号', '中协办〔2026〕9号', 2026, '2026-09-25', '500万元', null],
      ],
      ['合计', null, null, null, null, null, null, '2100万元', null],
    );
    const { status } = await uploadAndCheck(hq, 'funds-allocations', '下达明细.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', valid: 2, rejected: 1 });
    expect(status.problems[0]).toMatchObject({ row: 5, col: 'H' });
    expect(status.problems[0].message).toContain('剩余 4000000.00 元');
    const done = await commitAndWait(hq, status.id, 'valid-rows');
    expect(done.status).toMatchObject({ status: 'committed' });
    const list = (await hq.get('/api/funds/allocations?budgetYear=2026&kind=fiscal&pageSize=100')).json();
    expect(list.totalAmount).toBe('177750000.00'); // 1.6775亿元 + 1000万元; the 600万元 transfer not added again
  });
});

describe('项目台账', () => {
  it('exports the town’s projects and imports the export back with no change', async () => {
    const res = await nankou.get('/api/ledgers/funds-projects/export');
    expect(res.statusCode).toBe(200);
    const rows = (await readSheet(res.rawPayload)).slice(3).filter((r) => r?.length);
    expect(rows).toHaveLength(10);
    const { status } = await uploadAndCheck(nankou, 'funds-projects', '项目台账.xlsx', res.rawPayload);
    expect(status).toMatchObject({ status: 'ready', rowsRead: 10, valid: 10, toInsert: 0, toUpdate: 0, unchanged: 10 });
  });

  it('creates a project with its budget and steps from a clerk’s row; a step dated before the one it follows is a cell error', async () => {
    const header = ['项目编号', '项目名称', '项目类型', '项目地点区划代码', '社会帮扶资金预算', '入库日期', '批复日期', '开工日期'];
    const file = await clerkFile(
      '南口镇民生实事项目台账',
      header,
      [
        ['NK-LD-11', '瑶上村道路亮化工程', '民生实事', '441403106216', '3.5万元', '2026-08-01', '2026-08-20', '2026-09-01'],
        ['NK-LD-12', '瑶西村道路亮化工程', '民生实事', '441403106216', '30000', '2026-08-01', '2026-09-20', '2026-09-01'],
      ],
      ['合计', null, null, null, 65000, null, null, null],
    );
    const { status } = await uploadAndCheck(nankou, 'funds-projects', '项目台账.xlsx', file);
    expect(status).toMatchObject({ valid: 1, rejected: 1 });
    expect(status.problems[0]).toMatchObject({ row: 4, col: 'H' });
    const done = await commitAndWait(nankou, status.id, 'valid-rows');
    expect(done.status, JSON.stringify(done.status)).toMatchObject({ status: 'committed', inserted: 1 });
    const p = (await nankou.get('/api/funds/projects?q=NK-LD-11')).json().items[0];
    expect(p).toMatchObject({ status: 'started', startedOn: '2026-09-01', money: { budget: '35000.00' } });
  });

  it('names the programme and the team: known ones are set, unknown ones are cell errors', async () => {
    // the fixture has funds' demo only: the programme and the town's team are the registry's and teams' records
    const [prog] = await t.services.database.query<{ name: string }>(
      `insert into programmes (code, name, kind, start_date) values ('zzbz-2021', '驻镇帮镇扶村', 'town_assist', '2021-06-01')
       on conflict (code) do update set name = excluded.name returning name`,
    );
    await t.services.database.query(
      `insert into teams (name, kind, division_code) select '荔湾驻南口镇帮扶工作队', 'team', $1
       where not exists (select 1 from teams where name = '荔湾驻南口镇帮扶工作队')`,
      [NANKOU],
    );
    const header = ['项目编号', '项目名称', '项目类型', '项目地点区划代码', '协作计划', '责任工作队', '入库日期'];
    const file = await clerkFile(
      '南口镇项目台账',
      header,
      [
        ['NK-LD-13', '瑶下村道路亮化工程', '民生实事', '441403106216', prog.name, '荔湾驻南口镇帮扶工作队', '2026-08-01'],
        ['NK-LD-14', '瑶中村道路亮化工程', '民生实事', '441403106216', '不存在的计划', null, '2026-08-01'],
        ['NK-LD-15', '瑶东村道路亮化工程', '民生实事', '441403106216', null, '不存在的工作队', '2026-08-01'],
      ],
      ['合计', null, null, null, null, null, null],
    );
    const { status } = await uploadAndCheck(nankou, 'funds-projects', '项目台账.xlsx', file);
    expect(status).toMatchObject({ valid: 1, rejected: 2 });
    expect(status.problems.map((p: { row: number; col: string }) => `${p.row}${p.col}`)).toEqual(['4E', '5F']);
    expect((await commitAndWait(nankou, status.id, 'valid-rows')).status).toMatchObject({ status: 'committed', inserted: 1 });
    const p = (await nankou.get('/api/funds/projects?q=NK-LD-13')).json().items[0];
    expect(p).toMatchObject({ programmeName: prog.name, teamName: '荔湾驻南口镇帮扶工作队' });
  });
});

/** The registry records a clerk's programme and pairing cells name (the fixture has funds' demo only). */
async function seedLinks() {
  await t.services.database.query(
    `insert into programmes (code, name, kind, start_date) values ('yq-test', '粤黔东西部协作', 'east_west', '2021-05-01'),
       ('zzbz-test', '驻镇帮镇扶村', 'town_assist', '2021-06-01') on conflict (code) do nothing`,
  );
  await t.services.database.query(
    `insert into pairings (type, helper_division_code, helped_division_code, start_date, end_date)
     select * from (values ('city_city', '442000000000', '520200000000', '2016-01-01'::date, '2020-12-31'::date),
                           ('city_city', '442000000000', '520200000000', '2021-05-01'::date, null::date),
                           ('district_town', '440103000000', '441403106000', '2021-06-01'::date, null::date)) v
     where not exists (select 1 from pairings)`,
  );
}

describe('资金下达台账: 协作计划 and 结对关系', () => {
  it('reads a programme and a pairing as a clerk writes them; unknown ones are cell errors naming row and column; nothing written in all-or-nothing', async () => {
    await seedLinks();
    const before = await count('funds_allocations');
    // the clerk's own headers and order, a pairing written with a hyphen and without 市
    const header = [
      '下达文号',
      '资金类别',
      '拨付方代码',
      '受援地区划代码',
      '所属协作计划',
      '结对',
      '预算年度',
      '拨付日期',
      '下达金额',
      '备注',
    ];
    const file = await clerkFile(
      '2026年中山市东西部协作财政援助资金下达表',
      header,
      [
        [
          '中协办〔2026〕21号',
          '财政援助资金',
          '442000000000',
          '520200000000',
          '粤黔东西部协作',
          '中山-六盘水',
          2026,
          '2026年9月1日',
          '300万元',
          null,
        ],
        [
          '中协办〔2026〕22号',
          '财政援助资金',
          '442000000000',
          '520200000000',
          '东西部扶贫协作',
          '中山市 → 六盘水市',
          2026,
          '2026-09-02',
          '100万元',
          null,
        ],
        [
          '中协办〔2026〕23号',
          '财政援助资金',
          '442000000000',
          '520200000000',
          '粤黔东西部协作',
          '中山市 → 安顺市',
          2026,
          '2026-09-03',
          '100万元',
          null,
        ],
        ['中协办〔2026〕24号', '财政援助资金', '442000000000', '520200000000', null, '中山市六盘水市', 2026, '2026-09-04', '100万元', null],
      ],
      ['合计', null, null, null, null, null, null, null, '600万元', null],
    );
    const { status } = await uploadAndCheck(hq, 'funds-allocations', '下达表.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', valid: 1, rejected: 3 });
    const where = status.problems.map((p: { row: number; col: string; header: string }) => `${p.row}${p.col} ${p.header}`);
    expect(where).toEqual(['4E 所属协作计划', '5F 结对', '6F 结对']);
    const messages = status.problems.map((p: { message: string }) => p.message);
    expect(messages[0]).toContain('找不到名为“东西部扶贫协作”的协作计划');
    expect(messages[1]).toContain('找不到结对关系“中山市 → 安顺市”');
    expect(messages[2]).toContain('请写作“帮扶方 → 受帮扶方”');
    const commit = await hq.post(`/api/ledgers/imports/${status.id}/commit`, { mode: 'all-or-nothing' });
    expect(commit.statusCode).toBe(400);
    expect(await count('funds_allocations')).toBe(before);
    expect((await commitAndWait(hq, status.id, 'valid-rows')).status).toMatchObject({ status: 'committed', inserted: 1 });
    const row = (await hq.get('/api/funds/allocations?payerDivisionCode=442000000000&budgetYear=2026&pageSize=100'))
      .json()
      .items.find((i: { docNo: string }) => i.docNo === '中协办〔2026〕21号');
    // the pairing in force on the day (2021–), not the ended one of the same parties
    const [current] = await t.services.database.query<{ id: number }>(
      `select id from pairings where helper_division_code = '442000000000' and end_date is null`,
    );
    expect(row).toMatchObject({
      programmeName: '粤黔东西部协作',
      pairingId: current.id,
      pairingLabel: '中山市 → 六盘水市',
      amount: '3000000.00',
    });
  });

  it('exports every batch with its programme and pairing and imports the export back with no change', async () => {
    const res = await hq.get('/api/ledgers/funds-allocations/export');
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    const header = sheet.find((r) => r?.includes('结对关系'))!;
    const rows = sheet.slice(sheet.indexOf(header) + 2).filter((r) => r?.length); // after the Chinese and the English header
    const linked = rows.find((r) => r.includes('中协办〔2026〕21号'))!;
    expect(linked[header.indexOf('协作计划')]).toBe('粤黔东西部协作');
    expect(linked[header.indexOf('结对关系')]).toBe('中山市 → 六盘水市');
    const { status } = await uploadAndCheck(hq, 'funds-allocations', '下达导出.xlsx', res.rawPayload);
    expect(status).toMatchObject({ status: 'ready', rejected: 0, toInsert: 0, toUpdate: 0, unchanged: rows.length });
  });
});

describe('项目台账: 受益村 and 结对关系', () => {
  it('reads several villages by name or code as clerks separate them and the pairing; a village outside the place or an unknown pairing is a cell error', async () => {
    await seedLinks();
    const before = await count('funds_projects');
    const header = [
      '序号',
      '项目编号',
      '项目名称',
      '项目类别',
      '实施地点区划代码',
      '受益村（社区）',
      '结对帮扶关系',
      '协作计划',
      '储备入库日期',
      '社会帮扶资金（元）',
    ];
    const file = await clerkFile(
      '南口镇2026年帮镇扶村项目库',
      header,
      [
        [
          1,
          'NK-LD-21',
          '南龙车陂侨乡三村亮化工程',
          '民生实事',
          NANKOU,
          '南龙村、车陂村委会，441403106209',
          '荔湾区→南口镇',
          '驻镇帮镇扶村',
          '2026/8/3',
          '5.5万元',
        ],
        [2, 'NK-LD-22', '潭江村亮化工程', '民生实事', NANKOU, '潭江村; 竹香', '荔湾-南口', null, '2026-08-03', '20000'],
        [3, 'NK-LD-23', '白渡村亮化工程', '民生实事', NANKOU, '南龙村、白渡村', '荔湾区→南口镇', null, '2026-08-03', '20000'],
        [4, 'NK-LD-24', '仙湖村亮化工程', '民生实事', NANKOU, '仙湖村', '荔湾区→丙村镇', null, '2026-08-03', '20000'],
        [5, 'NK-LD-25', '林径村亮化工程', '民生实事', NANKOU, '441224109202', null, null, '2026-08-03', '20000'],
      ],
      ['合计', null, null, null, null, null, null, null, null, 115000],
    );
    const { status } = await uploadAndCheck(nankou, 'funds-projects', '项目库.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', valid: 2, rejected: 3 });
    const where = status.problems.map((p: { row: number; col: string; header: string }) => `${p.row}${p.col} ${p.header}`);
    expect(where).toEqual(['5F 受益村(社区)', '6G 结对帮扶关系', '7F 受益村(社区)']); // the header as read (half-width brackets)
    const messages = status.problems.map((p: { message: string }) => p.message);
    expect(messages[0]).toContain('“白渡村”不是项目地点之内的村（社区）');
    expect(messages[1]).toContain('找不到结对关系“荔湾区→丙村镇”');
    expect(messages[2]).toContain('“441224109202”不是项目地点之内的村（社区）');
    const commit = await nankou.post(`/api/ledgers/imports/${status.id}/commit`, { mode: 'all-or-nothing' });
    expect(commit.statusCode).toBe(400);
    expect(await count('funds_projects')).toBe(before);
    expect((await commitAndWait(nankou, status.id, 'valid-rows')).status).toMatchObject({ status: 'committed', inserted: 2 });
    const p = (await nankou.get('/api/funds/projects?q=NK-LD-21')).json().items[0];
    expect(p).toMatchObject({
      villageCodes: ['441403106209', '441403106215', '441403106216'],
      villageNames: ['侨乡村委会', '南龙村委会', '车陂村委会'],
      pairingLabel: '荔湾区 → 南口镇',
      programmeName: '驻镇帮镇扶村',
      money: { budget: '55000.00' },
    });
    const q = (await nankou.get('/api/funds/projects?q=NK-LD-22')).json().items[0];
    expect(q).toMatchObject({ villageCodes: ['441403106211', '441403106212'], pairingLabel: '荔湾区 → 南口镇' });
  });

  it('exports the villages by name and the pairing, and the export imports back with no change', async () => {
    const res = await nankou.get('/api/ledgers/funds-projects/export');
    expect(res.statusCode).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    const header = sheet.find((r) => r?.includes('受益村'))!;
    const rows = sheet.slice(sheet.indexOf(header) + 2).filter((r) => r?.length); // after the Chinese and the English header
    const linked = rows.find((r) => r.includes('NK-LD-21'))!;
    expect(linked[header.indexOf('受益村')]).toBe('侨乡村委会、南龙村委会、车陂村委会');
    expect(linked[header.indexOf('结对关系')]).toBe('荔湾区 → 南口镇');
    const { status } = await uploadAndCheck(nankou, 'funds-projects', '项目导出.xlsx', res.rawPayload);
    expect(status).toMatchObject({ status: 'ready', rejected: 0, toInsert: 0, toUpdate: 0, unchanged: rows.length });
  });
});

describe('项目受益户台账', () => {
  it('imports beneficiaries by project code (ID numbers encrypted; 脱贫人口 from the registry), and a revealed export back unchanged', async () => {
    const { checkIdNumber } = await import('@xiezuo/shared/codes/idNumber');
    const idOf = (first17: string) =>
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'].map((c) => first17 + c).find((v) => checkIdNumber(v).ok)!;
    const lifted = idOf('44122419800101123');
    const other = idOf('44122419850202456');
    const [h] = await t.services.database.query<{ id: number }>(
      `insert into monitoring_households (division_code, head_name, entry_door, category, is_lifted, status, identified_on)
       values ('441224109202', '户主', 'cadre_check', 'unstable', true, 'monitored', '2025-03-01') returning id`,
    );
    await t.services.database.query(
      `insert into monitoring_members (household_id, name, relation, gender, birth_date, id_cipher, id_hash, id_masked, health_cipher, schooling, work)
       values ($1, '受益人甲', 'self', 'male', '1980-01-01', 'x', $2, 'x', 'x', 'none', 'none')`,
      [h.id, t.services.cipher.hash(lifted)],
    );
    const header = ['项目编号', '姓名', '身份证号码', '受益方式', '受益日期', '备注'];
    const file = await clerkFile(
      '兴义村砂糖橘基地受益户花名册',
      header,
      [
        ['GP-CY-01', '受益人甲', lifted, '务工', '2026-04-01', null],
        ['GP-CY-01', '受益人乙', other, '入股分红', '2026-04-01', null],
        ['GP-XX-99', '受益人丙', other, '务工', '2026-04-01', null],
      ],
      ['合计', '3人', null, null, null, null],
    );
    const { status } = await uploadAndCheck(hq, 'funds-beneficiaries', '受益户.xlsx', file);
    expect(status).toMatchObject({ valid: 2, rejected: 1 });
    expect(status.problems[0]).toMatchObject({ row: 5, col: 'A' });
    expect((await commitAndWait(hq, status.id, 'valid-rows')).status).toMatchObject({ status: 'committed', inserted: 2 });
    const p = (await hq.get('/api/funds/projects?q=GP-CY-01')).json().items[0];
    const detail = (await hq.get(`/api/funds/projects/${p.id}`)).json();
    expect(detail.liftedBeneficiaries, JSON.stringify(detail.beneficiaryList)).toBe(1);
    expect(detail.beneficiaryList.map((b: { mechanism: string }) => b.mechanism)).toEqual(['wages', 'dividend']);
    const raw = await t.services.database.query<{ j: string }>('select row_to_json(b)::text as j from funds_beneficiaries b');
    for (const { j } of raw) expect(j).not.toMatch(/\d{17}[\dX]/);
    const exported = await hq.post('/api/ledgers/funds-beneficiaries/export', { reveal: true });
    expect(exported.statusCode).toBe(200);
    const again = await uploadAndCheck(hq, 'funds-beneficiaries', '受益户导出.xlsx', exported.rawPayload);
    expect(again.status).toMatchObject({ valid: 2, toInsert: 0, toUpdate: 0, unchanged: 2 });
  });
});
