// 消费帮扶 end to end on the API: the seed's figures on the dashboard at the right divisions and teams (1.83亿元
// for 中山, 1,000万元 by 18 member units of the 水城 group, 632万元 for 荔湾), each sale credited once to each side,
// a sale reported twice counted once until resolved, scope by either side or the team, and bad input by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../../testing/app';
import { reportFigures } from '../indicators/reports';
import { refresherOf } from '../indicators/service';
import { consumptionReport } from './report';
import { consumptionTestApp } from './testing/fixture';

process.env.XZ_TODAY = '2026-11-23';

let t: TestApp;
let hq: TestClient;
let teams: Map<string, number>;

beforeAll(async () => {
  ({ t, hq, teams } = await consumptionTestApp());
  await refresherOf(t.services).runOnce();
}, 120_000);
afterAll(() => t.close());

const dash = async (node: string, period = 'Y2026') => {
  const res = await hq.get(`/api/indicators/dashboard?node=${node}&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { figures: { code: string; breakdown: string; value: number | null; previous?: number | null }[] };
};
const fig = (d: Awaited<ReturnType<typeof dash>>, code: string, b = '') =>
  d.figures.find((f) => f.code === code && f.breakdown === b)?.value;

describe('dashboard figures from the demo ledgers', () => {
  it('中山 bought and helped sell 1.83亿元, the same sales sold by 六盘水; the pending duplicate is not counted', async () => {
    const zs = await dash('d:4420');
    expect(fig(zs, 'consumption.amount')).toBeCloseTo(183_000_000, 2);
    expect(fig(zs, 'consumption.amount', 'purchase')).toBeCloseTo(22_000_000, 2); // 1,000万 units + 1,200万 union
    expect(fig(zs, 'consumption.amount', 'helpsell')).toBeCloseTo(161_000_000, 2);
    expect(fig(zs, 'consumption.platform832')).toBeCloseTo(45_000_000, 2);
    expect(fig(zs, 'consumption.sold') ?? 0).toBe(0); // 中山 sold nothing: the helper side only
    const lps = await dash('d:5202');
    expect(fig(lps, 'consumption.sold')).toBeCloseTo(183_000_000, 2);
    expect(fig(lps, 'consumption.amount') ?? 0).toBe(0);
  });

  it('writes the report chapter in the seeds’ words from the same figures', async () => {
    const d = (await hq.get('/api/indicators/dashboard?node=d:4420&period=Y2026')).json();
    const [sentence] = consumptionReport.sentences(reportFigures(d));
    expect(sentence).toMatch(
      /^2026年，采购和帮助销售帮扶地区农特产品1\.83亿元（同比增长\d+(\.\d+)?%），其中采购2,200万元（19家单位参与），帮助销售1\.61亿元，通过832平台销售4,500万元。$/,
    );
  });

  it('the 18 member units of the 水城 group bought 1,000万元', async () => {
    const group = await dash(`t:${teams.get('zs-shuicheng')}`);
    expect(fig(group, 'consumption.purchased')).toBeCloseTo(10_000_000, 2);
    expect(fig(group, 'consumption.buyers')).toBe(18);
  });

  it('荔湾 sold more than 630万元 of 梅县 products (632万元); the 丙村 team sees its part', async () => {
    expect(fig(await dash('d:440103'), 'consumption.amount')).toBeCloseTo(6_320_000, 2);
    expect(fig(await dash('d:441403'), 'consumption.sold')).toBeCloseTo(6_320_000, 2);
    expect(fig(await dash(`t:${teams.get('lw-bingcun')}`), 'consumption.amount')).toBeCloseTo(2_800_000, 2);
  });

  it('the 绿博城 fair in 怀集: one fair, its intents, 4 富川 enterprises and the deals realised from linked sales', async () => {
    const huaiji = await dash('d:441224');
    expect(fig(huaiji, 'consumption.fairs')).toBe(1);
    expect(fig(huaiji, 'consumption.intents')).toBeCloseTo(3_200_000, 2);
    const fairs = (await hq.get('/api/consumption/fairs')).json();
    expect(fairs.items[0].suppliers.map((s: { divisionName: string }) => s.divisionName)).toEqual(Array(4).fill('富川瑶族自治县'));
    expect(fairs.items[0].realisedAmount).toBe('860000.00');
  });
});

describe('sales', () => {
  it('a sale reported again (same order number) is flagged, not counted until resolved as a sale of its own', async () => {
    const [first] = (await hq.get('/api/consumption/sales?channel=platform832&pageSize=1')).json().items;
    const before = (await hq.get('/api/consumption/sales/totals')).json();
    const res = await hq.post('/api/consumption/sales', {
      saleDate: first.saleDate,
      orderNo: first.orderNo,
      supplierId: first.supplierId,
      amount: 1234.5,
      channel: 'unit',
      buyerName: '中山市某局（演示）',
      helperDivisionCode: '442000000000',
      reporter: '采购单位',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      duplicateOf: first.id,
      duplicateState: 'pending',
      counted: false,
      sellerDivisionCode: first.sellerDivisionCode,
    });
    const flagged = (await hq.get('/api/consumption/sales/totals')).json();
    expect(flagged.total).toBe(before.total);
    expect(flagged.pendingDuplicates).toBe(before.pendingDuplicates + 1);
    const resolved = await hq.post(`/api/consumption/sales/${res.json().id}/distinct`, {});
    expect(resolved.json()).toMatchObject({ duplicateState: 'distinct', counted: true });
    const after = (await hq.get('/api/consumption/sales/totals')).json();
    expect(Number(after.total)).toBeCloseTo(Number(before.total) + 1234.5, 2);
    const audit = await t.services.database.query("select count(*)::int as n from audit_log where entity = 'consumption_sale'");
    expect(audit[0]).toEqual({ n: 2 });
  });

  it('same supplier, day and amount without an order number is a duplicate too', async () => {
    const [one] = (await hq.get('/api/consumption/sales?channel=counter&pageSize=1')).json().items;
    const res = await hq.post('/api/consumption/sales', {
      saleDate: one.saleDate,
      supplierId: one.supplierId,
      amount: Number(one.amount),
      channel: 'counter',
      helperDivisionCode: one.helperDivisionCode,
    });
    expect(res.json()).toMatchObject({ duplicateOf: one.id, counted: false });
    expect((await hq.post(`/api/consumption/sales/${res.json().id}/duplicate`, {})).json().counted).toBe(false);
  });

  it('marks a sale after the product certificate expired, and refuses bad input naming the field', async () => {
    const products = (await hq.get('/api/consumption/products?expired=true')).json().items;
    expect(products.map((p: { name: string }) => p.name)).toEqual(['客家腌面']);
    const p = products[0];
    const base = {
      saleDate: '2026-08-01',
      supplierId: p.supplierId,
      productId: p.id,
      amount: 500,
      channel: 'market',
      helperDivisionCode: '440103000000',
    };
    expect((await hq.post('/api/consumption/sales', base)).json()).toMatchObject({ certExpired: true, counted: true });
    const bad = async (body: object) => {
      const res = await hq.post('/api/consumption/sales', { ...base, ...body });
      expect(res.statusCode).toBe(400);
      return res.json().details.map((d: { path: string }) => d.path);
    };
    expect(await bad({ amount: -5 })).toEqual(['body.amount']);
    expect(await bad({ channel: '摆摊' })).toEqual(['body.channel']);
    expect(await bad({ helperDivisionCode: p.divisionCode })).toEqual(['body.helperDivisionCode']);
    expect(await bad({ supplierId: p.supplierId === 1 ? 2 : 1 })).toEqual(['body.productId']); // not that supplier's product
  });

  it('a team user sees its team’s sales and those of its places, and may not write elsewhere', async () => {
    const leader = await t.userClient('leader_bc', 'team_leader', { teams: [teams.get('lw-bingcun')!] });
    const list = (await leader.get('/api/consumption/sales?pageSize=100')).json();
    expect(list.total).toBeGreaterThan(0);
    for (const s of list.items) expect(s.teamId === teams.get('lw-bingcun') || s.sellerDivisionCode.startsWith('441403113')).toBe(true);
    const [other] = (await hq.get('/api/consumption/sales?helperDivisionCode=442000000000&pageSize=1')).json().items;
    expect((await leader.patch(`/api/consumption/sales/${other.id}`, { note: 'x' })).statusCode).toBe(403);
    const suppliers = (await leader.get('/api/consumption/suppliers')).json();
    expect(suppliers.items.map((s: { name: string }) => s.name)).toEqual(['梅县区丙村镇某金柚专业合作社（演示）']);
  });
});

describe('suppliers and products', () => {
  it('checks the credit code (GB 32100) and the certificate dates', async () => {
    const bad = await hq.post('/api/consumption/suppliers', {
      name: '某合作社',
      creditCode: '93451123MA60000011',
      divisionCode: '451123000000',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ path: 'body.creditCode', message: '统一社会信用代码不正确' });
    const [s] = (await hq.get('/api/consumption/suppliers?divisionCode=451123000000')).json().items;
    const p = await hq.post('/api/consumption/products', {
      supplierId: s.id,
      name: '新产品',
      category: 'tea',
      certNo: 'T-1',
      certBody: '某机构',
      certDate: '2026-05-01',
      certExpiry: '2026-04-30',
    });
    expect(p.statusCode).toBe(400);
    expect(p.json().details[0]).toMatchObject({ path: 'body.certExpiry', message: '有效期不能早于认定日期' });
  });
});
