// Demo data: targets for the 岗坪镇 team (its visits are the monitoring module's demo data).
import { sql } from 'drizzle-orm';
import type { ModuleSeed } from '../../platform/seed';

export const indicatorsSeed: ModuleSeed = {
  name: 'indicators',
  async run(services) {
    await services.db.transaction(async (tx) => {
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
