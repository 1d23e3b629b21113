// Demo data: the order class of the seed report (富川, 2025: 86 graduates, 81 employed → 94.2 %) as
// reported figures, and targets for the 岗坪镇 team (its visits are the monitoring module's demo data).
import { sql } from 'drizzle-orm';
import type { ModuleSeed } from '../../platform/seed';

const FUCHUAN = '451123000000';

export const indicatorsSeed: ModuleSeed = {
  name: 'indicators',
  async run(services) {
    await services.db.transaction(async (tx) => {
      await tx.execute(sql`insert into indicator_reported (indicator, division_code, day, value, note) values
        ('labour.orderClassGraduates', ${FUCHUAN}, '2025-07-01', 86, '3D打印订单班（演示，据报道）'),
        ('labour.orderClassEmployed', ${FUCHUAN}, '2025-07-01', 81, '3D打印订单班（演示，据报道）')`);
      const rows = (await tx.execute(
        sql`select id, parent_id, division_code from teams where name like '%岗坪镇%' order by id limit 1`,
      )) as unknown as {
        rows: { id: number; division_code: string }[];
      };
      const team = rows.rows[0];
      if (!team) return;
      for (const [indicator, period, value] of [
        ['monitoring.visitedHouseholds', 'H2025-2', 50],
        ['monitoring.visitedPersons', 'H2025-2', 130],
        ['monitoring.visitedHouseholds', 'Y2025', 60],
      ] as const) {
        await tx.execute(sql`insert into indicator_targets (node, division_code, team_id, indicator, period, value)
          values (${`t:${team.id}`}, ${team.division_code}, ${team.id}, ${indicator}, ${period}, ${value})`);
      }
    });
    return [];
  },
};
