import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { registerLedger } from './registry';
import { createExampleTable, exampleLedger } from './testing/exampleLedger';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from './testing/helpers';

let t: TestApp;
let admin: TestClient;
const count = async () => (await t.services.database.query<{ n: number }>('select count(*)::int as n from ledger_example_members'))[0].n;

const dataDir = mkdtempSync(join(tmpdir(), 'xz-ledgers-'));
beforeAll(async () => {
  t = await createTestApp({ dataDir });
  await createExampleTable(t.services.db);
  registerLedger(t.app, exampleLedger);
  admin = await t.userClient('admin', 'admin', { all: true });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const HEAD = ['姓名', '身份证号', '年度', '行政区划代码', '与户主关系', '出生日期', '年收入'];

describe('registration and template', () => {
  it('lists the registered ledger with its columns', async () => {
    const res = await admin.get('/api/ledgers');
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((l: { key: string }) => l.key === 'example-members');
    expect(item).toMatchObject({ title: '家庭成员台账', canImport: true, canExport: true, naturalKey: ['idNumber', 'year'] });
    expect(item.columns.map((c: { header: string }) => c.header)).toContain('身份证号');
  });

  it('serves an .xlsx template with required marks, English headers and a sample row', async () => {
    const res = await admin.get('/api/ledgers/example-members/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheet(res.rawPayload);
    expect(String(rows[0][0])).toContain('家庭成员台账');
    expect(rows[1].slice(0, 3)).toEqual(['*姓名', '*身份证号', '*年度']);
    expect(rows[2][0]).toBe('Name');
    expect(rows[3][0]).toBe('张三');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    // 与户主关系 (column E) is a dropdown; 是否残疾 (column I) too; headers carry a note with format and unit
    expect(ws.getCell('E4').dataValidation).toMatchObject({ type: 'list', formulae: ['"户主,配偶,子女,其他"'] });
    expect(ws.getCell('I4').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(noteText(ws.getCell('G2').note)).toBe('格式：金额（可写 55万元、1.6775亿元）\n单位：元\n上一年度纯收入');
    expect(noteText(ws.getCell('B2').note)).toBe('必填\n格式：18位身份证号');
    expect(ws.getCell('B5').numFmt).toBe('@'); // ID numbers typed into the template stay text
  });

  it('skips the template’s marked sample row, but imports a real row that equals it', async () => {
    const template = await readSheet((await admin.get('/api/ledgers/example-members/template')).rawPayload);
    expect(template[3][9]).toBe('← 示例行（导入时跳过，可删除）');
    const filled = [...template, ['赵六', '441426198001010011', 2026, '441426104000']];
    const { status } = await uploadAndCheck(admin, 'example-members', 'filled.xlsx', await xlsx(filled));
    expect(status).toMatchObject({ valid: 1, skipped: 1, rowsRead: 1 });
    // the same values without the marker (an export, a ledger kept by hand) are a record like any other
    const plain = await uploadAndCheck(admin, 'example-members', 'plain.xlsx', await xlsx([template[1], template[3].slice(0, 9)]));
    expect(plain.status).toMatchObject({ valid: 1, skipped: 0 });
  });

  it('refuses rows outside the importer’s scope, row by row', async () => {
    const c = await t.userClient('town', 'town_staff', { divisions: ['441426104000'] });
    const file = await xlsx([
      HEAD,
      ['甲', '441426198001010011', 2019, '441426104001', null, null, null],
      ['乙', '441426199002150029', 2019, '520221000000', null, null, null],
    ]);
    const { status } = await uploadAndCheck(c, 'example-members', 'scope.xlsx', file);
    expect(status, JSON.stringify(status)).toMatchObject({ valid: 1, rejected: 1 });
    expect(status.problems[0].message).toBe('第3行 D列〔行政区划代码〕：该数据不在您的管辖范围内');
    // 甲 is now on record in 441426104001; a file of another town's staff naming the same person and year may not take it over
    expect((await commitAndWait(c, status.id, 'valid-rows')).status).toMatchObject({ status: 'committed', inserted: 1 });
    const other = await t.userClient('town2', 'town_staff', { divisions: ['441426105000'] });
    const takeover = await uploadAndCheck(
      other,
      'example-members',
      'takeover.xlsx',
      await xlsx([HEAD, ['甲', '441426198001010011', 2019, '441426105001', null, null, null]]),
    );
    expect(takeover.status).toMatchObject({ valid: 0, rejected: 1 });
    expect(takeover.status.problems[0].message).toBe('第2行 B列〔身份证号〕：该数据不在您的管辖范围内');
    await t.services.database.query('delete from ledger_example_members'); // the tests below start empty
  });
});

describe('dry run and commit', () => {
  it('previews problems by row, column letter and header, then commits the valid rows', async () => {
    const file = await xlsx([
      ['2025年家庭成员台账'],
      [],
      HEAD,
      ['李四', '441426198001010011', 2025, '441426104000', '户主', '1949-12-31', '1.2万元'],
      ['王五', '441426199002150028', 2025, '441426104000', '配偶', '2025/3/1', '800'],
    ]);
    const { res, status } = await uploadAndCheck(admin, 'example-members', '台账.xlsx', file);
    expect(res.statusCode).toBe(202);
    expect(status).toMatchObject({ status: 'ready', rowsRead: 2, valid: 1, rejected: 1, toInsert: 1 });
    expect(status.problems[0].message).toBe('第5行 B列〔身份证号〕：校验位不正确');
    expect(await count()).toBe(0);
    const all = await commitAndWait(admin, status.id, 'all-or-nothing');
    expect(all.res.statusCode).toBe(400);
    expect(all.res.json().details[0].message).toContain('1 行有问题');
    const valid = await commitAndWait(admin, status.id, 'valid-rows');
    expect(valid.status).toMatchObject({ status: 'committed', inserted: 1, updated: 0 });
    expect(await count()).toBe(1);
    // committed once: a second commit is refused
    expect((await admin.post(`/api/ledgers/imports/${status.id}/commit`, { mode: 'valid-rows' })).json().details[0].message).toBe(
      '这次导入不能提交（正在检查、已提交或已失败）',
    );
  });

  it('refuses to commit a check whose staged rows have expired', async () => {
    const file = await xlsx([HEAD, ['赵六', '441426201003100031', 2025, '441426104000', null, null, null]]);
    const { status } = await uploadAndCheck(admin, 'example-members', 'old.xlsx', file);
    rmSync(join(dataDir, 'ledger-imports', status.id), { recursive: true });
    const res = await admin.post(`/api/ledgers/imports/${status.id}/commit`, { mode: 'all-or-nothing' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].message).toBe('这次检查已超过一天，请重新导入这个文件');
    expect(await count()).toBe(1);
  });
});

function noteText(note: unknown): string {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] })?.texts ?? [];
  return texts.map((x) => x.text).join('');
}
