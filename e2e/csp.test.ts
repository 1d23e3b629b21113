// The built web app under the server's Content Security Policy: every page renders (Ant Design's inline
// styles, ECharts' canvases and the map, images saved from charts) with no CSP violation in the console.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refresherOf } from '../packages/server/src/modules/indicators/service';
import { launchBrowser, newPage, type RunningApp, screenshot, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  await app.addUser('hq_csp', 'hq', { all: true });
  await app.addUser('root_csp', 'admin', { all: true });
  await refresherOf(app.services).runOnce();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Collects CSP violations, both as the console reports them and as the page's own event. */
async function watch(page: Page) {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
  });
  return violations;
}

const PAGES = [
  ['/', 'dashboard'],
  ['/indicators/targets', null],
  ['/registry/map', null],
  ['/registry/pairings', null],
  ['/teams/tree', null],
  ['/monitoring/households', null],
  ['/ledgers', null],
] as const;

describe('content security policy', () => {
  it('sends the policy with the app and every page renders without a violation', async () => {
    const page = await newPage(browser);
    const violations = await watch(page);
    const res = await page.goto(`${app.url}/login`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await signIn(page, app.url, 'hq_csp');
    for (const [path, testId] of PAGES) {
      await page.goto(`${app.url}${path}`);
      await page.getByTestId('user-menu').waitFor();
      if (testId) await page.getByTestId(testId).waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
    }
    await page.goto(`${app.url}/`);
    await page.getByTestId('dashboard').waitFor();
    await page.waitForLoadState('networkidle');
    // charts draw on canvases: at least one is painted
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    await screenshot(page, 'csp-dashboard');
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('renders the admin pages without a violation', async () => {
    const page = await newPage(browser);
    const violations = await watch(page);
    await signIn(page, app.url, 'root_csp');
    for (const path of ['/admin/users', '/admin/sessions', '/admin/calendar']) {
      await page.goto(`${app.url}${path}`);
      await page.getByTestId('user-menu').waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
