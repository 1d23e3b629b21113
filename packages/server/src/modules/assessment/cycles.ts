// 考核周期: the assessed parties of a year under a framework, scored from live figures with a trace; the official
// calendar as a workflow (自评 → 结对方意见 → 交叉检查 → 实地核查 → 评审 → 申诉 → 终审), each step dated, by role, audited;
// results lock at final and later data changes show as drift. Reviewers (HQ) enter rubric points, checks, vetoes
// and bonuses; an assessed party sees only its own parties and cannot touch reviewers' entries.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import {
  type CutoffsT,
  CYCLE_STEPS,
  type CycleInput,
  type CycleStep,
  type CycleT,
  type FrameworkInputT,
  type PartyScoreT,
  type ReviewInput,
  SATISFACTION_ITEM,
  type SettleInput,
  type WhatIfInput,
} from '@xiezuo/shared/contracts/assessment';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { inScope } from '../../platform/scope';
import { figureRecords, liveFigures, loadTargets, recordLabels } from '../indicators';
import { divisions } from '../registry';
import { agreementsUnder } from './agreements';
import { frameworkRow } from './frameworks';
import { type ItemInputs, rankParties, scoreItem } from './rules';
import {
  assessmentCycles as C,
  assessmentFrameworks as F,
  assessmentParties as P,
  assessmentReviews as R,
  assessmentSamples as S,
  assessmentSettlements as SE,
  assessmentSteps as ST,
} from './tables';

type Cycle = typeof C.$inferSelect;
type Party = typeof P.$inferSelect;
const dbOf = (ctx: Ctx): Db | Tx => ctx.tx ?? ctx.services.db;
const can = (ctx: Ctx, p: string) => ctx.user.permissions.includes(p as never);
export const isReviewer = (ctx: Ctx) => can(ctx, 'assessment.review');
export const partyInScope = (ctx: Ctx, p: Party) => inScope(ctx.user.scope, { divisionCode: p.divisionCode, teamId: p.teamId });

/** The cycle and its parties, if the user reviews or one of its parties is theirs (else NOT_FOUND). */
async function load(ctx: Ctx, id: number, db: Db | Tx = dbOf(ctx), paired = false) {
  const [cycle] = await db.select().from(C).where(eq(C.id, id));
  if (!cycle) throw new AppError('NOT_FOUND');
  const parties = await db.select().from(P).where(eq(P.cycleId, id)).orderBy(asc(P.id));
  const own = parties.filter((p) => partyInScope(ctx, p));
  if (!isReviewer(ctx) && !own.length && !paired) throw new AppError('NOT_FOUND');
  const framework = await frameworkRow(db, cycle.frameworkId);
  return { cycle, parties, own, framework };
}

const yearOf = (f: { year: number }) => f.year;

/** A division's place prefix is its node's; a team's, the place it is stationed in. */
const prefixOf = (p: Party) => (p.node.startsWith('d:') ? p.node.slice(2) : p.divisionCode ? divisionPrefix(p.divisionCode) : null);

/** A party's agreements for the framework's year and programme: those of the places under it (either side). */
async function agreementsOf(ctx: Ctx, framework: typeof F.$inferSelect, p: Party) {
  const prefix = prefixOf(p);
  return prefix ? agreementsUnder(ctx, prefix, framework.year, framework.programme === 'town' ? 'town_assist' : 'east_west') : [];
}

/** The parties whose agreements have the user's places on their other side (the user is their paired side). */
async function pairedParties(ctx: Ctx, framework: typeof F.$inferSelect, parties: Party[]) {
  const out: Party[] = [];
  for (const p of parties) {
    const agreements = await agreementsOf(ctx, framework, p);
    const other = agreements.flatMap((a) => [a.helperDivisionCode, a.helpedDivisionCode]).filter((c) => !c.startsWith(prefixOf(p) ?? '-'));
    if (other.some((code) => inScope(ctx.user.scope, { divisionCode: code }))) out.push(p);
  }
  return out;
}

/**
 * Where the records behind a party's indicator figure lie, as its score reads them: the helped places its agreements
 * set a target of the indicator for, else its own node (the targets module's figure). With the framework, for the
 * outputs (outputs.ts). The caller has checked the party is the user's.
 */
export async function evidenceOf(ctx: Ctx, cycleId: number, partyId: number) {
  const db = dbOf(ctx);
  const [cycle] = await db.select().from(C).where(eq(C.id, cycleId));
  const [party] = await db
    .select()
    .from(P)
    .where(and(eq(P.id, partyId), eq(P.cycleId, cycleId)));
  if (!cycle || !party) throw new AppError('NOT_FOUND');
  const framework = await frameworkRow(db, cycle.frameworkId);
  const agreements = await agreementsOf(ctx, framework, party);
  const nodesOf = (indicator: string) => {
    const nodes = agreements.flatMap((a) => a.targets.filter((t) => t.indicator === indicator).map((t) => t.node));
    return nodes.length ? [...new Set(nodes)] : [party.node];
  };
  return { cycle, party, framework, agreements, nodesOf };
}

/** Every party's item inputs from live figures, agreements/targets and reviewers' entries. */
async function inputsOf(ctx: Ctx, framework: typeof F.$inferSelect, parties: Party[]) {
  const db = dbOf(ctx);
  const year = yearOf(framework);
  const period = `Y${year}`;
  const items = framework.aspects.flatMap((a) => a.items.map((i) => ({ aspect: a.name, item: i })));
  const keys = [...new Set(items.flatMap(({ item }) => (item.indicator ? [item.indicator] : [])))];
  const nodes = parties.map((p) => p.node);
  const figures = await liveFigures(ctx.services, nodes, period, keys);
  const targets = await loadTargets(ctx.services.database, nodes, period);
  const ids = parties.map((p) => p.id);
  const reviews = ids.length ? await db.select().from(R).where(inArray(R.partyId, ids)) : [];
  const settled = ids.length ? await db.select().from(SE).where(inArray(SE.partyId, ids)) : [];
  const out = new Map<number, Map<string, ItemInputs>>();
  for (const p of parties) {
    const agreements = await agreementsOf(ctx, framework, p);
    const m = new Map<string, ItemInputs>();
    for (const { item } of items) {
      const inputs: ItemInputs = {};
      const rs = reviews.filter((r) => r.partyId === p.id && r.item === item.code);
      if (rs.length) inputs.reviews = rs.map((r) => ({ reviewer: r.reviewer, points: r.points, flag: r.flag }));
      const st = settled.find((s) => s.partyId === p.id && s.item === item.code);
      if (st) inputs.settled = { points: st.points, reason: st.reason };
      if (item.kind === 'indicator' && item.indicator) {
        const rows = agreements.flatMap((a) =>
          a.targets.filter((t) => t.indicator === item.indicator).map((t) => ({ agreement: a.title, helped: a.helpedName, ...t })),
        );
        if (rows.length) {
          // the agreement: its targets and the live figures of the helped places they name
          inputs.target = rows.reduce((s, r) => s + r.target, 0);
          inputs.actual = rows.some((r) => r.actual == null) ? null : rows.reduce((s, r) => s + (r.actual ?? 0), 0);
          (inputs as Record<string, unknown>).source = `年度帮扶协议 ${rows.length} 项`;
        } else {
          // the targets module's target for the party's node (HQ → team split)
          inputs.target = targets.find((t) => t.node === p.node && t.indicator === item.indicator)?.value ?? null;
          inputs.actual = figures.get(p.node)?.get(item.indicator) ?? null;
          (inputs as Record<string, unknown>).source = '目标任务';
        }
      }
      if (item.kind === 'innovation' && item.indicator) inputs.actual = figures.get(p.node)?.get(item.indicator) ?? null;
      if (item.kind === 'imported') inputs.actual = rs.length ? rs[rs.length - 1].points : null;
      m.set(item.code, inputs);
    }
    out.set(p.id, m);
  }
  return out;
}

/** Live scores of every party (total, grade, rank within group), optionally with other max points or cut-offs. */
export function scoreAll(
  framework: { aspects: FrameworkInputT['aspects']; cutoffs: CutoffsT },
  parties: Party[],
  inputs: Map<number, Map<string, ItemInputs>>,
  overrides: { maxPoints?: Record<string, number>; cutoffs?: CutoffsT } = {},
): PartyScoreT[] {
  const list = parties.map((p) => ({
    partyId: p.id,
    node: p.node,
    name: p.name,
    group: p.group,
    items: framework.aspects.flatMap((a) =>
      a.items.map((i) => scoreItem(a.name, i, inputs.get(p.id)?.get(i.code) ?? {}, overrides.maxPoints?.[i.code] ?? i.maxPoints)),
    ),
  }));
  return rankParties(list, overrides.cutoffs ?? framework.cutoffs);
}

async function liveScores(ctx: Ctx, framework: typeof F.$inferSelect, parties: Party[]) {
  return scoreAll(framework, parties, await inputsOf(ctx, framework, parties));
}

/** Field checks: each (party, item)'s latest sample round, its verified share and whether a re-check is forced. */
async function checksOf(db: Db | Tx, cycle: Cycle, partyIds: number[]) {
  if (!partyIds.length) return [];
  const rows = await db.select().from(S).where(inArray(S.partyId, partyIds)).orderBy(asc(S.id));
  const keys = [...new Set(rows.map((r) => `${r.partyId}|${r.item}`))];
  return keys.map((k) => {
    const all = rows.filter((r) => `${r.partyId}|${r.item}` === k);
    const round = Math.max(...all.map((r) => r.round));
    const latest = all.filter((r) => r.round === round);
    const reported = latest.reduce((s, r) => s + r.qty, 0);
    const done = latest.every((r) => r.verified != null);
    const verified = done ? latest.reduce((s, r) => s + (r.verified ? r.qty : 0), 0) : null;
    const difference = verified == null ? null : reported ? Math.abs(reported - verified) / reported : 0;
    return {
      partyId: all[0].partyId,
      item: all[0].item,
      round,
      reported,
      verified,
      difference,
      // satisfaction visits record what households say; they are not a self-reported figure to re-check
      recheckRequired: all[0].item !== SATISFACTION_ITEM && difference != null && difference > cycle.recheckShare,
    };
  });
}

export async function getCycle(ctx: Ctx, id: number, paired = false): Promise<CycleT> {
  const { cycle, parties, own, framework } = await load(ctx, id, dbOf(ctx), true);
  const db = dbOf(ctx);
  const reviewer = isReviewer(ctx);
  // the paired side sees the parties it is paired with while it gives its opinion
  const pairedWith = !reviewer && !own.length && cycle.step === 'paired' ? await pairedParties(ctx, framework, parties) : [];
  if (!reviewer && !own.length && !pairedWith.length && !paired) throw new AppError('NOT_FOUND');
  const visible = new Set((reviewer ? parties : own.length ? own : pairedWith).map((p) => p.id));
  const live = await liveScores(ctx, framework, parties);
  const locked = cycle.lockedAt ? parties.map((p) => p.locked).filter((x): x is PartyScoreT => !!x) : null;
  const scores = (locked ?? live).filter((s) => visible.has(s.partyId));
  const drift = locked
    ? locked
        .filter((l) => visible.has(l.partyId))
        .map((l) => {
          const now = live.find((x) => x.partyId === l.partyId)!;
          return { partyId: l.partyId, locked: l.total, live: now.total, lockedGrade: l.grade, liveGrade: now.grade };
        })
    : [];
  const ids = [...visible];
  const [steps, reviews, settlements] = await Promise.all([
    db.select().from(ST).where(eq(ST.cycleId, id)).orderBy(asc(ST.id)),
    ids.length ? db.select().from(R).where(inArray(R.partyId, ids)).orderBy(asc(R.id)) : [],
    ids.length ? db.select().from(SE).where(inArray(SE.partyId, ids)).orderBy(asc(SE.id)) : [],
  ]);
  return {
    id: cycle.id,
    frameworkId: cycle.frameworkId,
    frameworkName: framework.name,
    year: framework.year,
    name: cycle.name,
    step: cycle.step,
    lockedAt: cycle.lockedAt?.toISOString() ?? null,
    recheckShare: cycle.recheckShare,
    groups: framework.groups,
    scores,
    drift,
    steps: steps
      .filter((s) => s.partyId == null || visible.has(s.partyId))
      .map((s) => ({ step: s.step, partyId: s.partyId, doneOn: s.doneOn, role: s.role, by: s.byName, note: s.note })),
    reviews: reviews.map((r) => ({
      partyId: r.partyId,
      item: r.item,
      reviewer: r.reviewer,
      reviewerId: r.reviewerId,
      points: r.points,
      flag: r.flag,
      note: r.note,
    })),
    settlements: settlements.map((s) => ({ partyId: s.partyId, item: s.item, points: s.points, reason: s.reason, by: s.byName })),
    checks: await checksOf(db, cycle, ids),
    canReview: reviewer && !cycle.lockedAt,
    ownParties: own.map((p) => p.id),
  };
}

export async function listCycles(ctx: Ctx) {
  const db = dbOf(ctx);
  const cycles = await db
    .select({ c: C, frameworkName: F.name, year: F.year })
    .from(C)
    .innerJoin(F, eq(F.id, C.frameworkId))
    .orderBy(asc(C.id));
  const parties = await db.select().from(P);
  return cycles
    .filter(({ c }) => isReviewer(ctx) || parties.some((p) => p.cycleId === c.id && partyInScope(ctx, p)))
    .map(({ c, frameworkName, year }) => ({
      id: c.id,
      name: c.name,
      year,
      frameworkName,
      step: c.step,
      lockedAt: c.lockedAt?.toISOString() ?? null,
      parties: parties.filter((p) => p.cycleId === c.id).length,
    }));
}

/** Where a party node lies, for scope: a division prefix padded to its 12-digit code, or a team and its station. */
async function placeOf(ctx: Ctx, tx: Tx, node: string) {
  if (node.startsWith('d:')) {
    const code = node.slice(2).padEnd(12, '0');
    const [d] = await tx.select({ name: divisions.name }).from(divisions).where(eq(divisions.code, code));
    if (!d) return null;
    return { divisionCode: code, teamId: null, name: d.name };
  }
  const id = Number(node.slice(2));
  const [team] = await ctx.services.directory.teamNames(tx as unknown as Db, [id]);
  if (!team) return null;
  const [sub] = await ctx.services.directory.teamSubtrees(tx as unknown as Db, [id]);
  return { divisionCode: sub?.divisionCode ?? null, teamId: id, name: team.name };
}

export async function createCycle(ctx: Ctx, body: z.output<typeof CycleInput>) {
  const id = await withTx(ctx, async (tx, ctx) => {
    const framework = await frameworkRow(tx, body.frameworkId).catch(() => {
      throw invalid({ path: 'body.frameworkId', key: 'assessment.validation.framework' });
    });
    const groups = new Set(framework.groups.map((g) => g.key));
    const [cycle] = await tx.insert(C).values({ frameworkId: framework.id, name: body.name, recheckShare: body.recheckShare }).returning();
    for (const [i, p] of body.parties.entries()) {
      if (!groups.has(p.group))
        throw invalid({ path: `body.parties.${i}.group`, key: 'assessment.validation.group', params: { group: p.group } });
      const place = await placeOf(ctx, tx, p.node);
      if (!place) throw invalid({ path: `body.parties.${i}.node`, key: 'assessment.validation.node' });
      await tx.insert(P).values({
        cycleId: cycle.id,
        node: p.node,
        name: p.name ?? place.name,
        group: p.group,
        divisionCode: place.divisionCode,
        teamId: place.teamId,
      });
    }
    // a framework a cycle uses is locked: edits go to a copy
    if (!framework.lockedAt) await tx.update(F).set({ lockedAt: new Date() }).where(eq(F.id, framework.id));
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'assessment_cycle', entityId: cycle.id, after: body });
    return cycle.id;
  });
  return getCycle(ctx, id);
}

function assertOpen(cycle: Cycle) {
  if (cycle.lockedAt) throw new AppError('CONFLICT', {}, [{ path: 'params.id', key: 'assessment.validation.locked' }]);
}

async function logStep(
  tx: Tx,
  ctx: Ctx,
  cycle: Cycle,
  step: CycleStep,
  partyId: number | null,
  note: string | null,
  snapshot: unknown = null,
) {
  await tx.insert(ST).values({
    cycleId: cycle.id,
    partyId,
    step,
    doneOn: todayInBeijing(),
    role: ctx.user.role,
    byName: ctx.user.displayName,
    note,
    snapshot: snapshot as never,
  });
  await writeAudit(tx, ctx.actor, { action: 'update', entity: 'assessment_cycle', entityId: cycle.id, after: { step, partyId, note } });
}

/**
 * HQ closes the current step and opens the next; the field check cannot close while a re-check is due; final locks.
 * Figures are read before the transaction (PGlite serves one connection at a time: the engine reads outside it).
 */
export async function advanceCycle(ctx: Ctx, id: number, note?: string) {
  const pre = await load(ctx, id);
  const at = CYCLE_STEPS.indexOf(pre.cycle.step);
  const next = CYCLE_STEPS[at + 1] as CycleStep | undefined;
  const scores = next === 'final' ? await liveScores(ctx, pre.framework, pre.parties) : null;
  await withTx(ctx, async (tx, ctx) => {
    const { cycle, parties, framework } = await load(ctx, id, tx);
    assertOpen(cycle);
    if (cycle.step !== pre.cycle.step) throw new AppError('CONFLICT');
    if (cycle.step === 'field') {
      const itemName = (code: string) =>
        code === SATISFACTION_ITEM
          ? ctx.t('assessment.cycle.satisfaction')
          : (framework.aspects.flatMap((a) => a.items).find((i) => i.code === code)?.name ?? code);
      const open = (
        await checksOf(
          tx,
          cycle,
          parties.map((p) => p.id),
        )
      ).filter((c) => c.verified == null || c.recheckRequired);
      if (open.length) {
        const p = parties.find((x) => x.id === open[0].partyId);
        throw new AppError('CONFLICT', {}, [
          {
            path: 'params.id',
            key: open[0].verified == null ? 'assessment.validation.sampleOpen' : 'assessment.validation.recheck',
            params: { party: p?.name ?? '', item: itemName(open[0].item) },
          },
        ]);
      }
    }
    await logStep(tx, ctx, cycle, cycle.step, null, note ?? null);
    if (!next) throw new AppError('CONFLICT', {}, [{ path: 'params.id', key: 'assessment.validation.locked' }]);
    if (scores) {
      // 终审: the scores as they stand are the result; later data changes show as drift
      for (const s of scores) await tx.update(P).set({ locked: s }).where(eq(P.id, s.partyId));
      await tx.update(C).set({ step: next, lockedAt: new Date() }).where(eq(C.id, id));
      await logStep(tx, ctx, cycle, 'final', null, null);
    } else await tx.update(C).set({ step: next }).where(eq(C.id, id));
  });
  return getCycle(ctx, id);
}

/** A party's part of a step: its self-assessment (the scores as submitted are kept), the paired side's opinion, an appeal. */
export async function partyStep(ctx: Ctx, id: number, body: { partyId: number; note: string }) {
  const pre = await load(ctx, id, dbOf(ctx), true);
  const own = pre.parties.find((p) => p.id === body.partyId);
  // the paired side's opinion: a user of the other side of one of the party's agreements
  const pairedSide =
    own && pre.cycle.step === 'paired' && !isReviewer(ctx) && !partyInScope(ctx, own)
      ? (await agreementsOf(ctx, pre.framework, own)).some((a) =>
          [a.helperDivisionCode, a.helpedDivisionCode].some(
            (code) => !code.startsWith(prefixOf(own) ?? '-') && inScope(ctx.user.scope, { divisionCode: code }),
          ),
        )
      : false;
  if (!isReviewer(ctx) && !pre.own.length && !pairedSide) throw new AppError('NOT_FOUND');
  const snapshot =
    pre.cycle.step === 'self' && own ? (await liveScores(ctx, pre.framework, pre.parties)).find((x) => x.partyId === own.id) : null;
  await withTx(ctx, async (tx, ctx) => {
    const { cycle, parties } = await load(ctx, id, tx, pairedSide);
    assertOpen(cycle);
    if (cycle.step !== pre.cycle.step) throw new AppError('CONFLICT');
    const party = parties.find((p) => p.id === body.partyId);
    if (!party) throw invalid({ path: 'body.partyId', key: 'assessment.validation.party' });
    if (!['self', 'paired', 'appeal'].includes(cycle.step))
      throw new AppError('CONFLICT', {}, [{ path: 'body.partyId', key: 'assessment.validation.notPartyStep' }]);
    // the self-assessment and the appeal are the party's own; the opinion is its paired side's (or HQ's)
    if (!isReviewer(ctx) && !partyInScope(ctx, party) && !(cycle.step === 'paired' && pairedSide)) throw new AppError('OUT_OF_SCOPE');
    await logStep(tx, ctx, cycle, cycle.step, party.id, body.note, snapshot);
  });
  return getCycle(ctx, id, pairedSide);
}

async function reviewable(ctx: Ctx, tx: Tx, id: number, partyId: number, item: string) {
  const { cycle, parties, framework } = await load(ctx, id, tx);
  assertOpen(cycle);
  const party = parties.find((p) => p.id === partyId);
  if (!party) throw invalid({ path: 'body.partyId', key: 'assessment.validation.party' });
  const found = framework.aspects.flatMap((a) => a.items).find((i) => i.code === item);
  if (!found) throw invalid({ path: 'body.item', key: 'assessment.validation.item', params: { code: item } });
  return { cycle, party, item: found };
}

/** A reviewer's entry for a party's item (one per reviewer; a second entry replaces their first). */
export async function saveReview(ctx: Ctx, id: number, body: z.output<typeof ReviewInput>) {
  await withTx(ctx, async (tx, ctx) => {
    const { item } = await reviewable(ctx, tx, id, body.partyId, body.item);
    if (item.kind === 'indicator' || item.kind === 'innovation')
      throw invalid({ path: 'body.item', key: 'assessment.validation.computedItem', params: { code: item.code } });
    const low = item.kind === 'bonus' ? -item.maxPoints : 0;
    if (body.points < low || body.points > item.maxPoints)
      throw invalid({ path: 'body.points', key: 'assessment.validation.points', params: { min: low, max: item.maxPoints } });
    const [before] = await tx
      .select()
      .from(R)
      .where(and(eq(R.partyId, body.partyId), eq(R.item, body.item), eq(R.reviewerId, ctx.user.id)));
    const values = {
      partyId: body.partyId,
      item: body.item,
      reviewerId: ctx.user.id,
      reviewer: ctx.user.displayName,
      points: body.points,
      flag: body.flag ?? null,
      note: body.note ?? null,
    };
    if (before)
      await tx
        .update(R)
        .set({ ...values, at: new Date() })
        .where(eq(R.id, before.id));
    else await tx.insert(R).values(values);
    await writeAudit(tx, ctx.actor, {
      action: before ? 'update' : 'create',
      entity: 'assessment_review',
      entityId: id,
      before: before ?? null,
      after: values,
    });
  });
  return getCycle(ctx, id);
}

/** How reviewers' differing scores were settled: the points that count and why. */
export async function settle(ctx: Ctx, id: number, body: z.output<typeof SettleInput>) {
  await withTx(ctx, async (tx, ctx) => {
    const { item } = await reviewable(ctx, tx, id, body.partyId, body.item);
    const low = item.kind === 'bonus' ? -item.maxPoints : 0;
    if (body.points < low || body.points > item.maxPoints)
      throw invalid({ path: 'body.points', key: 'assessment.validation.points', params: { min: low, max: item.maxPoints } });
    const values = { partyId: body.partyId, item: body.item, points: body.points, reason: body.reason, byName: ctx.user.displayName };
    await tx
      .insert(SE)
      .values(values)
      .onConflictDoUpdate({
        target: [SE.partyId, SE.item],
        set: { points: body.points, reason: body.reason, byName: ctx.user.displayName, at: new Date() },
      });
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'assessment_settlement', entityId: id, after: values });
  });
  return getCycle(ctx, id);
}

// ---- field check ----
const sampleOut = (r: typeof S.$inferSelect) => ({
  id: r.id,
  partyId: r.partyId,
  item: r.item,
  round: r.round,
  record: r.record,
  label: r.label,
  day: r.day,
  qty: r.qty,
  verified: r.verified,
});

export async function listSamples(ctx: Ctx, id: number) {
  const { parties, own } = await load(ctx, id);
  const ids = (isReviewer(ctx) ? parties : own).map((p) => p.id);
  if (!ids.length) return [];
  return (await dbOf(ctx).select().from(S).where(inArray(S.partyId, ids)).orderBy(asc(S.round), asc(S.id))).map(sampleOut);
}

/** The indicator whose records a sample draws from: the item's, or for satisfaction visits the households under monitoring. */
export const SATISFACTION_SOURCE = 'monitoring.households';

/**
 * Records as a checker finds them: each subject's label (FactSource.describe: a project's document number, an
 * enterprise, a household head's masked name) and its place (town and village names). Subjects without one: null.
 */
export async function describeRecords(ctx: Ctx, indicator: string, subjects: string[]): Promise<Map<string, string>> {
  const labels = await recordLabels(ctx.services, indicator, subjects);
  const codes = [...labels.values()].flatMap((l) => (l.divisionCode ? [l.divisionCode, `${l.divisionCode.slice(0, 9)}000`] : []));
  const names = new Map(
    (codes.length ? await ctx.services.directory.divisionNames(dbOf(ctx) as Db, [...new Set(codes)]) : []).map((d) => [d.code, d.name]),
  );
  const placeOf = (code: string | null) => {
    if (!code) return '';
    const town = `${code.slice(0, 9)}000`;
    return town !== code && names.has(town) ? `${names.get(town)}${names.get(code) ?? ''}` : (names.get(code) ?? '');
  };
  return new Map(
    [...labels].map(([subject, l]) => {
      const place = placeOf(l.divisionCode);
      return [subject, place ? `${l.label}（${place}）` : l.label];
    }),
  );
}

/**
 * 抽样: a random sample of the records behind an indicator item's figure (its fact source's rows for the party and
 * year), or of the households under monitoring in the party's area for satisfaction visits (SATISFACTION_ITEM). A
 * new round (re-check) may be drawn once the previous one is fully checked. Each record keeps, as drawn, what a
 * checker needs to find it (describeRecords) — never personal data in the clear.
 */
export async function drawSample(
  ctx: Ctx,
  id: number,
  body: { partyId: number; item: string; size: number },
  random: () => number = Math.random,
) {
  const pre = await load(ctx, id);
  const preParty = pre.parties.find((p) => p.id === body.partyId);
  const satisfaction = body.item === SATISFACTION_ITEM;
  const preItem = pre.framework.aspects.flatMap((a) => a.items).find((i) => i.code === body.item);
  const indicator = satisfaction ? SATISFACTION_SOURCE : preItem?.indicator;
  const records = preParty && indicator ? await figureRecords(ctx.services, indicator, preParty.node, `Y${pre.framework.year}`) : [];
  // one entry per subject (a household visited twice is one household to visit)
  const pool = satisfaction ? [...new Map(records.map((r) => [r.subject, r])).values()] : [...records];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const drawn = pool.slice(0, body.size);
  const labels = indicator && drawn.length ? await describeRecords(ctx, indicator, [...new Set(drawn.map((r) => r.subject))]) : new Map();
  await withTx(ctx, async (tx, ctx) => {
    const { cycle, party, item } = satisfaction
      ? await (async () => {
          const { cycle, parties } = await load(ctx, id, tx);
          assertOpen(cycle);
          const party = parties.find((p) => p.id === body.partyId);
          if (!party) throw invalid({ path: 'body.partyId', key: 'assessment.validation.party' });
          return {
            cycle,
            party,
            item: {
              code: SATISFACTION_ITEM,
              name: ctx.t('assessment.cycle.satisfaction'),
              kind: 'indicator' as const,
              indicator: SATISFACTION_SOURCE,
            },
          };
        })()
      : await reviewable(ctx, tx, id, body.partyId, body.item);
    if (cycle.step !== 'field') throw new AppError('CONFLICT', {}, [{ path: 'params.id', key: 'assessment.validation.notField' }]);
    if (item.kind !== 'indicator' || !item.indicator)
      throw invalid({ path: 'body.item', key: 'assessment.validation.notSampled', params: { code: item.code } });
    const previous = await tx
      .select()
      .from(S)
      .where(and(eq(S.partyId, party.id), eq(S.item, item.code)));
    if (previous.some((r) => r.verified == null))
      throw new AppError('CONFLICT', {}, [
        { path: 'body.item', key: 'assessment.validation.sampleOpen', params: { party: party.name, item: item.name } },
      ]);
    if (!drawn.length) throw invalid({ path: 'body.item', key: 'assessment.validation.noRecords' });
    const round = previous.length ? Math.max(...previous.map((r) => r.round)) + 1 : 1;
    const picked = drawn.map((r) => ({
      partyId: party.id,
      item: item.code,
      round,
      record: r.subject,
      label: labels.get(r.subject) ?? null,
      day: r.day,
      qty: satisfaction ? 1 : Number(r.qty),
    }));
    await tx.insert(S).values(picked);
    await writeAudit(tx, ctx.actor, {
      action: 'create',
      entity: 'assessment_sample',
      entityId: party.id,
      after: { item: item.code, round, records: picked.map((p) => p.record) },
    });
  });
  return listSamples(ctx, id);
}

export async function verifySample(ctx: Ctx, sampleId: number, verified: boolean) {
  const cycleId = await withTx(ctx, async (tx, ctx) => {
    const [row] = await tx.select({ s: S, cycleId: P.cycleId }).from(S).innerJoin(P, eq(P.id, S.partyId)).where(eq(S.id, sampleId));
    if (!row) throw new AppError('NOT_FOUND');
    const { cycle } = await load(ctx, row.cycleId, tx);
    assertOpen(cycle);
    if (cycle.step !== 'field') throw new AppError('CONFLICT', {}, [{ path: 'params.id', key: 'assessment.validation.notField' }]);
    await tx.update(S).set({ verified }).where(eq(S.id, sampleId));
    await writeAudit(tx, ctx.actor, {
      action: 'update',
      entity: 'assessment_sample',
      entityId: sampleId,
      before: row.s,
      after: { verified },
    });
    return row.cycleId;
  });
  return listSamples(ctx, cycleId);
}

// ---- what-if ----
/** 情景推演: the cycle (its locked result, else the live one) replayed with other max points or cut-offs; nothing is stored. */
export async function whatIf(ctx: Ctx, id: number, body: z.output<typeof WhatIfInput>) {
  const { cycle, parties, framework } = await load(ctx, id);
  const base: PartyScoreT[] = cycle.lockedAt ? parties.map((p) => p.locked!).filter(Boolean) : await liveScores(ctx, framework, parties);
  // replay from each item's kept inputs (the trace), so a locked cycle replays its locked figures
  const inputs = new Map(base.map((s) => [s.partyId, new Map(s.items.map((i) => [i.code, i.inputs as ItemInputs]))]));
  const replay = (o: { maxPoints?: Record<string, number>; cutoffs?: CutoffsT }) => scoreAll(framework, parties, inputs, o);
  const after = replay(body);
  const items = Object.keys(body.maxPoints).map((code) => {
    const alone = replay({ maxPoints: { [code]: body.maxPoints[code] } });
    const item = framework.aspects.flatMap((a) => a.items).find((i) => i.code === code);
    return {
      item: code,
      name: item?.name ?? code,
      moved:
        Math.round(alone.reduce((s, a) => s + Math.abs(a.total - (base.find((b) => b.partyId === a.partyId)?.total ?? 0)), 0) * 100) / 100,
      gradeChanges: alone.filter((a) => a.grade !== base.find((b) => b.partyId === a.partyId)?.grade).length,
    };
  });
  items.sort((a, b) => b.gradeChanges - a.gradeChanges || b.moved - a.moved);
  return {
    parties: base.map((b) => {
      const a = after.find((x) => x.partyId === b.partyId)!;
      return {
        partyId: b.partyId,
        name: b.name,
        group: b.group,
        total: b.total,
        grade: b.grade,
        whatIfTotal: a.total,
        whatIfGrade: a.grade,
        changed: a.grade !== b.grade,
      };
    }),
    items,
  };
}
