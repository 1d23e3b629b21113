// 人才交流人员: the named persons of an exchange, one row per trip (人次). The ID number is stored only as
// ciphertext plus a keyed hash (gender and birth date read from it), listed masked, revealed only to
// sensitive.reveal holders, each reveal audited. A person is in scope through their exchange. How the rows
// are counted (and why an exchange with named persons no longer counts its typed total) is in stays.ts.

import { isInDivisionSubtree } from '@xiezuo/shared/codes/division';
import { birthDateOfId, genderOfId, maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { defaultFieldOf, type ExchangePersonInput, type ExchangePersonPatch } from '@xiezuo/shared/contracts/teams';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx, Services } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, type ErrorDetail, invalid } from '../../platform/http/errors';
import { divisions } from '../registry';
import { assertExchangeInScope, dbOf } from './access';
import { getExchange } from './exchanges';
import { minStayDays, type NamedKind } from './stays';
import { talentExchangePersons as P, talentExchanges } from './tables';

type PersonBody = z.output<typeof ExchangePersonInput>;
type Person = typeof P.$inferSelect;
type Exchange = Pick<typeof talentExchanges.$inferSelect, 'id' | 'kind' | 'fromDivisionCode' | 'toDivisionCode' | 'teamId'>;

const fromDiv = alias(divisions, 'person_from_div');
const toDiv = alias(divisions, 'person_to_div');

function personQuery(db: Db | Tx) {
  return db
    .select({
      person: P,
      kind: talentExchanges.kind,
      fromDivisionName: fromDiv.name,
      toDivisionName: toDiv.name,
      trips: sql<number>`(select count(*)::int from talent_exchange_persons t where t.id_number_hash = ${P.idNumberHash})`,
    })
    .from(P)
    .innerJoin(talentExchanges, eq(talentExchanges.id, P.exchangeId))
    .leftJoin(fromDiv, eq(fromDiv.code, P.fromDivisionCode))
    .leftJoin(toDiv, eq(toDiv.code, P.toDivisionCode));
}
type PersonRecord = Awaited<ReturnType<typeof personQuery>>[number];

/** Days of a stay, arrival and departure inclusive. */
export const stayDaysOf = (arrival: string, departure: string) =>
  Math.round((Date.parse(departure) - Date.parse(arrival)) / 86_400_000) + 1;

/** The row as the API shows it: the ID number masked, never the ciphertext or hash; the stay against the kind's minimum. */
export function toPersonRow(r: PersonRecord, cipher: Services['cipher']) {
  const { idNumberCipher, idNumberHash: _h, createdAt: _c, updatedAt: _u, ...p } = r.person;
  const stayDays = stayDaysOf(p.arrivalDate, p.departureDate);
  const minStay = r.kind === 'training' ? 0 : minStayDays()[r.kind as NamedKind];
  return {
    ...p,
    idNumberMasked: maskIdNumber(cipher.decrypt(idNumberCipher)),
    fromDivisionName: r.fromDivisionName,
    toDivisionName: r.toDivisionName,
    stayDays,
    minStayDays: minStay,
    meetsMinStay: stayDays >= minStay,
    trips: Number(r.trips),
  };
}

/** The named persons of an exchange in scope, by arrival. */
export async function listExchangePersons(ctx: Ctx, exchangeId: number) {
  await getExchange(ctx, exchangeId);
  const rows = await personQuery(dbOf(ctx)).where(eq(P.exchangeId, exchangeId)).orderBy(asc(P.arrivalDate), asc(P.id));
  return { items: rows.map((r) => toPersonRow(r, ctx.services.cipher)) };
}

/** One named person whose exchange lies in scope (else NOT_FOUND / OUT_OF_SCOPE). */
async function loadPerson(ctx: Ctx, id: number): Promise<PersonRecord & { exchange: Exchange }> {
  const [row] = await personQuery(dbOf(ctx)).where(eq(P.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const exchange = await getExchange(ctx, row.person.exchangeId);
  assertExchangeInScope(ctx.user.scope, exchange);
  return { ...row, exchange };
}

export async function exchangePersonRow(ctx: Ctx, id: number) {
  return toPersonRow(await loadPerson(ctx, id), ctx.services.cipher);
}

/**
 * What is wrong with a trip on an exchange, paths under `prefix` ('body.' for the API, '' for a ledger row):
 * training is not named; departure before arrival; places outside the exchange's sides.
 */
export function tripProblems(
  e: Pick<Exchange, 'kind' | 'fromDivisionCode' | 'toDivisionCode'>,
  t: { fromDivisionCode: string; toDivisionCode: string; arrivalDate: string; departureDate: string },
  prefix: string,
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (e.kind === 'training') out.push({ path: prefix ? 'params.id' : 'exchange', key: 'teams.validation.trainingNotNamed' });
  if (t.departureDate < t.arrivalDate) out.push({ path: `${prefix}departureDate`, key: 'teams.validation.departureBeforeArrival' });
  if (!isInDivisionSubtree(t.fromDivisionCode, e.fromDivisionCode))
    out.push({ path: `${prefix}fromDivisionCode`, key: 'teams.validation.outsideSide' });
  if (!isInDivisionSubtree(t.toDivisionCode, e.toDivisionCode))
    out.push({ path: `${prefix}toDivisionCode`, key: 'teams.validation.outsideSide' });
  return out;
}

/** The columns a body sets: ID number sealed, gender and birth date read from it, places and field defaulted from the exchange. */
function sealPerson(cipher: Services['cipher'], e: Exchange, body: Partial<PersonBody>, before?: Person) {
  const { idNumber, ...rest } = body;
  const values: Partial<typeof P.$inferInsert> = { ...rest };
  if (idNumber !== undefined) {
    Object.assign(values, {
      idNumberCipher: cipher.encrypt(idNumber),
      idNumberHash: cipher.hash(idNumber),
      gender: genderOfId(idNumber),
      birthDate: birthDateOfId(idNumber),
    });
  }
  if (!before) {
    values.fromDivisionCode ??= e.fromDivisionCode;
    values.toDivisionCode ??= e.toDivisionCode;
    if (values.field === undefined) values.field = defaultFieldOf(e.kind);
  }
  return values;
}

async function assertTripFree(tx: Tx, t: { exchangeId: number; idNumberHash: string; arrivalDate: string }, exceptId?: number) {
  const [other] = await tx
    .select({ id: P.id })
    .from(P)
    .where(and(eq(P.exchangeId, t.exchangeId), eq(P.idNumberHash, t.idNumberHash), eq(P.arrivalDate, t.arrivalDate)));
  if (other && other.id !== exceptId)
    throw new AppError('CONFLICT', {}, [{ path: 'body.arrivalDate', key: 'teams.validation.duplicateTrip' }]);
}

const audited = ({ idNumberCipher: _c, idNumberHash: _h, ...p }: Person) => p;

export async function addExchangePerson(ctx: Ctx, exchangeId: number, body: PersonBody) {
  return withTx(ctx, async (tx, ctx) => {
    const exchange = await getExchange(ctx, exchangeId);
    assertExchangeInScope(ctx.user.scope, exchange);
    const values = sealPerson(ctx.services.cipher, exchange, body) as typeof P.$inferInsert;
    const problems = tripProblems(exchange, values as Parameters<typeof tripProblems>[1], 'body.');
    if (problems.length) throw invalid(...problems);
    await assertTripFree(tx, { ...values, exchangeId });
    const [row] = await tx
      .insert(P)
      .values({ ...values, exchangeId })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'talent_exchange_person', entityId: row.id, after: audited(row) });
    return row.id;
  });
}

export async function updateExchangePerson(ctx: Ctx, id: number, patch: z.output<typeof ExchangePersonPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const { person: before, exchange } = await loadPerson(ctx, id);
    const values = sealPerson(ctx.services.cipher, exchange, patch, before);
    const next = { ...before, ...values };
    const problems = tripProblems(exchange, next, 'body.');
    if (problems.length) throw invalid(...problems);
    await assertTripFree(tx, next, id);
    const [after] = await tx
      .update(P)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(P.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, {
      action: 'update',
      entity: 'talent_exchange_person',
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    return id;
  });
}

export async function deleteExchangePerson(ctx: Ctx, id: number) {
  return withTx(ctx, async (tx, ctx) => {
    const { person } = await loadPerson(ctx, id);
    await tx.delete(P).where(eq(P.id, id));
    await writeAudit(tx, ctx.actor, { action: 'delete', entity: 'talent_exchange_person', entityId: id, before: audited(person) });
    return { id };
  });
}

/** The full ID number, for a permitted user; the reveal is audited in the same transaction. */
export async function revealExchangePerson(ctx: Ctx, id: number): Promise<{ idNumber: string }> {
  return withTx(ctx, async (tx, ctx) => {
    const { person } = await loadPerson(ctx, id);
    await writeAudit(tx, ctx.actor, {
      action: 'reveal',
      entity: 'talent_exchange_person',
      entityId: id,
      after: { field: 'id_number', name: person.name },
    });
    return { idNumber: ctx.services.cipher.decrypt(person.idNumberCipher) };
  });
}
