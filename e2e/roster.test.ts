// A town's one-sheet 监测对象信息表 through the import dialog, as its staff would on day one: on a desktop
// the check lists the columns it ignored and the defaults it applies, and the 121 persons of 42 households
// go in; on a phone the same data as a GB18030 CSV is checked and found unchanged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GANGPING } from '../packages/server/src/modules/monitoring/testing/builders';
import { rosterCsv, rosterXlsx, TOWN_VILLAGES, townRoster } from '../packages/server/src/modules/monitoring/testing/townRoster';
import { ARTIFACTS, launchBrowser, newPage, PHONE, type RunningApp, signIn, startApp } from './support';

const screenshot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

let app: RunningApp;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'xz-e2e-roster-'));
const roster = townRoster();

beforeAll(async () => {
  app = await startApp({ seedDemo: false });
  const db = app.services.database;
  for (const [code, name, level, parent] of [
    ['440000000000', '广东省', 'province', null],
    ['441200000000', '肇庆市', 'city', '440000000000'],
    ['441224000000', '怀集县', 'county', '441200000000'],
    [GANGPING, '岗坪镇', 'town', '441224000000'],
    ...TOWN_VILLAGES.map(([c, n]) => [c, n, 'village', GANGPING]),
  ]) {
    await db.query(
      'insert into divisions (code, name, level, parent_code) values ($1, $2, $3, $4) on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code',
      [code, name, level, parent],
    );
  }
  // the town as this test knows it: the reference extract's own villages of 岗坪镇 would make some names ambiguous
  await db.query(`delete from divisions where parent_code = $1 and code <> all($2::text[])`, [GANGPING, TOWN_VILLAGES.map(([c]) => c)]);
  await app.addUser('gangping_e2e', 'town_staff', { divisions: [GANGPING] });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function openImport(page: Page) {
  await signIn(page, app.url, 'gangping_e2e');
  await page.goto(`${app.url}/ledgers`);
  await page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: '防返贫监测对象信息表', exact: true }) })
    .getByRole('button', { name: /导\s*入/ })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('选择或拖入文件').waitFor();
  return dialog;
}

describe('监测对象信息表 import', () => {
  it('on a desktop: says what it ignored and defaulted, then imports 42 households, 121 persons', async () => {
    const path = join(dir, '岗坪镇监测对象信息表.xlsx');
    writeFileSync(path, await rosterXlsx(roster));
    const page = await newPage(browser);
    const dialog = await openImport(page);
    await dialog.locator('input[type=file]').setInputFiles(path);
    await dialog.getByText('检查完成').waitFor({ timeout: 60_000 });
    await screenshot(page, 'roster-dialog-desktop-checked');
    await expect(dialog.getByTestId('ledger-import-progress').textContent()).resolves.toBe('已读取 121 行：正确 121 行，有问题 0 行');
    const said = await dialog.getByTestId('ledger-import-columns').textContent();
    expect(said).toContain('未使用的列（已忽略）：序号');
    expect(said).toContain('文件中没有「务工情况」列，新记录按「未说明」填写');
    await dialog.getByRole('button', { name: '全部导入' }).click();
    await dialog.getByText('导入完成：新增 121 行，更新 0 行').waitFor({ timeout: 60_000 });
    await screenshot(page, 'roster-dialog-desktop-committed');
    const [{ h, m }] = await app.services.database.query<{ h: number; m: number }>(
      "select (select count(*)::int from monitoring_households where status = 'monitored') as h, (select count(*)::int from monitoring_members where active) as m",
    );
    expect({ h, m }).toEqual({ h: 42, m: 121 });
    await page.context().close();
  }, 120_000);

  it('on a phone: the same data as a GB18030 CSV is found unchanged', async () => {
    const path = join(dir, '岗坪镇监测对象信息表.csv');
    writeFileSync(path, rosterCsv(roster));
    const page = await newPage(browser, PHONE);
    const dialog = await openImport(page);
    await dialog.locator('input[type=file]').setInputFiles(path);
    await dialog.getByText('检查完成').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    await screenshot(page, 'roster-dialog-phone-checked');
    await expect(dialog.getByTestId('ledger-import-progress').textContent()).resolves.toBe('已读取 121 行：正确 121 行，有问题 0 行');
    await page.context().close();
  }, 120_000);
});
