// Assessment forms and the dashboards' agreement panel, in the browser on a fresh app with demo data: the 中山 side
// draws up the year's agreement with 水城 through the form (two targets, its own sign-off; it is offered no field for
// the other side's), and the agreement's live progress then shows on the dashboard of the helper side (中山) and of the
// helped side (水城) — at desktop width and on a 375 px phone. HQ copies last year's framework to a new year and edits
// the copy; a helped-side user sees no framework buttons. The lists are cards on a phone.
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, newPage, PHONE, type RunningApp, screenshot, searchAndPick, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;
let pairingLabel: string;
const year = new Date().getFullYear();

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  await app.addUser('zs_lead', 'team_leader', { divisions: ['442000000000'] }); // 中山市: the helper side
  await app.addUser('sc_view', 'viewer', { divisions: ['520204000000'] }); // 水城区: the helped side
  await app.addUser('hq_fw', 'hq', { all: true });
  const [p] = await app.services.database.query<{ helper: string; helped: string; programme: string }>(
    `select h.name as helper, d.name as helped, g.name as programme from pairings p
       join divisions h on h.code = p.helper_division_code join divisions d on d.code = p.helped_division_code
       join programmes g on g.id = p.programme_id
     where p.helper_division_code = '442000000000' and p.helped_division_code = '520204000000'`,
  );
  pairingLabel = `${p.helper} → ${p.helped}（${p.programme}）`;
  browser = await launchBrowser();
}, 480_000); // the demo seed of every module, on a shared machine
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A part of a page (the dashboard is long: its full-page shot is too tall to read the panel in). */
const shot = (part: Locator, name: string) => part.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/** The dialog has finished opening (its zoom), so the shot shows it, not a frame of the animation. */
const settled = (page: Page) =>
  page
    .locator('.ant-modal')
    .last()
    .evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));

/** The page is no wider than the screen (a table scrolls inside its card, a phone page never sideways). */
const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function agreementOfShuicheng() {
  const rows = await app.services.database.query<{ id: number; indicator: string; target: string; helper_signed: unknown }>(
    `select a.id, t.indicator, t.target::text as target, a.helper_signed from assessment_agreements a
       join assessment_agreement_targets t on t.agreement_id = a.id
     where a.helped_division_code = '520204000000' and a.year = ${year} order by t.id`,
  );
  return rows;
}

describe('assessment forms and the agreement panel', () => {
  it('the helper side creates the agreement through the form; its progress shows on both sides’ dashboards', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'zs_lead');
    await page.goto(`${app.url}/assessment/agreements`);
    await page.getByTestId('new-agreement').click();
    const dialog = page.getByRole('dialog');
    await searchAndPick(page, dialog, '结对', '水城', `→ ${pairingLabel.split(' → ')[1].split('（')[0]}`, pairingLabel);
    // the year defaults to this one; two targets: money in 万元, a count in 人
    const first = dialog.getByTestId('target-row-0');
    await searchAndPick(page, first, '指标', '到位帮扶资金', '到位帮扶资金');
    await first.getByLabel('目标值').fill('4000');
    await first.getByText('万元').waitFor(); // the unit beside the value
    await dialog.getByRole('button', { name: '添加目标' }).click();
    const second = dialog.getByTestId('target-row-1');
    await searchAndPick(page, second, '指标', '农村劳动力务工就业', '农村劳动力务工就业');
    await second.getByLabel('目标值').fill('500');
    // this user's scope is 中山: the helper side's sign-off only
    await dialog.getByLabel('帮扶方签署日期').waitFor();
    expect(await dialog.getByLabel('受帮扶方签署日期').count()).toBe(0);
    await dialog.getByLabel('帮扶方签署日期').fill(`${year}-03-01`);
    await dialog.getByLabel('帮扶方签署日期').press('Enter');
    // a date without its signer is refused by the form
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('必填').first().waitFor();
    await dialog.getByLabel('帮扶方签署人').fill('中山市 李四');
    await dialog.getByText('必填').waitFor({ state: 'detached' });
    await screenshot(page, 'assessment-agreement-form');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    // saved: the agreement's page, signed by the helper side, the helped side not yet
    await page
      .getByText(/帮扶方已签署：.*中山市 李四（工作队队长）/)
      .first()
      .waitFor();
    await page.getByText('受帮扶方未签署').first().waitFor();
    await page.getByText('协议目标').waitFor();
    await screenshot(page, 'assessment-agreement-created');

    // stored as typed: 4,000万元 = 40,000,000 元, 500 人, the helper's signature
    const rows = await agreementOfShuicheng();
    expect(rows.map((r) => [r.indicator, Number(r.target)])).toEqual([
      ['funds.received', 40_000_000],
      ['labour.employed', 500],
    ]);
    expect(rows[0].helper_signed).toMatchObject({ signer: '中山市 李四', signedOn: `${year}-03-01`, role: 'team_leader' });
    const id = rows[0].id;

    // the helper side's dashboard (its home page): the agreement with each target's live figure against it
    await page.goto(`${app.url}/`);
    const panel = page.getByTestId(`agreement-progress-${id}`);
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByText('本方为帮扶方').waitFor();
    await panel.getByText(/实时 .+ \/ 目标 4,000万元/).waitFor();
    await panel.getByText(/实时 .+ \/ 目标 500人/).waitFor();
    const helperText = await panel.innerText();
    await shot(page.getByTestId('agreement-panel'), 'assessment-panel-helper');
    await page.context().close();

    // the form on a phone: one column, nothing wider than the screen
    const phoneForm = await newPage(browser, PHONE);
    await signIn(phoneForm, app.url, 'zs_lead');
    await phoneForm.goto(`${app.url}/assessment/agreements`);
    await phoneForm.getByTestId('new-agreement').click();
    await phoneForm.getByRole('dialog').getByTestId('target-row-0').waitFor();
    await settled(phoneForm);
    expect(await noSideways(phoneForm)).toBeLessThanOrEqual(1);
    await phoneForm.screenshot({ path: join(ARTIFACTS, 'assessment-agreement-form-phone.png') });
    await phoneForm.context().close();

    // the helped side's dashboard shows the same agreement and figures, as the helped side — desktop and phone
    for (const viewport of [undefined, PHONE]) {
      const helped = await newPage(browser, viewport);
      await signIn(helped, app.url, 'sc_view');
      await helped.goto(`${app.url}/`);
      const mine = helped.getByTestId(`agreement-progress-${id}`);
      await mine.waitFor({ timeout: 60_000 });
      await mine.getByText('本方为受帮扶方').waitFor();
      const text = await mine.innerText();
      // the same live figures and progress as the helper side sees
      const figures = (s: string) => s.match(/实时 .+ \/ 目标 .+|\d+\.\d%/g);
      expect(figures(text)).toEqual(figures(helperText));
      expect(figures(text)?.length).toBeGreaterThanOrEqual(4);
      if (viewport) expect(await noSideways(helped)).toBeLessThanOrEqual(1);
      await shot(helped.getByTestId('agreement-panel'), viewport ? 'assessment-panel-helped-phone' : 'assessment-panel-helped');
      if (viewport) {
        // the panel among the dashboard's cards, as the phone shows it
        await helped.getByTestId('agreement-panel').scrollIntoViewIfNeeded();
        await helped.screenshot({ path: join(ARTIFACTS, 'assessment-dashboard-helped-phone.png') });
      }
      // the helped side may read agreements but not draw one up
      await helped.goto(`${app.url}/assessment/agreements`);
      await helped.getByText('中山市 → ').first().waitFor();
      expect(await helped.getByTestId('new-agreement').count()).toBe(0);
      if (viewport) {
        expect(await helped.getByTestId('list-card').count()).toBeGreaterThan(0);
        expect(await noSideways(helped)).toBeLessThanOrEqual(1);
        await screenshot(helped, 'assessment-agreements-phone');
      }
      await helped.context().close();
    }
  }, 420_000);

  it('HQ copies the framework to the next year and edits the copy; others see no framework buttons; lists are cards on a phone', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_fw');
    // HQ's dashboard (全部): the year's agreements of every pairing, the first five shown and a link to them all
    const [{ n }] = await app.services.database.query<{ n: number }>(
      `select count(*)::int as n from assessment_agreements where year = ${year}`,
    );
    expect(n).toBeGreaterThan(5);
    const top = page.getByTestId('agreement-panel');
    await top.waitFor({ timeout: 60_000 });
    expect(await top.locator('[data-testid^="agreement-progress-"]').count()).toBe(5);
    await top.getByRole('link', { name: `全部 ${n} 份协议` }).click();
    await page.getByTestId('list-page').getByText('中山市 → 水城区').waitFor();
    await page.goto(`${app.url}/assessment/frameworks`);
    const row = page.locator('tr', { hasText: `${year}年东西部协作` }).first();
    await row.getByRole('button', { name: /复制为新年度并修改/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('编辑指标体系').waitFor();
    expect(await dialog.getByLabel('年度').inputValue()).toBe(String(year + 1));
    // the copy holds last year's tree: raise the first item's points and add an aspect with one item
    const points = dialog.getByTestId('item-0-0').getByLabel('分值');
    const before = Number(await points.inputValue());
    await points.fill(String(before + 2));
    await dialog.getByRole('button', { name: '添加方面' }).click();
    const aspects = await dialog.locator('[data-testid^="aspect-"]').count();
    const added = dialog.getByTestId(`aspect-${aspects - 1}`);
    await added.getByLabel('方面编号').fill('digital');
    await added.getByLabel('方面名称').fill('数字化协作');
    // an item code used twice: the server's refusal shows under the new item's code, and nothing is saved
    const taken = await dialog.getByTestId('item-0-0').getByLabel('项目编号').inputValue();
    await added.getByLabel('项目编号').fill(taken);
    await added.getByLabel('项目名称').fill('数字化协作典型案例');
    await searchAndPick(page, added, '关联指标', '宣传报道', '宣传报道');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await added.getByText(`考核项目编号「${taken}」重复`).waitFor();
    const [{ versions }] = await app.services.database.query<{ versions: number }>(
      `select count(*)::int as versions from assessment_frameworks where year = ${year + 1} and aspects::text like '%数字化协作%'`,
    );
    expect(versions).toBe(0);
    await screenshot(page, 'assessment-framework-refused');
    await added.getByLabel('项目编号').fill('digital.cases');
    await screenshot(page, 'assessment-framework-form');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    // saved: the copy's page, one version up, editable, with the new item
    await page.getByText('数字化协作典型案例').waitFor();
    await page.getByText('可编辑').first().waitFor();
    const [saved] = await app.services.database.query<{
      aspects: { code: string; items: { code: string; maxPoints: number }[] }[];
      version: number;
    }>(`select aspects, version from assessment_frameworks where year = ${year + 1} and programme = 'east_west'`);
    expect(saved.version).toBe(2);
    expect(saved.aspects[0].items[0].maxPoints).toBe(before + 2);
    expect(saved.aspects.at(-1)?.items.map((i) => i.code)).toEqual(['digital.cases']);
    await screenshot(page, 'assessment-framework-copy');
    await page.context().close();

    // the assessed side: reads frameworks, no button to create, edit or copy; cycles and frameworks as cards
    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'sc_view');
    await phone.goto(`${app.url}/assessment/frameworks`);
    await phone.getByTestId('list-card').first().waitFor();
    expect(await phone.getByTestId('new-framework').count()).toBe(0);
    expect(await phone.getByRole('button', { name: /复制为新年度并修改|编\s*辑/ }).count()).toBe(0);
    expect(await noSideways(phone)).toBeLessThanOrEqual(1);
    await screenshot(phone, 'assessment-frameworks-phone');
    const hqPhone = await newPage(browser, PHONE);
    await signIn(hqPhone, app.url, 'hq_fw');
    await hqPhone.goto(`${app.url}/assessment/cycles`);
    await hqPhone.getByTestId('list-card').first().waitFor();
    expect(await noSideways(hqPhone)).toBeLessThanOrEqual(1);
    await screenshot(hqPhone, 'assessment-cycles-phone');
    // HQ's new-framework form on a phone: one column, nothing wider than the screen
    await hqPhone.goto(`${app.url}/assessment/frameworks`);
    await hqPhone.getByTestId('new-framework').click();
    await hqPhone.getByRole('dialog').getByTestId('aspect-0').waitFor();
    await settled(hqPhone);
    expect(await noSideways(hqPhone)).toBeLessThanOrEqual(1);
    await hqPhone.screenshot({ path: join(ARTIFACTS, 'assessment-framework-form-phone.png') });
    await phone.context().close();
    await hqPhone.context().close();
  }, 300_000);
});
