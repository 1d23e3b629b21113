// 离线走访 on a 375 px phone with no signal (network emulation): the village cadre records two visits (one with
// a photo and a GPS stamp) and a measure follow-up offline, closes the page, opens it again still offline
// (served by the service worker, the queue still there), comes back online and finds all three on the server
// exactly once. A household changed on the server meanwhile is reconciled and the cadre is told what changed.
// The phone's IndexedDB holds no plain name, ID number or finding. Look at test-artifacts/offline-*.png.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRisk } from '../packages/server/src/modules/monitoring/activity';
import { memberLeaves } from '../packages/server/src/modules/monitoring/households';
import {
  type BuiltHousehold,
  GANGPING,
  insertHousehold,
  insertMeasure,
  insertRisk,
  insertVillages,
  XINGYI,
} from '../packages/server/src/modules/monitoring/testing/builders';
import { systemCtx } from '../packages/server/src/platform/ctx';
import { sql } from '../packages/server/src/platform/db/sql';
import { DESKTOP, launchBrowser, newPage, PHONE, type RunningApp, screenshot, signIn, signOut, startApp, TIMEZONE } from './support';

let app: RunningApp;
let browser: Browser;
let huang: BuiltHousehold, li: BuiltHousehold, wei: BuiltHousehold;
let measureId: number, illnessId: number;
const today = todayInBeijing();
const FINDINGS = ['老人慢性病药费负担重，已申请医疗救助（离线记录一）', '务工收入稳定，孩子在读初中（离线记录二）'];

beforeAll(async () => {
  app = await startApp({ seedDemo: false });
  const ctx = systemCtx(app.services);
  await insertVillages(app.services);
  huang = await insertHousehold(ctx, { village: XINGYI, monitored: '2025-01-10', members: [{ name: '黄德明' }, { name: '黄小雨' }] });
  li = await insertHousehold(ctx, { village: XINGYI, monitored: '2025-02-10', members: [{ name: '李秀英' }] });
  wei = await insertHousehold(ctx, { village: XINGYI, monitored: '2025-03-10', members: [{ name: '韦大山' }, { name: '韦小河' }] });
  measureId = (await insertMeasure(ctx, huang.id, { description: '雨露计划助学补助', startOn: '2025-03-01' })).id;
  illnessId = (await insertRisk(ctx, wei.id, 'illness')).id;
  await app.addUser('cun_offline', 'town_staff', { divisions: [XINGYI] });
  await app.addUser('zhen_offline', 'town_staff', { divisions: [GANGPING] });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const q = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => (await app.services.db.execute(query)).rows as T[];

/** A phone that may read its position (the GPS stamp), signed in, with the service worker in control. */
async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: PHONE,
    locale: 'zh-CN',
    timezoneId: TIMEZONE,
    deviceScaleFactor: 1,
    geolocation: { latitude: 24.0812, longitude: 112.1843, accuracy: 25 },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, app.url, 'cun_offline');
  await page.goto(`${app.url}/monitoring/field`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined)); // installed: the app shell is cached
  await page.reload(); // a page opened after that is served through the worker
  await page.getByTestId('offline-card').first().waitFor();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  return { context, page };
}

const card = (page: Page, head: string) => page.getByTestId('offline-card').filter({ hasText: head });

/** A photo as a phone camera takes it: 1600×1200 of fine detail (noise), far above 300 KB. */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 1600;
    c.height = 1200;
    const g = c.getContext('2d')!;
    const img = g.createImageData(c.width, c.height);
    for (let i = 0; i < img.data.length; i++) img.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
    g.putImageData(img, 0, 0);
    return c.toDataURL('image/png').split(',')[1];
  });
  return Buffer.from(b64, 'base64');
}

async function recordVisit(page: Page, head: string, findings: string, extra?: (page: Page) => Promise<void>) {
  await card(page, head).getByTestId('offline-visit').click();
  await page.waitForURL(/\/monitoring\/visit\/\d+$/);
  await page.getByLabel('走访发现').fill(findings);
  await extra?.(page);
  await page.getByTestId('visit-submit').click();
  await page.waitForURL(/\/monitoring\/field$/);
}

/** Everything in the phone's IndexedDB, ciphertext read as text, and the cached HTTP answers' URLs. */
const phoneStorage = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('xiezuo-offline');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const dump: Record<string, string[]> = {};
    const asText = (v: unknown): string => {
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
        const bytes = new Uint8Array(v instanceof ArrayBuffer ? v : v.buffer);
        return new TextDecoder('utf-8', { fatal: false }).decode(bytes) + btoa(String.fromCharCode(...bytes.slice(0, 4096)));
      }
      if (v instanceof CryptoKey) return `CryptoKey(extractable=${v.extractable})`;
      if (v && typeof v === 'object')
        return Object.entries(v)
          .map(([k, x]) => `${k}=${asText(x)}`)
          .join(';');
      return String(v);
    };
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
      });
      dump[name] = rows.map(asText);
    }
    const cached: string[] = [];
    for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) cached.push(new URL(r.url).pathname);
    return { dump, cached };
  });

describe('offline visits on the phone', () => {
  let context: BrowserContext;
  let page: Page;

  it('records two visits and a follow-up with no signal, keeps them through closing the page, uploads each once', async () => {
    ({ context, page } = await phone());
    await screenshot(page, 'offline-field-online');
    await context.setOffline(true);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);

    const photo = await cameraPhoto(page);
    expect(photo.length).toBeGreaterThan(1_000_000);
    await recordVisit(page, '黄德明', FINDINGS[0], async (page) => {
      await page.locator('input[type=file]').setInputFiles({ name: 'IMG_0815.png', mimeType: 'image/png', buffer: photo });
      await page.getByTestId('visit-photo').waitFor();
      await page.getByTestId('visit-gps').click();
      await page.getByText(/位置 24\.08120, 112\.18430/).waitFor();
      // 户主签字 with a finger on the pad
      const pad = (await page.getByTestId('signature-pad').boundingBox())!;
      await page.mouse.move(pad.x + 30, pad.y + 100);
      await page.mouse.down();
      for (const [dx, dy] of [
        [60, -50],
        [110, 20],
        [170, -40],
        [240, 10],
      ])
        await page.mouse.move(pad.x + dx, pad.y + 80 + dy, { steps: 4 });
      await page.mouse.up();
      await screenshot(page, 'offline-visit-form');
    });
    await expect.poll(() => page.getByTestId('queue-pending').innerText()).toBe('1 条待上传');
    await recordVisit(page, '李秀英', FINDINGS[1]);

    await card(page, '黄德明').getByTestId(`follow-up-${measureId}`).click();
    await page.getByTestId('follow-up-note').fill('补助已到账（离线跟进）');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('queue-pending').innerText()).toBe('3 条待上传');
    await screenshot(page, 'offline-queue');
    const visits = await q(sql`select id from monitoring_visits`);
    expect(visits).toHaveLength(0); // nothing reached the server

    // closed and opened again, still with no signal: the service worker serves the app, the queue is still there
    await page.close();
    page = await context.newPage();
    await page.goto(`${app.url}/monitoring/field`);
    await expect.poll(() => page.getByTestId('queue-pending').innerText()).toBe('3 条待上传');
    await card(page, '李秀英').waitFor();
    await page.getByText('当前无网络，使用本机离线资料').waitFor();
    await screenshot(page, 'offline-reopened');
    // the worker's own requests are offline too: what it serves came from its cache, not the server
    const probe = await page.evaluate(() =>
      fetch('/icons/icon.svg?probe').then(
        () => 'network',
        () => 'offline',
      ),
    );
    expect(probe).toBe('offline');

    const { dump, cached } = await phoneStorage(page);
    expect(dump.queue).toHaveLength(3);
    const stored = JSON.stringify(dump);
    for (const plain of ['黄德明', '黄小雨', '李秀英', huang.head, li.head, huang.head.slice(-4), FINDINGS[0], '补助已到账', '24.0812'])
      expect(stored, `IndexedDB holds "${plain}" in the clear`).not.toContain(plain);
    expect(dump.keys).toEqual(['CryptoKey(extractable=false)']);
    expect(cached.some((p) => p.startsWith('/api/'))).toBe(false); // API answers are never in the HTTP cache
    expect(cached).toContain('/index.html');

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('queue-pending').count(), { timeout: 30_000 }).toBe(0);
    await screenshot(page, 'offline-uploaded');

    const rows = await q<{ household_id: number; findings: string; gps: { lat: number } | null; photos: number }>(
      sql`select v.household_id, v.findings, v.gps, (select count(*)::int from monitoring_attachments a where a.visit_id = v.id) as photos
          from monitoring_visits v order by v.id`,
    );
    expect(rows.map((r) => [r.household_id, r.findings, r.photos])).toEqual([
      [huang.id, FINDINGS[0], 2], // the photo and the signature
      [li.id, FINDINGS[1], 0],
    ]);
    expect(rows[0].gps?.lat).toBeCloseTo(24.0812, 4);
    const [file] = await q<{ size: number; mime_type: string; taken_at: Date | null; head: string }>(
      sql`select size, mime_type, taken_at, encode(substr(content, 1, 3), 'hex') as head from monitoring_attachments where file_name = 'IMG_0815.jpg'`,
    );
    expect(file).toMatchObject({ mime_type: 'image/jpeg', head: 'ffd8ff' });
    expect(file.size).toBeLessThanOrEqual(300 * 1024);
    expect(file.taken_at).not.toBeNull();
    expect(await q(sql`select id from monitoring_attachments where file_name = '户主签字.jpg'`)).toHaveLength(1);
    const [m] = await q<{ last_follow_up_on: string; follow_up_note: string }>(
      sql`select last_follow_up_on::text, follow_up_note from monitoring_measures where id = ${measureId}`,
    );
    expect(m).toEqual({ last_follow_up_on: today, follow_up_note: '补助已到账（离线跟进）' });
    const receipts = await q<{ kind: string; n: number }>(
      sql`select kind, count(*)::int as n from monitoring_client_writes group by kind order by kind`,
    );
    expect(receipts).toEqual([
      { kind: 'followUp', n: 1 },
      { kind: 'photo', n: 2 },
      { kind: 'visit', n: 2 },
    ]);

    // the town's reviewer sees the visit with its photo (time taken) and the GPS stamp
    const reviewer = await newPage(browser, DESKTOP);
    await signIn(reviewer, app.url, 'zhen_offline');
    await reviewer.goto(`${app.url}/monitoring/households/${huang.id}`);
    await reviewer.getByRole('tab', { name: '入户走访' }).click();
    await reviewer
      .getByTestId('visit-gps-stamp')
      .getByText(/位置 24\.08120, 112\.18430（±25 米）/)
      .waitFor();
    await reviewer.getByRole('link', { name: /IMG_0815\.jpg · 拍摄于/ }).waitFor();
    await reviewer.getByRole('link', { name: /户主签字\.jpg/ }).waitFor();
    await screenshot(reviewer, 'offline-reviewer-desktop');
    await reviewer.context().close();

    // opened again online: nothing is sent twice
    await page.reload();
    await page.getByTestId('offline-card').first().waitFor();
    await page.waitForTimeout(1000);
    expect(await q(sql`select id from monitoring_visits`)).toHaveLength(2);
  }, 120_000); // a photo compressed in the page, a service worker installed, three uploads: slow on a busy machine

  it('reconciles a household that changed on the server meanwhile and tells the cadre what changed', async () => {
    await context.setOffline(true);
    await recordVisit(page, '韦大山', '韦大山病情好转，已能下地劳动', async (page) => {
      await page.getByLabel('因病').last().check(); // 已消除的风险: illness
    });
    await expect.poll(() => page.getByTestId('queue-pending').innerText()).toBe('1 条待上传');

    // meanwhile the town: the son moved out, the illness risk was closed with the town's own note
    const town = systemCtx(app.services, 'town');
    const [son] = await q<{ id: number }>(sql`select id from monitoring_members where name = '韦小河'`);
    await memberLeaves(town, son.id, 'moved_out');
    await closeRisk(town, illnessId, { closedOn: today, note: '乡镇核实已康复' });

    await context.setOffline(false);
    const notice = page.getByTestId('reconciled');
    await notice.waitFor({ timeout: 30_000 });
    const said = await notice.innerText();
    expect(said).toContain('成员 韦小河 已不在本户（迁出）');
    expect(said).toMatch(/风险「因病」已于 \d{4}-\d{2}-\d{2} 消除，未重复消除/);
    await screenshot(page, 'offline-reconciled');
    const [risk] = await q<{ close_note: string }>(sql`select close_note from monitoring_risks where id = ${illnessId}`);
    expect(risk.close_note).toBe('乡镇核实已康复'); // the town's closing is not overwritten
    expect(await q(sql`select id from monitoring_visits where household_id = ${wei.id}`)).toHaveLength(1);

    await notice.getByRole('button', { name: '知道了' }).click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('after the idle limit offline asks for a new sign-in; the sealed queue waits for the same user, then uploads', async () => {
    await context.setOffline(true);
    await recordVisit(page, '李秀英', '复查：孩子学费已落实（超时前离线记录）');
    await expect.poll(() => page.getByTestId('queue-pending').innerText()).toBe('1 条待上传');
    // two hours without a touch (the idle limit is 30 minutes): reopened with no signal, the app asks for a sign-in
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const r = indexedDB.open('xiezuo-offline');
          r.onsuccess = () => {
            const tx = r.result.transaction('session', 'readwrite');
            tx.objectStore('session').put(Date.now() - 2 * 3_600_000, 'active');
            tx.oncomplete = () => resolve();
          };
        }),
    );
    await page.reload();
    await page.waitForURL(/\/login$/);
    const { dump } = await phoneStorage(page);
    expect(dump.keys).toEqual([]);
    expect(dump.queue).toHaveLength(1); // still there, sealed under a key the phone no longer holds
    expect(await q(sql`select id from monitoring_visits where findings like '复查%'`)).toHaveLength(0);

    await context.setOffline(false);
    await signIn(page, app.url, 'cun_offline');
    await expect
      .poll(async () => (await q(sql`select id from monitoring_visits where findings like '复查%'`)).length, { timeout: 30_000 })
      .toBe(1);
  });

  it('wipes the key on sign-out: what is left on the phone cannot be read', async () => {
    await signOut(page);
    const { dump } = await phoneStorage(page);
    expect(dump.keys).toEqual([]);
    expect(dump.vault.length).toBeLessThanOrEqual(1); // at most the sealed notices, under a key that is gone
    await context.close();
  });
});
