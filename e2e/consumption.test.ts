// 消费帮扶 in the browser: the sales ledger with the demo's totals (采购 and 帮销 counted once), a sale the 832
// platform and a buyer unit both reported resolved in place, the products with an expired certificate flagged,
// and the same pages on a 375 px phone — on a fresh app with demo data.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, type RunningApp, screenshot, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  await app.addUser('hq_consumption', 'hq', { all: true });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const countedDuplicates = async () =>
  (
    await app.services.database.query<{ state: string | null }>(
      'select duplicate_state as state from consumption_sales where duplicate_of is not null',
    )
  ).map((r) => r.state);

describe('consumption assistance in the browser', () => {
  it('shows the sales with their totals; HQ resolves a sale reported twice as a duplicate', async () => {
    expect(await countedDuplicates()).toEqual(['pending']);
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_consumption');
    await page.goto(`${app.url}/consumption/sales`);
    await page.getByText('消费帮扶销售采购台账').waitFor();
    await page.getByText('疑似重复待确认').waitFor();
    await screenshot(page, 'consumption-sales');
    await page.getByRole('switch', { name: '只看疑似重复' }).click();
    await page.getByText('共 1 条').waitFor();
    await page.getByText(/与第\d+号记录疑似重复/).waitFor();
    await screenshot(page, 'consumption-sales-duplicate');
    await page.getByRole('button', { name: '确认重复' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText(/与第\d+号记录疑似重复/).waitFor({ state: 'detached' }); // no longer pending: off the filtered list
    expect(await countedDuplicates()).toEqual(['confirmed']);
    await screenshot(page, 'consumption-sales-resolved');
    await page.context().close();
  });

  it('flags products whose certificate has expired', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_consumption');
    await page.goto(`${app.url}/consumption/products`);
    await page.getByText('认定已过期').first().waitFor();
    await page.getByRole('switch', { name: '只看已过期' }).click();
    await page.getByText('共 1 条').waitFor();
    await page.getByText('客家腌面').waitFor();
    await screenshot(page, 'consumption-products-expired');
    await page.goto(`${app.url}/consumption/fairs`);
    await page.getByText('粤桂消费帮扶产销对接会（绿博城）').waitFor();
    await screenshot(page, 'consumption-fairs');
    await page.context().close();
  });

  it('the public catalogue opens without signing in on a 375 px phone, searchable, without non-public fields', async () => {
    const page = await newPage(browser, PHONE);
    await page.goto(`${app.url}/catalogue`);
    await page.getByRole('heading', { name: '消费帮扶产品目录' }).waitFor();
    await page.getByText('富川脐橙').waitFor();
    await page.getByLabel('产地').selectOption({ label: '富川瑶族自治县' });
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByText('共 4 个认定产品').waitFor();
    await screenshot(page, 'consumption-catalogue-phone');
    const text = await page.locator('body').innerText();
    const codes = await app.services.database.query<{ c: string }>('select credit_code as c from consumption_suppliers');
    for (const { c } of codes) expect(text).not.toContain(c);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.context().close();
  });

  it('works on a 375 px phone: the sales as cards, the totals above them', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'hq_consumption');
    await page.goto(`${app.url}/consumption/sales`);
    await page.getByText('消费帮扶销售采购台账').waitFor();
    await page.getByText('其中采购').waitFor();
    await screenshot(page, 'consumption-sales-phone');
    await page.goto(`${app.url}/consumption/products`);
    await page.getByText('认定已过期').first().waitFor();
    await screenshot(page, 'consumption-products-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await page.context().close();
  });
});
