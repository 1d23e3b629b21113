// 单位: list (scoped by the unit's division), create and update (audited), with the credit code checked
// by the contract (GB 32100) and unique.
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { UnitBody, UnitListQuery, UnitPatch } from '@xiezuo/shared/contracts/registry';
import { and, count, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Actor, AuthUser } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { assertInScope, scopeWhere } from '../../platform/scope';
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

export async function listUnits(db: Db, user: AuthUser, q: z.infer<typeof UnitListQuery>) {
  const conds: (SQL | undefined)[] = [scopeWhere(user.scope, { division: units.divisionCode })];
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
  return { items: items as UnitView[], total: Number(total), page: q.page, pageSize: q.pageSize };
}
export type UnitView = Omit<Unit, 'createdAt' | 'updatedAt' | 'kind'> & { kind: z.infer<typeof UnitBody>['kind']; divisionName: string | null };

export async function getUnit(db: Db | Tx, user: AuthUser, id: number): Promise<UnitView> {
  const [row] = await db.select(columns).from(units).leftJoin(divisions, eq(divisions.code, units.divisionCode)).where(eq(units.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(user.scope, { divisionCode: row.divisionCode });
  return row as UnitView;
}

async function checkUnit(tx: Tx, user: AuthUser, body: { divisionCode?: string; creditCode?: string | null }, selfId?: number) {
  if (body.divisionCode) {
    const [d] = await tx.select({ code: divisions.code }).from(divisions).where(eq(divisions.code, body.divisionCode));
    if (!d) throw invalid({ path: 'body.divisionCode', key: 'registry.errors.divisionUnknown', params: { code: body.divisionCode } });
    assertInScope(user.scope, { divisionCode: body.divisionCode });
  }
  if (body.creditCode) {
    const [dup] = await tx.select({ id: units.id }).from(units).where(eq(units.creditCode, body.creditCode));
    if (dup && dup.id !== selfId) throw invalid({ path: 'body.creditCode', key: 'registry.errors.creditCodeTaken' });
  }
}

export async function createUnit(db: Db, user: AuthUser, actor: Actor, body: z.infer<typeof UnitBody>) {
  return db.transaction((tx) => createUnitIn(tx, user, actor, body));
}

/** createUnit inside the caller's transaction (ledger imports). */
export async function createUnitIn(tx: Tx, user: AuthUser, actor: Actor, body: z.infer<typeof UnitBody>) {
  await checkUnit(tx, user, body);
  const [row] = await tx
    .insert(units)
    .values({ ...body, creditCode: body.creditCode || null, note: body.note ?? null })
    .returning();
  await writeAudit(tx, actor, { action: 'create', entity: 'unit', entityId: row.id, after: row });
  return getUnit(tx, user, row.id);
}

export async function updateUnit(db: Db, user: AuthUser, actor: Actor, id: number, body: z.infer<typeof UnitPatch>) {
  return db.transaction((tx) => updateUnitIn(tx, user, actor, id, body));
}

export async function updateUnitIn(tx: Tx, user: AuthUser, actor: Actor, id: number, body: z.infer<typeof UnitPatch>) {
  const before = await getUnit(tx, user, id);
  await checkUnit(tx, user, body, id);
  const [after] = await tx
    .update(units)
    .set({ ...body, updatedAt: sql`now()` })
    .where(eq(units.id, id))
    .returning();
  await writeAudit(tx, actor, { action: 'update', entity: 'unit', entityId: id, before, after });
  return getUnit(tx, user, id);
}
