// Browser-test support: the real app (in this process, on a fresh PGlite with demo data) and Debian's
// chromium driven by playwright-core. Screenshots go to test-artifacts/ — look at them.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Role } from '@xiezuo/shared/roles';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { type Config, loadConfig } from '../packages/server/src/config';
import { modules } from '../packages/server/src/modules';
import { createUser } from '../packages/server/src/platform/auth/service';
import { users } from '../packages/server/src/platform/auth/tables';
import { startServices } from '../packages/server/src/platform/bootstrap';
import type { Services } from '../packages/server/src/platform/context';
import { eq } from '../packages/server/src/platform/db/sql';
import { buildApp } from '../packages/server/src/platform/http/app';
import { createScratchDatabase } from '../packages/server/src/testing/database';

export const ARTIFACTS = resolve(__dirname, '../test-artifacts');
export const PASSWORD = 'e2e passphrase for tests';

export interface RunningApp {
  url: string;
  services: Services;
  demo?: { usernames: string[]; passwords: Record<string, string> };
  /** A user whose password is already changed to PASSWORD. */
  addUser(username: string, role: Role, scope?: { all?: boolean; divisions?: string[]; teams?: number[] }): Promise<void>;
  close(): Promise<void>;
}

type Started = Awaited<ReturnType<typeof startServices>>;

/**
 * On PGlite, an app's data directory is a copy of one made once per test run — created, migrated, reference data
 * and (when asked) the demo seeded — since creating and migrating a PGlite database is most of a file's set-up
 * time (≈ 60 s of 85 on a busy machine). The copy is the same database a fresh start would make.
 */
async function fromTemplate(config: Config): Promise<Started['demo']> {
  const template = join(inject('e2eTemplates'), config.seedDemo ? 'demo' : 'bare');
  const ready = join(template, 'ready.json');
  if (!existsSync(ready)) {
    rmSync(template, { recursive: true, force: true });
    const { services, demo } = await startServices({ ...config, dataDir: template }, modules);
    await services.database.close();
    writeFileSync(ready, JSON.stringify(demo ?? null));
  }
  cpSync(template, config.dataDir, { recursive: true });
  return JSON.parse(readFileSync(ready, 'utf8')) ?? undefined;
}

export async function startApp(opts: { seedDemo?: boolean; env?: Record<string, string> } = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xz-e2e-'));
  // on the real PostgreSQL when TEST_DATABASE_URL is set, as the unit tests do
  const scratch = process.env.TEST_DATABASE_URL ? await createScratchDatabase(process.env.TEST_DATABASE_URL) : undefined;
  const config: Config = {
    ...loadConfig({ ...opts.env }),
    databaseUrl: scratch?.url,
    dataDir,
    webDist: inject('webDist'),
    port: 0,
    host: '127.0.0.1',
    scryptCost: 10,
    seedDemo: opts.seedDemo ?? true,
  };
  // a test's own settings may change what is seeded: those start from nothing
  const templated = !scratch && !opts.env ? await fromTemplate(config) : undefined;
  const started = await startServices(config, modules);
  const { services } = started;
  const demo = started.demo ?? templated;
  const app = await buildApp(services, modules);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const system = { id: null, name: 'e2e', ip: null };
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    demo,
    async addUser(username, role, scope = {}) {
      const input = {
        username,
        displayName: username,
        role,
        scopeAll: scope.all ?? false,
        scopeDivisions: scope.divisions ?? [],
        scopeTeams: scope.teams ?? [],
      };
      await createUser(services.db, config, input, system, PASSWORD);
      await services.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, username));
    },
    async close() {
      await app.close();
      await services.database.close();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const DESKTOP = { width: 1366, height: 800 };
export const PHONE = { width: 375, height: 740 };

/** The browsers of the people the tests play are in China: "today" in a form is Beijing's day, as for them
 * (between 16:00 and 24:00 UTC a browser on UTC would still be on yesterday). */
export const TIMEZONE = 'Asia/Shanghai';

export async function newPage(browser: Browser, viewport = DESKTOP, locale = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale, timezoneId: TIMEZONE, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/**
 * Picks a place in a searching select (DivisionPicker): types the name, clicks the option whose text has `option`
 * and waits to see `chosen` shown in the field. The search answers as it goes and a click that lands while the
 * list re-renders is lost — a user sees the empty field and picks again; so does this, at most three times.
 */
export async function searchAndPick(page: Page, scope: Locator, label: string, typed: string, option: string | RegExp, chosen = typed) {
  const shown = () => scope.getByTitle(chosen, { exact: true });
  for (let tries = 0; tries < 3 && !(await shown().count()); tries++) {
    await scope.getByLabel(label, { exact: true }).click();
    await scope.getByLabel(label, { exact: true }).fill(typed);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
    await shown()
      .waitFor({ timeout: 3000 })
      .catch(() => undefined);
  }
  await shown().waitFor();
}

/** Chooses `option` in the plain select labelled `label` within `scope`, seeing it shown chosen before going on:
 * a click while the list re-renders can be lost on a busy machine, so the pick is tried again. */
export async function choose(page: Page, scope: Locator, label: string, option: string) {
  const shown = () => scope.getByTitle(option, { exact: true });
  for (let tries = 0; tries < 3 && !(await shown().count()); tries++) {
    await scope.getByLabel(label, { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click({ timeout: 5000 })
      .catch(() => undefined); // the list closed under the click (it re-rendered): open it again
    await shown()
      .waitFor({ timeout: 3000 })
      .catch(() => undefined);
  }
  await shown().first().waitFor();
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Points at a menu that opens on hover until `item` shows. While a page is still settling, the content can
 * shift under the pointer and close the menu again; a person would simply point again.
 */
export async function hoverUntilShown(page: Page, trigger: Locator, item: Locator) {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.mouse.move(0, 0);
    await trigger.hover();
    const shown = await item.waitFor({ timeout: 3000 }).catch(() => 'not yet');
    if (shown !== 'not yet') return;
  }
  await item.waitFor();
}

/** Opens the user menu, chooses 退出登录 and waits for the sign-in page. */
export async function signOut(page: Page) {
  const item = page.getByRole('menuitem', { name: /退出登录|Sign out/ });
  await hoverUntilShown(page, page.getByTestId('user-menu'), item);
  await item.click();
  await page.waitForURL(/\/login$/);
}

/** Signs in through the login form and waits for the shell. */
export async function signIn(page: Page, baseUrl: string, username: string, password = PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.getByTestId('user-menu').waitFor();
}
