// 务工就业: jobs of people from the helped side. Where the job is (就地就近/省内/跨省, 其中到广东) is computed
// from the home village and the place of work; 脱贫人口 from lifted_persons; 稳岗 from the dates.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { type DestinationKind, destinationKindOf, type EmploymentInput, isStable } from '@xiezuo/shared/contracts/labour';
import { and, asc, count, eq, ilike, like, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError, invalid } from '../../platform/http/errors';
import { assertInScope, inScope } from '../../platform/scope';
import { divisions } from '../registry';
import { assertWritable, dbOf, employmentsInScope, ownTeamOf } from './access';
import { isLifted, numberOrNull, sealIdNumber } from './people';
import { unknownNames } from './stations';
import { labourEmployments } from './tables';

export interface EmploymentFilter {
  divisionCode?: string;
  destination?: DestinationKind;
  q?: string;
}

const workPlace = alias(divisions, 'work_place');
const e = labourEmployments;

function employmentQuery(ctx: Ctx) {
  return dbOf(ctx)
    .select({
      row: e,
      divisionName: divisions.name,
      workDivisionName: workPlace.name,
      lifted: sql<boolean>`${isLifted('labour_employments')}`.mapWith(Boolean),
    })
    .from(e)
    .leftJoin(divisions, eq(divisions.code, e.divisionCode))
    .leftJoin(workPlace, eq(workPlace.code, e.workDivisionCode));
}
type EmploymentRecord = Awaited<ReturnType<typeof employmentQuery>>[number];

export function toEmploymentRow({ row, divisionName, workDivisionName, lifted }: EmploymentRecord) {
  return {
    id: row.id,
    name: row.name,
    idNumberMasked: row.idMasked,
    lifted: Boolean(lifted),
    divisionCode: row.divisionCode,
    divisionName,
    teamId: row.teamId,
    employer: row.employer,
    workDivisionCode: row.workDivisionCode,
    workDivisionName,
    destination: destinationKindOf(row.divisionCode, row.workDivisionCode),
    toGuangdong: row.workDivisionCode.startsWith('44'),
    startDate: row.startDate,
    endDate: row.endDate,
    stable: isStable(row.startDate, row.endDate, todayInBeijing()),
    monthlyWage: numberOrNull(row.monthlyWage),
    channel: row.channel,
    station: row.station,
    brand: row.brand,
    note: row.note,
  };
}

/** SQL for "the job's place seen from home" (same rule as destinationKindOf). */
const destinationSql = (kind: DestinationKind): SQL =>
  kind === 'local'
    ? sql`left(${e.workDivisionCode}, 6) = left(${e.divisionCode}, 6)`
    : kind === 'in_province'
      ? sql`left(${e.workDivisionCode}, 2) = left(${e.divisionCode}, 2) and left(${e.workDivisionCode}, 6) <> left(${e.divisionCode}, 6)`
      : sql`left(${e.workDivisionCode}, 2) <> left(${e.divisionCode}, 2)`;

function conditions(ctx: Ctx, f: EmploymentFilter): SQL | undefined {
  const conds = [employmentsInScope(ctx.user.scope)];
  if (f.divisionCode) conds.push(like(e.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.destination) conds.push(destinationSql(f.destination));
  if (f.q) conds.push(ilike(e.name, `%${f.q}%`));
  return and(...conds);
}

export async function listEmployments(ctx: Ctx, f: EmploymentFilter & { page: number; pageSize: number }) {
  const where = conditions(ctx, f);
  const [rows, [{ total }]] = await Promise.all([
    employmentQuery(ctx)
      .where(where)
      .orderBy(asc(e.divisionCode), asc(e.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    dbOf(ctx).select({ total: count() }).from(e).where(where),
  ]);
  return { items: rows.map(toEmploymentRow), total: Number(total), page: f.page, pageSize: f.pageSize };
}

/** Every matching job with the ciphertext (for exports). */
export function allEmployments(ctx: Ctx, f: EmploymentFilter) {
  return dbOf(ctx).select().from(e).where(conditions(ctx, f)).orderBy(asc(e.divisionCode), asc(e.id));
}

export async function employmentRow(ctx: Ctx, id: number) {
  const [r] = await employmentQuery(ctx).where(eq(e.id, id));
  if (!r) throw new AppError('NOT_FOUND');
  assertInScope(ctx.user.scope, { divisionCode: r.row.divisionCode, teamId: r.row.teamId });
  return toEmploymentRow(r);
}

type Body = z.output<typeof EmploymentInput>;

/** The team a record belongs to: as given, else the team user's own when the home village is outside their places. */
function teamOf(ctx: Ctx, body: Body): number | null {
  if (body.teamId != null) return body.teamId;
  return inScope(ctx.user.scope, { divisionCode: body.divisionCode }) ? null : ownTeamOf(ctx.user.scope);
}

export function checkEmploymentDates(start: string, end: string | null | undefined, path = 'body.endDate') {
  if (end && end < start) throw invalid({ path, key: 'labour.validation.endBeforeStart' });
}

/** Adds a job, or corrects the one of that person, employer and start date (a re-imported ledger); audited. */
export async function saveEmployment(ctx: Ctx, body: Body) {
  checkEmploymentDates(body.startDate, body.endDate);
  const teamId = teamOf(ctx, body);
  assertWritable(ctx, { divisionCode: body.divisionCode, teamId });
  for (const kind of ['station', 'brand'] as const)
    if ((await unknownNames(ctx, kind, [body[kind]])).size)
      throw invalid({ path: `body.${kind}`, key: `labour.validation.unknown${kind === 'station' ? 'Station' : 'Brand'}` });
  return withTx(ctx, async (tx, ctx) => {
    const { idNumber, monthlyWage, ...rest } = body;
    const sealed = sealIdNumber(ctx.services.cipher, idNumber);
    const values = { ...rest, teamId, monthlyWage: monthlyWage == null ? null : monthlyWage.toFixed(2) };
    const [before] = await tx
      .select()
      .from(e)
      .where(and(eq(e.idHash, sealed.idHash), eq(e.employer, body.employer), eq(e.startDate, body.startDate)));
    if (before) {
      assertWritable(ctx, before);
      const [after] = await tx
        .update(e)
        .set({ ...values, name: body.name, updatedAt: new Date() })
        .where(eq(e.id, before.id))
        .returning();
      await writeAudit(tx, ctx.actor, { action: 'update', entity: 'labour_employment', entityId: before.id, before, after });
      return before.id;
    }
    const [row] = await tx
      .insert(e)
      .values({ ...values, ...sealed })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'labour_employment', entityId: row.id, after: row });
    return row.id;
  });
}

export async function revealEmployment(ctx: Ctx, id: number): Promise<{ idNumber: string }> {
  return withTx(ctx, async (tx, ctx) => {
    const [row] = await tx.select().from(e).where(eq(e.id, id));
    if (!row) throw new AppError('NOT_FOUND');
    assertInScope(ctx.user.scope, { divisionCode: row.divisionCode, teamId: row.teamId });
    await writeAudit(tx, ctx.actor, {
      action: 'reveal',
      entity: 'labour_employment',
      entityId: id,
      after: { field: 'id_number', name: row.name },
    });
    return { idNumber: ctx.services.cipher.decrypt(row.idCipher) };
  });
}
