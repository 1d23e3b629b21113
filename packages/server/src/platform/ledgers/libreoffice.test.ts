// Files from and to LibreOffice Calc (Debian's libreoffice-calc): a workbook LibreOffice wrote is
// imported, and LibreOffice reads our export (and re-saves it for a round-trip import).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { registerLedger } from './registry';
import { createExampleTable, exampleLedger } from './testing/exampleLedger';
import { commitAndWait, uploadAndCheck } from './testing/helpers';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasSoffice) console.warn('LibreOffice tests SKIPPED: soffice not found (apt-get install -y libreoffice-calc)');

const work = mkdtempSync(join(tmpdir(), 'xz-lo-'));
/** Converts with headless LibreOffice (own profile, so parallel runs never share one) and returns the output. */
function soffice(input: string, to: string, infilter?: string): Buffer {
  const args = [
    `-env:UserInstallation=file://${work}/profile`,
    '--headless',
    ...(infilter ? [`--infilter=${infilter}`] : []),
    '--convert-to',
    to,
    '--outdir',
    join(work, 'out'),
    input,
  ];
  execFileSync('soffice', args, { stdio: 'ignore', timeout: 60_000 });
  const ext = to.split(':')[0];
  return readFileSync(
    join(
      work,
      'out',
      input
        .split('/')
        .pop()!
        .replace(/\.[^.]+$/, `.${ext}`),
    ),
  );
}

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp({ dataDir: join(work, 'data') });
  await createExampleTable(t.services.db);
  registerLedger(t.app, exampleLedger);
  admin = await t.userClient('admin', 'admin', { all: true });
});
afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!hasSoffice)('LibreOffice', () => {
  it('imports a workbook LibreOffice wrote (dates as date cells, strings after the sheet, a 合计 row)', async () => {
    const csv = join(work, 'members.csv');
    writeFileSync(
      csv,
      '2025年家庭成员台账,,,,,,\n姓名,身份证号,年度,行政区划代码,出生日期,年收入,与户主关系\n' +
        '李四,441426198001010011,2025,441426104000,1980-01-01,12000.5,户主\n王五,11010519491231002x,2025,441426104000,1949-12-31,55万元,配偶\n合计,,,,,12000.5,\n',
    );
    // columns 2 and 4 as text, as a cadre formats ID and code columns; LibreOffice detects the dates itself
    const file = soffice(csv, 'xlsx', 'CSV:44,34,76,1,2/2/4/2');
    const { status } = await uploadAndCheck(admin, exampleLedger.key, 'libreoffice.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', rowsRead: 2, valid: 2, rejected: 0, skipped: 1, toInsert: 2 });
    await commitAndWait(admin, status.id, 'all-or-nothing');
    const rows = await t.services.database.query(
      'select id_number, birth_date::text as birth_date, income from ledger_example_members order by id',
    );
    expect(rows).toEqual([
      { id_number: '441426198001010011', birth_date: '1980-01-01', income: '12000.50' },
      { id_number: '11010519491231002X', birth_date: '1949-12-31', income: '550000.00' },
    ]);
  });

  it('reads our export, and our export re-saved by LibreOffice imports with nothing changed', async () => {
    const res = await admin.post(`/api/ledgers/${exampleLedger.key}/export`, { reveal: true });
    const path = join(work, 'export.xlsx');
    writeFileSync(path, res.rawPayload);
    const csv = soffice(path, 'csv:Text - txt - csv (StarCalc):44,34,76').toString('utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('家庭成员台账');
    expect(lines[1]).toBe('*姓名,*身份证号,*年度,*行政区划代码,与户主关系,出生日期,年收入,联系电话,是否残疾');
    expect(lines[2]).toBe('Name,ID number,Year,Division code,Relation,Birth date,Annual income,Phone,Disabled');
    expect(lines[3]).toMatch(/^李四,441426198001010011,2025,441426104000,户主,1980-01-01,"?12,000.50"?,,$/);

    const resaved = soffice(path, 'xlsx');
    const { status } = await uploadAndCheck(admin, exampleLedger.key, 'resaved.xlsx', resaved);
    expect(status).toMatchObject({ status: 'ready', rowsRead: 2, valid: 2, unchanged: 2, toInsert: 0, toUpdate: 0 });
  });
});
