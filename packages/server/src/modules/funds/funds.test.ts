// Funds and projects through the API and the dashboard: the seed's 中山 → 六盘水 1.6775亿元 counted once at each
// side (transfers to the counties not added again), 南口镇's 10 lighting projects as 民生实事 and 社会帮扶资金,
// scope by town, over-spending refused, lifecycle steps, 其中脱贫人口 from lifted_persons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../../testing/app';
import { refresherOf } from '../indicators/service';
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

const dash = async (node: string, period = 'Y2026') => {
  const res = await hq.get(`/api/indicators/dashboard?node=${node}&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  const figures = res.json().figures as { code: string; breakdown: string; value: number | null }[];
  return (code: string, b = '') => figures.find((f) => f.code === code && f.breakdown === b)?.value ?? null;
};

describe('fund allocations', () => {
  it('lists 中山 → 六盘水 as 1.6775亿元 with the transfers to the counties not counted twice', async () => {
    const all = (await hq.get('/api/funds/allocations?kind=fiscal&budgetYear=2026&pageSize=50')).json();
    expect(all.total).toBe(4 + 3); // four batches from 中山, three transfers to counties
    expect(all.totalAmount).toBe('167750000.00');
    const county = (await hq.get('/api/funds/allocations?divisionCode=520204000000')).json();
    expect(county.items.map((i: { amount: string; parentDocNo: string }) => [i.amount, i.parentDocNo])).toEqual([
      ['20000000.00', '中协办〔2026〕1号（演示）'],
    ]);
    const first = all.items.find((i: { docNo: string }) => i.docNo === '中协办〔2026〕1号（演示）');
    expect(first.passedOn).toBe('47000000.00');
  });

  it('refuses a transfer that passes on more than is left, or goes outside the receiver', async () => {
    const first = (await hq.get('/api/funds/allocations?topOnly=true&kind=fiscal&budgetYear=2026&pageSize=50')).json().items.at(-1);
    const base = { kind: 'fiscal', parentId: first.id, payerDivisionCode: '520200000000', budgetYear: 2026, allocatedOn: '2026-09-01' };
    const over = await hq.post('/api/funds/allocations', { ...base, divisionCode: '520203000000', docNo: 'X1', amount: 3_000_001 });
    // 50,000,000 − 47,000,000 = 3,000,000 left
    expect(over.statusCode).toBe(400);
    expect(over.json().details[0]).toMatchObject({ path: 'body.amount' });
    expect(over.json().details[0].message).toContain('3000000.00');
    const outside = await hq.post('/api/funds/allocations', { ...base, divisionCode: '441403000000', docNo: 'X2', amount: 1000 });
    expect(outside.json().details[0]).toMatchObject({ path: 'body.divisionCode' });
    const ok = await hq.post('/api/funds/allocations', { ...base, divisionCode: '520203000000', docNo: 'X3', amount: 3_000_000 });
    expect(ok.statusCode, ok.body).toBe(200);
    const audit = await t.services.database.query("select 1 from audit_log where entity = 'fund_allocation' and action = 'create'");
    expect(audit).toHaveLength(1);
  });
});

describe('projects', () => {
  it('shows a town user only the projects of their town: 南口镇’s 10 lighting projects, 550,000元 of social funds', async () => {
    const page = (await nankou.get('/api/funds/projects?pageSize=50')).json();
    expect(page.total).toBe(10);
    expect(
      page.items.every((p: { type: string; divisionCode: string }) => p.type === 'livelihood' && p.divisionCode.startsWith('441403106')),
    ).toBe(true);
    expect(page.totals.budget).toBe('550000.00');
    const lps = (await hq.get('/api/funds/projects?q=ZS-LPS-01')).json().items[0];
    expect((await nankou.get(`/api/funds/projects/${lps.id}`)).statusCode).toBe(404);
    const outside = await nankou.post('/api/funds/projects', {
      code: 'T-OUT',
      name: '外镇项目',
      type: 'other',
      divisionCode: '441403113000',
      reservedOn: '2026-09-01',
    });
    expect(outside.statusCode).toBe(403);
    expect((await nankou.get('/api/funds/allocations')).json().items.map((a: { kind: string }) => a.kind)).toEqual(['social']);
  });

  it('keeps a project’s pairing and the villages it serves (inside its place only); audited', async () => {
    const [pairing] = await t.services.database.query<{ id: number }>(
      `insert into pairings (type, helper_division_code, helped_division_code, start_date)
       values ('district_town', '440103000000', '441403106000', '2021-07-01') returning id`,
    );
    const base = { name: '南口镇多村道路亮化', type: 'livelihood', divisionCode: NANKOU, reservedOn: '2026-09-01', pairingId: pairing.id };
    const outside = await nankou.post('/api/funds/projects', { ...base, code: 'NK-MULTI', villageCodes: ['441403106215', '441403113201'] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().details[0]).toMatchObject({ path: 'body.villageCodes.1' });
    const noPairing = await nankou.post('/api/funds/projects', { ...base, code: 'NK-MULTI', pairingId: 999_999 });
    expect(noPairing.json().details[0]).toMatchObject({ path: 'body.pairingId' });
    const ok = await nankou.post('/api/funds/projects', { ...base, code: 'NK-MULTI', villageCodes: ['441403106215', '441403106216'] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ villageCodes: ['441403106215', '441403106216'], pairingId: pairing.id });
    expect(ok.json().villageNames).toHaveLength(2);
    expect(ok.json().pairingLabel).toContain(' → ');
    const edited = await nankou.request('PATCH', `/api/funds/projects/${ok.json().id}`, {
      villageCodes: ['441403106216'],
      implementingUnit: '南口镇人民政府',
    });
    expect(edited.json()).toMatchObject({ villageCodes: ['441403106216'], implementingUnit: '南口镇人民政府' });
    const audit = await t.services.database.query<{ action: string }>(
      `select action from audit_log where entity = 'fund_project' and entity_id = $1 order by id`,
      [String(ok.json().id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect((await nankou.get('/api/funds/projects?pageSize=50')).json().total).toBe(11);
    await t.services.database.query(`delete from funds_projects where code = 'NK-MULTI'`); // the town's figures below count its 10
  });

  it('flags late projects, steps forward with dates, refuses going back', async () => {
    const late = (await hq.get('/api/funds/projects?late=true&pageSize=50')).json();
    expect(late.items.map((p: { code: string }) => p.code).sort()).toEqual(['ZS-LPS-03']); // ZS-LPS-01 is due on 10-31, started on time
    const p = late.items.find((i: { code: string }) => i.code === 'ZS-LPS-03');
    const back = await hq.post(`/api/funds/projects/${p.id}/step`, { status: 'reserve', date: '2026-09-30' });
    expect(back.json().details[0]).toMatchObject({ path: 'body.status' });
    const early = await hq.post(`/api/funds/projects/${p.id}/step`, { status: 'started', date: '2026-01-01' });
    expect(early.json().details[0]).toMatchObject({ path: 'body.date' });
    const started = await hq.post(`/api/funds/projects/${p.id}/step`, { status: 'completed', date: '2026-09-30' });
    expect(started.json()).toMatchObject({ status: 'completed', startedOn: '2026-09-30', completedOn: '2026-09-30', late: false });
  });

  it('computes the disbursement rate and refuses spending over the budget of a kind of money', async () => {
    const p = (await nankou.get('/api/funds/projects?q=NK-LD-09')).json().items[0];
    expect(p.money).toEqual({ budget: '45000.00', commitment: '45000.00', disbursement: '27000.00', expenditure: '0.00' });
    const over = await nankou.post('/api/funds/flows', {
      projectId: p.id,
      type: 'disbursement',
      kind: 'social',
      occurredOn: '2026-09-20',
      amount: 18000.01,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().details[0]).toMatchObject({ path: 'body.amount' });
    expect(over.json().details[0].message).toContain('18000.00');
    const otherKind = await nankou.post('/api/funds/flows', {
      projectId: p.id,
      type: 'disbursement',
      kind: 'fiscal',
      occurredOn: '2026-09-20',
      amount: 1,
    });
    expect(otherKind.statusCode).toBe(400); // no fiscal budget on this project
    const ok = await nankou.post('/api/funds/flows', {
      projectId: p.id,
      type: 'disbursement',
      kind: 'social',
      occurredOn: '2026-09-20',
      amount: 18000,
    });
    expect(ok.json().money.disbursement).toBe('45000.00');
  });

  it('counts 其中脱贫人口 from lifted_persons, the ID number stored encrypted and shown masked', async () => {
    const id = '441224198001011234'.slice(0, 17);
    const { checkIdNumber } = await import('@xiezuo/shared/codes/idNumber');
    const full = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'].map((c) => id + c).find((v) => checkIdNumber(v).ok)!;
    const [h] = await t.services.database.query<{ id: number }>(
      `insert into monitoring_households (division_code, head_name, entry_door, category, is_lifted, status, identified_on)
       values ('441224109202', '户主', 'cadre_check', 'unstable', true, 'monitored', '2025-03-01') returning id`,
    );
    await t.services.database.query(
      `insert into monitoring_members (household_id, name, relation, gender, birth_date, id_cipher, id_hash, id_masked, health_cipher, schooling, work)
       values ($1, '受益人甲', 'self', 'male', '1980-01-01', 'x', $2, 'x', 'x', 'none', 'none')`,
      [h.id, t.services.cipher.hash(full)],
    );
    const p = (await hq.get('/api/funds/projects?q=GP-CY-01')).json().items[0];
    const res = await hq.post('/api/funds/beneficiaries', {
      projectId: p.id,
      name: '受益人甲',
      idNumber: full,
      mechanism: 'wages',
      since: '2026-08-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().beneficiaryList[0]).toMatchObject({ lifted: true, idNumberMasked: `4412**********${full.slice(-4)}` });
    expect(res.json().liftedBeneficiaries).toBe(1);
    const raw = await t.services.database.query<{ j: string }>('select row_to_json(b)::text as j from funds_beneficiaries b');
    expect(raw[0].j).not.toContain(full);
  });
});

describe('money by county', () => {
  it('ranks counties by disbursement rate from sums, the money received counted once per county', async () => {
    const rows = (await hq.get('/api/funds/counties?kind=fiscal&budgetYear=2026')).json() as {
      divisionCode: string;
      received: string;
      rate: number | null;
    }[];
    const by = new Map(rows.map((r) => [r.divisionCode, r]));
    expect(by.get('520204000000')?.received).toBe('20000000.00');
    expect(by.get('520200000000')?.received).toBe('117750000.00'); // kept at the city level (after the X3 transfer above)
    const total = rows.filter((r) => r.divisionCode.startsWith('5202')).reduce((s, r) => s + Number(r.received), 0);
    expect(total).toBe(167_750_000);
    const rates = rows.map((r) => r.rate).filter((r): r is number => r != null);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    // payer → county: 六盘水's counties got their money from 中山 (the batch at the top of each transfer)
    const shuicheng = rows.find((r) => r.divisionCode === '520204000000') as unknown as {
      payers: { divisionName: string; amount: string }[];
    };
    expect(shuicheng.payers).toEqual([expect.objectContaining({ divisionName: '中山市', amount: '20000000.00' })]);
    const mine = (await nankou.get('/api/funds/counties')).json();
    expect(mine).toEqual([expect.objectContaining({ divisionCode: '441403000000', received: '550000.00', projects: 10 })]);
    // county → projects by type (the flow chart's last step): the town's lighting money committed to 民生实事
    expect(mine[0].byType).toEqual([{ type: 'livelihood', committed: '550000.00' }]);
  });
});

describe('dashboard', () => {
  it('credits 1.6775亿元 to 中山 (sent) and 六盘水 (received) once each; the counties hold their shares', async () => {
    await refresherOf(t.services).runOnce();
    const zs = await dash('d:4420');
    expect(zs('funds.fiscalSent')).toBe(167_750_000);
    expect(zs('funds.fiscalReceived') ?? 0).toBe(0);
    const lps = await dash('d:5202');
    expect(lps('funds.fiscalReceived')).toBe(167_750_000 + 3_000_000 - 3_000_000); // the X3 transfer moved money within 六盘水
    expect(lps('funds.fiscalSent') ?? 0).toBe(0);
    const shuicheng = await dash('d:520204');
    expect(shuicheng('funds.fiscalReceived')).toBe(20_000_000);
    const guizhou = await dash('d:52');
    expect(guizhou('funds.fiscalReceived')).toBe(167_750_000);
    const lastYear = await dash('d:4420', 'Y2025');
    expect(lastYear('funds.fiscalSent')).toBe(112_000_000);
  });

  it('at the programme level (全部, above both sides; and the pairing’s team) 1.6775亿元 is counted once as sent and once as received, never doubled', async () => {
    // the demo's team of the pairing (the fixture has funds' demo only): 中山's batches and 六盘水's transfers recorded by it
    const [team] = await t.services.database.query<{ id: number }>(
      `insert into teams (name, kind, division_code) values ('中山市对口协作六盘水市工作队', 'team', '442000000000') returning id`,
    );
    await t.services.database.query(
      `update funds_allocations set team_id = $1 where kind = 'fiscal' and (payer_division_code = '442000000000' or parent_id is not null)`,
      [team.id],
    );
    await refresherOf(t.services).runOnce();
    for (const node of ['all', `t:${team.id}`, 'd:4420', 'd:5202']) {
      const f = await dash(node);
      const sent = node === 'd:5202' ? 0 : 167_750_000;
      const received = node === 'd:4420' ? 0 : 167_750_000;
      expect([node, f('funds.fiscalSent') ?? 0, f('funds.fiscalReceived') ?? 0]).toEqual([node, sent, received]);
      expect(f('funds.sent', 'fiscal') ?? 0).toBe(sent);
      expect(f('funds.received', 'fiscal') ?? 0).toBe(received);
    }
  });

  it('counts 南口镇’s lighting projects as 民生实事 and the money raised as 社会帮扶资金, with the rate from sums', async () => {
    const nk = await dash('d:441403106');
    expect(nk('funds.received', 'social')).toBe(550_000);
    expect(nk('funds.livelihood')).toBe(10);
    expect(nk('funds.committed', 'social')).toBe(550_000);
    expect(nk('funds.disbursementRate')).toBeCloseTo(nk('funds.disbursed')! / nk('funds.committed')!, 10);
    expect(nk('funds.projects.handed_over')).toBe(4);
    const gp = await dash('d:441224109');
    expect(gp('funds.beneficiaries')).toBe(1);
    expect(gp('funds.beneficiaries', 'tuopin')).toBe(1);
  });
});

describe('money by county, summed once per county and type', () => {
  it('counts a county’s projects, sums its committed and disbursed money and ranks its types by the amount', async () => {
    // a county of its own (贵阳市南明区), so the figures above are not touched
    for (const [code, name, level, parent] of [
      ['520100000000', '贵阳市', 'city', '520000000000'],
      ['520102000000', '南明区', 'county', '520100000000'],
      ['520102016000', '新华路街道', 'town', '520102000000'],
    ]) {
      await t.services.database.query(
        'insert into divisions (code, name, level, parent_code) values ($1, $2, $3, $4) on conflict do nothing',
        [code, name, level, parent],
      );
    }
    const project = async (code: string, type: string, budgets: { kind: string; amount: number }[]) => {
      const res = await hq.post('/api/funds/projects', {
        code,
        name: code,
        type,
        divisionCode: '520102016000',
        reservedOn: '2026-03-01',
        budgets,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as number;
    };
    const flow = async (projectId: number, type: string, kind: string, amount: number) => {
      const res = await hq.post('/api/funds/flows', { projectId, type, kind, occurredOn: '2026-06-01', amount });
      expect(res.statusCode, res.body).toBe(200);
    };
    const industry = await project('NM-1', 'industry', [{ kind: 'fiscal', amount: 2_000_000 }]);
    const education = await project('NM-2', 'education', [
      { kind: 'fiscal', amount: 1_000_000 },
      { kind: 'social', amount: 100_000 },
    ]);
    await project('NM-3', 'health', [{ kind: 'fiscal', amount: 500_000 }]); // no money yet: counted, no type entry
    await flow(industry, 'commitment', 'fiscal', 1_000_000);
    await flow(industry, 'commitment', 'fiscal', 600_000);
    await flow(industry, 'disbursement', 'fiscal', 400_000);
    await flow(industry, 'expenditure', 'fiscal', 300_000); // spending is not disbursing
    await flow(education, 'commitment', 'fiscal', 900_000);
    await flow(education, 'disbursement', 'fiscal', 900_000);
    await flow(education, 'commitment', 'social', 50_000);
    const nanming = async (query = '') =>
      ((await hq.get(`/api/funds/counties${query}`)).json() as { divisionCode: string }[]).find((r) => r.divisionCode === '520102000000');
    // 1,600,000 before 900,000 (ranked by the amount, not its text) and before 50,000 of 社会帮扶资金
    expect(await nanming()).toMatchObject({
      divisionName: '南明区',
      received: '0.00',
      projects: 3,
      committed: '2550000.00',
      disbursed: '1300000.00',
      rate: 1_300_000 / 2_550_000,
      byType: [
        { type: 'industry', committed: '1600000.00' },
        { type: 'education', committed: '950000.00' },
      ],
    });
    // one kind of money: its projects are all still counted
    expect(await nanming('?kind=social')).toMatchObject({
      projects: 3,
      committed: '50000.00',
      disbursed: '0.00',
      rate: 0,
      byType: [{ type: 'education', committed: '50000.00' }],
    });
  });
});
