// 防返贫监测 in the browser: the list (masked, scoped), the worklist, a household with its rule checks,
// the visit form on a 375 px phone, and a new household walked through the whole review chain by the
// village, the town and the county — each step by the person whose level it needs.

import { join } from 'node:path';
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GANGPING, HUAIJI, seedMonitoringDemo, XINGYI } from '../packages/server/src/modules/monitoring/demo';
import { addDays } from '../packages/server/src/modules/monitoring/workdays';
import { ARTIFACTS, DESKTOP, launchBrowser, newPage, PHONE, type RunningApp, screenshot, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  app = await startApp({ seedDemo: false });
  await seedMonitoringDemo(app.services);
  await app.addUser('cun', 'town_staff', { divisions: [XINGYI] });
  await app.addUser('zhen', 'town_staff', { divisions: [GANGPING] });
  await app.addUser('xian', 'town_staff', { divisions: [HUAIJI] });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The screen as the user sees it with the picker's list open (after its opening animation). */
async function pickerShot(page: Page, name: string) {
  await page.locator('.ant-select-dropdown:visible:not([class*="-enter"])').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Waits for the step dialog to close; if it stays open, fails with what it shows (a refusal, an error). */
async function closed(page: Page) {
  try {
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
  } catch (err) {
    const shown = await page
      .locator('.ant-modal')
      .innerText()
      .catch(() => '');
    throw new Error(`the dialog stayed open, showing: ${shown}`, { cause: err });
  }
}

describe('monitoring in the browser', () => {
  it('lists the town’s 42 monitored (+2 being identified) households with masked data, and a village’s staff only theirs', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, app.url, 'zhen');
    await page.goto(`${app.url}/monitoring/households`);
    await page.getByText('共 44 条').waitFor();
    await page.getByText('冯叔（演示）').waitFor();
    expect(await page.content()).not.toMatch(/\d{17}[\dX]/);
    await screenshot(page, 'monitoring-list');
    await page.goto(`${app.url}/monitoring/worklist`);
    await page.getByTestId('worklist-reviews').waitFor();
    await page.getByTestId('worklist-reviews').getByText('冯叔（演示）').waitFor(); // at 乡镇审核: the town's step
    await screenshot(page, 'monitoring-worklist');
    await page.goto(`${app.url}/monitoring/lines`);
    await page.getByText('演示数据，非官方标准').first().waitFor();
    await screenshot(page, 'monitoring-lines');
    await page.context().close();

    const cun = await newPage(browser, DESKTOP);
    await signIn(cun, app.url, 'cun');
    await cun.goto(`${app.url}/monitoring/households`);
    await cun.getByRole('link', { name: '麦伯（化名）' }).waitFor();
    const villages = await cun.locator('tr.ant-table-row td:nth-child(2)').allTextContents();
    expect(new Set(villages)).toEqual(new Set(['兴义村委会']));
    await cun.context().close();
  });

  it('shows a household with its members masked, reveals one (audited) and shows the rule checks', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, app.url, 'cun');
    await page.goto(`${app.url}/monitoring/households`);
    await page.getByRole('link', { name: '麦伯（化名）' }).click();
    await page.getByTestId('rule-checks').waitFor();
    const masked = await page.locator('tbody code').allTextContents();
    expect(masked).toHaveLength(3);
    for (const m of masked) expect(m).toMatch(/^4412\*{10}[\dX]{4}$/);
    await page
      .getByRole('button', { name: /查\s*看/ })
      .first()
      .click();
    await page
      .locator('tbody code')
      .first()
      .filter({ hasText: /^\d{17}[\dX]$/ })
      .waitFor();
    const audit = await app.services.database.query(
      "select actor_name from audit_log where action = 'reveal' and entity = 'monitoring_member'",
    );
    expect(audit).toEqual([{ actor_name: 'cun' }]);
    await screenshot(page, 'monitoring-detail');
    // add an assistance measure from its tab
    await page.getByRole('tab', { name: '帮扶措施' }).click();
    await page.getByRole('button', { name: '添加措施' }).click();
    await page.locator('.ant-modal').getByLabel('措施类型').click();
    await page.getByTitle('就业帮扶').click();
    await page.locator('.ant-modal').getByLabel('内容').fill('推荐到龙江镇企业务工（演示）');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByRole('cell', { name: '推荐到龙江镇企业务工（演示）' }).waitFor();
    await screenshot(page, 'monitoring-detail-measures');
    await page.context().close();
  });

  it('records a visit on a 375 px phone: risk, income, photo', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'cun');
    await page.goto(`${app.url}/monitoring/visit`);
    await page.getByTestId('visit-household').click();
    await page.getByTitle(/麦伯（化名）/).click();
    await page.getByLabel('走访发现').fill('小艺已到北滘职校报到，小娅办理助学贷款');
    await page.getByLabel('核实人均收入').fill('7600');
    await page.getByRole('checkbox', { name: '因病' }).check();
    await page.locator('input[type=file]').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('img[alt="visit.jpg"]').waitFor(); // compressed on the phone: a JPEG of at most 300 KB
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'monitoring-visit-phone');
    await page.getByTestId('visit-submit').click();
    await page.waitForURL(/\/monitoring\/households\/\d+$/);
    await page.getByRole('tab', { name: '入户走访' }).click();
    await page.getByText('小艺已到北滘职校报到，小娅办理助学贷款').waitFor();
    await page.getByRole('link', { name: /visit\.jpg/ }).waitFor();
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'monitoring-visit-saved-phone');
    await page.context().close();
  });

  it('picks a new household’s village by name on a phone, among the town’s 13 villages', async () => {
    const zhen = await newPage(browser, PHONE);
    await signIn(zhen, app.url, 'zhen');
    await zhen.goto(`${app.url}/monitoring/households`);
    await zhen.getByTestId('new-household').click();
    const dialog = zhen.locator('.ant-modal');
    const options = zhen.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await dialog.getByLabel('所在村').fill('村委会');
    await expect.poll(() => options.count()).toBe(13); // the town's villages, not the town or the county
    await dialog.getByLabel('所在村').fill('兴义');
    await options.filter({ hasText: '兴义村委会' }).waitFor();
    expect(await options.first().innerText()).toMatch(/广东省\/肇庆市\/怀集县\/岗坪镇/);
    await pickerShot(zhen, 'monitoring-new-household-village-picker-phone');
    expect(await noHorizontalScroll(zhen)).toBeLessThanOrEqual(375);
    await options.filter({ hasText: '兴义村委会' }).click();
    await expect.poll(() => dialog.locator('.ant-select').first().innerText()).toContain('兴义村委会');
    await zhen.context().close();
  });

  it('walks a new household through 入户核实 → 村级评议公示 → 乡镇审核 → 县级确定', async () => {
    const id = (first17: string) => {
      const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      return first17 + '10X98765432'[[...first17].reduce((s, c, i) => s + Number(c) * W[i], 0) % 11];
    };
    const cun = await newPage(browser, DESKTOP);
    await signIn(cun, app.url, 'cun');
    // 农户自主申报 through the form; a wrong check digit is refused on its field first
    await cun.goto(`${app.url}/monitoring/households`);
    await cun.getByTestId('new-household').click();
    const dialog = cun.locator('.ant-modal');
    // the village is searched by name (#13 item 3): only the user's own villages, each with its path
    const options = cun.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await dialog.getByLabel('所在村').fill('村委会');
    // the list answers as the search goes (it may re-render between two reads): wait for what it settles on
    await expect
      .poll(() => options.allInnerTexts())
      .toEqual([expect.stringMatching(/^兴义村委会\s*广东省\/肇庆市\/怀集县\/岗坪镇 · \d{12}$/)]);
    await dialog.getByLabel('所在村').fill('兴义');
    await options.filter({ hasText: '岗坪镇' }).first().waitFor();
    await pickerShot(cun, 'monitoring-new-household-village-picker');
    await options.filter({ hasText: '兴义村委会' }).click();
    await dialog.getByLabel('纳入途径').click();
    await cun.getByTitle('农户自主申报').click();
    await dialog.getByLabel('姓名').fill('新申报户主（演示）');
    const good = id('44122419720404551');
    await dialog.getByLabel('身份证号').fill(good.slice(0, 17) + (good[17] === '1' ? '2' : '1'));
    await dialog.getByLabel('出生日期').fill('1972-04-04');
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await dialog.getByText('身份证号校验位不正确').first().waitFor();
    await screenshot(cun, 'monitoring-new-household-error');
    await dialog.getByLabel('身份证号').fill(good);
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await cun.waitForURL(/\/monitoring\/households\/\d+$/);
    const url = cun.url();
    const act = async (page: Page, action: string, fill?: () => Promise<void>) => {
      await page.getByTestId(`action-${action}`).click();
      await fill?.();
      await page
        .locator('.ant-modal-footer')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await closed(page);
    };

    await cun.getByTestId('procedure-clock').waitFor();
    // without the signed authorisation the step is refused on its field
    await cun.getByTestId('action-verify').click();
    await cun
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await cun.getByText('入户核实须先签署授权承诺书').waitFor();
    await screenshot(cun, 'monitoring-chain-refused');
    await cun.getByRole('checkbox', { name: '已签署授权承诺书' }).check();
    await cun.getByLabel('意见').fill('已入户核实，家庭成员患大病');
    await cun.locator('.ant-modal input[type=file]').setInputFiles({ name: '授权承诺书.png', mimeType: 'image/png', buffer: PNG });
    await cun.locator('.ant-modal').getByText('授权承诺书.png').waitFor();
    await cun
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await closed(cun);
    await cun.getByTestId('household-stage').filter({ hasText: '村级评议公示' }).waitFor();
    await act(cun, 'publicise', async () => {
      await cun.getByLabel('公示开始').fill(addDays(todayInBeijing(), -8));
      await cun.getByLabel('公示结束').fill(addDays(todayInBeijing(), -4));
      await cun.getByLabel('意见').fill('村民代表评议通过，公示无异议');
    });
    await cun.getByTestId('household-stage').filter({ hasText: '乡镇审核' }).waitFor();
    expect(await cun.getByTestId('action-town_approve').count()).toBe(0); // not the village's step
    await cun.context().close();

    const zhen = await newPage(browser, DESKTOP);
    await signIn(zhen, app.url, 'zhen');
    await zhen.goto(url);
    await act(zhen, 'town_approve', () => zhen.getByLabel('意见').fill('镇审核同意'));
    await zhen.getByTestId('household-stage').filter({ hasText: '县级确定' }).waitFor();
    await zhen.context().close();

    const xian = await newPage(browser, DESKTOP);
    await signIn(xian, app.url, 'xian');
    await xian.goto(url);
    await act(xian, 'county_approve', () => xian.getByLabel('意见').fill('确定为边缘易致贫户'));
    await xian.getByTestId('household-status').filter({ hasText: '监测中' }).waitFor();
    // just confirmed: the next step is to help and visit, not a red 提出风险消除 above unmet conditions
    await xian.getByTestId('next-step').waitFor();
    expect(await xian.getByTestId('action-propose_elimination').count()).toBe(0);
    await screenshot(xian, 'monitoring-next-step');
    await xian.getByRole('tab', { name: '审核记录' }).click();
    const history = await xian.getByTestId('review-history').textContent();
    for (const s of ['纳入申报', '入户核实', 'cun', '村级评议并公示', '乡镇审核通过', 'zhen', '县级确定', 'xian', '授权承诺书.png'])
      expect(history).toContain(s);
    await screenshot(xian, 'monitoring-chain-done');
    await xian.context().close();
  });

  it('corrects a household and a member, adds a member (ID check digit refused under its field), records a leaving; at 375 px too', async () => {
    const first17 = '44122419900909771';
    const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const good = first17 + '10X98765432'[[...first17].reduce((s, c, i) => s + Number(c) * W[i], 0) % 11];
    const page = await newPage(browser, DESKTOP);
    await signIn(page, app.url, 'cun');
    await page.goto(`${app.url}/monitoring/households`);
    await page.getByRole('link', { name: '麦伯（化名）' }).waitFor();
    // dates in tables: 2025-03-01, one format (prose and detail say 2025年3月1日)
    await page
      .locator('.ant-table-cell')
      .filter({ hasText: /^\d{4}-\d{2}-\d{2}$/ })
      .first()
      .waitFor();
    expect(
      await page
        .locator('.ant-table-cell')
        .filter({ hasText: /\d{4}年\d{1,2}月\d{1,2}日/ })
        .count(),
    ).toBe(0);
    await page.getByRole('link', { name: '麦伯（化名）' }).click();
    await page.getByTestId('rule-checks').waitFor();
    const url = page.url();
    const modal = page.locator('.ant-modal');
    const save = () =>
      page
        .locator('.ant-modal-footer')
        .getByRole('button', { name: /保\s*存/ })
        .click();

    // the household: category, 低保 flag, phone, address
    await page.getByTestId('edit-household').click();
    await modal.getByLabel('监测类别').click();
    await page.getByTitle('边缘易致贫户').click();
    await modal.getByRole('checkbox', { name: '低保' }).uncheck();
    await modal.getByLabel('联系电话').fill('13800138000');
    await modal.getByLabel('住址').fill('兴义村麦屋三巷 3 号（演示）');
    await save();
    await modal.waitFor({ state: 'detached' });
    // phone and address are shown masked; 查看 reveals them (audited)
    await page.getByTestId('household-phone').filter({ hasText: '138****8000' }).waitFor();
    await page.getByTestId('reveal-contact').click();
    await page.getByTestId('household-phone').filter({ hasText: '13800138000' }).waitFor();

    // a member: work changed; health and disability start empty (unseen), and stay as they were
    const maiBo = await page
      .getByRole('row', { name: /麦伯（化名）/ })
      .getByTestId(/^edit-member-/)
      .getAttribute('data-testid');
    const memberId = Number(maiBo!.replace('edit-member-', ''));
    const [before] = (await app.services.database.query(`select health_cipher from monitoring_members where id = ${memberId}`)) as {
      health_cipher: string;
    }[];
    await page.getByTestId(`edit-member-${memberId}`).click();
    await modal.getByTestId('health-hidden').waitFor();
    // relation, schooling, work as they are; health and disability show no value, only 'unchanged'
    expect((await modal.locator('.ant-select').allInnerTexts()).map((x) => x.trim())).toEqual([
      '户主',
      '非在校生',
      '务农',
      '不修改',
      '不修改',
    ]);
    await modal.getByLabel('务工情况').click();
    await page.getByTitle('本地务工').click();
    await screenshot(page, 'monitoring-member-edit');
    await save();
    await modal.waitFor({ state: 'detached' });
    await page
      .getByRole('row', { name: /麦伯（化名）/ })
      .getByText('本地务工')
      .waitFor();
    const [after] = (await app.services.database.query(`select health_cipher from monitoring_members where id = ${memberId}`)) as {
      health_cipher: string;
    }[];
    expect(after.health_cipher).toBe(before.health_cipher); // health untouched, not re-sent

    // a new member: a wrong check digit is refused under the ID field, then the right one is taken
    await page.getByTestId('add-member').click();
    await modal.getByLabel('姓名').fill('麦新（演示）');
    await modal.getByLabel('身份证号').fill(first17 + (good[17] === '1' ? '2' : '1'));
    expect(await modal.getByLabel('出生日期').inputValue()).toBe('1990-09-09');
    await save();
    await modal.locator('.ant-form-item-explain-error').filter({ hasText: '身份证号校验位不正确' }).waitFor();
    await screenshot(page, 'monitoring-member-add-error');
    await modal.getByLabel('身份证号').fill(good);
    await save();
    await modal.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /麦新（演示）/ }).waitFor();

    // …who then moved out
    await page
      .getByRole('row', { name: /麦新（演示）/ })
      .getByTestId(/^leave-member-/)
      .click();
    await modal.getByLabel('原因').click();
    await page.getByTitle('迁出', { exact: true }).click();
    await save();
    await modal.waitFor({ state: 'detached' });
    await page
      .getByRole('row', { name: /麦新（演示）/ })
      .getByText('迁出')
      .waitFor();

    // all of it is still there after a reload
    await page.reload();
    await page.getByTestId('household-phone').filter({ hasText: '138****8000' }).waitFor();
    expect(await page.getByTestId('household-address').textContent()).toBe('兴义村******');
    await page.getByTestId('reveal-contact').click();
    await page.getByTestId('household-phone').filter({ hasText: '13800138000' }).waitFor();
    expect(await page.getByTestId('household-address').textContent()).toBe('兴义村麦屋三巷 3 号（演示）');
    const facts = (await page.locator('.ant-descriptions').textContent()) ?? '';
    expect(facts).toContain('边缘易致贫户');
    expect(facts).not.toContain('低保');
    expect(await page.getByRole('row', { name: /麦伯（化名）/ }).textContent()).toContain('本地务工');
    expect(await page.getByRole('row', { name: /麦新（演示）/ }).textContent()).toContain('迁出');
    await screenshot(page, 'monitoring-household-corrected');
    await page.context().close();

    // the same forms on a 375 px phone
    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'cun');
    await phone.goto(url);
    await phone.getByTestId('household-phone').filter({ hasText: '138****8000' }).waitFor();
    expect(await noHorizontalScroll(phone)).toBeLessThanOrEqual(375);
    await screenshot(phone, 'monitoring-household-corrected-phone');
    await phone.getByTestId('edit-household').click();
    await phone.locator('.ant-modal').getByLabel('联系电话').waitFor();
    expect(await noHorizontalScroll(phone)).toBeLessThanOrEqual(375);
    await phone.waitForTimeout(400); // the dialog's opening animation, for the picture only
    await screenshot(phone, 'monitoring-household-edit-phone');
    await phone
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await phone.locator('.ant-modal').waitFor({ state: 'detached' });
    await phone.getByTestId('add-member').click();
    await phone.locator('.ant-modal').getByLabel('身份证号').waitFor();
    expect(await noHorizontalScroll(phone)).toBeLessThanOrEqual(375);
    await phone.waitForTimeout(400); // the dialog's opening animation, for the picture only
    await screenshot(phone, 'monitoring-member-add-phone');
    await phone.context().close();
  });
});
