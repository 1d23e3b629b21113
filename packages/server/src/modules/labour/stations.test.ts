// 劳务工作站 and 劳务品牌 as records (#16): entered by form and by the 劳务工作站台账 (template, tolerant import,
// export, round trip), named by employment records and training sessions, and the people counted from those
// records — placed through a station (distinct persons), trained (人次) and employed under a brand — in the
// lists and on the dashboard. Also 稳岗 judged at the period end, and a 脱贫人口名册 import re-queuing the
// 其中脱贫人口 of funds and industry without a full rebuild; and an order class entered as a class roster on the
// dashboard at the county, HQ and the helper side.
import { formatPercent } from '@xiezuo/shared/format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from '../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { refresherOf } from '../indicators/service';
import { aPairing, divisionSubtrees } from '../registry/testing/builders';
import { FUCHUAN, fuchuanIdNumber } from './demo';

process.env.XZ_TODAY = '2026-11-23';

let t: TestApp;
let hq: TestClient;
const SHUNDE = '440606000000';
const BABU = '451102000000';
const TOWN = '451123100'; // 富阳镇: this file's people
const VILLAGE = '451123100201';
const STATION = '富川驻顺德劳务工作站';
const BRAND = '富川药膳师傅';

const dash = async (query: string) => {
  const res = await hq.get(`/api/indicators/dashboard?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { figures: { code: string; breakdown: string; value: number | null; lastYear: number | null }[] };
};
const value = async (node: string, period: string, code: string, b = '') =>
  (await dash(`node=${node}&period=${period}`)).figures.find((f) => f.code === code && f.breakdown === b)?.value ?? null;
const q1 = (text: string, params: unknown[] = []) => t.services.database.query<{ n: number }>(text, params).then((r) => r[0]?.n);

beforeAll(async () => {
  t = await createTestApp();
  await divisionSubtrees(t.services, '451123', '440606', '451102', '441284');
  await aPairing(t.services, { helperDivisionCode: '441284000000', helpedDivisionCode: FUCHUAN }); // 四会 helps 富川
  hq = await t.userClient('hq', 'hq', { all: true });
}, 300_000); // the division subtrees of four counties
afterAll(() => t.close());

const person = (n: number) => fuchuanIdNumber(1990, 800 + n);

describe('labour stations and brands', () => {
  it('registers a brand and a station by form, refusing a second of the same name under its field', async () => {
    const brand = await hq.post('/api/labour/brands', { name: BRAND, divisionCode: FUCHUAN, note: '瑶族药膳' });
    expect(brand.statusCode, brand.body).toBe(200);
    expect(brand.json()).toMatchObject({ name: BRAND, divisionName: '富川瑶族自治县', trainees: 0, employed: 0 });
    const station = await hq.post('/api/labour/stations', {
      name: '富川驻佛山工作站（旧名）',
      divisionCode: SHUNDE,
      servedCodes: [FUCHUAN],
      establishedOn: '2024-03-01',
    });
    expect(station.statusCode, station.body).toBe(200);
    expect(station.json()).toMatchObject({ divisionName: '顺德区', servedNames: ['富川瑶族自治县'], placed: 0 });
    const again = await hq.post('/api/labour/brands', { name: BRAND, divisionCode: FUCHUAN });
    expect(again.statusCode).toBe(400);
    expect(again.json().details[0]).toMatchObject({ path: 'body.name' });
    const noCounty = await hq.post('/api/labour/stations', { name: '空站', divisionCode: SHUNDE, servedCodes: [] });
    expect(noCounty.statusCode).toBe(400);
    expect(noCounty.json().details[0].path).toBe('body.servedCodes');
  });

  it('counts the people placed through a station and trained and employed under a brand from the records naming them', async () => {
    const head = [
      '姓名',
      '身份证号',
      '户籍所在村',
      '就业单位',
      '就业地区划代码',
      '开始日期',
      '结束日期',
      '月工资',
      '就业方式',
      '劳务工作站',
      '劳务品牌',
    ];
    const station = '富川驻佛山工作站（旧名）';
    const rows = [
      ['药膳甲', person(1), VILLAGE, '顺德某药膳酒楼', SHUNDE, '2026-03-01', null, 6500, '组织化输出', station, BRAND],
      ['药膳甲', person(1), VILLAGE, '顺德某私房菜馆', SHUNDE, '2026-05-01', null, 2000, '组织化输出', station, BRAND], // two jobs: one person
      ['药膳乙', person(2), VILLAGE, '顺德某药膳酒楼', SHUNDE, '2026-04-01', null, 6000, '组织化输出', station, BRAND],
      ['电子丙', person(3), VILLAGE, '佛山某电子厂', SHUNDE, '2026-02-01', '2026-06-30', 5200, '组织化输出', station, null], // left
      ['自主丁', person(4), VILLAGE, '富川某合作社', '451123100000', '2026-02-01', null, 3000, '自主就业', null, null],
    ];
    const bad = await uploadAndCheck(
      hq,
      'labour-employments',
      '站点.xlsx',
      await xlsx([
        head,
        ...rows,
        ['错站', person(5), VILLAGE, '某厂', SHUNDE, '2026-02-01', null, 3000, '组织化输出', '不存在的工作站', '无此品牌'],
      ]),
    );
    expect(bad.status.problems.map((p: { message: string }) => p.message)).toEqual([
      '第7行 J列〔劳务工作站〕：找不到该劳务工作站，请先在「劳务工作站」中登记',
      '第7行 K列〔劳务品牌〕：找不到该劳务品牌，请先在「劳务品牌」中登记',
    ]);
    expect((await commitAndWait(hq, bad.status.id, 'all-or-nothing')).res.statusCode).toBe(400);
    expect(await q1('select count(*)::int as n from labour_employments')).toBe(0);

    const ok = await uploadAndCheck(hq, 'labour-employments', '站点.xlsx', await xlsx([head, ...rows]));
    expect(ok.status, JSON.stringify(ok.status.problems)).toMatchObject({ valid: 5, rejected: 0 });
    expect((await commitAndWait(hq, ok.status.id, 'all-or-nothing')).status).toMatchObject({ status: 'committed', inserted: 5 });

    // the brand's cooking class: 3 trainees, one of them twice (人次)
    const trainees = await xlsx([
      [
        '培训班名称',
        '培训类型',
        '主办单位',
        '培训地点区划代码',
        '培训开始日期',
        '培训结束日期',
        '姓名',
        '身份证号码',
        '是否取证',
        '劳务品牌',
      ],
      ['药膳厨师班', '职业技能', '富川县人社局', FUCHUAN, '2026-01-05', '2026-01-15', '药膳甲', person(1), '是', BRAND],
      ['药膳厨师班', '职业技能', '富川县人社局', FUCHUAN, '2026-01-05', '2026-01-15', '药膳乙', person(2), '是', BRAND],
      ['药膳提高班', '职业技能', '富川县人社局', FUCHUAN, '2026-07-01', '2026-07-05', '药膳甲', person(1), '否', BRAND],
      ['电工班', '职业技能', '富川县人社局', FUCHUAN, '2026-07-01', '2026-07-05', '电子丙', person(3), '否', null],
    ]);
    const tr = await uploadAndCheck(hq, 'labour-trainees', '培训.xlsx', trainees);
    expect((await commitAndWait(hq, tr.status.id, 'all-or-nothing')).status).toMatchObject({ status: 'committed', inserted: 4 });

    // renamed by its edit form: the employment records follow the name
    const [s] = (await hq.get('/api/labour/stations?page=1&pageSize=10')).json().items;
    const renamed = await hq.patch(`/api/labour/stations/${s.id}`, { name: STATION, divisionCode: SHUNDE, servedCodes: [FUCHUAN, BABU] });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: STATION, servedNames: ['富川瑶族自治县', '八步区'], placed: 3, placedNow: 2, lifted: 0 });
    expect(await q1(`select count(*)::int as n from labour_employments where station = $1`, [STATION])).toBe(4);

    const [b] = (await hq.get('/api/labour/brands?page=1&pageSize=10')).json().items;
    expect(b).toMatchObject({ name: BRAND, trainees: 3, employed: 2, employedNow: 2 });

    await refresherOf(t.services).runOnce();
    const county = 'd:451123';
    expect(await value(county, 'Y2026', 'labour.stationPlaced')).toBe(2); // 甲 (once) and 乙 at work; 丙 left in June
    expect(await value(county, 'H2026-1', 'labour.stationPlaced')).toBe(3);
    expect(await value(county, 'Y2026', 'labour.brandEmployed')).toBe(2);
    expect(await value(county, 'Y2026', 'labour.brandTrainees')).toBe(3);
    expect(await value(county, 'Y2026', 'labour.trainees')).toBe(4);

    // a 八步 user sees the station serving 八步, not 富川's brand; the audit log has the rename
    const babu = await t.userClient('babu', 'town_staff', { divisions: ['451102'] });
    expect((await babu.get('/api/labour/stations?page=1&pageSize=10')).json().items.map((i: { name: string }) => i.name)).toEqual([
      STATION,
    ]);
    expect((await babu.get('/api/labour/brands?page=1&pageSize=10')).json().total).toBe(0);
    expect((await babu.patch(`/api/labour/brands/${b.id}`, { name: '改名', divisionCode: FUCHUAN })).statusCode).toBe(403);
    expect(await q1(`select count(*)::int as n from audit_log where entity = 'labour_station' and action = 'update'`)).toBe(1);
  });

  it('imports the 劳务工作站台账 as clerks keep it, exports it and re-imports the export unchanged', async () => {
    const tpl = await hq.get('/api/ledgers/labour-stations/template');
    expect(tpl.statusCode).toBe(200);
    expect((await readSheet(tpl.rawPayload))[1].slice(0, 3)).toEqual(['*工作站名称', '*所在地区划代码', '*服务县区划代码']);
    const file = await xlsx(
      [
        ['劳务工作站台账（2026年）'],
        ['劳务工作站', '工作站所在地', '服务县', '设立时间', '备注'],
        ['富川驻中山劳务工作站', '442000000000', '451123，451102', '2025年4月1日', null],
        [STATION, SHUNDE, '451123000000、451102000000', '2024-03-01', '已改名'],
        ['坏站', SHUNDE, '富川县', null, null],
        ['合计', '3个', null, null, null],
      ],
      (ws) => ws.mergeCells('A1:E1'),
    );
    const { status } = await uploadAndCheck(hq, 'labour-stations', '工作站.xlsx', file);
    expect(status).toMatchObject({ rowsRead: 3, valid: 2, rejected: 1, toInsert: 1, toUpdate: 1 });
    expect(status.problems[0].message).toBe('第5行 C列〔服务县〕：服务县须填写区划代码（6位或12位），多个用顿号分隔');
    expect((await commitAndWait(hq, status.id, 'valid-rows')).status).toMatchObject({ status: 'committed', inserted: 1, updated: 1 });
    const list = (await hq.get('/api/labour/stations?page=1&pageSize=10')).json().items;
    expect(list.map((s: { name: string; servedCodes: string[] }) => [s.name, s.servedCodes])).toEqual([
      ['富川驻中山劳务工作站', ['451123000000', '451102000000']],
      [STATION, ['451123000000', '451102000000']],
    ]);
    const exported = await hq.get('/api/ledgers/labour-stations/export');
    expect(exported.statusCode).toBe(200);
    const again = await uploadAndCheck(hq, 'labour-stations', '导出.xlsx', exported.rawPayload);
    expect(again.status).toMatchObject({ valid: 2, toInsert: 0, toUpdate: 0, unchanged: 2 });
  });
});

describe('稳岗 at the period end', () => {
  it('counts a person as 稳岗 in a period only once six months are worked by its end, not by today', async () => {
    const head = ['姓名', '身份证号', '户籍所在村', '就业单位', '就业地区划代码', '开始日期', '结束日期', '月工资', '就业方式'];
    const village = '451123104202'; // another town than the test above
    const file = await xlsx([
      head,
      ['稳岗甲', person(21), village, '顺德某厂', SHUNDE, '2025-02-01', null, 5000, '自主就业'], // 稳岗 from 2025-07-31
      ['稳岗乙', person(22), village, '顺德某厂', SHUNDE, '2025-01-01', null, 5000, '自主就业'], // from 2025-06-30
      ['短工丙', person(23), village, '顺德某厂', SHUNDE, '2025-03-01', '2025-08-15', 5000, '自主就业'], // five and a half months
    ]);
    const { status } = await uploadAndCheck(hq, 'labour-employments', '稳岗.xlsx', file);
    expect((await commitAndWait(hq, status.id, 'all-or-nothing')).status).toMatchObject({ inserted: 3 });
    await refresherOf(t.services).runOnce();
    const town = 'd:451123104';
    // at 30 June 2025: 乙 has six months (1 Jan–30 Jun), 甲 five; judged against today both would be 稳岗
    expect(await value(town, 'H2025-1', 'labour.employed')).toBe(3);
    expect(await value(town, 'H2025-1', 'labour.stable')).toBe(1);
    expect(await value(town, 'M2025-07', 'labour.stable')).toBe(2);
    expect(await value(town, 'Y2025', 'labour.stable')).toBe(2); // 丙 left before six months
    const y2026 = (await dash(`node=${town}&period=Y2026`)).figures.find((f) => f.code === 'labour.stable' && f.breakdown === '');
    expect(y2026).toMatchObject({ value: 2, lastYear: 2 });
    // the list judges a record as of today, or its end if earlier
    const rows = (await hq.get(`/api/labour/employments?page=1&pageSize=10&divisionCode=${village}`)).json().items;
    expect(rows.map((r: { name: string; stable: boolean }) => [r.name, r.stable])).toEqual([
      ['稳岗甲', true],
      ['稳岗乙', true],
      ['短工丙', false],
    ]);
  });
});

describe('其中脱贫人口 follows the roster in every module', () => {
  it('re-queues funds’ beneficiaries and industry’s workers of a person imported into the roster, without a full rebuild', async () => {
    const id = person(40);
    const hash = t.services.cipher.hash(id);
    const db = t.services.database;
    const [p] = await db.query<{ id: number }>(
      `insert into funds_projects (code, name, type, division_code, reserved_on) values ('LB-1', '富阳镇药膳工坊', 'industry', $1, '2026-03-01') returning id`,
      [VILLAGE],
    );
    await db.query(
      `insert into funds_beneficiaries (project_id, name, id_number_cipher, id_hash, id_number_masked, mechanism, since)
       values ($1, '受益甲', 'x', $2, 'x', 'wages', '2026-04-01')`,
      [p.id, hash],
    );
    const [w] = await db.query<{ id: number }>(
      `insert into industry_workshops (name, division_code, recognized_on, status) values ('富阳镇就业帮扶车间', $1, '2026-01-01', 'operating') returning id`,
      [VILLAGE],
    );
    await db.query(
      `insert into industry_workers (workshop_id, name, id_cipher, id_hash, id_masked, start_date) values ($1, '受益甲', 'x', $2, 'x', '2026-04-01')`,
      [w.id, hash],
    );
    await refresherOf(t.services).runOnce();
    const town = `d:${TOWN}`;
    expect(await value(town, 'Y2026', 'funds.beneficiaries')).toBe(1);
    expect(await value(town, 'Y2026', 'funds.beneficiaries', 'tuopin')).toBe(0);
    expect(await value(town, 'Y2026', 'industry.jobs', 'tuopin')).toBe(0);

    // the person joins the roster (a village of another town: the records' own towns are queued)
    const roster = await xlsx([
      ['姓名', '身份证号', '所在村', '脱贫年度'],
      ['受益甲', id, '451123104202', 2019],
    ]);
    const { status } = await uploadAndCheck(hq, 'labour-roster', '名册.xlsx', roster);
    expect((await commitAndWait(hq, status.id, 'all-or-nothing')).status).toMatchObject({ inserted: 1 });
    // a roster import changes no tree and no catalogue, so nothing rebuilds everything: only the person rules
    // of funds' and industry's sources queue the towns of this person's records (before them, these stayed 0)
    await refresherOf(t.services).runOnce();
    expect(await value(town, 'Y2026', 'funds.beneficiaries', 'tuopin')).toBe(1);
    expect(await value(town, 'Y2026', 'industry.jobs', 'tuopin')).toBe(1);
  });
});

describe('an order class entered as a class roster', () => {
  it('shows 86 graduates, 81 employed → 94.2 % and 5,500元 at 富川, at HQ and at the helper side 四会, with last year', async () => {
    const student = (cohort: number, i: number) => fuchuanIdNumber(2000 + (cohort % 10), 100 + i);
    for (const [cohort, students, graduates, employed, low, high] of [
      [2026, 88, 86, 81, 5000, 6000], // 40 × 5,000 + 40 × 6,000 + 5,500 → 5,500元
      [2025, 62, 60, 54, 4900, 5500], // 27 × 4,900 + 27 × 5,500 → 5,200元
    ]) {
      const cls = await hq.post('/api/labour/order-classes', {
        name: '3D打印订单班',
        school: '贺州市职业学院',
        enterprise: '广东某3D打印科技有限公司',
        divisionCode: FUCHUAN,
        cohort,
        graduationDate: `${cohort}-07-01`,
      });
      expect(cls.statusCode, cls.body).toBe(200);
      const rows = Array.from({ length: students }, (_, i) => {
        const wage = i >= employed ? null : i === employed - 1 && employed % 2 ? (low + high) / 2 : i % 2 ? high : low;
        return [
          '3D打印订单班',
          cohort,
          `学员${i}`,
          student(cohort, i),
          i < graduates ? '是' : '否',
          i < employed ? '是' : '否',
          wage && '佛山某厂',
          wage,
        ];
      });
      const file = await xlsx([
        [`富川县${cohort}届3D打印订单班学员名单`],
        ['订单班', '届别', '姓名', '身份证号码', '是否毕业', '是否就业', '就业单位', '月工资（元）'],
        ...rows,
      ]);
      const { status } = await uploadAndCheck(hq, 'labour-class-members', '学员.xlsx', file);
      expect(status, JSON.stringify(status.problems)).toMatchObject({ valid: students, rejected: 0 });
      expect((await commitAndWait(hq, status.id, 'all-or-nothing')).status).toMatchObject({ inserted: students });
    }
    await refresherOf(t.services).runOnce();
    const fig = (d: Awaited<ReturnType<typeof dash>>, code: string) => d.figures.find((f) => f.code === code && f.breakdown === '');
    for (const node of ['d:451123', 'all']) {
      const d = await dash(`node=${node}&period=Y2026`);
      expect(fig(d, 'labour.orderClassGraduates')).toMatchObject({ value: 86, lastYear: 60 });
      expect(fig(d, 'labour.orderClassEmployed')).toMatchObject({ value: 81, lastYear: 54 });
      expect(formatPercent(fig(d, 'labour.orderClassRate')!.value!)).toBe('94.2%');
      expect(formatPercent(fig(d, 'labour.orderClassRate')!.lastYear!)).toBe('90.0%');
      expect(fig(d, 'labour.orderClassAverageWage')).toMatchObject({ value: 5500, lastYear: 5200 });
    }
    const sihui = await dash('node=d:441284&period=Y2026');
    expect(fig(sihui, 'labour.helperOrderClassGraduates')).toMatchObject({ value: 86, lastYear: 60 });
    expect(formatPercent(fig(sihui, 'labour.helperOrderClassRate')!.value!)).toBe('94.2%');
    expect(fig(sihui, 'labour.helperOrderClassAverageWage')).toMatchObject({ value: 5500, lastYear: 5200 });
  });
});
