// 资金拨付: a project's typed money flows (下达到项目 / 拨付 / 支出). What is committed, disbursed or spent of a
// kind never exceeds the project's budget of that kind: over-spending is refused naming the amount left.
import type { FlowInput, FlowType, FundKind } from '@xiezuo/shared/contracts/funds';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Tx } from '../../platform/db/client';
import { invalid } from '../../platform/http/errors';
import { assertProjectInScope } from './access';
import { fundFlows as ff, fundProjects as fp } from './tables';

/** What is left of a project's budget of `kind` for flows of `type` (the budget less what such flows already took). */
export async function budgetLeft(tx: Tx, projectId: number, kind: FundKind, type: FlowType): Promise<number> {
  const [{ budget, used }] = await tx
    .select({
      budget: sql<string>`coalesce((select amount from funds_project_budgets b where b.project_id = ${projectId} and b.kind = ${kind}), 0)::text`,
      used: sql<string>`coalesce(sum(${ff.amount}), 0)::text`,
    })
    .from(ff)
    .where(and(eq(ff.projectId, projectId), eq(ff.kind, kind), eq(ff.type, type)));
  return Number(budget) - Number(used);
}

export async function createFlow(ctx: Ctx, input: z.output<typeof FlowInput>) {
  return withTx(ctx, async (tx, ctx) => {
    const [project] = await tx.select().from(fp).where(eq(fp.id, input.projectId));
    if (!project) throw invalid({ path: 'body.projectId', key: 'funds.validation.noProject' });
    assertProjectInScope(ctx.user.scope, project);
    const left = await budgetLeft(tx, input.projectId, input.kind, input.type);
    if (input.amount > left + 1e-6) {
      throw invalid({ path: 'body.amount', key: 'funds.validation.overBudget', params: { left: Math.max(0, left).toFixed(2) } });
    }
    const [row] = await tx
      .insert(ff)
      .values({ ...input, amount: input.amount.toFixed(2) })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'fund_flow', entityId: row.id, after: row });
    return row.id;
  });
}

/** A corrected flow (from the ledger): its amount and note; still within the project's budget of its kind. */
export async function updateFlow(ctx: Ctx, id: number, patch: { amount: number; note: string | null }) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(ff).where(eq(ff.id, id));
    if (!before) throw invalid({ path: 'body.id', key: 'funds.validation.noProject' });
    const [project] = await tx.select().from(fp).where(eq(fp.id, before.projectId));
    assertProjectInScope(ctx.user.scope, project);
    const left = (await budgetLeft(tx, before.projectId, before.kind, before.type)) + Number(before.amount);
    if (patch.amount > left + 1e-6)
      throw invalid({ path: 'body.amount', key: 'funds.validation.overBudget', params: { left: left.toFixed(2) } });
    const [after] = await tx
      .update(ff)
      .set({ amount: patch.amount.toFixed(2), note: patch.note })
      .where(eq(ff.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'fund_flow', entityId: id, before, after });
    return id;
  });
}
