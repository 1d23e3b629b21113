// The seed's 岗坪镇 case as figures: 13 villages, 42 households, 121 persons visited, 17 households with students.
import { demoCalendar, shiftDays } from '@xiezuo/shared/calendar/demoDates';
import { checkIdNumber } from '@xiezuo/shared/codes/idNumber';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context';
import { systemCtx } from '../../platform/ctx';
import { resolveScope, type Scope } from '../../platform/scope';
import { createTestApp, type TestApp } from '../../testing/app';
import { DEMO_FIGURES, demoHouseholds, demoPeriod, GANGPING, seedMonitoringDemo, XINGYI } from './demo';
import { childFigures, monitoringFigures } from './figures';
import { monitoringMembers } from './tables';

const cal = demoCalendar();
const DEMO_PERIOD = demoPeriod(cal); // the current half-year up to today
let t: TestApp;
let all: Ctx; // scope: everything
const within = (scope: Scope): Ctx => ({ ...all, user: { ...all.user, scope } });
beforeAll(async () => {
  t = await createTestApp();
  all = systemCtx(t.services);
  await seedMonitoringDemo(t.services, cal);
});
afterAll(() => t.close());

describe('岗坪镇 figures', () => {
  it('counts exactly the report: 13 villages, 42 households, 121 persons visited, 17 with students', async () => {
    const f = await monitoringFigures(all, { divisionCode: GANGPING }, DEMO_PERIOD);
    expect(f.unit.name).toBe('岗坪镇');
    expect(f.villages).toBe(DEMO_FIGURES.villages);
    expect(f.monitored).toEqual({ households: 42, persons: 121 });
    expect(f.visits).toMatchObject({ made: 42, households: 42, persons: 121 });
    expect(f.householdsWithStudents).toBe(17);
    expect(f.byStatus).toEqual({
      monitored: { households: 41, persons: 118 },
      eliminating: { households: 1, persons: 3 },
      identifying: { households: 2, persons: 4 },
    });
    expect(Object.values(f.byCategory).reduce((s, c) => s + c.households, 0)).toBe(42);
    expect(f.byRisk.schooling.households).toBe(17);
    expect(f.newlyIdentified).toEqual({ households: 0, persons: 0 }); // identified before the current half-year
    const before = { from: shiftDays(cal.lastYearHalf.from, -60), to: cal.previousHalf.to };
    expect((await monitoringFigures(all, { divisionCode: GANGPING }, before)).newlyIdentified).toEqual({ households: 42, persons: 121 });
    // 同期: the same half-year last year had the 31 households identified before it, each visited once
    const lastYear = await monitoringFigures(all, { divisionCode: GANGPING }, cal.lastYearHalf);
    expect(lastYear.visits).toMatchObject({ made: 31, households: 31 });
  });

  it('rolls up by village without double counting, and keeps to the user’s scope', async () => {
    const rows = await childFigures(all, GANGPING, DEMO_PERIOD);
    expect(rows).toHaveLength(13);
    expect(rows.reduce((s, r) => s + r.monitored.households, 0)).toBe(42);
    expect(rows.reduce((s, r) => s + r.visits.persons, 0)).toBe(121);
    const village = await resolveScope(t.services, { scopeAll: false, scopeDivisions: [XINGYI], scopeTeams: [] });
    const mine = await monitoringFigures(within(village), {}, DEMO_PERIOD);
    expect(mine.monitored.households).toBe(rows.find((r) => r.unit.divisionCode === XINGYI)!.monitored.households);
    await expect(monitoringFigures(within(village), { divisionCode: GANGPING }, DEMO_PERIOD)).rejects.toThrow('OUT_OF_SCOPE');
  });

  it('gives a team the figures of the town it is stationed in, and the endpoint the same', async () => {
    const [team] = (
      await t.services.db.execute(
        sql`insert into teams (name, kind, division_code) values ('顺德龙江驻岗坪镇工作队（测试）', 'team', ${GANGPING}) returning id`,
      )
    ).rows as { id: number }[];
    const f = await monitoringFigures(all, { teamId: team.id }, DEMO_PERIOD);
    expect(f.unit).toMatchObject({ teamId: team.id, divisionCode: GANGPING, name: '顺德龙江驻岗坪镇工作队（测试）' });
    expect(f.visits).toMatchObject({ households: 42, persons: 121 });
    const leader = await t.userClient('leader', 'team_leader', { teams: [team.id] });
    const res = (await leader.get(`/api/monitoring/figures?team=${team.id}&from=${DEMO_PERIOD.from}&to=${DEMO_PERIOD.to}`)).json();
    expect(res.rows[0]).toMatchObject({ monitored: { households: 42, persons: 121 }, householdsWithStudents: 17, villages: 13 });
    const byVillage = (
      await leader.get(`/api/monitoring/figures?division=${GANGPING}&children=true&from=${DEMO_PERIOD.from}&to=${DEMO_PERIOD.to}`)
    ).json();
    expect(byVillage.rows).toHaveLength(13);
  });

  it('counts a person once when they moved between households', async () => {
    const [m] = await t.services.db.select().from(monitoringMembers).where(eq(monitoringMembers.relation, 'spouse')).limit(1);
    const [target] = (
      await t.services.db.execute(sql`select id from monitoring_households where id <> ${m.householdId} order by id limit 1`)
    ).rows as { id: number }[];
    await t.services.db.update(monitoringMembers).set({ active: false, leftReason: 'moved_out' }).where(eq(monitoringMembers.id, m.id));
    await t.services.db.insert(monitoringMembers).values({ ...m, id: undefined as never, householdId: target.id, active: true });
    const f = await monitoringFigures(all, { divisionCode: GANGPING }, DEMO_PERIOD);
    expect(f.monitored.persons).toBe(121);
  });

  it('publishes the members of 脱贫户 as lifted_persons (其中脱贫人口 for every module), each person once', async () => {
    const q = (text: string) => t.services.database.query<{ n: number }>(text).then((r) => r[0].n);
    const expected = await q(
      `select count(distinct m.id_hash)::int as n from monitoring_members m join monitoring_households h on h.id = m.household_id where h.is_lifted`,
    );
    expect(expected).toBeGreaterThan(0);
    expect(await q('select count(*)::int as n from lifted_persons')).toBe(expected);
    expect(
      await q(
        `select count(*)::int as n from lifted_persons l join monitoring_members m on m.id_hash = l.id_hash
          join monitoring_households h on h.id = m.household_id where not h.is_lifted`,
      ),
    ).toBe(0);
  });

  it('generates demo ID numbers that pass GB 11643 and are all different', () => {
    const ids = demoHouseholds(Array(13).fill(XINGYI)).flatMap((h) => h.members.map((m) => m.idNumber));
    expect(ids).toHaveLength(121);
    expect(new Set(ids).size).toBe(121);
    expect(ids.every((id) => checkIdNumber(id).ok)).toBe(true);
  });
});
