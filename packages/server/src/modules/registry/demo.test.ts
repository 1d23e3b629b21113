import { count } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app';
import { registrySeed } from './demo';
import { D, PAIRINGS, UNITS } from './demoData';
import { loadDivisions } from './divisionLoader';
import { pairings, units } from './tables';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDivisions(t.services.database, { codes: Object.values(D) });
});
afterAll(() => t.close());

it('seeds the programmes, units and pairings of the seed reports, all valid, and an HQ user', async () => {
  const users = await registrySeed.run(t.services);
  expect(users?.find((u) => u.username === 'hq')).toMatchObject({ role: 'hq', scopeAll: true });
  expect((await t.services.db.select({ n: count() }).from(units))[0].n).toBe(UNITS.length);
  expect((await t.services.db.select({ n: count() }).from(pairings))[0].n).toBe(PAIRINGS.length);
  const hq = await t.userClient('hq2', 'hq', { all: true });
  const partners = (await hq.get(`/api/registry/pairings/partners?division=${D.meixian}`)).json();
  expect(partners.map((p: { self: { label: string } }) => p.self.label).sort()).toEqual(
    ['丙村镇', '南口镇', '松源镇', '梅县区', '白渡镇', '畲江镇', '梅县区丙村镇溪联村民委员会'].sort(),
  );
  const firstRound = (await hq.get(`/api/registry/pairings/partners?division=${D.liwan}&asOf=2023-06-01`)).json();
  expect(firstRound).toHaveLength(6);
  expect(firstRound.every((p: { programmeName: string }) => p.programmeName === '广东驻镇帮镇扶村 第一轮')).toBe(true);
  const programmes = (await hq.get('/api/registry/programmes')).json();
  for (const p of programmes) expect(p.pairingCount, p.code).toBe(PAIRINGS.filter((x) => x.programme === p.code).length);
  expect(programmes.find((p: { code: string }) => p.code === 'yue-gui-2021').pairingCount).toBe(7);
  const zs = (await hq.get(`/api/registry/pairings/partners?division=${D.zhongshan}`)).json();
  expect(zs.map((p: { partner: { label: string } }) => p.partner.label).sort()).toEqual(
    ['六枝特区', '六盘水市', '六盘水市人民医院（演示）', '水城区', '盘州市'].sort(),
  );
});
