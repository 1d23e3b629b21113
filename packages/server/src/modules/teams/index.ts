// 队伍与人才 (teams): teams and their members, dispatched cadres and professionals, talent exchanges. The
// team tree is a shared kernel: other modules and the platform's scope reach it through this file.
import { inArray, sql } from 'drizzle-orm';
import { defineModule } from '../../platform/module';
import { teamsSeed } from './demo';
import { teamFacts } from './facts';
import { teamsLedgers } from './ledgers';
import { teamsReport } from './report';
import { teamsRoutes } from './routes';
import * as tables from './tables';

export const teamsModule = defineModule({
  key: 'teams',
  tables,
  routes: teamsRoutes,
  ledgers: teamsLedgers,
  facts: teamFacts,
  directory: {
    async teamSubtrees(db, ids) {
      const list = sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      );
      const result = await db.execute(sql`
        with recursive sub as (
          select id, division_code from teams where id in (${list})
          union
          select t.id, t.division_code from teams t join sub on t.parent_id = sub.id
        ) select id, division_code as "divisionCode" from sub`);
      return result.rows as { id: number; divisionCode: string }[];
    },
    teamNames: (db, ids) =>
      db.select({ id: tables.teams.id, name: tables.teams.name }).from(tables.teams).where(inArray(tables.teams.id, ids)),
    async teamLinks(db, ids) {
      if (ids.length === 0) return { unitIds: [], programmes: [] };
      const { teams, teamUnits } = tables;
      const rows = await db
        .select({ lead: teams.leadUnitId, programmeId: teams.programmeId, divisionCode: teams.divisionCode })
        .from(teams)
        .where(inArray(teams.id, ids));
      const members = await db.select({ unitId: teamUnits.unitId }).from(teamUnits).where(inArray(teamUnits.teamId, ids));
      const unitIds = [...rows.map((r) => r.lead), ...members.map((m) => m.unitId)].filter((id): id is number => id != null);
      const programmes = rows.flatMap((r) => (r.programmeId == null ? [] : [{ programmeId: r.programmeId, divisionCode: r.divisionCode }]));
      return { unitIds: [...new Set(unitIds)], programmes };
    },
  },
  report: teamsReport,
  demoSeed: teamsSeed,
});
export { teams } from './tables';
