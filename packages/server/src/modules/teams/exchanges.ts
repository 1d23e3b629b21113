// 人才交流台账: person-times (人次) exchanged between two sides, by kind. One row counts once; "sent" and
// "received" are the same rows seen from either side, so nothing is double counted.
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { EXCHANGE_KINDS, type ExchangeInput, type ExchangeKind, type ExchangePatch, exchangeGroupOf } from '@xiezuo/shared/contracts/teams';
import { and, asc, count, desc, eq, gte, inArray, like, lte, not, or, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import type { Scope } from '../../platform/scope';
import { divisions, programmes } from '../registry';
import { assertExchangeInScope, dbOf, exchangesInScope, ownTeamOf } from './access';
import { assertRefs } from './rules';
import { talentExchanges as tx_ } from './tables';

export interface ExchangeFilter {
  kind?: ExchangeKind;
  fromDivisionCode?: string;
  toDivisionCode?: string;
  programmeId?: number;
  from?: string;
  to?: string;
}

const under = (col: AnyPgColumn, code: string) => like(col, `${divisionPrefix(code)}%`);

function exchangeConditions(scope: Scope, f: ExchangeFilter) {
  const conds = [exchangesInScope(scope)];
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

function exchangeQuery(db: Db | Tx) {
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

/** A page of the exchanges in scope. */
export async function listExchanges(ctx: Ctx, f: ExchangeFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = exchangeConditions(ctx.user.scope, f);
  const [rows, [{ total }]] = await Promise.all([
    exchangeQuery(db)
      .where(where)
      .orderBy(desc(tx_.startDate), asc(tx_.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(tx_).where(where),
  ]);
  return { items: rows, total: Number(total), page: f.page, pageSize: f.pageSize };
}

export function allExchanges(ctx: Ctx, f: ExchangeFilter) {
  return exchangeQuery(dbOf(ctx)).where(exchangeConditions(ctx.user.scope, f)).orderBy(desc(tx_.startDate), asc(tx_.id));
}

export async function getExchange(ctx: Ctx, id: number) {
  const [row] = await exchangeQuery(dbOf(ctx)).where(and(eq(tx_.id, id), exchangesInScope(ctx.user.scope)));
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
 * year, for exchanges starting within [from, to] — within the user's scope; both sides named.
 */
export async function exchangeSummary(ctx: Ctx, q: { side: string; other?: string; from?: string; to?: string; programmeId?: number }) {
  const db = dbOf(ctx);
  const sideFrom = under(tx_.fromDivisionCode, q.side);
  const sideTo = under(tx_.toDivisionCode, q.side);
  const otherFrom = q.other ? under(tx_.fromDivisionCode, q.other) : not(sideFrom);
  const otherTo = q.other ? under(tx_.toDivisionCode, q.other) : not(sideTo);
  const sent = and(sideFrom, otherTo) as SQL;
  const received = and(sideTo, otherFrom) as SQL;
  const year = sql<number>`extract(year from ${tx_.startDate})::int`;
  const tally = db
    .select({
      kind: tx_.kind,
      year,
      sent: sql<number>`coalesce(sum(case when ${sent} then ${tx_.personTimes} else 0 end), 0)::int`,
      received: sql<number>`coalesce(sum(case when ${received} then ${tx_.personTimes} else 0 end), 0)::int`,
    })
    .from(tx_)
    .where(and(exchangeConditions(ctx.user.scope, { programmeId: q.programmeId, from: q.from, to: q.to }), or(sent, received)))
    .groupBy(tx_.kind, year)
    .orderBy(year);
  const [rows, names] = await Promise.all([tally, divisionNames(db, [q.side, q.other ?? ''])]);
  const result = {
    side: { code: q.side, name: names.get(q.side) ?? null },
    other: q.other ? { code: q.other, name: names.get(q.other) ?? null } : null,
    from: q.from ?? null,
    to: q.to ?? null,
    sent: emptyTally(),
    received: emptyTally(),
    byYear: [] as { year: number; sent: number; received: number }[],
  };
  const years = new Map<number, { year: number; sent: number; received: number }>();
  for (const r of rows) {
    const kind = r.kind;
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

const exchangeRefs = (tx: Tx, e: { programmeId?: number | null; teamId?: number | null }) =>
  assertRefs(tx, [
    ['body.programmeId', 'programme', [e.programmeId]],
    ['body.teamId', 'team', [e.teamId]],
  ]);

export async function createExchange(ctx: Ctx, input: z.output<typeof ExchangeInput>) {
  const body = { ...input, teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  checkExchange(body);
  assertExchangeInScope(ctx.user.scope, body);
  return withTx(ctx, async (tx, ctx) => {
    await exchangeRefs(tx, body);
    const [row] = await tx.insert(tx_).values(body).returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'talent_exchange', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateExchange(ctx: Ctx, id: number, patch: z.output<typeof ExchangePatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(tx_).where(eq(tx_.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertExchangeInScope(ctx.user.scope, before);
    const next = { ...before, ...patch };
    checkExchange(next);
    assertExchangeInScope(ctx.user.scope, next);
    await exchangeRefs(tx, patch);
    const [after] = await tx.update(tx_).set(patch).where(eq(tx_.id, id)).returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'talent_exchange', entityId: id, before, after });
    return id;
  });
}

/** Division names for display, by code. */
async function divisionNames(db: Db | Tx, codes: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter(Boolean))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ code: divisions.code, name: divisions.name }).from(divisions).where(inArray(divisions.code, wanted));
  return new Map(rows.map((r) => [r.code, r.name]));
}
