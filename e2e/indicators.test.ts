// The dashboard in the browser (the landing page) on the demo data, and a generated work report rendered
// to PNG through LibreOffice → PDF → pdftoppm (when installed) — look at test-artifacts/indicators-*.png.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCalendar } from '@xiezuo/shared/calendar/demoDates';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refresherOf, reportsIdle } from '../packages/server/src/modules/indicators/service';
import { ARTIFACTS, launchBrowser, newPage, PHONE, type RunningApp, screenshot, signIn, startApp } from './support';

// the demo is dated relative to today: its visits fill the current half-year, its targets are this half-year's and year's
const cal = demoCalendar();
const HALF = cal.halfKey;
const YEAR = cal.yearKey;
const firstMonth = cal.currentHalf.from.slice(0, 7);
const CUSTOM = `C${firstMonth}~${cal.year}-${cal.halfKey.endsWith('2') ? '08' : '02'}`; // two months: a custom range
let app: RunningApp;
let browser: Browser;
let gangping: number;
let gangpingName: string;

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  [{ id: gangping, name: gangpingName }] = await app.services.database.query<{ id: number; name: string }>(
    `select id, name from teams where name like '%岗坪镇%' order by id limit 1`,
  );
  await app.addUser('hq_dash', 'hq', { all: true });
  await app.addUser('xingyi_dash', 'town_staff', { divisions: ['441224109202'] });
  await refresherOf(app.services).runOnce();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('dashboard in the browser', () => {
  it('opens as the landing page and shows the 岗坪镇 team against its targets', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_dash');
    await page.getByTestId('dashboard').waitFor();
    await page.goto(`${app.url}/?node=t:${gangping}&period=${HALF}`);
    const card = page.getByTestId('kpi-monitoring.visitedHouseholds');
    await card.getByText('42').waitFor();
    await page.getByTestId('kpi-monitoring.visitedPersons').getByText('121').waitFor();
    await page.getByTestId('gauge-chart').waitFor();
    await page.waitForTimeout(800); // chart animations
    await screenshot(page, 'indicators-dashboard-team');
    await page.context().close();
  });

  it('groups the cards by module and folds a module with nothing this period into one line (兴义村 has no industry)', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'hq_dash');
    await page.getByTestId('dashboard').waitFor();
    await page.goto(`${app.url}/?node=d:441224109202&period=${HALF}`);
    const monitoring = page.getByTestId('kpi-group-monitoring');
    await monitoring.getByText('防返贫监测').waitFor();
    await monitoring.getByTestId('kpi-monitoring.households').getByText('5', { exact: true }).waitFor();
    const industry = page.getByTestId('kpi-group-industry');
    await industry.getByText(/本期无数据（\d+ 项均为 0）/).waitFor();
    expect(await industry.getByTestId('kpi-industry.enterprises').count()).toBe(0);
    await screenshot(page, 'indicators-dashboard-folded-phone');
    await industry.getByTestId('kpi-fold-industry').click();
    await industry.getByTestId('kpi-industry.enterprises').waitFor();
    // the children's table carries only figures some child has: no column of zeros per module
    const headers = await page.getByTestId('children-table').locator('th').allInnerTexts();
    expect(headers.some((h) => h.includes('引进企业'))).toBe(false);
    await page.context().close();
  });

  it('opens scope 全部 on 全部 with the provinces, and the node picker finds a town and a team by name', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_dash');
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('dashboard').getByRole('heading', { name: /^全部/ }).waitFor();
    await page.getByTestId('children-table').getByText('广东省').waitFor();
    await screenshot(page, 'indicators-picker-hq-home');
    await page.getByTestId('node-select').click();
    await page.keyboard.type('岗坪');
    await page.locator('.ant-select-item-option').filter({ hasText: '岗坪镇' }).filter({ hasText: '怀集县' }).waitFor();
    await screenshot(page, 'indicators-picker-search');
    await page.locator('.ant-select-item-option').filter({ hasText: '岗坪镇' }).filter({ hasText: '怀集县' }).click();
    await page.waitForURL(/node=d%3A441224109|node=d:441224109/);
    await page
      .getByTestId('dashboard')
      .getByRole('heading', { name: /^岗坪镇/ })
      .waitFor();
    // the team tree: pick the 岗坪镇 team
    await page.getByTestId('node-tree').getByText('按队伍').click();
    await page.getByTestId('node-select').click();
    await page.keyboard.type('岗坪');
    // the team itself, in the open dropdown (the division search's list may linger hidden; several teams name 岗坪镇)
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: gangpingName })
      .first()
      .click();
    await page.waitForURL(new RegExp(`node=t%3A${gangping}|node=t:${gangping}`));
    await page.context().close();
  });

  it("opens the 兴义村 cadre's dashboard on their village with its own figures (5 households), at desktop and 375 px", async () => {
    for (const phone of [false, true]) {
      const page = await newPage(browser, phone ? PHONE : undefined);
      await signIn(page, app.url, 'xingyi_dash');
      await page
        .getByTestId('dashboard')
        .getByRole('heading', { name: /^兴义村/ })
        .waitFor();
      await page.goto(`${app.url}/?period=${YEAR}`);
      await page.getByTestId('kpi-monitoring.households').getByText('5', { exact: true }).waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, phone ? 'indicators-village-phone' : 'indicators-village');
      await page.context().close();
    }
  });

  it('shows the county with its map and the ranking of its towns; drills down by clicking', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_dash');
    await page.goto(`${app.url}/?node=d:441224&period=${YEAR}&rank=monitoring.visitedPersons`);
    await page.getByTestId('children-table').getByText('岗坪镇').waitFor();
    await page.getByTestId('map-chart').locator('canvas').waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, 'indicators-dashboard-county');
    await page.getByTestId('children-table').getByText('岗坪镇').click();
    await page.waitForURL(/node=d%3A441224109|node=d:441224109/);
    await page.getByTestId('kpi-monitoring.visitedPersons').getByText('121').waitFor();
    await page.context().close();
  });

  it('draws all three provinces on the HQ map: a city of each answers when pointed at', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_dash');
    await page.goto(`${app.url}/?node=all&period=${YEAR}`);
    const map = page.getByTestId('map-chart');
    await map.locator('canvas').waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, 'indicators-dashboard-hq');
    await map.scrollIntoViewIfNeeded();
    await map.screenshot({ path: join(ARTIFACTS, 'indicators-map-hq.png') });
    const box = (await map.boundingBox())!;
    for (const [city, lngLat] of [
      ['广州市', [113.4, 23.3]],
      ['南宁市', [108.4, 23.0]],
      ['贵阳市', [106.7, 26.7]],
    ] as const) {
      const [x, y] = await map.evaluate((el, p) => (el as unknown as { toPixel: (p: number[]) => number[] }).toPixel(p), [...lngLat]);
      await page.mouse.move(box.x + x, box.y + y);
      await expect.poll(() => map.innerText(), { timeout: 5000 }).toContain(city);
    }
    await page.context().close();
  });

  it('opens 广东省 from a click in Guangdong on the top map, then shows Guangdong alone and keeps the figures while loading', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_dash');
    await page.goto(`${app.url}/?node=all&period=${YEAR}`);
    const map = page.getByTestId('map-chart');
    await map.locator('canvas').waitFor();
    await page.waitForTimeout(800);
    await map.scrollIntoViewIfNeeded();
    const toPixel = (lngLat: number[]) =>
      map.evaluate((el, p) => (el as unknown as { toPixel: (p: number[]) => number[] }).toPixel(p), lngLat);
    // answers slowly from here on: the page must keep its figures (dimmed) rather than blank to a spinner
    // (4 s: long enough that a loaded machine still sees the dimmed state before the answer comes)
    await page.route('**/api/indicators/dashboard**', async (route) => {
      await new Promise((r) => setTimeout(r, 4000));
      await route.continue();
    });
    const box = (await map.boundingBox())!;
    const [x, y] = await toPixel([113.4, 23.3]); // 广州市
    await page.mouse.click(box.x + x, box.y + y);
    await page.waitForURL(/node=d%3A44(&|$)|node=d:44(&|$)/);
    await page.locator('[data-testid="dashboard"][data-loading="true"]').waitFor({ timeout: 3500 });
    expect(await page.getByTestId('children-table').count()).toBe(1);
    await page.locator('[data-testid="dashboard"]:not([data-loading])').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 4 }).innerText()).toContain('广东省');
    await page.waitForTimeout(1000);
    // Guangdong fills the map: Guangzhou is inside it, Nanning (广西) is not drawn
    await map.screenshot({ path: join(ARTIFACTS, 'indicators-map-guangdong.png') });
    // Guangdong fills the map: 广州 → 汕头 (3.3° of longitude) spans over a quarter of its width
    // (on the three-province map it is about a sixth)
    const box2 = (await map.boundingBox())!;
    const [gx, gy] = await toPixel([113.4, 23.3]);
    const [sx] = await toPixel([116.7, 23.4]);
    expect(gx > 0 && gx < box2.width && gy > 0 && gy < box2.height).toBe(true);
    expect((sx - gx) / box2.width).toBeGreaterThan(0.25);
    await page.context().close();
  });

  it('does not download the map on a phone until asked', async () => {
    const page = await newPage(browser, PHONE);
    const mapChunks: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/(southMap|MapCard)-/.test(r.url())) mapChunks.push(r.url());
    });
    await signIn(page, app.url, 'hq_dash');
    await page.goto(`${app.url}/?node=d:441224&period=${YEAR}`);
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    await page.getByTestId('show-map').waitFor();
    expect(mapChunks).toEqual([]);
    await page.getByTestId('show-map').click();
    await page.getByTestId('map-chart').locator('canvas').waitFor();
    expect(mapChunks.length).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    await screenshot(page, 'indicators-dashboard-phone-map');
    await page.context().close();
  });

  it('explains distinct counts over a custom range, and writes English units apart', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_dash');
    await page.goto(`${app.url}/?node=t:${gangping}&period=${CUSTOM}`);
    await page.getByTestId('kpi-monitoring.visitedHouseholds').getByText('自定义期间不合计').waitFor();
    await page.getByText('EN', { exact: true }).click();
    await page.getByTestId('kpi-monitoring.visitedHouseholds').getByText('not over a custom range').waitFor();
    await page.goto(`${app.url}/?node=t:${gangping}&period=${HALF}`);
    await page.getByText('42 households').first().waitFor();
    await screenshot(page, 'indicators-dashboard-en');
    await page.context().close();
  });

  it('fits a phone', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'hq_dash');
    await page.goto(`${app.url}/?node=t:${gangping}&period=${HALF}`);
    await page.getByTestId('kpi-monitoring.visitedHouseholds').getByText('42').waitFor();
    await page.waitForTimeout(800);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'indicators-dashboard-phone');
    await page.context().close();
  });

  it('generates the half-year work report of the team from the dashboard', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_dash');
    await page.goto(`${app.url}/?node=t:${gangping}&period=${HALF}`);
    await page.getByTestId('make-report').click();
    await page.getByText('报告已开始生成').waitFor();
    await reportsIdle(app.services);
    await page.goto(`${app.url}/indicators/reports`);
    await page.getByText('已完成').first().waitFor();
    await screenshot(page, 'indicators-reports');
    const [job] = await app.services.database.query<{ file: Uint8Array; file_name: string }>(
      `select file, file_name from report_jobs where status = 'done' order by id desc limit 1`,
    );
    expect(job.file_name).toBe(
      `顺德龙江驻怀集县岗坪镇帮镇扶村工作队${cal.year}年${cal.halfKey.endsWith('2') ? '下' : '上'}半年工作报告.docx`,
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    const docx = join(ARTIFACTS, 'indicators-report.docx');
    writeFileSync(docx, Buffer.from(job.file));
    // needs libreoffice-writer and poppler-utils (apt-get install -y libreoffice-writer poppler-utils)
    if (existsSync('/usr/bin/soffice') && existsSync('/usr/bin/pdftoppm')) {
      const profile = `file://${join(tmpdir(), 'xz-lo-profile')}`;
      execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', ARTIFACTS, docx], {
        timeout: 120_000,
        stdio: 'ignore',
      });
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        join(ARTIFACTS, 'indicators-report.pdf'),
        join(ARTIFACTS, 'indicators-report'),
      ]);
      expect(existsSync(join(ARTIFACTS, 'indicators-report-1.png'))).toBe(true);
    }
    await page.context().close();
  }, 180_000);
});
