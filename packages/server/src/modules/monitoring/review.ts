// The review chain in the database: loads the household, asks the pure state machine (workflow.ts),
// and records the step (who, when, comment, clock, details, evidence) with its audit entry — all in one
// transaction, so a refused or failed step leaves nothing behind.

import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { AttachmentType, FileMeta, RuleCheck, TransitionRequest } from '@xiezuo/shared/contracts/monitoring';
import { toIsoDate } from '@xiezuo/shared/format';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError, invalid } from '../../platform/http/errors';
import { type Household, levelOver, loadHousehold } from './access';
import { openHealth } from './households';
import { once } from './offline';
import { checkElimination } from './rules';
import {
  monitoringHouseholds as H,
  monitoringMembers as M,
  monitoringAttachments,
  monitoringLines,
  monitoringMeasures,
  monitoringRisks,
  monitoringSteps,
} from './tables';
import { workDaysBetween } from './workdays';
import { type Refusal, transition } from './workflow';

/** The elimination rules for one household as of `today`, for reviewers to see (in ctx.tx when there is one). */
export async function eliminationChecks(ctx: Pick<Ctx, 'services' | 'tx'>, h: Household, today = todayInBeijing()): Promise<RuleCheck[]> {
  const db = ctx.tx ?? ctx.services.db;
  // one after another: `db` may be a transaction, whose single connection takes one query at a time
  const [measures] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(monitoringMeasures)
    .where(eq(monitoringMeasures.householdId, h.id));
  const [risks] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(monitoringRisks)
    .where(and(eq(monitoringRisks.householdId, h.id), isNull(monitoringRisks.closedOn)));
  const members = await db
    .select()
    .from(M)
    .where(and(eq(M.householdId, h.id), eq(M.active, true)));
  const [line] = h.incomeYear
    ? await db
        .select({ amount: monitoringLines.amount })
        .from(monitoringLines)
        .where(and(eq(monitoringLines.provinceCode, h.divisionCode.slice(0, 2)), eq(monitoringLines.year, h.incomeYear)))
    : [];
  return checkElimination({
    today,
    monitoredSince: h.identifiedOn,
    measures: Number(measures.n),
    incomePerHead: h.incomePerHead == null ? null : Number(h.incomePerHead),
    incomeYear: h.incomeYear,
    line: line ? Number(line.amount) : null,
    openRisks: Number(risks.n),
    members: members.map((m) => ({ birthDate: m.birthDate, schooling: m.schooling, work: m.work, health: openHealth(ctx, m).health })),
  });
}

function refusalError(r: Refusal): AppError {
  switch (r.kind) {
    case 'state':
      return new AppError('INVALID_TRANSITION');
    case 'permission':
      return new AppError('FORBIDDEN');
    case 'scope':
      return new AppError('OUT_OF_SCOPE');
    case 'level':
      return new AppError('FORBIDDEN', {}, [{ path: 'body.action', key: `monitoring.refused.level.${r.needed}` }]);
    case 'field':
      if (r.field === 'action') return new AppError('INVALID_TRANSITION', {}, [{ path: 'body.action', key: r.key, params: r.params }]);
      return invalid({ path: `body.${r.field}`, key: r.key, params: r.params });
  }
}

export async function takeStep(ctx: Ctx, householdId: number, req: TransitionRequest, today = todayInBeijing()) {
  return withTx(ctx, async (tx, ctx) => {
    const h = await loadHousehold(tx, ctx.user.scope, householdId, true);
    const eliminating = h.status === 'eliminating' || req.action === 'propose_elimination';
    const forward = req.action !== 'return' && req.action !== 'reject';
    const checks = eliminating && forward ? await eliminationChecks(ctx, h, today) : [];
    const warnings = checks.filter((c) => !c.ok).map((c) => c.rule);
    const result = transition(
      { status: h.status as never, stage: h.stage as never, noticeTo: h.noticeTo },
      { permissions: ctx.user.permissions, level: levelOver(ctx.user.scope, h.divisionCode) },
      { ...req, today, warnings },
    );
    if (!result.ok) throw refusalError(result.refusal);
    const { next, procedureEnds } = result;

    // evidence must be this household's and not already attached to another step
    if (req.attachmentIds.length) {
      const found = await tx
        .select({ id: monitoringAttachments.id })
        .from(monitoringAttachments)
        .where(
          and(
            inArray(monitoringAttachments.id, req.attachmentIds),
            eq(monitoringAttachments.householdId, h.id),
            isNull(monitoringAttachments.stepId),
          ),
        );
      const missing = req.attachmentIds.find((id) => !found.some((f) => f.id === id));
      if (missing) throw invalid({ path: 'body.attachmentIds', key: 'monitoring.errors.attachmentForeign', params: { id: missing } });
    }

    const procedure = h.status === 'eliminating' || req.action === 'propose_elimination' ? 'eliminate' : 'identify';
    const stageWorkDays = h.stageEnteredAt ? workDaysBetween(toIsoDate(h.stageEnteredAt), today) : null;
    const values: Partial<typeof H.$inferInsert> = {
      status: next.status,
      stage: next.stage,
      noticeTo: next.noticeTo ?? null,
      stageEnteredAt: next.stage ? new Date() : null,
      updatedAt: new Date(),
    };
    if (req.action === 'publicise') values.noticeFrom = req.noticeFrom;
    if (req.action === 'propose_elimination') values.procedureStartedOn = today;
    if (procedureEnds) values.procedureStartedOn = null;
    if (next.status === 'monitored' && req.action === 'county_approve') values.identifiedOn = today;
    if (next.status === 'eliminated') values.eliminatedOn = today;
    const [after] = await tx.update(H).set(values).where(eq(H.id, h.id)).returning();

    // a closed household no longer holds its people: they may join another household later
    if (next.status === 'rejected' || next.status === 'eliminated') {
      await tx
        .update(M)
        .set({ active: false, leftReason: 'household_closed', updatedAt: new Date() })
        .where(and(eq(M.householdId, h.id), eq(M.active, true)));
    }

    const details = {
      authorisationSigned: req.authorisationSigned,
      authorisationDate: req.authorisationDate,
      noticeFrom: req.noticeFrom,
      noticeTo: req.noticeTo,
      checks: checks.length ? checks : undefined,
      overrideReason: warnings.length ? req.overrideReason : undefined,
    };
    const [step] = await tx
      .insert(monitoringSteps)
      .values({
        householdId: h.id,
        procedure,
        action: req.action,
        fromStatus: h.status,
        fromStage: h.stage,
        toStatus: next.status,
        toStage: next.stage,
        actorId: ctx.actor.id,
        actorName: ctx.user.displayName,
        comment: req.comment ?? null,
        stageWorkDays,
        details,
      })
      .returning();
    if (req.attachmentIds.length)
      await tx.update(monitoringAttachments).set({ stepId: step.id }).where(inArray(monitoringAttachments.id, req.attachmentIds));
    await writeAudit(tx, ctx.actor, {
      action: 'transition',
      entity: 'monitoring_household',
      entityId: h.id,
      before: { status: h.status, stage: h.stage },
      after: { status: after.status, stage: after.stage, action: req.action, comment: req.comment, overrideReason: details.overrideReason },
    });
    return { household: after, step };
  });
}

// ---- attachments (佐证材料, photos) ----

const MAX_BYTES = 5 * 1024 * 1024;
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

export async function uploadAttachment(
  ctx: Ctx,
  householdId: number,
  body: { fileName: string; mimeType: AttachmentType; contentBase64: string; clientId?: string; takenAt?: string },
): Promise<FileMeta> {
  const content = Buffer.from(body.contentBase64, 'base64');
  if (content.length > MAX_BYTES)
    throw invalid({ path: 'body.contentBase64', key: 'monitoring.errors.attachmentSize', params: { max: '5 MB' } });
  if (!MAGIC[body.mimeType]?.(content)) throw invalid({ path: 'body.contentBase64', key: 'monitoring.errors.attachmentType' });
  const fileName = body.fileName.replace(/[\\/\r\n"]/g, '_');
  const takenAt = body.takenAt ? new Date(body.takenAt) : null;
  return once(ctx, body.clientId, 'photo', (ctx) =>
    withTx(ctx, async (tx) => {
      await loadHousehold(tx, ctx.user.scope, householdId);
      const [inserted] = await tx
        .insert(monitoringAttachments)
        .values({ householdId, fileName, mimeType: body.mimeType, size: content.length, content, uploadedBy: ctx.actor.id, takenAt })
        .returning({
          id: monitoringAttachments.id,
          fileName: monitoringAttachments.fileName,
          size: monitoringAttachments.size,
          mimeType: monitoringAttachments.mimeType,
          takenAt: monitoringAttachments.takenAt,
        });
      const row = { ...inserted, takenAt: inserted.takenAt?.toISOString() ?? null };
      await writeAudit(tx, ctx.actor, {
        action: 'create',
        entity: 'monitoring_attachment',
        entityId: row.id,
        after: { householdId, ...row },
      });
      return row;
    }),
  );
}

export async function readAttachment(ctx: Ctx, id: number) {
  const [row] = await ctx.services.db.select().from(monitoringAttachments).where(eq(monitoringAttachments.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  await loadHousehold(ctx.services.db, ctx.user.scope, row.householdId);
  return row;
}
