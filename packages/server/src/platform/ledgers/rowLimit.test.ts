// A file over the ledger's row limit is refused before anything is checked or written: its rows are counted
// while it streams, and the count stops at the limit — not at the end of the file — with a file-level error
// that says the limit, the row where reading stopped and what to do (split the file). Large files are
// generated here as streams into a temporary folder; the limit is set low so the test stays fast (the
// 1,000,000-row measurement is `npm run bench:import -- --refuse`, in the README).
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { countRows } from './read/rows';
import { registerLedger } from './registry';
import { createExampleTable, exampleLedger } from './testing/exampleLedger';
import { upload, waitFor } from './testing/helpers';

const A = '441426198001010011';
const HEADER = ['姓名', '身份证号', '年度', '行政区划代码'];
const LIMIT = 1000;
const ROWS = 10_000; // ten times the limit
let t: TestApp;
let admin: TestClient;
const dir = mkdtempSync(join(tmpdir(), 'xz-rowlimit-'));

/** A workbook of `rows` data rows under a title and the header, streamed to disk (shared strings, as Excel saves). */
async function bigXlsx(path: string, rows: number) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path), useSharedStrings: true });
  const ws = wb.addWorksheet('台账');
  ws.addRow(['某县2025年家庭成员台账']).commit();
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) ws.addRow([`成员${i}`, A, 2025, '441426104000']).commit();
  ws.commit();
  await wb.commit();
}

/** A CSV of `rows` data rows, streamed to disk. */
async function bigCsv(path: string, rows: number) {
  const out = createWriteStream(path);
  out.write(`${HEADER.join(',')}\n`);
  for (let i = 0; i < rows; i++) if (!out.write(`成员${i},${A},2025,441426104000\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

beforeAll(async () => {
  t = await createTestApp({ dataDir: dir });
  await createExampleTable(t.services.db);
  registerLedger(t.app, exampleLedger);
  admin = await t.userClient('admin', 'admin', { all: true });
  t.services.config.ledgers.maxRows = LIMIT;
  await bigXlsx(join(dir, 'big.xlsx'), ROWS);
  await bigCsv(join(dir, 'big.csv'), ROWS);
  await bigCsv(join(dir, 'fits.csv'), LIMIT);
}, 300_000);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a file over the row limit', () => {
  it('is counted while streaming and the count stops at the limit (xlsx and CSV)', async () => {
    // the title and header are rows too: limit + 1 filled rows, the last one the sheet row where it stopped
    expect(await countRows(join(dir, 'big.xlsx'), 'xlsx', LIMIT)).toEqual({ rows: LIMIT + 1, lastRow: LIMIT + 1 });
    expect(await countRows(join(dir, 'big.csv'), 'csv', LIMIT)).toEqual({ rows: LIMIT + 1, lastRow: LIMIT + 1 });
    // under the limit: every filled row, the header included
    expect(await countRows(join(dir, 'fits.csv'), 'csv', 10 * LIMIT)).toEqual({ rows: LIMIT + 1, lastRow: LIMIT + 1 });
  });

  for (const name of ['big.xlsx', 'big.csv']) {
    it(`${name}: refused with the limit, the row where reading stopped and what to do; nothing checked or written`, async () => {
      const auditBefore = await t.services.database.query('select id from audit_log');
      const res = await upload(admin, exampleLedger.key, name, readFileSync(join(dir, name)));
      expect(res.statusCode, res.body).toBe(202);
      const s = await waitFor(admin, res.json().id);
      expect(s.status).toBe('failed');
      // 30 rows are allowed for above the data (a title, the header), so reading stops at filled row 1,031
      expect(s.error.details.map((d: { message: string }) => d.message)).toEqual([
        '文件超过 1,000 行的上限：读到第 1,031 行时已停止读取，未写入任何数据。请把文件拆分成每份不超过 1,000 行，分批导入',
      ]);
      // no row was read as data, none checked, nothing written
      expect(s).toMatchObject({ rowsRead: 0, valid: 0, rejected: 0 });
      expect(await t.services.database.query('select * from ledger_example_members')).toEqual([]);
      expect(await t.services.database.query('select id from audit_log')).toEqual(auditBefore);
    });
  }

  it('in English too, with the numbers written out', async () => {
    admin.lang = 'en';
    try {
      const res = await upload(admin, exampleLedger.key, 'big.csv', readFileSync(join(dir, 'big.csv')));
      const s = await waitFor(admin, res.json().id);
      expect(s.error.details[0].message).toBe(
        'The file is over the limit of 1,000 rows: reading stopped at row 1,031 and nothing was written. Split it into files of at most 1,000 rows and import them one by one',
      );
    } finally {
      admin.lang = 'zh-CN';
    }
  });

  it('a file of exactly the limit is checked as usual', async () => {
    const res = await upload(admin, exampleLedger.key, 'fits.csv', readFileSync(join(dir, 'fits.csv')));
    const s = await waitFor(admin, res.json().id);
    // one person on every row (the later ones duplicates), but every row was read and checked
    expect(s).toMatchObject({ status: 'ready', rowsRead: LIMIT });
    expect(s.valid + s.rejected).toBe(LIMIT);
  });
});
