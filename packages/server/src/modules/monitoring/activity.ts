// What happens to a monitored household over time: risks (风险), assistance measures (帮扶措施) and home
// visits (入户走访), and the worklist that reminds each user of what is due.

import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { Measure, MeasureKind, Risk, RiskKind, Status, Visit, VisitCreate, Worklist } from '@xiezuo/shared/contracts/monitoring';
import { and, asc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError, invalid } from '../../platform/http/errors';
import { divisions } from '../registry';
import { householdsInScope, levelOver, loadHousehold, settings } from './access';
import {
  monitoringHouseholds as H,
  monitoringMeasures as Me,
  monitoringAttachments,
  monitoringRisks as R,
  monitoringVisits as V,
} from './tables';
import { addDays } from './workdays';
import { allowedActions } from './workflow';

const money = (v: number | null | undefined) => (v == null ? null : String(v));

export async function addRisk(ctx: Ctx, householdId: number, body: { kind: RiskKind; note?: string; identifiedOn: string }): Promise<Risk> {
  return withTx(ctx, async (tx) => {
    await loadHousehold(tx, ctx.user.scope, householdId);
    const [row] = await tx
      .insert(R)
      .values({ householdId, kind: body.kind, note: body.note ?? null, identifiedOn: body.identifiedOn })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'monitoring_risk', entityId: row.id, after: row });
    return row;
  });
}

export async function closeRisk(ctx: Ctx, riskId: number, body: { closedOn: string; note?: string }): Promise<Risk> {
  return withTx(ctx, async (tx) => {
    const [risk] = await tx.select().from(R).where(eq(R.id, riskId));
    if (!risk) throw new AppError('NOT_FOUND');
    await loadHousehold(tx, ctx.user.scope, risk.householdId);
    if (risk.closedOn) throw new AppError('CONFLICT');
    const [after] = await tx
      .update(R)
      .set({ closedOn: body.closedOn, closeNote: body.note ?? null })
      .where(eq(R.id, riskId))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'monitoring_risk', entityId: riskId, before: risk, after });
    return after;
  });
}

export interface MeasureBody {
  kind: MeasureKind;
  description: string;
  providerTeamId?: number | null;
  providerUnitId?: number | null;
  amount?: number | null;
  startOn: string;
  endOn?: string | null;
}

/** A measure as the API answers it: the amount in 元 as a number. */
export function publicMeasure(m: typeof Me.$inferSelect): Measure {
  return { ...m, amount: m.amount == null ? null : Number(m.amount) };
}

/** A measure for a household (in ctx.tx when a ledger import calls it). */
export async function addMeasure(ctx: Ctx, householdId: number, body: MeasureBody): Promise<Measure> {
  if (body.endOn && body.endOn < body.startOn)
    throw invalid({ path: 'body.endOn', key: 'validation.tooSmall', params: { min: body.startOn } });
  return withTx(ctx, async (tx) => {
    await loadHousehold(tx, ctx.user.scope, householdId);
    const [row] = await tx
      .insert(Me)
      .values({
        householdId,
        kind: body.kind,
        description: body.description,
        providerTeamId: body.providerTeamId ?? null,
        providerUnitId: body.providerUnitId ?? null,
        amount: money(body.amount),
        startOn: body.startOn,
        endOn: body.endOn ?? null,
      })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'monitoring_measure', entityId: row.id, after: row });
    return publicMeasure(row);
  });
}

export async function followUpMeasure(ctx: Ctx, measureId: number, body: { on: string; note?: string }): Promise<Measure> {
  return withTx(ctx, async (tx) => {
    const [m] = await tx.select().from(Me).where(eq(Me.id, measureId));
    if (!m) throw new AppError('NOT_FOUND');
    await loadHousehold(tx, ctx.user.scope, m.householdId);
    const [after] = await tx
      .update(Me)
      .set({ lastFollowUpOn: body.on, followUpNote: body.note ?? null })
      .where(eq(Me.id, measureId))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'monitoring_measure', entityId: measureId, before: m, after });
    return publicMeasure(after);
  });
}

/** One visit: records findings, updates income, opens and closes risks, follows up measures, links photos (in ctx.tx when a ledger import calls it). */
export async function recordVisit(ctx: Ctx, householdId: number, body: VisitCreate): Promise<Visit> {
  if (body.visitedOn > todayInBeijing()) throw invalid({ path: 'body.visitedOn', key: 'monitoring.refused.noticeFuture' });
  return withTx(ctx, async (tx) => {
    const h = await loadHousehold(tx, ctx.user.scope, householdId, true);
    const own = async <T extends { id: number }>(ids: number[], rows: Promise<T[]>, path: string, key: string) => {
      if (!ids.length) return;
      const found = await rows;
      const missing = ids.find((id) => !found.some((r) => r.id === id));
      if (missing) throw invalid({ path, key, params: { id: missing } });
    };
    await own(
      body.closeRiskIds,
      tx
        .select({ id: R.id })
        .from(R)
        .where(and(inArray(R.id, body.closeRiskIds.length ? body.closeRiskIds : [0]), eq(R.householdId, h.id), isNull(R.closedOn))),
      'body.closeRiskIds',
      'monitoring.errors.riskForeign',
    );
    await own(
      body.followedMeasureIds,
      tx
        .select({ id: Me.id })
        .from(Me)
        .where(and(inArray(Me.id, body.followedMeasureIds.length ? body.followedMeasureIds : [0]), eq(Me.householdId, h.id))),
      'body.followedMeasureIds',
      'monitoring.errors.measureForeign',
    );
    await own(
      body.photoIds,
      tx
        .select({ id: monitoringAttachments.id })
        .from(monitoringAttachments)
        .where(
          and(
            inArray(monitoringAttachments.id, body.photoIds.length ? body.photoIds : [0]),
            eq(monitoringAttachments.householdId, h.id),
            isNull(monitoringAttachments.visitId),
            isNull(monitoringAttachments.stepId),
          ),
        ),
      'body.photoIds',
      'monitoring.errors.attachmentForeign',
    );

    const opened = body.openRisks.length
      ? await tx
          .insert(R)
          .values(body.openRisks.map((r) => ({ householdId: h.id, kind: r.kind, note: r.note ?? null, identifiedOn: body.visitedOn })))
          .returning({ id: R.id, kind: R.kind })
      : [];
    if (body.closeRiskIds.length)
      await tx.update(R).set({ closedOn: body.visitedOn, closeNote: '走访核实' }).where(inArray(R.id, body.closeRiskIds));
    if (body.followedMeasureIds.length)
      await tx.update(Me).set({ lastFollowUpOn: body.visitedOn }).where(inArray(Me.id, body.followedMeasureIds));
    const [visit] = await tx
      .insert(V)
      .values({
        householdId: h.id,
        visitedOn: body.visitedOn,
        visitors: body.visitors,
        findings: body.findings,
        incomePerHead: money(body.incomePerHead),
        incomeYear: body.incomeYear ?? null,
        riskChanges: { opened, closed: body.closeRiskIds, followed: body.followedMeasureIds },
        createdBy: ctx.actor.id,
      })
      .returning();
    if (body.photoIds.length)
      await tx.update(monitoringAttachments).set({ visitId: visit.id }).where(inArray(monitoringAttachments.id, body.photoIds));
    const patch: Partial<typeof H.$inferInsert> = { updatedAt: new Date() };
    if (!h.lastVisitOn || body.visitedOn > h.lastVisitOn) patch.lastVisitOn = body.visitedOn;
    if (body.incomePerHead != null)
      Object.assign(patch, { incomePerHead: money(body.incomePerHead), incomeYear: body.incomeYear ?? h.incomeYear });
    await tx.update(H).set(patch).where(eq(H.id, h.id));
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'monitoring_visit', entityId: visit.id, after: visit });
    const { createdBy: _, ...rest } = visit;
    return {
      ...rest,
      incomePerHead: visit.incomePerHead == null ? null : Number(visit.incomePerHead),
      createdAt: visit.createdAt.toISOString(),
    };
  });
}

const WATCHED: Status[] = ['identifying', 'monitored', 'eliminating'];

/** 我的待办: visits due, steps waiting for this user, measures nobody followed up within the interval. */
export async function worklist(ctx: Ctx): Promise<Worklist> {
  const { db } = ctx.services;
  const { visitIntervalDays } = settings();
  const today = todayInBeijing();
  const cutoff = addDays(today, -visitIntervalDays);
  const scoped = householdsInScope(ctx.user.scope);
  const cols = {
    id: H.id,
    headName: H.headName,
    divisionCode: H.divisionCode,
    village: divisions.name,
    status: H.status,
    stage: H.stage,
    noticeTo: H.noticeTo,
    lastVisitOn: H.lastVisitOn,
    procedureStartedOn: H.procedureStartedOn,
  };
  const watched: SQL = inArray(H.status, WATCHED);
  const [due, pending, measures] = await Promise.all([
    db
      .select(cols)
      .from(H)
      .leftJoin(divisions, eq(divisions.code, H.divisionCode))
      .where(and(scoped, watched, or(isNull(H.lastVisitOn), lt(H.lastVisitOn, cutoff))))
      .orderBy(asc(H.lastVisitOn), asc(H.id))
      .limit(200),
    db
      .select(cols)
      .from(H)
      .leftJoin(divisions, eq(divisions.code, H.divisionCode))
      .where(and(scoped, sql`${H.stage} is not null`))
      .orderBy(asc(H.stageEnteredAt))
      .limit(500),
    db
      .select({
        id: Me.id,
        householdId: Me.householdId,
        headName: H.headName,
        village: divisions.name,
        kind: Me.kind,
        description: Me.description,
        startOn: Me.startOn,
        lastFollowUpOn: Me.lastFollowUpOn,
      })
      .from(Me)
      .innerJoin(H, eq(H.id, Me.householdId))
      .leftJoin(divisions, eq(divisions.code, H.divisionCode))
      .where(
        and(
          scoped,
          watched,
          or(isNull(Me.endOn), sql`${Me.endOn} >= ${today}`),
          or(isNull(Me.lastFollowUpOn), lt(Me.lastFollowUpOn, cutoff)),
          lt(Me.startOn, cutoff),
        ),
      )
      .orderBy(asc(Me.lastFollowUpOn), asc(Me.id))
      .limit(200),
  ]);
  const reviews = pending
    .map((h) => ({
      ...h,
      actions: allowedActions(
        { status: h.status as never, stage: h.stage as never, noticeTo: h.noticeTo },
        { permissions: ctx.user.permissions, level: levelOver(ctx.user.scope, h.divisionCode) },
        today,
      ),
    }))
    .filter((h) => h.actions.length > 0);
  return { intervalDays: visitIntervalDays, dueVisits: due, reviews, measures };
}
