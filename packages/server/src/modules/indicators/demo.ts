// Demo data: targets of the province HQ and the 岗坪镇 team (their figures are the other modules' demo data),
// for the current half-year and year, so a first start shows progress against them.
import { type DemoCalendar, demoCalendar } from '@xiezuo/shared/calendar/demoDates';
import { sql } from 'drizzle-orm';
import type { ModuleSeed } from '../../platform/seed';

/** The province HQ's targets this half-year and year (node 全部): visits and cadres sent. */
export const demoHqTargets = (cal: DemoCalendar = demoCalendar()) =>
  [
    ['monitoring.visitedHouseholds', cal.halfKey, 50],
    ['teams.cadresSent', cal.halfKey, 180],
    ['monitoring.visitedHouseholds', cal.yearKey, 60],
    ['teams.cadresSent', cal.yearKey, 200],
  ] as const;

/** The 岗坪镇 team's targets: visits this half-year and this year. */
export const demoTargets = (cal: DemoCalendar = demoCalendar()) =>
  [
    ['monitoring.visitedHouseholds', cal.halfKey, 50],
    ['monitoring.visitedPersons', cal.halfKey, 130],
    ['monitoring.visitedHouseholds', cal.yearKey, 60],
  ] as const;

export const indicatorsSeed: ModuleSeed = {
  name: 'indicators',
  async run(services) {
    const cal = demoCalendar();
    await services.db.transaction(async (tx) => {
      for (const [indicator, period, value] of demoHqTargets(cal)) {
        await tx.execute(sql`insert into indicator_targets (node, division_code, team_id, indicator, period, value)
          values ('all', null, null, ${indicator}, ${period}, ${value})`);
      }
      const rows = (await tx.execute(
        sql`select id, parent_id, division_code from teams where name like '%岗坪镇%' order by id limit 1`,
      )) as unknown as {
        rows: { id: number; division_code: string }[];
      };
      const team = rows.rows[0];
      if (!team) return;
      for (const [indicator, period, value] of demoTargets(cal)) {
        await tx.execute(sql`insert into indicator_targets (node, division_code, team_id, indicator, period, value)
          values (${`t:${team.id}`}, ${team.division_code}, ${team.id}, ${indicator}, ${period}, ${value})`);
      }
    });
    return [];
  },
};
