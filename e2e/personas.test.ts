// Each demo persona's first day: sign in with the one-time password the console prints, choose a new one,
// and land on 工作台 — opened on the persona's own node with figures of the current half-year (the demo
// is dated relative to today), not zeros. Desktop and 375 px screenshots: test-artifacts/persona-*.png.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refresherOf } from '../packages/server/src/modules/indicators/service';
import { ARTIFACTS, DESKTOP, launchBrowser, newPage, PASSWORD, PHONE, type RunningApp, screenshot, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  await refresherOf(app.services).runOnce();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The persona, the node their home opens on, and figures of it that must be there (KPI code → value). */
const PERSONAS: {
  user: string;
  who: string;
  heading: RegExp;
  figures: Record<string, number>;
  first: 'desktop' | 'phone';
  /** a node below theirs listed with its figures (a town lists its villages) */
  child?: [name: string, households: string];
}[] = [
  {
    user: 'hq',
    who: '省协作指挥部',
    heading: /^全部/,
    figures: { 'monitoring.households': 42, 'monitoring.visitedHouseholds': 42 },
    first: 'desktop',
  },
  {
    user: 'leader_bingcun',
    who: '丙村镇工作队队长',
    heading: /^荔湾驻丙村镇帮扶工作队/,
    figures: { 'teams.members': 3, 'teams.professionalsSent': 6 },
    first: 'desktop',
  },
  {
    user: 'staff_gangping',
    who: '岗坪镇工作人员',
    heading: /^岗坪镇/,
    figures: { 'monitoring.households': 42, 'monitoring.persons': 121, 'monitoring.visitedPersons': 121 },
    first: 'desktop',
    child: ['兴义村委会', '5'],
  },
  {
    user: 'county_huaiji',
    who: '怀集县审核人员',
    heading: /^怀集县/,
    figures: { 'monitoring.households': 42, 'monitoring.visitedHouseholds': 42 },
    first: 'desktop',
    child: ['岗坪镇', '42'],
  },
  {
    user: 'village_xingyi',
    who: '兴义村工作人员',
    heading: /^兴义村/,
    figures: { 'monitoring.households': 5, 'monitoring.visitedHouseholds': 5 },
    first: 'phone',
  },
  { user: 'admin', who: '系统管理员', heading: /^全部/, figures: { 'monitoring.households': 42 }, first: 'desktop' },
];

/** The number a KPI card shows (1,234 → 1234). */
async function kpiValue(page: Page, code: string): Promise<number> {
  const text = await page.getByTestId(`kpi-${code}`).locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

/** First sign-in: the one-time password, then the forced change, then home. */
async function firstSignIn(page: Page, user: string) {
  await signIn(page, app.url, user, app.demo!.passwords[user]);
  await page.waitForURL(/\/password$/);
  await page.getByLabel('当前密码').fill(app.demo!.passwords[user]);
  await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认新密码').fill(PASSWORD);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL((u) => u.pathname === '/');
}

describe('each persona lands on their own node with figures', () => {
  for (const p of PERSONAS) {
    it(`${p.user} (${p.who})`, async () => {
      expect(app.demo?.usernames).toContain(p.user);
      const order = p.first === 'phone' ? [PHONE, DESKTOP] : [DESKTOP, PHONE];
      for (const [k, viewport] of order.entries()) {
        const page = await newPage(browser, viewport);
        if (k === 0) await firstSignIn(page, p.user);
        else await signIn(page, app.url, p.user);
        const dash = page.getByTestId('dashboard');
        await dash.getByRole('heading', { name: p.heading }).waitFor();
        await page.locator('[data-testid="dashboard"]:not([data-loading])').waitFor();
        for (const [code, value] of Object.entries(p.figures)) {
          await expect.poll(() => kpiValue(page, code), { message: `${p.user}: ${code}` }).toBe(value);
        }
        await dash.getByText(/数据更新于 今天 \d\d:\d\d/).waitFor();
        if (p.child) {
          const row = page.getByTestId('children-table').getByRole('row').filter({ hasText: p.child[0] });
          await row.getByRole('cell', { name: p.child[1], exact: true }).first().waitFor();
        }
        if (viewport === PHONE)
          expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
        await page.waitForTimeout(800); // chart animations
        await screenshot(page, `persona-${p.user}${viewport === PHONE ? '-phone' : ''}`);
        // what the first screen shows, without scrolling
        await page.screenshot({ path: join(ARTIFACTS, `persona-${p.user}${viewport === PHONE ? '-phone' : ''}-top.png`) });
        await page.context().close();
      }
    });
  }
});
