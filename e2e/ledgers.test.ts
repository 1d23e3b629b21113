// The ledger import dialog in the browser: upload a workbook with one bad row, see the preview with
// counts and the problem in cadre words, import the valid rows, download the rejected ones.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerLedger } from '../packages/server/src/platform/ledgers';
import { enqueue, idle } from '../packages/server/src/platform/ledgers/registry';
import { createExampleTable, exampleLedger } from '../packages/server/src/platform/ledgers/testing/exampleLedger';
import { ARTIFACTS, hoverUntilShown, launchBrowser, newPage, PHONE, type RunningApp, signIn, startApp } from './support';

// the dialog is position:fixed: a viewport screenshot shows it as the user sees it (a full-page one may not)
const screenshot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

let app: RunningApp;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'xz-e2e-ledgers-'));

async function workbook(name: string, rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRows(rows);
  ws.mergeCells('A1:E1');
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

beforeAll(async () => {
  app = await startApp({ seedDemo: false });
  await createExampleTable(app.services.db);
  registerLedger({ xz: app.services }, exampleLedger);
  await app.addUser('leader_e2e', 'team_leader', { all: true });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('ledger import dialog', () => {
  it('uploads, previews problems, imports the valid rows and offers the rejected ones', async () => {
    const file = await workbook('家庭成员台账.xlsx', [
      ['2025年家庭成员台账'],
      ['姓名', '身份证号码', '年度', '行政区划代码', '家庭年收入'],
      ['李四', '441426198001010011', 2025, '441426104000', '1.2万元'],
      ['王五', '441426199002150028', 2025, '441426104000', '5500'],
      ['合计', null, null, null, '1.75万元'],
    ]);
    const page = await newPage(browser);
    await signIn(page, app.url, 'leader_e2e');
    await page.goto(`${app.url}/ledgers`);
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '家庭成员台账', exact: true }) });
    await row.getByRole('button', { name: /导\s*入/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('选择或拖入文件').waitFor();
    await page.waitForTimeout(500); // the dialog's opening animation
    await screenshot(page, 'ledgers-dialog-empty');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText('检查完成').waitFor();
    await dialog.getByText('第4行 B列〔身份证号码〕：校验位不正确').waitFor();
    await expect(dialog.getByTestId('ledger-import-progress').textContent()).resolves.toBe('已读取 2 行：正确 1 行，有问题 1 行');
    expect(await dialog.getByRole('button', { name: '全部导入' }).isDisabled()).toBe(true);
    await screenshot(page, 'ledgers-dialog-preview');

    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '下载问题行' }).click();
    const saved = join(dir, 'errors.xlsx');
    await (await download).saveAs(saved);
    const errors = new ExcelJS.Workbook();
    await errors.xlsx.readFile(saved);
    expect(errors.worksheets[0].getRow(4).getCell(1).value).toBe('王五');

    await dialog.getByRole('button', { name: '只导入正确的行' }).click();
    await dialog.getByText('导入完成：新增 1 行，更新 0 行').waitFor();
    await screenshot(page, 'ledgers-dialog-committed');
    const [{ n }] = await app.services.database.query<{ n: number }>('select count(*)::int as n from ledger_example_members');
    expect(n).toBe(1);
    await page.context().close();
  });

  it('exports masked by default, and with ID numbers for whoever may reveal them (audited)', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'leader_e2e');
    await page.goto(`${app.url}/ledgers`);
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '家庭成员台账', exact: true }) });
    const saveExport = async (click: () => Promise<void>, name: string) => {
      const download = page.waitForEvent('download');
      await click();
      const path = join(dir, name);
      await (await download).saveAs(path);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      return String(wb.worksheets[0].getRow(4).getCell(2).value);
    };
    expect(await saveExport(() => row.getByRole('button', { name: /导出 Excel/ }).click(), 'masked.xlsx')).toBe('4414**********0011');
    const item = page.getByRole('menuitem', { name: '导出（含身份证号等敏感信息，将留痕）' });
    const revealButton = row.getByRole('button', { name: '导出（含身份证号等敏感信息，将留痕）' });
    await hoverUntilShown(page, revealButton, item);
    await screenshot(page, 'ledgers-export-reveal-menu');
    await hoverUntilShown(page, revealButton, item); // a full-page screenshot can move the page from under the pointer
    expect(await saveExport(() => item.click(), 'revealed.xlsx')).toBe('441426198001010011');
    const entries = await app.services.database.query<{ action: string }>(
      `select action from audit_log where entity = 'example_member' and action in ('export', 'reveal') order by id`,
    );
    expect(entries.map((e) => e.action)).toEqual(['export', 'export', 'reveal']);
    await page.context().close();
  });

  it('shows how many files are ahead of a queued one, on a desktop and on a phone', async () => {
    // another office's large file is being checked: the queue is held until it is done
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    void enqueue(app.services, () => held);
    const file = await workbook('排队的台账.xlsx', [
      ['2025年家庭成员台账'],
      ['姓名', '身份证号码', '年度', '行政区划代码'],
      ['赵六', '441426201003100031', 2025, '441426104000'],
    ]);
    try {
      for (const [viewport, name] of [
        [undefined, 'ledgers-dialog-queued'],
        [PHONE, 'ledgers-dialog-second-file-phone'],
      ] as const) {
        const page = await newPage(browser, viewport);
        await signIn(page, app.url, 'leader_e2e');
        await page.goto(`${app.url}/ledgers`);
        await page
          .getByRole('row')
          .filter({ has: page.getByRole('cell', { name: '家庭成员台账', exact: true }) })
          .getByRole('button', { name: /导\s*入/ })
          .click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('input[type=file]').setInputFiles(file);
        if (viewport) {
          // her first file is still waiting: a second one is refused, saying why
          await dialog.getByText('您上一个文件还在校验（每人一次校验一个文件），请等它校验完成后再上传').waitFor();
          await screenshot(page, `${name}`);
        } else {
          await expect(dialog.getByTestId('ledger-import-queued').textContent()).resolves.toBe('排队中：前面还有 1 个文件在校验或导入');
          await screenshot(page, name);
        }
        await page.context().close();
      }
    } finally {
      release();
      await idle(app.services); // her queued file checked: the next test may upload
    }
  });

  it('shows a wrong file clearly on a phone', async () => {
    const path = join(dir, 'notes.csv');
    writeFileSync(path, '会议纪要,日期\n第一次联席会议,2025-03-01\n');
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'leader_e2e');
    await page.goto(`${app.url}/ledgers`);
    await page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '家庭成员台账', exact: true }) })
      .getByRole('button', { name: /导\s*入/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(path);
    await dialog.getByText(/找不到表头/).waitFor();
    await screenshot(page, 'ledgers-dialog-phone-wrong-file');
    await page.context().close();
  });
});
