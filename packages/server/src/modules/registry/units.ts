// 单位: list (scoped by the unit's division), create and update (audited), with the credit code checked
// by the contract (GB 32100) and unique.
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { UnitBody, UnitListQuery, UnitPatch } from '@xiezuo/shared/contracts/registry';
import { and, count, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { assertInScope } from '../../platform/scope';
import { dbOf, teamConcerns, unitsInScope } from './access';
import { divisions, units } from './tables';

type Unit = typeof units.$inferSelect;
const columns = {
  id: units.id,
  name: units.name,
  kind: units.kind,
  divisionCode: units.divisionCode,
  divisionName: divisions.name,
  creditCode: units.creditCode,
  note: units.note,
};
export type UnitView = Omit<Unit, 'createdAt' | 'updatedAt'> & { divisionName: string | null };

export async function listUnits(ctx: Ctx, q: z.infer<typeof UnitListQuery>) {
  const db = dbOf(ctx);
  const conds: (SQL | undefined)[] = [unitsInScope(ctx.user.scope, await teamConcerns(ctx))];
  if (q.kind) conds.push(eq(units.kind, q.kind));
  if (q.division) conds.push(like(units.divisionCode, `${divisionPrefix(q.division)}%`));
  if (q.q) conds.push(or(like(units.name, `%${q.q}%`), like(units.creditCode, `${q.q.toUpperCase()}%`)));
  const where = and(...conds);
  const [items, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(units)
      .leftJoin(divisions, eq(divisions.code, units.divisionCode))
      .where(where)
      .orderBy(units.divisionCode, units.name)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(units).where(where),
  ]);
  return { items: items satisfies UnitView[], total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function getUnit(ctx: Ctx, id: number): Promise<UnitView> {
  const [row] = await dbOf(ctx)
    .select(columns)
    .from(units)
    .leftJoin(divisions, eq(divisions.code, units.divisionCode))
    .where(eq(units.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  if (!(await teamConcerns(ctx))?.unitIds.includes(row.id)) assertInScope(ctx.user.scope, { divisionCode: row.divisionCode });
  return row;
}

async function checkUnit(tx: Tx, ctx: Ctx, body: { divisionCode?: string; creditCode?: string | null }, selfId?: number) {
  if (body.divisionCode) {
    const [d] = await tx.select({ code: divisions.code }).from(divisions).where(eq(divisions.code, body.divisionCode));
    if (!d) throw invalid({ path: 'body.divisionCode', key: 'registry.errors.divisionUnknown', params: { code: body.divisionCode } });
    assertInScope(ctx.user.scope, { divisionCode: body.divisionCode });
  }
  if (body.creditCode) {
    const [dup] = await tx.select({ id: units.id }).from(units).where(eq(units.creditCode, body.creditCode));
    if (dup && dup.id !== selfId) throw invalid({ path: 'body.creditCode', key: 'registry.errors.creditCodeTaken' });
  }
}

export async function createUnit(ctx: Ctx, body: z.infer<typeof UnitBody>) {
  return withTx(ctx, async (tx, ctx) => {
    await checkUnit(tx, ctx, body);
    const [row] = await tx
      .insert(units)
      .values({ ...body, creditCode: body.creditCode || null, note: body.note ?? null })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'unit', entityId: row.id, after: row });
    return getUnit(ctx, row.id);
  });
}

export async function updateUnit(ctx: Ctx, id: number, body: z.infer<typeof UnitPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const before = await getUnit(ctx, id);
    assertInScope(ctx.user.scope, { divisionCode: before.divisionCode }); // a team reads its units; they are changed where they lie
    await checkUnit(tx, ctx, body, id);
    const [after] = await tx
      .update(units)
      .set({ ...body, updatedAt: sql`now()` })
      .where(eq(units.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'unit', entityId: id, before, after });
    return getUnit(ctx, id);
  });
}
