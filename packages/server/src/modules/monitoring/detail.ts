// One household as its detail page shows it: members (masked), risks, measures, visits, the review
// history with evidence, the clock, the rule checks and the actions this user may take now.

import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { HouseholdDetail } from '@xiezuo/shared/contracts/monitoring';
import { asc, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { divisions } from '../registry';
import { levelOver, loadHousehold } from './access';
import { publicMeasure } from './activity';
import { maskAddress, maskPhone, openContact } from './contact';
import { householdSummary, procedureClock, publicMember } from './households';
import { eliminationChecks } from './review';
import {
  monitoringAttachments as A,
  monitoringMeasures,
  monitoringMembers,
  monitoringRisks,
  monitoringSteps,
  monitoringVisits,
} from './tables';
import { allowedActions } from './workflow';

export async function householdDetail(ctx: Ctx, id: number): Promise<HouseholdDetail> {
  const { db } = ctx.services;
  const h = await loadHousehold(db, ctx.user.scope, id);
  const today = todayInBeijing();
  const [members, risks, measures, visits, steps, files, [village]] = await Promise.all([
    db
      .select()
      .from(monitoringMembers)
      .where(eq(monitoringMembers.householdId, id))
      .orderBy(desc(monitoringMembers.active), asc(monitoringMembers.id)),
    db.select().from(monitoringRisks).where(eq(monitoringRisks.householdId, id)).orderBy(asc(monitoringRisks.id)),
    db.select().from(monitoringMeasures).where(eq(monitoringMeasures.householdId, id)).orderBy(asc(monitoringMeasures.id)),
    db
      .select()
      .from(monitoringVisits)
      .where(eq(monitoringVisits.householdId, id))
      .orderBy(desc(monitoringVisits.visitedOn), desc(monitoringVisits.id)),
    db.select().from(monitoringSteps).where(eq(monitoringSteps.householdId, id)).orderBy(asc(monitoringSteps.id)),
    db
      .select({
        id: A.id,
        stepId: A.stepId,
        visitId: A.visitId,
        fileName: A.fileName,
        mimeType: A.mimeType,
        size: A.size,
        taken: A.takenAt,
      })
      .from(A)
      .where(eq(A.householdId, id))
      .then((rows) => rows.map(({ taken, ...f }) => ({ ...f, takenAt: taken?.toISOString() ?? null }))),
    db.select({ name: divisions.name }).from(divisions).where(eq(divisions.code, h.divisionCode)),
  ]);
  const persons = members.filter((m) => m.active).length;
  const openRisks = [...new Set(risks.filter((r) => !r.closedOn).map((r) => r.kind))];
  const showChecks = h.status === 'monitored' || h.status === 'eliminating';
  // a visit's GPS stamp says where the family lives: reviewers above the village (town, county) see it, nobody else
  const level = levelOver(ctx.user.scope, h.divisionCode);
  const seesGps = level === 'town' || level === 'county';
  return {
    household: {
      ...householdSummary(h, village?.name ?? null, persons, openRisks),
      address: maskAddress(openContact(ctx, h.address)),
      phone: maskPhone(openContact(ctx, h.phone)),
      note: h.note,
      noticeFrom: h.noticeFrom,
      noticeTo: h.noticeTo,
    },
    clock: { ...procedureClock(h, today), startedOn: h.procedureStartedOn, stageEnteredAt: h.stageEnteredAt?.toISOString() ?? null },
    members: members.map(publicMember),
    risks: risks.map((r) => ({
      id: r.id,
      kind: r.kind,
      note: r.note,
      identifiedOn: r.identifiedOn,
      closedOn: r.closedOn,
      closeNote: r.closeNote,
    })),
    measures: measures.map(publicMeasure),
    visits: visits.map((v) => ({
      id: v.id,
      visitedOn: v.visitedOn,
      visitors: v.visitors,
      findings: v.findings,
      incomePerHead: v.incomePerHead == null ? null : Number(v.incomePerHead),
      incomeYear: v.incomeYear,
      riskChanges: v.riskChanges,
      photos: files.filter((f) => f.visitId === v.id),
      ...(seesGps && v.gps ? { gps: v.gps } : {}),
    })),
    steps: steps.map((s) => ({ ...s, at: s.at.toISOString(), attachments: files.filter((f) => f.stepId === s.id) })),
    pendingAttachments: files.filter((f) => !f.stepId && !f.visitId),
    checks: showChecks ? await eliminationChecks(ctx, h, today) : [],
    actions: allowedActions(
      { status: h.status as never, stage: h.stage as never, noticeTo: h.noticeTo },
      { permissions: ctx.user.permissions, level },
      today,
    ),
    canReveal: ctx.user.permissions.includes('sensitive.reveal'),
  };
}
