// 共建产业园区: parks the two sides build together; their enterprises and the people at work in them today.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { ParkInput, ParkPatch } from '@xiezuo/shared/contracts/industry';
import { and, asc, eq, ilike, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError } from '../../platform/http/errors';
import { divisions } from '../registry';
import { assertPlaceInScope, assertProgramme, assertSidesInScope, dbOf, ownTeamOf, parksInScope } from './access';
import { industryEnterprises as ent, industryParks as parks, industryWorkers as workers } from './tables';

const helperDiv = alias(divisions, 'helper_div');

export async function listParks(ctx: Ctx, f: { divisionCode?: string; q?: string }) {
  const today = todayInBeijing();
  const conds = [parksInScope(ctx.user.scope)];
  if (f.divisionCode) conds.push(like(parks.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.q) conds.push(ilike(parks.name, `%${f.q}%`));
  const rows = await dbOf(ctx)
    .select({
      id: parks.id,
      name: parks.name,
      divisionCode: parks.divisionCode,
      divisionName: divisions.name,
      helperDivisionCode: parks.helperDivisionCode,
      helperDivisionName: helperDiv.name,
      teamId: parks.teamId,
      programmeId: parks.programmeId,
      areaMu: parks.areaMu,
      outputValue: parks.outputValue,
      establishedOn: parks.establishedOn,
      note: parks.note,
      enterprises: sql<number>`(select count(*)::int from ${ent} where ${ent.parkId} = ${parks.id} and ${ent.exitedOn} is null)`,
      workers: sql<number>`(select count(distinct w.id_hash)::int from ${workers} w join ${ent} e on e.id = w.enterprise_id
                            where e.park_id = ${parks.id} and w.start_date <= ${today} and (w.end_date is null or w.end_date >= ${today}))`,
    })
    .from(parks)
    .leftJoin(divisions, eq(divisions.code, parks.divisionCode))
    .leftJoin(helperDiv, eq(helperDiv.code, parks.helperDivisionCode))
    .where(and(...conds))
    .orderBy(asc(parks.id));
  return rows.map((r) => ({ ...r, enterprises: Number(r.enterprises), workers: Number(r.workers) }));
}

export async function createPark(ctx: Ctx, input: z.output<typeof ParkInput>) {
  const body = { ...input, teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  assertPlaceInScope(ctx.user.scope, { ...body, otherDivisionCode: body.helperDivisionCode });
  return withTx(ctx, async (tx, ctx) => {
    await assertProgramme(tx, body.programmeId, 'body.programmeId');
    const values = { ...body, outputValue: body.outputValue == null ? null : body.outputValue.toFixed(2) };
    const [row] = await tx.insert(parks).values(values).returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'industry_park', entityId: row.id, after: row });
    return { id: row.id };
  });
}

export async function updatePark(ctx: Ctx, id: number, patch: z.output<typeof ParkPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(parks).where(eq(parks.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertSidesInScope(ctx.user.scope, { ...before, otherDivisionCode: before.helperDivisionCode });
    const next = { ...before, ...patch };
    assertPlaceInScope(ctx.user.scope, { ...next, otherDivisionCode: next.helperDivisionCode });
    await assertProgramme(tx, patch.programmeId, 'body.programmeId');
    const { outputValue, ...rest } = patch;
    const values = {
      ...rest,
      ...(outputValue !== undefined && { outputValue: outputValue == null ? null : outputValue.toFixed(2) }),
      updatedAt: new Date(),
    };
    const [after] = await tx.update(parks).set(values).where(eq(parks.id, id)).returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'industry_park', entityId: id, before, after });
    return { id };
  });
}
