// Social assistance in the browser, on a fresh app with demo data: the 畲江 team's donations (748 garments and
// 8.67万元), the worklist of overdue meeting decisions for the owner team and HQ — a decision marked done leaves
// it — and the meeting ledger with its decisions; then the entry forms: a donation of cash and goods nobody valued
// (counted as items), a meeting recorded with a decision that lands on the team's worklist; desktop and 375 px phone.

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../packages/server/src/modules/teams/tables';
import { streetScene } from '../packages/server/src/platform/attachments/png';
import { eq } from '../packages/server/src/platform/db/sql';
import { choose, launchBrowser, newPage, PHONE, type RunningApp, screenshot, searchAndPick, signIn, startApp } from './support';

/** Scrolls a dashboard part into view for a screenshot of the viewport; the page re-renders as figures arrive, so again if it went. */
async function inView(locator: Locator) {
  for (let tries = 0; tries < 3; tries++)
    if (
      await locator
        .scrollIntoViewIfNeeded({ timeout: 5000 })
        .then(() => true)
        .catch(() => false)
    )
      return;
}

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  const [{ id: shejiang }] = await app.services.db.select({ id: teams.id }).from(teams).where(eq(teams.name, '荔湾驻畲江镇帮扶工作队'));
  const [{ id: bingcun }] = await app.services.db.select({ id: teams.id }).from(teams).where(eq(teams.name, '荔湾驻丙村镇帮扶工作队'));
  await app.addUser('hq_social', 'hq', { all: true });
  await app.addUser('leader_shejiang', 'team_leader', { teams: [shejiang] });
  await app.addUser('leader_bingcun_e2e', 'team_leader', { teams: [bingcun] });
  await app.addUser('staff_gangping_social', 'town_staff', { divisions: ['441224109000'] });
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('social assistance in the browser', () => {
  it('the 畲江 team sees its donations: 8.67万元 in cash and valued goods, and 748 garments counted as items', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'leader_shejiang');
    await page.goto(`${app.url}/social/donations`);
    await page.getByText('共 4 条').waitFor(); // this year's (the list opens on this year)
    await page.getByText('8.67万元').first().waitFor();
    await page.getByText('748 件').waitFor();
    await page.getByText(/衣物 748件/).waitFor();
    await screenshot(page, 'social-donations');
    await page.context().close();

    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'leader_shejiang');
    await phone.goto(`${app.url}/social/donations`);
    await phone.getByText('748 件').waitFor();
    await screenshot(phone, 'social-donations-phone');
    await phone.context().close();
  });

  it('the dashboard reads the seeds from the ledgers: 8.67万元 at 畲江镇, 梅县区 and the 荔湾 group alike; 226 provincial reports at 富川 since 2024', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000);
    const half = `H${today.getUTCFullYear()}-${today.getUTCMonth() < 6 ? 1 : 2}`;
    const [{ id: lw }] = await app.services.db.select({ id: teams.id }).from(teams).where(eq(teams.name, '荔湾区派驻梅县区驻镇帮扶工作组'));
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_social');
    for (const [node, shot] of [
      ['d:441403107', 'social-dashboard-shejiang'],
      ['d:441403', 'social-dashboard-meixian'],
      [`t:${lw}`, 'social-dashboard-liwan'],
    ]) {
      await page.goto(`${app.url}/?node=${node}&period=${half}`);
      const card = page.locator('.ant-card').filter({ hasText: '捐赠款物（折款）' }).first();
      await card.getByText('8.67万元').waitFor();
      await inView(card);
      await page.screenshot({ path: `test-artifacts/${shot}.png` }); // the social cards in view (the whole page is long)
    }
    await page.goto(`${app.url}/?node=all&period=Y${today.getUTCFullYear()}`);
    const provincial = page.locator('.ant-card').filter({ hasText: '省级以上媒体报道' }).first();
    await provincial.waitFor();
    await inView(provincial);
    await page.screenshot({ path: 'test-artifacts/social-dashboard-hq.png' });
    // 富川 since 2024 (a custom range up to this month): the seeds' 226 reports by provincial-or-higher media
    const month = `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}`;
    await page.goto(`${app.url}/?node=d:451123&period=C2024-01~${month}`);
    // a custom range is read from the table of figures
    const since2024 = page.getByRole('row').filter({ hasText: '省级以上媒体报道' }).filter({ hasText: '226篇' }).first();
    await since2024.waitFor();
    await inView(since2024);
    await page.screenshot({ path: 'test-artifacts/social-dashboard-fuchuan-since-2024.png' });
    await page.context().close();

    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'leader_shejiang');
    await phone.goto(`${app.url}/?period=${half}`);
    const gifts = phone.locator('.ant-card').filter({ hasText: '捐赠款物（折款）' }).first();
    await gifts.getByText('8.67万元').waitFor();
    await inView(gifts);
    await phone.screenshot({ path: 'test-artifacts/social-dashboard-team-phone.png' });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.context().close();
  }, 120_000);

  it('an overdue decision is on the owner team’s worklist and HQ’s, not another team’s; marked done, it leaves', async () => {
    const hq = await newPage(browser);
    await signIn(hq, app.url, 'hq_social');
    await hq.goto(`${app.url}/social/decisions`);
    await hq.getByRole('cell', { name: '畲江镇蓝莓产业基地冷库建设方案报区审定' }).waitFor();
    await screenshot(hq, 'social-worklist-hq');
    await hq.context().close();
    const hqPhone = await newPage(browser, PHONE);
    await signIn(hqPhone, app.url, 'hq_social');
    await hqPhone.goto(`${app.url}/social/decisions`);
    await hqPhone.getByText('畲江镇蓝莓产业基地冷库建设方案报区审定').waitFor();
    await screenshot(hqPhone, 'social-worklist-phone');
    await hqPhone.context().close();

    const other = await newPage(browser);
    await signIn(other, app.url, 'leader_bingcun_e2e');
    await other.goto(`${app.url}/social/decisions`);
    await other.getByText('暂无议定事项').waitFor();
    await other.context().close();

    const page = await newPage(browser);
    await signIn(page, app.url, 'leader_shejiang');
    await page.goto(`${app.url}/social/decisions`);
    const row = page.getByRole('row', { name: /畲江镇蓝莓产业基地冷库建设方案报区审定/ });
    await row.getByText(/已逾期\d+天/).waitFor();
    await row.getByRole('button', { name: /办\s*结/ }).click();
    const dialog = page.getByRole('dialog');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // Beijing
    await dialog.getByLabel('办结日期').fill(today);
    await dialog.getByLabel('办结日期').press('Enter');
    await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
    await dialog.getByLabel('办结情况').fill('方案已报区审定');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('暂无议定事项').waitFor();
    const [done] = await app.services.database.query<{ done_on: string | null }>(
      "select done_on::text from social_decisions where content = '畲江镇蓝莓产业基地冷库建设方案报区审定'",
    );
    expect(done.done_on).toBe(today);
    await page.context().close();
  }, 120_000); // four sign-ins on a machine shared by many

  it('HQ lists the meetings (4 high-level joint, 6 symposia, 55 town-level) and opens one with its decisions', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_social');
    await page.goto(`${app.url}/social/meetings`);
    await page.getByText('共 67 条').waitFor(); // and 2 of last year
    await screenshot(page, 'social-meetings');
    await page.locator('.ant-select').filter({ hasText: '级别' }).click();
    await page.getByTitle('县（区）级').click();
    await page.getByText('共 12 条').waitFor();
    await page.getByRole('cell', { name: '荔湾区—梅县区党政联席会议（第1次）' }).click();
    await page.getByRole('dialog').getByText('梳理五镇民生实事项目清单').waitFor();
    await screenshot(page, 'social-meeting-detail');
    await page.context().close();

    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'hq_social');
    await phone.goto(`${app.url}/social/publicity`);
    await phone.getByText('共 256 条').waitFor();
    await screenshot(phone, 'social-publicity-phone');
    await phone.context().close();
  });

  /** A DatePicker of the open dialog, typed as 2026-06-30. */
  const typeDate = async (page: Page, label: string, value: string) => {
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(label, { exact: true }).fill(value);
    await dialog.getByLabel(label, { exact: true }).press('Enter');
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
  };
  const place = (page: Page, label: string, name: string) => searchAndPick(page, page.getByRole('dialog'), label, name, name);
  const beijing = (daysAgo: number) => new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

  for (const [i, [name, viewport]] of (
    [
      ['desktop', undefined],
      ['phone', PHONE],
    ] as const
  ).entries()) {
    it(`the 畲江 team records a donation of cash and 30 quilts nobody valued: counted as items, not money (${name})`, async () => {
      const page = await newPage(browser, viewport);
      await signIn(page, app.url, 'leader_shejiang');
      await page.goto(`${app.url}/social/donations`);
      await page.getByText(`${748 + 30 * i} 件`).waitFor(); // the demo's 748 garments, and what an earlier run added
      await page.getByRole('button', { name: '登记捐赠' }).click();
      const dialog = page.getByRole('dialog');
      await typeDate(page, '日期', beijing(1));
      await dialog.getByLabel('捐赠方', { exact: true }).fill(`荔湾区爱心企业（${name}）`);
      await dialog.getByLabel('受助对象', { exact: true }).fill('畲江镇困难群众');
      await place(page, '所在地', '畲江镇');
      await dialog.getByLabel('慰问金（元）').fill('2000');
      await dialog.getByLabel('物资名称').fill('棉被');
      await dialog.getByLabel('单位', { exact: true }).fill('床');
      // no quantity: the server says so under the field
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.getByText('填写了物资名称，请填写数量').waitFor();
      await screenshot(page, `social-donation-form-error-${name}`);
      await dialog.getByLabel('数量', { exact: true }).fill('30');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page
        .getByText(/棉被 30床/)
        .first()
        .waitFor();
      await page.getByText(`${748 + 30 * (i + 1)} 件`).waitFor(); // the demo's 748 garments, and 30 quilts a run
      await screenshot(page, `social-donation-saved-${name}`);
      const [row] = await app.services.database.query<{ cash: string; value: string | null; team: string }>(
        `select cash_amount::text as cash, goods_value::text as value, t.name as team from social_donations d join teams t on t.id = d.team_id
         where donor_name = $1`,
        [`荔湾区爱心企业（${name}）`],
      );
      expect(row).toEqual({ cash: '2000.00', value: null, team: '荔湾驻畲江镇帮扶工作队' });
      await page.context().close();
    }, 120_000);

    it(`a meeting is recorded with a decision; past its due date it is on the team’s worklist (${name})`, async () => {
      const page = await newPage(browser, viewport);
      await signIn(page, app.url, 'leader_shejiang');
      await page.goto(`${app.url}/social/meetings`);
      await page.getByRole('button', { name: '登记会议' }).click();
      const dialog = page.getByRole('dialog');
      await typeDate(page, '日期', beijing(10));
      await choose(page, page.getByRole('dialog'), '类型', '工作推进会');
      await choose(page, page.getByRole('dialog'), '级别', '镇级');
      await dialog.getByLabel('名称', { exact: true }).fill(`畲江镇帮扶工作推进会（${name}）`);
      await place(page, '所在地', '畲江镇');
      await dialog.getByLabel('帮扶方参会领导', { exact: true }).fill('驻畲江镇工作队队长');
      await dialog.getByLabel('受帮扶方参会领导', { exact: true }).fill('畲江镇党委书记、镇长');
      await dialog.getByRole('button', { name: '添加议定事项' }).click();
      await dialog.getByLabel('事项内容').fill(`蓝莓基地二期用地报批（${name}）`);
      await dialog.getByLabel('责任人').fill('畲江镇农业办');
      await typeDate(page, '完成时限', beijing(1));
      await screenshot(page, `social-meeting-form-${name}`);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 30_000 }); // a busy machine may take its time to save
      await page.getByText(`畲江镇帮扶工作推进会（${name}）`).first().waitFor(); // a table row, or a card on a phone
      await page.goto(`${app.url}/social/decisions`);
      // a table row on a desktop, a card on a phone (the state beside the decision, not off the screen's edge)
      const row = page.locator('.ant-table-row, [data-testid=decision-card]').filter({ hasText: `蓝莓基地二期用地报批（${name}）` });
      await row.getByText('已逾期1天').waitFor();
      await row.getByText('荔湾驻畲江镇帮扶工作队').waitFor(); // the owner team: the meeting's, none being named
      await screenshot(page, `social-meeting-decision-worklist-${name}`);
      await page.context().close();
    }, 120_000);
  }

  it('social funds name the projects they paid for: shown on the fund list and on the project’s page; the other forms open', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_social');
    await page.goto(`${app.url}/social/funds`);
    await page.getByText('NK-LD-02 南龙村道路亮化工程').waitFor();
    await screenshot(page, 'social-funds');
    await page.getByRole('button', { name: '登记资金' }).click();
    await page.getByRole('dialog').getByLabel('资助项目').click();
    await page.keyboard.type('NK-LD-0');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'NK-LD-05' }).waitFor();
    await screenshot(page, 'social-fund-form');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /取\s*消/ }).click();

    const [{ id }] = await app.services.database.query<{ id: number }>("select id from funds_projects where code = 'NK-LD-02'");
    await page.goto(`${app.url}/funds/projects/${id}`);
    await page.getByText('广州市荔湾区站前街道办事处').waitFor();
    await page.getByText(/社会帮扶资金（认捐金额 20万元/).waitFor();
    await screenshot(page, 'social-funds-on-project');

    for (const [path, button, shot] of [
      ['visits', '登记互访', 'social-visit-form'],
      ['publicity', '登记报道', 'social-publicity-form'],
    ]) {
      await page.goto(`${app.url}/social/${path}`);
      await page.getByRole('button', { name: button }).click();
      await page.getByRole('dialog').waitFor();
      await screenshot(page, shot);
    }
    await page.context().close();

    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'hq_social');
    await phone.goto(`${app.url}/social/funds`);
    await phone.getByText('NK-LD-02 南龙村道路亮化工程').waitFor();
    await screenshot(phone, 'social-funds-phone');
    await phone.context().close();
  }, 120_000);

  it('corrects records in place: a report filed as 市级 becomes 省级, a meeting’s name in its drawer, a donation’s quantity on a phone', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_social');
    const [report] = await app.services.database.query<{ id: number; title: string }>(
      "select id, title from social_publicity where media_level = 'city' order by id limit 1",
    );
    await page.goto(`${app.url}/social/publicity`);
    await page.getByPlaceholder('标题 / 媒体').fill(report.title);
    await page.getByPlaceholder('标题 / 媒体').press('Enter');
    await page.getByRole('button', { name: `编辑 ${report.title}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('编辑报道').waitFor();
    expect(await dialog.getByLabel('名称', { exact: true }).inputValue()).toBe(report.title); // the row's values, not blanks
    await choose(page, dialog, '媒体级别', '省级');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
    await page
      .getByRole('row', { name: new RegExp(report.title) })
      .getByText('省级', { exact: true })
      .waitFor();
    const [{ level }] = await app.services.database.query<{ level: string }>(
      'select media_level as level from social_publicity where id = $1',
      [report.id],
    );
    expect(level).toBe('provincial');

    await page.goto(`${app.url}/social/meetings`);
    await page.getByRole('row').filter({ hasText: '联席会议' }).first().click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('button', { name: /编\s*辑/ }).click();
    const title = page.getByRole('dialog').filter({ hasText: '编辑会议' }).getByLabel('名称', { exact: true });
    const before = await title.inputValue();
    await title.fill(`${before}（更正）`);
    await screenshot(page, 'social-meeting-edit');
    await page
      .getByRole('dialog')
      .filter({ hasText: '编辑会议' })
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await drawer.locator('.ant-drawer-title').getByText(`${before}（更正）`).waitFor();
    await page.context().close();

    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'leader_shejiang');
    await phone.goto(`${app.url}/social/donations`);
    const [gift] = await app.services.database.query<{ donor: string; recipient: string }>(
      "select donor_name as donor, recipient_name as recipient from social_donations where goods_item = '棉被' and goods_value is null order by id limit 1",
    );
    await phone.getByRole('button', { name: `编辑 ${gift.donor} ${gift.recipient}` }).click();
    await phone.getByRole('dialog').getByLabel('数量', { exact: true }).fill('40');
    await screenshot(phone, 'social-donation-edit-phone');
    await phone
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await phone.getByRole('dialog').waitFor({ state: 'hidden', timeout: 30_000 });
    await phone
      .getByText(/棉被 40床/)
      .first()
      .waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.context().close();
  }, 180_000);
  for (const [name, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const)
    it(`a town’s staff give to a monitored household picked by its head, add a photo, and see it under 其中监测户 (${name})`, async () => {
      const page = await newPage(browser, viewport);
      await signIn(page, app.url, 'staff_gangping_social');
      await page.goto(`${app.url}/social/donations`);
      await page.getByRole('button', { name: '登记捐赠' }).click();
      const dialog = page.getByRole('dialog');
      await typeDate(page, '日期', beijing(name === 'desktop' ? 3 : 2)); // the latest first: this run's gift heads the list
      await dialog.getByLabel('捐赠方', { exact: true }).fill(`顺德某企业（${name}）`);
      await searchAndPick(page, dialog, '关联监测户', '麦伯', '麦伯（化名）户', '麦伯（化名）户 · 兴义村委会');
      expect(await dialog.getByLabel('受助对象', { exact: true }).inputValue()).toBe('麦伯（化名）'); // filled from the register
      await dialog.getByLabel('慰问金（元）').fill('1500');
      await screenshot(page, `social-donation-household-form-${name}`);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
      const [gift] = await app.services.database.query<{ id: number; household: string; division: string }>(
        `select d.id, h.head_name as household, d.division_code as division from social_donations d
         join monitoring_households h on h.id = d.household_id where d.donor_name = $1`,
        [`顺德某企业（${name}）`],
      );
      expect(gift).toMatchObject({ household: '麦伯（化名）', division: '441224109202' });
      await page.getByRole('button', { name: `编辑 顺德某企业（${name}） 麦伯（化名）` }).waitFor();
      await page.getByTestId('donation-photos').first().click();
      const photos = page.getByTestId('attachments-social-donation-photo');
      await photos
        .getByTestId('attachments-input')
        .setInputFiles({ name: `慰问麦伯（${name}）.png`, mimeType: 'image/png', buffer: streetScene(480, 320, name === 'phone') });
      await page.getByText(`已上传 慰问麦伯（${name}）.png`).waitFor();
      await photos.getByTestId('attachment-photo').first().waitFor();
      await screenshot(page, `social-donation-photo-${name}`);
      await page.keyboard.press('Escape');
      await page.goto(`${app.url}/?node=d:441224109&period=Y${beijing(3).slice(0, 4)}`);
      // the donations' 其中监测户 row: the desktop gift, then both (the figure re-renders as the refresher catches up)
      const monitored = page
        .getByRole('row')
        .filter({ hasText: '其中监测户' })
        .filter({ hasText: name === 'desktop' ? '1,500元' : '3,000元' })
        .first();
      await monitored.waitFor();
      await inView(monitored);
      await page.screenshot({ path: `test-artifacts/social-dashboard-monitored-${name}.png` });
      await page.context().close();
    }, 120_000);
});
