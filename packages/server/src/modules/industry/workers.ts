// 务工人员: people at work in a workshop or an enterprise, over dates. The ID number is stored only as
// ciphertext + keyed hash + masked form; reveals are audited. A person is at work in one place at a time:
// a record overlapping another of the same person (anywhere in the module) is refused, so jobs count each
// person once. 脱贫人口 is the hash found in lifted_persons.
import { maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import type { WorkerInput, WorkerPatch } from '@xiezuo/shared/contracts/industry';
import { and, asc, count, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { divisions } from '../registry';
import { checkDates, dbOf, workersInScope } from './access';
import { enterpriseInScope } from './enterprises';
import { industryEnterprises as ent, industryWorkshops as shops, industryWorkers as workers } from './tables';
import { workshopInScope } from './workshops';

export interface WorkerFilter {
  workshopId?: number;
  enterpriseId?: number;
  q?: string;
}

function workerQuery(db: Db | Tx) {
  return db
    .select({
      id: workers.id,
      workshopId: workers.workshopId,
      workshopName: shops.name,
      enterpriseId: workers.enterpriseId,
      enterpriseName: ent.name,
      name: workers.name,
      idCipher: workers.idCipher,
      idNumberMasked: workers.idMasked,
      homeDivisionCode: workers.homeDivisionCode,
      homeDivisionName: divisions.name,
      startDate: workers.startDate,
      endDate: workers.endDate,
      lifted: sql<boolean>`exists (select 1 from lifted_persons l where l.id_hash = ${workers.idHash})`.mapWith(Boolean),
      note: workers.note,
    })
    .from(workers)
    .leftJoin(shops, eq(shops.id, workers.workshopId))
    .leftJoin(ent, eq(ent.id, workers.enterpriseId))
    .leftJoin(divisions, eq(divisions.code, workers.homeDivisionCode));
}
export type WorkerRecord = Awaited<ReturnType<typeof workerQuery>>[number];
const toRow = ({ idCipher: _c, ...r }: WorkerRecord) => ({ ...r, lifted: Boolean(r.lifted) });

function conditions(ctx: Ctx, f: WorkerFilter): SQL | undefined {
  const conds = [workersInScope(ctx.user.scope)];
  if (f.workshopId) conds.push(eq(workers.workshopId, f.workshopId));
  if (f.enterpriseId) conds.push(eq(workers.enterpriseId, f.enterpriseId));
  if (f.q) conds.push(ilike(workers.name, `%${f.q}%`));
  return and(...conds);
}

export async function listWorkers(ctx: Ctx, f: WorkerFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = conditions(ctx, f);
  const [rows, [{ total }]] = await Promise.all([
    workerQuery(db)
      .where(where)
      .orderBy(asc(workers.workshopId), asc(workers.enterpriseId), asc(workers.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(workers).where(where),
  ]);
  return { items: rows.map(toRow), total: Number(total), page: f.page, pageSize: f.pageSize };
}

/** Every matching worker with the ciphertext (exports decrypt it, masked unless revealed). */
export function allWorkers(ctx: Ctx, f: WorkerFilter) {
  return workerQuery(dbOf(ctx)).where(conditions(ctx, f)).orderBy(asc(workers.workshopId), asc(workers.enterpriseId), asc(workers.id));
}

async function getWorker(ctx: Ctx, id: number) {
  const [row] = await workerQuery(dbOf(ctx)).where(and(eq(workers.id, id), workersInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function revealWorkerId(ctx: Ctx, id: number): Promise<{ idNumber: string }> {
  return withTx(ctx, async (tx, ctx) => {
    const row = await getWorker(ctx, id);
    await writeAudit(tx, ctx.actor, {
      action: 'reveal',
      entity: 'industry_worker',
      entityId: id,
      after: { field: 'id_number', name: row.name },
    });
    return { idNumber: ctx.services.cipher.decrypt(row.idCipher) };
  });
}

export interface Stint {
  hash: string;
  startDate: string;
  endDate: string | null;
  exceptId?: number;
}

/** For each stint, the place of another record of the same person whose dates overlap it (or null). One query. */
export async function overlapsOf(db: Db | Tx, stints: Stint[]): Promise<(string | null)[]> {
  const hashes = [...new Set(stints.map((s) => s.hash))];
  if (!hashes.length) return [];
  const rows = await db
    .select({
      id: workers.id,
      hash: workers.idHash,
      startDate: workers.startDate,
      endDate: workers.endDate,
      place: sql<string>`coalesce(${shops.name}, ${ent.name})`,
    })
    .from(workers)
    .leftJoin(shops, eq(shops.id, workers.workshopId))
    .leftJoin(ent, eq(ent.id, workers.enterpriseId))
    .where(inArray(workers.idHash, hashes));
  return stints.map((s) => {
    const hit = rows.find(
      (r) =>
        r.hash === s.hash &&
        r.id !== s.exceptId &&
        r.startDate <= (s.endDate ?? '9999-12-31') &&
        (r.endDate ?? '9999-12-31') >= s.startDate,
    );
    return hit ? hit.place : null;
  });
}

async function assertPlace(ctx: Ctx, w: { workshopId?: number | null; enterpriseId?: number | null }) {
  if ((w.workshopId == null) === (w.enterpriseId == null)) throw invalid({ path: 'body.workshopId', key: 'industry.validation.onePlace' });
  if (w.workshopId != null) await workshopInScope(ctx, w.workshopId, 'body.workshopId');
  else await enterpriseInScope(ctx, w.enterpriseId!, 'body.enterpriseId');
}

async function assertNoOverlap(tx: Tx, s: Stint) {
  const [place] = await overlapsOf(tx, [s]);
  if (place) throw new AppError('CONFLICT', {}, [{ path: 'body.startDate', key: 'industry.validation.overlap', params: { place } }]);
}

export async function createWorker(ctx: Ctx, body: z.output<typeof WorkerInput>) {
  checkDates(body.startDate, body.endDate, 'body.endDate');
  return withTx(ctx, async (tx, ctx) => {
    await assertPlace(ctx, body);
    const { cipher } = ctx.services;
    const idHash = cipher.hash(body.idNumber);
    await assertNoOverlap(tx, { hash: idHash, startDate: body.startDate, endDate: body.endDate ?? null });
    const { idNumber, ...rest } = body;
    const [row] = await tx
      .insert(workers)
      .values({ ...rest, idCipher: cipher.encrypt(idNumber), idHash, idMasked: maskIdNumber(idNumber) })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'industry_worker', entityId: row.id, after: row });
    return { id: row.id };
  });
}

export async function updateWorker(ctx: Ctx, id: number, patch: z.output<typeof WorkerPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx
      .select()
      .from(workers)
      .where(and(eq(workers.id, id), workersInScope(ctx.user.scope)));
    if (!before) throw new AppError('NOT_FOUND');
    const { idNumber, ...rest } = patch;
    const next = { ...before, ...rest };
    checkDates(next.startDate, next.endDate, 'body.endDate');
    if (rest.workshopId !== undefined || rest.enterpriseId !== undefined) await assertPlace(ctx, next);
    const values: Partial<typeof workers.$inferInsert> = { ...rest, updatedAt: new Date() };
    if (idNumber !== undefined) {
      values.idHash = ctx.services.cipher.hash(idNumber);
      values.idCipher = ctx.services.cipher.encrypt(idNumber);
      values.idMasked = maskIdNumber(idNumber);
    }
    await assertNoOverlap(tx, { hash: values.idHash ?? before.idHash, startDate: next.startDate, endDate: next.endDate, exceptId: id });
    const [after] = await tx.update(workers).set(values).where(eq(workers.id, id)).returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'industry_worker', entityId: id, before, after });
    return { id };
  });
}
