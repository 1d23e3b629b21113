// The consumption ledgers as clerks and platforms keep them: a 荔湾 sales sheet with a title, merged cells, amounts
// written 1.2万元, a 合计 row and a 填表人 line; the 832 platform's order export as it comes (no 渠道, no codes);
// bad rows named by row and column; a sale already reported flagged and counted once; export → import unchanged.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAndWait, readSheet, uploadAndCheck } from '../../platform/ledgers/testing/helpers';
import type { TestApp, TestClient } from '../../testing/app';
import { demoCreditCode } from './demoData';
import { consumptionTestApp } from './testing/fixture';

/** The same code with a wrong check character. */
const wrongCheck = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

process.env.XZ_TODAY = '2026-11-23';

let t: TestApp;
let hq: TestClient;

beforeAll(async () => {
  ({ t, hq } = await consumptionTestApp());
}, 120_000);
afterAll(() => t.close());

async function workbook(build: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('销售台账');
  build(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const totals = async () => (await hq.get('/api/consumption/sales/totals?helperDivisionCode=440103000000')).json();

describe('sales ledger', () => {
  it('reads a clerk’s sheet: title, merged cells, 1.2万元, a 合计 row; bad rows named by row and column', async () => {
    const before = await totals();
    const file = await workbook((ws) => {
      ws.addRow(['荔湾区2026年消费帮扶销售台账（梅县区产品）']);
      ws.mergeCells('A1:I1');
      ws.addRow(['序号', '日期', '供应商', '商品名称', '金额', '销售渠道', '采购单位', '帮扶方区划代码', '备注']);
      ws.addRow([
        1,
        '2026年10月8日',
        '梅县区丙村镇某金柚专业合作社（演示）',
        '梅县金柚',
        '1.2万元',
        '预算单位',
        '荔湾区教育局（演示）',
        '440103000000',
        '国庆采购',
      ]);
      ws.addRow([2, '2026/10/9', '梅县区松源镇某茶叶有限公司（演示）', '松源绿茶', '8,500.00', '专柜', null, '440103000000', null]);
      ws.addRow([3, '2026-10-10', '梅县区南口镇某食品有限公司（演示）', '客家腌面', -300, '超市', null, '440103000000', '退货']);
      ws.addRow([4, '2026-10-11', '梅县区南口镇某食品有限公司（演示）', '客家腌面', 2000, '摆摊', null, '440103000000', null]);
      ws.addRow([5, '2026-10-12', '不存在的合作社', null, 1000, '个人', null, '440103000000', null]);
      ws.addRow(['合计', null, null, null, '2.05万元', null, null, null, null]);
      ws.addRow(['填表人：张三（演示）', null, null, null, '审核人：李四', null, null, null, null]);
    });
    const { res, status } = await uploadAndCheck(hq, 'consumption-sales', '荔湾消费帮扶台账.xlsx', file);
    expect(res.statusCode, res.body).toBe(202);
    expect(status).toMatchObject({ status: 'ready', rowsRead: 5, valid: 2, rejected: 3, toInsert: 2 });
    expect(status.problems.map((p: { message: string }) => p.message)).toEqual([
      '第5行 E列〔金额〕：金额必须大于0',
      expect.stringMatching(/^第6行 F列〔销售渠道〕：「摆摊」不是可选的值/),
      '第7行 C列〔供应商〕：找不到该供应商（请先登记供应商或核对统一社会信用代码、名称）',
    ]);
    // all-or-nothing refuses while rows are wrong: nothing written
    expect((await hq.post(`/api/ledgers/imports/${status.id}/commit`, { mode: 'all-or-nothing' })).statusCode).toBe(400);
    expect((await totals()).total).toBe(before.total);
    const done = await commitAndWait(hq, status.id, 'valid-rows');
    expect(done.status).toMatchObject({ status: 'committed', inserted: 2 });
    const after = await totals();
    expect(Number(after.total) - Number(before.total)).toBeCloseTo(20_500, 2);
    expect(Number(after.purchased) - Number(before.purchased)).toBeCloseTo(12_000, 2);
    const [pomelo] = (await hq.get('/api/consumption/sales?from=2026-10-08&to=2026-10-08')).json().items;
    expect(pomelo).toMatchObject({
      amount: '12000.00',
      channel: 'unit',
      sellerDivisionCode: '441403113000',
      productName: '梅县金柚',
      counted: true,
    });
    expect(pomelo.productId).not.toBeNull(); // linked to the certified product by name
  });

  it('reads the 832 platform’s order export as it comes; an order the buyer unit reported too is flagged, counted once', async () => {
    await t.services.database.query(
      "insert into units (name, kind, division_code) values ('中山市教育局（演示）', 'government', '442000000000'), ('中山市财政局（演示）', 'government', '442000000000')",
    );
    const [known] = (await hq.get('/api/consumption/sales?channel=unit&helperDivisionCode=442000000000&pageSize=1')).json().items;
    const before = (await hq.get('/api/consumption/sales/totals?helperDivisionCode=442000000000')).json();
    const file = await workbook((ws) => {
      ws.addRow(['订单编号', '下单时间', '采购单位', '供应商名称', '商品名称', '订单金额', '购买数量']);
      ws.addRow([
        '832202611010001',
        '2026-11-01 10:22:13',
        '中山市教育局（演示）',
        '水城区某猕猴桃专业合作社（演示）',
        '水城红心猕猴桃',
        26_400,
        300,
      ]);
      // the same sale as one a 中山 unit reported: same supplier, day and amount
      ws.addRow(['832202611010002', known.saleDate, '中山市财政局（演示）', known.supplierName, null, Number(known.amount), null]);
      ws.addRow(['832202611010003', '2026-11-02', '某个未登记单位', '水城区某猕猴桃专业合作社（演示）', null, 100, null]);
    });
    const { status } = await uploadAndCheck(hq, 'consumption-sales', '832平台订单导出.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', rowsRead: 3, valid: 2, rejected: 1 });
    expect(status.problems[0].message).toBe('第4行：请填写帮扶方区划代码（采购单位未在单位台账中登记，无法确定所在地）');
    expect(status.defaults).toEqual([{ header: '渠道', value: '832平台' }]); // the dry run says what the missing column means
    await commitAndWait(hq, status.id, 'valid-rows');
    const after = (await hq.get('/api/consumption/sales/totals?helperDivisionCode=442000000000')).json();
    expect(Number(after.total) - Number(before.total)).toBeCloseTo(26_400, 2); // the duplicate is not counted
    expect(after.pendingDuplicates).toBe(before.pendingDuplicates + 1);
    const flagged = (await hq.get('/api/consumption/sales?duplicates=pending&pageSize=50')).json().items;
    expect(flagged.find((s: { orderNo: string }) => s.orderNo === '832202611010002')).toMatchObject({
      duplicateOf: known.id,
      channel: 'platform832',
      helperDivisionCode: '442000000000',
    });
  });

  it('export → import of the same file changes nothing', async () => {
    const res = await hq.get('/api/ledgers/consumption-sales/export?from=2026-10-01');
    expect(res.statusCode).toBe(200);
    const rows = (await readSheet(res.rawPayload)).slice(3).filter((r) => r?.length);
    expect(rows.length).toBeGreaterThan(5);
    const { status } = await uploadAndCheck(hq, 'consumption-sales', '导出.xlsx', res.rawPayload);
    expect(status).toMatchObject({ status: 'ready', rejected: 0, toInsert: 0, toUpdate: 0 });
  });
});

describe('fairs ledger', () => {
  it('imports a fair with its suppliers named as a clerk writes them; refuses an unknown one; round trips unchanged', async () => {
    const file = await workbook((ws) => {
      ws.addRow(['活动名称', '日期', '举办地点', '举办地区划代码', '参展企业', '采购商', '意向金额']);
      ws.addRow([
        '梅县金柚推介会（演示）',
        '2026-09-20',
        '荔湾区某广场',
        '440103000000',
        '梅县区丙村镇某金柚专业合作社（演示）、梅县区松源镇某茶叶有限公司（演示）',
        12,
        '85万元',
      ]);
      ws.addRow(['另一场（演示）', '2026-09-21', '某地', '440103000000', '不存在的企业', 3, null]);
    });
    const { status } = await uploadAndCheck(hq, 'consumption-fairs', '产销对接.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', valid: 1, rejected: 1 });
    expect(status.problems[0].message).toMatch(/^第3行 E列〔参展企业〕：找不到该供应商/);
    await commitAndWait(hq, status.id, 'valid-rows');
    const fair = (await hq.get('/api/consumption/fairs?divisionCode=440103000000')).json().items[0];
    expect(fair).toMatchObject({ name: '梅县金柚推介会（演示）', intentAmount: '850000.00', buyers: 12 });
    expect(fair.suppliers).toHaveLength(2);
    const res = await hq.get('/api/ledgers/consumption-fairs/export');
    const again = await uploadAndCheck(hq, 'consumption-fairs', '导出.xlsx', res.rawPayload);
    expect(again.status).toMatchObject({ status: 'ready', rejected: 0, toInsert: 0, toUpdate: 0 });
  });
});

describe('suppliers and products ledgers', () => {
  it('imports suppliers with credit codes checked, and products with certificates; round trips unchanged', async () => {
    const file = await workbook((ws) => {
      ws.addRow(['供应商名称', '统一社会信用代码', '所在地区划代码', '联系人', '联系电话']);
      ws.addRow([
        '富川瑶族自治县某蜂蜜专业合作社（演示）',
        demoCreditCode('93', '451123000000', 999),
        '451123000000',
        '王五',
        '13800001234',
      ]);
      ws.addRow(['某错误代码企业', wrongCheck(demoCreditCode('91', '451123000000', 998)), '451123000000', null, null]);
    });
    const { status } = await uploadAndCheck(hq, 'consumption-suppliers', '供应商.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', valid: 1, rejected: 1, toInsert: 1 });
    expect(status.problems.map((p: { message: string }) => p.message)).toEqual([
      expect.stringMatching(/^第3行 B列〔统一社会信用代码〕：.*统一社会信用代码/),
    ]);
    expect((await commitAndWait(hq, status.id, 'valid-rows')).status).toMatchObject({ status: 'committed', inserted: 1 });
    for (const key of ['consumption-suppliers', 'consumption-products']) {
      const res = await hq.get(`/api/ledgers/${key}/export`);
      const again = await uploadAndCheck(hq, key, '导出.xlsx', res.rawPayload);
      expect(again.status, key).toMatchObject({ status: 'ready', rejected: 0, toInsert: 0, toUpdate: 0 });
    }
  });
});
