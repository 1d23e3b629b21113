// The platform as a cadre meets it: sign in, mistakes, lockout, language, sign out, phone width.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PASSWORD, PHONE, type RunningApp, screenshot, signIn, signOut, startApp } from './support';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ seedDemo: false });
  await app.addUser('leader', 'team_leader', { divisions: ['441224000000'] });
  await app.addUser('victim', 'viewer');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('platform in the browser', () => {
  it('shows the sign-in page in Chinese and signs in', async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/login$/);
    await screenshot(page, 'platform-login');
    await signIn(page, app.url, 'leader');
    // the scope is shown by name: the division tree is loaded at every start
    await expect(page.getByTestId('scope').textContent()).resolves.toContain('怀集县');
    await screenshot(page, 'platform-home');
    await page.context().close();
  });

  it('shows a 403 result, not a working-looking page, when a team leader opens the admin pages or the audit log', async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, app.url, 'leader');
    for (const [path, name] of [
      ['/admin/users', '用户管理'],
      ['/admin/sessions', ''],
      ['/audit', ''],
    ] as const) {
      await page.goto(`${app.url}${path}`);
      await page.getByTestId('forbidden').waitFor();
      await expect(page.getByTestId('forbidden').textContent()).resolves.toContain('无权访问此页面');
      if (name) await expect(page.getByTestId('forbidden').textContent()).resolves.toContain('工作队队长');
      expect(await page.getByText('新增用户').count()).toBe(0);
    }
    await screenshot(page, 'platform-forbidden');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the audit log in words: actions, entities and records by name, not internal names', async () => {
    await app.addUser('audit_admin', 'admin', { all: true });
    const page = await newPage(browser);
    await signIn(page, app.url, 'audit_admin');
    await page.goto(`${app.url}/audit`);
    await page.getByRole('cell', { name: '用户', exact: true }).first().waitFor();
    await page.getByRole('cell', { name: 'audit_admin', exact: true }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'user', exact: true }).count()).toBe(0);
    await screenshot(page, 'platform-audit-names');
    await page.context().close();
  });

  it('says so when the password is wrong, and locks after five failures', async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/login`);
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel('用户名').fill('victim');
      await page.getByLabel('密码').fill(`wrong-${i}`);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      const expected = i < 5 ? '用户名或密码错误' : '账号已锁定';
      await page.getByTestId('login-error').filter({ hasText: expected }).waitFor();
    }
    await screenshot(page, 'platform-locked');
    // the right password does not help while locked
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('login-error').filter({ hasText: '15 分钟' }).waitFor();
    await page.context().close();
  });

  it('switches the language to English and back', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'leader');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('menuitem', { name: 'Home' }).waitFor();
    await page.getByText('Scope').waitFor();
    await screenshot(page, 'platform-home-en');
    // the choice survives a reload and reaches the API's error messages too
    await page.reload();
    await page.getByRole('menuitem', { name: 'Home' }).waitFor();
    const res = await page.evaluate(() => fetch('/api/audit').then((r) => r.json()));
    expect(res.message).toBe('Your role may not do this');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('menuitem', { name: '工作台' }).waitFor();
    await page.context().close();
  });

  it('signs out and then needs to sign in again', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'leader');
    await signOut(page);
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/login$/);
    await page.context().close();
  });

  it('works at phone width (375 px) with the menu behind a button', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'leader');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await screenshot(page, 'platform-phone');
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: /工作台/ }).waitFor();
    await page.waitForTimeout(400); // let the drawer finish sliding in
    await screenshot(page, 'platform-phone-menu');
    await page.context().close();
  });

  it('makes a new user change the one-time password first', async () => {
    const admin = await newPage(browser);
    await app.addUser('root', 'admin', { all: true });
    await signIn(admin, app.url, 'root');
    await admin.goto(`${app.url}/admin/users`);
    await admin.getByRole('button', { name: '新增用户' }).click();
    await admin.getByLabel('用户名').fill('xiaoli');
    await admin.getByLabel('姓名').fill('小李');
    await admin.getByRole('button', { name: /保\s*存/ }).click();
    const code = admin.locator('.ant-alert code');
    await code.waitFor();
    const oneTime = (await code.textContent())!.trim();
    await screenshot(admin, 'platform-admin-users');
    await admin.context().close();

    const page = await newPage(browser);
    await page.goto(`${app.url}/login`);
    await page.getByLabel('用户名').fill('xiaoli');
    await page.getByLabel('密码').fill(oneTime);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/password$/);
    await screenshot(page, 'platform-password-forced');
    await page.getByText('为了账号安全，请先设置新密码').waitFor();
    await page.getByLabel('当前密码').fill(oneTime);
    await page.getByLabel('新密码', { exact: true }).fill('123456');
    await page.getByLabel('确认新密码').fill('123456');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('这是常见或已泄露的密码，请换一个').first().waitFor();
    await page.getByText('至少 12 个字符', { exact: true }).first().waitFor();
    await screenshot(page, 'platform-password-rules');
    await page.getByLabel('新密码', { exact: true }).fill('lychee orchard by the river');
    await page.getByLabel('确认新密码').fill('lychee orchard by the river');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(`${app.url}/`);
    await page.getByRole('menuitem', { name: '工作台' }).waitFor();
    expect(await page.getByTestId('user-menu').textContent()).toContain('小李');
    await page.context().close();
  });

  it('lets an admin keep the holiday calendar that the procedure clocks count with', async () => {
    await app.addUser('keeper', 'admin', { all: true });
    const page = await newPage(browser);
    await signIn(page, app.url, 'keeper');
    await page.goto(`${app.url}/admin/calendar`);
    await page.getByLabel('年份').fill('2025');
    const national = page.getByRole('row').filter({ hasText: '2025年10月8日' });
    await national.getByText('放假').waitFor();
    await expect(national.textContent()).resolves.toContain('星期三');
    await page.getByRole('row').filter({ hasText: '2025年9月28日' }).getByText('调休上班', { exact: true }).waitFor();

    const form = page.getByTestId('calendar-form');
    await form.getByLabel('日期').fill('2025-12-31');
    await form.getByLabel('日期').press('Enter');
    await form.getByLabel('名称').fill('演示假日');
    await page.getByRole('button', { name: /添\s*加/ }).click();
    await page.getByRole('row').filter({ hasText: '2025年12月31日' }).getByText('演示假日').waitFor();
    await screenshot(page, 'platform-calendar');
    await page.context().close();
  });
});
