// 人才交流台账: person-times (人次) exchanged between two sides, by kind. One row counts once; "sent" and
// "received" are the same rows seen from either side, so nothing is double counted.
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { EXCHANGE_KINDS, type ExchangeInput, type ExchangeKind, type ExchangePatch, exchangeGroupOf } from '@xiezuo/shared/contracts/teams';
import { and, asc, count, desc, eq, gte, inArray, like, lte, not, or, sql } from 'drizzle-orm';
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
import { countedSql } from './stays';
import { talentExchangePersons, talentExchanges as tx_ } from './tables';

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
      namedTrips: sql<number>`(select count(*)::int from talent_exchange_persons p where p.exchange_id = ${tx_.id})`,
      namedPersons: sql<number>`(select count(distinct p.id_number_hash)::int from talent_exchange_persons p where p.exchange_id = ${tx_.id})`,
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
  return { items: rows.map(withCounted), total: Number(total), page: f.page, pageSize: f.pageSize };
}

/** What an exchange counts for (stays.ts): its named trips when it has any, else its typed person-times — never both. */
function withCounted<R extends { personTimes: number; namedTrips: number; namedPersons: number }>(r: R) {
  const namedTrips = Number(r.namedTrips);
  return { ...r, namedTrips, namedPersons: Number(r.namedPersons), countedPersonTimes: namedTrips > 0 ? namedTrips : r.personTimes };
}

export async function allExchanges(ctx: Ctx, f: ExchangeFilter) {
  const rows = await exchangeQuery(dbOf(ctx)).where(exchangeConditions(ctx.user.scope, f)).orderBy(desc(tx_.startDate), asc(tx_.id));
  return rows.map(withCounted);
}

export async function getExchange(ctx: Ctx, id: number) {
  const [row] = await exchangeQuery(dbOf(ctx)).where(and(eq(tx_.id, id), exchangesInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return withCounted(row);
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
  // the counted rows (stays.ts): an exchange's named trips at the persons' places and arrival dates, else its typed total
  const c = (col: string) => sql.raw(`c.${col}`);
  const under_ = (col: string, code: string) => sql`${c(col)} like ${`${divisionPrefix(code)}%`}`;
  const sideFrom = under_('from_division_code', q.side);
  const sideTo = under_('to_division_code', q.side);
  const otherFrom = q.other ? under_('from_division_code', q.other) : sql`not (${sideFrom})`;
  const otherTo = q.other ? under_('to_division_code', q.other) : sql`not (${sideTo})`;
  const sent = sql`(${sideFrom} and ${otherTo})`;
  const received = sql`(${sideTo} and ${otherFrom})`;
  const conds = [exchangeConditions(ctx.user.scope, { programmeId: q.programmeId }), sql`(${sent} or ${received})`];
  if (q.from) conds.push(sql`${c('day')} >= ${q.from}`);
  if (q.to) conds.push(sql`${c('day')} <= ${q.to}`);
  const tally = db
    .execute(
      sql`select c.kind, extract(year from c.day)::int as year,
                 coalesce(sum(case when ${sent} then c.qty else 0 end), 0)::int as sent,
                 coalesce(sum(case when ${received} then c.qty else 0 end), 0)::int as received
            from ${tx_} join (${sql.raw(countedSql())}) c on c.exchange_id = ${tx_.id}
           where ${and(...conds)}
           group by 1, 2 order by 2`,
    )
    .then((r) => r.rows as { kind: ExchangeKind; year: number; sent: number; received: number }[]);
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
    await assertPersonsWithin(tx, id, next);
    const [after] = await tx.update(tx_).set(patch).where(eq(tx_.id, id)).returning();
    // its named persons count under its kind and team: re-mark them for the indicators (facts.ts)
    await tx.update(talentExchangePersons).set({ updatedAt: new Date() }).where(eq(talentExchangePersons.exchangeId, id));
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'talent_exchange', entityId: id, before, after });
    return id;
  });
}

/** An exchange's sides may move only where its named persons' places stay within them. */
async function assertPersonsWithin(tx: Tx, id: number, e: { fromDivisionCode: string; toDivisionCode: string }) {
  const P = talentExchangePersons;
  const [outside] = await tx
    .select({ from: P.fromDivisionCode, to: P.toDivisionCode })
    .from(P)
    .where(
      and(eq(P.exchangeId, id), or(not(under(P.fromDivisionCode, e.fromDivisionCode)), not(under(P.toDivisionCode, e.toDivisionCode)))),
    )
    .limit(1);
  if (!outside) return;
  const path = outside.from.startsWith(divisionPrefix(e.fromDivisionCode)) ? 'body.toDivisionCode' : 'body.fromDivisionCode';
  throw invalid({ path, key: 'teams.validation.personsOutside' });
}

/** Division names for display, by code. */
async function divisionNames(db: Db | Tx, codes: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter(Boolean))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ code: divisions.code, name: divisions.name }).from(divisions).where(inArray(divisions.code, wanted));
  return new Map(rows.map((r) => [r.code, r.name]));
}
