// Industry cooperation in the browser: HQ sees 1.78亿元 (178,000,000元) / 22 / 957 / 219 on 六盘水's dashboard, then the 22 enterprises introduced by 中山 with their investment in
// place and opens one's investment timeline; the 4 parks with 7 enterprises and 116 at work; the 15 workshops with 219 at work and a workshop's workers, ID
// numbers masked — on a fresh app with demo data, at desktop width and on a phone.

import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, type RunningApp, screenshot, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  await app.addUser('hq_industry', 'hq', { all: true });
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('industry in the browser', () => {
  it('shows the seed’s figures on the dashboard of 六盘水 for this half-year', async () => {
    const today = todayInBeijing();
    const period = `H${today.slice(0, 4)}-${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_industry');
    await page.goto(`${app.url}/?node=d:5202&period=${period}`);
    // the dashboard writes amounts as people read them: 178,000,000元 → 1.78亿元
    await page.getByTestId('kpi-industry.investmentInPlace').getByText('1.78亿元', { exact: true }).waitFor();
    await page.getByTestId('kpi-industry.enterprises').getByText('22', { exact: true }).waitFor();
    await page.getByTestId('kpi-industry.reportedJobs').getByText('957', { exact: true }).waitFor();
    await page.getByTestId('kpi-industry.workshopJobs').getByText('219', { exact: true }).waitFor();
    await page.getByTestId('kpi-industry.workshopJobs').scrollIntoViewIfNeeded();
    await screenshot(page, 'industry-dashboard');
    await page.context().close();
  });

  it('lists the 22 enterprises and opens an investment timeline', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_industry');
    await page.goto(`${app.url}/industry/enterprises`);
    await page.getByText('共 22 条').waitFor();
    await page.getByRole('button', { name: '中山家电协作企业01（演示） 投资到位情况' }).click();
    await page.getByText('中山家电协作企业01（演示） · 投资到位情况').waitFor();
    expect(await page.getByRole('dialog').getByRole('cell', { name: '实际到位投资' }).count()).toBe(2);
    await screenshot(page, 'industry-enterprises');
    await page.context().close();
  });

  it('lists the 4 co-built parks holding 7 enterprises and 116 people at work', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_industry');
    await page.goto(`${app.url}/industry/parks`);
    await page.getByRole('cell', { name: '水城经济开发区中山产业园（演示）' }).waitFor();
    const rows = page.locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(4);
    const sum = async (col: number) =>
      (await rows.locator(`td:nth-child(${col})`).allTextContents()).reduce((n, v) => n + Number(v.replace(/,/g, '')), 0);
    expect(await sum(4)).toBe(7);
    expect(await sum(5)).toBe(116);
    await screenshot(page, 'industry-parks');
    await page.context().close();
  });

  it('lists the workshops and a workshop’s workers with masked ID numbers, on a phone too', async () => {
    for (const [viewport, name] of [
      [undefined, 'industry-workshops'],
      [PHONE, 'industry-workshops-phone'],
    ] as const) {
      const page = await newPage(browser, viewport);
      await signIn(page, app.url, 'hq_industry');
      await page.goto(`${app.url}/industry/workshops`);
      await page.getByText('共 15 条').waitFor();
      await page.getByRole('button', { name: '服装加工帮扶车间01（演示） 务工人员' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByText('务工人员').first().waitFor();
      const ids = await drawer.locator('tbody tr.ant-table-row td:nth-child(2)').allTextContents();
      expect(ids).toHaveLength(15);
      for (const id of ids) expect(id).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      await screenshot(page, name);
      await page.context().close();
    }
  });
});
