// 议定事项: what a meeting decided, with an owner team and a due date, followed until done. A decision past its
// due date and not done is overdue: it shows on the worklist of its owner team and of HQ (everyone whose scope
// holds the meeting or the owner team).
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { DecisionInput, DecisionPatch, DecisionState } from '@xiezuo/shared/contracts/social';
import { and, asc, eq, gte, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { inScope, type Scope, scopeWhere } from '../../platform/scope';
import { divisions } from '../registry';
import { dbOf } from './access';
import { socialDecisions as De, socialMeetings as M } from './tables';

/** Decisions the user may see: the meeting in scope, or the owner team. */
function decisionsInScope(scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  return or(scopeWhere(scope, { division: M.divisionCode, team: M.teamId }), scopeWhere(scope, { team: De.ownerTeamId }));
}

function stateIs(state: DecisionState, today: string): SQL {
  if (state === 'done') return isNotNull(De.doneOn);
  if (state === 'overdue') return and(isNull(De.doneOn), lt(De.dueOn, today)) as SQL;
  return and(isNull(De.doneOn), gte(De.dueOn, today)) as SQL;
}

const query = (db: Db | Tx) =>
  db
    .select({ d: De, m: M, divisionName: divisions.name })
    .from(De)
    .innerJoin(M, eq(M.id, De.meetingId))
    .leftJoin(divisions, eq(divisions.code, M.divisionCode));

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

function decisionRow(
  { d, m, divisionName }: { d: typeof De.$inferSelect; m: typeof M.$inferSelect; divisionName: string | null },
  today: string,
) {
  const state: DecisionState = d.doneOn ? 'done' : d.dueOn < today ? 'overdue' : 'open';
  return {
    id: d.id,
    meetingId: m.id,
    meetingTitle: m.title,
    heldOn: m.heldOn,
    divisionCode: m.divisionCode,
    divisionName,
    teamId: m.teamId,
    owner: { teamId: d.ownerTeamId, name: d.ownerName },
    content: d.content,
    dueOn: d.dueOn,
    doneOn: d.doneOn,
    doneNote: d.doneNote,
    note: d.note,
    state,
    daysOverdue: state === 'overdue' ? daysBetween(d.dueOn, today) : 0,
  };
}

export interface DecisionFilter {
  state?: DecisionState;
  meetingId?: number;
  teamId?: number;
}

function conditions(scope: Scope, f: DecisionFilter, today: string) {
  const conds = [decisionsInScope(scope)];
  if (f.state) conds.push(stateIs(f.state, today));
  if (f.meetingId) conds.push(eq(De.meetingId, f.meetingId));
  if (f.teamId) conds.push(or(eq(De.ownerTeamId, f.teamId), and(isNull(De.ownerTeamId), eq(M.teamId, f.teamId))));
  return and(...conds);
}

/** The decisions in scope; with state=overdue this is the worklist (most overdue first). */
export async function listDecisions(ctx: Ctx, f: DecisionFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const today = todayInBeijing();
  const where = conditions(ctx.user.scope, f, today);
  const [rows, [{ total }]] = await Promise.all([
    query(db)
      .where(where)
      .orderBy(asc(sql`${De.doneOn} is not null`), asc(De.dueOn), asc(De.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(De).innerJoin(M, eq(M.id, De.meetingId)).where(where),
  ]);
  return { items: rows.map((r) => decisionRow(r, today)), total: Number(total), page: f.page, pageSize: f.pageSize };
}

/** A meeting's decisions (the meeting is already known to be in scope). */
export async function listDecisionsOf(ctx: Ctx, meetingId: number) {
  const today = todayInBeijing();
  const rows = await query(dbOf(ctx)).where(eq(De.meetingId, meetingId)).orderBy(asc(De.dueOn), asc(De.id));
  return rows.map((r) => decisionRow(r, today));
}

export async function getDecision(ctx: Ctx, id: number) {
  const [row] = await query(dbOf(ctx)).where(and(eq(De.id, id), decisionsInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return decisionRow(row, todayInBeijing());
}

/** The meeting, when the user may write its decisions (NOT_FOUND outside the scope: its existence is not told). */
export async function meetingForDecisions(ctx: Ctx, tx: Db | Tx, meetingId: number) {
  const [m] = await tx.select().from(M).where(eq(M.id, meetingId));
  if (!m || !inScope(ctx.user.scope, m)) throw new AppError('NOT_FOUND');
  return m;
}

/**
 * A decision's owner: any team that exists — a meeting may hand a task to a team outside the writer's scope (a town
 * team's meeting to the 组团 group above it), and the decision then shows on that team's worklist.
 */
async function assertOwner(ctx: Ctx, tx: Tx, teamId: number, path: string) {
  const found = await ctx.services.directory.teamNames(tx as unknown as Db, [teamId]);
  if (!found.length) throw invalid({ path, key: 'social.validation.noTeam' });
}

function checkDone(d: { doneOn?: string | null }, heldOn: string) {
  if (d.doneOn && d.doneOn < heldOn) throw invalid({ path: 'body.doneOn', key: 'social.validation.beforeMeeting' });
  if (d.doneOn && d.doneOn > todayInBeijing()) throw invalid({ path: 'body.doneOn', key: 'social.validation.future' });
}

/** Adds a decision to a meeting; `at` is where the body holds it (body, or body.decisions.2 when recorded with the meeting). */
export async function addDecision(ctx: Ctx, meetingId: number, input: z.output<typeof DecisionInput>, at = 'body') {
  return withTx(ctx, async (tx, ctx) => {
    const m = await meetingForDecisions(ctx, tx, meetingId);
    if (input.dueOn < m.heldOn) throw invalid({ path: `${at}.dueOn`, key: 'social.validation.beforeMeeting' });
    const ownerTeamId = input.ownerTeamId ?? m.teamId;
    if (input.ownerTeamId != null) await assertOwner(ctx, tx, input.ownerTeamId, `${at}.ownerTeamId`);
    const [row] = await tx
      .insert(De)
      .values({ ...input, meetingId, ownerTeamId })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'social_decision', entityId: row.id, after: row });
    return row.id;
  });
}

/** Edits a decision or marks it done (doneOn) — by whoever sees the meeting or owns the decision. */
export async function updateDecision(ctx: Ctx, id: number, patch: z.output<typeof DecisionPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [found] = await tx.select({ d: De, m: M }).from(De).innerJoin(M, eq(M.id, De.meetingId)).where(eq(De.id, id));
    if (!found) throw new AppError('NOT_FOUND');
    const { d: before, m } = found;
    const visible = inScope(ctx.user.scope, m) || inScope(ctx.user.scope, { teamId: before.ownerTeamId });
    if (!visible) throw new AppError('NOT_FOUND');
    checkDone(patch, m.heldOn);
    if (patch.dueOn && patch.dueOn < m.heldOn) throw invalid({ path: 'body.dueOn', key: 'social.validation.beforeMeeting' });
    if (patch.ownerTeamId != null) await assertOwner(ctx, tx, patch.ownerTeamId, 'body.ownerTeamId');
    const [after] = await tx
      .update(De)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(De.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'social_decision', entityId: id, before, after });
    return id;
  });
}

/** Every decision in scope, for the ledger's export (by meeting, then due date). */
export async function allDecisions(ctx: Ctx) {
  const today = todayInBeijing();
  const rows = await query(dbOf(ctx)).where(decisionsInScope(ctx.user.scope)).orderBy(asc(M.heldOn), asc(M.id), asc(De.dueOn), asc(De.id));
  return rows.map((r) => decisionRow(r, today));
}
