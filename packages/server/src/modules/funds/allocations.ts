// 资金下达: batches of money from a payer to a receiver, by kind, and their transfers down the levels. A
// transfer passes part of its parent batch to a division inside the parent's receiver; what all transfers of
// a batch pass on never exceeds it, so figures count each 元 once, at the lowest level it reached.
import { divisionPrefix, isInDivisionSubtree } from '@xiezuo/shared/codes/division';
import type { AllocationInput, AllocationPatch, FundKind } from '@xiezuo/shared/contracts/funds';
import { and, asc, count, desc, eq, isNull, like, ne, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import type { Scope } from '../../platform/scope';
import { divisions, programmes } from '../registry';
import { allocationsInScope, assertAllocationInScope, assertPairing, assertTeam, dbOf, ownTeamOf, pairingLabelOf } from './access';
import { fundAllocations as fa } from './tables';

export interface AllocationFilter {
  kind?: FundKind;
  divisionCode?: string;
  payerDivisionCode?: string;
  programmeId?: number;
  budgetYear?: number;
  topOnly?: 'true' | 'false';
}

const under = (col: AnyPgColumn, code: string) => like(col, `${divisionPrefix(code)}%`);

function conditions(scope: Scope, f: AllocationFilter) {
  const conds: (SQL | undefined)[] = [allocationsInScope(scope)];
  if (f.kind) conds.push(eq(fa.kind, f.kind));
  if (f.divisionCode) conds.push(under(fa.divisionCode, f.divisionCode));
  if (f.payerDivisionCode) conds.push(under(fa.payerDivisionCode, f.payerDivisionCode));
  if (f.programmeId) conds.push(eq(fa.programmeId, f.programmeId));
  if (f.budgetYear) conds.push(eq(fa.budgetYear, f.budgetYear));
  if (f.topOnly === 'true') conds.push(isNull(fa.parentId));
  return and(...conds);
}

const payerDiv = alias(divisions, 'payer_div');
const recvDiv = alias(divisions, 'recv_div');
const parent = alias(fa, 'parent_alloc');
const passedOn = sql<string>`(select coalesce(sum(c.amount), 0)::numeric(18,2)::text from funds_allocations c where c.parent_id = funds_allocations.id)`;

function rowQuery(db: Db | Tx) {
  return db
    .select({
      id: fa.id,
      kind: fa.kind,
      parentId: fa.parentId,
      parentDocNo: parent.docNo,
      payerDivisionCode: fa.payerDivisionCode,
      payerDivisionName: payerDiv.name,
      divisionCode: fa.divisionCode,
      divisionName: recvDiv.name,
      programmeId: fa.programmeId,
      programmeName: programmes.name,
      pairingId: fa.pairingId,
      pairingLabel: pairingLabelOf(fa.pairingId),
      teamId: fa.teamId,
      budgetYear: fa.budgetYear,
      docNo: fa.docNo,
      allocatedOn: fa.allocatedOn,
      amount: fa.amount,
      passedOn,
      note: fa.note,
    })
    .from(fa)
    .leftJoin(parent, eq(parent.id, fa.parentId))
    .leftJoin(payerDiv, eq(payerDiv.code, fa.payerDivisionCode))
    .leftJoin(recvDiv, eq(recvDiv.code, fa.divisionCode))
    .leftJoin(programmes, eq(programmes.id, fa.programmeId));
}

/** A page of the allocations in scope, with the sum of the batches from payers among them (transfers not added again). */
export async function listAllocations(ctx: Ctx, f: AllocationFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = conditions(ctx.user.scope, f);
  const [items, [{ total, totalAmount }]] = await Promise.all([
    rowQuery(db)
      .where(where)
      .orderBy(desc(fa.allocatedOn), asc(fa.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({
        total: count(),
        // a transfer whose parent is also listed adds nothing new: count the money once
        totalAmount: sql<string>`coalesce(sum(funds_allocations.amount) filter (where funds_allocations.parent_id is null or not exists (
          select 1 from funds_allocations p where p.id = funds_allocations.parent_id and ${conditionsOn('p', ctx.user.scope, f)})), 0)::numeric(18,2)::text`,
      })
      .from(fa)
      .where(where),
  ]);
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize, totalAmount };
}

/** The list's conditions on another alias of the table (the parent of a listed transfer). */
function conditionsOn(alias_: string, scope: Scope, f: AllocationFilter): SQL {
  const a = sql.raw(alias_);
  const parts: SQL[] = [sql`true`];
  if (!scope.all) {
    const ors: SQL[] = [];
    for (const p of scope.divisionPrefixes)
      ors.push(sql`${a}.division_code like ${`${p}%`}`, sql`${a}.payer_division_code like ${`${p}%`}`);
    for (const t of scope.teamIds) ors.push(sql`${a}.team_id = ${t}`);
    parts.push(ors.length ? sql`(${sql.join(ors, sql` or `)})` : sql`false`);
  }
  if (f.kind) parts.push(sql`${a}.kind = ${f.kind}`);
  if (f.divisionCode) parts.push(sql`${a}.division_code like ${`${divisionPrefix(f.divisionCode)}%`}`);
  if (f.payerDivisionCode) parts.push(sql`${a}.payer_division_code like ${`${divisionPrefix(f.payerDivisionCode)}%`}`);
  if (f.programmeId) parts.push(sql`${a}.programme_id = ${f.programmeId}`);
  if (f.budgetYear) parts.push(sql`${a}.budget_year = ${f.budgetYear}`);
  if (f.topOnly === 'true') parts.push(sql`${a}.parent_id is null`);
  return sql.join(parts, sql` and `);
}

export function allAllocations(ctx: Ctx, f: AllocationFilter) {
  return rowQuery(dbOf(ctx)).where(conditions(ctx.user.scope, f)).orderBy(asc(fa.allocatedOn), asc(fa.id));
}

export async function getAllocation(ctx: Ctx, id: number) {
  const [row] = await rowQuery(dbOf(ctx)).where(and(eq(fa.id, id), allocationsInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

type Alloc = {
  id?: number;
  kind: FundKind;
  parentId?: number | null;
  payerDivisionCode: string;
  divisionCode: string;
  amount: number | string;
};

/** A transfer stays inside its parent: same kind, paid by the parent's receiver to a division below it, within what is left. */
async function checkTransfer(tx: Tx, a: Alloc) {
  if (a.payerDivisionCode === a.divisionCode) throw invalid({ path: 'body.divisionCode', key: 'funds.validation.sameSide' });
  if (a.parentId == null) return;
  const [p] = await tx.select().from(fa).where(eq(fa.id, a.parentId));
  if (!p) throw invalid({ path: 'body.parentId', key: 'funds.validation.noParent' });
  if (p.kind !== a.kind) throw invalid({ path: 'body.kind', key: 'funds.validation.transferKind' });
  if (a.payerDivisionCode !== p.divisionCode) throw invalid({ path: 'body.payerDivisionCode', key: 'funds.validation.transferPayer' });
  if (!isInDivisionSubtree(a.divisionCode, p.divisionCode) || a.divisionCode === p.divisionCode) {
    throw invalid({ path: 'body.divisionCode', key: 'funds.validation.transferBelow' });
  }
  const others = a.id != null ? and(eq(fa.parentId, p.id), ne(fa.id, a.id)) : eq(fa.parentId, p.id);
  const [{ used }] = await tx
    .select({ used: sql<string>`coalesce(sum(${fa.amount}), 0)::text` })
    .from(fa)
    .where(others);
  const left = Number(p.amount) - Number(used);
  if (Number(a.amount) > left + 1e-6) {
    throw invalid({ path: 'body.amount', key: 'funds.validation.overSplit', params: { left: left.toFixed(2) } });
  }
}

/** A batch must still cover what its transfers passed on after a change of its amount. */
async function checkChildren(tx: Tx, id: number, amount: number | string) {
  const [{ used }] = await tx
    .select({ used: sql<string>`coalesce(sum(${fa.amount}), 0)::text` })
    .from(fa)
    .where(eq(fa.parentId, id));
  if (Number(amount) + 1e-6 < Number(used)) throw invalid({ path: 'body.amount', key: 'funds.validation.belowPassedOn', params: { used } });
}

export async function createAllocation(ctx: Ctx, input: z.output<typeof AllocationInput>) {
  const body = { ...input, teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  assertAllocationInScope(ctx.user.scope, body);
  await assertTeam(ctx, body.teamId, 'body.teamId');
  await assertPairing(ctx, body.pairingId, 'body.pairingId');
  return withTx(ctx, async (tx, ctx) => {
    await checkTransfer(tx, body);
    const [row] = await tx
      .insert(fa)
      .values({ ...body, amount: body.amount.toFixed(2) })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'fund_allocation', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateAllocation(ctx: Ctx, id: number, patch: z.output<typeof AllocationPatch>) {
  await assertTeam(ctx, patch.teamId, 'body.teamId');
  await assertPairing(ctx, patch.pairingId, 'body.pairingId');
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(fa).where(eq(fa.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertAllocationInScope(ctx.user.scope, before);
    const set = { ...patch, amount: patch.amount == null ? undefined : patch.amount.toFixed(2), updatedAt: new Date() };
    const next = { ...before, ...Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)) } as typeof before;
    assertAllocationInScope(ctx.user.scope, next);
    await checkTransfer(tx, next);
    await checkChildren(tx, id, next.amount);
    const [after] = await tx.update(fa).set(set).where(eq(fa.id, id)).returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'fund_allocation', entityId: id, before, after });
    return id;
  });
}
