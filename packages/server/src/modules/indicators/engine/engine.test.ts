// The aggregation engine: rows in the modules' tables → leaves → rollups, incrementally and by rebuild.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../testing/app';
import { readValues } from '../dashboard';
import { refresherOf } from '../service';
import {
  baseDivisions,
  GANGPING,
  gangpingVisits,
  HUAIJI,
  insertDivisions,
  insertHousehold,
  insertTeam,
  insertVisit,
  LENGGANG,
} from '../testing/fixtures';
import type { Refresher } from './refresh';

process.env.XZ_TODAY = '2026-11-23';

let t: TestApp;
let r: Refresher;
const ids: Record<string, number> = {};

/** A stored figure, as the dashboard reads it (rollups above the leaf level, leaves for towns and teams). */
async function value(node: string, period: string, indicator: string, breakdown = ''): Promise<number> {
  const values = await readValues(t.services.database, [node], [period]);
  return values.get(node)?.get(period)?.get(`${indicator}|${breakdown}`) ?? 0;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.services.database;
  await baseDivisions(db);
  ids.hq = await insertTeam(db, '佛山驻肇庆指挥部', 'hq', '441200000000', null);
  ids.group = await insertTeam(db, '顺德驻怀集工作组', 'group', HUAIJI, ids.hq);
  ids.gangping = await insertTeam(db, '驻岗坪镇工作队', 'team', GANGPING, ids.group);
  ids.lenggang = await insertTeam(db, '驻冷坑镇工作队', 'team', LENGGANG, ids.group);
  await gangpingVisits(db);
  await insertDivisions(db, [['441224110001', '冷坑村', 'village', LENGGANG]]);
  for (let i = 0; i < 5; i++) await insertVisit(db, await insertHousehold(db, '441224110001', 2), '2026-07-20');
  r = refresherOf(t.services); // the app's refresher: started with the app, serialised with these calls
  await r.runOnce();
}, 60_000);
afterAll(async () => t.close());

describe('岗坪镇 visits (13 villages, 42 households, 121 persons)', () => {
  it('shows the totals at town, county and HQ level, and the team', async () => {
    for (const node of [`d:441224109`, `t:${ids.gangping}`]) {
      expect(await value(node, 'M2026-07', 'monitoring.visitedHouseholds')).toBe(42);
      expect(await value(node, 'M2026-07', 'monitoring.visitedPersons')).toBe(121);
      expect(await value(node, 'M2026-07', 'monitoring.visitedVillages')).toBe(13);
    }
    // county / HQ include 冷坑镇's 5 households (10 persons)
    for (const node of ['d:441224', `t:${ids.hq}`, `t:${ids.group}`, 'd:44', 'all']) {
      expect(await value(node, 'M2026-07', 'monitoring.visitedHouseholds')).toBe(47);
      expect(await value(node, 'M2026-07', 'monitoring.visitedPersons')).toBe(131);
    }
  });

  it('counts a household visited twice once per period, and twice as visits', async () => {
    expect(await value(`t:${ids.gangping}`, 'Q2026-3', 'monitoring.visitedHouseholds')).toBe(42);
    expect(await value(`t:${ids.gangping}`, 'Q2026-3', 'monitoring.visits')).toBe(50);
    expect(await value(`t:${ids.gangping}`, 'M2026-08', 'monitoring.visitedHouseholds')).toBe(8);
    // a quarter is not the sum of its months for distinct measures
    expect((await value(`t:${ids.gangping}`, 'M2026-07', 'monitoring.visitedHouseholds')) + 8).toBe(50);
  });

  it('splits 其中脱贫人口 from the persons', async () => {
    // 20 lifted households × 3 persons
    expect(await value('d:441224109', 'Y2026', 'monitoring.visitedPersons', 'tuopin')).toBe(60);
  });

  it('teams add up to their parent with nothing counted twice', async () => {
    for (const ind of ['monitoring.visitedHouseholds', 'monitoring.visitedPersons', 'monitoring.visits']) {
      const sum = (await value(`t:${ids.gangping}`, 'Y2026', ind)) + (await value(`t:${ids.lenggang}`, 'Y2026', ind));
      expect(sum).toBe(await value(`t:${ids.hq}`, 'Y2026', ind));
    }
  });

  it('keeps stocks: monitored households and persons at the period end', async () => {
    // stocks are kept per month: the year's figure so far is November's (today is 2026-11-23)
    expect(await value('d:441224', 'M2026-11', 'monitoring.households')).toBe(47);
    expect(await value('d:441224', 'M2026-11', 'monitoring.households', 'unstable')).toBe(47);
    expect(await value('d:441224', 'M2026-11', 'monitoring.persons')).toBe(131);
    expect(await value('d:441224', 'M2025-02', 'monitoring.households')).toBe(0); // identified 2025-03-01
    expect(await value('d:441224', 'M2025-03', 'monitoring.identified')).toBe(47);
  });
});

const GANGPING_NODE = `d:${GANGPING.slice(0, 9)}`;
const LENGGANG_NODE = `d:${LENGGANG.slice(0, 9)}`;

describe('incremental refresh', () => {
  it('shows a one-row insert, update and delete after one refresh pass', async () => {
    const db = t.services.database;
    const h = await insertHousehold(db, '441224109001', 4);
    const v = await insertVisit(db, h, '2026-07-30');
    expect(await r.runOnce()).toBeGreaterThan(0);
    expect(await value(`t:${ids.hq}`, 'M2026-07', 'monitoring.visitedHouseholds')).toBe(48);
    expect(await value('d:441224109', 'H2026-2', 'monitoring.visitedPersons')).toBe(125);

    await db.query(`update monitoring_visits set visited_on = '2026-09-01' where id = $1`, [v]);
    await r.runOnce();
    expect(await value(`t:${ids.hq}`, 'M2026-07', 'monitoring.visitedHouseholds')).toBe(47);
    expect(await value(`t:${ids.hq}`, 'M2026-09', 'monitoring.visitedHouseholds')).toBe(1);

    await db.query(`delete from monitoring_visits where id = $1`, [v]);
    await r.runOnce();
    expect(await value(`t:${ids.hq}`, 'M2026-09', 'monitoring.visitedHouseholds')).toBe(0);
    expect(await value(`t:${ids.hq}`, 'Y2026', 'monitoring.visitedHouseholds')).toBe(47);
  });

  it('queues every town a many-row statement touches, once per statement (an import of 200,000 rows runs the trigger once)', async () => {
    const db = t.services.database;
    const triggers = await db.query<{ timing: string; orientation: string }>(
      // the engine's queueing triggers (not the import journal's row trigger, whose WHEN clause is false outside an import's slice)
      `select distinct action_timing as timing, action_orientation as orientation from information_schema.triggers
       where event_object_table in ('monitoring_members', 'monitoring_visits') and trigger_name <> 'xz_import_journal'`,
    );
    expect(triggers).toEqual([{ timing: 'AFTER', orientation: 'STATEMENT' }]);
    const before = {
      gangping: await value(GANGPING_NODE, 'M2026-08', 'monitoring.visits'),
      lenggang: await value(LENGGANG_NODE, 'M2026-08', 'monitoring.visits'),
    };
    const households = [await insertHousehold(db, '441224109001', 1), await insertHousehold(db, '441224110001', 1)];
    await db.query(
      `insert into monitoring_visits (household_id, visited_on, visitors, findings) select h, d, '工作队', '走访' from unnest($1::int[]) h, (values ('2026-08-03'::date), ('2026-08-04'::date)) v(d)`,
      [households],
    );
    await r.runOnce();
    expect(await value(GANGPING_NODE, 'M2026-08', 'monitoring.visits')).toBe(before.gangping + 2);
    expect(await value(LENGGANG_NODE, 'M2026-08', 'monitoring.visits')).toBe(before.lenggang + 2);
    await db.query(`update monitoring_visits set visited_on = visited_on + 31 where household_id = any($1::int[])`, [households]);
    await r.runOnce();
    expect(await value(LENGGANG_NODE, 'M2026-08', 'monitoring.visits')).toBe(before.lenggang);
    expect(await value(LENGGANG_NODE, 'M2026-09', 'monitoring.visits')).toBe(2);
    await db.query(`delete from monitoring_visits where household_id = any($1::int[])`, [households]);
    await r.runOnce();
    expect(await value(GANGPING_NODE, 'M2026-09', 'monitoring.visits')).toBe(0);
    expect(await value(LENGGANG_NODE, 'M2026-09', 'monitoring.visits')).toBe(0);
  });

  it('matches a full rebuild after the changes', async () => {
    const before = await t.services.database.query(`select * from indicator_rollups order by node, period, indicator, breakdown`);
    await r.rebuildAll();
    const after = await t.services.database.query(`select * from indicator_rollups order by node, period, indicator, breakdown`);
    expect(after).toEqual(before);
  });
});

describe('division history', () => {
  it("rolls last year's figures up last year's tree", async () => {
    const db = t.services.database;
    // 冷坑镇 belonged to 顺德区 (fixture) until 2026-01-01, then moved to 怀集县
    await db.query(
      `insert into division_versions (code, name, parent_code, valid_from, valid_to) values ($1, '冷坑镇', '440606000000', null, '2026-01-01')`,
      [LENGGANG],
    );
    const h = await insertHousehold(db, '441224110001', 3);
    await insertVisit(db, h, '2025-07-15');
    await insertVisit(db, h, '2026-07-15');
    await r.runOnce();
    expect(await value('d:441224', 'M2026-07', 'monitoring.visitedHouseholds')).toBe(48);
    expect(await value('d:441224', 'M2025-07', 'monitoring.visitedHouseholds')).toBe(0);
    expect(await value('d:440606', 'M2025-07', 'monitoring.visitedHouseholds')).toBe(1);
    expect(await value('d:440606', 'M2026-07', 'monitoring.visitedHouseholds')).toBe(0);
  });
});
