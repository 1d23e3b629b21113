// 帮扶车间: assistance workshops in villages, with the people at work in them today and, of those, the
// 脱贫人口 — computed through the lifted_persons view from the workers' ID hashes, never typed.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { WorkshopInput, WorkshopPatch, WorkshopStatus } from '@xiezuo/shared/contracts/industry';
import { and, asc, count, eq, ilike, like, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { assertInScope } from '../../platform/scope';
import { divisions } from '../registry';
import { assertPlaceInScope, checkDates, dbOf, enterprisesInScope, ownTeamOf, workshopsInScope } from './access';
import { industryEnterprises as ent, industryWorkshops as shops, industryWorkers as workers } from './tables';

export interface WorkshopFilter {
  divisionCode?: string;
  status?: WorkshopStatus;
  q?: string;
}

function workshopQuery(db: Db | Tx) {
  const today = todayInBeijing();
  const atWork = sql`w.workshop_id = ${shops.id} and w.start_date <= ${today} and (w.end_date is null or w.end_date >= ${today})`;
  return db
    .select({
      id: shops.id,
      name: shops.name,
      enterpriseId: shops.enterpriseId,
      operatorName: sql<string | null>`coalesce(${shops.operatorName}, ${ent.name})`,
      divisionCode: shops.divisionCode,
      divisionName: divisions.name,
      teamId: shops.teamId,
      recognizedOn: shops.recognizedOn,
      recognitionDoc: shops.recognitionDoc,
      status: shops.status,
      stoppedOn: shops.stoppedOn,
      subsidy: shops.subsidy,
      note: shops.note,
      workers: sql<number>`(select count(distinct w.id_hash)::int from ${workers} w where ${atWork})`,
      liftedWorkers: sql<number>`(select count(distinct w.id_hash)::int from ${workers} w
                                  where ${atWork} and w.id_hash in (select id_hash from lifted_persons))`,
    })
    .from(shops)
    .leftJoin(ent, eq(ent.id, shops.enterpriseId))
    .leftJoin(divisions, eq(divisions.code, shops.divisionCode));
}
type WorkshopRecord = Awaited<ReturnType<typeof workshopQuery>>[number];
const toRow = (r: WorkshopRecord) => ({ ...r, workers: Number(r.workers), liftedWorkers: Number(r.liftedWorkers) });

function conditions(ctx: Ctx, f: WorkshopFilter): SQL | undefined {
  const conds = [workshopsInScope(ctx.user.scope)];
  if (f.divisionCode) conds.push(like(shops.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.status) conds.push(eq(shops.status, f.status));
  if (f.q) conds.push(or(ilike(shops.name, `%${f.q}%`), ilike(shops.operatorName, `%${f.q}%`)));
  return and(...conds);
}

export async function listWorkshops(ctx: Ctx, f: WorkshopFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = conditions(ctx, f);
  const [rows, [{ total }]] = await Promise.all([
    workshopQuery(db)
      .where(where)
      .orderBy(asc(shops.divisionCode), asc(shops.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(shops).where(where),
  ]);
  return { items: rows.map(toRow), total: Number(total), page: f.page, pageSize: f.pageSize };
}

export async function allWorkshops(ctx: Ctx, f: WorkshopFilter) {
  return (await workshopQuery(dbOf(ctx)).where(conditions(ctx, f)).orderBy(asc(shops.divisionCode), asc(shops.id))).map(toRow);
}

export async function workshopRow(ctx: Ctx, id: number) {
  const [row] = await workshopQuery(dbOf(ctx)).where(and(eq(shops.id, id), workshopsInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return toRow(row);
}

/** A workshop in scope (for its workers); `path` names the field when it is not there. */
export async function workshopInScope(ctx: Ctx, id: number, path: string) {
  const [row] = await dbOf(ctx)
    .select()
    .from(shops)
    .where(and(eq(shops.id, id), workshopsInScope(ctx.user.scope)));
  if (!row) throw invalid({ path, key: 'industry.validation.noWorkshop' });
  return row;
}

function checkWorkshop(w: { recognizedOn: string; stoppedOn?: string | null; status: WorkshopStatus }) {
  checkDates(w.recognizedOn, w.stoppedOn, 'body.stoppedOn');
  if (w.status === 'stopped' && !w.stoppedOn) throw invalid({ path: 'body.stoppedOn', key: 'validation.required' });
}

/** The operator, when an introduced enterprise, must be one the user sees: else an error on its field. */
async function assertOperator(ctx: Ctx, enterpriseId: number | null | undefined) {
  if (enterpriseId == null) return;
  const [found] = await dbOf(ctx)
    .select({ id: ent.id })
    .from(ent)
    .where(and(eq(ent.id, enterpriseId), enterprisesInScope(ctx.user.scope)));
  if (!found) throw invalid({ path: 'body.enterpriseId', key: 'industry.validation.noEnterprise' });
}

const money = (v: number | null | undefined) => (v == null ? v : v.toFixed(2));

export async function createWorkshop(ctx: Ctx, input: z.output<typeof WorkshopInput>) {
  const body = { ...input, teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  checkWorkshop(body);
  // the village itself must lie in scope: a team's own workshops are in its villages, not the other side's
  assertPlaceInScope(ctx.user.scope, { divisionCode: body.divisionCode });
  return withTx(ctx, async (tx, ctx) => {
    await assertOperator(ctx, body.enterpriseId);
    const [row] = await tx
      .insert(shops)
      .values({ ...body, subsidy: money(body.subsidy) })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'industry_workshop', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateWorkshop(ctx: Ctx, id: number, patch: z.output<typeof WorkshopPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(shops).where(eq(shops.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertInScope(ctx.user.scope, before);
    const { subsidy, ...rest } = patch;
    const next = { ...before, ...rest };
    checkWorkshop(next);
    if (rest.divisionCode !== undefined) assertPlaceInScope(ctx.user.scope, { divisionCode: next.divisionCode });
    await assertOperator(ctx, rest.enterpriseId);
    const values = { ...rest, ...(subsidy !== undefined && { subsidy: money(subsidy) }), updatedAt: new Date() };
    const [after] = await tx.update(shops).set(values).where(eq(shops.id, id)).returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'industry_workshop', entityId: id, before, after });
    return id;
  });
}
