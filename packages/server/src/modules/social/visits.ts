// 互访调研: leaders of one side visiting the other (党政主要负责同志 …), counted as the East–West assessment counts
// them: one visit per delegation, by the visitors' level and direction, at the place visited.
import type { VisitInput, VisitorLevel, VisitPatch } from '@xiezuo/shared/contracts/social';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { inScope, type Scope, scopeWhere } from '../../platform/scope';
import { divisions } from '../registry';
import { allOf, assertWritable, dbOf, ownTeamOf, placeFilters } from './access';
import { socialVisits as V } from './tables';

export interface VisitFilter {
  divisionCode?: string;
  teamId?: number;
  from?: string;
  to?: string;
  visitorLevel?: VisitorLevel;
}

/** A visit is in scope by the place visited, the visitors' side or its team. */
function visitsInScope(scope: Scope) {
  if (scope.all) return undefined;
  return or(scopeWhere(scope, { division: V.divisionCode, team: V.teamId }), scopeWhere(scope, { division: V.fromDivisionCode }));
}

function conditions(ctx: Ctx, f: VisitFilter) {
  const conds = placeFilters({ all: true, divisionCodes: [], divisionPrefixes: [], teamIds: [] }, V, V.startedOn, f);
  conds.push(visitsInScope(ctx.user.scope));
  if (f.visitorLevel) conds.push(eq(V.visitorLevel, f.visitorLevel));
  return allOf(conds);
}

const fromDiv = alias(divisions, 'from_div');
const query = (db: Db | Tx) =>
  db
    .select({ v: V, divisionName: divisions.name, fromDivisionName: fromDiv.name })
    .from(V)
    .leftJoin(divisions, eq(divisions.code, V.divisionCode))
    .leftJoin(fromDiv, eq(fromDiv.code, V.fromDivisionCode));

type Joined = { v: typeof V.$inferSelect; divisionName: string | null; fromDivisionName: string | null };
const visitRow = ({ v, divisionName, fromDivisionName }: Joined) => ({
  id: v.id,
  startedOn: v.startedOn,
  endedOn: v.endedOn,
  visitorLevel: v.visitorLevel,
  visitors: v.visitors,
  direction: v.direction,
  fromDivisionCode: v.fromDivisionCode,
  fromDivisionName,
  divisionCode: v.divisionCode,
  divisionName,
  teamId: v.teamId,
  purpose: v.purpose,
  note: v.note,
});

export async function listVisits(ctx: Ctx, f: VisitFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = conditions(ctx, f);
  const [rows, [{ total }]] = await Promise.all([
    query(db)
      .where(where)
      .orderBy(desc(V.startedOn), asc(V.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(V).where(where),
  ]);
  return { items: rows.map(visitRow), total: Number(total), page: f.page, pageSize: f.pageSize };
}

export async function allVisits(ctx: Ctx, f: VisitFilter) {
  return (await query(dbOf(ctx)).where(conditions(ctx, f)).orderBy(desc(V.startedOn), asc(V.id))).map(visitRow);
}

export async function getVisit(ctx: Ctx, id: number) {
  const [row] = await query(dbOf(ctx)).where(and(eq(V.id, id), visitsInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return visitRow(row);
}

type Input = z.output<typeof VisitInput>;

function checkVisit(v: Partial<Input>) {
  if (v.endedOn && v.startedOn && v.endedOn < v.startedOn) throw invalid({ path: 'body.endedOn', key: 'social.validation.dates' });
  if (v.fromDivisionCode && v.fromDivisionCode === v.divisionCode)
    throw invalid({ path: 'body.divisionCode', key: 'social.validation.sameSide' });
}

/** Either side, or the team, in the user's scope. */
async function assertVisitWritable(
  ctx: Ctx,
  tx: Tx,
  v: { divisionCode: string; fromDivisionCode: string; teamId?: number | null },
  before?: { teamId: number | null },
) {
  if (inScope(ctx.user.scope, { divisionCode: v.fromDivisionCode }))
    return assertWritable(ctx, tx, { divisionCode: v.fromDivisionCode, teamId: v.teamId }, before);
  return assertWritable(ctx, tx, v, before);
}

export async function createVisit(ctx: Ctx, input: Input) {
  const body = { ...input, teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  checkVisit(body);
  return withTx(ctx, async (tx, ctx) => {
    await assertVisitWritable(ctx, tx, body);
    const [row] = await tx.insert(V).values(body).returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'social_visit', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateVisit(ctx: Ctx, id: number, patch: z.output<typeof VisitPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(V).where(eq(V.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    await assertVisitWritable(ctx, tx, before, before);
    const next = { ...before, ...patch };
    checkVisit(next);
    await assertVisitWritable(ctx, tx, next, before);
    const [after] = await tx
      .update(V)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(V.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'social_visit', entityId: id, before, after });
    return id;
  });
}
