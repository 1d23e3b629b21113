// Funds and projects in the browser, on a fresh app with demo data: HQ sees 中山's 1.6775亿元 of fiscal aid this
// year counted once (the transfers to the counties not added again); a 南口镇 town user sees only the town's 10
// lighting projects (民生实事, 社会帮扶资金 55万元), opens one and moves it on to 完工 (dated, audited, a place for
// its evidence); HQ passes part of a batch down to a county (资金下达) and sees it in the flow payer → county →
// projects, the total still counted once; a town user adds a project with all its fields; the flow as a Sankey
// chart (tooltips in 万元/亿元; a phone gets a card per county); the dashboard shows 1.68亿元 (1.6775亿元 on hover) once as sent and once
// as received at 全部, the pairing's team, 中山 and 六盘水 — at desktop and 375 px.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, type RunningApp, screenshot, searchAndPick, signIn, startApp } from './support';

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

  it('HQ sees the flow as a Sankey chart (中山市 → counties → project types, 万元/亿元 in its tooltips) above the table; a phone gets a card per county', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_funds');
    await page.goto(`${app.url}/funds/allocations`);
    await page.getByText('中协办〔', { exact: false }).first().waitFor();
    const [{ y }] = await app.services.database.query<{ y: number }>(
      "select max(budget_year) as y from funds_allocations where kind = 'fiscal'",
    );
    await pick(page, '资金性质', '财政援助资金');
    await pick(page, '年度', String(y ?? year));
    await page.getByTestId('allocation-total').getByText('1.6775亿元').waitFor();
    const sankey = page.getByTestId('fund-sankey');
    await sankey.locator('canvas').waitFor();
    await sankey.scrollIntoViewIfNeeded();
    const box = (await sankey.boundingBox())!;
    // the chart's three columns of nodes (series left 8, right 120, node width 20): payers, counties, project types
    const columns = [box.x + 18, box.x + 8 + (box.width - 128 - 20) / 2 + 10, box.x + box.width - 130];
    const seen: string[] = [];
    for (const x of columns) {
      for (let dy = 24; dy < box.height - 16; dy += 12) {
        await page.mouse.move(x, box.y + dy);
        await page.waitForTimeout(60);
        const tip = (await sankey.innerText()).trim();
        if (tip && !seen.includes(tip)) seen.push(tip);
      }
    }
    const tips = seen.join('\n---\n');
    // the payer node holds this year's batches once: 1.6775亿元; a county its share; a type what was committed to it
    expect(tips).toMatch(/中山市\s*1\.6775亿元/);
    expect(tips).toMatch(/水城区\s*2,000万元/);
    expect(tips).toMatch(/(尚未下达到项目|产业发展|基础设施|民生实事)\s*[\d,.]+(万元|亿元)/);
    await page.mouse.move(columns[0], box.y + box.height / 2);
    await sankey.getByText('1.6775亿元').waitFor();
    await screenshot(page, 'funds-sankey');
    await page.mouse.move(box.x - 40, box.y - 40); // the chart at rest, every label shown
    await page.waitForTimeout(500);
    await screenshot(page, 'funds-sankey-plain');
    // the table of the flow is still there, below the chart
    await page.getByTestId('fund-flow').getByRole('row').filter({ hasText: '水城区' }).first().waitFor();
    await page.context().close();

    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'hq_funds');
    await phone.goto(`${app.url}/funds/allocations`);
    const flow = phone.getByTestId('fund-flow');
    // the phone's flow: a card per county — payers → the county, then its projects' money by type
    const shuicheng = flow.getByTestId('fund-flow-county-520204000000');
    await shuicheng.getByText('中山市 2,000万元', { exact: false }).waitFor();
    await shuicheng
      .getByText(/^(产业发展|基础设施|民生实事|教育|医疗卫生|就业|乡村建设|其他) [\d,.]+万元$/)
      .first()
      .waitFor();
    expect(await phone.getByTestId('fund-sankey').count()).toBe(0);
    await shuicheng.scrollIntoViewIfNeeded();
    await screenshot(phone, 'funds-flow-phone');
    await flow.screenshot({ path: 'test-artifacts/funds-flow-phone-card.png' }); // the flow alone, at the phone's width
    await phone.context().close();
  });

  it('the dashboard shows 中山 → 六盘水 this year as 1.68亿元 (1.6775亿元 on hover) at 全部 (the programme level), the pairing’s team, 中山 and 六盘水 — never doubled', async () => {
    const [{ y }] = await app.services.database.query<{ y: number }>(
      "select max(budget_year) as y from funds_allocations where kind = 'fiscal'",
    );
    const [team] = await app.services.database.query<{ id: number }>("select id from teams where name = '中山市对口协作六盘水市工作队'");
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_funds');
    const cards = { sent: page.getByTestId('kpi-funds.fiscalSent'), received: page.getByTestId('kpi-funds.fiscalReceived') };
    for (const [node, sent, received] of [
      ['all', true, true],
      [`t:${team.id}`, true, true],
      ['d:4420', true, false],
      ['d:5202', false, true],
    ] as const) {
      await page.goto(`${app.url}/?node=${node}&period=Y${y}`);
      await page.getByTestId('kpi-group-funds').waitFor();
      for (const [card, shown] of [
        [cards.sent, sent],
        [cards.received, received],
      ] as const) {
        if (shown) await card.getByTitle('1.6775亿元').getByText('1.68亿元', { exact: true }).waitFor();
        else expect((await card.count()) === 0 || !(await card.innerText()).includes('亿元'), node).toBe(true);
      }
      expect(await page.getByText(/3\.36亿元|3\.355亿元/).count(), node).toBe(0);
      // the page is long (the figures table): the funds cards alone are what to look at
      if (node === 'all') await page.getByTestId('kpi-group-funds').screenshot({ path: 'test-artifacts/funds-dashboard-all-cards.png' });
    }
    await page.context().close();
    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'hq_funds');
    await phone.goto(`${app.url}/?node=d:5202&period=Y${y}`);
    await phone.getByTestId('kpi-funds.fiscalReceived').getByText('1.68亿元', { exact: true }).waitFor();
    await phone.getByTestId('kpi-funds.fiscalReceived').scrollIntoViewIfNeeded();
    await phone.getByTestId('kpi-group-funds').screenshot({ path: 'test-artifacts/funds-dashboard-liupanshui-phone-cards.png' });
    await phone.context().close();
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
    await page.getByRole('button', { name: '推进到「完工」' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByTestId('project-status').getByText('完工').waitFor();
    // the step is dated (today) and has its place for evidence
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const [y, m, d] = today.split('-').map(Number);
    await page.getByTestId('step-completed').getByText(`${y}年${m}月${d}日`).waitFor();
    await page
      .getByTestId('step-completed')
      .getByRole('button', { name: /上传完工照片/ })
      .waitFor(); // its evidence is asked for
    await screenshot(page, 'funds-project-stepped');
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

  it('HQ passes part of a batch down to a county; the flow shows payer → county → projects, the total still counted once', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_funds');
    await page.goto(`${app.url}/funds/allocations`);
    // this year's first batch from 中山 (5000万元, 4700万元 of it already passed on to three counties); its
    // transfers' rows name it too, under their own 文号, so the row is found by its own 文号, whole
    const [{ y }] = await app.services.database.query<{ y: number }>(
      "select max(budget_year) as y from funds_allocations where kind = 'fiscal'",
    );
    const first = page.getByRole('row').filter({ has: page.getByText(`中协办〔${y}〕1号（演示）`, { exact: true }) });
    await first.getByRole('button', { name: '转拨下级' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('剩余可转拨 300万元', { exact: false }).waitFor();
    await searchAndPick(page, dialog, '接收方', '钟山区', '520201000000');
    await dialog.getByLabel('文号').fill('六财农〔2026〕99号');
    await dialog.getByLabel('金额（元）').fill('3000001');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('剩余 3000000.00 元', { exact: false }).waitFor(); // the server's error, under the amount
    await screenshot(page, 'funds-allocation-passon-error');
    await dialog.getByLabel('金额（元）').fill('1000000');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' }); // saved: the dialog closes (its fields would match the filters' labels)
    await page.getByText('六财农〔2026〕99号').waitFor();
    await pick(page, '资金性质', '财政援助资金');
    await pick(page, '年度', String(y ?? year));
    await page.getByTestId('allocation-total').getByText('1.6775亿元').waitFor();
    const flow = page.getByTestId('fund-flow');
    const zhongshan = flow.getByRole('row').filter({ hasText: '钟山区' });
    await zhongshan.getByText('中山市').waitFor();
    await zhongshan.getByText('100万元').first().waitFor();
    const shuicheng = flow.getByRole('row').filter({ hasText: '水城区' }).first();
    await shuicheng.getByRole('button').first().click(); // opens onto the county's projects
    await flow.getByText('水城区的项目').waitFor();
    await screenshot(page, 'funds-flow');
    const audit = await app.services.database.query("select 1 from audit_log where entity = 'fund_allocation' and action = 'create'");
    expect(audit).toHaveLength(1);
    await page.context().close();
    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'hq_funds');
    await phone.goto(`${app.url}/funds/allocations`);
    await phone.getByText('六财农〔2026〕99号').waitFor();
    await screenshot(phone, 'funds-allocations-phone');
    await phone.context().close();
  });

  it('a town user adds a project with its villages, team and budget: a code already used is said under the field', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'staff_nankou');
    await page.goto(`${app.url}/funds/projects`);
    await page.getByText('共 10 条').waitFor();
    await page.getByRole('button', { name: '新建项目' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('项目编号').fill('NK-LD-01');
    await dialog.getByLabel('项目名称').fill('瑶上村道路亮化工程（二期）');
    const search = async (label: string, text: string, code: string) => {
      await dialog.getByLabel(label).click();
      await page.keyboard.type(text);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: code }).click();
    };
    await search('项目地点', '南口镇', '441403106000');
    await search('受益村', '瑶上村', '441403106219');
    await search('受益村', '南龙村', '441403106215');
    await page.keyboard.press('Escape');
    await dialog.getByLabel('实施单位').fill('南口镇人民政府');
    await searchAndPick(page, dialog, '责任工作队', '荔湾驻南口', '荔湾驻南口镇帮扶工作队', '荔湾驻南口镇帮扶工作队');
    await dialog.getByLabel('社会帮扶资金预算').fill('30000');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('项目编号已存在').waitFor();
    await screenshot(page, 'funds-project-new-error');
    await dialog.getByLabel('项目编号').fill('NK-LD-20');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('project-status').getByText('储备入库').waitFor();
    await page.getByText('3万元').first().waitFor();
    await page.getByText('荔湾驻南口镇帮扶工作队').waitFor();
    await page.getByText('瑶上村', { exact: false }).first().waitFor();
    await screenshot(page, 'funds-project-new-detail');
    const [row] = await app.services.database.query<{ village_codes: string[]; implementing_unit: string }>(
      "select village_codes, implementing_unit from funds_projects where code = 'NK-LD-20'",
    );
    expect(row.village_codes).toHaveLength(2);
    expect(row.implementing_unit).toBe('南口镇人民政府');
    await page.context().close();
  });
});
