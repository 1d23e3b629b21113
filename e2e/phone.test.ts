// The village cadre on a 375 px phone: a bottom bar (待办, 走访, 监测户) one tap from anywhere, lists as cards
// with the title in view, filters folded into one 筛选 button, and the menu as a drawer over a backdrop.
// Look at test-artifacts/phone-*.png.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XINGYI } from '../packages/server/src/modules/monitoring/demo';
import { DESKTOP, launchBrowser, newPage, PHONE, type RunningApp, screenshot, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  await app.addUser('cun_phone', 'town_staff', { divisions: [XINGYI] });
  await app.addUser('viewer_phone', 'viewer', { all: true });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the village cadre on a phone', () => {
  it('reaches 监测户, 走访 and 待办 from the bottom bar; the list is cards under a visible title', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'cun_phone');
    const bar = page.getByTestId('bottom-bar');
    await bar.waitFor();
    expect(await bar.getByRole('link').allInnerTexts()).toEqual(['待办', '走访', '监测户']);
    await screenshot(page, 'phone-home');

    await bar.getByRole('link', { name: '监测户' }).click();
    await page.waitForURL(/\/monitoring\/households$/);
    const cards = page.getByTestId('list-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await page.locator('table').count()).toBe(0); // no clipped desktop table
    // the title is in view and not squeezed by the buttons
    const title = page.locator('.ant-card-head-title').first();
    expect(await title.innerText()).toBe('监测户');
    const box = (await title.boundingBox())!;
    expect(box.width).toBeGreaterThan(40);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    // a card shows the head of household and the village by label
    const first = cards.first();
    expect(await first.innerText()).toMatch(/所在村/);
    expect(await overflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'phone-households');

    // filters fold into one button that opens them in a drawer
    await page.getByTestId('list-filters').click();
    const drawer = page.getByRole('dialog').filter({ hasText: '筛选' });
    await drawer.waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'phone-households-filters');
    await drawer.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => drawer.isVisible()).toBe(false);

    await bar.getByRole('link', { name: '走访' }).click();
    await page.waitForURL(/\/monitoring\/visit$/);
    await page.getByTestId('visit-household').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'phone-visit');

    await bar.getByRole('link', { name: '待办' }).click();
    await page.waitForURL(/\/monitoring\/worklist$/);
    await page.context().close();
  });

  it('opens the menu as a drawer over a backdrop that closes it', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'cun_phone');
    await page.getByTestId('menu-button').click();
    await page.getByRole('menuitem', { name: /工作台/ }).waitFor();
    const mask = page.locator('.ant-drawer-mask');
    await mask.waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'phone-menu');
    await page.mouse.click(360, 400); // on the backdrop, right of the 240 px drawer
    await page.getByRole('menuitem', { name: /工作台/ }).waitFor({ state: 'hidden' });
    await page.context().close();
  });

  it('gives no bottom bar to a user who does not record visits, nor on a desktop', async () => {
    const phone = await newPage(browser, PHONE);
    await signIn(phone, app.url, 'viewer_phone');
    await phone.waitForTimeout(500);
    expect(await phone.getByTestId('bottom-bar').count()).toBe(0);
    await phone.context().close();
    const desktop = await newPage(browser, DESKTOP);
    await signIn(desktop, app.url, 'cun_phone');
    await desktop.goto(`${app.url}/monitoring/households`);
    await desktop.locator('table').first().waitFor();
    expect(await desktop.getByTestId('bottom-bar').count()).toBe(0);
    await screenshot(desktop, 'phone-households-desktop');
    await desktop.context().close();
  });
});
