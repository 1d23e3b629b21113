// 供应商: enterprises and cooperatives of the helped areas, one per credit code (GB 32100).

import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { SupplierInput, SupplierPatch } from '@xiezuo/shared/contracts/consumption';
import { and, asc, count, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError, invalid } from '../../platform/http/errors';
import { divisions } from '../registry';
import { assertAnyInScope, checkTeam, dbOf, ownTeamOf, suppliersInScope } from './access';
import { consumptionProducts, consumptionSuppliers as sup } from './tables';

export interface SupplierFilter {
  divisionCode?: string;
  q?: string;
}

function conditions(ctx: Ctx, f: SupplierFilter) {
  const conds = [suppliersInScope(ctx.user.scope)];
  if (f.divisionCode) conds.push(like(sup.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.q) conds.push(or(ilike(sup.name, `%${f.q}%`), eq(sup.creditCode, f.q.toUpperCase())));
  return and(...conds);
}

function supplierQuery(ctx: Ctx) {
  const products = sql<number>`(select count(*) from ${consumptionProducts} p where p.supplier_id = ${sup.id})::int`;
  return dbOf(ctx)
    .select({
      id: sup.id,
      name: sup.name,
      creditCode: sup.creditCode,
      divisionCode: sup.divisionCode,
      divisionName: divisions.name,
      teamId: sup.teamId,
      contact: sup.contact,
      phone: sup.phone,
      address: sup.address,
      note: sup.note,
      products,
    })
    .from(sup)
    .leftJoin(divisions, eq(divisions.code, sup.divisionCode));
}

export async function listSuppliers(ctx: Ctx, f: SupplierFilter & { page: number; pageSize: number }) {
  const where = conditions(ctx, f);
  const [items, [{ total }]] = await Promise.all([
    supplierQuery(ctx)
      .where(where)
      .orderBy(asc(sup.divisionCode), asc(sup.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    dbOf(ctx).select({ total: count() }).from(sup).where(where),
  ]);
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize };
}

export const allSuppliers = (ctx: Ctx, f: SupplierFilter) => supplierQuery(ctx).where(conditions(ctx, f)).orderBy(asc(sup.id));

export async function getSupplier(ctx: Ctx, id: number) {
  const [row] = await supplierQuery(ctx).where(and(eq(sup.id, id), suppliersInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Suppliers visible to the user by credit code and by name (one query for a ledger batch). */
export async function suppliersByKeys(ctx: Ctx, codes: string[], names: string[]) {
  const conds = [];
  if (codes.length) conds.push(inArray(sup.creditCode, codes));
  if (names.length) conds.push(inArray(sup.name, names));
  if (!conds.length) return [];
  return dbOf(ctx)
    .select({ id: sup.id, name: sup.name, creditCode: sup.creditCode, divisionCode: sup.divisionCode, teamId: sup.teamId })
    .from(sup)
    .where(and(or(...conds), suppliersInScope(ctx.user.scope)));
}

async function assertCodeFree(ctx: Ctx, creditCode: string, self?: number) {
  const [taken] = await dbOf(ctx).select({ id: sup.id }).from(sup).where(eq(sup.creditCode, creditCode));
  if (taken && taken.id !== self) throw invalid({ path: 'body.creditCode', key: 'registry.validation.creditCodeTaken' });
}

export async function createSupplier(ctx: Ctx, input: z.output<typeof SupplierInput>) {
  const body = { ...input, teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  assertAnyInScope(ctx.user.scope, [body.divisionCode], body.teamId);
  return withTx(ctx, async (tx, ctx) => {
    await checkTeam(ctx, body.teamId, 'body.teamId');
    await assertCodeFree(ctx, body.creditCode);
    const [row] = await tx.insert(sup).values(body).returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'consumption_supplier', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateSupplier(ctx: Ctx, id: number, patch: z.output<typeof SupplierPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(sup).where(eq(sup.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertAnyInScope(ctx.user.scope, [before.divisionCode], before.teamId);
    const next = { ...before, ...patch };
    assertAnyInScope(ctx.user.scope, [next.divisionCode], next.teamId);
    if (patch.teamId !== undefined) await checkTeam(ctx, patch.teamId, 'body.teamId');
    if (patch.creditCode) await assertCodeFree(ctx, patch.creditCode, id);
    const [after] = await tx
      .update(sup)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(sup.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'consumption_supplier', entityId: id, before, after });
    return id;
  });
}
