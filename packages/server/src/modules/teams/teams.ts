// 指挥部/工作组/工作队: the team tree. Read through the user's scope; written with the scope checked
// before and after, in one transaction, audited.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { TeamInput, TeamPatch } from '@xiezuo/shared/contracts/teams';
import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { assertInScope, inScope } from '../../platform/scope';
import { divisions, programmes, units } from '../registry';
import { dbOf, teamsInScope } from './access';
import { assertRefs, checkDates } from './rules';
import { teamMembers, teams, teamUnits } from './tables';

type TeamBody = z.output<typeof TeamInput>;

const teamColumns = (day: string) => ({
  id: teams.id,
  parentId: teams.parentId,
  name: teams.name,
  kind: teams.kind,
  divisionCode: teams.divisionCode,
  divisionName: divisions.name,
  programmeId: teams.programmeId,
  programmeName: programmes.name,
  leadUnitId: teams.leadUnitId,
  leadUnitName: units.name,
  startDate: teams.startDate,
  endDate: teams.endDate,
  note: teams.note,
  membersNow: sql<number>`(select count(*)::int from ${teamMembers} m where m.team_id = ${teams.id}
    and m.start_date <= ${day} and (m.end_date is null or m.end_date >= ${day}))`,
});

/** Teams with their station's, programme's and lead unit's names and the members on duty today. */
export function teamQuery(db: Db | Tx) {
  return db
    .select(teamColumns(todayInBeijing()))
    .from(teams)
    .leftJoin(divisions, eq(divisions.code, teams.divisionCode))
    .leftJoin(programmes, eq(programmes.id, teams.programmeId))
    .leftJoin(units, eq(units.id, teams.leadUnitId));
}
export type TeamRecord = Awaited<ReturnType<typeof teamQuery>>[number];

export async function listTeams(ctx: Ctx, f: { programmeId?: number; q?: string } = {}) {
  const conds = [teamsInScope(ctx.user.scope)];
  if (f.programmeId) conds.push(eq(teams.programmeId, f.programmeId));
  if (f.q) conds.push(ilike(teams.name, `%${f.q}%`));
  return teamQuery(dbOf(ctx))
    .where(and(...conds))
    .orderBy(asc(teams.id));
}

/** One team the user may see, or NOT_FOUND / OUT_OF_SCOPE. */
export async function getTeam(ctx: Ctx, id: number): Promise<TeamRecord> {
  const [row] = await teamQuery(dbOf(ctx)).where(eq(teams.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(ctx.user.scope, { teamId: row.id, divisionCode: row.divisionCode });
  return row;
}

/** The ids of a team and all its descendants (for cycle checks). */
async function subtreeIds(tx: Tx, id: number): Promise<number[]> {
  const res = await tx.execute(sql`
    with recursive sub as (select id from teams where id = ${id}
      union select t.id from teams t join sub on t.parent_id = sub.id)
    select id from sub`);
  return (res.rows as { id: number }[]).map((r) => Number(r.id));
}

/** The parent must exist and be visible; the team (as it will be) must lie in the user's scope. */
async function checkPlacement(ctx: Ctx & { tx: Tx }, body: Pick<TeamBody, 'parentId' | 'divisionCode'>) {
  const scope = ctx.user.scope;
  if (body.parentId != null) {
    const [parent] = await ctx.tx.select({ id: teams.id, divisionCode: teams.divisionCode }).from(teams).where(eq(teams.id, body.parentId));
    if (!parent || !inScope(scope, { teamId: parent.id, divisionCode: parent.divisionCode })) {
      throw invalid({ path: 'body.parentId', key: 'teams.validation.noParent' });
    }
  }
  assertInScope(scope, { divisionCode: body.divisionCode, teamId: body.parentId ?? null });
}

const teamRefs = (tx: Tx, body: Partial<TeamBody>) =>
  assertRefs(tx, [
    ['body.programmeId', 'programme', [body.programmeId]],
    ['body.leadUnitId', 'unit', [body.leadUnitId]],
    ['body.memberUnitIds', 'unit', body.memberUnitIds],
  ]);

async function setMemberUnits(tx: Tx, teamId: number, unitIds: number[] | undefined) {
  if (!unitIds) return;
  await tx.delete(teamUnits).where(eq(teamUnits.teamId, teamId));
  if (unitIds.length) await tx.insert(teamUnits).values([...new Set(unitIds)].map((unitId) => ({ teamId, unitId })));
}

export async function createTeam(ctx: Ctx, body: TeamBody) {
  checkDates(body.startDate, body.endDate, 'body.endDate');
  return withTx(ctx, async (tx, ctx) => {
    await checkPlacement(ctx, body);
    await teamRefs(tx, body);
    const { memberUnitIds, ...values } = body;
    const [row] = await tx.insert(teams).values(values).returning();
    await setMemberUnits(tx, row.id, memberUnitIds);
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'team', entityId: row.id, after: { ...row, memberUnitIds } });
    return row.id;
  });
}

export async function updateTeam(ctx: Ctx, id: number, patch: z.output<typeof TeamPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(teams).where(eq(teams.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertInScope(ctx.user.scope, { teamId: before.id, divisionCode: before.divisionCode });
    const next = { ...before, ...patch };
    checkDates(next.startDate, next.endDate, 'body.endDate');
    if (patch.parentId != null && (await subtreeIds(tx, id)).includes(patch.parentId)) {
      throw invalid({ path: 'body.parentId', key: 'teams.validation.cycle' });
    }
    // a team may stay where it is even if the user could not have placed it there (its own id is in scope)
    if (patch.parentId !== undefined || patch.divisionCode !== undefined) await checkPlacement(ctx, next);
    await teamRefs(tx, patch);
    const { memberUnitIds, ...values } = patch;
    const [after] = await tx
      .update(teams)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(teams.id, id))
      .returning();
    await setMemberUnits(tx, id, memberUnitIds);
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'team', entityId: id, before, after: { ...after, memberUnitIds } });
    return id;
  });
}
