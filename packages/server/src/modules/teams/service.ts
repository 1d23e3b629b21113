// Writing teams and memberships: scope checked before and after, one transaction, audited.
import type { MemberInput, MemberPatch, TeamInput, TeamPatch } from '@xiezuo/shared/contracts/teams';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Actor } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { assertInScope, inScope, type Scope } from '../../platform/scope';
import { getCadre } from './cadres';
import { assertRefs } from './refs';
import { getTeam, inTransaction, subtreeIds } from './repository';
import { teamMembers, teams, teamUnits } from './tables';

type TeamBody = z.output<typeof TeamInput>;

function checkDates(start: string | null | undefined, end: string | null | undefined, path: string) {
  if (start && end && end < start) throw invalid({ path, key: 'teams.validation.dates' });
}

/** The parent must exist and be visible; the team (as it will be) must lie in the user's scope. */
async function checkPlacement(tx: Tx, scope: Scope, body: Pick<TeamBody, 'parentId' | 'divisionCode'>) {
  if (body.parentId != null) {
    const [parent] = await tx.select({ id: teams.id, divisionCode: teams.divisionCode }).from(teams).where(eq(teams.id, body.parentId));
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

/** tx0: the caller's transaction (ledger imports); otherwise one of its own. */
export async function createTeam(db: Db, scope: Scope, actor: Actor, body: TeamBody, tx0?: Tx) {
  checkDates(body.startDate, body.endDate, 'body.endDate');
  return inTransaction(db, tx0, async (tx) => {
    await checkPlacement(tx, scope, body);
    await teamRefs(tx, body);
    const { memberUnitIds, ...values } = body;
    const [row] = await tx.insert(teams).values(values).returning();
    await setMemberUnits(tx, row.id, memberUnitIds);
    await writeAudit(tx, actor, { action: 'create', entity: 'team', entityId: row.id, after: { ...row, memberUnitIds } });
    return row.id;
  });
}

export async function updateTeam(db: Db, scope: Scope, actor: Actor, id: number, patch: z.output<typeof TeamPatch>, tx0?: Tx) {
  return inTransaction(db, tx0, async (tx) => {
    const [before] = await tx.select().from(teams).where(eq(teams.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertInScope(scope, { teamId: before.id, divisionCode: before.divisionCode });
    const next = { ...before, ...patch };
    checkDates(next.startDate, next.endDate, 'body.endDate');
    if (patch.parentId != null && (await subtreeIds(tx, id)).includes(patch.parentId)) {
      throw invalid({ path: 'body.parentId', key: 'teams.validation.cycle' });
    }
    // a team may stay where it is even if the user could not have placed it there (its own id is in scope)
    if (patch.parentId !== undefined || patch.divisionCode !== undefined) await checkPlacement(tx, scope, next);
    await teamRefs(tx, patch);
    const { memberUnitIds, ...values } = patch;
    const [after] = await tx
      .update(teams)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(teams.id, id))
      .returning();
    await setMemberUnits(tx, id, memberUnitIds);
    await writeAudit(tx, actor, { action: 'update', entity: 'team', entityId: id, before, after: { ...after, memberUnitIds } });
    return id;
  });
}

export async function addMember(db: Db, scope: Scope, actor: Actor, teamId: number, body: z.output<typeof MemberInput>, tx0?: Tx) {
  checkDates(body.startDate, body.endDate, 'body.endDate');
  return inTransaction(db, tx0, async (tx) => {
    await getTeam(tx, scope, teamId);
    await getCadre(tx, scope, body.cadreId, 'body.cadreId');
    // the same person twice in one round of one team is refused by the unique index
    const [row] = await tx
      .insert(teamMembers)
      .values({ ...body, teamId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('CONFLICT', {}, [{ path: 'body.round', key: 'validation.invalidValue' }]);
    await writeAudit(tx, actor, { action: 'create', entity: 'team_member', entityId: row.id, after: row });
    return row;
  });
}

export async function updateMember(db: Db, scope: Scope, actor: Actor, id: number, patch: z.output<typeof MemberPatch>, tx0?: Tx) {
  return inTransaction(db, tx0, async (tx) => {
    const [before] = await tx.select().from(teamMembers).where(eq(teamMembers.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    await getTeam(tx, scope, before.teamId);
    const next = { ...before, ...patch };
    checkDates(next.startDate, next.endDate, 'body.endDate');
    const [after] = await tx.update(teamMembers).set(patch).where(eq(teamMembers.id, id)).returning();
    await writeAudit(tx, actor, { action: 'update', entity: 'team_member', entityId: id, before, after });
    return after;
  });
}
