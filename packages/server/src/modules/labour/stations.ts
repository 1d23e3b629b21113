// 劳务工作站 and 劳务品牌: records of their own, which employment records (station, brand) and training
// sessions (brand) name. The people placed through a station, and those trained and employed under a brand,
// are counted from those records — distinct persons for jobs, 人次 for training — within the user's scope.
// A station is in scope by its place, the counties it serves or its team; a brand by its county or its team.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { BrandInput, StationInput } from '@xiezuo/shared/contracts/labour';
import { and, asc, count, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError, invalid } from '../../platform/http/errors';
import { inScope, type Scope, scopeWhere } from '../../platform/scope';
import { divisions } from '../registry';
import { dbOf, employmentsInScope, ownTeamOf } from './access';
import { isLifted } from './people';
import { labourBrands, labourEmployments, labourStations, labourTrainees, labourTrainings } from './tables';

const st = labourStations;
const br = labourBrands;
const job = labourEmployments;

// ---- scope ----
const servedInScope = (scope: Scope): SQL | undefined => {
  const w = scopeWhere(scope, { division: sql.raw('c') });
  return w && sql`exists (select 1 from unnest(${st.servedCodes}) c where ${w})`;
};
export const stationsInScope = (scope: Scope): SQL | undefined => {
  const own = scopeWhere(scope, { division: st.divisionCode, team: st.teamId });
  return own && or(own, servedInScope(scope));
};
export const brandsInScope = (scope: Scope): SQL | undefined => scopeWhere(scope, { division: br.divisionCode, team: br.teamId });

const stationWritable = (scope: Scope, s: { divisionCode: string; servedCodes: string[]; teamId: number | null }) =>
  inScope(scope, s) || s.servedCodes.some((c) => inScope(scope, { divisionCode: c }));

function assertStationWritable(ctx: Ctx, s: { divisionCode: string; servedCodes: string[]; teamId: number | null }) {
  if (!stationWritable(ctx.user.scope, s)) throw new AppError('OUT_OF_SCOPE');
}

/** The team a new record belongs to: as given, else the team user's own when the place is outside their places. */
function teamOf(ctx: Ctx, body: { teamId?: number | null; divisionCode: string }, places: string[]): number | null {
  if (body.teamId != null) return body.teamId;
  return places.some((c) => inScope(ctx.user.scope, { divisionCode: c })) ? null : ownTeamOf(ctx.user.scope);
}

const filterOf = (name: AnyPgColumn, code: AnyPgColumn, f: { divisionCode?: string; q?: string }) => [
  f.divisionCode ? like(code, `${divisionPrefix(f.divisionCode)}%`) : undefined,
  f.q ? ilike(name, `%${f.q}%`) : undefined,
];

async function namesOf(ctx: Ctx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await dbOf(ctx)
    .select({ code: divisions.code, name: divisions.name })
    .from(divisions)
    .where(inArray(divisions.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Distinct persons of the jobs naming each of `names` (by `column`), in scope: ever, at work today, 其中脱贫人口. */
async function peopleByName(ctx: Ctx, column: typeof job.station | typeof job.brand, names: string[]) {
  if (names.length === 0) return new Map<string, { placed: number; now: number; lifted: number }>();
  const today = todayInBeijing();
  const rows = await dbOf(ctx)
    .select({
      name: sql<string>`${column}`,
      placed: sql<number>`count(distinct ${job.idHash})::int`,
      now: sql<number>`count(distinct ${job.idHash}) filter (where ${job.startDate} <= ${today} and (${job.endDate} is null or ${job.endDate} >= ${today}))::int`,
      lifted: sql<number>`count(distinct ${job.idHash}) filter (where ${isLifted('labour_employments')})::int`,
    })
    .from(job)
    .where(and(inArray(column, names), employmentsInScope(ctx.user.scope)))
    .groupBy(column);
  return new Map(rows.map((r) => [r.name, r]));
}

// ---- 劳务工作站 ----
type StationBody = z.output<typeof StationInput>;

async function stationRows(ctx: Ctx, where: SQL | undefined, page?: { page: number; pageSize: number }) {
  let q = dbOf(ctx)
    .select({ row: st, divisionName: divisions.name })
    .from(st)
    .leftJoin(divisions, eq(divisions.code, st.divisionCode))
    .where(where)
    .orderBy(asc(st.name))
    .$dynamic();
  if (page) q = q.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const rows = await q;
  const names = await namesOf(
    ctx,
    rows.flatMap((r) => r.row.servedCodes),
  );
  const people = await peopleByName(
    ctx,
    job.station,
    rows.map((r) => r.row.name),
  );
  return rows.map(({ row, divisionName }) => {
    const p = people.get(row.name);
    return {
      id: row.id,
      name: row.name,
      divisionCode: row.divisionCode,
      divisionName,
      servedCodes: row.servedCodes,
      servedNames: row.servedCodes.map((c) => names.get(c) ?? c),
      teamId: row.teamId,
      establishedOn: row.establishedOn,
      note: row.note,
      placed: p?.placed ?? 0,
      placedNow: p?.now ?? 0,
      lifted: p?.lifted ?? 0,
    };
  });
}

export async function listStations(ctx: Ctx, f: { divisionCode?: string; q?: string; page: number; pageSize: number }) {
  const where = and(stationsInScope(ctx.user.scope), ...filterOf(st.name, st.divisionCode, f));
  const [items, [{ total }]] = await Promise.all([stationRows(ctx, where, f), dbOf(ctx).select({ total: count() }).from(st).where(where)]);
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize };
}

/** Every station in scope (the ledger's export). */
export const allStations = (ctx: Ctx) => dbOf(ctx).select().from(st).where(stationsInScope(ctx.user.scope)).orderBy(asc(st.name));

export async function stationRow(ctx: Ctx, id: number) {
  const [row] = await stationRows(ctx, and(eq(st.id, id), stationsInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Adds a station, or changes one (by id, or — from a ledger — by name); audited. A rename carries over to
 * the employment records naming it, in the same transaction, so the people placed stay counted.
 */
export async function saveStation(ctx: Ctx, body: StationBody, id?: number) {
  const servedCodes = [...new Set(body.servedCodes)];
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx
      .select()
      .from(st)
      .where(id != null ? eq(st.id, id) : eq(st.name, body.name));
    if (id != null && !before) throw new AppError('NOT_FOUND');
    const teamId = before && body.teamId === undefined ? before.teamId : teamOf(ctx, body, [body.divisionCode, ...servedCodes]);
    const values = { ...body, servedCodes, teamId, establishedOn: body.establishedOn ?? null, note: body.note ?? null };
    assertStationWritable(ctx, values);
    const [clash] = await tx.select({ id: st.id }).from(st).where(eq(st.name, body.name));
    if (clash && clash.id !== before?.id) throw invalid({ path: 'body.name', key: 'labour.validation.nameTaken' });
    if (before) {
      assertStationWritable(ctx, before);
      const [after] = await tx
        .update(st)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(st.id, before.id))
        .returning();
      if (before.name !== after.name) await tx.update(job).set({ station: after.name }).where(eq(job.station, before.name));
      await writeAudit(tx, ctx.actor, { action: 'update', entity: 'labour_station', entityId: before.id, before, after });
      return before.id;
    }
    const [row] = await tx.insert(st).values(values).returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'labour_station', entityId: row.id, after: row });
    return row.id;
  });
}

/** Changes what the patch names of station `id` (the edit form sends every field); scope checked before anything else. */
export async function updateStation(ctx: Ctx, id: number, patch: Partial<StationBody>) {
  const [before] = await dbOf(ctx).select().from(st).where(eq(st.id, id));
  if (!before) throw new AppError('NOT_FOUND');
  assertStationWritable(ctx, before);
  const { name, divisionCode, servedCodes, teamId, establishedOn, note } = before;
  return saveStation(ctx, { name, divisionCode, servedCodes, teamId, establishedOn, note, ...patch }, id);
}

// ---- 劳务品牌 ----
type BrandBody = z.output<typeof BrandInput>;

async function brandRows(ctx: Ctx, where: SQL | undefined, page?: { page: number; pageSize: number }) {
  let q = dbOf(ctx)
    .select({ row: br, divisionName: divisions.name })
    .from(br)
    .leftJoin(divisions, eq(divisions.code, br.divisionCode))
    .where(where)
    .orderBy(asc(br.name))
    .$dynamic();
  if (page) q = q.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const rows = await q;
  const names = rows.map((r) => r.row.name);
  const employed = await peopleByName(ctx, job.brand, names);
  const trained = names.length
    ? await dbOf(ctx)
        .select({
          name: sql<string>`${labourTrainings.brand}`,
          trainees: sql<number>`count(*)::int`,
          lifted: sql<number>`count(*) filter (where ${isLifted('labour_trainees')})::int`,
        })
        .from(labourTrainees)
        .innerJoin(labourTrainings, eq(labourTrainings.id, labourTrainees.trainingId))
        .where(
          and(
            inArray(labourTrainings.brand, names),
            scopeWhere(ctx.user.scope, { division: labourTrainings.divisionCode, team: labourTrainings.teamId }),
          ),
        )
        .groupBy(labourTrainings.brand)
    : [];
  const byName = new Map(trained.map((r) => [r.name, r]));
  return rows.map(({ row, divisionName }) => {
    const e = employed.get(row.name);
    const t = byName.get(row.name);
    return {
      id: row.id,
      name: row.name,
      divisionCode: row.divisionCode,
      divisionName,
      teamId: row.teamId,
      note: row.note,
      trainees: t?.trainees ?? 0,
      traineesLifted: t?.lifted ?? 0,
      employed: e?.placed ?? 0,
      employedNow: e?.now ?? 0,
      employedLifted: e?.lifted ?? 0,
    };
  });
}

export async function listBrands(ctx: Ctx, f: { divisionCode?: string; q?: string; page: number; pageSize: number }) {
  const where = and(brandsInScope(ctx.user.scope), ...filterOf(br.name, br.divisionCode, f));
  const [items, [{ total }]] = await Promise.all([brandRows(ctx, where, f), dbOf(ctx).select({ total: count() }).from(br).where(where)]);
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize };
}

export async function brandRow(ctx: Ctx, id: number) {
  const [row] = await brandRows(ctx, and(eq(br.id, id), brandsInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Adds a brand or changes one (by id); audited. A rename carries over to the sessions and jobs naming it. */
export async function saveBrand(ctx: Ctx, body: BrandBody, id?: number) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = id != null ? await tx.select().from(br).where(eq(br.id, id)) : [];
    if (id != null && !before) throw new AppError('NOT_FOUND');
    const teamId = before && body.teamId === undefined ? before.teamId : teamOf(ctx, body, [body.divisionCode]);
    const values = { ...body, teamId, note: body.note ?? null };
    if (!inScope(ctx.user.scope, values)) throw new AppError('OUT_OF_SCOPE');
    const [clash] = await tx.select({ id: br.id }).from(br).where(eq(br.name, body.name));
    if (clash && clash.id !== before?.id) throw invalid({ path: 'body.name', key: 'labour.validation.nameTaken' });
    if (before) {
      if (!inScope(ctx.user.scope, before)) throw new AppError('OUT_OF_SCOPE');
      const [after] = await tx
        .update(br)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(br.id, before.id))
        .returning();
      if (before.name !== after.name) {
        await tx.update(job).set({ brand: after.name }).where(eq(job.brand, before.name));
        await tx.update(labourTrainings).set({ brand: after.name }).where(eq(labourTrainings.brand, before.name));
      }
      await writeAudit(tx, ctx.actor, { action: 'update', entity: 'labour_brand', entityId: before.id, before, after });
      return before.id;
    }
    const [row] = await tx.insert(br).values(values).returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'labour_brand', entityId: row.id, after: row });
    return row.id;
  });
}

/** Changes what the patch names of brand `id`; scope checked before anything else. */
export async function updateBrand(ctx: Ctx, id: number, patch: Partial<BrandBody>) {
  const [before] = await dbOf(ctx).select().from(br).where(eq(br.id, id));
  if (!before) throw new AppError('NOT_FOUND');
  if (!inScope(ctx.user.scope, before)) throw new AppError('OUT_OF_SCOPE');
  const { name, divisionCode, teamId, note } = before;
  return saveBrand(ctx, { name, divisionCode, teamId, note, ...patch }, id);
}

/** The names among `names` that are no station (or brand) — one query; an employment or session naming one is refused. */
export async function unknownNames(ctx: Ctx, kind: 'station' | 'brand', names: (string | null | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(names.filter((n): n is string => !!n))];
  if (wanted.length === 0) return new Set();
  const t = kind === 'station' ? st : br;
  const found = await dbOf(ctx).select({ name: t.name }).from(t).where(inArray(t.name, wanted));
  const known = new Set(found.map((r) => r.name));
  return new Set(wanted.filter((n) => !known.has(n)));
}
