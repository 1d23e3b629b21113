// 产销对接活动: matching fairs — where and when, who organised, the suppliers and buyers attending, the intents
// signed (意向金额) and the deals realised later, which are the counted sales linked to the fair.
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { FairInput, FairPatch } from '@xiezuo/shared/contracts/consumption';
import { and, asc, count, desc, eq, gte, inArray, like, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { divisions } from '../registry';
import { assertAnyInScope, checkTeam, dbOf, fairsInScope, ownTeamOf } from './access';
import {
  consumptionFairSuppliers as attend,
  consumptionFairs as fair,
  consumptionSales as sale,
  consumptionSuppliers as sup,
} from './tables';

export interface FairFilter {
  divisionCode?: string;
  from?: string;
  to?: string;
}

function conditions(ctx: Ctx, f: FairFilter) {
  const conds = [fairsInScope(ctx.user.scope)];
  if (f.divisionCode) conds.push(like(fair.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.from) conds.push(gte(fair.fairDate, f.from));
  if (f.to) conds.push(lte(fair.fairDate, f.to));
  return and(...conds);
}

const realised = sql<string>`(select coalesce(sum(s.amount), 0) from ${sale} s
  where s.fair_id = ${fair.id} and (s.duplicate_of is null or s.duplicate_state = 'distinct'))::text`;

function fairQuery(ctx: Ctx) {
  return dbOf(ctx)
    .select({
      id: fair.id,
      name: fair.name,
      fairDate: fair.fairDate,
      place: fair.place,
      divisionCode: fair.divisionCode,
      divisionName: divisions.name,
      organiser: fair.organiser,
      teamId: fair.teamId,
      buyers: fair.buyers,
      intentAmount: fair.intentAmount,
      realisedAmount: realised,
      note: fair.note,
    })
    .from(fair)
    .leftJoin(divisions, eq(divisions.code, fair.divisionCode));
}

/** The suppliers attending each fair, with where they come from. */
async function attendance(ctx: Ctx, ids: number[]) {
  const out = new Map<number, { id: number; name: string; divisionName: string | null }[]>();
  if (!ids.length) return out;
  const rows = await dbOf(ctx)
    .select({ fairId: attend.fairId, id: sup.id, name: sup.name, divisionName: divisions.name })
    .from(attend)
    .innerJoin(sup, eq(sup.id, attend.supplierId))
    .leftJoin(divisions, eq(divisions.code, sup.divisionCode))
    .where(inArray(attend.fairId, ids))
    .orderBy(asc(sup.id));
  for (const r of rows) out.set(r.fairId, [...(out.get(r.fairId) ?? []), { id: r.id, name: r.name, divisionName: r.divisionName }]);
  return out;
}

async function withSuppliers<T extends { id: number }>(ctx: Ctx, rows: T[]) {
  const map = await attendance(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, suppliers: map.get(r.id) ?? [] }));
}

export async function listFairs(ctx: Ctx, f: FairFilter & { page: number; pageSize: number }) {
  const where = conditions(ctx, f);
  const rows = await fairQuery(ctx)
    .where(where)
    .orderBy(desc(fair.fairDate), asc(fair.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ total }] = await dbOf(ctx).select({ total: count() }).from(fair).where(where);
  return { items: await withSuppliers(ctx, rows), total: Number(total), page: f.page, pageSize: f.pageSize };
}

export async function allFairs(ctx: Ctx, f: FairFilter) {
  return withSuppliers(ctx, await fairQuery(ctx).where(conditions(ctx, f)).orderBy(asc(fair.id)));
}

export async function getFair(ctx: Ctx, id: number) {
  const [row] = await withSuppliers(ctx, await fairQuery(ctx).where(and(eq(fair.id, id), fairsInScope(ctx.user.scope))));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function setSuppliers(tx: Tx, fairId: number, ids: number[] | undefined) {
  if (ids === undefined) return;
  const wanted = [...new Set(ids)];
  if (wanted.length) {
    const found = await tx.select({ id: sup.id }).from(sup).where(inArray(sup.id, wanted));
    if (found.length !== wanted.length) throw invalid({ path: 'body.supplierIds', key: 'consumption.validation.noSupplier' });
  }
  await tx.delete(attend).where(eq(attend.fairId, fairId));
  if (wanted.length) await tx.insert(attend).values(wanted.map((supplierId) => ({ fairId, supplierId })));
}

const money = (v: number | null | undefined) => (v == null ? v : v.toFixed(2));

export async function createFair(ctx: Ctx, input: z.output<typeof FairInput>) {
  const { supplierIds, intentAmount, ...rest } = input;
  const body = { ...rest, intentAmount: money(intentAmount), teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  assertAnyInScope(ctx.user.scope, [body.divisionCode], body.teamId);
  return withTx(ctx, async (tx, ctx) => {
    await checkTeam(ctx, body.teamId, 'body.teamId');
    const [row] = await tx.insert(fair).values(body).returning();
    await setSuppliers(tx, row.id, supplierIds);
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'consumption_fair', entityId: row.id, after: { ...row, supplierIds } });
    return row.id;
  });
}

export async function updateFair(ctx: Ctx, id: number, patch: z.output<typeof FairPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(fair).where(eq(fair.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertAnyInScope(ctx.user.scope, [before.divisionCode], before.teamId);
    const { supplierIds, intentAmount, ...rest } = patch;
    const set = { ...rest, ...(intentAmount !== undefined ? { intentAmount: money(intentAmount) } : {}) };
    assertAnyInScope(ctx.user.scope, [set.divisionCode ?? before.divisionCode], set.teamId ?? before.teamId);
    if (patch.teamId !== undefined) await checkTeam(ctx, patch.teamId, 'body.teamId');
    const [after] = await tx
      .update(fair)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(fair.id, id))
      .returning();
    await setSuppliers(tx, id, supplierIds);
    await writeAudit(tx, ctx.actor, {
      action: 'update',
      entity: 'consumption_fair',
      entityId: id,
      before,
      after: { ...after, supplierIds },
    });
    return id;
  });
}
