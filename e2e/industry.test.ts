// Industry cooperation in the browser, on a fresh app with demo data: HQ sees 1.78亿元 / 22 / 957 / 219 on 六盘水's
// dashboard with last year beside them; the 22 enterprises introduced by 中山 and one's page with its investment
// timeline; the 4 parks with 7 enterprises and 116 at work; the 15 workshops with 219 at work, a workshop's page
// with its workers (ID numbers masked, 其中脱贫人口 from the roster); HQ files a new enterprise (a wrong credit code is
// refused under its field first) and its investment (a warning, then the server's refusal, when in place would pass
// signed); a worker already at work in another workshop is refused under the start date; the map of enterprises
// and workshops over the pairing map and the ranking of helper cities — at desktop width and on a 375 px phone.

import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { creditCodeCheckChar } from '@xiezuo/shared/codes/creditCode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refresherOf } from '../packages/server/src/modules/indicators/service';
import { ARTIFACTS, choose, launchBrowser, newPage, PHONE, type RunningApp, screenshot, searchAndPick, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  await app.addUser('hq_industry', 'hq', { all: true });
  await app.addUser('lps_staff', 'town_staff', { divisions: ['520200000000'] }); // 六盘水's own staff
  await refresherOf(app.services).runOnce(); // the dashboard's figures of the demo, before the first test reads them
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const save = (page: Page) =>
  page
    .locator('.ant-modal:visible .ant-modal-footer')
    .getByRole('button', { name: /保\s*存/ })
    .click();
/** Picks a division in the picker labelled `label` by typing `q` and choosing the hit with `code`, until `chosen` shows. */
const pickDivision = (page: Page, label: string, q: string, code: string, chosen: string) =>
  searchAndPick(page, page.locator('.ant-modal:visible'), label, q, code, chosen);
/** A page that waits longer than the default: the machine the tests share is often busy. */
async function busyPage(b: Browser, viewport?: typeof PHONE) {
  const page = await newPage(b, viewport);
  page.setDefaultTimeout(45_000);
  return page;
}
/** How wide a card's title is drawn (0 when buttons beside it squeeze it out of sight). */
const titleWidth = async (page: Page, title: string) =>
  (await page.locator('.ant-card-head-title').filter({ hasText: title }).first().boundingBox())?.width ?? 0;
/** The widest element on the page: nothing wider than the phone. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** This half-year, as the dashboard names it (H2026-2). */
function halfYear() {
  const today = todayInBeijing();
  return `H${today.slice(0, 4)}-${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
}
/** The dashboard's figures table (主要指标) as [indicator, this period, same period last year] rows, in order. */
async function figureRows(page: Page): Promise<string[][]> {
  const table = page.locator('.ant-card').filter({ hasText: '主要指标' }).locator('tbody tr.ant-table-row');
  await table.filter({ hasText: '引进企业' }).first().waitFor({ timeout: 60_000 });
  return (await table.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())))).map((r) =>
    r.slice(0, 3),
  );
}
/** The row named `name` and the `n - 1` rows under it (its 其中 rows). */
function rowsFrom(rows: string[][], name: string, n: number) {
  const i = rows.findIndex((r) => r[0] === name);
  return i < 0 ? [] : rows.slice(i, i + n);
}

describe('industry in the browser', () => {
  it('shows the seed’s figures on the dashboard of 六盘水 for this half-year, with last year beside them', async () => {
    const today = todayInBeijing();
    const period = `H${today.slice(0, 4)}-${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
    const page = await busyPage(browser);
    await signIn(page, app.url, 'hq_industry');
    await page.goto(`${app.url}/?node=d:5202&period=${period}`);
    // the dashboard writes amounts as people read them: 178,000,000元 → 1.78亿元
    const inPlace = page.getByTestId('kpi-industry.investmentInPlace');
    await inPlace.getByText('1.78亿元', { exact: true }).waitFor({ timeout: 60_000 }); // a busy machine draws the dashboard slowly
    await page.getByTestId('kpi-industry.enterprises').getByText('22', { exact: true }).waitFor();
    await page.getByTestId('kpi-industry.reportedJobs').getByText('957', { exact: true }).waitFor();
    await page.getByTestId('kpi-industry.workshopJobs').getByText('219', { exact: true }).waitFor();
    // year over year: the same half-year last year had 1.2亿元 in place (+48.3 %) and 10 workshops
    await inPlace.getByText(/去年同期\s*1\.2亿元/).waitFor();
    expect(await inPlace.innerText()).toMatch(/同比\s*\+48\.3%/);
    await page.getByTestId('kpi-industry.workshopJobs').scrollIntoViewIfNeeded();
    await screenshot(page, 'industry-dashboard');
    await page.context().close();
  }, 240_000);

  it('shows 六盘水’s staff the three seed cases in the dashboard’s figures, each with the same period last year', async () => {
    const page = await busyPage(browser);
    await signIn(page, app.url, 'lps_staff');
    await page.goto(`${app.url}/?node=d:5202&period=${halfYear()}`);
    const rows = await figureRows(page);
    // 22 / 1.78亿元 / 957 (last year 15 / 1.2亿元 / 450)
    expect(rowsFrom(rows, '引进企业', 2)).toEqual([
      ['引进企业', '22家', '15'],
      ['其中入驻园区', '7家', '7'],
    ]);
    expect(rowsFrom(rows, '实际到位投资', 1)).toEqual([['实际到位投资', '1.78亿元', '1.2亿元']]);
    expect(rowsFrom(rows, '企业吸纳就业（企业报送）', 1)).toEqual([['企业吸纳就业（企业报送）', '957人', '450']]);
    // 4 parks, 7 enterprises in them, 116 at work of whom 15 脱贫人口
    expect(rowsFrom(rows, '共建产业园区', 3)).toEqual([
      ['共建产业园区', '4个', '4'],
      ['园区吸纳就业', '116人', '116'],
      ['其中脱贫人口', '15人', '15'],
    ]);
    // 15 workshops with 219 at work, of whom 112 脱贫人口 (last year 10 and 150)
    expect(rowsFrom(rows, '运营帮扶车间', 3)).toEqual([
      ['运营帮扶车间', '15个', '10'],
      ['帮扶车间吸纳就业', '219人', '150'],
      ['其中脱贫人口', '112人', '112'],
    ]);
    await page
      .getByRole('row', { name: /^共建产业园区/ })
      .first()
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/industry-dashboard-figures.png` });
    await page.context().close();
  }, 240_000);

  it('credits the same records to 中山 on its own dashboard (帮扶方)', async () => {
    const page = await busyPage(browser);
    await signIn(page, app.url, 'hq_industry');
    await page.goto(`${app.url}/?node=d:4420&period=${halfYear()}`);
    // 中山's own cards: the helper side's; the helped side's (all zero here) fold away
    const cards = page.getByTestId('kpi-group-industry');
    await cards.getByTestId('kpi-industry.enterprisesSent').getByText('22', { exact: true }).waitFor({ timeout: 60_000 });
    await cards.getByTestId('kpi-industry.investmentSent').getByText('1.78亿元', { exact: true }).waitFor();
    await cards.getByTestId('kpi-industry.reportedJobsSent').getByText('957', { exact: true }).waitFor();
    await cards.getByTestId('kpi-industry.workshopJobsHelper').getByText('219', { exact: true }).waitFor();
    expect(await cards.getByTestId('kpi-industry.enterprises').count()).toBe(0);
    await cards.screenshot({ path: `${ARTIFACTS}/industry-dashboard-zhongshan-cards.png` });
    const rows = await figureRows(page);
    expect(rowsFrom(rows, '引进企业（帮扶方）', 4)).toEqual([
      ['引进企业（帮扶方）', '22家', '15'],
      ['其中入驻园区', '7家', '7'],
      ['引导企业到位投资（帮扶方）', '1.78亿元', '1.2亿元'],
      ['引进企业吸纳就业（企业报送，帮扶方）', '957人', '450'],
    ]);
    expect(rowsFrom(rows, '共建产业园区（帮扶方）', 3)).toEqual([
      ['共建产业园区（帮扶方）', '4个', '4'],
      ['园区吸纳就业（帮扶方）', '116人', '116'],
      ['其中脱贫人口', '15人', '15'],
    ]);
    expect(rowsFrom(rows, '帮扶车间（帮扶方）', 3)).toEqual([
      ['帮扶车间（帮扶方）', '15个', '10'],
      ['帮扶车间吸纳就业（帮扶方）', '219人', '150'],
      ['其中脱贫人口', '112人', '112'],
    ]);
    await page.context().close();
  }, 240_000);

  it('lists the 22 enterprises and opens one’s page with its investment timeline', async () => {
    const page = await busyPage(browser);
    await signIn(page, app.url, 'hq_industry');
    await page.goto(`${app.url}/industry/enterprises`);
    await page.getByText('共 22 条').waitFor();
    await page.getByRole('link', { name: '中山家电协作企业01（演示）' }).click();
    await page.waitForURL(/\/industry\/enterprises\/\d+$/);
    // signed once, in place last year and this year, each row with the totals reached that day
    const timeline = page.locator('.ant-card').filter({ hasText: '投资到位情况' });
    await timeline.getByRole('cell', { name: '协议投资' }).waitFor();
    expect(await timeline.getByRole('cell', { name: '实际到位投资' }).count()).toBe(2);
    expect(await page.getByTestId('enterprise-in-place').innerText()).toBe('1,600万元');
    await screenshot(page, 'industry-enterprise');
    await page.context().close();
  }, 240_000);

  it('lists the 4 co-built parks holding 7 enterprises and 116 people at work', async () => {
    const page = await busyPage(browser);
    await signIn(page, app.url, 'hq_industry');
    await page.goto(`${app.url}/industry/parks`);
    await page.getByRole('cell', { name: '水城经济开发区中山产业园（演示）', exact: true }).waitFor();
    const rows = page.locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(4);
    const sum = async (col: number) =>
      (await rows.locator(`td:nth-child(${col})`).allTextContents()).reduce((n, v) => n + Number(v.replace(/,/g, '')), 0);
    expect(await sum(4)).toBe(7);
    expect(await sum(5)).toBe(116);
    await screenshot(page, 'industry-parks');
    await page.context().close();
  }, 240_000);

  it('ranks the helper cities by investment in place this year and maps enterprises and workshops by county', async () => {
    const page = await busyPage(browser);
    await signIn(page, app.url, 'hq_industry');
    await page.goto(`${app.url}/industry/ranking`);
    const zs = page.locator('tbody tr.ant-table-row').filter({ hasText: '中山市' });
    await zs.waitFor();
    expect(await zs.locator('td').allInnerTexts()).toEqual(['1', '中山市', '1.78亿元', '', expect.stringMatching(/元$/), '22']);
    await screenshot(page, 'industry-ranking');

    await page.goto(`${app.url}/industry/map`);
    await page.getByTestId('pairing-map').locator('canvas').first().waitFor();
    const rows = page.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.locator('td:nth-child(1)').allInnerTexts()).toEqual(['六枝特区', '水城区', '盘州市']);
    const sum = async (col: number) =>
      (await rows.locator(`td:nth-child(${col})`).allTextContents()).reduce((n, v) => n + Number(v.replace(/,/g, '')), 0);
    expect(await sum(2)).toBe(22);
    expect(await sum(4)).toBe(15);
    expect(await sum(5)).toBe(219);
    await screenshot(page, 'industry-map');
    // a county's workshops from the map's table
    await rows.filter({ hasText: '水城区' }).getByRole('link').nth(1).click();
    await page.getByText('共 5 条').waitFor();
    await page.context().close();
  }, 240_000);

  it('opens a workshop’s page: its workers with masked ID numbers and 其中脱贫人口 from the roster, on a phone too', async () => {
    for (const [viewport, name] of [
      [undefined, 'industry-workshop'],
      [PHONE, 'industry-workshop-phone'],
    ] as const) {
      const page = await busyPage(browser, viewport);
      await signIn(page, app.url, 'hq_industry');
      await page.goto(`${app.url}/industry/workshops`);
      await page.getByText('共 15 条').waitFor();
      await page.getByRole('button', { name: '导入务工人员' }).waitFor(); // the workers' import, told from the workshops' 导入
      if (viewport) await screenshot(page, 'industry-workshops-phone');
      await page.getByRole('link', { name: '服装加工帮扶车间01（演示）' }).click();
      await page.waitForURL(/\/industry\/workshops\/\d+$/);
      await page.getByText('共 15 条').waitFor();
      expect(await page.getByTestId('workshop-workers').innerText()).toBe('15');
      expect(await page.getByTestId('workshop-lifted').innerText()).toBe('15');
      const ids = await page.locator('code').allInnerTexts(); // the masked ID numbers, in the table or the phone's cards
      expect(ids).toHaveLength(15);
      for (const id of ids) expect(id).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      await screenshot(page, name);
      if (viewport) expect(await pageWidth(page)).toBeLessThanOrEqual(375);
      // its operator is an introduced enterprise: a link to that enterprise's page
      await page.locator('.ant-descriptions').getByRole('link').first().click();
      await page.waitForURL(/\/industry\/enterprises\/\d+$/);
      await page.getByText('投资到位情况').waitFor();
      await page.context().close();
    }
  }, 240_000);

  it('files a new enterprise: a wrong credit code is refused under its field, then its investment, warned before in place passes signed', async () => {
    const page = await busyPage(browser);
    await signIn(page, app.url, 'hq_industry');
    await page.goto(`${app.url}/industry/enterprises`);
    await page.getByRole('button', { name: '新增企业' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByLabel('企业名称').fill('中山新能源电池协作企业（测试）');
    const first17 = '91442000MA5999999';
    const good = first17 + creditCodeCheckChar(first17);
    const bad = first17 + (good[17] === '1' ? '2' : '1');
    await modal.getByLabel('统一社会信用代码').fill(bad);
    await pickDivision(page, '来源地', '中山市', '442000000000', '中山市');
    await pickDivision(page, '落地地区', '水城', '520204000000', '水城区');
    await choose(page, page.locator('.ant-modal:visible'), '所属行业', 'C 制造业');
    await save(page);
    await modal.getByText('统一社会信用代码不正确').waitFor();
    await screenshot(page, 'industry-new-enterprise-error');
    await modal.getByLabel('统一社会信用代码').fill(good);
    await save(page);
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('共 23 条').waitFor();
    await page.getByPlaceholder('企业名称或信用代码').fill('新能源');
    await page.getByPlaceholder('企业名称或信用代码').press('Enter');
    await page.getByRole('link', { name: '中山新能源电池协作企业（测试）' }).click();
    await page.waitForURL(/\/industry\/enterprises\/\d+$/);

    // in place with nothing signed: warned in the form, refused by the server under the amount
    await page.getByRole('button', { name: '登记投资' }).click();
    await modal.getByLabel('金额（万元）').fill('300');
    await page.getByTestId('over-signed').waitFor();
    await save(page);
    await modal
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: /^实际到位投资（300万元）不能超过协议投资（.+）$/ })
      .waitFor();
    await screenshot(page, 'industry-investment-over-signed');
    await choose(page, page.locator('.ant-modal:visible'), '类别', '协议投资');
    await modal.getByLabel('金额（万元）').fill('500');
    await save(page);
    await modal.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '登记投资' }).click();
    await modal.getByLabel('金额（万元）').fill('300');
    expect(await page.getByTestId('over-signed').count()).toBe(0);
    await save(page);
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('enterprise-in-place').innerText()).toBe('300万元');
    const timeline = page.locator('.ant-card').filter({ hasText: '投资到位情况' });
    expect(await timeline.locator('tbody tr.ant-table-row').count()).toBe(2);
    await screenshot(page, 'industry-new-enterprise');
    await page.context().close();
  }, 240_000);

  it('refuses a worker already at work in another workshop for the same dates, under the start date (phone)', async () => {
    const page = await busyPage(browser, PHONE);
    await signIn(page, app.url, 'hq_industry');
    // someone at work in workshop 01: their ID number, revealed (audited)
    await page.goto(`${app.url}/industry/workshops`);
    await page.getByRole('link', { name: '服装加工帮扶车间01（演示）' }).click();
    await page.waitForURL(/\/industry\/workshops\/\d+$/);
    await page.getByText('共 15 条').waitFor();
    await page
      .getByRole('button', { name: /查\s*看/ })
      .first()
      .click();
    const idNumber = (await page.locator('.ant-modal:visible h4').innerText()).trim();
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    await page.locator('.ant-modal:visible .ant-modal-close').click();
    // …filed again in workshop 02
    await page.goto(`${app.url}/industry/workshops`);
    await page.getByRole('link', { name: '电子组装帮扶车间02（演示）' }).click();
    await page.waitForURL(/\/industry\/workshops\/\d+$/);
    await page.getByText('共 15 条').waitFor();
    await page.getByRole('button', { name: '登记务工人员' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByLabel('姓名').fill('重复登记（测试）');
    await modal.getByLabel('身份证号').fill(idNumber);
    await save(page);
    await modal.getByText(/^此人同期已在「服装加工帮扶车间01（演示）」务工登记，不能重复计算$/).waitFor();
    await screenshot(page, 'industry-worker-overlap-phone');
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    // they left workshop 01 yesterday (编辑: 务工结束日期); then they may start in 02 today
    const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    const openWorkshop = async (name: string) => {
      await page.goto(`${app.url}/industry/workshops`);
      await page.getByRole('link', { name }).click();
      await page.waitForURL(/\/industry\/workshops\/\d+$/);
      await page.getByText('共 15 条').waitFor();
    };
    await openWorkshop('服装加工帮扶车间01（演示）');
    await page
      .getByRole('button', { name: /^编辑 / })
      .first()
      .click();
    await modal.getByText('编辑务工人员').waitFor();
    await modal.getByLabel('务工结束日期').fill(yesterday);
    await modal.getByLabel('务工结束日期').press('Enter');
    await screenshot(page, 'industry-worker-edit-phone');
    await save(page);
    await modal.waitFor({ state: 'hidden' });
    await openWorkshop('电子组装帮扶车间02（演示）');
    await page.getByRole('button', { name: '登记务工人员' }).click();
    await modal.getByLabel('姓名').fill('重复登记（测试）');
    await modal.getByLabel('身份证号').fill(idNumber);
    await save(page);
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('共 16 条').waitFor();
    await page.context().close();
  }, 240_000);

  it('shows the new-enterprise form and the enterprise page on a phone', async () => {
    const page = await busyPage(browser, PHONE);
    await signIn(page, app.url, 'hq_industry');
    await page.goto(`${app.url}/industry/enterprises`);
    await page.getByText('共 23 条').waitFor();
    await page.getByRole('button', { name: '新增企业' }).click();
    await page.locator('.ant-modal:visible').getByLabel('企业名称').waitFor();
    await screenshot(page, 'industry-new-enterprise-phone');
    await page.locator('.ant-modal:visible .ant-modal-close').click();
    await page.getByRole('link', { name: '中山家电协作企业01（演示）' }).click();
    await page.getByTestId('enterprise-in-place').waitFor();
    await screenshot(page, 'industry-enterprise-phone');
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await page.context().close();
  }, 240_000);

  it('fits the parks, the ranking, the map’s counties and an enterprise’s investment timeline on a phone (cards, no sideways scroll)', async () => {
    const page = await busyPage(browser, PHONE);
    await signIn(page, app.url, 'lps_staff');
    await page.goto(`${app.url}/industry/parks`);
    await page.getByText('水城经济开发区中山产业园（演示）').waitFor();
    expect(await page.getByTestId('list-card').count()).toBe(4);
    expect(await titleWidth(page, '共建产业园区')).toBeGreaterThan(80); // the title stays visible above the buttons
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'industry-parks-phone');
    await page.goto(`${app.url}/industry/ranking`);
    await page.getByTestId('list-card').filter({ hasText: '1. 中山市' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'industry-ranking-phone');
    await page.goto(`${app.url}/industry/map`);
    await page.getByTestId('list-card').filter({ hasText: '水城区' }).waitFor();
    expect(await titleWidth(page, '产业协作地图')).toBeGreaterThan(80); // the map's filters sit under its title
    expect(await page.getByTestId('list-card').count()).toBe(3);
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'industry-map-phone');
    await page.goto(`${app.url}/industry/enterprises`);
    await page.getByRole('link', { name: '中山家电协作企业01（演示）' }).click();
    const timeline = page.getByTestId('list-page').filter({ hasText: '投资到位情况' });
    await timeline.getByTestId('list-card').first().waitFor();
    expect(await timeline.getByTestId('list-card').count()).toBe(3);
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await page.context().close();
  }, 240_000);
});
