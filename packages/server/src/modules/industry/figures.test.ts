// The seed's three 中山 → 六盘水 cases reproduce on the dashboard from the records — at the city, the county and
// the team, with 其中脱贫人口 computed from the roster — and the same period last year shows last year's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/ctx';
import type { TestApp } from '../../testing/app';
import { readValues } from '../indicators/dashboard';
import { refresherOf } from '../indicators/service';
import { loadDivisions } from '../registry/divisionLoader';
import { updateEnterprise } from './enterprises';
import { HELPER_TWIN, industryReport } from './report';
import { type IndustryTestApp, industryTestApp } from './testing/fixture';
import { createWorker } from './workers';
import { createWorkshop } from './workshops';

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

  it('credits the same records to the helper side, 中山 (d:4420): 22 / 957, 4 parks / 7 / 116 / 15, 15 workshops / 219 / 112', async () => {
    expect(await value('d:4420', 'M2026-11', 'industry.enterprisesSent')).toBe(22);
    expect(await value('d:4420', 'M2026-11', 'industry.enterprisesSent', 'park')).toBe(7);
    expect(await value('d:4420', 'M2026-11', 'industry.reportedJobsSent')).toBe(957);
    expect(await value('d:4420', 'M2026-11', 'industry.parksHelper')).toBe(4);
    expect(await value('d:4420', 'M2026-11', 'industry.parkJobsHelper')).toBe(116);
    expect(await value('d:4420', 'M2026-11', 'industry.parkJobsHelper', 'tuopin')).toBe(15);
    expect(await value('d:4420', 'M2026-11', 'industry.workshopsHelper')).toBe(15);
    expect(await value('d:4420', 'M2026-11', 'industry.workshopJobsHelper')).toBe(219);
    expect(await value('d:4420', 'M2026-11', 'industry.workshopJobsHelper', 'tuopin')).toBe(112);
    // and only there: the helped side's figures stay at 六盘水, the helper's twins at 中山
    expect(await value('d:4420', 'M2026-11', 'industry.enterprises')).toBe(0);
    expect(await value('d:5202', 'M2026-11', 'industry.enterprisesSent')).toBe(0);
    expect(await value('d:5202', 'M2026-11', 'industry.workshopJobsHelper')).toBe(0);
    // last year at the helper side too
    expect(await value('d:4420', 'M2025-11', 'industry.enterprisesSent')).toBe(15);
    expect(await value('d:4420', 'M2025-11', 'industry.workshopsHelper')).toBe(10);
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

  it('writes the chapter in the seed’s words, at the helped side and at the helper side (中山’s own report)', () => {
    const helped: Record<string, number> = {
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
    const helper = Object.fromEntries(
      Object.entries(helped).map(([k, v]) => {
        const [code, b] = k.split('|');
        return [b ? `${HELPER_TWIN[code]}|${b}` : HELPER_TWIN[code], v];
      }),
    );
    for (const [figs, name] of [
      [helped, '六盘水市'],
      [helper, '中山市'],
    ] as const) {
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
        name,
      });
      expect(sentences, name).toEqual([
        '2026年，累计引进企业22家，实际到位投资1.78亿元，带动就业957人；共建产业园区4个，入驻园区企业7家，园区吸纳就业116人，其中脱贫人口15人；运营帮扶车间15个，吸纳就业219人，其中脱贫人口112人。',
      ]);
    }
  });

  it('a new workshop and its worker reach both sides at the next incremental refresh (queued, not rebuilt)', async () => {
    const ctx = systemCtx(t.services);
    const workshopId = await createWorkshop(ctx, {
      name: '新认定帮扶车间（测试）',
      divisionCode: '520204001201',
      recognizedOn: '2026-11-02',
      status: 'operating',
    });
    await createWorker(ctx, { workshopId, name: '新工人（测试）', idNumber: '11010519491231002X', startDate: '2026-11-03' });
    const queued = await t.services.database.query<{ source: string }>(
      `select distinct source from indicator_dirty where source in ('industry.workshopsHelper', 'industry.jobsHelper') order by source`,
    );
    expect(queued.map((q) => q.source)).toEqual(['industry.jobsHelper', 'industry.workshopsHelper']);
    await refresherOf(t.services).runOnce();
    expect(await value('d:4420', 'M2026-11', 'industry.workshopsHelper')).toBe(16);
    expect(await value('d:4420', 'M2026-11', 'industry.workshopJobsHelper')).toBe(220);
    expect(await value('d:5202', 'M2026-11', 'industry.workshops')).toBe(16);
    expect(await value('d:5202', 'M2026-11', 'industry.workshopJobs')).toBe(220);
  });

  it('an enterprise leaving its park takes its workers out of 园区吸纳就业 on both sides at the next incremental refresh', async () => {
    const ctx = systemCtx(t.services);
    const [e] = await t.services.database.query<{ id: number; n: number }>(
      `select e.id, (select count(*)::int from industry_workers w where w.enterprise_id = e.id) as n
       from industry_enterprises e where e.park_id is not null order by e.id limit 1`,
    );
    expect(e.n).toBeGreaterThan(0);
    await updateEnterprise(ctx, e.id, { parkId: null });
    await refresherOf(t.services).runOnce();
    expect(await value('d:5202', 'M2026-11', 'industry.parkJobs')).toBe(116 - e.n);
    expect(await value('d:4420', 'M2026-11', 'industry.parkJobsHelper')).toBe(116 - e.n);
    expect(await value('d:5202', 'M2026-11', 'industry.enterprises', 'park')).toBe(6);
  });
});
