// What happens to a monitored household over time: risks (风险), assistance measures (帮扶措施) and home
// visits (入户走访), and the worklist that reminds each user of what is due.

import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type {
  Measure,
  MeasureKind,
  Reconciled,
  Risk,
  RiskKind,
  Status,
  Visit,
  VisitCreate,
  Worklist,
} from '@xiezuo/shared/contracts/monitoring';
import { and, asc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { divisions } from '../registry';
import { type Household, householdsInScope, levelOver, loadHousehold, settings } from './access';
import { once } from './offline';
import {
  monitoringHouseholds as H,
  monitoringMembers as M,
  monitoringMeasures as Me,
  monitoringAttachments,
  monitoringRisks as R,
  monitoringVisits as V,
} from './tables';
import { addDays } from './workdays';
import { allowedActions } from './workflow';

const money = (v: number | null | undefined) => (v == null ? null : String(v));

export async function addRisk(
  ctx: Ctx,
  householdId: number,
  body: { kind: RiskKind; note?: string; identifiedOn: string; clientId?: string },
): Promise<Risk> {
  return once(ctx, body.clientId, 'risk', (ctx) =>
    withTx(ctx, async (tx) => {
      await loadHousehold(tx, ctx.user.scope, householdId, true);
      if (body.clientId) {
        // offline: a risk of this kind opened meanwhile is the same risk — answered, not doubled
        const [open] = await tx
          .select()
          .from(R)
          .where(and(eq(R.householdId, householdId), eq(R.kind, body.kind), isNull(R.closedOn)));
        if (open) return { ...open, reconciled: [{ kind: 'riskAlreadyOpen' as const, id: open.id, params: { kind: body.kind } }] };
      }
      const [row] = await tx
        .insert(R)
        .values({ householdId, kind: body.kind, note: body.note ?? null, identifiedOn: body.identifiedOn })
        .returning();
      await writeAudit(tx, ctx.actor, { action: 'create', entity: 'monitoring_risk', entityId: row.id, after: row });
      return body.clientId ? { ...row, reconciled: [] } : row;
    }),
  );
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

export async function followUpMeasure(
  ctx: Ctx,
  measureId: number,
  body: { on: string; note?: string; clientId?: string },
): Promise<Measure> {
  return once(ctx, body.clientId, 'followUp', (ctx) =>
    withTx(ctx, async (tx) => {
      const [m] = await tx.select().from(Me).where(eq(Me.id, measureId));
      if (!m) throw new AppError('NOT_FOUND');
      await loadHousehold(tx, ctx.user.scope, m.householdId);
      // an offline follow-up older than the one on record is kept as history in the audit log, not written over it
      const reconciled = await followUp(tx, body.clientId ? m : { ...m, lastFollowUpOn: null }, body.on, body.note ?? null);
      const [after] = await tx.select().from(Me).where(eq(Me.id, measureId));
      await writeAudit(tx, ctx.actor, {
        action: 'update',
        entity: 'monitoring_measure',
        entityId: measureId,
        before: m,
        after: { ...after, followUp: { on: body.on, note: body.note ?? null }, reconciled },
      });
      return { ...publicMeasure(after), ...(body.clientId ? { reconciled } : {}) };
    }),
  );
}

/** One visit: records findings, updates income, opens and closes risks, follows up measures, links photos (in ctx.tx when a ledger import calls it).
 *  With a client id (an offline upload) it is idempotent and reconciles with a household that changed meanwhile. */
export async function recordVisit(ctx: Ctx, householdId: number, body: VisitCreate): Promise<Visit> {
  if (body.visitedOn > todayInBeijing()) throw invalid({ path: 'body.visitedOn', key: 'monitoring.refused.visitFuture' });
  return once(ctx, body.clientId, 'visit', (ctx) => writeVisit(ctx, householdId, body));
}

async function writeVisit(ctx: Ctx, householdId: number, body: VisitCreate): Promise<Visit> {
  const offline = !!body.clientId;
  return withTx(ctx, async (tx) => {
    const h = await loadHousehold(tx, ctx.user.scope, householdId, true);
    const reconciled: Reconciled[] = [];
    const risks = await tx.select().from(R).where(eq(R.householdId, h.id));
    const foreignRisk = body.closeRiskIds.find((id) => !risks.some((r) => r.id === id && (offline || !r.closedOn)));
    if (foreignRisk) throw invalid({ path: 'body.closeRiskIds', key: 'monitoring.errors.riskForeign', params: { id: foreignRisk } });
    const toClose = body.closeRiskIds.filter((id) => !risks.find((r) => r.id === id)?.closedOn);
    for (const r of risks.filter((r) => body.closeRiskIds.includes(r.id) && r.closedOn))
      reconciled.push({ kind: 'riskAlreadyClosed', id: r.id, params: { kind: r.kind, on: r.closedOn! } });
    const toOpen = body.openRisks.filter((o) => {
      const open = offline && risks.find((r) => r.kind === o.kind && !r.closedOn && !toClose.includes(r.id));
      if (open) reconciled.push({ kind: 'riskAlreadyOpen', id: open.id, params: { kind: o.kind } });
      return !open;
    });
    const measures = body.followedMeasureIds.length
      ? await tx
          .select()
          .from(Me)
          .where(and(inArray(Me.id, body.followedMeasureIds), eq(Me.householdId, h.id)))
      : [];
    const foreignMeasure = body.followedMeasureIds.find((id) => !measures.some((m) => m.id === id));
    if (foreignMeasure)
      throw invalid({ path: 'body.followedMeasureIds', key: 'monitoring.errors.measureForeign', params: { id: foreignMeasure } });
    await ownPhotos(tx, h.id, body.photoIds);
    reconciled.push(...(await householdMoved(tx, h, body)));

    const opened = toOpen.length
      ? await tx
          .insert(R)
          .values(toOpen.map((r) => ({ householdId: h.id, kind: r.kind, note: r.note ?? null, identifiedOn: body.visitedOn })))
          .returning({ id: R.id, kind: R.kind })
      : [];
    if (toClose.length) await tx.update(R).set({ closedOn: body.visitedOn, closeNote: '走访核实' }).where(inArray(R.id, toClose));
    for (const m of measures) reconciled.push(...(await followUp(tx, m, body.visitedOn)));
    const [visit] = await tx
      .insert(V)
      .values({
        householdId: h.id,
        visitedOn: body.visitedOn,
        visitors: body.visitors,
        findings: body.findings,
        incomePerHead: money(body.incomePerHead),
        incomeYear: body.incomeYear ?? null,
        riskChanges: { opened, closed: toClose, followed: body.followedMeasureIds },
        gps: body.gps ?? null,
        createdBy: ctx.actor.id,
      })
      .returning();
    if (body.photoIds.length)
      await tx.update(monitoringAttachments).set({ visitId: visit.id }).where(inArray(monitoringAttachments.id, body.photoIds));
    const patch: Partial<typeof H.$inferInsert> = { updatedAt: new Date() };
    const newest = !h.lastVisitOn || body.visitedOn >= h.lastVisitOn;
    if (newest) patch.lastVisitOn = body.visitedOn;
    if (body.incomePerHead != null && newest)
      Object.assign(patch, { incomePerHead: money(body.incomePerHead), incomeYear: body.incomeYear ?? h.incomeYear });
    else if (body.incomePerHead != null) reconciled.push({ kind: 'incomeNotApplied', id: null, params: { lastVisitOn: h.lastVisitOn! } });
    await tx.update(H).set(patch).where(eq(H.id, h.id));
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'monitoring_visit', entityId: visit.id, after: { ...visit, reconciled } });
    const { createdBy: _, gps: __, ...rest } = visit;
    return {
      ...rest,
      incomePerHead: visit.incomePerHead == null ? null : Number(visit.incomePerHead),
      createdAt: visit.createdAt.toISOString(),
      ...(offline ? { reconciled } : {}),
    };
  });
}

/** Photos of a visit: uploaded for this household and not yet part of a visit or a step. */
async function ownPhotos(tx: Tx, householdId: number, ids: number[]) {
  if (!ids.length) return;
  const A = monitoringAttachments;
  const found = await tx
    .select({ id: A.id })
    .from(A)
    .where(and(inArray(A.id, ids), eq(A.householdId, householdId), isNull(A.visitId), isNull(A.stepId)));
  const missing = ids.find((id) => !found.some((r) => r.id === id));
  if (missing) throw invalid({ path: 'body.photoIds', key: 'monitoring.errors.attachmentForeign', params: { id: missing } });
}

/** What changed in the household since the cadre saw it offline: members who left, the status moved on. */
async function householdMoved(tx: Tx, h: Household, body: VisitCreate): Promise<Reconciled[]> {
  if (!body.basis) return [];
  const out: Reconciled[] = [];
  if (body.basis.status !== h.status) out.push({ kind: 'statusChanged', id: null, params: { from: body.basis.status, to: h.status } });
  const ids = body.basis.activeMemberIds;
  const left = ids.length
    ? await tx
        .select({ id: M.id, name: M.name, reason: M.leftReason })
        .from(M)
        .where(and(inArray(M.id, ids), eq(M.householdId, h.id), eq(M.active, false)))
    : [];
  for (const m of left) out.push({ kind: 'memberLeft', id: m.id, params: { name: m.name, reason: m.reason ?? 'other' } });
  return out;
}

/** A follow-up on a date: never moves a measure's last follow-up back (a newer one is kept and said so). */
async function followUp(tx: Tx, m: typeof Me.$inferSelect, on: string, note?: string | null): Promise<Reconciled[]> {
  if (m.lastFollowUpOn && m.lastFollowUpOn > on) return [{ kind: 'newerFollowUp', id: m.id, params: { on: m.lastFollowUpOn } }];
  await tx
    .update(Me)
    .set(note === undefined ? { lastFollowUpOn: on } : { lastFollowUpOn: on, followUpNote: note })
    .where(eq(Me.id, m.id));
  return [];
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
