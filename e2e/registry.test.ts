// The registry in the browser: the division tree and search, the pairing list with filters and "as of",
// and the pairing map with click-through — on a fresh app with the demo data (divisions extract loaded).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, type RunningApp, screenshot, searchAndPick, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  await app.addUser('hq_e2e', 'hq', { all: true });
  await app.addUser('meixian_e2e', 'viewer', { divisions: ['441403000000'] });
  await app.addUser('leader_e2e', 'team_leader', { divisions: ['441403000000'] });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('registry in the browser', () => {
  it('browses the division tree and finds a town by name', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_e2e');
    await page.goto(`${app.url}/registry/divisions`);
    await page.getByRole('treeitem', { name: '广东省' }).waitFor();
    await page.getByRole('treeitem', { name: '广东省' }).locator('.ant-tree-switcher').click();
    await page.getByRole('treeitem', { name: '梅州市' }).locator('.ant-tree-switcher').click();
    await page.getByRole('treeitem', { name: '梅县区' }).locator('.ant-tree-switcher').click();
    await page.getByRole('treeitem', { name: '丙村镇' }).locator('.ant-tree-title').click();
    await page.getByText('广东省 / 梅州市 / 梅县区').waitFor();
    await page.getByText('荔湾区').first().waitFor(); // its partner today
    await screenshot(page, 'registry-divisions-tree');
    await page.getByPlaceholder(/输入名称或代码搜索/).fill('岗坪');
    await page.getByPlaceholder(/输入名称或代码搜索/).press('Enter');
    await page.getByText('广东省 / 肇庆市 / 怀集县').first().waitFor();
    await screenshot(page, 'registry-divisions-search');
    await page.context().close();
  });

  it('lists pairings, filters by type, and shows last round only as of an earlier day', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_e2e');
    await page.goto(`${app.url}/registry/pairings?division=441403000000`);
    // two rounds of 荔湾 → 梅县 and its 5 towns, and an enterprise → 溪联村
    await page.getByText('共 13 条').waitFor();
    await screenshot(page, 'registry-pairings');
    await page.goto(`${app.url}/registry/pairings?division=441403000000&asOf=2023-06-01`);
    await page.getByText('共 6 条').waitFor();
    const programmes = await page.locator('tbody tr.ant-table-row td:nth-child(4)').allTextContents();
    expect(new Set(programmes)).toEqual(new Set(['广东驻镇帮镇扶村 第一轮']));
    await screenshot(page, 'registry-pairings-2023');
    await page.context().close();
  });

  it('draws the pairing map and clicks through to the list', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_e2e');
    await page.goto(`${app.url}/registry/map`);
    const map = page.getByTestId('pairing-map');
    await map.locator('canvas').first().waitFor();
    await page.waitForTimeout(1500); // let the flow animation draw
    await screenshot(page, 'registry-map');
    // 梅县区 (county seat) is a place on the map; clicking it opens its pairings
    const [x, y] = await map.evaluate((el) => (el as unknown as { toPixel: (p: number[]) => number[] }).toPixel([116.082, 24.266]));
    await map.click({ position: { x, y } });
    await page.waitForURL(/\/registry\/pairings\?division=441403000000/);
    await page.getByText('共 7 条').waitFor();
    await page.context().close();
  });

  it('adds a pairing through the form, after showing what is missing', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_e2e');
    await page.goto(`${app.url}/registry/pairings`);
    await page.getByRole('button', { name: '新增结对' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('必填').first().waitFor(); // checked in the browser: type and start date
    await dialog.getByLabel('结对类型').click();
    await page.getByTitle('镇—镇').click();
    await dialog.getByLabel('开始日期').fill('2026-03-01');
    await dialog.getByLabel('开始日期').press('Enter');
    await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
    // each side is searched by name under its own label, the hit showing its path (#13 item 3)
    await searchAndPick(page, dialog, '帮扶方', '龙江镇', /广东省\/佛山市\/顺德区 · \d{12}/);
    await searchAndPick(page, dialog, '受帮扶方', '汤塘镇', /佛冈县/); // outside 梅县, so the scoped viewer below still sees its 7
    await screenshot(page, 'registry-pairing-form');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.goto(`${app.url}/registry/pairings?type=town_town`);
    await page.getByRole('cell', { name: '汤塘镇' }).waitFor();
    await page.context().close();
  });

  it('shows programmes with their phases and units with credit codes', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_e2e');
    await page.goto(`${app.url}/registry/programmes`);
    await page.getByText('以产业为主巩固民生').waitFor();
    await screenshot(page, 'registry-programmes');
    await page.goto(`${app.url}/registry/units`);
    await page.getByPlaceholder('单位名称或信用代码').fill('四会');
    await page.getByPlaceholder('单位名称或信用代码').press('Enter');
    await page.getByText('肇庆四会市人民政府办公室').waitFor();
    await screenshot(page, 'registry-units');
    await page.context().close();
  });

  it('the counts by type follow the list’s filters', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_e2e');
    const counted = async () => {
      const card = page.getByTestId('pairing-counts');
      await card.locator('.ant-statistic').first().waitFor();
      const values = await card.locator('.ant-statistic-content-value').allTextContents();
      return values.reduce((n, v) => n + Number(v.replace(/\D/g, '')), 0);
    };
    await page.goto(`${app.url}/registry/pairings?status=active`);
    await page.getByText(/^共 \d+ 条$/).waitFor();
    const everywhere = await counted();
    await page.goto(`${app.url}/registry/pairings?division=441403000000&status=active`);
    await page.getByText('共 7 条').waitFor();
    await expect.poll(counted).toBe(7); // the card counts the same 7 pairings as the list
    expect(everywhere).toBeGreaterThan(7);
    await screenshot(page, 'registry-pairing-counts-filtered');
    await page.goto(`${app.url}/registry/pairings?division=441403000000&type=town_town&status=active`);
    await page.getByText('没有符合条件的结对').waitFor();
    await page.context().close();
  });

  it('division changes and the programmes import are for HQ only: a team leader sees neither, HQ records a rename', async () => {
    const leader = await newPage(browser);
    await signIn(leader, app.url, 'leader_e2e');
    await leader.goto(`${app.url}/registry/divisions`);
    await leader.getByPlaceholder(/输入名称或代码搜索/).fill('丙村');
    await leader.getByPlaceholder(/输入名称或代码搜索/).press('Enter');
    await leader.getByText(/· 441403113000$/).click();
    await leader.locator('.ant-card-head-title', { hasText: /^丙村镇$/ }).waitFor();
    expect(await leader.getByRole('button', { name: '区划变更' }).count()).toBe(0);
    await leader.goto(`${app.url}/registry/programmes`);
    await leader.getByText('以产业为主巩固民生').waitFor();
    await leader.getByRole('button', { name: /导\s*出/ }).waitFor();
    expect(await leader.getByRole('button', { name: /导\s*入/ }).count()).toBe(0);
    await leader.context().close();

    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_e2e');
    await page.goto(`${app.url}/registry/programmes`);
    await page.getByRole('button', { name: /导\s*入/ }).waitFor();
    await page.goto(`${app.url}/registry/divisions`);
    await page.getByPlaceholder(/输入名称或代码搜索/).fill('丙村');
    await page.getByPlaceholder(/输入名称或代码搜索/).press('Enter');
    await page.getByText(/· 441403113000$/).click();
    await page.getByRole('button', { name: '区划变更' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('新名称').fill('丙村镇（更名演示）');
    await dialog.getByLabel('生效日期').fill('2026-01-01');
    await dialog.getByLabel('生效日期').press('Enter');
    await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
    await screenshot(page, 'registry-division-change');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-card-head-title', { hasText: /^丙村镇（更名演示）$/ }).waitFor();
    await page.getByText(/^丙村镇（.+ – .+）$/).waitFor(); // the old name with its validity, under 沿革
    await screenshot(page, 'registry-division-changed');
    const [row] = await app.services.database.query<{ name: string; since: string }>(
      "select name, since::text from divisions where code = '441403113000'",
    );
    expect(row).toEqual({ name: '丙村镇（更名演示）', since: '2026-01-01' });
    await page.context().close();
  });

  it('scoped viewer sees only 梅县 pairings, on a phone', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'meixian_e2e');
    await page.goto(`${app.url}/registry/pairings?status=active`);
    await page.getByText('共 7 条').waitFor();
    await expect(page.getByText('富川瑶族自治县').count()).resolves.toBe(0);
    await screenshot(page, 'registry-pairings-phone');
    await page.context().close();
  });
});
