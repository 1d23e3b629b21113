// 劳务协作 in the browser on the demo data: the 3D打印订单班 with 86 graduates, 81 employed → 94.2 % and
// 5,500元 computed from its student roster, on the order-class page and the HQ dashboard at 富川; the
// employment ledger with masked ID numbers, 脱贫人口 marked, and an audited reveal; the labour brand 富川药膳师傅
// with its trainees and employed people, and a labour station entered and renamed by form — at desktop and 375 px.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, type RunningApp, screenshot, searchAndPick, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  await app.addUser('hq_labour', 'hq', { all: true });
  await app.addUser('fuchuan_labour', 'town_staff', { divisions: ['451123'] });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A row of a list as the user reads it: a table row on desktop, a card on a phone. */
const rowOf = (list: Locator, text: string, phone: boolean) =>
  (phone ? list.getByTestId('list-card') : list.locator('tr')).filter({ hasText: text });
/** Its cells in column order: the table's cells, or the card's title and then each value under its label. */
async function cellsOf(row: Locator, phone: boolean) {
  await row.waitFor();
  if (!phone) return row.locator('td').allTextContents();
  const title = await row.locator('.ant-card-body > span.ant-typography').first().textContent();
  return [title ?? '', ...(await row.locator('.ant-card-body > div > div').allTextContents())];
}

describe('labour in the browser', () => {
  it('shows the order class: 86 graduates, 81 employed, 94.2 %, 5,500元 (desktop and 375 px)', async () => {
    for (const phone of [false, true]) {
      const page = await newPage(browser, phone ? PHONE : undefined);
      await signIn(page, app.url, 'hq_labour');
      await page.goto(`${app.url}/labour/classes`);
      const list = page.getByTestId('list-page');
      await list.getByText('94.2%').waitFor(); // this year's cohort; last year's (54 of 60) is 90.0%
      await list.getByText('5,500元').waitFor();
      await list.getByText('90.0%').waitFor();
      expect(await list.textContent()).toMatch(/88\D*86\D*81\D*94\.2%/);
      await screenshot(page, phone ? 'labour-classes-phone' : 'labour-classes');
      await page.context().close();
    }
  });

  it('shows the rate and the average wage on the dashboard of 富川, with last year', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_labour');
    await page.getByTestId('dashboard').waitFor();
    await page.goto(`${app.url}/?node=d:451123&period=Y${year}`);
    await page.getByTestId('kpi-labour.orderClassRate').getByText('94.2%').waitFor({ timeout: 30_000 });
    await page.getByTestId('kpi-labour.orderClassAverageWage').getByText('5,500元', { exact: true }).waitFor();
    await page.getByTestId('kpi-labour.orderClassAverageWage').getByText('去年同期 5,200元').waitFor();
    await page.waitForTimeout(800); // chart animations
    await screenshot(page, 'labour-dashboard-fuchuan');
    await page.context().close();
  });

  it('lists the employment ledger of 富川 masked, marks 脱贫人口, and audits a reveal (375 px)', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'fuchuan_labour');
    await page.goto(`${app.url}/labour/employments`);
    await page.getByText('共 31 条').waitFor();
    const masked = await page.getByTestId('list-page').locator('code').allTextContents();
    expect(masked.length).toBeGreaterThan(0);
    for (const m of masked) expect(m).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    await page.getByText('富川药膳师傅').first().waitFor();
    await screenshot(page, 'labour-employments-phone');
    await page
      .getByRole('button', { name: /查\s*看/ })
      .first()
      .click();
    expect(await page.locator('.ant-modal h4').textContent()).toMatch(/^451123\d{11}[\dX]$/);
    const audit = await app.services.database.query(
      "select actor_name from audit_log where action = 'reveal' and entity = 'labour_employment'",
    );
    expect(audit).toEqual([{ actor_name: 'fuchuan_labour' }]);
    await page.context().close();
  });

  it('shows the brand 富川药膳师傅 with its trainees and people employed, and adds and renames a labour station (desktop and 375 px)', async () => {
    for (const phone of [false, true]) {
      const page = await newPage(browser, phone ? PHONE : undefined);
      await signIn(page, app.url, 'hq_labour');
      await page.goto(`${app.url}/labour/brands`);
      const brand = rowOf(page.getByTestId('list-page'), '富川药膳师傅', phone);
      // 70 人次 in this and last year's cooking classes (24 of them 脱贫人口); 6 cooks employed, 5 at work, 3 脱贫人口
      expect((await cellsOf(brand, phone)).slice(0, 7)).toEqual(['富川药膳师傅', '富川瑶族自治县', '70', '24', '6', '5', '3']);
      await screenshot(page, phone ? 'labour-brands-phone' : 'labour-brands');

      await page.goto(`${app.url}/labour/stations`);
      const list = page.getByTestId('list-page');
      await list.getByText('富川驻佛山劳务工作站（演示）').waitFor();
      const name = phone ? '富川驻广州劳务工作站' : '富川驻中山劳务工作站';
      await page.getByRole('button', { name: '新增劳务工作站' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('劳务工作站', { exact: true }).fill(name);
      await searchAndPick(page, dialog, '所在地', phone ? '天河区' : '中山市', phone ? /广东省\/广州市/ : /广东省/);
      await dialog.locator('.ant-form-item').filter({ hasText: '服务县（区）' }).locator('.ant-select').first().click();
      await page.keyboard.type('富川');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /贺州市/ })
        .first()
        .click();
      await screenshot(page, phone ? 'labour-station-form-phone' : 'labour-station-form');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = rowOf(list, name, phone);
      await row.getByText('富川瑶族自治县').waitFor();
      // renamed by its edit form
      await row.getByRole('button', { name: /编\s*辑/ }).click();
      await dialog.getByLabel('劳务工作站', { exact: true }).fill(`${name}（新）`);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await list.getByText(`${name}（新）`).waitFor();
      const demo = rowOf(list, '富川驻佛山劳务工作站（演示）', phone);
      expect((await cellsOf(demo, phone)).slice(1, 3)).toEqual(['顺德区', '富川瑶族自治县']);
      await screenshot(page, phone ? 'labour-stations-phone' : 'labour-stations');
      await page.context().close();
    }
  }, 180_000); // two viewports, each a form with three division searches
});
