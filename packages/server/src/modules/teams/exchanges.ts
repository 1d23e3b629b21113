// 人才交流台账: person-times (人次) exchanged between two sides, by kind. One row counts once; "sent" and
// "received" are the same rows seen from either side, so nothing is double counted.
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { EXCHANGE_KINDS, type ExchangeInput, type ExchangeKind, type ExchangePatch, exchangeGroupOf } from '@xiezuo/shared/contracts/teams';
import { and, asc, count, desc, eq, gte, like, lte, not, or, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Actor } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { inScope, type Scope, scopeWhere } from '../../platform/scope';
import { divisions, programmes } from '../registry';
import { assertRefs } from './refs';
import { inTransaction } from './repository';
import { talentExchanges as tx_ } from './tables';

type Q = Db | Tx;
export interface ExchangeFilter {
  kind?: string;
  fromDivisionCode?: string;
  toDivisionCode?: string;
  programmeId?: number;
  from?: string;
  to?: string;
}

/** Visible when either side, or the team that recorded it, lies in scope. */
export function exchangeScope(scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  return or(scopeWhere(scope, { division: tx_.fromDivisionCode, team: tx_.teamId }), scopeWhere(scope, { division: tx_.toDivisionCode }));
}

const under = (col: AnyPgColumn, code: string) => like(col, `${divisionPrefix(code)}%`);

export function exchangeConditions(scope: Scope, f: ExchangeFilter) {
  const conds = [exchangeScope(scope)];
  if (f.kind) conds.push(eq(tx_.kind, f.kind));
  if (f.fromDivisionCode) conds.push(under(tx_.fromDivisionCode, f.fromDivisionCode));
  if (f.toDivisionCode) conds.push(under(tx_.toDivisionCode, f.toDivisionCode));
  if (f.programmeId) conds.push(eq(tx_.programmeId, f.programmeId));
  if (f.from) conds.push(gte(tx_.startDate, f.from));
  if (f.to) conds.push(lte(tx_.startDate, f.to));
  return and(...conds);
}

const fromDiv = alias(divisions, 'from_div');
const toDiv = alias(divisions, 'to_div');

function exchangeQuery(db: Q) {
  return db
    .select({
      id: tx_.id,
      kind: tx_.kind,
      personTimes: tx_.personTimes,
      fromDivisionCode: tx_.fromDivisionCode,
      fromDivisionName: fromDiv.name,
      toDivisionCode: tx_.toDivisionCode,
      toDivisionName: toDiv.name,
      programmeId: tx_.programmeId,
      programmeName: programmes.name,
      teamId: tx_.teamId,
      startDate: tx_.startDate,
      endDate: tx_.endDate,
      note: tx_.note,
    })
    .from(tx_)
    .leftJoin(fromDiv, eq(fromDiv.code, tx_.fromDivisionCode))
    .leftJoin(toDiv, eq(toDiv.code, tx_.toDivisionCode))
    .leftJoin(programmes, eq(programmes.id, tx_.programmeId));
}

export async function listExchanges(db: Q, scope: Scope, f: ExchangeFilter & { page: number; pageSize: number }) {
  const where = exchangeConditions(scope, f);
  const [rows, [{ total }]] = await Promise.all([
    exchangeQuery(db)
      .where(where)
      .orderBy(desc(tx_.startDate), asc(tx_.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(tx_).where(where),
  ]);
  return { rows, total: Number(total) };
}

export function allExchanges(db: Q, scope: Scope, f: ExchangeFilter) {
  return exchangeQuery(db)
    .where(exchangeConditions(scope, f))
    .orderBy(desc(tx_.startDate), asc(tx_.id));
}

export async function getExchange(db: Q, scope: Scope, id: number) {
  const [row] = await exchangeQuery(db).where(and(eq(tx_.id, id), exchangeScope(scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const emptyTally = () => ({
  total: 0,
  byGroup: { cadre: 0, professional: 0, training: 0 },
  byKind: Object.fromEntries(EXCHANGE_KINDS.map((k) => [k, 0])) as Record<ExchangeKind, number>,
});

/**
 * Person-times `side` sent to and received from `other` (or from anywhere outside `side`), by kind and
 * year, for exchanges starting within [from, to] — within the user's scope.
 */
export async function exchangeSummary(db: Q, scope: Scope, q: { side: string; other?: string; from?: string; to?: string; programmeId?: number }) {
  const sideFrom = under(tx_.fromDivisionCode, q.side);
  const sideTo = under(tx_.toDivisionCode, q.side);
  const otherFrom = q.other ? under(tx_.fromDivisionCode, q.other) : not(sideFrom);
  const otherTo = q.other ? under(tx_.toDivisionCode, q.other) : not(sideTo);
  const sent = and(sideFrom, otherTo) as SQL;
  const received = and(sideTo, otherFrom) as SQL;
  const year = sql<number>`extract(year from ${tx_.startDate})::int`;
  const rows = await db
    .select({
      kind: tx_.kind,
      year,
      sent: sql<number>`coalesce(sum(case when ${sent} then ${tx_.personTimes} else 0 end), 0)::int`,
      received: sql<number>`coalesce(sum(case when ${received} then ${tx_.personTimes} else 0 end), 0)::int`,
    })
    .from(tx_)
    .where(and(exchangeConditions(scope, { programmeId: q.programmeId, from: q.from, to: q.to }), or(sent, received)))
    .groupBy(tx_.kind, year)
    .orderBy(year);
  const result = { sent: emptyTally(), received: emptyTally(), byYear: [] as { year: number; sent: number; received: number }[] };
  const years = new Map<number, { year: number; sent: number; received: number }>();
  for (const r of rows) {
    const kind = r.kind as ExchangeKind;
    for (const dir of ['sent', 'received'] as const) {
      const n = Number(r[dir]);
      result[dir].total += n;
      result[dir].byKind[kind] += n;
      result[dir].byGroup[exchangeGroupOf(kind)] += n;
    }
    const y = years.get(r.year) ?? { year: Number(r.year), sent: 0, received: 0 };
    y.sent += Number(r.sent);
    y.received += Number(r.received);
    years.set(r.year, y);
  }
  result.byYear = [...years.values()].sort((a, b) => a.year - b.year);
  return result;
}

function checkExchange(e: { fromDivisionCode: string; toDivisionCode: string; startDate: string; endDate?: string | null }) {
  if (e.fromDivisionCode === e.toDivisionCode) throw invalid({ path: 'body.toDivisionCode', key: 'teams.validation.sameSide' });
  if (e.endDate && e.endDate < e.startDate) throw invalid({ path: 'body.endDate', key: 'teams.validation.dates' });
}

/** A user may record an exchange when either side, or its team, lies in their scope. */
function assertExchangeInScope(scope: Scope, e: { fromDivisionCode: string; toDivisionCode: string; teamId?: number | null }) {
  if (inScope(scope, { divisionCode: e.fromDivisionCode, teamId: e.teamId }) || inScope(scope, { divisionCode: e.toDivisionCode })) return;
  throw new AppError('OUT_OF_SCOPE');
}

const exchangeRefs = (tx: Tx, e: { programmeId?: number | null; teamId?: number | null }) =>
  assertRefs(tx, [
    ['body.programmeId', 'programme', [e.programmeId]],
    ['body.teamId', 'team', [e.teamId]],
  ]);

export async function createExchange(db: Db, scope: Scope, actor: Actor, body: z.output<typeof ExchangeInput>, tx0?: Tx) {
  checkExchange(body);
  assertExchangeInScope(scope, body);
  return inTransaction(db, tx0, async (tx) => {
    await exchangeRefs(tx, body);
    const [row] = await tx.insert(tx_).values(body).returning();
    await writeAudit(tx, actor, { action: 'create', entity: 'talent_exchange', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateExchange(db: Db, scope: Scope, actor: Actor, id: number, patch: z.output<typeof ExchangePatch>, tx0?: Tx) {
  return inTransaction(db, tx0, async (tx) => {
    const [before] = await tx.select().from(tx_).where(eq(tx_.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertExchangeInScope(scope, before);
    const next = { ...before, ...patch };
    checkExchange(next);
    assertExchangeInScope(scope, next);
    await exchangeRefs(tx, patch);
    const [after] = await tx.update(tx_).set(patch).where(eq(tx_.id, id)).returning();
    await writeAudit(tx, actor, { action: 'update', entity: 'talent_exchange', entityId: id, before, after });
    return id;
  });
}
