// 协作项目: programmes and their phases. Programmes span provinces, so every signed-in reader sees them;
// only users with the whole scope (HQ) may create them.
import type { ProgrammeBody } from '@xiezuo/shared/contracts/registry';
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Actor, AuthUser } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { programmePhases, programmes } from './tables';

export async function listProgrammes(db: Db) {
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
    kind: p.kind as z.infer<typeof ProgrammeBody>['kind'],
    startDate: p.startDate,
    endDate: p.endDate,
    description: p.description,
    pairingCount: Number(pairingCount),
    phases: phases
      .filter((ph) => ph.programmeId === p.id)
      .map((ph) => ({ seq: ph.seq, name: ph.name, startDate: ph.startDate, endDate: ph.endDate, focus: ph.focus })),
  }));
}

export async function createProgramme(db: Db, user: AuthUser, actor: Actor, body: z.infer<typeof ProgrammeBody>) {
  return db.transaction((tx) => createProgrammeIn(tx, user, actor, body));
}

/** createProgramme inside the caller's transaction (ledger imports). */
export async function createProgrammeIn(tx: Tx, user: AuthUser, actor: Actor, body: z.infer<typeof ProgrammeBody>) {
  if (!user.scope.all) throw new AppError('OUT_OF_SCOPE');
  if (body.endDate && body.endDate < body.startDate) throw invalid({ path: 'body.endDate', key: 'registry.errors.endBeforeStart' });
  const [dup] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, body.code));
  if (dup) throw invalid({ path: 'body.code', key: 'registry.errors.codeTaken' });
  const { phases, ...fields } = body;
  const [row] = await tx.insert(programmes).values(fields).returning();
  if (phases.length > 0) {
    await tx.insert(programmePhases).values(phases.map((ph, i) => ({ ...ph, programmeId: row.id, seq: i + 1 })));
  }
  await writeAudit(tx, actor, { action: 'create', entity: 'programme', entityId: row.id, after: body });
  return row.id;
}

/** A programme's own fields (not its code or phases), inside the caller's transaction; HQ only, audited. */
export async function updateProgrammeIn(tx: Tx, user: AuthUser, actor: Actor, id: number, patch: Partial<Omit<z.infer<typeof ProgrammeBody>, 'code' | 'phases'>>) {
  if (!user.scope.all) throw new AppError('OUT_OF_SCOPE');
  const [before] = await tx.select().from(programmes).where(eq(programmes.id, id));
  if (!before) throw new AppError('NOT_FOUND');
  const next = { ...before, ...patch };
  if (next.endDate && next.endDate < next.startDate) throw invalid({ path: 'body.endDate', key: 'registry.errors.endBeforeStart' });
  const [after] = await tx.update(programmes).set(patch).where(eq(programmes.id, id)).returning();
  await writeAudit(tx, actor, { action: 'update', entity: 'programme', entityId: id, before, after });
  return id;
}
