// The fixture the industry tests share: the 六盘水 and 中山 divisions, the 中山 teams (HQ and its 水城, 六枝, 盘州 groups),
// the seed's demo (22 enterprises, 1.78亿元, 957 jobs; 4 parks, 7 enterprises, 116 at work; 15 workshops, 219 at
// work) dated against a pinned today, the 中山 → 六盘水 pairing, and the demo's 脱贫人口 on the labour module's roster:
// 15 of the park workers and 112 of the workshop workers.
import type { Database } from '../../../platform/db/client';
import { createTestApp, type TestApp } from '../../../testing/app';
import { demoWorkerId, seedIndustryDemo, seedIndustryRoster } from '../demo';
import { COUNTIES, DEMO_ENTERPRISES, WORKSHOP_VILLAGES, workshopWorkersOf } from '../demoData';

export const TODAY = '2026-11-23';

export interface IndustryTestApp {
  t: TestApp;
  zsHq: number;
  shuicheng: number;
}

async function insertTeam(db: Database, name: string, kind: string, code: string, parent: number | null) {
  const [r] = await db.query<{ id: number }>(
    `insert into teams (name, kind, division_code, parent_id, start_date) values ($1, $2, $3, $4, '2021-05-01') returning id`,
    [name, kind, code, parent],
  );
  return r.id;
}

/** The ID numbers the demo gives its workers, in order: the 116 park workers, then the workshops'. */
export function demoWorkerIds(): string[] {
  const ids: string[] = [];
  let n = 0;
  const parkCounties = DEMO_ENTERPRISES.slice(0, 7).map((e) => e.county);
  for (const [i, county] of parkCounties.entries()) for (let k = 0; k < (i === 6 ? 14 : 17); k++) ids.push(demoWorkerId(county, ++n));
  for (const [i, v] of WORKSHOP_VILLAGES.entries())
    for (let k = 0; k < workshopWorkersOf(i); k++) ids.push(demoWorkerId(`${v.slice(0, 6)}000000`, ++n));
  return ids;
}

/** How the test loads the real division tree of some subtrees (the registry's loader, which the test file imports). */
export type DivisionLoader = (database: Database, opts: { subtrees: string[] }) => Promise<number>;

export async function industryTestApp(loadDivisions: DivisionLoader): Promise<IndustryTestApp> {
  process.env.XZ_TODAY = TODAY;
  const t = await createTestApp();
  await loadDivisions(t.services.database, { subtrees: ['520200000000', '442000000000'] });
  const zsHq = await insertTeam(t.services.database, '中山市对口协作六盘水市工作队', 'hq', '520200000000', null);
  const shuicheng = await insertTeam(t.services.database, '中山驻水城区工作组', 'group', COUNTIES.shuicheng, zsHq);
  await insertTeam(t.services.database, '中山驻六枝特区工作组', 'group', COUNTIES.liuzhi, zsHq);
  await insertTeam(t.services.database, '中山驻盘州市工作组', 'group', COUNTIES.panzhou, zsHq);
  // the pairing the workshops' villages are helped under (the helper side's figures read it)
  await t.services.database.query(
    `insert into pairings (type, helper_division_code, helped_division_code, start_date) values ('city_city', '442000000000', '520200000000', '2021-05-01')`,
  );
  const { lifted } = await seedIndustryDemo(t.services, TODAY);
  await seedIndustryRoster(t.services, lifted);
  return { t, zsHq, shuicheng };
}
