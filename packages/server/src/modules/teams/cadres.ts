// 援派干部和专业技术人才: dispatched people. The ID number is stored only as ciphertext plus a keyed hash,
// listed masked, and revealed only to sensitive.reveal holders, each reveal audited.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import type { CadreInput, CadreKind, CadrePatch } from '@xiezuo/shared/contracts/teams';
import { and, asc, count, eq, ilike, like, not, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx, Services } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { assertInScope, inScope, type Scope } from '../../platform/scope';
import { divisions } from '../registry';
import { cadresInScope, coversDay, dbOf, ownTeamOf } from './access';
import { assertRefs, checkDates } from './rules';
import { cadres, teams } from './tables';
import { getTeam } from './teams';

type CadreBody = z.output<typeof CadreInput>;
export interface CadreFilter {
  teamId?: number;
  divisionCode?: string;
  kind?: CadreKind;
  onDuty?: 'true' | 'false';
  q?: string;
  on?: string;
}

function cadreQuery(db: Db | Tx, day: string) {
  return db
    .select({
      id: cadres.id,
      name: cadres.name,
      gender: cadres.gender,
      phone: cadres.phone,
      idNumberCipher: cadres.idNumberCipher,
      kind: cadres.kind,
      sendingUnit: cadres.sendingUnit,
      sendingUnitId: cadres.sendingUnitId,
      localPost: cadres.localPost,
      teamId: cadres.teamId,
      teamName: teams.name,
      divisionCode: cadres.divisionCode,
      divisionName: divisions.name,
      dispatchStart: cadres.dispatchStart,
      dispatchEnd: cadres.dispatchEnd,
      onDuty: coversDay(cadres.dispatchStart, cadres.dispatchEnd, day).mapWith(Boolean),
      note: cadres.note,
    })
    .from(cadres)
    .leftJoin(teams, eq(teams.id, cadres.teamId))
    .leftJoin(divisions, eq(divisions.code, cadres.divisionCode));
}
type CadreRecord = Awaited<ReturnType<typeof cadreQuery>>[number];

/** The row as the API shows it: the ID number masked, never the ciphertext. */
export function toCadreRow({ idNumberCipher, ...row }: CadreRecord, cipher: Services['cipher']) {
  return { ...row, onDuty: Boolean(row.onDuty), idNumberMasked: maskIdNumber(cipher.decrypt(idNumberCipher)) };
}

function cadreConditions(scope: Scope, f: CadreFilter): (SQL | undefined)[] {
  const conds = [cadresInScope(scope)];
  if (f.teamId) conds.push(eq(cadres.teamId, f.teamId));
  if (f.divisionCode) conds.push(like(cadres.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.kind) conds.push(eq(cadres.kind, f.kind));
  const duty = coversDay(cadres.dispatchStart, cadres.dispatchEnd, f.on ?? todayInBeijing());
  if (f.onDuty === 'true') conds.push(duty);
  if (f.onDuty === 'false') conds.push(not(duty));
  if (f.q) conds.push(or(ilike(cadres.name, `%${f.q}%`), ilike(cadres.sendingUnit, `%${f.q}%`), ilike(cadres.localPost, `%${f.q}%`)));
  return conds;
}

/** A page of the people in scope, as the API shows them. */
export async function listCadres(ctx: Ctx, f: CadreFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = and(...cadreConditions(ctx.user.scope, f));
  const [rows, [{ total }]] = await Promise.all([
    cadreQuery(db, f.on ?? todayInBeijing())
      .where(where)
      .orderBy(asc(cadres.teamId), asc(cadres.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(cadres).where(where),
  ]);
  return { items: rows.map((r) => toCadreRow(r, ctx.services.cipher)), total: Number(total), page: f.page, pageSize: f.pageSize };
}

/** All matching rows (for the on-duty view and exports). */
export function allCadres(ctx: Ctx, f: CadreFilter) {
  return cadreQuery(dbOf(ctx), f.on ?? todayInBeijing())
    .where(and(...cadreConditions(ctx.user.scope, f)))
    .orderBy(asc(cadres.teamId), asc(cadres.id));
}

export async function getCadre(ctx: Ctx, id: number, path?: string): Promise<CadreRecord> {
  const [row] = await cadreQuery(dbOf(ctx), todayInBeijing()).where(eq(cadres.id, id));
  if (!row) throw path ? invalid({ path, key: 'teams.validation.noCadre' }) : new AppError('NOT_FOUND');
  assertInScope(ctx.user.scope, { teamId: row.teamId, divisionCode: row.divisionCode });
  return row;
}

/** One person in scope, as the API shows them. */
export async function cadreRow(ctx: Ctx, id: number) {
  return toCadreRow(await getCadre(ctx, id), ctx.services.cipher);
}

/** The full ID number, for a permitted user; the reveal is audited in the same transaction. */
export async function revealIdNumber(ctx: Ctx, id: number): Promise<{ idNumber: string }> {
  return withTx(ctx, async (tx, ctx) => {
    const row = await getCadre(ctx, id);
    await writeAudit(tx, ctx.actor, { action: 'reveal', entity: 'cadre', entityId: id, after: { field: 'id_number', name: row.name } });
    return { idNumber: ctx.services.cipher.decrypt(row.idNumberCipher) };
  });
}

/** Where the person serves: as given, else the team's station; both must lie in scope. */
async function placement(ctx: Ctx, teamId: number | null | undefined, divisionCode: string | undefined) {
  let code = divisionCode;
  // a team user's person serving outside their station belongs to their team (and is in scope by it)
  if (teamId == null && code && !inScope(ctx.user.scope, { divisionCode: code })) teamId = ownTeamOf(ctx.user.scope);
  if (teamId != null) {
    const team = await getTeam(ctx, teamId).catch((e: AppError) => {
      throw e.code === 'NOT_FOUND' ? invalid({ path: 'body.teamId', key: 'teams.validation.noTeam' }) : e;
    });
    code ??= team.divisionCode;
  }
  if (!code) throw invalid({ path: 'body.divisionCode', key: 'validation.required' });
  assertInScope(ctx.user.scope, { teamId: teamId ?? null, divisionCode: code });
  return { divisionCode: code, teamId: teamId ?? null };
}

async function assertIdNumberFree(tx: Tx, hash: string, exceptId?: number) {
  const [other] = await tx.select({ id: cadres.id }).from(cadres).where(eq(cadres.idNumberHash, hash));
  if (other && other.id !== exceptId) throw new AppError('CONFLICT', {}, [{ path: 'body.idNumber', key: 'teams.validation.duplicateId' }]);
}

export async function createCadre(ctx: Ctx, body: CadreBody) {
  checkDates(body.dispatchStart, body.dispatchEnd, 'body.dispatchEnd');
  return withTx(ctx, async (tx, ctx) => {
    const { cipher } = ctx.services;
    await assertRefs(tx, [['body.sendingUnitId', 'unit', [body.sendingUnitId]]]);
    const { divisionCode, teamId } = await placement(ctx, body.teamId, body.divisionCode);
    const idNumberHash = cipher.hash(body.idNumber);
    await assertIdNumberFree(tx, idNumberHash);
    const { idNumber, ...rest } = body;
    const [row] = await tx
      .insert(cadres)
      .values({ ...rest, teamId, divisionCode, idNumberCipher: cipher.encrypt(idNumber), idNumberHash })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'cadre', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateCadre(ctx: Ctx, id: number, patch: z.output<typeof CadrePatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const { cipher } = ctx.services;
    const [before] = await tx.select().from(cadres).where(eq(cadres.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertInScope(ctx.user.scope, { teamId: before.teamId, divisionCode: before.divisionCode });
    await assertRefs(tx, [['body.sendingUnitId', 'unit', [patch.sendingUnitId]]]);
    const { idNumber, ...rest } = patch;
    const values: Partial<typeof cadres.$inferInsert> = { ...rest, updatedAt: new Date() };
    checkDates(
      rest.dispatchStart ?? before.dispatchStart,
      rest.dispatchEnd === undefined ? before.dispatchEnd : rest.dispatchEnd,
      'body.dispatchEnd',
    );
    if (rest.teamId !== undefined || rest.divisionCode !== undefined) {
      const teamId = rest.teamId === undefined ? before.teamId : rest.teamId;
      const placed = await placement(ctx, teamId, rest.divisionCode ?? (rest.teamId === undefined ? before.divisionCode : undefined));
      values.divisionCode = placed.divisionCode;
      values.teamId = placed.teamId;
    }
    if (idNumber !== undefined) {
      values.idNumberHash = cipher.hash(idNumber);
      await assertIdNumberFree(tx, values.idNumberHash, id);
      values.idNumberCipher = cipher.encrypt(idNumber);
    }
    const [after] = await tx.update(cadres).set(values).where(eq(cadres.id, id)).returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'cadre', entityId: id, before, after });
    return id;
  });
}
