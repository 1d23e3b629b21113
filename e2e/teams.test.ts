// Teams in the browser: the team tree with rotation, people with masked ID numbers and an audited reveal,
// who is on duty, and the talent exchange summary with the seed's figures — on a fresh app with demo data.
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../packages/server/src/modules/teams/tables';
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
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('teams in the browser', () => {
  it('offers the demo team users to sign in with', () => {
    expect(app.demo?.usernames).toEqual(expect.arrayContaining(['leader_bingcun', 'member_bingcun', 'staff_gangping', 'viewer_teams', 'hq_guangqing']));
  });

  it('shows the team tree and a team’s members now and in round 1', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_teams');
    await page.goto(`${app.url}/teams/tree?team=${bingcun}`);
    await page.getByRole('treeitem', { name: /广清驻镇帮镇扶村指挥部/ }).waitFor();
    await page.getByRole('cell', { name: '张浩然（演示）' }).waitFor(); // round 2, today
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
    await page.getByRole('button', { name: /查\s*看/ }).first().click();
    const full = await page.locator('.ant-modal h4').textContent();
    expect(full).toMatch(/^\d{17}[\dX]$/);
    await page.getByText('查看完整证件号已记入审计日志').waitFor();
    await screenshot(page, 'teams-cadres-reveal');
    const audit = await app.services.database.query("select actor_name from audit_log where action = 'reveal' and entity = 'cadre'");
    expect(audit).toEqual([{ actor_name: 'leader_e2e' }]);
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
    await page.getByText('广东省选派到广西壮族自治区').waitFor();
    const sent = page.locator('.ant-card', { hasText: '广东省选派到广西壮族自治区' }).last();
    await sent.getByText('3,523').waitFor();
    await sent.getByText('376').waitFor();
    const received = page.locator('.ant-card', { hasText: '广东省接收广西壮族自治区' }).last();
    await received.getByText('3,458').waitFor();
    await received.getByText('447').waitFor();
    await screenshot(page, 'teams-exchanges');
    await page.context().close();
  });

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
