// 会议: joint meetings (党政联席会议), symposia (座谈会), progress and team leaders' meetings, by level, with both
// sides' attendees and topics. What a meeting decides is followed in decisions.ts.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { MeetingInput, MeetingKind, MeetingLevel, MeetingPatch } from '@xiezuo/shared/contracts/social';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import { divisions } from '../registry';
import { allOf, assertWritable, dbOf, ownTeamOf, placedInScope, placeFilters } from './access';
import { addDecision, listDecisionsOf } from './decisions';
import { socialDecisions as De, socialMeetings as M } from './tables';

export interface MeetingFilter {
  divisionCode?: string;
  teamId?: number;
  from?: string;
  to?: string;
  kind?: MeetingKind;
  level?: MeetingLevel;
}

function conditions(ctx: Ctx, f: MeetingFilter) {
  const conds = placeFilters(ctx.user.scope, M, M.heldOn, f);
  if (f.kind) conds.push(eq(M.kind, f.kind));
  if (f.level) conds.push(eq(M.level, f.level));
  return allOf(conds);
}

function query(db: Db | Tx) {
  const today = todayInBeijing();
  return db
    .select({
      m: M,
      divisionName: divisions.name,
      decisionsOpen: sql<number>`(select count(*)::int from ${De} where ${De.meetingId} = ${M.id} and ${De.doneOn} is null)`,
      decisionsOverdue: sql<number>`(select count(*)::int from ${De} where ${De.meetingId} = ${M.id} and ${De.doneOn} is null and ${De.dueOn} < ${today})`,
    })
    .from(M)
    .leftJoin(divisions, eq(divisions.code, M.divisionCode));
}

type Joined = { m: typeof M.$inferSelect; divisionName: string | null; decisionsOpen: number; decisionsOverdue: number };

const meetingRow = ({ m, divisionName, decisionsOpen, decisionsOverdue }: Joined) => ({
  id: m.id,
  heldOn: m.heldOn,
  kind: m.kind,
  level: m.level,
  title: m.title,
  place: m.place,
  divisionCode: m.divisionCode,
  divisionName,
  teamId: m.teamId,
  helperAttendees: m.helperAttendees,
  helpedAttendees: m.helpedAttendees,
  topics: m.topics,
  note: m.note,
  decisionsOpen: Number(decisionsOpen),
  decisionsOverdue: Number(decisionsOverdue),
});

const tally = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));

export async function listMeetings(ctx: Ctx, f: MeetingFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = conditions(ctx, f);
  const count = sql<number>`count(*)::int`;
  const [rows, byKind, byLevel] = await Promise.all([
    query(db)
      .where(where)
      .orderBy(desc(M.heldOn), asc(M.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ key: M.kind, n: count }).from(M).where(where).groupBy(M.kind),
    db.select({ key: M.level, n: count }).from(M).where(where).groupBy(M.level),
  ]);
  return {
    items: rows.map(meetingRow),
    total: byKind.reduce((s, r) => s + Number(r.n), 0),
    page: f.page,
    pageSize: f.pageSize,
    totals: { byKind: tally(byKind), byLevel: tally(byLevel) },
  };
}

export async function allMeetings(ctx: Ctx, f: MeetingFilter) {
  return (await query(dbOf(ctx)).where(conditions(ctx, f)).orderBy(desc(M.heldOn), asc(M.id))).map(meetingRow);
}

/** A meeting in scope with its decisions. */
export async function meetingDetail(ctx: Ctx, id: number) {
  const [row] = await query(dbOf(ctx)).where(and(eq(M.id, id), placedInScope(ctx.user.scope, M)));
  if (!row) throw new AppError('NOT_FOUND');
  return { ...meetingRow(row), decisions: await listDecisionsOf(ctx, id) };
}

type Input = z.output<typeof MeetingInput>;

/** A meeting and the decisions recorded with it, together or not at all. */
export async function createMeeting(ctx: Ctx, input: Input) {
  const { decisions = [], ...meeting } = input;
  const body = { ...meeting, teamId: meeting.teamId ?? ownTeamOf(ctx.user.scope) };
  return withTx(ctx, async (tx, ctx) => {
    await assertWritable(ctx, tx, body);
    const [row] = await tx.insert(M).values(body).returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'social_meeting', entityId: row.id, after: row });
    for (const [i, d] of decisions.entries()) await addDecision(ctx, row.id, d, `body.decisions.${i}`);
    return row.id;
  });
}

export async function updateMeeting(ctx: Ctx, id: number, patch: z.output<typeof MeetingPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(M).where(eq(M.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    await assertWritable(ctx, tx, before, before);
    await assertWritable(ctx, tx, { ...before, ...patch }, before);
    const [after] = await tx
      .update(M)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(M.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'social_meeting', entityId: id, before, after });
    return id;
  });
}
