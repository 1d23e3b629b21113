// The seed's three 中山 → 六盘水 cases reproduce on the dashboard from the records — at the city, the county and
// the team, with 其中脱贫人口 computed from the roster — and the same period last year shows last year's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/app';
import { readValues } from '../indicators/dashboard';
import { refresherOf } from '../indicators/service';
import { loadDivisions } from '../registry/divisionLoader';
import { industryReport } from './report';
import { type IndustryTestApp, industryTestApp } from './testing/fixture';

let f: IndustryTestApp;
let t: TestApp;

async function value(node: string, period: string, indicator: string, breakdown = ''): Promise<number> {
  const values = await readValues(t.services.database, [node], [period]);
  return values.get(node)?.get(period)?.get(`${indicator}|${breakdown}`) ?? 0;
}

beforeAll(async () => {
  f = await industryTestApp(loadDivisions);
  t = f.t;
  await refresherOf(t.services).runOnce();
}, 120_000);
afterAll(() => t.close());

// sums over the half-year (H2026-2); stocks at its last month so far (M2026-11, today being 2026-11-23)
describe('industry figures (中山 → 六盘水, this half-year H2 2026)', () => {
  it('22 enterprises, 1.78亿元 in place, 957 reported jobs at 六盘水 and at the 中山 HQ team', async () => {
    for (const node of ['d:5202', `t:${f.zsHq}`]) {
      expect(await value(node, 'M2026-11', 'industry.enterprises')).toBe(22);
      expect(await value(node, 'H2026-2', 'industry.investmentInPlace')).toBe(178_000_000);
      expect(await value(node, 'M2026-11', 'industry.reportedJobs')).toBe(957);
    }
    // credited to the helper side the enterprises came from
    expect(await value('d:4420', 'H2026-2', 'industry.investmentSent')).toBe(178_000_000);
  });

  it('4 parks with 7 enterprises and 116 at work, of whom 15 脱贫人口; 15 workshops with 219, of whom 112', async () => {
    expect(await value('d:5202', 'M2026-11', 'industry.parks')).toBe(4);
    expect(await value('d:5202', 'M2026-11', 'industry.enterprises', 'park')).toBe(7);
    expect(await value('d:5202', 'M2026-11', 'industry.parkJobs')).toBe(116);
    expect(await value('d:5202', 'M2026-11', 'industry.parkJobs', 'tuopin')).toBe(15);
    expect(await value('d:5202', 'M2026-11', 'industry.workshops')).toBe(15);
    expect(await value('d:5202', 'M2026-11', 'industry.workshopJobs')).toBe(219);
    expect(await value('d:5202', 'M2026-11', 'industry.workshopJobs', 'tuopin')).toBe(112);
  });

  it('the same period last year: 15 enterprises, 1.2亿元 in place, 10 workshops', async () => {
    expect(await value('d:5202', 'M2025-11', 'industry.enterprises')).toBe(15);
    expect(await value('d:5202', 'H2025-2', 'industry.investmentInPlace')).toBe(120_000_000);
    expect(await value('d:5202', 'M2025-11', 'industry.workshops')).toBe(10);
  });

  it('the 水城 group sees its own county: a third of the enterprises and 5 workshops', async () => {
    expect(await value(`t:${f.shuicheng}`, 'M2026-11', 'industry.enterprises')).toBe(8); // i % 3 === 0 of 22
    expect(await value(`t:${f.shuicheng}`, 'M2026-11', 'industry.workshops')).toBe(5);
    expect(await value(`t:${f.shuicheng}`, 'M2026-11', 'industry.workshopJobs')).toBe(75);
  });

  it('writes the chapter in the seed’s words', () => {
    const figs: Record<string, number> = {
      'industry.enterprises': 22,
      'industry.enterprises|park': 7,
      'industry.investmentInPlace': 178_000_000,
      'industry.reportedJobs': 957,
      'industry.parks': 4,
      'industry.parkJobs': 116,
      'industry.parkJobs|tuopin': 15,
      'industry.workshops': 15,
      'industry.workshopJobs': 219,
      'industry.workshopJobs|tuopin': 112,
    };
    const fig = (code: string, b?: string) => {
      const v = figs[b ? `${code}|${b}` : code];
      return v == null ? undefined : ({ value: v } as never);
    };
    const sentences = industryReport.sentences({
      fig,
      has: (x): x is never => x != null && (x as { value: number }).value !== 0,
      num: (v) => String(v),
      money: (v) => `${Number(v) / 1e8}亿元`,
      yoy: () => '',
      open: '2026年',
      name: '六盘水市',
    });
    expect(sentences).toEqual([
      '2026年，累计引进企业22家，实际到位投资1.78亿元，带动就业957人；共建产业园区4个，入驻园区企业7家，园区吸纳就业116人，其中脱贫人口15人；运营帮扶车间15个，吸纳就业219人，其中脱贫人口112人。',
    ]);
  });
});
