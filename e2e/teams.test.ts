// Teams in the browser: the team tree with rotation, people with masked ID numbers and an audited reveal,
// who is on duty, and the talent exchange summary with the seed's figures — on a fresh app with demo data.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../packages/server/src/modules/teams/tables';
import { eq } from '../packages/server/src/platform/db/sql';
import { idNumberCheckChar } from '../packages/shared/src/codes/idNumber';
import { launchBrowser, newPage, PHONE, type RunningApp, screenshot, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;
let bingcun: number;

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  [{ id: bingcun }] = await app.services.db.select({ id: teams.id }).from(teams).where(eq(teams.name, '荔湾驻丙村镇帮扶工作队'));
  await app.addUser('hq_teams', 'hq', { all: true });
  await app.addUser('leader_e2e', 'team_leader', { teams: [bingcun] });
  await app.addUser('viewer_e2e', 'viewer', { all: true });
  await app.addUser('staff_e2e', 'town_staff', { divisions: ['441403113000'] });
  browser = await launchBrowser();
}, 600_000); // the demo seed of every module: minutes on a busy machine
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('teams in the browser', () => {
  it('offers the demo team users to sign in with', () => {
    expect(app.demo?.usernames).toEqual(
      expect.arrayContaining(['leader_bingcun', 'member_bingcun', 'staff_gangping', 'viewer_teams', 'hq_guangqing']),
    );
  });

  it('shows the team tree and a team’s members now and in round 1', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_teams');
    await page.goto(`${app.url}/teams/tree?team=${bingcun}`);
    await page.getByRole('treeitem', { name: /广清驻镇帮镇扶村指挥部/ }).waitFor();
    await page.getByRole('cell', { name: '张浩然（演示）' }).waitFor(); // round 2, today
    await page.getByText('荔湾区某农业科技有限公司（演示）').waitFor(); // 组团单位 from the registry's units
    await page.getByText('广东驻镇帮镇扶村 第二轮').waitFor();
    expect(await page.getByRole('cell', { name: '刘敏（演示）' }).count()).toBe(0);
    await screenshot(page, 'teams-tree');
    await page.getByText('第1轮').click();
    await page.getByRole('cell', { name: '刘敏（演示）' }).waitFor();
    await screenshot(page, 'teams-tree-round1');
    await page.context().close();
  });

  it('lists people with masked ID numbers; a team leader reveals one, which is audited', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'leader_e2e');
    await page.goto(`${app.url}/teams/cadres`);
    await page.getByText('共 4 条').waitFor(); // only the 丙村 team's people
    const masked = await page.locator('tbody code').allTextContents();
    expect(masked.length).toBe(4);
    for (const m of masked) expect(m).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    await screenshot(page, 'teams-cadres');
    await page
      .getByRole('button', { name: /查\s*看/ })
      .first()
      .click();
    const full = await page.locator('.ant-modal h4').textContent();
    expect(full).toMatch(/^\d{17}[\dX]$/);
    await page.getByText('查看完整证件号已记入审计日志').waitFor();
    await screenshot(page, 'teams-cadres-reveal');
    const audit = await app.services.database.query("select actor_name from audit_log where action = 'reveal' and entity = 'cadre'");
    expect(audit).toEqual([{ actor_name: 'leader_e2e' }]);
    await page.context().close();
  });

  it('a team leader adds a person: a wrong ID check digit shows under the field, the corrected one is saved masked', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'leader_e2e');
    await page.goto(`${app.url}/teams/cadres`);
    await page.getByText('共 4 条').waitFor();
    await page.getByRole('button', { name: '新增人员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('新来的（演示）');
    await dialog.getByLabel('性别').click();
    await page.getByTitle('女').click();
    await dialog.getByLabel('身份证号').fill('110105194912310021');
    await dialog.getByLabel('人员类别').click();
    await page.getByTitle('支教教师').click();
    await dialog.getByLabel('派出单位').fill('广州市荔湾区教育局');
    await dialog.getByLabel('所在队伍').click();
    await page.getByTitle('荔湾驻丙村镇帮扶工作队').click();
    await dialog.getByLabel('开始日期').fill('2025-09-01');
    await dialog.getByLabel('开始日期').press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('身份证号校验位不正确').waitFor();
    await screenshot(page, 'teams-cadre-form-error');
    await dialog.getByLabel('身份证号').fill('11010519491231002X');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('共 5 条').waitFor();
    await page.getByText('1101**********002X').waitFor();
    await page.context().close();
  });

  it("a team leader adds a member: the round defaults to the team's second, an existing member is named as one", async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'leader_e2e');
    await page.goto(`${app.url}/teams/tree?team=${bingcun}`);
    await page.getByRole('cell', { name: '张浩然（演示）' }).waitFor();
    await page.getByRole('button', { name: '添加成员' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('member-round').inputValue()).resolves.toBe('2');
    await dialog.getByLabel('姓名').click();
    await page.keyboard.type('张浩然');
    await page.locator('.ant-select-item-option').filter({ hasText: '张浩然（演示）' }).first().click();
    await dialog.getByLabel('职务').click();
    await page.getByTitle('队员', { exact: true }).click();
    await dialog.getByLabel('开始日期').fill('2025-09-01');
    await dialog.getByLabel('开始日期').press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('张浩然（演示）已是该队第2轮队员，不能重复添加').waitFor();
    await screenshot(page, 'teams-member-already');
    await page.context().close();
  });

  it("a team leader records an ordinary exchange between the pairing's two sides (荔湾区 → 梅县区)", async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'leader_e2e');
    await page.goto(`${app.url}/teams/exchanges`);
    await page.getByRole('button', { name: '新增记录' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('交流类别').click();
    await page.getByTitle('教师').click();
    await dialog.getByLabel('人次').fill('3');
    // places are picked by name from the division search, which shows each one's path and code
    for (const [label, name, code] of [
      [/派出地/, '荔湾', '440103000000'],
      [/接收地/, '梅县', '441403000000'],
    ] as const) {
      await dialog.getByLabel(label).click();
      await page.keyboard.type(name);
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: code }).click();
    }
    await dialog.getByLabel('开始日期').fill('2026-03-01');
    await dialog.getByLabel('开始日期').press('Enter');
    await screenshot(page, 'teams-exchange-leader-form');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const [row] = await app.services.database.query<{ team_id: number }>(
      `select team_id from talent_exchanges where person_times = 3 and start_date = '2026-03-01'`,
    );
    expect(row.team_id).toBe(bingcun);
    await page.context().close();
  });

  it('edits a team in a pre-filled form: a server error shows under its field, the fix is saved; the ledger buttons are there', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_teams');
    await page.goto(`${app.url}/teams/tree?team=${bingcun}`);
    await page.getByRole('cell', { name: '张浩然（演示）' }).waitFor();
    await page.getByRole('button', { name: /导\s*入/ }).waitFor(); // 工作队台账
    await page.getByRole('button', { name: /导\s*出/ }).waitFor();
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('名称').inputValue()).toBe('荔湾驻丙村镇帮扶工作队');
    // the picker shows the station by name
    await dialog.locator('.ant-form-item').filter({ hasText: '驻地' }).getByText('丙村镇').first().waitFor();
    await dialog.getByLabel('结束日期').fill('2020-01-01');
    await dialog.getByLabel('结束日期').press('Enter');
    await dialog.getByLabel('备注').fill('第二轮（已编辑）');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('结束日期不能早于开始日期').waitFor();
    await screenshot(page, 'teams-team-form-error');
    await dialog.getByLabel('结束日期').fill('2027-06-30');
    await dialog.getByLabel('结束日期').press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const [row] = await app.services.db.select({ note: teams.note, endDate: teams.endDate }).from(teams).where(eq(teams.id, bingcun));
    expect(row).toEqual({ note: '第二轮（已编辑）', endDate: '2027-06-30' });
    await page.context().close();
  });

  it('edits a person: the form is pre-filled, a bad phone number is named under its field', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'leader_e2e');
    await page.goto(`${app.url}/teams/cadres`);
    await page
      .getByRole('row', { name: /何志强（演示）/ })
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('姓名').inputValue()).toBe('何志强（演示）');
    expect(await dialog.getByLabel('身份证号').count()).toBe(0); // entered only when creating
    await dialog.getByLabel('联系电话').fill('12345');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('电话号码格式不正确').waitFor();
    await screenshot(page, 'teams-cadre-edit-error');
    await dialog.getByLabel('联系电话').fill('13800001234');
    await dialog.getByLabel('挂职职务').fill('丙村镇党委副书记（演示）');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('cell', { name: '丙村镇党委副书记（演示）' }).waitFor();
    await page.context().close();
  });

  it('offers the 工作队台账 import only to those who may write teams: town staff get export only', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'staff_e2e');
    await page.goto(`${app.url}/teams/tree`);
    await page.getByRole('treeitem', { name: /荔湾驻丙村镇帮扶工作队/ }).waitFor();
    await page.getByRole('button', { name: /导\s*出/ }).waitFor();
    expect(await page.getByRole('button', { name: /导\s*入/ }).count()).toBe(0);
    await page.context().close();
  });

  it('offers no reveal to a viewer', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'viewer_e2e');
    await page.goto(`${app.url}/teams/cadres`);
    await page.locator('tbody code').first().waitFor();
    expect(await page.getByRole('button', { name: /查\s*看/ }).count()).toBe(0);
    await page.context().close();
  });

  it('shows who is on duty and the exchange summary with the seed figures', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_teams');
    await page.goto(`${app.url}/teams/on-duty`);
    await page.getByText('按驻地').waitFor();
    await page.getByRole('cell', { name: '荔湾驻丙村镇帮扶工作队' }).first().waitFor();
    await screenshot(page, 'teams-on-duty');
    await page.goto(`${app.url}/teams/exchanges`);
    await page.getByText('广东省派出到广西壮族自治区').waitFor();
    const sent = page.locator('.ant-card', { hasText: '广东省派出到广西壮族自治区' }).last();
    await sent.getByText('3,523').waitFor();
    await sent.getByText('376').waitFor();
    const received = page.locator('.ant-card', { hasText: '广东省接收广西壮族自治区' }).last();
    await received.getByText('3,458').waitFor();
    await received.getByText('447').waitFor();
    await screenshot(page, 'teams-exchanges');
    await page.context().close();
  });

  it('shows an exchange record’s named persons masked; a person is added (a wrong departure named under its field) and revealed, audited', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_teams');
    await page.goto(`${app.url}/teams/exchanges`);
    const row = page.getByRole('row').filter({ hasText: '四会市选派支教教师' });
    await row.getByText('（具名19人）').waitFor({ timeout: 60_000 }); // 20 trips of 19 teachers: the record counts its named trips
    await row.getByRole('button', { name: '人员' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('具名 20 人次 / 19 人').waitFor();
    const masked = await drawer.locator('tbody code').allTextContents();
    expect(masked).toHaveLength(20);
    for (const m of masked) expect(m).toMatch(/^4412\*{10}[\dX]{4}$/);
    await drawer.getByText('不足30天').first().waitFor(); // the short visits, under the minimum stay
    await screenshot(page, 'teams-exchange-persons');
    await drawer.getByRole('button', { name: '添加人员' }).click();
    const dialog = page.getByRole('dialog', { name: '添加人员' });
    const first17 = '44128419880315004';
    const id = first17 + idNumberCheckChar(first17);
    await dialog.getByLabel('姓名').fill('罗晓燕（演示）');
    await dialog.getByLabel('身份证号').fill(id);
    await dialog.getByLabel('工作单位').fill('四会市荔枝湾小学（演示）');
    const [{ start }] = await app.services.database.query<{ start: string }>(
      "select start_date::text as start from talent_exchanges where note = '四会市选派支教教师'",
    );
    const later = `${start.slice(0, 4)}-10-08`;
    await dialog.getByLabel('到岗日期').fill(later);
    await dialog.getByLabel('到岗日期').press('Enter');
    await dialog.getByLabel(/离开日期/).fill(`${start.slice(0, 4)}-09-30`);
    await dialog.getByLabel(/离开日期/).press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('离开日期不能早于到岗日期').waitFor(); // under its field, from the server
    await screenshot(page, 'teams-exchange-person-error');
    await dialog.getByLabel(/离开日期/).fill(`${start.slice(0, 4)}-12-31`);
    await dialog.getByLabel(/离开日期/).press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await drawer.getByText('具名 21 人次 / 20 人').waitFor();
    const added = drawer.getByRole('row').filter({ hasText: '罗晓燕（演示）' });
    await added.getByText(`4412**********${id.slice(-4)}`).waitFor();
    await added.getByText('85 天').waitFor();
    await added.getByRole('button', { name: /查\s*看/ }).click();
    await page.locator('.ant-modal h4').filter({ hasText: id }).waitFor();
    await screenshot(page, 'teams-exchange-person-reveal');
    const audit = await app.services.database.query<{ actor_name: string }>(
      "select actor_name from audit_log where action = 'reveal' and entity = 'talent_exchange_person'",
    );
    expect(audit).toEqual([{ actor_name: 'hq_teams' }]);
    const [raw] = await app.services.database.query<{ j: string }>(
      "select row_to_json(p)::text as j from talent_exchange_persons p where name = '罗晓燕（演示）'",
    );
    expect(raw.j).not.toContain(id);
    await page.context().close();
  }, 240_000); // a busy machine: each step waits on a shared CPU

  it('a team leader adds a named agronomist to the team’s exchange on a phone, the place picked by name', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'leader_e2e');
    await page.goto(`${app.url}/teams/exchanges`);
    const [{ id: exchangeId, start }] = await app.services.database.query<{ id: number; start: string }>(
      'select id, start_date::text as start from talent_exchanges where team_id = $1 and person_times = 6',
      [bingcun],
    );
    // the team's own records, latest first: this year's 6 agronomists
    // on a phone the rows are cards, the record number their title
    const card = page
      .getByTestId('list-card')
      .filter({ hasText: String(exchangeId) })
      .first();
    await card.waitFor({ timeout: 60_000 });
    await card.getByRole('button', { name: '人员' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('尚无具名人员，按登记人次统计').waitFor();
    await drawer.getByRole('button', { name: '添加人员' }).click();
    const dialog = page.getByRole('dialog', { name: '添加人员' });
    const first17 = '44010319900101002';
    await dialog.getByLabel('姓名').fill('农技员（演示）');
    await dialog.getByLabel('身份证号').fill(first17 + idNumberCheckChar(first17));
    await dialog.getByLabel('服务地').click();
    await page.keyboard.type('丙村');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '441403113000' })
      .click();
    await dialog.getByLabel('到岗日期').fill(start);
    await dialog.getByLabel('到岗日期').press('Enter');
    await dialog.getByLabel(/离开日期/).fill(`${start.slice(0, 4)}-12-31`);
    await dialog.getByLabel(/离开日期/).press('Enter');
    await screenshot(page, 'teams-exchange-person-phone-form');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await drawer.getByText('具名 1 人次 / 1 人').waitFor();
    await drawer.getByText('农技员（演示）').waitFor();
    await screenshot(page, 'teams-exchange-persons-phone');
    const [p] = await app.services.database.query<{ to_division_code: string; field: string }>(
      'select to_division_code, field from talent_exchange_persons where exchange_id = $1',
      [exchangeId],
    );
    expect(p).toEqual({ to_division_code: '441403113000', field: 'agriculture' });
    await page.context().close();
  }, 240_000); // a busy machine: each step waits on a shared CPU

  it('works on a phone for a team leader', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'leader_e2e');
    await page.goto(`${app.url}/teams/tree`);
    await page.getByRole('cell', { name: '何志强（演示）' }).waitFor();
    expect(await page.getByRole('treeitem').count()).toBe(1); // only their own team
    await screenshot(page, 'teams-tree-phone');
    await page.context().close();
  });
});
