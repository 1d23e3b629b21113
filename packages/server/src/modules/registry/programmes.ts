// 协作项目: programmes and their phases. Programmes span provinces, so every signed-in reader sees them;
// only users with the whole scope (HQ) may create them.
import type { ProgrammeBody } from '@xiezuo/shared/contracts/registry';
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError, invalid } from '../../platform/http/errors';
import { assertWholeScope, dbOf } from './access';
import { programmePhases, programmes } from './tables';

type ProgrammeFields = Partial<Omit<z.infer<typeof ProgrammeBody>, 'code' | 'phases'>>;

export async function listProgrammes(ctx: Ctx) {
  const db = dbOf(ctx);
  const rows = await db
    .select({
      programme: programmes,
      // spelled out: drizzle would render the bare column name, which inside the subquery means p.id
      pairingCount: sql<number>`(select count(*)::int from pairings p where p.programme_id = "programmes"."id")`,
    })
    .from(programmes)
    .orderBy(asc(programmes.startDate), asc(programmes.id));
  const phases = await db.select().from(programmePhases).orderBy(asc(programmePhases.programmeId), asc(programmePhases.seq));
  return rows.map(({ programme: p, pairingCount }) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    startDate: p.startDate,
    endDate: p.endDate,
    description: p.description,
    pairingCount: Number(pairingCount),
    phases: phases
      .filter((ph) => ph.programmeId === p.id)
      .map((ph) => ({ seq: ph.seq, name: ph.name, startDate: ph.startDate, endDate: ph.endDate, focus: ph.focus })),
  }));
}

export async function createProgramme(ctx: Ctx, body: z.infer<typeof ProgrammeBody>) {
  assertWholeScope(ctx);
  if (body.endDate && body.endDate < body.startDate) throw invalid({ path: 'body.endDate', key: 'registry.errors.endBeforeStart' });
  return withTx(ctx, async (tx) => {
    const [dup] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, body.code));
    if (dup) throw invalid({ path: 'body.code', key: 'registry.errors.codeTaken' });
    const { phases, ...fields } = body;
    const [row] = await tx.insert(programmes).values(fields).returning();
    if (phases.length > 0) {
      await tx.insert(programmePhases).values(phases.map((ph, i) => ({ ...ph, programmeId: row.id, seq: i + 1 })));
    }
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'programme', entityId: row.id, after: body });
    return row.id;
  });
}

/** A programme's own fields (not its code or phases); HQ only, audited. */
export async function updateProgramme(ctx: Ctx, id: number, patch: ProgrammeFields) {
  assertWholeScope(ctx);
  return withTx(ctx, async (tx) => {
    const [before] = await tx.select().from(programmes).where(eq(programmes.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    const next = { ...before, ...patch };
    if (next.endDate && next.endDate < next.startDate) throw invalid({ path: 'body.endDate', key: 'registry.errors.endBeforeStart' });
    const [after] = await tx.update(programmes).set(patch).where(eq(programmes.id, id)).returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'programme', entityId: id, before, after });
    return id;
  });
}
