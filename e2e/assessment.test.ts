// Assessment in the browser, on a fresh app with demo data: the 四会 → 富川 agreement with live progress, signed by
// the helper side; then the demo East–West cycle through every step of the calendar — Guangxi's self-assessment, the
// paired side's opinion (四会), cross-check, a field-check sample of Guangxi's employment records with one record
// not verified (a forced re-check, then a second round), a reviewer's score, Guangxi's appeal, final (locked) — and
// a what-if that changes a grade; at desktop width and on a 375 px phone.

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, choose, launchBrowser, newPage, PHONE, type RunningApp, screenshot, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;
let cycleId: number;
let agreementId: number;

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  await app.addUser('hq_assess', 'hq', { all: true });
  await app.addUser('gx_assess', 'town_staff', { divisions: ['450000000000'] });
  await app.addUser('sihui_assess', 'team_leader', { divisions: ['441284000000'] });
  const cycles = (await app.services.database.query<{ id: number }>(
    `select id from assessment_cycles where name like '%东西部协作考核%'`,
  )) as { id: number }[];
  cycleId = cycles[0].id;
  const agreements = await app.services.database.query<{ id: number }>(
    `select id from assessment_agreements where helped_division_code = '451123000000'`,
  );
  agreementId = agreements[0].id;
  browser = await launchBrowser();
}, 480_000); // the demo seed of every module, on a shared machine
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const option = (page: Page, text: string) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();

async function advance(page: Page, from: string) {
  await page.getByRole('button', { name: `完成「${from}」，进入下一环节` }).click();
}

describe('assessment in the browser', () => {
  it('the annual agreement: targets with live progress, signed by the helper side', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'sihui_assess');
    await page.goto(`${app.url}/assessment/agreements`);
    await page.getByRole('link', { name: '四会市 → 富川瑶族自治县' }).click();
    await page.getByText('协议目标').waitFor();
    await page.getByRole('button', { name: '帮扶方签署', exact: true }).click();
    await page.getByLabel('签署人').fill('四会市 张三');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page
      .getByText(/帮扶方已签署：.*四会市 张三（工作队队长）/)
      .first()
      .waitFor();
    expect(await page.getByText('受帮扶方未签署').count()).toBeGreaterThan(0);
    await screenshot(page, 'assessment-agreement');
    await page.context().close();
    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'sihui_assess');
    await phone.goto(`${app.url}/assessment/agreements/${agreementId}`);
    await phone.getByText('协议目标').waitFor();
    // the targets table scrolls inside its card; the page itself does not scroll sideways
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await screenshot(phone, 'assessment-agreement-phone');
    await phone.context().close();
  }, 180_000);

  it('one cycle through every step: self-assessment, opinion, cross-check, field check with a forced re-check, review, appeal, final; then a what-if', async () => {
    const url = `${app.url}/assessment/cycles/${cycleId}`;
    // 自评: Guangxi sees only its own score and submits its self-assessment
    const gx = await newPage(browser);
    await signIn(gx, app.url, 'gx_assess');
    await gx.goto(url);
    await gx.getByRole('cell', { name: '广西壮族自治区', exact: true }).waitFor();
    expect(await gx.getByRole('cell', { name: '广东省', exact: true }).count()).toBe(0);
    // its own self-assessment report to download, and the scoring table of its own rows
    expect(await gx.getByRole('button', { name: '下载自评报告 广西壮族自治区' }).count()).toBe(1);
    expect(await gx.getByRole('button', { name: '下载评分表' }).count()).toBe(1);
    await gx.locator('.ant-select').first().click();
    await option(gx, '广西壮族自治区');
    await gx.getByLabel('party-note').fill('自评：协议目标正在推进');
    await gx.getByRole('button', { name: '提交自评' }).click();
    await gx.getByText(/自评 · 广西壮族自治区 · gx_assess（镇村工作人员）：自评：协议目标正在推进/).waitFor();
    await screenshot(gx, 'assessment-self');
    // its evidence binder (佐证材料), under its items: a file added shows in the list
    await gx.locator('tr', { hasText: '广西壮族自治区' }).locator('.ant-table-row-expand-icon').click();
    const binder = gx.getByTestId('attachments-assessment-party-evidence');
    await binder.getByTestId('attachments-input').setInputFiles({
      name: '东西部协作联席会议纪要.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await binder.getByText('东西部协作联席会议纪要.pdf').waitFor();
    await binder.scrollIntoViewIfNeeded();
    await screenshot(gx, 'assessment-evidence');

    const hq = await newPage(browser);
    await signIn(hq, app.url, 'hq_assess');
    await hq.goto(url);
    await hq.getByRole('cell', { name: '贵州省', exact: true }).waitFor();
    await advance(hq, '自评');
    await hq.getByRole('button', { name: '完成「结对方意见」，进入下一环节' }).waitFor();

    // 结对方意见: the 四会 side gives its opinion on Guangxi
    const sh = await newPage(browser);
    await signIn(sh, app.url, 'sihui_assess');
    await sh.goto(url);
    await sh.locator('.ant-select').first().click();
    await option(sh, '广西壮族自治区');
    await sh.getByLabel('party-note').fill('结对方意见：同意自评');
    await sh.getByRole('button', { name: '提交结对方意见' }).click();
    await sh.getByText(/结对方意见 · 广西壮族自治区 · sihui_assess/).waitFor();
    await sh.context().close();

    await hq.reload();
    await advance(hq, '结对方意见');
    await advance(hq, '交叉检查');
    await hq.getByText('实地核查抽样').waitFor();

    // 实地核查: five of Guangxi's employment records; one not verified → more than 10 % off → re-check forced
    const field = hq.locator('.ant-card', { hasText: '实地核查抽样' });
    await choose(hq, field, '被考核对象', '广西壮族自治区');
    await choose(hq, field, '考核项目', '帮助农村劳动力就业');
    await field.getByRole('button', { name: '抽 样' }).click();
    // each record as a checker finds it: the person's masked name and employer, at the town and village — no hash
    await field
      .getByText(/^[^ ]\*+ · .+（.+）$/)
      .first()
      .waitFor();
    expect(await field.getByText(/^p:/).count()).toBe(0);
    await field.getByRole('button', { name: '不属实' }).first().click();
    await field.getByText('第 1 轮').first().waitFor();
    for (let i = 0; i < 4; i++) {
      await field.getByRole('button', { name: '核 实' }).first().click();
      await hq.waitForTimeout(300);
    }
    await field.getByText(/须复核（重新抽样）/).waitFor();
    await screenshot(hq, 'assessment-recheck');
    await advance(hq, '实地核查');
    await hq.getByText(/须复核后才能进入下一环节/).waitFor();
    await field.getByRole('button', { name: '抽 样' }).click();
    await field.getByText('第 2 轮').first().waitFor();
    while ((await field.getByRole('button', { name: '核 实' }).count()) > 0) {
      await field.getByRole('button', { name: '核 实' }).first().click();
      await hq.waitForTimeout(300);
    }
    await field
      .getByText(/第 2 轮/)
      .first()
      .waitFor();
    await advance(hq, '实地核查');

    // 评审: a reviewer scores Guangxi's 组织领导 item
    await hq.getByRole('button', { name: '完成「评审」，进入下一环节' }).waitFor();
    await hq.locator('tr', { hasText: '广西壮族自治区' }).locator('.ant-table-row-expand-icon').click();
    // the item's own row (its party's expanded row holds every item and so every 打分 button)
    await hq.locator('tr.ant-table-row', { hasText: '党政主要领导研究部署' }).getByRole('button', { name: '打 分' }).click();
    await hq.getByLabel('得分').fill('7');
    await hq.getByRole('button', { name: /保\s*存/ }).click();
    await hq.getByText(/hq_assess：7/).waitFor();
    await screenshot(hq, 'assessment-review');
    await advance(hq, '评审');

    // 申诉: Guangxi appeals; HQ closes the appeal and the cycle is final and locked
    await gx.reload();
    await gx.locator('.ant-select').first().click();
    await option(gx, '广西壮族自治区');
    await gx.getByLabel('party-note').fill('申诉：培训人次漏报');
    await gx.getByRole('button', { name: '提交申诉' }).click();
    await gx.getByText(/申诉 · 广西壮族自治区/).waitFor();
    await gx.context().close();
    await hq.reload();
    await advance(hq, '申诉');
    await hq.getByText('终审结果（已锁定）').waitFor();
    await hq.getByText('已终审锁定').first().waitFor();
    await screenshot(hq, 'assessment-final');
    // the outputs: the scoring table and Guangxi's self-assessment report
    const [table] = await Promise.all([hq.waitForEvent('download'), hq.getByRole('button', { name: '下载评分表' }).click()]);
    expect(table.suggestedFilename()).toMatch(/东西部协作考核（演示）评分表\.xlsx$/);
    await table.saveAs(join(ARTIFACTS, 'assessment-score-table.xlsx'));
    const [report] = await Promise.all([
      hq.waitForEvent('download'),
      hq.getByRole('button', { name: '下载自评报告 广西壮族自治区' }).click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/^广西壮族自治区\d{4}年度东西部协作考核自评报告\.docx$/);
    await report.saveAs(join(ARTIFACTS, 'assessment-self-report-demo.docx'));

    // 情景推演: lower cut-offs turn a grade
    const whatIf = hq.locator('.ant-card', { hasText: '情景推演' });
    await whatIf.getByLabel('cutoff-good').fill('5');
    await whatIf.getByLabel('cutoff-fairlyGood').fill('3');
    await whatIf.getByLabel('cutoff-average').fill('1');
    await whatIf.getByRole('button', { name: '推 演' }).click();
    await whatIf.getByText('等次变化').first().waitFor();
    await screenshot(hq, 'assessment-whatif');
    await hq.context().close();

    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'hq_assess');
    await phone.goto(url);
    await phone.getByText('终审结果（已锁定）').waitFor();
    await screenshot(phone, 'assessment-cycle-phone');
    await phone.context().close();
  }, 600_000);
});
