// 队员: a person's membership of a team in one round (轮次); rotation = new rows. Read through the
// user's scope (by the team); written with the team checked in scope, in one transaction, audited.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { MemberInput, MemberPatch } from '@xiezuo/shared/contracts/teams';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError } from '../../platform/http/errors';
import { coversDay, dbOf, teamsInScope } from './access';
import { getCadre } from './cadres';
import { checkDates } from './rules';
import { cadres, teamMembers, teams } from './tables';
import { getTeam } from './teams';

const memberColumns = {
  id: teamMembers.id,
  teamId: teamMembers.teamId,
  teamName: teams.name,
  cadreId: teamMembers.cadreId,
  name: cadres.name,
  gender: cadres.gender,
  kind: cadres.kind,
  sendingUnit: cadres.sendingUnit,
  localPost: cadres.localPost,
  role: teamMembers.role,
  round: teamMembers.round,
  startDate: teamMembers.startDate,
  endDate: teamMembers.endDate,
};

// 队长 first, then 副队长, 联络员, 队员; then by start date.
const ROLE_ORDER = sql`case ${teamMembers.role} when 'leader' then 0 when 'deputy' then 1 when 'liaison' then 2 else 3 end`;

/** Members of teams in scope: of one round, or (default) those whose membership covers the day `on`. */
export async function listMembers(ctx: Ctx, f: { teamId?: number; teamIds?: number[]; on?: string; round?: number }) {
  const conds = [teamsInScope(ctx.user.scope)];
  if (f.teamId) conds.push(eq(teamMembers.teamId, f.teamId));
  if (f.teamIds) conds.push(f.teamIds.length ? inArray(teamMembers.teamId, f.teamIds) : sql`false`);
  if (f.round) conds.push(eq(teamMembers.round, f.round));
  else conds.push(coversDay(teamMembers.startDate, teamMembers.endDate, f.on ?? todayInBeijing()));
  return dbOf(ctx)
    .select(memberColumns)
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(cadres, eq(cadres.id, teamMembers.cadreId))
    .where(and(...conds))
    .orderBy(asc(teamMembers.teamId), ROLE_ORDER, asc(teamMembers.startDate), asc(teamMembers.id));
}

/** The team's current round: the highest it has members in (1 for a new team). */
async function currentRound(ctx: Ctx, teamId: number): Promise<number> {
  const [row] = await dbOf(ctx)
    .select({ round: sql<number | null>`max(${teamMembers.round})` })
    .from(teamMembers)
    .where(eq(teamMembers.teamId, teamId));
  return Number(row?.round ?? 1);
}

export async function addMember(ctx: Ctx, teamId: number, input: z.output<typeof MemberInput>) {
  checkDates(input.startDate, input.endDate, 'body.endDate');
  return withTx(ctx, async (tx, ctx) => {
    await getTeam(ctx, teamId);
    const person = await getCadre(ctx, input.cadreId, 'body.cadreId');
    const body = { ...input, round: input.round ?? (await currentRound(ctx, teamId)) };
    // already in the team: in the same round, or over days this membership would also cover
    const end = body.endDate ?? '9999-12-31';
    const [already] = await tx
      .select({ round: teamMembers.round })
      .from(teamMembers)
      .where(
        and(
          eq(teamMembers.teamId, teamId),
          eq(teamMembers.cadreId, body.cadreId),
          sql`(${teamMembers.round} = ${body.round} or (${teamMembers.startDate} <= ${end} and (${teamMembers.endDate} is null or ${teamMembers.endDate} >= ${body.startDate})))`,
        ),
      )
      .limit(1);
    const alreadyMember = () =>
      new AppError('CONFLICT', {}, [
        { path: 'body.cadreId', key: 'teams.validation.alreadyMember', params: { name: person.name, round: already?.round ?? body.round } },
      ]);
    if (already) throw alreadyMember();
    // the same person twice in one round of one team is refused by the unique index too (a concurrent add)
    const [row] = await tx
      .insert(teamMembers)
      .values({ ...body, teamId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw alreadyMember();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'team_member', entityId: row.id, after: row });
    return row;
  });
}

export async function updateMember(ctx: Ctx, id: number, patch: z.output<typeof MemberPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(teamMembers).where(eq(teamMembers.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    await getTeam(ctx, before.teamId);
    const next = { ...before, ...patch };
    checkDates(next.startDate, next.endDate, 'body.endDate');
    const [after] = await tx.update(teamMembers).set(patch).where(eq(teamMembers.id, id)).returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'team_member', entityId: id, before, after });
    return after;
  });
}
