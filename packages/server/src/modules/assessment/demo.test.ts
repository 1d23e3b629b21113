// The demo's assessment, seeded with every module's demo data as `npm start` seeds it: the illustrative cut-offs give
// a plausible spread — the Guangdong and Guangxi sides 好 (as both were in 2022), the Guizhou side and the three 荔湾
// town teams varied — instead of grading every party 差.
import type { CycleT } from '@xiezuo/shared/contracts/assessment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { modules } from '..';
import { refresherOf } from '../indicators';

// the demo's records are dated over the current half-year and the one before (demoDates.ts): a year's figures are
// whole in its second half, which is when the annual assessment is made; in the first half they are about half
process.env.XZ_TODAY = '2026-12-05';

let t: TestApp;
let hq: TestClient;
let cycles: CycleT[];

beforeAll(async () => {
  t = await createTestApp();
  for (const m of modules) for (const seed of [m.referenceSeed, m.demoSeed]) if (seed) await seed.run(t.services);
  await refresherOf(t.services).rebuildAll();
  hq = await t.userClient('demo_hq', 'hq', { all: true });
  const list = (await hq.get('/api/assessment/cycles')).json() as { id: number }[];
  cycles = await Promise.all(list.map(async (c) => (await hq.get(`/api/assessment/cycles/${c.id}`)).json() as CycleT));
}, 600_000);
afterAll(() => t?.close());

const grades = (c: CycleT) => Object.fromEntries(c.scores.map((s) => [s.name, s.grade]));

const show = (c: CycleT) =>
  c.scores.map(
    (s) =>
      `${s.name} ${s.total} ${s.grade} ${s.rank}\n${s.items.map((i) => `  ${i.code} ${i.points}/${i.maxPoints} ${i.rule}`).join('\n')}`,
  );

describe('the demo assessment', () => {
  it('grades the East–West sides with a spread: Guangdong and Guangxi 好 and first on their sides, Guizhou lower', () => {
    const ew = cycles.find((c) => c.name.includes('东西部协作'))!;
    expect(grades(ew), show(ew).join('\n')).toEqual({ 广东省: 'good', 广西壮族自治区: 'good', 贵州省: 'average' });
    expect(ew.scores.find((s) => s.name === '广东省')!.rank).toBe(1);
    expect(ew.scores.find((s) => s.name === '广西壮族自治区')!.rank).toBe(1);
    expect(ew.scores.find((s) => s.name === '贵州省')!.rank).toBe(2);
    // the demo's figures are scored against its agreements: money written as people read it
    const funds = ew.scores.find((s) => s.name === '贵州省')!.items.find((i) => i.code === 'funds.received')!;
    expect(funds.rule).toMatch(/亿元 ÷ .*亿元/);
  });

  it('grades the three town teams each differently, none 差 only for want of reviewers', () => {
    const town = cycles.find((c) => c.name.includes('驻镇帮镇扶村'))!;
    const g = grades(town);
    expect(Object.keys(g), show(town).join('\n')).toHaveLength(3);
    expect(g, show(town).join('\n')).toEqual({
      顺德龙江驻怀集县岗坪镇帮镇扶村工作队: 'fairlyGood',
      荔湾驻南口镇帮扶工作队: 'average',
      荔湾驻丙村镇帮扶工作队: 'poor',
    });
    for (const s of town.scores) expect(s.items.find((i) => i.code === 'org.leadership')!.points).toBeGreaterThan(0);
  });
});
