// Demo data: the order class of the seed report (富川, 2025: 86 graduates, 81 employed → 94.2 %) as
// reported figures, and targets for the 岗坪镇 team (its visits are the monitoring module's demo data) — all
// dated in the current half-year and year, so a first start shows progress against them.
import { type DemoCalendar, demoCalendar } from '@xiezuo/shared/calendar/demoDates';
import { sql } from 'drizzle-orm';
import type { ModuleSeed } from '../../platform/seed';

const FUCHUAN = '451123000000';

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
    const day = cal.currentHalf.from;
    await services.db.transaction(async (tx) => {
      await tx.execute(sql`insert into indicator_reported (indicator, division_code, day, value, note) values
        ('labour.orderClassGraduates', ${FUCHUAN}, ${day}, 86, '3D打印订单班（演示，据报道）'),
        ('labour.orderClassEmployed', ${FUCHUAN}, ${day}, 81, '3D打印订单班（演示，据报道）')`);
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
