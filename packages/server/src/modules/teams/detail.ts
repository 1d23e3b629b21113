// A team as its page shows it: the team, its member units, its sub-teams in scope, its rounds and its
// members on a day (default today) or of one round.
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { units } from '../registry';
import { dbOf, teamsInScope } from './access';
import { listMembers } from './members';
import { teamMembers, teams, teamUnits } from './tables';
import { getTeam, teamQuery } from './teams';

export async function teamDetail(ctx: Ctx, id: number, opts: { on?: string; round?: number } = {}) {
  const db = dbOf(ctx);
  const team = await getTeam(ctx, id);
  const [memberUnits, children, rounds, members] = await Promise.all([
    db
      .select({ id: units.id, name: units.name })
      .from(teamUnits)
      .innerJoin(units, eq(units.id, teamUnits.unitId))
      .where(eq(teamUnits.teamId, id))
      .orderBy(asc(units.name)),
    teamQuery(db)
      .where(and(eq(teams.parentId, id), teamsInScope(ctx.user.scope)))
      .orderBy(asc(teams.id)),
    db.selectDistinct({ round: teamMembers.round }).from(teamMembers).where(eq(teamMembers.teamId, id)).orderBy(asc(teamMembers.round)),
    listMembers(ctx, { teamId: id, ...opts }),
  ]);
  return { ...team, memberUnits, children, rounds: rounds.map((r) => r.round), members };
}
