// 脱贫人口名册: the people lifted out of poverty. Listed masked; the full ID number only to sensitive.reveal
// holders, each reveal audited. Whoever is here counts as 其中脱贫人口 in every module (view lifted_persons).
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { RosterInput } from '@xiezuo/shared/contracts/labour';
import { and, asc, count, eq, ilike, like, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError } from '../../platform/http/errors';
import { assertInScope } from '../../platform/scope';
import { divisions } from '../registry';
import { assertWritable, dbOf, rosterInScope } from './access';
import { sealIdNumber } from './people';
import { labourRoster } from './tables';

export interface RosterFilter {
  divisionCode?: string;
  q?: string;
}

function rosterQuery(ctx: Ctx) {
  return dbOf(ctx)
    .select({
      id: labourRoster.id,
      name: labourRoster.name,
      idNumberMasked: labourRoster.idMasked,
      divisionCode: labourRoster.divisionCode,
      divisionName: divisions.name,
      householdHead: labourRoster.householdHead,
      liftedYear: labourRoster.liftedYear,
      note: labourRoster.note,
    })
    .from(labourRoster)
    .leftJoin(divisions, eq(divisions.code, labourRoster.divisionCode));
}

function conditions(ctx: Ctx, f: RosterFilter): SQL | undefined {
  const conds = [rosterInScope(ctx.user.scope)];
  if (f.divisionCode) conds.push(like(labourRoster.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.q) conds.push(ilike(labourRoster.name, `%${f.q}%`));
  return and(...conds);
}

export async function listRoster(ctx: Ctx, f: RosterFilter & { page: number; pageSize: number }) {
  const where = conditions(ctx, f);
  const [items, [{ total }]] = await Promise.all([
    rosterQuery(ctx)
      .where(where)
      .orderBy(asc(labourRoster.divisionCode), asc(labourRoster.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    dbOf(ctx).select({ total: count() }).from(labourRoster).where(where),
  ]);
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize };
}

/** Every matching person with the ciphertext (for exports). */
export function allRoster(ctx: Ctx, f: RosterFilter) {
  return dbOf(ctx).select().from(labourRoster).where(conditions(ctx, f)).orderBy(asc(labourRoster.divisionCode), asc(labourRoster.id));
}

export async function rosterRow(ctx: Ctx, id: number) {
  const [row] = await rosterQuery(ctx).where(eq(labourRoster.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(ctx.user.scope, { divisionCode: row.divisionCode });
  return row;
}

/** Adds a person, or corrects the one of that ID number (a re-imported roster); audited. */
export async function saveRosterPerson(ctx: Ctx, body: z.output<typeof RosterInput>) {
  assertWritable(ctx, body);
  return withTx(ctx, async (tx, ctx) => {
    const { idNumber, ...rest } = body;
    const sealed = sealIdNumber(ctx.services.cipher, idNumber);
    const [before] = await tx.select().from(labourRoster).where(eq(labourRoster.idHash, sealed.idHash));
    if (before) {
      assertWritable(ctx, before);
      const [after] = await tx
        .update(labourRoster)
        .set({ ...rest, updatedAt: new Date() })
        .where(eq(labourRoster.id, before.id))
        .returning();
      await writeAudit(tx, ctx.actor, { action: 'update', entity: 'labour_roster', entityId: before.id, before, after });
      return before.id;
    }
    const [row] = await tx
      .insert(labourRoster)
      .values({ ...rest, ...sealed })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'labour_roster', entityId: row.id, after: row });
    return row.id;
  });
}

export async function revealRosterPerson(ctx: Ctx, id: number): Promise<{ idNumber: string }> {
  return withTx(ctx, async (tx, ctx) => {
    const [row] = await tx.select().from(labourRoster).where(eq(labourRoster.id, id));
    if (!row) throw new AppError('NOT_FOUND');
    assertInScope(ctx.user.scope, { divisionCode: row.divisionCode });
    await writeAudit(tx, ctx.actor, {
      action: 'reveal',
      entity: 'labour_roster',
      entityId: id,
      after: { field: 'id_number', name: row.name },
    });
    return { idNumber: ctx.services.cipher.decrypt(row.idCipher) };
  });
}
