// Industry records through the API and the ledgers: bad input gets a clear error on its field or cell (an
// invalid credit code, in place above signed, a worker already counted elsewhere for the same dates, a village
// outside the user's scope), the scope holds, and an export imports back unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from '../../platform/ledgers/testing/helpers';
import type { TestApp, TestClient } from '../../testing/app';
import { loadDivisions } from '../registry/divisionLoader';
import { demoCreditCode } from './demo';
import { industryLedgers } from './ledgers';
import { demoWorkerIds, type IndustryTestApp, industryTestApp } from './testing/fixture';

let f: IndustryTestApp;
let t: TestApp;
let hq: TestClient;
let shuicheng: TestClient;

beforeAll(async () => {
  f = await industryTestApp(loadDivisions);
  t = f.t;
  hq = await t.userClient('hq1', 'hq', { all: true });
  shuicheng = await t.userClient('sc1', 'team_leader', { teams: [f.shuicheng] });
}, 120_000);
afterAll(() => t.close());

const firstId = async (c: TestClient, url: string) => (await c.get(url)).json().items[0].id as number;

describe('industry API', () => {
  it('lists within scope: the 水城 group sees its 8 enterprises and 5 workshops, 其中脱贫人口 computed', async () => {
    const all = (await hq.get('/api/industry/enterprises?pageSize=50')).json();
    expect(all.total).toBe(22);
    expect(all.items.reduce((n: number, e: { reportedJobs: number }) => n + e.reportedJobs, 0)).toBe(957);
    const mine = (await shuicheng.get('/api/industry/enterprises?pageSize=50')).json();
    expect(mine.total).toBe(8);
    expect(mine.items.every((e: { divisionCode: string }) => e.divisionCode === '520204000000')).toBe(true);
    // each credited to the pairing between where it came from (a 中山 town) and where it landed, in force then
    expect(new Set(all.items.map((e: { pairingName: string }) => e.pairingName))).toEqual(new Set(['中山市 → 六盘水市']));
    const shops = (await hq.get('/api/industry/workshops?pageSize=50')).json();
    expect(shops.items.reduce((n: number, w: { workers: number }) => n + w.workers, 0)).toBe(219);
    expect(shops.items.reduce((n: number, w: { liftedWorkers: number }) => n + w.liftedWorkers, 0)).toBe(112);
    expect((await shuicheng.get('/api/industry/workshops')).json().total).toBe(5);
    // one enterprise, introduced by one pairing, employs people of many villages: all of them are its workers
    const first = all.items.find((e: { name: string }) => e.name === '中山家电协作企业01（演示）');
    const staff = (await hq.get(`/api/industry/workers?enterpriseId=${first.id}&pageSize=100`)).json();
    expect(staff.total).toBe(first.workers);
    expect(new Set(staff.items.map((w: { homeDivisionCode: string }) => w.homeDivisionCode)).size).toBeGreaterThan(5);
  });

  it('refuses an invalid credit code naming the field', async () => {
    const res = await hq.post('/api/industry/enterprises', {
      name: '测试企业',
      creditCode: '91442000MA50000010',
      originDivisionCode: '442000118000',
      divisionCode: '520204000000',
      status: 'signed',
      introducedOn: '2026-10-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'body.creditCode', message: '统一社会信用代码不正确' });
  });

  it('refuses an enterprise in a park of another county, naming the park field; its own county’s park is accepted', async () => {
    const parks = (await hq.get('/api/industry/parks')).json() as { id: number; name: string; divisionCode: string }[];
    const shuichengPark = parks.find((p) => p.divisionCode === '520204000000')!;
    const body = {
      name: '园区错位企业（测试）',
      originDivisionCode: '442000118000',
      divisionCode: '520203000000', // 六枝特区
      parkId: shuichengPark.id,
      status: 'signed',
      introducedOn: '2026-10-01',
    };
    const res = await hq.post('/api/industry/enterprises', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      { path: 'body.parkId', message: `园区「${shuichengPark.name}」不在企业的落地地区，入驻园区的企业须落地在园区所在地` },
    ]);
    // moving a 水城 enterprise into 六枝's park is refused too; into 水城's other park it is accepted (and moved back)
    const first = (await hq.get('/api/industry/enterprises?q=01（演示）')).json().items[0];
    const liuzhiPark = parks.find((p) => p.divisionCode === '520203000000')!;
    const moved = await hq.patch(`/api/industry/enterprises/${first.id}`, { parkId: liuzhiPark.id });
    expect(moved.json().details).toEqual([
      { path: 'body.parkId', message: `园区「${liuzhiPark.name}」不在企业的落地地区，入驻园区的企业须落地在园区所在地` },
    ]);
    const otherShuicheng = parks.find((p) => p.divisionCode === '520204000000' && p.id !== first.parkId)!;
    expect((await hq.patch(`/api/industry/enterprises/${first.id}`, { parkId: otherShuicheng.id })).statusCode).toBe(200);
    expect((await hq.patch(`/api/industry/enterprises/${first.id}`, { parkId: first.parkId })).statusCode).toBe(200);
    // every demo enterprise in a park lies where its park lies
    const inParks = (await hq.get('/api/industry/enterprises?pageSize=100'))
      .json()
      .items.filter((e: { parkId: number | null }) => e.parkId);
    expect(inParks).toHaveLength(7);
    for (const e of inParks as { parkId: number; divisionCode: string }[])
      expect(e.divisionCode.slice(0, 6)).toBe(parks.find((p) => p.id === e.parkId)!.divisionCode.slice(0, 6));
  });

  it('refuses in place above signed, naming the amount and both totals', async () => {
    const id = await firstId(hq, '/api/industry/enterprises?q=01（演示）');
    const res = await hq.post('/api/industry/investments', { enterpriseId: id, kind: 'in_place', amount: 50_000_000, day: '2026-11-20' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('body.amount');
    expect(res.json().details[0].message).toMatch(/^实际到位投资（.+）不能超过协议投资（2,400万元）$/);
    const ok = await hq.post('/api/industry/investments', { enterpriseId: id, kind: 'in_place', amount: 1_000_000, day: '2026-11-20' });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses a worker already at work in another workshop for the same dates, and masks ID numbers', async () => {
    const [shopA, shopB] = (await hq.get('/api/industry/workshops')).json().items;
    const someone = demoWorkerIds()[150]; // a worker of some workshop since its recognition
    const res = await hq.post('/api/industry/workers', {
      workshopId: shopB.id === shopA.id ? shopA.id : shopB.id,
      name: '重复（测试）',
      idNumber: someone,
      startDate: '2026-11-01',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().details[0]).toMatchObject({ path: 'body.startDate' });
    expect(res.json().details[0].message).toMatch(/^此人同期已在「.+帮扶车间.+」务工登记，不能重复计算$/);
    const list = (await hq.get(`/api/industry/workers?workshopId=${shopA.id}`)).json();
    expect(list.items[0].idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(JSON.stringify(list)).not.toMatch(/\d{17}[\dX]/);
  });

  it('keeps a team out of other counties: a workshop, park or enterprise in 六枝 is an error on its place', async () => {
    const outside = { path: 'body.divisionCode', message: '所选地区不在您的管辖范围内' };
    const shop = await shuicheng.post('/api/industry/workshops', {
      name: '越界车间',
      divisionCode: '520203001201',
      recognizedOn: '2026-10-01',
      status: 'operating',
    });
    expect(shop.statusCode).toBe(400);
    expect(shop.json().details).toEqual([outside]);
    const ent = await shuicheng.post('/api/industry/enterprises', {
      name: '越界企业（测试）',
      originDivisionCode: '441900000000', // 东莞: not 中山 either
      divisionCode: '520203000000',
      status: 'signed',
      introducedOn: '2026-10-01',
    });
    expect(ent.statusCode).toBe(400);
    expect(ent.json().details).toEqual([outside]);
    const park = await shuicheng.post('/api/industry/parks', {
      name: '越界园区（测试）',
      divisionCode: '520203000000',
      helperDivisionCode: '441900000000',
      establishedOn: '2026-10-01',
    });
    expect(park.statusCode).toBe(400);
    expect(park.json().details).toEqual([outside]);
    // and it cannot move its own workshop there
    const mine = (await shuicheng.get('/api/industry/workshops')).json().items[0];
    const moved = await shuicheng.patch(`/api/industry/workshops/${mine.id}`, { divisionCode: '520203001201' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().details).toEqual([outside]);
    // another county's workshop is not even there to edit
    const other = (await hq.get('/api/industry/workshops?divisionCode=520203000000')).json().items[0];
    expect((await shuicheng.patch(`/api/industry/workshops/${other.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await shuicheng.get(`/api/industry/workshops/${other.id}`)).statusCode).toBe(404);
  });

  it('ranks helper cities by investment in place in a period, within scope', async () => {
    const year = (await hq.get('/api/industry/ranking?from=2026-07-01&to=2026-12-31')).json();
    expect(year).toEqual([
      { divisionCode: '442000000000', divisionName: '中山市', enterprises: 22, signed: expect.any(String), inPlace: expect.any(String) },
    ]);
    expect(Number(year[0].inPlace)).toBeGreaterThanOrEqual(178_000_000);
    const lastYear = (await hq.get('/api/industry/ranking?from=2025-07-01&to=2025-12-31')).json();
    expect(Number(lastYear[0].inPlace)).toBe(120_000_000);
    const mine = (await shuicheng.get('/api/industry/ranking?from=2025-07-01&to=2025-12-31')).json();
    expect(mine).toHaveLength(1);
    expect(mine[0].enterprises).toBe(8); // only the 水城 group's enterprises
    expect(Number(mine[0].inPlace)).toBeLessThan(120_000_000);
  });

  it('places the enterprises and workshops by helped county for the map, within scope', async () => {
    const all = (await hq.get('/api/industry/places')).json();
    expect(all.map((p: { divisionName: string }) => p.divisionName)).toEqual(['六枝特区', '水城区', '盘州市']);
    expect(all.reduce((n: number, p: { enterprises: number }) => n + p.enterprises, 0)).toBe(22);
    expect(all.reduce((n: number, p: { workshops: number }) => n + p.workshops, 0)).toBe(15);
    expect(all.reduce((n: number, p: { workers: number }) => n + p.workers, 0)).toBe(219);
    const mine = (await shuicheng.get('/api/industry/places')).json();
    expect(mine.map((p: { divisionCode: string }) => p.divisionCode)).toEqual(['520204000000']);
    expect(mine[0]).toMatchObject({ enterprises: 8, workshops: 5, workers: 75 });
  });
});

/** The data rows of an export (after the title row and the Chinese and English header rows). */
const exportRows = async (c: TestClient, key: string) => {
  const res = await c.get(`/api/ledgers/${key}/export`);
  expect(res.statusCode).toBe(200);
  return { raw: res.rawPayload, rows: (await readSheet(res.rawPayload)).slice(3).filter((r) => r?.length) };
};

describe('industry ledgers', () => {
  it('exports every ledger and imports each export back with no change (workers with their ID numbers, audited)', async () => {
    const { rows } = await exportRows(hq, 'industry-enterprises');
    expect(rows).toHaveLength(22);
    const counts: Record<string, number> = {};
    for (const { key } of industryLedgers) {
      const url = `/api/ledgers/${key}/export`;
      const res = key === 'industry-workers' ? await hq.post(url, { reveal: true }) : await hq.get(url);
      expect(res.statusCode).toBe(200);
      const { status } = await uploadAndCheck(hq, key, `${key}.xlsx`, res.rawPayload);
      expect(status, key).toMatchObject({ status: 'ready', rejected: 0, toInsert: 0, toUpdate: 0 });
      counts[key] = status.rowsRead;
    }
    expect(counts).toMatchObject({
      'industry-parks': 4,
      'industry-enterprises': 22,
      'industry-workshops': 15,
      'industry-workers': 116 + 219,
    });
    const reveals = await t.services.database.query("select 1 from audit_log where action = 'reveal' and entity = 'industry_worker'");
    expect(reveals.length).toBeGreaterThan(0);
  });

  it('reads a clerk’s enterprise and investment sheets (title row, merged title, 合计 row) and marks bad cells', async () => {
    const entFile = await xlsx(
      [
        ['中山市引进企业台账（2026年）'],
        ['企业名称', '统一社会信用代码', '来源地区划代码', '落地地区划代码', '所属行业', '状态', '引进日期'],
        ['水城新引进电器厂（测试）', demoCreditCode(90), '442000118000', '520204000000', '制造业', '已投产', '2026年10月8日'],
        ['水城坏代码企业（测试）', '91442000MA50000010', '442000118000', '520204000000', '制造业', '签约', '2026/10/9'],
        ['合计', null, null, null, null, null, null],
      ],
      (ws) => ws.mergeCells('A1:G1'),
    );
    const { status } = await uploadAndCheck(shuicheng, 'industry-enterprises', '企业.xlsx', entFile);
    expect(status).toMatchObject({ status: 'ready', valid: 1, rejected: 1, toInsert: 1 });
    expect(status.problems.map((p: { message: string }) => p.message)).toEqual([expect.stringMatching(/^第4行 B列〔统一社会信用代码〕/)]);
    expect((await commitAndWait(shuicheng, status.id, 'valid-rows')).status.status).toBe('committed');

    const invFile = await xlsx([
      ['企业名称', '投资类别', '金额（万元）', '日期'],
      ['水城新引进电器厂（测试）', '协议投资', 500, '2026-10-08'],
      ['水城新引进电器厂（测试）', '实际到位', 300, '2026-11-01'],
      ['水城新引进电器厂（测试）', '实际到位', 300, '2026-11-02'],
      ['合计', null, 1100, null],
    ]);
    const inv = await uploadAndCheck(shuicheng, 'industry-investments', '投资.xlsx', invFile);
    expect(inv.status).toMatchObject({ status: 'ready', rejected: 2 });
    expect(inv.status.problems.map((p: { message: string }) => p.message)).toEqual([
      '第3行 C列〔金额(万元)〕：实际到位投资（600万元）不能超过协议投资（500万元）',
      '第4行 C列〔金额(万元)〕：实际到位投资（600万元）不能超过协议投资（500万元）',
    ]);
  });

  it('an enterprise row naming a park of another county is a cell error under 所在园区', async () => {
    const file = await xlsx([
      ['企业名称', '来源地区划代码', '落地地区划代码', '所在园区', '状态', '引进日期'],
      ['水城园区企业（测试）', '442000118000', '520204000000', '水城经济开发区中山产业园（演示）', '签约', '2026-10-12'],
      ['六枝错园企业（测试）', '442000118000', '520203000000', '水城经济开发区中山产业园（演示）', '签约', '2026-10-12'],
    ]);
    const { status } = await uploadAndCheck(hq, 'industry-enterprises', '企业.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', valid: 1, rejected: 1 });
    expect(status.problems.map((p: { message: string }) => p.message)).toEqual([
      expect.stringMatching(/^第3行 D列〔.*园区.*〕：园区「水城经济开发区中山产业园（演示）」不在企业的落地地区/),
    ]);
  });

  it('workshops: a village outside the user’s scope is a cell error; workers: one counted elsewhere is a cell error', async () => {
    const shopFile = await xlsx([
      ['车间名称', '所在村', '认定日期', '运营状态'],
      ['海坪村刺绣帮扶车间（测试）', '海坪村', '2026-09-01', '运营'],
      ['五龙村越界车间（测试）', '五龙村', '2026-09-01', '运营'], // 六枝特区: not the 水城 group's
    ]);
    const shops = await uploadAndCheck(shuicheng, 'industry-workshops', '车间.xlsx', shopFile);
    expect(shops.status).toMatchObject({ status: 'ready', valid: 1, rejected: 1 });
    expect(shops.status.problems[0].message).toMatch(/^第3行 B列〔所在村〕/);
    expect((await commitAndWait(shuicheng, shops.status.id, 'valid-rows')).status.status).toBe('committed');

    const someone = demoWorkerIds()[116]; // at work in the first workshop (水城) since its recognition
    const workerFile = await xlsx([
      ['序号', '车间名称', '姓名', '身份证号码', '入职日期'],
      [1, '海坪村刺绣帮扶车间（测试）', '新工人（测试）', '11010519491231002X', '2026-09-10'],
      [2, '海坪村刺绣帮扶车间（测试）', '已在别处（测试）', someone, '2026-09-10'],
      [3, '海坪村刺绣帮扶车间（测试）', '同一人两行（测试）', '11010519491231002X', '2026-10-01'],
    ]);
    const w = await uploadAndCheck(shuicheng, 'industry-workers', '务工人员.xlsx', workerFile);
    expect(w.status).toMatchObject({ status: 'ready', valid: 1, rejected: 2 });
    expect(w.status.problems.map((p: { message: string }) => p.message)).toEqual([
      expect.stringMatching(/^第3行 E列〔入职日期〕：此人同期已在「.+帮扶车间01（演示）」务工登记，不能重复计算$/),
      '第4行 E列〔入职日期〕：此人同期已在「海坪村刺绣帮扶车间（测试）」务工登记，不能重复计算',
    ]);
    expect((await commitAndWait(shuicheng, w.status.id, 'valid-rows')).status.status).toBe('committed');
    const stored = await t.services.database.query<{ id_cipher: string; id_masked: string }>(
      `select id_cipher, id_masked from industry_workers where name = '新工人（测试）'`,
    );
    expect(stored[0].id_cipher).not.toContain('11010519491231002X');
    expect(t.services.cipher.decrypt(stored[0].id_cipher)).toBe('11010519491231002X');
  });
});
