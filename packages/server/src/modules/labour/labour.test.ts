// 劳务协作 end to end on the server: the seed's order class (86 graduates, 81 employed → 94.2 %, 5,500元) on
// the dashboard at 富川, at the province and at HQ with last year; an employment ledger kept as a clerk
// keeps it (title rows, merged cells, a 合计 row) with people in and out of the roster and a person with
// two jobs; bad cells refused with nothing written; 其中脱贫人口 from lifted_persons; scope and reveal.
import { idNumberCheckChar, maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { formatPercent } from '@xiezuo/shared/format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from '../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { refresherOf } from '../indicators/service';
import { aPairing, divisionSubtrees } from '../registry/testing/builders';
import { FUCHUAN, fuchuanIdNumber, seedLabourDemo } from './demo';
import { labourReport } from './report';

process.env.XZ_TODAY = '2026-11-23';

let t: TestApp;
let hq: TestClient;
const CHAODONG = '451123108000'; // 朝东镇: the ledger test's town (the demo's jobs are in other towns)
const VILLAGE_A = '451123108201'; // 朝东村委会
const VILLAGE_B = '451123108202'; // 东水村委会

const dash = async (c: TestClient, query: string) => {
  const res = await c.get(`/api/indicators/dashboard?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
type Fig = { code: string; breakdown: string; value: number | null; lastYear: number | null };
const fig = (d: { figures: Fig[] }, code: string, b = '') => d.figures.find((f) => f.code === code && f.breakdown === b);

beforeAll(async () => {
  t = await createTestApp();
  await divisionSubtrees(t.services, '451123', '440606', '451102', '441284');
  // 四会 helps 富川 (a county pairing), and 肇庆 helps 贺州 (a city one): 富川's people are credited to 四会, once
  await aPairing(t.services, { helperDivisionCode: '441284000000', helpedDivisionCode: FUCHUAN });
  await aPairing(t.services, { type: 'city_city', helperDivisionCode: '441200000000', helpedDivisionCode: '451100000000' });
  await seedLabourDemo(t.services);
  hq = await t.userClient('hq', 'hq', { all: true });
  await refresherOf(t.services).runOnce();
}, 300_000); // division subtrees and the demo seed
afterAll(() => t.close());

describe('order classes', () => {
  it('counts 86 graduates, 81 employed → 94.2 % and 5,500元 from the class roster, at 富川, the province and HQ, with last year', async () => {
    for (const node of ['d:451123', 'd:45', 'all']) {
      const d = await dash(hq, `node=${node}&period=Y2026`);
      expect(fig(d, 'labour.orderClassGraduates')).toMatchObject({ value: 86, lastYear: 60 });
      expect(fig(d, 'labour.orderClassEmployed')).toMatchObject({ value: 81, lastYear: 54 });
      expect(formatPercent(fig(d, 'labour.orderClassRate')!.value!)).toBe('94.2%');
      expect(fig(d, 'labour.orderClassAverageWage')).toMatchObject({ value: 5500, lastYear: 5200 });
    }
    // at the helper side of the pairing: 四会 (the most specific pairing); 肇庆 has it through 四会, not twice
    const sihui = await dash(hq, 'node=d:441284&period=Y2026');
    expect(fig(sihui, 'labour.helperOrderClassGraduates')).toMatchObject({ value: 86, lastYear: 60 });
    expect(formatPercent(fig(sihui, 'labour.helperOrderClassRate')!.value!)).toBe('94.2%');
    expect(fig(sihui, 'labour.helperOrderClassAverageWage')!.value).toBe(5500);
    expect(fig(await dash(hq, 'node=d:4412&period=Y2026'), 'labour.helperOrderClassGraduates')!.value).toBe(86);
    expect(fig(await dash(hq, 'node=all&period=Y2026'), 'labour.helperOrderClassGraduates')!.value).toBe(86);
    const page = (await hq.get('/api/labour/order-classes?page=1&pageSize=10')).json();
    const now = page.items.find((c: { cohort: number }) => c.cohort === 2026);
    expect(now).toMatchObject({ students: 88, graduates: 86, employed: 81, averageWage: 5500 });
    expect(now.rate).toBeCloseTo(81 / 86, 10);
  });

  it('imports a class roster: a student employed without graduating is refused by row and column', async () => {
    const file = await xlsx([
      ['富川县2026届订单班学员名单'],
      ['订单班', '届别', '姓名', '身份证号码', '是否毕业', '是否就业', '就业单位', '月工资（元）'],
      ['3D打印订单班', 2026, '新学员甲', fuchuanIdNumber(2006, 500), '是', '是', '广东某3D打印科技有限公司（演示）', '5,800'],
      ['3D打印订单班', 2026, '新学员乙', fuchuanIdNumber(2006, 501), '否', '是', null, null],
      ['不存在的班', 2026, '新学员丙', fuchuanIdNumber(2006, 502), '是', '否', null, null],
    ]);
    const { status } = await uploadAndCheck(hq, 'labour-class-members', '学员.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', rowsRead: 3, valid: 1, rejected: 2 });
    expect(status.problems.map((p: { message: string }) => p.message)).toEqual([
      '第4行 F列〔是否就业〕：未毕业的学员不能填写已就业',
      '第5行 A列〔订单班〕：找不到该订单班（或不在管辖范围内）',
    ]);
  });
});

describe('employment ledger', () => {
  const rostered = fuchuanIdNumber(1990, 701); // on the roster and with two overlapping jobs
  const monitoredToo = fuchuanIdNumber(1991, 702); // on the roster, works in 顺德
  const plain = fuchuanIdNumber(1992, 703); // not on the roster, works near home
  const left = fuchuanIdNumber(1993, 704); // not on the roster, left the job in 2025

  it('gives the right 其中脱贫人口 and counts a person with two jobs once', async () => {
    const roster = await xlsx([
      ['富川瑶族自治县朝东镇脱贫人口名册'],
      ['姓名', '公民身份号码', '所在村', '户主', '脱贫年份'],
      ['名册甲', rostered, '朝东村', '名册甲', 2018],
      ['名册乙', monitoredToo, '东水村委会', '名册甲', '2019'],
      ['合计', '2人', null, null, null],
    ]);
    const r = await uploadAndCheck(hq, 'labour-roster', '名册.xlsx', roster);
    expect(r.status, JSON.stringify(r.status?.problems)).toMatchObject({ status: 'ready', valid: 2, rejected: 0 });
    expect((await commitAndWait(hq, r.status.id, 'all-or-nothing')).status).toMatchObject({ status: 'committed', inserted: 2 });

    const head = ['姓名', '身份证号', '户籍所在村', '就业单位', '就业地区划代码', '开始日期', '结束日期', '月工资', '就业方式', '劳务品牌'];
    const file = await xlsx(
      [
        ['朝东镇农村劳动力务工就业台账'],
        ['填报单位：朝东镇人民政府', null, null, null, null, null, null, null, null, '2026年11月'],
        head,
        ['名册甲', rostered, '朝东村', '佛山某电子有限公司', '440606000000', '2026-02-01', null, '5200', '组织化输出', null],
        ['名册甲', rostered, '朝东村', '顺德某家政公司', '440606000000', '2026/5/1', null, 1500, '自主', null],
        [
          '名册乙',
          monitoredToo,
          '东水村',
          '顺德某药膳酒楼',
          '440606000000',
          '2025年9月1日',
          null,
          '6,500.00',
          '组织化输出',
          '富川药膳师傅',
        ],
        ['普通丙', plain, '东水村', '富川某脐橙合作社', '451123108000', '2026-03-01', null, 3200, '自主就业', null],
        ['普通丁', left, '朝东村', '八步某服装厂', '451102000000', '2025-03-01', '2025-10-31', 3800, '自主就业', null],
        ['合计', '5人', null, null, null, null, null, null, null, null],
      ],
      (ws) => ws.mergeCells('A1:J1'),
    );
    const { status } = await uploadAndCheck(hq, 'labour-employments', '务工台账.xlsx', file);
    expect(status, JSON.stringify(status?.problems)).toMatchObject({ status: 'ready', rowsRead: 5, valid: 5, rejected: 0, toInsert: 5 });
    expect((await commitAndWait(hq, status.id, 'all-or-nothing')).status).toMatchObject({ status: 'committed', inserted: 5 });
    // committed set-based from the staging table, sealed at the dry run: no ID number in the clear in the table
    for (const { j } of await t.services.database.query<{ j: string }>('select row_to_json(e)::text as j from labour_employments e'))
      expect(j).not.toMatch(/\d{17}[\dX]/);
    await refresherOf(t.services).runOnce();

    const town = await dash(hq, `node=d:${CHAODONG.slice(0, 9)}&period=Y2026`);
    expect(fig(town, 'labour.employed')!.value).toBe(3); // 甲 once (two jobs), 乙, 丙; 丁 left in 2025
    expect(fig(town, 'labour.employed', 'tuopin')!.value).toBe(2);
    expect(fig(town, 'labour.employed', 'guangdong')!.value).toBe(2);
    expect(fig(town, 'labour.local')!.value).toBe(1);
    expect(fig(town, 'labour.brandEmployed')!.value).toBe(1); // 乙, a 富川药膳师傅 cook
    expect(fig(town, 'labour.stable')!.value).toBe(3); // all three have worked six months by 2026-11-23
    // judged at the end of 2025, not today: 乙 (from September 2025) had not yet worked six months
    expect(fig(town, 'labour.stable')!.lastYear).toBe(0);
    expect(fig(town, 'labour.newlyEmployed')!.value).toBe(2); // 甲 (twice in 2026, once) and 丙
    expect(fig(town, 'labour.newlyEmployed', 'tuopin')!.value).toBe(1);
    // the same year last year: 乙 (from September) and 丁 had left by the year's end
    expect(fig(town, 'labour.employed')!.lastYear).toBe(1);

    // re-importing the file changes nothing
    const again = await uploadAndCheck(hq, 'labour-employments', '务工台账.xlsx', file);
    expect(again.status).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: 5 });
  });

  it('counts a roster person who is also a member of a monitored 脱贫户 once in lifted_persons', async () => {
    const q = (text: string, params: unknown[] = []) => t.services.database.query<{ n: number }>(text, params).then((r) => r[0].n);
    const before = await q('select count(*)::int as n from lifted_persons');
    const [h] = await t.services.database.query<{ id: number }>(
      `insert into monitoring_households (division_code, head_name, entry_door, category, is_lifted, status)
       values ($1, '名册乙', 'cadre_check', 'unstable', true, 'monitored') returning id`,
      [VILLAGE_B],
    );
    const member = (idNumber: string) => {
      const c = t.services.cipher;
      return [h.id, c.encrypt(idNumber), c.hash(idNumber), maskIdNumber(idNumber), c.encrypt('{}')];
    };
    for (const idNumber of [monitoredToo, fuchuanIdNumber(2015, 705)])
      await t.services.database.query(
        `insert into monitoring_members (household_id, name, relation, gender, birth_date, id_cipher, id_hash, id_masked, health_cipher, schooling, work)
         values ($1, '成员', 'head', 'female', '1991-01-01', $2, $3, $4, $5, 'not_in_school', 'migrant_out_province')`,
        member(idNumber),
      );
    // 名册乙 is both on the roster and in a 脱贫户: one person; the household's child is new
    expect(await q('select count(*)::int as n from lifted_persons')).toBe(before + 1);
    expect(await q('select count(*)::int as n from lifted_persons where id_hash = $1', [t.services.cipher.hash(monitoredToo)])).toBe(1);
  });

  it('refuses impossible dates, an end before the start, a wage as text, an ID not matching its birth date and a job twice, writing nothing', async () => {
    const badBirth17 = `${rostered.slice(0, 10)}1341${rostered.slice(14, 17)}`; // born on the 41st of month 13
    const badBirth = badBirth17 + idNumberCheckChar(badBirth17); // the check digit right: only the birth date is wrong
    const file = await xlsx([
      ['姓名', '身份证号', '户籍所在村', '就业单位', '就业地区划代码', '开始日期', '结束日期', '月工资', '就业方式'],
      ['好行', fuchuanIdNumber(1994, 706), '朝东村', '佛山某厂', '440606000000', '2026-04-01', null, 4000, '自主就业'],
      ['坏日期', fuchuanIdNumber(1994, 707), '朝东村', '佛山某厂', '440606000000', '2026-02-30', null, 4000, '自主就业'],
      ['倒置', fuchuanIdNumber(1994, 708), '朝东村', '佛山某厂', '440606000000', '2026-06-01', '2026-01-31', 4000, '自主就业'],
      ['文字工资', fuchuanIdNumber(1994, 709), '朝东村', '佛山某厂', '440606000000', '2026-04-01', null, '五千元左右', '自主就业'],
      ['错证号', badBirth, '朝东村', '佛山某厂', '440606000000', '2026-04-01', null, 4000, '自主就业'],
      // the first job again (its date written otherwise): a duplicate of row 2; the same person at another employer is another job
      ['好行', fuchuanIdNumber(1994, 706), '朝东村', '佛山某厂', '440606000000', '2026/4/1', null, 4100, '自主就业'],
      ['好行', fuchuanIdNumber(1994, 706), '朝东村', '顺德某厂', '440606000000', '2026-04-01', null, 4000, '自主就业'],
    ]);
    const count = () => t.services.database.query<{ n: number }>('select count(*)::int as n from labour_employments').then((r) => r[0].n);
    const n = await count();
    const { status } = await uploadAndCheck(hq, 'labour-employments', '坏台账.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', rowsRead: 7, valid: 2, rejected: 5 });
    const messages = status.problems.map((p: { message: string }) => p.message);
    expect(messages).toEqual([
      '第3行 F列〔开始日期〕：没有这一天',
      '第4行 G列〔结束日期〕：结束日期早于开始日期',
      expect.stringMatching(/^第5行 H列〔月工资〕：/),
      expect.stringMatching(/^第6行 B列〔身份证号〕：.*出生日期/),
      '第7行：与第2行重复',
    ]);
    const all = await commitAndWait(hq, status.id, 'all-or-nothing');
    expect(all.res.statusCode).toBe(400);
    expect(await count()).toBe(n);
  });
});

describe('training ledger', () => {
  it('creates the sessions it names and counts 人次, 其中脱贫人口 and certificates from the trainees', async () => {
    const roster = fuchuanIdNumber(1990, 701); // on the roster (imported above)
    const other = fuchuanIdNumber(1996, 720);
    const head = [
      '培训班名称',
      '培训类型',
      '主办单位',
      '培训地点区划代码',
      '培训开始日期',
      '培训结束日期',
      '姓名',
      '身份证号码',
      '是否取证',
    ];
    const file = await xlsx([
      ['朝东镇2026年技能培训学员花名册'],
      head,
      ['药膳厨师培训班', '职业技能', '朝东镇人民政府', CHAODONG, '2026-05-06', '2026-05-15', '名册甲', roster, '是'],
      ['药膳厨师培训班', '职业技能', '朝东镇人民政府', CHAODONG, '2026-05-06', '2026-05-15', '培训乙', other, '否'],
      ['电商直播培训班', '创业培训', '朝东镇人民政府', CHAODONG, '2026-08-01', '2026-08-03', '名册甲', roster, null],
      ['坏日期班', '职业技能', '朝东镇人民政府', CHAODONG, '2026-08-05', '2026-08-01', '培训乙', other, null],
      ['合计', null, null, null, null, null, '4人次', null, null],
    ]);
    const { status } = await uploadAndCheck(hq, 'labour-trainees', '培训.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', rowsRead: 4, valid: 3, rejected: 1 });
    expect(status.problems[0].message).toBe('第6行 F列〔培训结束日期〕：结束日期早于开始日期');
    expect((await commitAndWait(hq, status.id, 'valid-rows')).status).toMatchObject({ status: 'committed', inserted: 3 });
    await refresherOf(t.services).runOnce();
    const town = await dash(hq, `node=d:${CHAODONG.slice(0, 9)}&period=Y2026`);
    expect(fig(town, 'labour.trainees')!.value).toBe(3); // 人次: 名册甲 twice
    expect(fig(town, 'labour.trainees', 'tuopin')!.value).toBe(2);
    expect(fig(town, 'labour.trainees', 'certified')!.value).toBe(1);
    const list = (await hq.get(`/api/labour/trainings?page=1&pageSize=10&divisionCode=${CHAODONG}`)).json();
    expect(list.items.map((i: { name: string; trainees: number; lifted: number }) => [i.name, i.trainees, i.lifted])).toEqual([
      ['电商直播培训班', 1, 1],
      ['药膳厨师培训班', 2, 1],
    ]);
  });
});

describe('scope and personal data', () => {
  it('shows a county user only their county, ID numbers masked; a reveal is audited', async () => {
    const other = await t.userClient('other_county', 'town_staff', { divisions: ['451102'] });
    expect((await other.get('/api/labour/employments?page=1&pageSize=50')).json().total).toBe(0);
    expect((await other.get('/api/labour/roster?page=1&pageSize=50')).json().total).toBe(0);
    const fuchuan = await t.userClient('fuchuan_staff', 'town_staff', { divisions: [FUCHUAN.slice(0, 6)] });
    const jobs = (await fuchuan.get('/api/labour/employments?page=1&pageSize=100')).json();
    expect(jobs.total).toBeGreaterThan(30);
    for (const j of jobs.items) expect(j.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const lifted = jobs.items.find((j: { name: string; employer: string }) => j.name === '名册乙');
    expect(lifted).toMatchObject({ lifted: true, destination: 'out_province', toGuangdong: true, stable: true });
    expect(jobs.items.find((j: { name: string }) => j.name === '普通丙')).toMatchObject({ lifted: false, destination: 'local' });
    const res = await hq.post(`/api/labour/employments/${lifted.id}/reveal`, {});
    expect(res.json().idNumber).toBe(fuchuanIdNumber(1991, 702));
    const audit = await t.services.database.query("select 1 from audit_log where action = 'reveal' and entity = 'labour_employment'");
    expect(audit).toHaveLength(1);
    // a write outside the scope is refused
    const out = await other.post('/api/labour/roster', {
      name: '越权',
      idNumber: fuchuanIdNumber(1995, 710),
      divisionCode: VILLAGE_A,
      liftedYear: 2019,
    });
    expect(out.statusCode).toBe(403);
  });

  it('the roster ledger: a person on another county’s roster is a cell error naming only that county; a correction in scope is written and audited', async () => {
    const rostered = fuchuanIdNumber(1990, 701); // on 富川's roster (imported above)
    const other = await t.userClient('other_county_roster', 'town_staff', { divisions: ['451102'] });
    const file = await xlsx([
      ['八步区脱贫人口名册'],
      ['姓名', '身份证号', '所在村', '户主姓名', '脱贫年度'],
      ['名册甲', rostered, '451102100201', '名册甲', 2018],
    ]);
    const { status } = await uploadAndCheck(other, 'labour-roster', '八步名册.xlsx', file);
    const cell = status.problems.find((p: { header: string | null }) => p.header?.includes('身份证号'));
    expect(cell?.message, JSON.stringify(status.problems)).toBe(
      '第3行 B列〔身份证号〕：此人已在您管辖范围外的脱贫人口名册中，请联系富川瑶族自治县核实',
    );
    expect(JSON.stringify(status.problems)).not.toMatch(/朝东|名册甲/);

    // the county corrects the year 名册甲 was lifted: one update, its audit entry naming the masked ID number
    const fuchuan = await t.userClient('fuchuan_roster', 'town_staff', { divisions: [FUCHUAN.slice(0, 6)] });
    const fix = await xlsx([
      ['姓名', '身份证号', '所在村', '户主姓名', '脱贫年度'],
      ['名册甲', rostered, '朝东村', '名册甲', 2019],
    ]);
    const checked = await uploadAndCheck(fuchuan, 'labour-roster', '更正.xlsx', fix);
    expect(checked.status).toMatchObject({ status: 'ready', toUpdate: 1, toInsert: 0 });
    expect((await commitAndWait(fuchuan, checked.status.id, 'all-or-nothing')).status).toMatchObject({ status: 'committed', updated: 1 });
    const [row] = await t.services.database.query<{ lifted_year: number; id_cipher: string }>(
      'select lifted_year, id_cipher from labour_roster where id_hash = $1',
      [t.services.cipher.hash(rostered)],
    );
    expect(row.lifted_year).toBe(2019);
    expect(row.id_cipher).not.toContain(rostered);
    const entries = await t.services.database.query<{ after: Record<string, unknown> }>(
      "select after from audit_log where entity = 'labour_roster' and action = 'update' order by id desc limit 1",
    );
    expect(JSON.stringify(entries[0].after)).toContain('2019');
    expect(JSON.stringify(entries)).not.toContain(rostered);
    // back as it was, for the tests after
    await t.services.database.query('update labour_roster set lifted_year = 2018 where id_hash = $1', [t.services.cipher.hash(rostered)]);
  });

  it('exports the roster masked and round-trips a revealed export unchanged', async () => {
    const masked = await hq.get('/api/ledgers/labour-roster/export');
    const rows = (await readSheet(masked.rawPayload)).slice(3).filter((r) => r?.length);
    expect(rows.length).toBe(22);
    for (const r of rows) expect(String(r[1])).toMatch(/\*{10}/);
    const revealed = await hq.post('/api/ledgers/labour-roster/export', { reveal: true });
    const { status } = await uploadAndCheck(hq, 'labour-roster', '名册导出.xlsx', revealed.rawPayload);
    expect(status).toMatchObject({ status: 'ready', valid: 22, toInsert: 0, toUpdate: 0, unchanged: 22 });
  });
});

describe('templates', () => {
  it('serves the four labour templates with their headers, and the reported-figures template without the retired indicators', async () => {
    for (const [key, first] of [
      ['labour-roster', ['*姓名', '*身份证号', '*所在村']],
      ['labour-employments', ['*姓名', '*身份证号', '*户籍所在村', '*就业单位', '*就业地区划代码']],
      ['labour-class-members', ['*订单班名称', '*届别', '*学员姓名', '*身份证号']],
      ['labour-trainees', ['*培训名称', '*培训类型', '*组织单位', '*培训地点区划代码']],
    ] as const) {
      const res = await hq.get(`/api/ledgers/${key}/template`);
      expect(res.statusCode, key).toBe(200);
      expect((await readSheet(res.rawPayload))[1].slice(0, first.length)).toEqual(first);
    }
    expect((await hq.get('/api/ledgers/indicator-reported/template')).statusCode).toBe(200);
    const reported = await hq.post('/api/indicators/reported', {
      indicator: 'labour.orderClassGraduates',
      divisionCode: FUCHUAN,
      day: '2026-07-01',
      value: 86,
    });
    expect(reported.statusCode).toBe(400); // counted from the class roster now, never typed
  });
});

describe('report chapter', () => {
  it('writes the seeds’ sentences from the figures', async () => {
    const d = await dash(hq, 'node=d:451123&period=Y2026');
    const figures = new Map(d.figures.map((f: Fig) => [`${f.code}|${f.breakdown}`, f]));
    const sentences = labourReport.sentences({
      fig: (code, b = '') => figures.get(`${code}|${b}`) as never,
      has: (f): f is never => f?.value != null && f.value !== 0,
      num: (v) => (v == null ? '—' : v.toLocaleString('zh-CN')),
      money: (v) => `${v}元`,
      yoy: () => '',
      open: '2026年',
      name: '富川瑶族自治县',
    });
    expect(sentences).toContain('订单班毕业86人，定向就业81人，就业率94.2%，平均月薪5500元。');
    // the demo's 40 (the 富川药膳师傅 class) and the ledger test's 3
    expect(sentences).toContain('开展技能培训43人次，其中脱贫人口14人次，取得证书33人次，劳务品牌培训40人次。');
    expect(sentences[0]).toMatch(
      /^2026年，帮助农村劳动力务工就业\d+人，其中脱贫人口\d+人，到广东就业\d+人，劳务工作站输出就业\d+人，劳务品牌带动就业\d+人/,
    );
  });
});
