// 引进企业 (经营主体): introduced enterprises with their investment to date, latest reported headcount and the
// people at work in them today. The credit code (GB 32100) is checked by the contract and unique here.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { EnterpriseInput, EnterprisePatch, EnterpriseStatus } from '@xiezuo/shared/contracts/industry';
import { and, asc, count, eq, ilike, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { divisions, pairingBetween, programmes } from '../registry';
import {
  assertPlaceInScope,
  assertProgramme,
  assertSidesInScope,
  checkDates,
  dbOf,
  enterprisesInScope,
  ownTeamOf,
  parkHolds,
  teamNamesOf,
} from './access';
import {
  industryEnterprises as ent,
  industryHeadcounts as heads,
  industryInvestments as inv,
  industryParks as parks,
  industryWorkers as workers,
} from './tables';

export interface EnterpriseFilter {
  divisionCode?: string;
  originDivisionCode?: string;
  parkId?: number;
  status?: EnterpriseStatus;
  q?: string;
}

const originDiv = alias(divisions, 'origin_div');

function enterpriseQuery(db: Db | Tx) {
  const today = todayInBeijing();
  const total = (kind: string) =>
    sql<string>`(select coalesce(sum(i.amount), 0)::numeric(18,2)::text from ${inv} i where i.enterprise_id = ${ent.id} and i.kind = ${kind})`;
  const latest = sql`(select h.jobs || '|' || h.reported_on from ${heads} h where h.enterprise_id = ${ent.id} order by h.reported_on desc limit 1)`;
  const pairing = pairingBetween(
    'industry_enterprises.origin_division_code',
    'industry_enterprises.division_code',
    'industry_enterprises.introduced_on',
  );
  return db
    .select({
      id: ent.id,
      name: ent.name,
      creditCode: ent.creditCode,
      originDivisionCode: ent.originDivisionCode,
      originDivisionName: originDiv.name,
      divisionCode: ent.divisionCode,
      divisionName: divisions.name,
      parkId: ent.parkId,
      parkName: parks.name,
      industry: ent.industry,
      programmeId: ent.programmeId,
      programmeName: programmes.name,
      pairingId: sql<number | null>`${sql.raw(pairing)}`,
      pairingName: sql<string | null>`(select hd.name || ' → ' || dd.name from pairings pp
                     join divisions hd on hd.code = pp.helper_division_code join divisions dd on dd.code = pp.helped_division_code
                     where pp.id = ${sql.raw(pairing)})`,
      teamId: ent.teamId,
      status: ent.status,
      introducedOn: ent.introducedOn,
      exitedOn: ent.exitedOn,
      contact: ent.contact,
      phone: ent.phone,
      note: ent.note,
      signed: total('signed'),
      inPlace: total('in_place'),
      latest: sql<string | null>`${latest}`,
      workers: sql<number>`(select count(distinct w.id_hash)::int from ${workers} w where w.enterprise_id = ${ent.id}
                            and w.start_date <= ${today} and (w.end_date is null or w.end_date >= ${today}))`,
    })
    .from(ent)
    .leftJoin(divisions, eq(divisions.code, ent.divisionCode))
    .leftJoin(originDiv, eq(originDiv.code, ent.originDivisionCode))
    .leftJoin(parks, eq(parks.id, ent.parkId))
    .leftJoin(programmes, eq(programmes.id, ent.programmeId));
}
type EnterpriseRecord = Awaited<ReturnType<typeof enterpriseQuery>>[number];

async function toRows(ctx: Ctx, rows: EnterpriseRecord[]) {
  const names = await teamNamesOf(
    ctx,
    rows.map((r) => r.teamId),
  );
  return rows.map(({ latest, ...r }) => {
    const [jobs, on] = latest ? latest.split('|') : [null, null];
    return {
      ...r,
      teamName: r.teamId == null ? null : (names.get(r.teamId) ?? null),
      reportedJobs: jobs == null ? null : Number(jobs),
      reportedOn: on,
      workers: Number(r.workers),
    };
  });
}

function conditions(ctx: Ctx, f: EnterpriseFilter): SQL | undefined {
  const conds = [enterprisesInScope(ctx.user.scope)];
  if (f.divisionCode) conds.push(like(ent.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.originDivisionCode) conds.push(like(ent.originDivisionCode, `${divisionPrefix(f.originDivisionCode)}%`));
  if (f.parkId) conds.push(eq(ent.parkId, f.parkId));
  if (f.status) conds.push(eq(ent.status, f.status));
  if (f.q) conds.push(or(ilike(ent.name, `%${f.q}%`), ilike(ent.creditCode, `%${f.q}%`)));
  return and(...conds);
}

export async function listEnterprises(ctx: Ctx, f: EnterpriseFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = conditions(ctx, f);
  const [rows, [{ total }]] = await Promise.all([
    enterpriseQuery(db)
      .where(where)
      .orderBy(asc(ent.introducedOn), asc(ent.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(ent).where(where),
  ]);
  return { items: await toRows(ctx, rows), total: Number(total), page: f.page, pageSize: f.pageSize };
}

/** Every matching enterprise (exports). */
export async function allEnterprises(ctx: Ctx, f: EnterpriseFilter) {
  return toRows(ctx, await enterpriseQuery(dbOf(ctx)).where(conditions(ctx, f)).orderBy(asc(ent.introducedOn), asc(ent.id)));
}

export async function enterpriseRow(ctx: Ctx, id: number) {
  const [row] = await enterpriseQuery(dbOf(ctx)).where(and(eq(ent.id, id), enterprisesInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return (await toRows(ctx, [row]))[0];
}

/** An enterprise in scope (for writes that hang off it: investment, workers); `path` names the field when it is not there. */
export async function enterpriseInScope(ctx: Ctx, id: number, path: string) {
  const [row] = await dbOf(ctx)
    .select()
    .from(ent)
    .where(and(eq(ent.id, id), enterprisesInScope(ctx.user.scope)));
  if (!row) throw invalid({ path, key: 'industry.validation.noEnterprise' });
  return row;
}

async function checkRefs(
  tx: Tx,
  b: { programmeId?: number | null; parkId?: number | null; creditCode?: string | null; divisionCode: string },
  id?: number,
) {
  await assertProgramme(tx, b.programmeId, 'body.programmeId');
  if (b.parkId != null) {
    const [p] = await tx
      .select({ id: parks.id, name: parks.name, divisionCode: parks.divisionCode })
      .from(parks)
      .where(eq(parks.id, b.parkId));
    if (!p) throw invalid({ path: 'body.parkId', key: 'industry.validation.noRef' });
    if (!parkHolds(p.divisionCode, b.divisionCode))
      throw invalid({ path: 'body.parkId', key: 'industry.validation.parkElsewhere', params: { name: p.name } });
  }
  if (b.creditCode) {
    const [other] = await tx.select({ id: ent.id, name: ent.name }).from(ent).where(eq(ent.creditCode, b.creditCode));
    if (other && other.id !== id)
      throw new AppError('CONFLICT', {}, [
        { path: 'body.creditCode', key: 'industry.validation.duplicateCredit', params: { name: other.name } },
      ]);
  }
}

export async function createEnterprise(ctx: Ctx, input: z.output<typeof EnterpriseInput>) {
  const body = { ...input, teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  checkDates(body.introducedOn, body.exitedOn, 'body.exitedOn');
  assertPlaceInScope(ctx.user.scope, { ...body, otherDivisionCode: body.originDivisionCode });
  return withTx(ctx, async (tx, ctx) => {
    await checkRefs(tx, body);
    const [row] = await tx.insert(ent).values(body).returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'industry_enterprise', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateEnterprise(ctx: Ctx, id: number, patch: z.output<typeof EnterprisePatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(ent).where(eq(ent.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertSidesInScope(ctx.user.scope, { ...before, otherDivisionCode: before.originDivisionCode });
    const next = { ...before, ...patch };
    checkDates(next.introducedOn, next.exitedOn, 'body.exitedOn');
    assertPlaceInScope(ctx.user.scope, { ...next, otherDivisionCode: next.originDivisionCode });
    await checkRefs(tx, { ...patch, parkId: next.parkId, divisionCode: next.divisionCode }, id);
    const [after] = await tx
      .update(ent)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(ent.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'industry_enterprise', entityId: id, before, after });
    return id;
  });
}
