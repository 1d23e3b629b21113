// 投资到位: signed (协议投资) and in-place (实际到位投资) investment as dated increments, and the headcount an
// enterprise reports when only a count is known. In place never runs above signed: the increment that would
// push it over is refused, naming the amount and both totals.

import type { HeadcountInput, InvestmentInput, InvestmentKind } from '@xiezuo/shared/contracts/industry';
import { formatAmount } from '@xiezuo/shared/format';
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { dbOf, enterprisesInScope } from './access';
import { enterpriseInScope } from './enterprises';
import { industryEnterprises as ent, industryHeadcounts as heads, industryInvestments as inv } from './tables';

export interface InvestmentFilter {
  enterpriseId?: number;
  kind?: InvestmentKind;
  from?: string;
  to?: string;
}

export function listInvestments(ctx: Ctx, f: InvestmentFilter) {
  const conds = [enterprisesInScope(ctx.user.scope)];
  if (f.enterpriseId) conds.push(eq(inv.enterpriseId, f.enterpriseId));
  if (f.kind) conds.push(eq(inv.kind, f.kind));
  if (f.from) conds.push(gte(inv.day, f.from));
  if (f.to) conds.push(lte(inv.day, f.to));
  return dbOf(ctx)
    .select({
      id: inv.id,
      enterpriseId: inv.enterpriseId,
      enterpriseName: ent.name,
      creditCode: ent.creditCode,
      kind: inv.kind,
      amount: inv.amount,
      day: inv.day,
      note: inv.note,
    })
    .from(inv)
    .innerJoin(ent, eq(ent.id, inv.enterpriseId))
    .where(and(...conds))
    .orderBy(asc(inv.day), asc(inv.id));
}

/** Signed and in-place totals to date of some enterprises, in 元. */
export async function totalsOf(db: Db | Tx, ids: number[]): Promise<Map<number, { signed: number; inPlace: number }>> {
  const out = new Map(ids.map((id) => [id, { signed: 0, inPlace: 0 }]));
  if (!ids.length) return out;
  const rows = await db
    .select({ id: inv.enterpriseId, kind: inv.kind, total: sql<string>`sum(${inv.amount})` })
    .from(inv)
    .where(inArray(inv.enterpriseId, ids))
    .groupBy(inv.enterpriseId, inv.kind);
  for (const r of rows) {
    const t = out.get(r.id)!;
    if (r.kind === 'signed') t.signed = Number(r.total);
    else t.inPlace = Number(r.total);
  }
  return out;
}

/** The problem when in place would exceed signed, or null. */
export function overSigned(t: { signed: number; inPlace: number }) {
  if (t.inPlace <= t.signed + 0.005) return null;
  return { key: 'industry.validation.overSigned', params: { inPlace: formatAmount(t.inPlace), signed: formatAmount(t.signed) } };
}

export async function addInvestment(ctx: Ctx, body: z.output<typeof InvestmentInput>) {
  return withTx(ctx, async (tx, ctx) => {
    await enterpriseInScope(ctx, body.enterpriseId, 'body.enterpriseId');
    const [dup] = await tx
      .select({ id: inv.id })
      .from(inv)
      .where(and(eq(inv.enterpriseId, body.enterpriseId), eq(inv.kind, body.kind), eq(inv.day, body.day)));
    if (dup) throw new AppError('CONFLICT', {}, [{ path: 'body.day', key: 'industry.validation.duplicateIncrement' }]);
    const t = (await totalsOf(tx, [body.enterpriseId])).get(body.enterpriseId)!;
    if (body.kind === 'signed') t.signed += body.amount;
    else t.inPlace += body.amount;
    const over = overSigned(t);
    if (over) throw invalid({ path: 'body.amount', ...over });
    const [row] = await tx
      .insert(inv)
      .values({ ...body, amount: body.amount.toFixed(2) })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'industry_investment', entityId: row.id, after: row });
    return { id: row.id };
  });
}

export async function listHeadcounts(ctx: Ctx, enterpriseId: number) {
  await enterpriseInScope(ctx, enterpriseId, 'params.id').catch(() => {
    throw new AppError('NOT_FOUND');
  });
  return dbOf(ctx).select().from(heads).where(eq(heads.enterpriseId, enterpriseId)).orderBy(desc(heads.reportedOn));
}

/** A dated headcount report; a second report of the same day replaces the first. */
export async function addHeadcount(ctx: Ctx, body: z.output<typeof HeadcountInput>) {
  return withTx(ctx, async (tx, ctx) => {
    await enterpriseInScope(ctx, body.enterpriseId, 'body.enterpriseId');
    const [row] = await tx
      .insert(heads)
      .values(body)
      .onConflictDoUpdate({ target: [heads.enterpriseId, heads.reportedOn], set: { jobs: body.jobs, note: body.note ?? null } })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'industry_headcount', entityId: row.id, after: row });
    return { id: row.id };
  });
}

/** Corrects an increment's amount (a ledger re-import); in place still may not run above signed. */
export async function updateInvestment(ctx: Ctx, id: number, patch: { amount: number; note?: string | null }) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(inv).where(eq(inv.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    await enterpriseInScope(ctx, before.enterpriseId, 'body.enterpriseId');
    const t = (await totalsOf(tx, [before.enterpriseId])).get(before.enterpriseId)!;
    const delta = patch.amount - Number(before.amount);
    if (before.kind === 'signed') t.signed += delta;
    else t.inPlace += delta;
    const over = overSigned(t);
    if (over) throw invalid({ path: 'body.amount', ...over });
    const [after] = await tx
      .update(inv)
      .set({ amount: patch.amount.toFixed(2), ...(patch.note !== undefined && { note: patch.note }) })
      .where(eq(inv.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'industry_investment', entityId: id, before, after });
    return { id };
  });
}
