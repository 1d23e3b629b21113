// 结对: helper party → helped party (each a division or a unit), by type and programme, for a period.
// Every read is scoped: a user sees a pairing when either party lies in their scope or it concerns their
// team (access.ts); a write needs at least one party in scope. Status (planned/active/ended) follows from the dates and the day asked about.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { PairingBody, PairingListQuery, PairingPatch, PairingType } from '@xiezuo/shared/contracts/registry';
import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import type { Scope } from '../../platform/scope';
import { dbOf, eitherPartyInScope, pairingsInScope, type TeamConcerns, teamConcerns } from './access';
import { divisions, pairings, programmes, units } from './tables';

const helperUnit = alias(units, 'helper_unit');
const helpedUnit = alias(units, 'helped_unit');
const helperDiv = alias(divisions, 'helper_div');
const helpedDiv = alias(divisions, 'helped_div');

/** In force on `day`: started and not yet ended (endDate is the last day). */
export const inForceOn = (day: string) =>
  sql`(${pairings.startDate} <= ${day}::date and (${pairings.endDate} is null or ${pairings.endDate} >= ${day}::date))`;

const statusOf = (start: string, end: string | null, day: string) =>
  start > day ? ('planned' as const) : end && end < day ? ('ended' as const) : ('active' as const);

type Filters = Partial<Omit<z.infer<typeof PairingListQuery>, 'page' | 'pageSize'>>;

/** The one filter of pairings: scope plus the list view's filters. The list, its total, the counts by type and exports all use it. */
export function conditions(scope: Scope, f: Filters, concerns: TeamConcerns | null = null): SQL | undefined {
  const day = f.asOf ?? todayInBeijing();
  const conds: (SQL | undefined)[] = [pairingsInScope(scope, concerns)];
  if (f.type) conds.push(eq(pairings.type, f.type));
  if (f.programmeId) conds.push(eq(pairings.programmeId, f.programmeId));
  if (f.division) {
    const p = `${divisionPrefix(f.division)}%`;
    conds.push(sql`(${pairings.helperDivisionCode} like ${p} or ${pairings.helpedDivisionCode} like ${p})`);
  }
  if (f.unitId) conds.push(sql`(${pairings.helperUnitId} = ${f.unitId} or ${pairings.helpedUnitId} = ${f.unitId})`);
  if (f.q) {
    // a party's name; subqueries rather than the list's joins, so counts and totals need no joins
    const p = `%${f.q}%`;
    conds.push(sql`(exists (select 1 from ${divisions} d where d.code in (${pairings.helperDivisionCode}, ${pairings.helpedDivisionCode}) and d.name like ${p})
      or exists (select 1 from ${units} u where u.id in (${pairings.helperUnitId}, ${pairings.helpedUnitId}) and u.name like ${p}))`);
  }
  if (f.asOf) conds.push(inForceOn(f.asOf));
  if (f.status === 'planned') conds.push(sql`${pairings.startDate} > ${day}::date`);
  if (f.status === 'ended') conds.push(sql`${pairings.endDate} < ${day}::date`);
  if (f.status === 'active') conds.push(inForceOn(day));
  return and(...conds);
}

const joined = (db: Db | Tx) =>
  db
    .select({
      p: pairings,
      programmeName: programmes.name,
      helperUnitName: helperUnit.name,
      helpedUnitName: helpedUnit.name,
      helperDivName: helperDiv.name,
      helpedDivName: helpedDiv.name,
    })
    .from(pairings)
    .leftJoin(programmes, eq(programmes.id, pairings.programmeId))
    .leftJoin(helperUnit, eq(helperUnit.id, pairings.helperUnitId))
    .leftJoin(helpedUnit, eq(helpedUnit.id, pairings.helpedUnitId))
    .leftJoin(helperDiv, eq(helperDiv.code, pairings.helperDivisionCode))
    .leftJoin(helpedDiv, eq(helpedDiv.code, pairings.helpedDivisionCode));

type Joined = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

const party = (divisionCode: string, divisionName: string | null, unitId: number | null, unitName: string | null) => ({
  divisionCode,
  divisionName,
  unitId,
  unitName,
  label: unitName ?? divisionName ?? divisionCode,
});

function toRow(r: Joined, day: string) {
  const p = r.p;
  return {
    id: p.id,
    type: p.type,
    programmeId: p.programmeId,
    programmeName: r.programmeName,
    helper: party(p.helperDivisionCode, r.helperDivName, p.helperUnitId, r.helperUnitName),
    helped: party(p.helpedDivisionCode, r.helpedDivName, p.helpedUnitId, r.helpedUnitName),
    startDate: p.startDate,
    endDate: p.endDate,
    status: statusOf(p.startDate, p.endDate, day),
    note: p.note,
  };
}
export type PairingView = ReturnType<typeof toRow>;

export async function listPairings(ctx: Ctx, q: z.infer<typeof PairingListQuery>) {
  const db = dbOf(ctx);
  const where = conditions(ctx.user.scope, q, await teamConcerns(ctx));
  const day = q.asOf ?? todayInBeijing();
  const [rows, [{ total }]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(desc(pairings.startDate), pairings.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(pairings).where(where),
  ]);
  return { items: rows.map((r) => toRow(r, day)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

/** All scoped pairings matching the filters (for exports and the partner view); `helperIn`: only those whose helper lies in one of these divisions. */
export async function allPairings(ctx: Ctx, f: Filters, helperIn?: string[]) {
  const day = f.asOf ?? todayInBeijing();
  const where = and(
    conditions(ctx.user.scope, f, await teamConcerns(ctx)),
    helperIn ? inArray(pairings.helperDivisionCode, helperIn) : undefined,
  );
  return (await joined(dbOf(ctx)).where(where).orderBy(pairings.id)).map((r) => toRow(r, day));
}

export async function getPairing(ctx: Ctx, id: number) {
  const [r] = await joined(dbOf(ctx)).where(and(eq(pairings.id, id), pairingsInScope(ctx.user.scope, await teamConcerns(ctx))));
  if (!r) throw new AppError('NOT_FOUND');
  return toRow(r, todayInBeijing());
}

/** Everything a division (its subtree) or a unit is paired with on `day`, seen from its side. */
export async function partnersOf(ctx: Ctx, q: { division?: string; unitId?: number; asOf?: string }) {
  if (!q.division && !q.unitId) throw invalid({ path: 'querystring.division', key: 'validation.required' });
  const day = q.asOf ?? todayInBeijing();
  const rows = await allPairings(ctx, { division: q.division, unitId: q.unitId, asOf: day });
  const isSelf = (p: PairingView['helper']) =>
    q.unitId ? p.unitId === q.unitId : p.divisionCode.startsWith(divisionPrefix(q.division as string));
  return rows.map((r) => {
    const role = isSelf(r.helper) ? ('helper' as const) : ('helped' as const);
    return {
      pairingId: r.id,
      type: r.type,
      role,
      self: role === 'helper' ? r.helper : r.helped,
      partner: role === 'helper' ? r.helped : r.helper,
      programmeName: r.programmeName,
      startDate: r.startDate,
      endDate: r.endDate,
    };
  });
}

/**
 * Counts by type, with distinct helper and helped parties, of the pairings the list shows for the same
 * filters and scope; with no status and no day chosen, of those in force today (what "paired" means).
 */
export async function countByType(ctx: Ctx, q: Filters) {
  const party = (side: 'helper' | 'helped') =>
    side === 'helper'
      ? sql`${pairings.helperDivisionCode} || ':' || coalesce(${pairings.helperUnitId}::text, '')`
      : sql`${pairings.helpedDivisionCode} || ':' || coalesce(${pairings.helpedUnitId}::text, '')`;
  const rows = await dbOf(ctx)
    .select({
      type: pairings.type,
      pairings: sql<number>`count(*)::int`,
      helpers: sql<number>`count(distinct ${party('helper')})::int`,
      helped: sql<number>`count(distinct ${party('helped')})::int`,
    })
    .from(pairings)
    .where(conditions(ctx.user.scope, { ...q, status: q.status ?? (q.asOf ? undefined : 'active') }, await teamConcerns(ctx)))
    .groupBy(pairings.type)
    .orderBy(pairings.type);
  return rows.map((r) => ({ ...r, pairings: Number(r.pairings), helpers: Number(r.helpers), helped: Number(r.helped) }));
}

/** Map flows: pairings in force on `day`, aggregated to county level (helper county → helped county). */
export async function flows(ctx: Ctx, q: { asOf?: string; programmeId?: number; type?: PairingType }) {
  const day = q.asOf ?? todayInBeijing();
  const county = (col: AnyPgColumn) => sql`rpad(left(${col}, 6), 12, '0')`;
  const concerns = await teamConcerns(ctx);
  const result = await dbOf(ctx).execute(sql`
    select f.from_code, coalesce(df.name, f.from_code) as from_name, f.to_code, coalesce(dt.name, f.to_code) as to_name,
           f.n, f.types
    from (
      select ${county(pairings.helperDivisionCode)} as from_code, ${county(pairings.helpedDivisionCode)} as to_code,
             count(*)::int as n, array_agg(distinct ${pairings.type}) as types
      from ${pairings}
      where ${and(pairingsInScope(ctx.user.scope, concerns), inForceOn(day), q.programmeId ? eq(pairings.programmeId, q.programmeId) : undefined, q.type ? eq(pairings.type, q.type) : undefined)}
      group by 1, 2) f
    left join divisions df on df.code = f.from_code
    left join divisions dt on dt.code = f.to_code
    order by f.n desc, f.from_code, f.to_code`);
  return (
    result.rows as { from_code: string; from_name: string; to_code: string; to_name: string; n: number; types: string[] | string }[]
  ).map((r) => ({
    from: { code: r.from_code, name: r.from_name },
    to: { code: r.to_code, name: r.to_name },
    pairings: Number(r.n),
    types: (Array.isArray(r.types) ? r.types : String(r.types).replace(/[{}]/g, '').split(',')) as PairingType[],
  }));
}

type Side = 'helper' | 'helped';
/** A party's division: the unit's own, or the given division; refuses neither/both/unknown. */
async function resolveParty(tx: Tx, side: Side, divisionCode?: string | null, unitId?: number | null) {
  const divField = `body.${side}DivisionCode`;
  const unitField = `body.${side}UnitId`;
  if (divisionCode && unitId) throw invalid({ path: unitField, key: 'registry.errors.partyBoth' });
  if (unitId) {
    const [u] = await tx.select({ divisionCode: units.divisionCode }).from(units).where(eq(units.id, unitId));
    if (!u) throw invalid({ path: unitField, key: 'registry.errors.unitUnknown', params: { id: unitId } });
    return { divisionCode: u.divisionCode, unitId };
  }
  if (!divisionCode) throw invalid({ path: divField, key: 'registry.errors.partyMissing' });
  const [d] = await tx
    .select({ code: divisions.code, abolishedOn: divisions.abolishedOn })
    .from(divisions)
    .where(eq(divisions.code, divisionCode));
  if (!d) throw invalid({ path: divField, key: 'registry.errors.divisionUnknown', params: { code: divisionCode } });
  return { divisionCode, unitId: null };
}

async function checkPeriodAndProgramme(tx: Tx, b: { startDate: string; endDate?: string | null; programmeId?: number | null }) {
  if (b.endDate && b.endDate < b.startDate) throw invalid({ path: 'body.endDate', key: 'registry.errors.endBeforeStart' });
  if (b.programmeId) {
    const [p] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, b.programmeId));
    if (!p) throw invalid({ path: 'body.programmeId', key: 'registry.errors.programmeUnknown', params: { id: b.programmeId } });
  }
}

export async function createPairing(ctx: Ctx, b: z.infer<typeof PairingBody>) {
  return withTx(ctx, async (tx, ctx) => {
    const helper = await resolveParty(tx, 'helper', b.helperDivisionCode, b.helperUnitId);
    const helped = await resolveParty(tx, 'helped', b.helpedDivisionCode, b.helpedUnitId);
    if (helper.divisionCode === helped.divisionCode && helper.unitId === helped.unitId) {
      throw invalid({ path: 'body.helpedDivisionCode', key: 'registry.errors.sameParty' });
    }
    if (!eitherPartyInScope(ctx.user.scope, helper.divisionCode, helped.divisionCode)) throw new AppError('OUT_OF_SCOPE');
    await checkPeriodAndProgramme(tx, b);
    const [overlap] = await tx
      .select({ id: pairings.id })
      .from(pairings)
      .where(
        and(
          eq(pairings.type, b.type),
          eq(pairings.helperDivisionCode, helper.divisionCode),
          eq(pairings.helpedDivisionCode, helped.divisionCode),
          sql`${pairings.helperUnitId} is not distinct from ${helper.unitId}`,
          sql`${pairings.helpedUnitId} is not distinct from ${helped.unitId}`,
          sql`daterange(${pairings.startDate}, ${pairings.endDate}, '[]') && daterange(${b.startDate}::date, ${b.endDate ?? null}::date, '[]')`,
        ),
      );
    if (overlap)
      throw new AppError('CONFLICT', {}, [{ path: 'body.startDate', key: 'registry.errors.pairingOverlap', params: { id: overlap.id } }]);
    const [row] = await tx
      .insert(pairings)
      .values({
        type: b.type,
        programmeId: b.programmeId ?? null,
        helperDivisionCode: helper.divisionCode,
        helperUnitId: helper.unitId,
        helpedDivisionCode: helped.divisionCode,
        helpedUnitId: helped.unitId,
        startDate: b.startDate,
        endDate: b.endDate ?? null,
        note: b.note ?? null,
      })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'pairing', entityId: row.id, after: row });
    return getPairing(ctx, row.id);
  });
}

export async function updatePairing(ctx: Ctx, id: number, b: z.infer<typeof PairingPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const before = await getPairing(ctx, id);
    // a team reads the pairings of its work; changing one needs a party in the user's own divisions
    if (!eitherPartyInScope(ctx.user.scope, before.helper.divisionCode, before.helped.divisionCode)) throw new AppError('OUT_OF_SCOPE');
    const next = {
      startDate: b.startDate ?? before.startDate,
      endDate: b.endDate === undefined ? before.endDate : b.endDate,
      programmeId: b.programmeId,
    };
    await checkPeriodAndProgramme(tx, next);
    const [after] = await tx
      .update(pairings)
      .set({ ...b, updatedAt: sql`now()` })
      .where(eq(pairings.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'pairing', entityId: id, before, after });
    return getPairing(ctx, id);
  });
}
