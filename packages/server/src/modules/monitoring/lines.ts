// 监测收入标准 (monitoring lines) by province and year: everyone reads them, admins keep them.
import type { Line } from '@xiezuo/shared/contracts/monitoring';
import { and, asc, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { monitoringLines } from './tables';

export async function listLines(ctx: Ctx): Promise<Line[]> {
  const rows = await ctx.services.db.select().from(monitoringLines).orderBy(asc(monitoringLines.provinceCode), asc(monitoringLines.year));
  return rows.map((l) => ({ ...l, amount: Number(l.amount) }));
}

/** Sets the line of one province and year (created or changed), audited. */
export async function upsertLine(ctx: Ctx, b: { provinceCode: string; year: number; amount: number; demo: boolean; note?: string }) {
  await withTx(ctx, async (tx) => {
    const [before] = await tx
      .select()
      .from(monitoringLines)
      .where(and(eq(monitoringLines.provinceCode, b.provinceCode), eq(monitoringLines.year, b.year)));
    const values = { provinceCode: b.provinceCode, year: b.year, amount: String(b.amount), demo: b.demo, note: b.note ?? null };
    const [after] = before
      ? await tx.update(monitoringLines).set(values).where(eq(monitoringLines.id, before.id)).returning()
      : await tx.insert(monitoringLines).values(values).returning();
    await writeAudit(tx, ctx.actor, { action: before ? 'update' : 'create', entity: 'monitoring_line', entityId: after.id, before, after });
  });
}
