// Funds and projects in the browser, on a fresh app with demo data: HQ sees 中山's 1.6775亿元 of fiscal aid this
// year counted once (the transfers to the counties not added again); a 南口镇 town user sees only the town's 10
// lighting projects (民生实事, 社会帮扶资金 55万元), opens one and moves it on to 完工 — at desktop and 375 px.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, type RunningApp, screenshot, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  await app.addUser('hq_funds', 'hq', { all: true });
  await app.addUser('staff_nankou', 'town_staff', { divisions: ['441403106000'] });
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const pick = async (page: Awaited<ReturnType<typeof newPage>>, label: string, option: string) => {
  await page.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
};

describe('funds in the browser', () => {
  it('HQ: this year’s fiscal aid from the payers is 1.6775亿元, the transfers not counted twice', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_funds');
    await page.goto(`${app.url}/funds/allocations`);
    await page.getByText('中协办〔', { exact: false }).first().waitFor();
    await pick(page, '资金性质', '财政援助资金');
    const [{ y }] = await app.services.database.query<{ y: number }>(
      "select max(budget_year) as y from funds_allocations where kind = 'fiscal'",
    );
    await pick(page, '年度', String(y ?? year));
    await page.getByTestId('allocation-total').getByText('1.6775亿元').waitFor();
    await page.getByText('六财农〔', { exact: false }).first().waitFor(); // the transfers are listed
    await screenshot(page, 'funds-allocations');
    await page.context().close();
  });

  it('a 南口镇 town user sees the town’s 10 lighting projects and moves one on to 完工', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'staff_nankou');
    await page.goto(`${app.url}/funds/projects`);
    await page.getByText('共 10 条').waitFor();
    expect(await page.getByText('民生实事').count()).toBe(10);
    await page.getByTestId('project-totals').getByText('预算 55万元', { exact: false }).waitFor();
    await screenshot(page, 'funds-projects');
    await page.getByRole('link', { name: '仙湖村道路亮化工程' }).click();
    await page.getByTestId('project-status').getByText('开工').waitFor();
    await page.getByText('社会帮扶资金').first().waitFor();
    await screenshot(page, 'funds-project-detail');
    await page.getByRole('button', { name: '推进到下一步' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByTestId('project-status').getByText('完工').waitFor();
    const audit = await app.services.database.query(
      "select actor_name from audit_log where entity = 'fund_project' and action = 'transition'",
    );
    expect(audit).toEqual([{ actor_name: 'staff_nankou' }]);
    await page.context().close();
  });

  it('lists the projects as cards on a phone (375 px)', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'staff_nankou');
    await page.goto(`${app.url}/funds/projects`);
    await page.getByText('梅瑞路道路亮化工程').waitFor();
    await screenshot(page, 'funds-projects-phone');
    await page.getByText('梅瑞路道路亮化工程').click();
    await page.getByTestId('project-status').waitFor();
    await screenshot(page, 'funds-project-detail-phone');
    await page.context().close();
  });

  it('a town user adds a project: a code already used is said under the field, then it is saved with its budget', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'staff_nankou');
    await page.goto(`${app.url}/funds/projects`);
    await page.getByText('共 10 条').waitFor();
    await page.getByRole('button', { name: '新建项目' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('项目编号').fill('NK-LD-01');
    await dialog.getByLabel('项目名称').fill('瑶上村道路亮化工程（二期）');
    // the registry's division search takes no id from the form: found by its form item
    await dialog.locator('.ant-form-item').filter({ hasText: '项目地点' }).locator('.ant-select').click();
    await page.keyboard.type('瑶上村');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '441403106219' }).click();
    await dialog.getByLabel('社会帮扶资金预算（元）').fill('30000');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.getByText('项目编号已存在').waitFor();
    await screenshot(page, 'funds-project-new-error');
    await dialog.getByLabel('项目编号').fill('NK-LD-20');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('project-status').getByText('储备入库').waitFor();
    await page.getByText('3万元').first().waitFor();
    await page.context().close();
  });
});
