// 监测户与家庭成员: create, change, list, detail, and the reveal of protected data. ID numbers and health
// data go in only as ciphertext plus a keyed hash; the hash catches a person already in another household.

import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { maskIdNumber, normaliseIdNumber } from '@xiezuo/shared/codes/idNumber';
import type {
  HouseholdContact,
  HouseholdCreate,
  HouseholdPage,
  HouseholdQuery,
  HouseholdSummary,
  LeftReason,
  MemberInput,
  MemberReveal,
  PublicMember,
  RiskKind,
  Village,
} from '@xiezuo/shared/contracts/monitoring';
import { and, asc, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, type ErrorDetail, invalid } from '../../platform/http/errors';
import { assertInScope, inScope, scopeWhere } from '../../platform/scope';
import { divisions } from '../registry';
import { householdsInScope, loadHousehold, settings } from './access';
import { openContact, sealContact } from './contact';
import { monitoringHouseholds as H, monitoringMembers as M, monitoringRisks, monitoringSteps } from './tables';
import { addDays, workDaysBetween } from './workdays';

type Member = typeof M.$inferSelect;

/** Members of a household as stored: protected fields encrypted, the ID number also hashed and masked. */
export function sealMember(ctx: Pick<Ctx, 'services'>, m: MemberInput) {
  const id = normaliseIdNumber(m.idNumber);
  const { cipher } = ctx.services;
  return {
    name: m.name,
    relation: m.relation,
    gender: m.gender,
    birthDate: m.birthDate,
    idCipher: cipher.encrypt(id),
    idHash: cipher.hash(id),
    idMasked: maskIdNumber(id),
    healthCipher: cipher.encrypt(
      JSON.stringify({ health: m.health, healthNote: m.healthNote ?? null, disability: m.disability ?? 'none' }),
    ),
    schooling: m.schooling,
    work: m.work,
  };
}

export function openHealth(ctx: Pick<Ctx, 'services'>, m: Pick<Member, 'healthCipher'>): Omit<MemberReveal, 'idNumber'> {
  return JSON.parse(ctx.services.cipher.decrypt(m.healthCipher));
}

/** Refuses a person who is already an active member elsewhere: that household named only when it is in the user's scope. */
async function assertNotElsewhere(
  ctx: Pick<Ctx, 'user'>,
  tx: Tx | Db,
  members: { idHash: string; idMasked: string }[],
  paths: string[],
  exceptMemberId?: number,
) {
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    if (seen.has(m.idHash)) throw invalid({ path: paths[i], key: 'monitoring.errors.duplicateInRequest' });
    seen.set(m.idHash, i);
  });
  const clash = (await activeMemberships(tx, [...seen.keys()])).filter((f) => f.memberId !== exceptMemberId);
  if (clash.length === 0) return;
  throw new AppError(
    'CONFLICT',
    {},
    clash.map((c) => {
      const i = seen.get(c.idHash)!;
      return duplicatePerson(ctx, paths[i], members[i].idMasked, c);
    }),
  );
}

const county = alias(divisions, 'county');

/** Where these people (by ID hash) are active members now, in any household: one person, one household. */
export async function activeMemberships(tx: Tx | Db, idHashes: string[]) {
  if (!idHashes.length) return [];
  return tx
    .select({
      idHash: M.idHash,
      memberId: M.id,
      household: H.id,
      head: H.headName,
      village: divisions.name,
      code: H.divisionCode,
      county: county.name,
    })
    .from(M)
    .innerJoin(H, eq(H.id, M.householdId))
    .leftJoin(divisions, eq(divisions.code, H.divisionCode))
    .leftJoin(county, eq(county.code, sql`substr(${H.divisionCode}, 1, 6) || '000000'`))
    .where(and(eq(M.active, true), inArray(M.idHash, idHashes)));
}

/**
 * The problem of a person already in another household. In the user's scope: that household named (number,
 * head, village). Outside it: only that the person is monitored elsewhere and which county (县级) to contact —
 * nothing that identifies the household or its people (issue #21).
 */
export function duplicatePerson(
  ctx: Pick<Ctx, 'user'>,
  path: string,
  masked: string,
  c: Awaited<ReturnType<typeof activeMemberships>>[number],
): ErrorDetail {
  if (inScope(ctx.user.scope, { divisionCode: c.code }))
    return {
      path,
      key: 'monitoring.errors.duplicatePerson',
      params: { masked, household: c.household, head: c.head, village: c.village ?? c.code },
    };
  return { path, key: 'monitoring.errors.duplicatePersonElsewhere', params: { masked, county: c.county ?? `${c.code.slice(0, 6)}000000` } };
}

/** Turns the unique-index race (two requests at once) into the same clear conflict. */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}

async function assertVillage(db: Db | Tx, code: string) {
  const [d] = await db.select({ level: divisions.level }).from(divisions).where(eq(divisions.code, code));
  if (d?.level !== 'village') throw invalid({ path: 'body.divisionCode', key: 'monitoring.errors.divisionNotVillage', params: { code } });
}

/** Registers a household with its members, at the first step of identification (in ctx.tx when a ledger import calls it). */
export async function createHousehold(ctx: Ctx, body: HouseholdCreate, opts: { demo?: boolean; today?: string } = {}) {
  assertInScope(ctx.user.scope, { divisionCode: body.divisionCode });
  const head = body.members.find((m) => m.relation === 'head');
  if (!head) throw invalid({ path: 'body.members', key: 'monitoring.errors.noHead' });
  const sealed = body.members.map((m) => sealMember(ctx, m));
  const today = opts.today ?? todayInBeijing();
  try {
    return await withTx(ctx, async (tx) => {
      await assertVillage(tx, body.divisionCode);
      await assertNotElsewhere(
        ctx,
        tx,
        sealed,
        sealed.map((_, i) => `body.members.${i}.idNumber`),
      );
      const [h] = await tx
        .insert(H)
        .values({
          divisionCode: body.divisionCode,
          headName: head.name,
          entryDoor: body.entryDoor,
          category: body.category,
          isLifted: body.isLifted,
          dibao: body.dibao,
          tekun: body.tekun,
          incomePerHead: body.incomePerHead == null ? null : String(body.incomePerHead),
          incomeYear: body.incomeYear ?? null,
          address: sealContact(ctx, body.address),
          phone: sealContact(ctx, body.phone),
          note: body.note ?? null,
          status: 'identifying',
          stage: 'verify',
          procedureStartedOn: today,
          stageEnteredAt: new Date(),
          demo: opts.demo ?? false,
        })
        .returning();
      await tx.insert(M).values(sealed.map((m) => ({ ...m, householdId: h.id })));
      await tx.insert(monitoringSteps).values({
        householdId: h.id,
        procedure: 'identify',
        action: 'create',
        toStatus: 'identifying',
        toStage: 'verify',
        actorId: ctx.actor.id,
        actorName: ctx.user.displayName,
        details: { entryDoor: body.entryDoor },
      });
      await writeAudit(tx, ctx.actor, {
        action: 'create',
        entity: 'monitoring_household',
        entityId: h.id,
        after: { ...auditedHousehold(h), members: sealed.map((m) => ({ name: m.name, relation: m.relation })) },
      });
      return h;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', {}, [{ path: 'body.members', key: 'monitoring.errors.duplicateInRequest' }]);
    throw e;
  }
}

export async function updateHousehold(ctx: Ctx, id: number, patch: Record<string, unknown>) {
  return withTx(ctx, async (tx) => {
    const before = await loadHousehold(tx, ctx.user.scope, id, true);
    const values: Record<string, unknown> = { ...patch, updatedAt: new Date() };
    if (patch.incomePerHead !== undefined) values.incomePerHead = patch.incomePerHead == null ? null : String(patch.incomePerHead);
    for (const k of ['phone', 'address'] as const)
      if (patch[k] !== undefined)
        values[k] = openContact(ctx, before[k]) === patch[k] ? before[k] : sealContact(ctx, patch[k] as string | null);
    const [after] = await tx.update(H).set(values).where(eq(H.id, id)).returning();
    await writeAudit(tx, ctx.actor, {
      action: 'update',
      entity: 'monitoring_household',
      entityId: id,
      before: auditedHousehold(before),
      after: auditedHousehold(after),
    });
    return after;
  });
}

export async function addMember(ctx: Ctx, householdId: number, m: MemberInput) {
  const sealed = sealMember(ctx, m);
  try {
    return await withTx(ctx, async (tx) => {
      const h = await loadHousehold(tx, ctx.user.scope, householdId, true);
      await assertNotElsewhere(ctx, tx, [sealed], ['body.idNumber']);
      const active = h.status !== 'rejected' && h.status !== 'eliminated';
      const [row] = await tx
        .insert(M)
        .values({ ...sealed, householdId, active, leftReason: active ? null : 'household_closed' })
        .returning();
      await writeAudit(tx, ctx.actor, {
        action: 'create',
        entity: 'monitoring_member',
        entityId: row.id,
        after: { householdId, name: row.name, relation: row.relation },
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', {}, [{ path: 'body.idNumber', key: 'monitoring.errors.duplicateInRequest' }]);
    throw e;
  }
}

async function loadMember(tx: Db | Tx, ctx: Ctx, memberId: number) {
  const [m] = await tx.select().from(M).where(eq(M.id, memberId));
  if (!m) throw new AppError('NOT_FOUND');
  const h = await loadHousehold(tx, ctx.user.scope, m.householdId);
  return { m, h };
}

export async function updateMember(ctx: Ctx, memberId: number, patch: Partial<MemberInput>) {
  return withTx(ctx, async (tx) => {
    const { m } = await loadMember(tx, ctx, memberId);
    const values: Record<string, unknown> = { updatedAt: new Date() };
    for (const k of ['name', 'relation', 'gender', 'birthDate', 'schooling', 'work'] as const)
      if (patch[k] !== undefined) values[k] = patch[k];
    if (patch.idNumber !== undefined) {
      const id = normaliseIdNumber(patch.idNumber);
      Object.assign(values, {
        idCipher: ctx.services.cipher.encrypt(id),
        idHash: ctx.services.cipher.hash(id),
        idMasked: maskIdNumber(id),
      });
      if (m.active) await assertNotElsewhere(ctx, tx, [values as { idHash: string; idMasked: string }], ['body.idNumber'], m.id);
    }
    if (patch.health !== undefined || patch.healthNote !== undefined || patch.disability !== undefined) {
      const old = openHealth(ctx, m);
      const next = {
        health: patch.health ?? old.health,
        healthNote: patch.healthNote ?? old.healthNote,
        disability: patch.disability ?? old.disability,
      };
      values.healthCipher = ctx.services.cipher.encrypt(JSON.stringify(next));
    }
    const [after] = await tx.update(M).set(values).where(eq(M.id, memberId)).returning();
    // health data never enters the log, but that it was rewritten does (by field name)
    const sensitiveChanged = (['health', 'healthNote', 'disability'] as const).filter((k) => patch[k] !== undefined);
    const logged = sensitiveChanged.length ? { ...publicMember(after), sensitiveFieldsChanged: sensitiveChanged } : publicMember(after);
    await writeAudit(tx, ctx.actor, {
      action: 'update',
      entity: 'monitoring_member',
      entityId: memberId,
      before: publicMember(m),
      after: logged,
    });
    return after;
  });
}

export async function memberLeaves(ctx: Ctx, memberId: number, reason: LeftReason, note?: string) {
  return withTx(ctx, async (tx) => {
    const { m } = await loadMember(tx, ctx, memberId);
    await tx.update(M).set({ active: false, leftReason: reason, updatedAt: new Date() }).where(eq(M.id, memberId));
    await writeAudit(tx, ctx.actor, {
      action: 'update',
      entity: 'monitoring_member',
      entityId: memberId,
      before: publicMember(m),
      after: { active: false, leftReason: reason, note },
    });
  });
}

/** A household row for the audit log: phone and address said changed or not, never their ciphertext. */
function auditedHousehold<T extends { phone: string | null; address: string | null }>(h: T): T {
  return { ...h, phone: h.phone && '[encrypted]', address: h.address && '[encrypted]' };
}

/** The household's phone number and address in the clear: needs sensitive.reveal (route guard), audited. */
export async function revealHouseholdContact(ctx: Ctx, householdId: number): Promise<HouseholdContact> {
  return withTx(ctx, async (tx) => {
    const h = await loadHousehold(tx, ctx.user.scope, householdId);
    await writeAudit(tx, ctx.actor, {
      action: 'reveal',
      entity: 'monitoring_household',
      entityId: householdId,
      after: { fields: ['phone', 'address'] },
    });
    return { phone: openContact(ctx, h.phone), address: openContact(ctx, h.address) };
  });
}

/** The full ID number and health data of one member: needs sensitive.reveal (route guard), audited. */
export async function revealMember(ctx: Ctx, memberId: number): Promise<MemberReveal> {
  return withTx(ctx, async (tx) => {
    const { m } = await loadMember(tx, ctx, memberId);
    await writeAudit(tx, ctx.actor, {
      action: 'reveal',
      entity: 'monitoring_member',
      entityId: memberId,
      after: { householdId: m.householdId, fields: ['idNumber', 'health'] },
    });
    return { idNumber: ctx.services.cipher.decrypt(m.idCipher), ...openHealth(ctx, m) };
  });
}

/** A member as the screen and exports see it: masked ID, no health data. */
export function publicMember(m: Member): PublicMember {
  return {
    id: m.id,
    householdId: m.householdId,
    name: m.name,
    relation: m.relation,
    gender: m.gender,
    birthDate: m.birthDate,
    idMasked: m.idMasked,
    schooling: m.schooling,
    work: m.work,
    active: m.active,
    leftReason: m.leftReason,
  };
}

// ---- list ----

/** The list's filters as conditions on monitoring_households — the list, its total and its ledger exports alike. */
export function householdFilter(ctx: Pick<Ctx, 'services'>, q: Omit<z.infer<typeof HouseholdQuery>, 'page' | 'pageSize'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (q.division) conds.push(sql`${H.divisionCode} like ${`${divisionPrefix(q.division)}%`}`);
  if (q.status) conds.push(eq(H.status, q.status));
  if (q.category) conds.push(eq(H.category, q.category));
  if (q.risk)
    conds.push(
      sql`exists (select 1 from ${monitoringRisks} r where r.household_id = ${H.id} and r.kind = ${q.risk} and r.closed_on is null)`,
    );
  if (q.q)
    conds.push(
      sql`(${H.headName} like ${`%${q.q}%`} or exists (select 1 from ${M} m where m.household_id = ${H.id} and m.name like ${`%${q.q}%`}))`,
    );
  if (q.idNumber)
    conds.push(
      sql`exists (select 1 from ${M} m where m.household_id = ${H.id} and m.id_hash = ${ctx.services.cipher.hash(normaliseIdNumber(q.idNumber))})`,
    );
  if (q.overdue === 'true')
    conds.push(and(sql`${H.stage} is not null`, lt(H.procedureStartedOn, overdueStartCutoff(settings().deadlineWorkDays))));
  return and(...conds);
}

export async function listHouseholds(ctx: Ctx, q: z.infer<typeof HouseholdQuery>): Promise<HouseholdPage> {
  const { db } = ctx.services;
  const conds = [householdsInScope(ctx.user.scope), householdFilter(ctx, q)];
  const where = and(...conds);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        h: H,
        village: divisions.name,
        persons: sql<number>`(select count(*)::int from ${M} m where m.household_id = ${H.id} and m.active)`,
        risks: sql<
          RiskKind[]
        >`coalesce((select array_agg(distinct r.kind) from ${monitoringRisks} r where r.household_id = ${H.id} and r.closed_on is null), '{}')`,
      })
      .from(H)
      .leftJoin(divisions, eq(divisions.code, H.divisionCode))
      .where(where)
      .orderBy(asc(H.divisionCode), desc(H.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(H).where(where),
  ]);
  return {
    items: rows.map((r) => householdSummary(r.h, r.village, r.persons, r.risks)),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Villages the user may register households in (for the forms). */
export async function villagesInScope(ctx: Ctx): Promise<Village[]> {
  return ctx.services.db
    .select({ code: divisions.code, name: divisions.name, parentCode: divisions.parentCode })
    .from(divisions)
    .where(sql`${divisions.level} = 'village' and ${scopeWhere(ctx.user.scope, { division: divisions.code }) ?? sql`true`}`)
    .orderBy(asc(divisions.code))
    .limit(2000);
}

/** Procedures started before this day have used more than `limit` working days by today (approximate, for the filter). */
function overdueStartCutoff(limit: number): string {
  const today = todayInBeijing();
  let d = today;
  while (workDaysBetween(d, today) <= limit) d = addDays(d, -1);
  return addDays(d, 1);
}

export function procedureClock(h: Household, today = todayInBeijing()) {
  const limit = settings().deadlineWorkDays;
  if (!h.stage || !h.procedureStartedOn) return { running: false, workDays: null, limit, overdue: false };
  const workDays = workDaysBetween(h.procedureStartedOn, today);
  return { running: true, workDays, limit, overdue: workDays > limit };
}

type Household = typeof H.$inferSelect;

export function householdSummary(h: Household, village: string | null, persons: number, risks: RiskKind[]): HouseholdSummary {
  const clock = procedureClock(h);
  const interval = settings().visitIntervalDays;
  const watched = h.status === 'monitored' || h.status === 'eliminating' || h.status === 'identifying';
  return {
    id: h.id,
    divisionCode: h.divisionCode,
    village,
    headName: h.headName,
    category: h.category,
    entryDoor: h.entryDoor,
    isLifted: h.isLifted,
    dibao: h.dibao,
    tekun: h.tekun,
    incomePerHead: h.incomePerHead == null ? null : Number(h.incomePerHead),
    incomeYear: h.incomeYear,
    status: h.status,
    stage: h.stage,
    persons: Number(persons),
    openRisks: risks ?? [],
    lastVisitOn: h.lastVisitOn,
    visitDue: watched && (!h.lastVisitOn || h.lastVisitOn < addDays(todayInBeijing(), -interval)),
    procedureWorkDays: clock.workDays,
    procedureOverdue: clock.overdue,
    identifiedOn: h.identifiedOn,
    eliminatedOn: h.eliminatedOn,
    demo: h.demo,
  };
}
