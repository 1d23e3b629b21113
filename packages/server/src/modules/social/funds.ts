// 社会帮扶资金: money raised from society for a place, pledged (认捐) and received (到位), by donor and purpose.
// The projects it paid for belong to the funds module; linking a fund to a project is a later step.
import type { FundInput, FundPatch, FundPurpose } from '@xiezuo/shared/contracts/social';
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { divisions } from '../registry';
import { allOf, assertWritable, dbOf, dec, ownTeamOf, placedInScope, placeFilters } from './access';
import { socialFunds as F } from './tables';

export interface FundFilter {
  divisionCode?: string;
  teamId?: number;
  from?: string;
  to?: string;
  purpose?: FundPurpose;
  q?: string;
}

function conditions(ctx: Ctx, f: FundFilter) {
  const conds = placeFilters(ctx.user.scope, F, F.pledgedOn, f);
  if (f.purpose) conds.push(eq(F.purpose, f.purpose));
  if (f.q) conds.push(or(ilike(F.donorName, `%${f.q}%`), ilike(F.purposeNote, `%${f.q}%`)));
  return allOf(conds);
}

const query = (db: Db | Tx) =>
  db.select({ f: F, divisionName: divisions.name }).from(F).leftJoin(divisions, eq(divisions.code, F.divisionCode));

export const fundRow = ({ f, divisionName }: { f: typeof F.$inferSelect; divisionName: string | null }) => ({
  id: f.id,
  donorName: f.donorName,
  donorKind: f.donorKind,
  purpose: f.purpose,
  purposeNote: f.purposeNote,
  divisionCode: f.divisionCode,
  divisionName,
  teamId: f.teamId,
  pledgedOn: f.pledgedOn,
  pledgedAmount: Number(f.pledgedAmount),
  receivedAmount: Number(f.receivedAmount),
  receivedOn: f.receivedOn,
  note: f.note,
});

export async function listFunds(ctx: Ctx, f: FundFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = conditions(ctx, f);
  const [rows, [totals]] = await Promise.all([
    query(db)
      .where(where)
      .orderBy(desc(F.pledgedOn), asc(F.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({
        total: sql<number>`count(*)::int`,
        pledged: sql<string>`coalesce(sum(${F.pledgedAmount}), 0)`,
        received: sql<string>`coalesce(sum(${F.receivedAmount}), 0)`,
      })
      .from(F)
      .where(where),
  ]);
  return {
    items: rows.map(fundRow),
    total: Number(totals.total),
    page: f.page,
    pageSize: f.pageSize,
    totals: { pledged: Number(totals.pledged), received: Number(totals.received) },
  };
}

export async function allFunds(ctx: Ctx, f: FundFilter) {
  return (await query(dbOf(ctx)).where(conditions(ctx, f)).orderBy(desc(F.pledgedOn), asc(F.id))).map(fundRow);
}

export async function getFund(ctx: Ctx, id: number) {
  const [row] = await query(dbOf(ctx)).where(and(eq(F.id, id), placedInScope(ctx.user.scope, F)));
  if (!row) throw new AppError('NOT_FOUND');
  return fundRow(row);
}

type Input = z.output<typeof FundInput>;

/** Received money has a day; a receipt is not dated before the pledge. More than pledged is allowed (donors give more). */
function checkFund(f: Partial<Input>) {
  if ((f.receivedAmount ?? 0) > 0 && !f.receivedOn) throw invalid({ path: 'body.receivedOn', key: 'social.validation.receivedOn' });
  if (f.receivedOn && f.pledgedOn && f.receivedOn < f.pledgedOn) throw invalid({ path: 'body.receivedOn', key: 'social.validation.dates' });
}

const values = (f: Input) => ({
  ...f,
  pledgedAmount: dec(f.pledgedAmount) as string,
  receivedAmount: dec(f.receivedAmount ?? 0) as string,
});

export async function createFund(ctx: Ctx, input: Input) {
  const body = { ...input, teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  checkFund(body);
  return withTx(ctx, async (tx, ctx) => {
    await assertWritable(ctx, tx, body);
    const [row] = await tx.insert(F).values(values(body)).returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'social_fund', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateFund(ctx: Ctx, id: number, patch: z.output<typeof FundPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(F).where(eq(F.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    await assertWritable(ctx, tx, before);
    const { id: _id, divisionName: _n, ...current } = fundRow({ f: before, divisionName: null });
    const next = { ...current, ...patch } as Input;
    checkFund(next);
    await assertWritable(ctx, tx, next);
    const [after] = await tx
      .update(F)
      .set({ ...values(next), updatedAt: new Date() })
      .where(eq(F.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'social_fund', entityId: id, before, after });
    return id;
  });
}
