// `npm run bench:firstload`: what a first visit costs on a phone. The production build of the web app
// (pre-compressed assets) is served by the real app on demo data; Debian's chromium (playwright-core) opens
// the sign-in page, the dashboard (the landing page) and the visit form at 375 px on a throttled 4G profile
// (Chrome DevTools Protocol Network.emulateNetworkConditions: 150 ms round trip, 1.6 Mbit/s down,
// 750 kbit/s up — Lighthouse's mobile profile) with an empty cache, and prints each page's transfer
// (bytes on the wire, headers included) and time until the page shows its content, against a budget.
// Exits 1 when a page is over its budget. BENCH_WEB_DIST uses a build already made (else one is built).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../packages/server/src/config';
import { modules } from '../packages/server/src/modules';
import { refresherOf } from '../packages/server/src/modules/indicators/service';
import { XINGYI } from '../packages/server/src/modules/monitoring/demo';
import { createUser } from '../packages/server/src/platform/auth/service';
import { users } from '../packages/server/src/platform/auth/tables';
import { startServices } from '../packages/server/src/platform/bootstrap';
import { eq } from '../packages/server/src/platform/db/sql';
import { buildApp } from '../packages/server/src/platform/http/app';

const PASSWORD = 'bench passphrase for first load';
const PHONE = { width: 375, height: 740 };
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const KB = 1024;

interface Case {
  name: string;
  user?: string;
  path: string;
  ready: (page: Page) => Promise<unknown>;
  budgetKb: number;
}

const CASES: Case[] = [
  { name: '登录 sign-in', path: '/login', ready: (p) => p.getByRole('button', { name: /登\s*录/ }).waitFor(), budgetKb: 450 },
  {
    name: '工作台 dashboard (HQ)',
    user: 'bench_hq',
    path: '/',
    ready: (p) => p.getByTestId('trend-chart').locator('canvas').waitFor(),
    budgetKb: 700,
  },
  {
    name: '工作台 dashboard (village)',
    user: 'bench_village',
    path: '/',
    ready: (p) => p.getByTestId('dashboard').waitFor(),
    budgetKb: 700,
  },
  {
    name: '入户走访 visit form (village)',
    user: 'bench_village',
    path: '/monitoring/visit',
    ready: (p) => p.getByTestId('visit-household').waitFor(),
    budgetKb: 500,
  },
];

async function main() {
  const own = !process.env.BENCH_WEB_DIST;
  const webDist = process.env.BENCH_WEB_DIST ?? mkdtempSync(join(tmpdir(), 'xz-firstload-web-'));
  if (own) {
    console.log('building the web app …');
    execFileSync('npx', ['vite', 'build', 'packages/web', '--outDir', webDist, '--emptyOutDir', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'xz-firstload-'));
  const config = { ...loadConfig({}), dataDir, webDist, port: 0, host: '127.0.0.1', scryptCost: 10, seedDemo: true };
  console.log('starting the app on demo data …');
  const { services } = await startServices(config, modules);
  const app = await buildApp(services, modules);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const system = { id: null, name: 'bench', ip: null };
  for (const [username, role, scope] of [
    ['bench_hq', 'hq', { scopeAll: true, scopeDivisions: [] }],
    ['bench_village', 'town_staff', { scopeAll: false, scopeDivisions: [XINGYI] }],
  ] as const) {
    await createUser(
      services.db,
      config,
      { username, displayName: username, role, ...scope, scopeDivisions: [...scope.scopeDivisions], scopeTeams: [] },
      system,
      PASSWORD,
    );
    await services.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, username));
  }
  await refresherOf(services).runOnce();

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const rows: { name: string; kb: number; requests: number; ms: number; budgetKb: number }[] = [];
  try {
    for (const c of CASES) {
      const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      if (c.user) {
        const res = await context.request.post(`${url}/api/auth/login`, { data: { username: c.user, password: PASSWORD } });
        if (!res.ok()) throw new Error(`sign-in of ${c.user}: ${res.status()}`);
      }
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
      let bytes = 0;
      let requests = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        bytes += e.encodedDataLength;
        requests++;
      });
      const t0 = Date.now();
      await page.goto(`${url}${c.path}`);
      await c.ready(page);
      const took = Date.now() - t0;
      await page.waitForLoadState('networkidle');
      rows.push({ name: c.name, kb: bytes / KB, requests, ms: took, budgetKb: c.budgetKb });
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    await services.database.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (own) rmSync(webDist, { recursive: true, force: true });
  }

  console.log('\nfirst load at 375 px, throttled 4G (150 ms RTT, 1.6 Mbit/s down), empty cache:');
  console.log('| page | transferred | requests | shown after | budget |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    const over = r.kb > r.budgetKb;
    console.log(
      `| ${r.name} | ${Math.round(r.kb)} KB | ${r.requests} | ${(r.ms / 1000).toFixed(1)} s | < ${r.budgetKb} KB ${over ? '✗ OVER' : '✓'} |`,
    );
  }
  if (rows.some((r) => r.kb > r.budgetKb)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
